/**
 * The default example: what `npm start` and `cdktf synth` synthesize. The 44 MW site
 * modeled on the publicly reported Essonne site: 250 GB200 NVL72 racks (18,000 GPUs) at
 * 132 kW, 2N UPS and distribution with dual-corded racks, N+1 generators, design PUE 1.3;
 * and its Kubernetes GPU platform (GPU Operator, Network Operator, DRA driver with one
 * ComputeDomain per rack, Kueue with two tenants) delivered by GitOps.
 */
import { AiFactoryApp, PhysicalStack } from '../../stacks';
import { buildEssonneSite } from '../essonne-44mw/site';
import { addGpuPlatform } from './platform';

const app = new AiFactoryApp();
const stack = new PhysicalStack(app, 'essonne');
const site = buildEssonneSite(stack, { cooling: 'design-pue' });
addGpuPlatform(stack, site);
app.synth();
