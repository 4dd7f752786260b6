import { PackRule, Violation } from '../../rule';

export const MAX_NODES_PER_CLUSTER = 5_000;

/** A cluster within the upstream scalability limit of 5,000 nodes. */
export const K8S_003: PackRule = {
  id: 'K8S-003',
  severity: 'error',
  description: 'A Kubernetes cluster holds at most 5,000 nodes.',
  help: 'Kubernetes is tested up to 5,000 nodes per cluster (upstream scalability thresholds). A campus is several clusters: split the racks between GpuClusters, for example one per building or per hall.',
  check({ platform }) {
    const out: Violation[] = [];
    for (const c of platform.clusters) {
      if (c.maxNodes > MAX_NODES_PER_CLUSTER) {
        out.push({
          path: c.path,
          message: `${c.maxNodes} nodes > ${MAX_NODES_PER_CLUSTER} per cluster`,
          measured: c.maxNodes,
          limit: MAX_NODES_PER_CLUSTER,
          unit: 'nodes',
        });
      }
    }
    return out;
  },
};
