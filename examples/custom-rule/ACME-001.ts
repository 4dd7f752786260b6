import type { Rule, Violation } from '../..';

/** ACME's own derating: a busway carries at most 40% of its rating in normal operation. */
export const ACME_001: Rule = {
  id: 'ACME-001',
  severity: 'warning',
  pack: 'acme',
  description: 'Busways carry at most 40% of their rating in normal operation (ACME derating).',
  help: 'ACME keeps busways at 40% or less so that a row can take more racks without new distribution. Fix: add a busway, or move racks to another row.',
  check({ plant }, { flow }) {
    const out: Violation[] = [];
    for (const node of plant.nodes) {
      if (node.kind !== 'busway') continue;
      const loadKw = flow.outW[node.index] / 1000;
      const limitKw = (0.4 * node.capacityW) / 1000;
      if (loadKw > limitKw) {
        out.push({
          path: node.path,
          message: `${node.label} carries ${loadKw.toFixed(1)} kW, above ACME's 40% of its rating (${limitKw.toFixed(1)} kW)`,
          measured: loadKw,
          limit: limitKw,
          unit: 'kW',
        });
      }
    }
    return out;
  },
};
