/**
 * The default example: what `npm start` and `cdktf synth` synthesize.
 * A 44 MW GB200 NVL72 site modeled on the publicly reported Essonne site.
 */
import { AiFactoryApp, PhysicalStack } from '../../stacks';
import { buildEssonneSite } from './essonne';

const app = new AiFactoryApp();
const stack = new PhysicalStack(app, 'essonne');
buildEssonneSite(stack);
app.synth();
