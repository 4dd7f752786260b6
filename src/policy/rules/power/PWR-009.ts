import { fmt, toKw } from '../../../units';
import { PackRule, Violation } from '../../rule';
import { isEquipment } from './measure';

/** Every piece of equipment draws from an upstream supply. */
export const PWR_009: PackRule = {
  id: 'PWR-009',
  severity: 'error',
  description: 'Every piece of equipment has an upstream supply.',
  help: "Equipment without a feed supplies its loads from nowhere: the load below it never reaches a grid connection and is missing from the site's power budget. Fix: give it a feed (a transformer or switchboard above it, up to the site's grid connection).",
  check({ plant }, { flow }) {
    const out: Violation[] = [];
    for (const node of plant.nodes) {
      if (isEquipment(node) && node.feeds.length === 0) {
        const load = flow.outW[node.index];
        out.push({
          path: node.path,
          message: `${node.label} has no feed: ${fmt(toKw(load))} kW of load below it has no supply`,
          measured: toKw(load),
          limit: 0,
          unit: 'kW',
        });
      }
    }
    return out;
  },
};
