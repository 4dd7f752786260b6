/**
 * The 1.4 GW campus example at a fraction of its size (BENCH_CAMPUS_FRACTION: 0.25, 0.5 or 1),
 * for the growth table: its six buildings (four GB300, two Vera Rubin) with BENCH_CAMPUS_FRACTION
 * x 1,024 racks each, a GPU cluster per hall delivered by GitOps and the NetBox inventory
 * sharded per building, as examples/campus-1-4gw builds them; without its tenant programme
 * (which names halls a smaller building does not have), at every size alike.
 */
import { Gb300Nvl72Building, VeraRubinNvl72Building } from '../../blueprints';
import { Site } from '../../constructs';
import { PHASES } from '../../examples/campus-1-4gw/campus';
import { addHallClusters } from '../../examples/campus-1-4gw/clusters';
import { AiFactoryApp, NetboxStack, PhysicalStack } from '../../stacks';

const fraction = Number(process.env.BENCH_CAMPUS_FRACTION ?? 1);
const app = new AiFactoryApp();
const stack = new PhysicalStack(app, 'campus');
const site = new Site(stack, 'fouju', {
  name: 'Campus IA (Fouju)',
  country: 'FR',
  gridConnectionMw: 1_400 * fraction,
  gridVoltageKv: 400,
  designPue: 1.3,
});
let n = 0;
for (const phase of PHASES) {
  for (const full of phase.buildings) {
    const id = `building-${String(++n).padStart(2, '0')}`;
    const racks = Math.round(full * fraction);
    if (phase.blueprint === 'gb300-nvl72') new Gb300Nvl72Building(site, id, { racks });
    else new VeraRubinNvl72Building(site, id, { racks });
  }
}
addHallClusters(stack, site, 'https://git.example.org/platform/fouju.git');
NetboxStack.sharded(app, 'campus-netbox', { site, shardBy: 'building' });
app.synth();
