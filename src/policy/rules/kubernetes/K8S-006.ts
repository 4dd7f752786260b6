import { PackRule, Violation } from '../../rule';

/** One GPU Operator per cluster, counting one the provider installs itself. */
export const K8S_006: PackRule = {
  id: 'K8S-006',
  severity: 'error',
  description:
    'A cluster runs at most one NVIDIA GPU Operator, counting one its provider installs (Scaleway Kapsule).',
  help: 'Two GPU Operators fight over the same nodes (two driver daemonsets, two ClusterPolicies). Kapsule installs the GPU Operator on every GPU pool: configure that one instead of installing a second. Fix: remove the GpuOperator construct.',
  check({ platform }) {
    const out: Violation[] = [];
    for (const c of platform.clusters) {
      const count =
        c.operators.filter((o) => o.kind === 'gpu-operator').length + (c.managedGpuOperator ? 1 : 0);
      if (count > 1) {
        out.push({
          path: c.path,
          message: `${count} GPU Operators on one cluster${c.managedGpuOperator ? ' (the provider already installs one)' : ''}`,
          measured: count,
          limit: 1,
          unit: 'GPU Operators',
        });
      }
    }
    return out;
  },
};
