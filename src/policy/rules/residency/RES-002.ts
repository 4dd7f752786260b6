import { jurisdictionOf } from '../../../catalog/jurisdictions';
import { countryAllowed } from '../../../kubernetes/campus';
import { TenancySpec } from '../../../model/tenancy';
import { PackRule, Violation } from '../../rule';

/** No tenant's queue can place work on a cluster outside the tenant's allowed jurisdictions. */
export const RES_002: PackRule = {
  id: 'RES-002',
  severity: 'error',
  description:
    "No tenant's queue can dispatch to a cluster whose racks or cloud pools lie outside the tenant's allowed jurisdictions.",
  help:
    'A tenant restricted to jurisdictions (`Residency.allow(tenant, ["FR"])`, default the EU) may run only on clusters ' +
    "whose sites and cloud zones lie there. The rule reads the emitted dispatch: a campus tenant's MultiKueueConfig " +
    "lists the workers it holds quota on, a cluster tenant's ClusterQueue is on its cluster; every country of those " +
    'clusters must be allowed. Fix: move the quota to a cluster in an allowed jurisdiction (or use gpusPerWorker, ' +
    'which places quota only there), or widen the residency where the decision belongs.',
  check({ platform }) {
    const out: Violation[] = [];
    const countries = new Map(platform.clusters.map((c) => [c.name, c.countries]));
    const check = (path: string, tenant: string, tenancy: TenancySpec, cluster: string, how: string) => {
      const outside = (countries.get(cluster) ?? []).filter((c) => !countryAllowed(tenancy.allowed, c));
      if (outside.length === 0) return;
      const from =
        tenancy.residencySetBy === undefined ? 'default' : `set on ${tenancy.residencySetBy || '<app>'}`;
      out.push({
        path,
        message: `tenant ${tenant} ${how} cluster ${cluster} in ${outside.map((c) => `${c} (jurisdiction ${jurisdictionOf(c)})`).join(', ')}, outside its allowed jurisdictions ${tenancy.allowed.join(', ')} (${from})`,
      });
    };
    for (const campus of platform.campuses) {
      for (const t of campus.tenants) {
        for (const w of t.dispatch)
          check(t.path, t.name, t.tenancy, w, 'dispatches through the campus queue to');
      }
    }
    for (const c of platform.clusters) {
      for (const t of c.tenants)
        if (t.campus === undefined) check(t.path, t.name, t.tenancy, c.name, 'holds quota on');
    }
    return out;
  },
};
