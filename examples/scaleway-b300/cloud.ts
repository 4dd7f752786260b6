import { Construct } from 'constructs';
import {
  Residency,
  ScalewayGpuCluster,
  ScalewayGpuInstances,
  ScalewayGpuPool,
  ScalewayGpuType,
  ScalewayPrivateNetwork,
} from '../../constructs/scaleway';
import { CloudStack } from '../../stacks/cloud-stack';

/** The Kubernetes version the example pins (SCW-004): DRA is GA from 1.34. */
export const KUBERNETES_VERSION = '1.34';

export interface ScalewayB300 {
  readonly stack: CloudStack;
  readonly cluster: ScalewayGpuCluster;
  readonly pool: ScalewayGpuPool;
  readonly instances: ScalewayGpuInstances;
}

/**
 * B300 capacity on Scaleway in fr-par-2 (the only zone offering B300 as of July 2026): a
 * Kapsule cluster whose B300-SXM-8-288G pool autoscales from 1 to 8 nodes (8 to 64 GPUs), and
 * two plain B300 VMs for a team that does not want Kubernetes, on the same private network.
 */
export function buildScalewayB300(scope: Construct, id = 'scaleway-b300'): ScalewayB300 {
  const stack = new CloudStack(scope, id, { region: 'fr-par', zone: 'fr-par-2' });
  // Training data and checkpoints stay in France for this project (default: the EU).
  Residency.allow(stack, ['FR']);

  const network = new ScalewayPrivateNetwork(stack, 'gpu-network', {
    region: 'fr-par',
    ipv4Subnet: '172.16.0.0/22',
  });

  const cluster = new ScalewayGpuCluster(stack, 'training', {
    version: KUBERNETES_VERSION,
    region: 'fr-par',
    privateNetwork: network,
    description: 'B300 training cluster',
  });
  const pool = cluster.addPool({
    name: 'b300',
    nodeType: ScalewayGpuType.B300_SXM_8_288G,
    zone: 'fr-par-2',
    autoscaling: { min: 1, max: 8 },
    labels: { 'aifactory.io/gpu': 'b300' },
    taints: [{ key: 'nvidia.com/gpu', value: 'present', effect: 'NoSchedule' }],
  });
  // The Kubernetes GPU platform (Kueue queues and tenants) attaches to `cluster.platformTarget`
  // from here, in its own module; Kapsule's own GPU Operator stays in place.

  const instances = new ScalewayGpuInstances(stack, 'research-vms', {
    instanceType: 'B300-SXM-8-288G',
    count: 2,
    zone: 'fr-par-2',
    privateNetwork: network,
  });

  return { stack, cluster, pool, instances };
}
