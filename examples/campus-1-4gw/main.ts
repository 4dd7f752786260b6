/**
 * A 1.4 GW campus: GB300 buildings first, Vera Rubin 800 VDC buildings after. The scale
 * case of the benchmark (`npm run bench`).
 */
import { AiFactoryApp, PhysicalStack } from '../../stacks';
import { buildCampus } from './campus';

const app = new AiFactoryApp();
buildCampus(new PhysicalStack(app, 'campus'));
app.synth();
