/**
 * A 1.4 GW campus: GB300 buildings first, Vera Rubin 800 VDC buildings after; a GPU
 * cluster per hall delivered by GitOps; one campus queue (a MultiKueue manager) for an
 * AI2F-style programme of startups and an enterprise tenant kept in France, with burst
 * capacity on Scaleway in Warsaw; its NetBox inventory at rack level sharded into a
 * stack per building (split further where a building passes the cap of resources per stack).
 * The scale case of the benchmark (`npm run bench`).
 */
import { AiFactoryApp, NetboxStack, PhysicalStack } from '../../stacks';
import { buildCampus } from './campus';
import { addHallClusters } from './clusters';
import { addProgramme } from './programme';

const app = new AiFactoryApp();
const stack = new PhysicalStack(app, 'campus');
const site = buildCampus(stack);
const repoUrl = 'https://git.example.org/platform/fouju.git';
const halls = addHallClusters(stack, site, repoUrl);
addProgramme(stack, app, halls, repoUrl);
NetboxStack.sharded(app, 'campus-netbox', { site, shardBy: 'building' });
app.synth();
