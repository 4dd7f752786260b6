/**
 * The 44 MW Essonne site from public reporting, on the `gb200-nvl72` blueprint with its
 * cooling plant: 250 GB200 NVL72 racks, 18,000 GPUs, 33 MW IT, PUE computed (1.28) against
 * the 1.3 target.
 *
 * What fits the same grid, by the real checks (`npm run cli -- plan --blueprint gb200-nvl72 --grid-mw 44`):
 *
 *   blueprint gb200-nvl72 on a 44 MW grid connection (PUE from the blueprint cooling plant)
 *   fits 256 racks (32 SUs), 18,432 GPUs: IT 33.79 MW, facility 43.24 MW, PUE 1.28
 *   264 racks fail PWR-003: facility 44.59 MW > grid 44 MW
 */
import { AiFactoryApp, PhysicalStack } from '../../stacks';
import { buildEssonneSite } from './site';

const app = new AiFactoryApp();
buildEssonneSite(new PhysicalStack(app, 'essonne-44mw'));
app.synth();
