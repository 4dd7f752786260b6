import { exceeds, fmt, toMw } from '../../../units';
import { PackRule, Violation } from '../../rule';

/** Facility power stays within the site's contracted grid connection. */
export const PWR_003: PackRule = {
  id: 'PWR-003',
  severity: 'error',
  description: "Facility power stays within the site's grid connection.",
  help: 'Facility power is the IT load times the design PUE where the site declares one (PUE already holds losses and cooling), otherwise the power the modelled train draws at the grid connection plus other loads. It must not exceed the contracted grid connection. Fix: fewer racks, a better PUE, or a larger connection.',
  check({ plant }, { sites }) {
    const out: Violation[] = [];
    for (const site of plant.sites) {
      const facility = sites[site.index].facilityW;
      if (exceeds(facility, site.gridConnectionW)) {
        out.push({
          path: site.path,
          message: `facility ${fmt(toMw(facility), 2)} MW > grid ${fmt(toMw(site.gridConnectionW), 2)} MW`,
          measured: toMw(facility),
          limit: toMw(site.gridConnectionW),
          unit: 'MW',
        });
      }
    }
    return out;
  },
};
