import { Construct } from 'constructs';
import { DesignError } from '../../src/errors';
import { dnsLabel } from '../../src/kubernetes/names';
import { CAMPUS_MODEL, CampusModelled, CampusQueueRecord, CampusTenantRecord } from '../../src/model/tenancy';
import { count } from '../../src/units';
import { GpuCluster } from './gpu-cluster';
import { TenancyProps, tenancySpec } from './tenancy';

export interface CampusWorkerProps {
  readonly cluster: GpuCluster;
  /**
   * Secret in the manager's Kueue namespace that holds the worker's kubeconfig (key
   * `kubeconfig`), created outside this library: it is only referenced.
   * @default '<worker cluster name>-kubeconfig'
   */
  readonly kubeconfigSecret?: string;
}

export interface CampusQueueProps {
  /**
   * Name of the campus queue.
   * @default - the construct id
   */
  readonly name?: string;
  /**
   * The manager cluster: where tenants submit, and Kueue dispatches to the workers. A
   * cluster without racks (`racks: []`) is a manager only; it needs `Kueue` declared inside.
   */
  readonly manager: GpuCluster;
  /** The worker clusters (each with `Kueue`); more with `addWorker()`. */
  readonly workers: readonly (GpuCluster | CampusWorkerProps)[];
}

/**
 * One queue for a campus of clusters: a manager cluster dispatches every tenant's workloads
 * to the worker clusters where it holds quota, with Kueue MultiKueue (a `MultiKueueCluster`
 * per worker, a `MultiKueueConfig` and an `AdmissionCheck` per tenant, and on the manager
 * the tenant's `ClusterQueue` whose quotas are the sum of its workers'). Declare the
 * tenants inside it (`CampusTenant`).
 */
export class CampusQueue extends Construct implements CampusModelled {
  private readonly workers: { cluster: GpuCluster; kubeconfigSecret: string }[] = [];
  private readonly props: CampusQueueProps;

  constructor(scope: Construct, id: string, props: CampusQueueProps) {
    super(scope, id);
    if (!(props.manager instanceof GpuCluster)) {
      throw new DesignError(this.node.path, 'manager must be a GpuCluster');
    }
    this.props = props;
    for (const w of props.workers) this.addWorker(w);
  }

  /** Adds a worker cluster. */
  addWorker(worker: GpuCluster | CampusWorkerProps): this {
    const w = worker instanceof GpuCluster ? { cluster: worker } : worker;
    if (!(w.cluster instanceof GpuCluster))
      throw new DesignError(this.node.path, 'a worker must be a GpuCluster');
    if (w.cluster === this.props.manager) {
      throw new DesignError(
        this.node.path,
        `${w.cluster.node.path} is the manager; it cannot also be a worker`,
      );
    }
    if (this.workers.some((x) => x.cluster === w.cluster)) {
      throw new DesignError(this.node.path, `${w.cluster.node.path} is already a worker`);
    }
    this.workers.push({
      cluster: w.cluster,
      kubeconfigSecret: dnsLabel(w.kubeconfigSecret ?? `${w.cluster.clusterName}-kubeconfig`),
    });
    return this;
  }

  [CAMPUS_MODEL](): CampusQueueRecord {
    return {
      kind: 'campus-queue',
      name: dnsLabel(this.props.name ?? this.node.id),
      manager: this.props.manager,
      workers: [...this.workers],
    };
  }
}

export interface CampusTenantQuota {
  readonly cluster: GpuCluster;
  /** GPUs the tenant holds on that worker (its ClusterQueue's nominal quota there). */
  readonly gpus: number;
}

export interface CampusTenantProps extends TenancyProps {
  /**
   * GPUs the tenant holds on each worker. Give this or `gpusPerWorker`.
   * @default - none
   */
  readonly quotas?: readonly CampusTenantQuota[];
  /**
   * Instead of `quotas`: this many GPUs on every worker of the campus whose racks and cloud
   * pools lie in the tenant's allowed jurisdictions (`Residency.allow` on the tenant or a scope above).
   * @default - none
   */
  readonly gpusPerWorker?: number;
  /**
   * Namespace of the tenant's LocalQueue and workloads, on the manager and on its workers.
   * @default - the tenant's name
   */
  readonly namespace?: string;
  /**
   * Tenant name.
   * @default - the construct id
   */
  readonly name?: string;
}

/**
 * A tenant of a campus queue (a startup of a national programme, an enterprise): quota on
 * some workers, one LocalQueue on the manager that dispatches there, isolation objects on
 * the manager and on each of its workers. Its residency (`Residency.allow`) restricts the
 * workers it may dispatch to (RES-002).
 */
export class CampusTenant extends Construct implements CampusModelled {
  private readonly props: CampusTenantProps;

  constructor(scope: CampusQueue, id: string, props: CampusTenantProps) {
    super(scope, id);
    if (!(scope instanceof CampusQueue)) {
      throw new DesignError(this.node.path, 'a campus tenant must be declared inside a CampusQueue');
    }
    if ((props.quotas === undefined) === (props.gpusPerWorker === undefined)) {
      throw new DesignError(this.node.path, 'give either quotas or gpusPerWorker');
    }
    for (const q of props.quotas ?? []) {
      if (!(q.cluster instanceof GpuCluster))
        throw new DesignError(this.node.path, 'a quota cluster must be a GpuCluster');
      count(this.node.path, 'quotas[].gpus', q.gpus, 0);
    }
    if (props.gpusPerWorker !== undefined) count(this.node.path, 'gpusPerWorker', props.gpusPerWorker, 1);
    tenancySpec(this, props);
    this.props = props;
  }

  [CAMPUS_MODEL](): CampusTenantRecord {
    const name = dnsLabel(this.props.name ?? this.node.id);
    return {
      kind: 'campus-tenant',
      name,
      namespace: this.props.namespace ?? name,
      quotas: (this.props.quotas ?? []).map((q) => ({ cluster: q.cluster, gpus: q.gpus })),
      ...(this.props.gpusPerWorker !== undefined ? { gpusPerWorker: this.props.gpusPerWorker } : {}),
      tenancy: tenancySpec(this, this.props),
    };
  }
}
