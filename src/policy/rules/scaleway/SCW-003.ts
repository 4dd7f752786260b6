import { CloudRule } from '../../cloud-rule';
import { Violation } from '../../rule';

/** Pool sizes and autoscaling bounds are consistent. */
export const SCW_003: CloudRule = {
  id: 'SCW-003',
  severity: 'error',
  description:
    'Kapsule pool sizes and autoscaling bounds are consistent: 0 <= min <= max, max > 0, size within them.',
  help:
    'An autoscaling pool needs 0 <= min <= max and max >= 1, and its initial size between min and max; a fixed ' +
    'pool needs at least one node. The Kapsule API refuses anything else at apply time, and a pool whose maximum ' +
    'is 0 never runs a job. Fix: correct `autoscaling.min`, `autoscaling.max` or `size`.',
  check(cloud) {
    const out: Violation[] = [];
    for (const r of cloud.resources) {
      if (r.kind !== 'cloud-pool') continue;
      const finding = (message: string, measured: number, limit: number) =>
        out.push({ path: r.path, message, measured, limit, unit: 'nodes' });
      if (!r.autoscaling) {
        if (r.size < 1) finding(`fixed pool of ${r.size} nodes; a pool needs at least 1`, r.size, 1);
        continue;
      }
      const { min, max } = r.autoscaling;
      if (min < 0) finding(`autoscaling minimum ${min} nodes is below 0`, min, 0);
      if (max < 1) finding(`autoscaling maximum ${max} nodes; it must be at least 1`, max, 1);
      if (min > max) finding(`autoscaling minimum ${min} nodes is above the maximum ${max}`, min, max);
      if (r.size < min)
        finding(`initial size ${r.size} nodes is below the autoscaling minimum ${min}`, r.size, min);
      if (r.size > max)
        finding(`initial size ${r.size} nodes is above the autoscaling maximum ${max}`, r.size, max);
    }
    return out;
  },
};
