import { DesignError } from '../errors';
import { CohortSpec } from '../model/tenancy';
import { K8sObject } from './objects';
import type { TenantModel } from './cluster-model';
import { GPU_RESOURCE, KUEUE_API, quantity } from './queues';

/** Label every namespace carries (set by the API server): what NetworkPolicies select namespaces by. */
export const NAMESPACE_NAME_LABEL = 'kubernetes.io/metadata.name';
/** Where cluster DNS runs, and its pods' label (CoreDNS keeps the kube-dns label). */
export const CLUSTER_DNS = { namespace: 'kube-system', labels: { 'k8s-app': 'kube-dns' } } as const;
/** The resource-claim count a tenant may hold (DRA: ComputeDomain channels, GPUs by claim). */
export const RESOURCE_CLAIMS = 'count/resourceclaims.resource.k8s.io';

/** Priority classes every cluster with tenants offers: a tenant picks one per workload. */
export const PRIORITY_CLASSES: readonly { name: string; value: number; description: string }[] = [
  {
    name: 'tenant-production',
    value: 10_000,
    description: 'Tenant production training and serving: preempts batch work.',
  },
  { name: 'tenant-batch', value: 1_000, description: 'Tenant batch work (the default for queued jobs).' },
  {
    name: 'tenant-preemptible',
    value: 100,
    description: 'Tenant work that runs on idle GPUs and is preempted first.',
  },
];

/**
 * What keeps a tenant apart from the others on a cluster, in its namespace:
 * - `NetworkPolicy` `tenant-isolation`: default deny both ways for every pod of the namespace,
 *   then ingress from its own namespace (and the namespaces in `allowIngressFrom`), egress to its
 *   own namespace (and those in `allowEgressTo`) and to cluster DNS (UDP and TCP 53) only;
 * - `ResourceQuota` `tenant-gpus`: GPU requests at most the tenant's quota on this cluster (its
 *   nominal quota plus what it may borrow), and as many DRA resource claims as that;
 * - with a group: a `Role` `tenant` (batch and Kueue-managed workloads, pods and their logs,
 *   resource claims) and a `RoleBinding` of the group to it.
 */
export function tenantObjects(t: TenantModel, gpuLimit: number): K8sObject[] {
  const ns = t.namespace;
  const sameNamespace = { podSelector: {} };
  const out: K8sObject[] = [
    {
      apiVersion: 'networking.k8s.io/v1',
      kind: 'NetworkPolicy',
      metadata: { name: 'tenant-isolation', namespace: ns },
      spec: {
        podSelector: {},
        policyTypes: ['Ingress', 'Egress'],
        ingress: [
          {
            from: [
              sameNamespace,
              ...t.tenancy.allowIngressFrom.map((n) => ({
                namespaceSelector: { matchLabels: { [NAMESPACE_NAME_LABEL]: n } },
              })),
            ],
          },
        ],
        egress: [
          {
            to: [
              sameNamespace,
              ...t.tenancy.allowEgressTo.map((n) => ({
                namespaceSelector: { matchLabels: { [NAMESPACE_NAME_LABEL]: n } },
              })),
            ],
          },
          {
            to: [
              {
                namespaceSelector: { matchLabels: { [NAMESPACE_NAME_LABEL]: CLUSTER_DNS.namespace } },
                podSelector: { matchLabels: { ...CLUSTER_DNS.labels } },
              },
            ],
            ports: [
              { protocol: 'UDP', port: 53 },
              { protocol: 'TCP', port: 53 },
            ],
          },
        ],
      },
    },
    {
      apiVersion: 'v1',
      kind: 'ResourceQuota',
      metadata: { name: 'tenant-gpus', namespace: ns },
      spec: { hard: { [`requests.${GPU_RESOURCE}`]: String(gpuLimit), [RESOURCE_CLAIMS]: String(gpuLimit) } },
    },
  ];
  if (t.tenancy.group !== undefined) {
    out.push(
      {
        apiVersion: 'rbac.authorization.k8s.io/v1',
        kind: 'Role',
        metadata: { name: 'tenant', namespace: ns },
        rules: [
          { apiGroups: ['batch'], resources: ['jobs', 'cronjobs'], verbs: ['*'] },
          { apiGroups: ['jobset.x-k8s.io'], resources: ['jobsets'], verbs: ['*'] },
          { apiGroups: [''], resources: ['pods', 'pods/log', 'configmaps', 'secrets'], verbs: ['*'] },
          {
            apiGroups: ['resource.k8s.io'],
            resources: ['resourceclaims', 'resourceclaimtemplates'],
            verbs: ['*'],
          },
          {
            apiGroups: ['kueue.x-k8s.io'],
            resources: ['localqueues', 'workloads'],
            verbs: ['get', 'list', 'watch'],
          },
        ],
      },
      {
        apiVersion: 'rbac.authorization.k8s.io/v1',
        kind: 'RoleBinding',
        metadata: { name: 'tenant', namespace: ns },
        subjects: [{ apiGroup: 'rbac.authorization.k8s.io', kind: 'Group', name: t.tenancy.group }],
        roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'Role', name: 'tenant' },
      },
    );
  }
  return out;
}

/** The cluster's PriorityClasses for tenants (cluster-scoped, none is the global default). */
export function priorityClasses(): K8sObject[] {
  return PRIORITY_CLASSES.map((p) => ({
    apiVersion: 'scheduling.k8s.io/v1',
    kind: 'PriorityClass',
    metadata: { name: p.name },
    value: p.value,
    globalDefault: false,
    preemptionPolicy: 'PreemptLowerPriority',
    description: p.description,
  }));
}

/** The Kueue `Cohort`s the tenants' queues join, with every ancestor, parents first, each once. */
export function cohortObjects(tenants: readonly TenantModel[]): K8sObject[] {
  const seen = new Map<string, CohortSpec>();
  const visit = (c: CohortSpec): void => {
    if (c.parent) visit(c.parent);
    const other = seen.get(c.name);
    if (other && other.path !== c.path) {
      throw new DesignError(c.path, `cohort name '${c.name}' is already used by ${other.path}`);
    }
    seen.set(c.name, c);
  };
  for (const t of tenants) if (t.tenancy.cohort) visit(t.tenancy.cohort);
  return [...seen.values()].map((c) => ({
    apiVersion: KUEUE_API,
    kind: 'Cohort',
    metadata: { name: c.name },
    spec: {
      ...(c.parent ? { parentName: c.parent.name } : {}),
      ...(c.fairSharingWeight !== undefined
        ? { fairSharing: { weight: quantity(c.fairSharingWeight) } }
        : {}),
    },
  }));
}

/**
 * The largest number of GPUs a tenant's pods can request at once on one cluster: its quota
 * plus what it may borrow, never more than the cluster's GPUs of its flavor (`clusterGpus`).
 */
export function gpuLimit(t: TenantModel, clusterGpus: number): number {
  if (!t.tenancy.cohort) return t.gpuQuota;
  const borrow = t.tenancy.borrowingLimit ?? clusterGpus - t.gpuQuota;
  return Math.max(t.gpuQuota, Math.min(t.gpuQuota + Math.max(0, borrow), clusterGpus));
}
