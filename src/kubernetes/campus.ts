import { IConstruct } from 'constructs';
import { jurisdictionOf } from '../catalog/jurisdictions';
import { DesignError } from '../errors';
import {
  CampusQueueRecord,
  CampusTenantRecord,
  CAMPUS_MODEL,
  isCampusModelled,
  TenancySpec,
} from '../model/tenancy';
import { K8sObject } from './objects';
import type { ClusterModel, Flavor, TenantModel } from './cluster-model';
import { clusterQueue, KUEUE_API, localQueue } from './queues';
import { tenantObjects } from './tenancy';

/** Kueue's MultiKueue admission check controller. */
export const MULTIKUEUE_CONTROLLER = 'kueue.x-k8s.io/multikueue';
/** A MultiKueueConfig lists at most this many worker clusters (`spec.clusters.maxItems` of the Kueue v0.19.2 CRD). */
export const MAX_MULTIKUEUE_CLUSTERS = 20;

/** A worker cluster of a campus queue, as the manager reaches it. */
export interface CampusWorker {
  readonly path: string;
  readonly name: string;
  /** Secret in the manager's Kueue namespace holding the worker's kubeconfig: referenced, never written. */
  readonly kubeconfigSecret: string;
  readonly countries: readonly string[];
}

/** A tenant of a campus: its quota on each worker, and its queue on the manager. */
export interface CampusTenantModel {
  readonly path: string;
  readonly name: string;
  readonly namespace: string;
  readonly tenancy: TenancySpec;
  /** GPUs per worker (cluster name) and flavor, in worker order. */
  readonly placements: readonly { readonly worker: string; readonly flavor: string; readonly gpus: number }[];
  /** The manager's quotas per flavor: the sum of the placements, by flavor name. */
  readonly quotas: readonly { readonly flavor: string; readonly gpus: number }[];
  /** Worker clusters the tenant's MultiKueueConfig lists: where it holds quota, sorted. */
  readonly dispatch: readonly string[];
  /** The tenant's queue on the manager (quota: the sum over its workers). */
  readonly queue: TenantModel;
}

/** A campus queue: one manager dispatching the tenants' workloads to worker clusters with MultiKueue. */
export interface CampusModel {
  readonly path: string;
  readonly name: string;
  readonly manager: string;
  readonly managerPath: string;
  readonly workers: readonly CampusWorker[];
  readonly tenants: readonly CampusTenantModel[];
}

/** A campus tenant's quota on one worker, before the worker is built. */
export interface Placement {
  readonly tenant: CampusTenantInput;
  readonly gpus: number;
}

export interface CampusTenantInput {
  readonly path: string;
  readonly campusPath: string;
  readonly record: CampusTenantRecord;
}

export interface CampusInput {
  readonly path: string;
  readonly record: CampusQueueRecord;
  readonly tenants: readonly CampusTenantInput[];
  /** Placements per worker construct path. */
  readonly placements: ReadonlyMap<string, readonly Placement[]>;
}

/**
 * The campus queues under `root` and their tenants' quotas per worker: the quotas a tenant
 * declares (each on a worker of its campus), or `gpusPerWorker` on every worker whose
 * countries (`countriesOf`: where its racks and cloud pools lie) its residency allows.
 */
export function readCampuses(
  root: IConstruct,
  countriesOf: (cluster: IConstruct) => readonly string[],
): CampusInput[] {
  const queues = root.node
    .findAll()
    .flatMap((q) => {
      const record = isCampusModelled(q) ? q[CAMPUS_MODEL]() : undefined;
      return record?.kind === 'campus-queue' ? [{ q, record }] : [];
    })
    .sort((a, b) => (a.q.node.path < b.q.node.path ? -1 : 1));
  return queues.map(({ q, record }) => {
    const workerPaths = new Set(record.workers.map((w) => w.cluster.node.path));
    const tenants: CampusTenantInput[] = q.node
      .findAll()
      .flatMap((c) => {
        const r = c !== q && isCampusModelled(c) ? c[CAMPUS_MODEL]() : undefined;
        return r?.kind === 'campus-tenant' ? [{ path: c.node.path, campusPath: q.node.path, record: r }] : [];
      })
      .sort((a, b) => (a.path < b.path ? -1 : 1));
    const placements = new Map<string, Placement[]>();
    for (const t of tenants) {
      const perWorker = t.record.gpusPerWorker;
      const quotas =
        perWorker === undefined
          ? t.record.quotas
          : record.workers
              .filter((w) => countriesOf(w.cluster).every((c) => countryAllowed(t.record.tenancy.allowed, c)))
              .map((w) => ({ cluster: w.cluster, gpus: perWorker }));
      for (const quota of quotas) {
        const p = quota.cluster.node.path;
        if (!workerPaths.has(p)) {
          throw new DesignError(
            t.path,
            `holds quota on ${p}, which is not a worker of campus queue ${q.node.path}`,
          );
        }
        if (quota.gpus > 0)
          placements.set(p, [...(placements.get(p) ?? []), { tenant: t, gpus: quota.gpus }]);
      }
    }
    return { path: q.node.path, record, tenants, placements };
  });
}

/** The campus tenants' queues on one worker, with that worker's single GPU flavor. */
export function workerTenants(placements: readonly Placement[], flavor: string): TenantModel[] {
  return placements.map((p) => ({
    path: p.tenant.path,
    name: p.tenant.record.name,
    namespace: p.tenant.record.namespace,
    gpuQuota: p.gpus,
    flavor,
    tenancy: p.tenant.record.tenancy,
    campus: p.tenant.campusPath,
  }));
}

/** The campus model, once its workers are built: quotas summed per tenant and flavor, dispatch sets. */
export function campusModel(
  input: CampusInput,
  manager: { readonly path: string; readonly name: string },
  clusters: ReadonlyMap<string, ClusterModel>,
): CampusModel {
  const workers: CampusWorker[] = input.record.workers.map((w) => {
    const c = clusters.get(w.cluster.node.path)!;
    return { path: c.path, name: c.name, kubeconfigSecret: w.kubeconfigSecret, countries: c.countries };
  });
  const tenants = input.tenants.map((t): CampusTenantModel => {
    const placements: { worker: string; flavor: string; gpus: number }[] = [];
    for (const w of input.record.workers) {
      const c = clusters.get(w.cluster.node.path)!;
      const mine = c.tenants.find((x) => x.path === t.path);
      if (mine) placements.push({ worker: c.name, flavor: mine.flavor, gpus: mine.gpuQuota });
    }
    const byFlavor = new Map<string, number>();
    for (const p of placements) byFlavor.set(p.flavor, (byFlavor.get(p.flavor) ?? 0) + p.gpus);
    const quotas = [...byFlavor.entries()]
      .sort(([a], [b]) => (a < b ? -1 : 1))
      .map(([flavor, gpus]) => ({ flavor, gpus }));
    const dispatch = [...new Set(placements.map((p) => p.worker))].sort();
    if (dispatch.length === 0) {
      throw new DesignError(t.path, 'holds no GPU quota on any worker of its campus; give it quotas');
    }
    if (dispatch.length > MAX_MULTIKUEUE_CLUSTERS) {
      throw new DesignError(
        t.path,
        `dispatches to ${dispatch.length} worker clusters, but a MultiKueueConfig lists at most ${MAX_MULTIKUEUE_CLUSTERS} (Kueue v0.19.2); hold quota on fewer workers`,
      );
    }
    const name = t.record.name;
    const total = quotas.reduce((s, q) => s + q.gpus, 0);
    return {
      path: t.path,
      name,
      namespace: t.record.namespace,
      tenancy: t.record.tenancy,
      placements,
      quotas,
      dispatch,
      queue: {
        path: t.path,
        name,
        namespace: t.record.namespace,
        gpuQuota: total,
        flavor: quotas[0].flavor,
        tenancy: t.record.tenancy,
        campus: input.path,
      },
    };
  });
  return {
    path: input.path,
    name: input.record.name,
    manager: manager.name,
    managerPath: manager.path,
    workers,
    tenants,
  };
}

/**
 * What the manager of a campus holds for MultiKueue (Kueue v0.19.2, `kueue.x-k8s.io/v1beta2`):
 * - a `MultiKueueCluster` per worker, named after it, whose kubeconfig is the Secret
 *   `kubeconfigSecret` in Kueue's namespace: referenced, never written;
 * - per tenant a `MultiKueueConfig` listing the workers it holds quota on, an `AdmissionCheck`
 *   `<tenant>-multikueue` of the MultiKueue controller with that config as parameters, its
 *   `ClusterQueue` whose quota per flavor is the sum of its workers' and which waits for that
 *   check, its `LocalQueue` (the same name and namespace as on the workers) and its isolation
 *   objects;
 * - a `ResourceFlavor` for each workers' flavor the manager's own nodes lack (node labels only).
 */
export function managerObjects(campus: CampusModel, own: readonly Flavor[]): K8sObject[] {
  const out: K8sObject[] = [];
  const flavors = new Set(campus.tenants.flatMap((t) => t.quotas.map((q) => q.flavor)));
  for (const f of [...flavors].sort()) {
    if (own.some((o) => o.name === f)) continue;
    out.push({
      apiVersion: KUEUE_API,
      kind: 'ResourceFlavor',
      metadata: { name: f },
      spec: { nodeLabels: { 'aifactory.io/system': f } },
    });
  }
  for (const w of campus.workers) {
    out.push({
      apiVersion: KUEUE_API,
      kind: 'MultiKueueCluster',
      metadata: { name: w.name },
      spec: { clusterSource: { kubeConfig: { location: w.kubeconfigSecret, locationType: 'Secret' } } },
    });
  }
  for (const t of campus.tenants) {
    const check = `${t.name}-multikueue`;
    out.push(
      {
        apiVersion: KUEUE_API,
        kind: 'MultiKueueConfig',
        metadata: { name: t.name },
        spec: { clusters: [...t.dispatch] },
      },
      {
        apiVersion: KUEUE_API,
        kind: 'AdmissionCheck',
        metadata: { name: check },
        spec: {
          controllerName: MULTIKUEUE_CONTROLLER,
          parameters: { apiGroup: 'kueue.x-k8s.io', kind: 'MultiKueueConfig', name: t.name },
        },
      },
      clusterQueue(t.queue, t.quotas, [check]),
      localQueue(t.queue),
      ...tenantObjects(t.queue, t.queue.gpuQuota),
    );
  }
  return out;
}

/** Whether a country lies in the allowed jurisdictions (a country code or its jurisdiction listed). */
export function countryAllowed(allowed: readonly string[], country: string): boolean {
  return allowed.includes(country) || allowed.includes(jurisdictionOf(country));
}
