/**
 * A 1.4 GW campus: GB300 buildings first, Vera Rubin 800 VDC buildings after; a GPU
 * cluster per hall delivered by GitOps; its NetBox inventory at rack level sharded into a
 * stack per building (split further where a building passes the cap of resources per stack).
 * The scale case of the benchmark (`npm run bench`).
 */
import { AiFactoryApp, NetboxStack, PhysicalStack } from '../../stacks';
import { buildCampus } from './campus';
import { addHallClusters } from './clusters';

const app = new AiFactoryApp();
const stack = new PhysicalStack(app, 'campus');
const site = buildCampus(stack);
addHallClusters(stack, site, 'https://git.example.org/platform/fouju.git');
NetboxStack.sharded(app, 'campus-netbox', { site, shardBy: 'building' });
app.synth();
