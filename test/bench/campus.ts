/**
 * The benchmark's app: the default example's full 2N power train scaled to BENCH_RACKS
 * GB200 NVL72 racks (default 10,000), with a grid connection sized to pass.
 */
import { AiFactoryApp, PhysicalStack } from '../../stacks';
import { buildEssonneSite } from '../../examples/essonne-44mw/site';
import { gridFor } from './campus-size';

const racks = Number(process.env.BENCH_RACKS ?? 10_000);
const app = new AiFactoryApp();
buildEssonneSite(new PhysicalStack(app, 'campus'), {
  racks,
  gridConnectionMw: gridFor(racks),
  cooling: 'design-pue',
});
app.synth();
