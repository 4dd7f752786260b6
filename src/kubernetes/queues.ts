import { K8sObject } from './objects';
import type { TenantModel } from './cluster-model';

export const KUEUE_API = 'kueue.x-k8s.io/v1beta2';
const API = KUEUE_API;
export const GPU_RESOURCE = 'nvidia.com/gpu';

/** A tenant's ClusterQueue: its quota per flavor, in its cohort with its limits and weight, behind admission checks. */
export function clusterQueue(
  t: TenantModel,
  quotas: readonly { flavor: string; gpus: number }[],
  admissionChecks: readonly string[] = [],
): K8sObject {
  const { cohort, fairSharingWeight, borrowingLimit, lendingLimit } = t.tenancy;
  return {
    apiVersion: API,
    kind: 'ClusterQueue',
    metadata: { name: t.name },
    spec: {
      ...(cohort ? { cohortName: cohort.name } : {}),
      ...(fairSharingWeight !== undefined ? { fairSharing: { weight: quantity(fairSharingWeight) } } : {}),
      namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': t.namespace } },
      resourceGroups: [
        {
          coveredResources: [GPU_RESOURCE],
          flavors: quotas.map((q) => ({
            name: q.flavor,
            resources: [
              {
                name: GPU_RESOURCE,
                nominalQuota: q.gpus,
                ...(cohort && borrowingLimit !== undefined ? { borrowingLimit } : {}),
                ...(cohort && lendingLimit !== undefined
                  ? { lendingLimit: Math.min(lendingLimit, q.gpus) }
                  : {}),
              },
            ],
          })),
        },
      ],
      ...(admissionChecks.length > 0
        ? { admissionChecksStrategy: { admissionChecks: admissionChecks.map((name) => ({ name })) } }
        : {}),
    },
  };
}

/** The tenant's LocalQueue in its namespace, named after the tenant (the same on a campus manager and its workers). */
export function localQueue(t: TenantModel): K8sObject {
  return {
    apiVersion: API,
    kind: 'LocalQueue',
    metadata: { name: t.name, namespace: t.namespace },
    spec: { clusterQueue: t.name },
  };
}

/** A Kubernetes quantity: an integer as a number, a fraction as its decimal string. */
export function quantity(x: number): number | string {
  return Number.isInteger(x) ? x : String(x);
}
