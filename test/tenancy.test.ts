import { Cohort, Delivery, GpuCluster, GpuOperator, Kueue, Tenant } from '../constructs';
import { reach } from '../src/kubernetes/network-reach';
import { K8sObject } from '../src/kubernetes/objects';
import { evaluate, frame, rack, ups } from './fixtures/tiny';
import { validateObject } from './fixtures/validate-object';

/** Two NVL72 racks (144 GPUs) in one cluster with Kueue, and the tenants `declare` puts inside it. */
function cluster(declare: (kueue: Kueue) => void) {
  const f = frame({ positions: 2 });
  const a = ups(f.site, 'a', 400);
  const b = ups(f.site, 'b', 400);
  for (let i = 0; i < 2; i++) rack(f.hall, `r${i}`, 132, [a, b]);
  const c = new GpuCluster(f.root, 'cluster', { racks: [f.hall], delivery: Delivery.terraform() });
  new GpuOperator(c, 'gpu');
  declare(new Kueue(c, 'kueue'));
  const e = evaluate(f.root);
  const resources = e.design.platform.clusters[0].operators.flatMap((o) => o.resources);
  return { e, resources };
}

const ai2f = (kueue: Kueue) => {
  const programme = new Cohort(kueue, 'genci', { name: 'genci' });
  const cohort = new Cohort(kueue, 'ai2f', { parent: programme, fairSharingWeight: 2 });
  new Tenant(kueue, 'startup-a', {
    gpuQuota: 72,
    cohort,
    group: 'oidc:startup-a',
    fairSharingWeight: 1.5,
    borrowingLimit: 36,
    lendingLimit: 18,
  });
  new Tenant(kueue, 'startup-b', { gpuQuota: 36, cohort, allowIngressFrom: ['monitoring'] });
};

describe('tenants of a shared facility', () => {
  const { e, resources } = cluster(ai2f);
  const of = (kind: string) => resources.filter((r) => r.kind === kind);
  const named = (kind: string, ns: string) => of(kind).find((r) => r.metadata.namespace === ns)!;

  test('every object validates against its CRD or the Kubernetes core schema, and no rule fires', () => {
    expect(resources.length).toBeGreaterThan(0);
    for (const r of resources)
      expect([r.kind, r.metadata.name, validateObject(r)]).toEqual([r.kind, r.metadata.name, []]);
    expect(e.findings).toEqual([]);
  });

  test('ClusterQueues join their cohort with weight and limits; the Cohort tree comes parents first', () => {
    expect(of('Cohort').map((c) => [c.metadata.name, c.spec])).toEqual([
      ['genci', {}],
      ['ai2f', { parentName: 'genci', fairSharing: { weight: 2 } }],
    ]);
    const a = of('ClusterQueue').find((q) => q.metadata.name === 'startup-a')!;
    expect(a.spec).toEqual({
      cohortName: 'ai2f',
      fairSharing: { weight: '1.5' },
      namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'startup-a' } },
      resourceGroups: [
        {
          coveredResources: ['nvidia.com/gpu'],
          flavors: [
            {
              name: 'gb200-nvl72',
              resources: [{ name: 'nvidia.com/gpu', nominalQuota: 72, borrowingLimit: 36, lendingLimit: 18 }],
            },
          ],
        },
      ],
    });
  });

  test('ResourceQuota: GPU requests and DRA claims up to quota + borrowing limit (72 + 36), or the cluster (144) without a limit', () => {
    expect(named('ResourceQuota', 'startup-a').spec).toEqual({
      hard: { 'requests.nvidia.com/gpu': '108', 'count/resourceclaims.resource.k8s.io': '108' },
    });
    // startup-b may borrow everything the cohort has on this cluster: 144 - 36 = 108 more.
    expect(named('ResourceQuota', 'startup-b').spec).toEqual({
      hard: { 'requests.nvidia.com/gpu': '144', 'count/resourceclaims.resource.k8s.io': '144' },
    });
  });

  test('RBAC binds the declared group to its namespace only; three PriorityClasses, none global default', () => {
    expect(named('RoleBinding', 'startup-a')).toMatchObject({
      subjects: [{ apiGroup: 'rbac.authorization.k8s.io', kind: 'Group', name: 'oidc:startup-a' }],
      roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'Role', name: 'tenant' },
    });
    expect(of('RoleBinding')).toHaveLength(1); // startup-b declares no group
    expect(of('PriorityClass').map((p) => [p.metadata.name, p.value, p.globalDefault])).toEqual([
      ['tenant-production', 10_000, false],
      ['tenant-batch', 1_000, false],
      ['tenant-preemptible', 100, false],
    ]);
  });

  test('NetworkPolicies evaluated on pod pairs: no path between the tenants, own namespace and DNS only', () => {
    const policies = of('NetworkPolicy');
    const pod = (namespace: string, labels: Record<string, string> = {}) => ({ namespace, labels });
    const a = pod('startup-a', { app: 'trainer' });
    const b = pod('startup-b', { app: 'trainer' });
    expect(reach(policies, a, b)).toBeUndefined();
    expect(reach(policies, b, a)).toBeUndefined();
    expect(reach(policies, a, pod('startup-a', { app: 'other' }))).toBe('all');
    expect(reach(policies, a, pod('kube-system', { 'k8s-app': 'kube-dns' }))).toEqual(
      new Set(['UDP/53', 'TCP/53']),
    );
    expect(reach(policies, a, pod('kube-system', { 'k8s-app': 'metrics-server' }))).toBeUndefined();
    expect(reach(policies, a, pod('default'))).toBeUndefined(); // no egress outside
    expect(reach(policies, pod('default'), a)).toBeUndefined(); // no ingress from outside
    // startup-b admits monitoring (which no policy restricts), startup-a does not.
    expect(reach(policies, pod('monitoring'), b)).toBe('all');
    expect(reach(policies, pod('monitoring'), a)).toBeUndefined();
  });
});

describe('the evaluator follows the NetworkPolicy API', () => {
  const np = (namespace: string, spec: Record<string, unknown>): K8sObject => ({
    apiVersion: 'networking.k8s.io/v1',
    kind: 'NetworkPolicy',
    metadata: { name: 'p', namespace },
    spec,
  });
  const x = { namespace: 'x', labels: { role: 'db' } };
  const y = { namespace: 'y', labels: { role: 'web' } };

  test('unselected pods are open; policyTypes default to Ingress; egress and ingress both needed', () => {
    expect(reach([], x, y)).toBe('all');
    expect(reach([np('y', { podSelector: {} })], x, y)).toBeUndefined(); // ingress deny-all
    expect(reach([np('y', { podSelector: { matchLabels: { role: 'api' } } })], x, y)).toBe('all');
    expect(reach([np('x', { podSelector: {}, policyTypes: ['Egress'] })], x, y)).toBeUndefined();
  });

  test('namespaceSelector and podSelector in one peer are ANDed; expressions; ports intersect', () => {
    const ingress = (peer: Record<string, unknown>, ports?: unknown[]) =>
      np('y', { podSelector: {}, ingress: [{ from: [peer], ...(ports ? { ports } : {}) }] });
    const ns = { namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'x' } } };
    expect(reach([ingress(ns)], x, y)).toBe('all');
    expect(
      reach([ingress({ ...ns, podSelector: { matchLabels: { role: 'cache' } } })], x, y),
    ).toBeUndefined();
    expect(
      reach(
        [
          ingress({
            ...ns,
            podSelector: { matchExpressions: [{ key: 'role', operator: 'In', values: ['db'] }] },
          }),
        ],
        x,
        y,
      ),
    ).toBe('all');
    expect(reach([ingress({ podSelector: {} })], x, y)).toBeUndefined(); // podSelector alone: policy's namespace
    const egress = np('x', {
      podSelector: {},
      policyTypes: ['Egress'],
      egress: [{ ports: [{ port: 443 }] }],
    });
    expect(reach([ingress(ns, [{ protocol: 'TCP', port: 443 }, { port: 80 }]), egress], x, y)).toEqual(
      new Set(['TCP/443']),
    );
    expect(reach([ingress(ns, [{ port: 80 }]), egress], x, y)).toBeUndefined();
  });
});

describe('K8S-009 tenant isolation', () => {
  test('two tenants in one namespace, and a tenant admitting another tenant, are findings', () => {
    const shared = cluster((k) => {
      new Tenant(k, 'a', { gpuQuota: 8, namespace: 'shared' });
      new Tenant(k, 'b', { gpuQuota: 8, namespace: 'shared' });
    });
    expect(shared.e.findings.map((f) => [f.ruleId, f.path, f.message])).toEqual([
      [
        'K8S-009',
        'cluster/kueue/b',
        'tenants a and b share namespace shared on cluster cluster: nothing separates their pods',
      ],
    ]);
    // b admits a, but a's egress stays closed: still no path.
    const half = cluster((k) => {
      new Tenant(k, 'a', { gpuQuota: 8 });
      new Tenant(k, 'b', { gpuQuota: 8, allowIngressFrom: ['a', 'monitoring'] });
    });
    expect(half.e.findings).toEqual([]);
    const open = cluster((k) => {
      new Tenant(k, 'a', { gpuQuota: 8, allowEgressTo: ['b'] });
      new Tenant(k, 'b', { gpuQuota: 8, allowIngressFrom: ['a', 'monitoring'] });
    });
    expect(open.e.findings.map((f) => [f.ruleId, f.path, f.message])).toEqual([
      [
        'K8S-009',
        'cluster/kueue/b',
        'pods of tenant a (namespace a) can open connections to tenant b (namespace b) on cluster cluster, ports all',
      ],
    ]);
  });

  test('a tenant in a system or operator namespace is a finding', () => {
    const { e } = cluster((k) => {
      new Tenant(k, 'ops', { gpuQuota: 8, namespace: 'kube-system' });
      new Tenant(k, 'queue', { gpuQuota: 8, namespace: 'kueue-system' });
      new Tenant(k, 'fine', { gpuQuota: 8 });
    });
    expect(e.findings.map((f) => [f.ruleId, f.path, f.message])).toEqual([
      [
        'K8S-009',
        'cluster/kueue/ops',
        'tenant ops uses namespace kube-system on cluster cluster, which the platform uses (system or operator namespace)',
      ],
      [
        'K8S-009',
        'cluster/kueue/queue',
        'tenant queue uses namespace kueue-system on cluster cluster, which the platform uses (system or operator namespace)',
      ],
    ]);
  });

  test('bad tenancy props are refused with the construct path', () => {
    expect(() => cluster((k) => new Tenant(k, 't', { gpuQuota: 8, borrowingLimit: 4 }))).toThrow(
      'cluster/kueue/t: borrowingLimit and lendingLimit need a cohort to borrow from or lend to',
    );
    expect(() => cluster((k) => new Cohort(k, 'c', { fairSharingWeight: 0 }))).toThrow(
      'cluster/kueue/c: fairSharingWeight must be a finite number > 0, got 0',
    );
    expect(() =>
      cluster((k) => {
        new Tenant(k, 'a', { gpuQuota: 8, cohort: new Cohort(k, 'one', { name: 'lab' }) });
        new Tenant(k, 'b', { gpuQuota: 8, cohort: new Cohort(k, 'two', { name: 'lab' }) });
      }),
    ).toThrow("cluster/kueue/two: cohort name 'lab' is already used by cluster/kueue/one");
  });
});
