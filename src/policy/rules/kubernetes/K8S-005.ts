import { PackRule, Violation } from '../../rule';

/** Tenant GPU quotas within the cluster's physical GPUs. */
export const K8S_005: PackRule = {
  id: 'K8S-005',
  severity: 'error',
  description:
    "The tenants' GPU quotas add up to no more than the physical GPUs of each cluster and of each campus.",
  help: "A nominal quota promises GPUs to a tenant; promising more than the racks hold means some tenant's quota can never be met. Fix: lower quotas, or add racks to the cluster.",
  check({ platform }) {
    const out: Violation[] = [];
    for (const c of platform.clusters) {
      const byFlavor = new Map<string, number>();
      for (const t of c.tenants) byFlavor.set(t.flavor, (byFlavor.get(t.flavor) ?? 0) + t.gpuQuota);
      for (const [flavor, quota] of byFlavor) {
        const gpus = c.gpusBySystem[flavor] ?? 0;
        if (quota > gpus) {
          out.push({
            path: c.path,
            message: `tenant GPU quotas add up to ${quota} ${flavor} GPUs > ${gpus} in the cluster's racks`,
            measured: quota,
            limit: gpus,
            unit: 'GPUs',
          });
        }
      }
    }
    // A campus: the manager's queues promise, per flavor, at most what its workers hold.
    for (const campus of platform.campuses) {
      const workers = new Set(campus.workers.map((w) => w.name));
      const held = new Map<string, number>();
      for (const c of platform.clusters) {
        if (!workers.has(c.name)) continue;
        for (const [flavor, gpus] of Object.entries(c.gpusBySystem))
          held.set(flavor, (held.get(flavor) ?? 0) + gpus);
      }
      const promised = new Map<string, number>();
      for (const t of campus.tenants)
        for (const q of t.quotas) promised.set(q.flavor, (promised.get(q.flavor) ?? 0) + q.gpus);
      for (const [flavor, quota] of promised) {
        const gpus = held.get(flavor) ?? 0;
        if (quota > gpus) {
          out.push({
            path: campus.path,
            message: `campus tenant GPU quotas add up to ${quota} ${flavor} GPUs > ${gpus} in the workers' racks`,
            measured: quota,
            limit: gpus,
            unit: 'GPUs',
          });
        }
      }
    }
    return out;
  },
};
