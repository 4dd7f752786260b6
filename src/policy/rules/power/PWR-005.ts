import { exceeds, fmt, toKw } from '../../../units';
import { PackRule, Violation } from '../../rule';

/** Generator groups carry the load they back with their own redundancy. */
export const PWR_005: PackRule = {
  id: 'PWR-005',
  severity: 'error',
  description: 'A generator group carries the load it backs with its redundant units held in reserve.',
  help: 'The grid connection has no twin: its loss is carried by the generators (the UPS batteries bridge the start). The load of every piece of equipment a group backs, losses and the cooling fed from it included, must fit (units - redundant units) x unit rating: an N+1 group still carries the whole backed load with one generator out. Fix: add generator units or back less equipment.',
  check({ plant }, { flow }) {
    const out: Violation[] = [];
    for (const g of plant.generators) {
      let backed = 0;
      for (const i of g.backs) backed += flow.inW[i];
      if (exceeds(backed, g.usableW)) {
        out.push({
          path: g.path,
          message: `generators must carry ${fmt(toKw(backed))} kW of backed load, above the ${fmt(toKw(g.usableW))} kW of ${g.units - g.redundantUnits} of ${g.units} units (${g.redundantUnits} redundant): ${fmt(toKw(backed - g.usableW))} kW short`,
          measured: toKw(backed),
          limit: toKw(g.usableW),
          unit: 'kW',
        });
      }
    }
    return out;
  },
};
