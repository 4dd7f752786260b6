import { Construct } from 'constructs';
import {
  Residency,
  ScalewayGpuCluster,
  ScalewayGpuInstances,
  ScalewayGpuPool,
  ScalewayGpuType,
  ScalewayPrivateNetwork,
} from '../../constructs/scaleway';
import { Delivery, GpuCluster, Kueue, Tenant } from '../../constructs/kubernetes';
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
 * two plain B300 VMs for a team that does not want Kubernetes, on the same private network;
 * Kueue with two tenants on the cluster, delivered by Terraform through the cluster's own
 * kubeconfig references.
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
  // The Kubernetes GPU platform on the Kapsule cluster: Kapsule's own GPU Operator stays in
  // place (no second one); Kueue with two tenants sharing the pool's 64 GPUs at its largest.
  const target = cluster.platformTarget;
  const platform = new GpuCluster(stack, 'platform', {
    name: 'training',
    racks: [cluster],
    delivery: Delivery.terraform(),
    connection: { host: target.host, token: target.token, clusterCaCertificate: target.clusterCaCertificate },
  });
  const kueue = new Kueue(platform, 'kueue');
  new Tenant(kueue, 'startup-a', { gpuQuota: 32 });
  new Tenant(kueue, 'lab-b', { gpuQuota: 32 });

  const instances = new ScalewayGpuInstances(stack, 'research-vms', {
    instanceType: 'B300-SXM-8-288G',
    count: 2,
    zone: 'fr-par-2',
    privateNetwork: network,
  });

  return { stack, cluster, pool, instances };
}
