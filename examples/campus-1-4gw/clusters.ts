import { Construct } from 'constructs';
import { Building } from '../../blueprints';
import { Delivery, DraDriver, GpuCluster, GpuOperator, Kueue, NetworkOperator, Site } from '../../constructs';

/**
 * A campus is several Kubernetes clusters (at most 5,000 nodes each): one per hall of 128
 * NVL72 racks (2,304 nodes), each with the four operators, delivered by GitOps from one
 * repository.
 */
export function addHallClusters(scope: Construct, site: Site, repoUrl: string): GpuCluster[] {
  const clusters: GpuCluster[] = [];
  for (const building of site.node.children.filter((c): c is Building => c instanceof Building)) {
    for (const hall of building.halls) {
      const cluster = new GpuCluster(scope, `${building.node.id}-${hall.node.id}`, {
        racks: [hall],
        delivery: Delivery.gitops({ repoUrl }),
      });
      new GpuOperator(cluster, 'gpu-operator');
      new NetworkOperator(cluster, 'network-operator');
      new DraDriver(cluster, 'dra-driver');
      new Kueue(cluster, 'kueue');
      clusters.push(cluster);
    }
  }
  return clusters;
}
