import { CloudRule } from '../../cloud-rule';
import { Violation } from '../../rule';

/** Every cloud location lies in the allowed jurisdictions. */
export const RES_001: CloudRule = {
  id: 'RES-001',
  severity: 'error',
  description:
    'Every cloud location (zones, regions, buckets, state backends) lies in the allowed jurisdictions.',
  help:
    'Data and compute stay where the site or app allows: by default the EU; `Residency.allow(scope, [...])` sets ' +
    'the list (jurisdictions such as EU, or country codes such as CH or FR) for a scope and everything below it, ' +
    'the nearest scope winning. A location passes when its country or its jurisdiction is listed. Fix: move the ' +
    'resource to an allowed region or zone, or widen the list on the scope where the decision belongs.',
  check(cloud) {
    const out: Violation[] = [];
    for (const r of cloud.resources) {
      const allowed = r.allowedJurisdictions;
      if (allowed.includes(r.country) || allowed.includes(r.jurisdiction)) continue;
      const where = r.zone ?? r.region;
      const from = r.residencySetBy === undefined ? 'default' : `set on ${r.residencySetBy || '<app>'}`;
      out.push({
        path: r.path,
        message: `${where} (${r.country}, jurisdiction ${r.jurisdiction}) is outside the allowed jurisdictions ${allowed.join(', ')} (${from})`,
      });
    }
    return out;
  },
};
