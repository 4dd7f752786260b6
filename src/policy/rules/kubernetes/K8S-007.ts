import { loadUpstreamValues, unknownValuePaths } from '../../../upstream/values-paths';
import { PackRule, Violation } from '../../rule';

/** Every emitted Helm values key exists in the pinned chart's values.yaml. */
export const K8S_007: PackRule = {
  id: 'K8S-007',
  severity: 'error',
  description: "Every Helm values key emitted for an operator exists in the chart's upstream values.yaml.",
  help: "Helm ignores unknown values silently: a typo ('driver.verison') deploys the default instead of what was asked. Values are checked against the values.yaml of the pinned chart release copied into src/upstream. Fix: correct the key in the operator's `values`.",
  check({ platform }) {
    const out: Violation[] = [];
    for (const c of platform.clusters) {
      for (const op of c.operators) {
        for (const p of unknownValuePaths(op.values, loadUpstreamValues(op.chart))) {
          out.push({
            path: op.path,
            message: `values key '${p}' does not exist in ${op.chart} ${op.version} values.yaml`,
          });
        }
      }
    }
    return out;
  },
};
