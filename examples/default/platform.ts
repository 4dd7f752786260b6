import { Construct, IConstruct } from 'constructs';
import {
  Delivery,
  DraDriver,
  GpuCluster,
  GpuOperator,
  Kueue,
  NetworkOperator,
  Tenant,
} from '../../constructs';

/**
 * The Kubernetes GPU platform over the site's racks: one cluster (250 racks x 18 compute
 * trays = 4,500 arm64 nodes), the four NVIDIA / Kueue operators at their pinned versions,
 * and two tenants of a national AI-factory program with GPU quotas, delivered by GitOps.
 */
export function addGpuPlatform(scope: Construct, racks: IConstruct): GpuCluster {
  const cluster = new GpuCluster(scope, 'cluster', {
    name: 'essonne-ai',
    racks: [racks],
    delivery: Delivery.gitops({ repoUrl: 'https://git.example.org/platform/essonne-ai.git' }),
  });
  new GpuOperator(cluster, 'gpu-operator');
  new NetworkOperator(cluster, 'network-operator');
  new DraDriver(cluster, 'dra-driver');
  const kueue = new Kueue(cluster, 'kueue');
  new Tenant(kueue, 'startup-lab', { gpuQuota: 4_608 });
  new Tenant(kueue, 'research-institute', { gpuQuota: 9_216 });
  return cluster;
}
