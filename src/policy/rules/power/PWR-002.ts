import { exceeds, fmt } from '../../../units';
import { PackRule, Violation } from '../../rule';
import { inRatingUnit, isEquipment, show } from './measure';

/** N-1: under the loss of any single component, no surviving equipment exceeds 100% of its rating. */
export const PWR_002: PackRule = {
  id: 'PWR-002',
  severity: 'error',
  description: 'Under any single failure (N-1), surviving equipment stays within 100% of its rating.',
  help: 'Every component is removed in turn; the loads below it move to their surviving feeds (a dual-corded rack draws all of its power from the other side), and every component whose load rises is checked against 100% of its rating, the emergency limit. Parallel groups (UPS modules) are also checked with one unit lost. The finding names the worst case. Fix: size each side of a 2N pair for the whole load, or add a redundant unit.',
  check({ plant }, { contingency }) {
    const out: Violation[] = [];
    for (const node of plant.nodes) {
      if (!isEquipment(node)) continue;
      const i = node.index;
      if (!exceeds(contingency.worstUtilization[i], 1)) continue;
      const load = contingency.worstLoadW[i];
      const capacity = contingency.worstCapacityW[i];
      const failed = contingency.worstFailure[i];
      const cause =
        failed === i ? `with one of its ${node.units} units lost` : `when ${plant.nodes[failed].path} fails`;
      out.push({
        path: node.path,
        message: `${node.label} carries ${show(node, load)} ${cause}, ${fmt(contingency.worstUtilization[i] * 100)}% of its ${show(node, capacity)} rating (limit 100%)`,
        measured: inRatingUnit(node, load),
        limit: inRatingUnit(node, capacity),
        unit: node.ratingUnit,
      });
    }
    return out;
  },
};
