import { exceeds, fmt } from '../../../units';
import { PackRule, Violation } from '../../rule';
import { inRatingUnit, isEquipment, show } from './measure';

/** Maintenance plus single failure: for the sites that ask for it, no surviving equipment exceeds 100% of what remains of its rating. */
export const PWR_014: PackRule = {
  id: 'PWR-014',
  severity: 'error',
  description:
    "With any one component in maintenance, any single failure leaves surviving equipment within 100% of its remaining rating (sites with contingencyLevel 'maintenance').",
  help: "Fault tolerance while a component is in maintenance, asked per site (`contingencyLevel: 'maintenance'`) or for every site with `check --contingency maintenance`. A component is a piece of equipment or one unit of a parallel group: a 2(N+1) UPS passes N-1 with its redundant module (the surviving side keeps all its modules) but not with side B in maintenance and one module of side A failed. Only pairs whose loads interact are run; the rises of pairs that do not interact add up, exactly. Capacity only: two cuts lose a dual-corded rack in any two-cord design. Fix: add a redundant unit per side (2(N+2)), or keep the level at 'n-1' when the design only claims single-failure tolerance.",
  check({ plant }, { maintenance }) {
    if (!maintenance) return [];
    const out: Violation[] = [];
    const name = (i: number) => plant.nodes[i].path;
    for (const node of plant.nodes) {
      if (!isEquipment(node)) continue;
      const i = node.index;
      if (!exceeds(maintenance.worstUtilization[i], 1)) continue;
      const x = maintenance.worstMaintenance[i];
      const y = maintenance.worstFailure[i];
      const own = maintenance.worstOwnUnits[i];
      const cause =
        own === 2
          ? `with one of its ${node.units} units in maintenance and another failed`
          : own === 1
            ? `with ${name(x)} in maintenance and one of its ${node.units} units failed`
            : `with ${name(x)} in maintenance and ${name(y)} failed`;
      const load = maintenance.worstLoadW[i];
      const capacity = maintenance.worstCapacityW[i];
      out.push({
        path: node.path,
        message: `${node.label} carries ${show(node, load)} ${cause}, ${fmt(maintenance.worstUtilization[i] * 100)}% of its ${show(node, capacity)} remaining rating (limit 100%)`,
        measured: inRatingUnit(node, load),
        limit: inRatingUnit(node, capacity),
        unit: node.ratingUnit,
      });
    }
    return out;
  },
};
