import { exceeds, fmt } from '../../../units';
import { PackRule, Violation } from '../../rule';
import { inRatingUnit, isEquipment, show } from './measure';

/** Normal operation: every piece of equipment stays within its maximum continuous utilization. */
export const PWR_001: PackRule = {
  id: 'PWR-001',
  severity: 'error',
  description: 'Equipment load in normal operation stays within its maximum continuous utilization.',
  help:
    'In normal operation (every component in service, loads shared equally among their feeds), each ' +
    'transformer, switchgear, UPS and busway carries at most its maximum continuous utilization (default 80%: the NEC continuous-load rule; set `maxUtilization` per node or per site for IEC designs). Losses of the stages below are included. Fix: add capacity, move racks to another feed, or lower the rack count.',
  check({ plant }, { flow }) {
    const out: Violation[] = [];
    for (const node of plant.nodes) {
      if (!isEquipment(node)) continue;
      const load = flow.outW[node.index];
      const limit = node.capacityW * node.maxUtilization;
      if (exceeds(load, limit)) {
        out.push({
          path: node.path,
          message: `${node.label} carries ${show(node, load)} in normal operation, above ${fmt(node.maxUtilization * 100)}% of its ${show(node, node.capacityW)} rating (${show(node, limit)})`,
          measured: inRatingUnit(node, load),
          limit: inRatingUnit(node, limit),
          unit: node.ratingUnit,
        });
      }
    }
    return out;
  },
};
