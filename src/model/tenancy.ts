import { IConstruct } from 'constructs';

/**
 * A Kueue Cohort of the tenancy tree: an organisation or programme (AI Factory France, a
 * university) that holds several tenants, who borrow each other's unused quota. Cohorts nest
 * through `parent`; `fairSharingWeight` is the share the cohort gets against its siblings.
 */
export interface CohortSpec {
  readonly path: string;
  /** DNS label. */
  readonly name: string;
  readonly fairSharingWeight?: number;
  readonly parent?: CohortSpec;
}

/** How a tenant shares and is isolated, common to cluster and campus tenants. */
export interface TenancySpec {
  /** Identity-provider group bound to the tenant's namespace (RBAC); undefined: no binding. */
  readonly group?: string;
  readonly cohort?: CohortSpec;
  /** The tenant's ClusterQueue weight for fair sharing inside its cohort. */
  readonly fairSharingWeight?: number;
  /** GPUs the tenant may borrow from its cohort beyond its quota; undefined: no limit. */
  readonly borrowingLimit?: number;
  /** GPUs of its quota the tenant lends to its cohort at most; undefined: all of it. */
  readonly lendingLimit?: number;
  /** Namespaces (other than its own) allowed to open connections to the tenant's pods, such as monitoring. */
  readonly allowIngressFrom: readonly string[];
  /** Namespaces (other than its own and DNS) the tenant's pods may open connections to, such as a storage gateway. */
  readonly allowEgressTo: readonly string[];
  /** Jurisdictions or country codes the tenant's workloads may run in (nearest `Residency.allow`, else EU). */
  readonly allowed: readonly string[];
  /** Path of the scope whose `Residency.allow` applies; undefined: the default (EU). */
  readonly residencySetBy?: string;
}

const CAMPUS = Symbol.for('aifactory.campus-model');

/** A campus queue: a Kueue manager cluster dispatching to worker clusters with MultiKueue. */
export interface CampusQueueRecord {
  readonly kind: 'campus-queue';
  /** DNS label. */
  readonly name: string;
  /** The manager's GpuCluster construct. */
  readonly manager: IConstruct;
  /** Worker GpuCluster constructs, with the Secret (in the manager's Kueue namespace) that holds each kubeconfig. */
  readonly workers: readonly { readonly cluster: IConstruct; readonly kubeconfigSecret: string }[];
}

/** A tenant of a campus queue: a quota on some workers, one queue on the manager. */
export interface CampusTenantRecord {
  readonly kind: 'campus-tenant';
  /** DNS label. */
  readonly name: string;
  /** DNS label. */
  readonly namespace: string;
  /** GPUs per worker cluster construct. */
  readonly quotas: readonly { readonly cluster: IConstruct; readonly gpus: number }[];
  /** Instead of `quotas`: this many GPUs on every worker whose countries the tenant's residency allows. */
  readonly gpusPerWorker?: number;
  readonly tenancy: TenancySpec;
}

export type CampusRecord = CampusQueueRecord | CampusTenantRecord;

/** Implemented by `CampusQueue` and `CampusTenant`. */
export interface CampusModelled {
  [CAMPUS](): CampusRecord;
}

export const CAMPUS_MODEL: typeof CAMPUS = CAMPUS;

export function isCampusModelled(c: IConstruct): c is IConstruct & CampusModelled {
  return typeof (c as unknown as Partial<CampusModelled>)[CAMPUS] === 'function';
}
