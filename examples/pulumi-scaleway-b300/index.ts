/**
 * The Scaleway B300 example as a Pulumi program: the same builder as `examples/scaleway-b300`
 * (a Kapsule cluster with a B300-SXM-8-288G pool autoscaling from 1 to 8 nodes, two B300 VMs,
 * Kueue with two tenants), built under a plain root and handed to the Pulumi adapter. The same
 * checks run first: with an error finding the program stops, printing what `aifactory check`
 * prints. Credentials come from the environment (SCW_ACCESS_KEY, SCW_SECRET_KEY,
 * SCW_DEFAULT_PROJECT_ID); the Kubernetes provider of the platform comes from the declared
 * cluster's kubeconfig, a secret output.
 *
 *   cd examples/pulumi-scaleway-b300 && pulumi stack init dev && pulumi preview
 */
import { RootConstruct } from 'constructs';
import { secret } from '@pulumi/pulumi';
import { deploy } from '../../pulumi';
import { buildScalewayB300 } from '../scaleway-b300/cloud';

const root = new RootConstruct();
const { cluster } = buildScalewayB300(root);
const design = deploy(root);

const training = design.scaleway.clusters[cluster.node.path];
/** The Kapsule cluster's id and API server; its admin kubeconfig, as a secret. */
export const clusterId = training.id;
export const apiserverUrl = training.apiserverUrl;
export const kubeconfig = secret(training.kubeconfigs.apply((k) => k[0].configFile));
/** Cloud GPUs at the pool's bounds, as `aifactory check` reports them. */
export const cloudGpus = design.evaluation.design.cloud.totals;
