import { exceeds, fmt } from '../../../units';
import { PackRule, Violation } from '../../rule';

/** Computed PUE within the site's target. */
export const COOL_004: PackRule = {
  id: 'COOL-004',
  severity: 'error',
  description: "PUE computed from the cooling plant is within the site's design PUE.",
  help: "With a heat rejection plant (chillers or dry coolers), facility power is computed: IT + power train losses + cooling (heat / COP) + other loads, and PUE = facility / IT (ISO/IEC 30134-2). The site's `designPue` is then the target. Fix: warmer water and dry coolers, a better COP, fewer conversion losses, or a realistic target.",
  check({ plant }, { sites, cooling }) {
    const out: Violation[] = [];
    for (const site of plant.sites) {
      const load = sites[site.index];
      if (!cooling.sitePlant[site.index] || site.designPue === undefined || load.itW === 0) continue;
      if (exceeds(load.pue, site.designPue)) {
        out.push({
          path: site.path,
          message: `computed PUE ${fmt(load.pue, 3)} > design PUE ${fmt(site.designPue, 3)}`,
          measured: load.pue,
          limit: site.designPue,
          unit: 'PUE',
        });
      }
    }
    return out;
  },
};
