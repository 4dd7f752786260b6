import { Construct } from 'constructs';
import { DesignError } from '../../src/errors';
import { dnsLabel } from '../../src/kubernetes/names';
import { dnsLabelName } from '../../src/kubernetes/validate';
import { record } from '../../src/model/records';
import { count } from '../../src/units';
import { Kueue } from './operators';
import { TenancyProps, tenancySpec } from './tenancy';

export interface TenantProps extends TenancyProps {
  /** GPUs the tenant may use at once (the ClusterQueue's nominal quota of nvidia.com/gpu). */
  readonly gpuQuota: number;
  /**
   * Namespace of the tenant's LocalQueue and workloads.
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
 * A tenant of a GPU cluster (a startup or lab with a GPU quota on shared hardware): a Kueue
 * ClusterQueue with its quota (in a cohort if given), a LocalQueue in its namespace, a
 * default-deny NetworkPolicy that admits only its own namespace and DNS, a ResourceQuota on
 * GPUs and DRA resource claims, and a RoleBinding of its group. Declare it inside `Kueue`.
 */
export class Tenant extends Construct {
  readonly gpuQuota: number;

  constructor(scope: Kueue, id: string, props: TenantProps) {
    super(scope, id);
    if (!(scope instanceof Kueue))
      throw new DesignError(this.node.path, 'a tenant must be declared inside Kueue');
    this.gpuQuota = count(this.node.path, 'gpuQuota', props.gpuQuota, 0);
    tenancySpec(this, props); // checks the props now; read again at synthesis, residency included
    // Explicit names must be DNS-1123 labels; the default (the id) is normalized (dnsLabel) in the record.
    if (props.name !== undefined) dnsLabelName(this.node.path, 'name', props.name);
    if (props.namespace !== undefined) dnsLabelName(this.node.path, 'namespace', props.namespace);
    record(this, 'tenant', () => {
      const name = dnsLabel(props.name ?? this.node.id);
      return {
        name,
        namespace: props.namespace ?? name,
        gpuQuota: this.gpuQuota,
        tenancy: tenancySpec(this, props),
      };
    });
  }
}
