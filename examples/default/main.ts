/**
 * The default example: what `npm start` and `cdktf synth` synthesize. The 44 MW site
 * modeled on the publicly reported Essonne site: 250 GB200 NVL72 racks (18,000 GPUs) at
 * 132 kW, 2N UPS and distribution with dual-corded racks, N+1 generators, design PUE 1.3.
 */
import { AiFactoryApp, PhysicalStack } from '../../stacks';
import { buildEssonneSite } from '../essonne-44mw/site';

const app = new AiFactoryApp();
buildEssonneSite(new PhysicalStack(app, 'essonne'), { cooling: 'design-pue' });
app.synth();
