import { PackRule, Violation } from '../../rule';

/** With the DRA driver on, every multi-node NVLink rack has its ComputeDomain. */
export const K8S_002: PackRule = {
  id: 'K8S-002',
  severity: 'error',
  description: 'Where the DRA driver runs, every NVL72 rack of the cluster has a ComputeDomain.',
  help: 'An NVL72 rack is one NVLink domain across 18 nodes; jobs use it through a ComputeDomain (IMEX). The DraDriver emits one per rack; this rule catches values that turn ComputeDomains off, or racks left without one. Fix: keep `resources.computeDomains.enabled` true.',
  check({ platform, plant }) {
    const out: Violation[] = [];
    for (const c of platform.clusters) {
      const dra = c.operators.find((o) => o.kind === 'dra-driver');
      if (!dra) continue;
      const racks = c.racks.filter((r) => plant.nodes[r].rack!.system.multiNodeNvlink);
      const enabled = (dra.values.resources as { computeDomains?: { enabled?: boolean } } | undefined)
        ?.computeDomains?.enabled;
      const domains = enabled === false ? 0 : dra.resources.filter((r) => r.kind === 'ComputeDomain').length;
      if (domains < racks.length) {
        out.push({
          path: dra.path,
          message: `${racks.length - domains} of ${racks.length} NVL72 racks have no ComputeDomain${enabled === false ? ' (ComputeDomains are disabled in the values)' : ''}`,
          measured: domains,
          limit: racks.length,
          unit: 'ComputeDomains',
        });
      }
    }
    return out;
  },
};
