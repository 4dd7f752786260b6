import { IConstruct } from 'constructs';
import { DesignError } from '../../src/errors';
import { dnsLabel } from '../../src/kubernetes/names';
import { Residency } from '../../src/model/residency';
import { TenancySpec } from '../../src/model/tenancy';
import { count, positive } from '../../src/units';
import { Cohort } from './cohort';

/** How a tenant shares GPUs with others and is kept apart from them (cluster and campus tenants). */
export interface TenancyProps {
  /**
   * Identity-provider group (as the API server sees it in the user's token) bound to the
   * tenant's namespace with a Role to run and watch its workloads.
   * @default - no RoleBinding
   */
  readonly group?: string;
  /**
   * The organisation or programme the tenant belongs to: its ClusterQueue joins that cohort.
   * @default - none: the tenant only uses its own quota
   */
  readonly cohort?: Cohort;
  /**
   * The tenant's fair-sharing weight inside its cohort.
   * @default - Kueue's default weight, 1
   */
  readonly fairSharingWeight?: number;
  /**
   * GPUs the tenant may borrow from its cohort beyond its quota.
   * @default - no limit (only with a cohort)
   */
  readonly borrowingLimit?: number;
  /**
   * GPUs of its quota the tenant lends to its cohort at most.
   * @default - all of it (only with a cohort)
   */
  readonly lendingLimit?: number;
  /**
   * Namespaces (for example monitoring) whose pods may open connections to the tenant's
   * pods; everything else is denied except the tenant's own namespace and DNS.
   * @default []
   */
  readonly allowIngressFrom?: readonly string[];
  /**
   * Namespaces (for example a storage gateway's) the tenant's pods may open connections to;
   * everything else is denied except the tenant's own namespace and DNS.
   * @default []
   */
  readonly allowEgressTo?: readonly string[];
}

/** The tenancy of a tenant construct: its props checked, and its residency (nearest `Residency.allow`). */
export function tenancySpec(c: IConstruct, props: TenancyProps): TenancySpec {
  const path = c.node.path;
  if (props.cohort !== undefined && !(props.cohort instanceof Cohort)) {
    throw new DesignError(path, 'cohort must be a Cohort');
  }
  if (!props.cohort && (props.borrowingLimit !== undefined || props.lendingLimit !== undefined)) {
    throw new DesignError(path, 'borrowingLimit and lendingLimit need a cohort to borrow from or lend to');
  }
  if (props.group !== undefined && (typeof props.group !== 'string' || props.group.trim() === '')) {
    throw new DesignError(path, `group must be a non-empty string, got '${String(props.group)}'`);
  }
  const residency = Residency.of(c);
  return {
    ...(props.group !== undefined ? { group: props.group } : {}),
    ...(props.cohort ? { cohort: props.cohort.spec } : {}),
    ...(props.fairSharingWeight !== undefined
      ? { fairSharingWeight: positive(path, 'fairSharingWeight', props.fairSharingWeight) }
      : {}),
    ...(props.borrowingLimit !== undefined
      ? { borrowingLimit: count(path, 'borrowingLimit', props.borrowingLimit, 0) }
      : {}),
    ...(props.lendingLimit !== undefined
      ? { lendingLimit: count(path, 'lendingLimit', props.lendingLimit, 0) }
      : {}),
    allowIngressFrom: [...new Set((props.allowIngressFrom ?? []).map(dnsLabel))].sort(),
    allowEgressTo: [...new Set((props.allowEgressTo ?? []).map(dnsLabel))].sort(),
    allowed: residency.allowed,
    ...(residency.setBy !== undefined ? { residencySetBy: residency.setBy } : {}),
  };
}
