import { isUnratedLoad } from '../../../model/plant';
import { PackRule, Violation } from '../../rule';

/** Equipment that feeds nothing is worth a look: a forgotten feed, or spare capacity. */
export const PWR_010: PackRule = {
  id: 'PWR-010',
  severity: 'warning',
  description: 'Every piece of power equipment feeds some load.',
  help: 'Equipment with no load is either spare (say so with a suppression and its reason) or a feed someone forgot to connect, in which case the racks meant for it lean on other equipment. Fix: connect the racks or equipment it was meant to feed, or remove it.',
  check({ plant }) {
    const out: Violation[] = [];
    for (const node of plant.nodes) {
      if (isUnratedLoad(node) || node.loads.length > 0) continue;
      out.push({
        path: node.path,
        message: `${node.label} feeds nothing`,
        measured: 0,
        limit: 1,
        unit: 'loads',
      });
    }
    return out;
  },
};
