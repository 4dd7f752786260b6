import { KUBELET_LABELS, LABELS } from '../../../kubernetes/names';
import { GFD_CLIQUE_LABEL } from '../../../kubernetes/operators/kueue';
import { PackRule, Violation } from '../../rule';

/** Every Kueue topology level is a label the cluster's nodes carry. */
export const K8S_004: PackRule = {
  id: 'K8S-004',
  severity: 'error',
  description: "Every level of a Kueue Topology is a node label the cluster's nodes carry.",
  help: 'Topology Aware Scheduling places pods by the node labels its levels name; a level no node carries makes every workload that asks for it unschedulable. Fix: use the layout labels (aifactory.io/pod, aifactory.io/rack, kubernetes.io/hostname).',
  check({ platform }) {
    const out: Violation[] = [];
    for (const c of platform.clusters) {
      const keys = new Set<string>();
      for (const n of c.nodes)
        for (const k of [...Object.keys(n.labels), ...Object.keys(n.kubeletLabels)]) keys.add(k);
      for (const g of c.nodeGroups)
        for (const k of [...Object.keys(g.labels), ...Object.values(KUBELET_LABELS)]) keys.add(k);
      // GPU Feature Discovery (GPU Operator) labels the NVLink clique of multi-node NVLink nodes.
      const gfd = c.managedGpuOperator || c.operators.some((o) => o.kind === 'gpu-operator');
      const multiNode =
        c.nodes.length > 0 && c.nodes.every((n) => n.labels[LABELS.nvlinkDomain] === n.labels[LABELS.rack]);
      if (gfd && multiNode) keys.add(GFD_CLIQUE_LABEL);
      for (const op of c.operators) {
        for (const r of op.resources) {
          if (r.kind !== 'Topology') continue;
          const levels = (r.spec?.levels as { nodeLabel: string }[] | undefined) ?? [];
          for (const l of levels) {
            if (!keys.has(l.nodeLabel)) {
              out.push({
                path: op.path,
                message: `Topology ${r.metadata.name} level '${l.nodeLabel}' is a label no node carries (nodes carry: ${[...keys].sort().join(', ')})`,
              });
            }
          }
        }
      }
    }
    return out;
  },
};
