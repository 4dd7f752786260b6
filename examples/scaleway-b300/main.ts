/**
 * Scaleway B300 example: a Kapsule cluster with a B300 pool autoscaling from 1 to 8 nodes and
 * two B300 VMs, in fr-par-2, in the stack `scaleway-b300`. Credentials come from the
 * environment (SCW_ACCESS_KEY, SCW_SECRET_KEY, SCW_DEFAULT_PROJECT_ID); nothing secret is
 * written to the output.
 *
 *   npm run cli -- synth examples/scaleway-b300
 *   cd cdktf.out/stacks/scaleway-b300 && terraform init && terraform plan
 */
import { AiFactoryApp } from '../../stacks';
import { buildScalewayB300 } from './cloud';

const app = new AiFactoryApp();
buildScalewayB300(app);
app.synth();
