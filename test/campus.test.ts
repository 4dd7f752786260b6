import * as fs from 'fs';
import { IConstruct, RootConstruct } from 'constructs';
import { parseAllDocuments } from 'yaml';
import {
  CampusQueue,
  CampusTenant,
  Cohort,
  Delivery,
  GpuCluster,
  GpuOperator,
  Hall,
  Kueue,
  Site,
  Tenant,
} from '../constructs';
import { buildCampus } from '../examples/campus-1-4gw/campus';
import { addHallClusters } from '../examples/campus-1-4gw/clusters';
import {
  addProgramme,
  ENTERPRISE_GPUS_PER_HALL,
  STARTUP_BURST_GPUS,
  STARTUP_GPUS_PER_HALL,
  STARTUPS,
} from '../examples/campus-1-4gw/programme';
import { addGpuPlatform } from '../examples/default/platform';
import { buildEssonneSite } from '../examples/essonne-44mw/site';
import { AiFactoryApp, PhysicalStack } from '../stacks';
import { CloudStack } from '../stacks/cloud-stack';
import { ScalewayGpuCluster, ScalewayGpuType } from '../constructs/scaleway';
import { Residency } from '../src/model/residency';
import { K8sObject } from '../src/kubernetes/objects';
import { gitopsFiles } from '../src/output/gitops';
import { evaluate, rack, ups } from './fixtures/tiny';
import { validateObject } from './fixtures/validate-object';
import { scratchDir } from './fixtures/scratch';

/** `racks` GB200 NVL72 racks (72 GPUs each) of a site in `country`. */
function site(root: IConstruct, id: string, country: string, racks: number) {
  const s = new Site(root, id, { country, gridConnectionMw: 100, powerFactor: 1 });
  const hall = new Hall(s, 'hall', { designKwPerRack: 500, rackPositions: racks });
  const a = ups(s, 'a', 200 * racks);
  const b = ups(s, 'b', 200 * racks);
  return Array.from({ length: racks }, (_, i) => rack(hall, `r${i}`, 132, [a, b]));
}

function worker(root: IConstruct, id: string, racks: IConstruct[]) {
  const c = new GpuCluster(root, id, { racks, delivery: Delivery.terraform() });
  new GpuOperator(c, 'gpu');
  new Kueue(c, 'kueue');
  return c;
}

/**
 * A campus of three workers: fr-1 and fr-2 (2 racks each in France), de-1 (2 racks in
 * Germany); a manager without racks delivered by GitOps; two startups of a programme cohort
 * and an enterprise tenant restricted to France. `tweak` changes the design before evaluation.
 */
function campus(
  tweak: (c: { queue: CampusQueue; workers: Record<string, GpuCluster>; cohort: Cohort }) => void = () => {},
) {
  const root = new RootConstruct();
  const fr = site(root, 'paris', 'FR', 4);
  const de = site(root, 'frankfurt', 'DE', 2);
  const workers = {
    'fr-1': worker(root, 'fr-1', fr.slice(0, 2)),
    'fr-2': worker(root, 'fr-2', fr.slice(2)),
    'de-1': worker(root, 'de-1', de),
  };
  const manager = new GpuCluster(root, 'manager', {
    racks: [],
    delivery: Delivery.gitops({ repoUrl: 'https://git.example.org/campus.git' }),
  });
  new Kueue(manager, 'kueue');
  const queue = new CampusQueue(root, 'campus', {
    manager,
    workers: [
      workers['fr-1'],
      workers['fr-2'],
      { cluster: workers['de-1'], kubeconfigSecret: 'frankfurt-worker' },
    ],
  });
  const cohort = new Cohort(root, 'ai2f', { fairSharingWeight: 2 });
  new CampusTenant(queue, 'startup-a', {
    cohort,
    group: 'oidc:startup-a',
    quotas: [
      { cluster: workers['fr-1'], gpus: 72 },
      { cluster: workers['de-1'], gpus: 36 },
    ],
  });
  new CampusTenant(queue, 'startup-b', { cohort, gpusPerWorker: 36 });
  const enterprise = new CampusTenant(queue, 'enterprise', { gpusPerWorker: 36, group: 'oidc:enterprise' });
  Residency.allow(enterprise, ['FR']);
  tweak({ queue, workers, cohort });
  const e = evaluate(root);
  const objects = (cluster: string) =>
    e.design.platform.clusters.find((c) => c.name === cluster)!.operators.flatMap((o) => o.resources);
  return { e, objects };
}

const quotaOf = (q: K8sObject) =>
  (
    q.spec as {
      resourceGroups: { flavors: { name: string; resources: { nominalQuota: number }[] }[] }[];
    }
  ).resourceGroups[0].flavors.map((f) => [f.name, f.resources[0].nominalQuota] as const);

describe('campus queue (MultiKueue)', () => {
  const { e, objects } = campus();
  const manager = objects('manager');
  const of = (objs: K8sObject[], kind: string) => objs.filter((r) => r.kind === kind);

  test('no findings; every object of every cluster validates against its CRD or the core schema', () => {
    expect(e.findings).toEqual([]);
    for (const c of e.design.platform.clusters) {
      for (const r of objects(c.name))
        expect([c.name, r.kind, r.metadata.name, validateObject(r)]).toEqual([
          c.name,
          r.kind,
          r.metadata.name,
          [],
        ]);
    }
  });

  test('one MultiKueueCluster per worker, each referencing its kubeconfig Secret; no Secret is written', () => {
    expect(of(manager, 'MultiKueueCluster').map((m) => [m.metadata.name, m.spec])).toEqual([
      ['fr-1', { clusterSource: { kubeConfig: { location: 'fr-1-kubeconfig', locationType: 'Secret' } } }],
      ['fr-2', { clusterSource: { kubeConfig: { location: 'fr-2-kubeconfig', locationType: 'Secret' } } }],
      ['de-1', { clusterSource: { kubeConfig: { location: 'frankfurt-worker', locationType: 'Secret' } } }],
    ]);
    const all = e.design.platform.clusters.flatMap((c) => objects(c.name));
    expect(all.filter((r) => r.kind === 'Secret')).toEqual([]);
    const files = gitopsFiles(e.design.platform);
    expect(files.filter((f) => /kind: Secret\b/.test(f.text))).toEqual([]);
    // A custom resource: in the second apply step's chart, after the Kueue CRDs.
    expect(files.map((f) => f.path)).toContain('manager/charts/resources/templates/multi-kueue-cluster.yaml');
    const docs = parseAllDocuments(
      files.find((f) => f.path === 'manager/charts/resources/templates/multi-kueue-cluster.yaml')!.text,
    );
    expect(docs).toHaveLength(3);
  });

  test("every document of the manager's GitOps templates (namespaces included) validates", () => {
    const templates = gitopsFiles(e.design.platform).filter((f) =>
      /^manager\/charts\/(platform|resources)\/templates\//.test(f.path),
    );
    expect(templates.length).toBeGreaterThan(10);
    let n = 0;
    for (const f of templates) {
      for (const d of parseAllDocuments(f.text)) {
        const o = d.toJS() as K8sObject;
        expect([f.path, o.metadata.name, validateObject(o)]).toEqual([f.path, o.metadata.name, []]);
        n++;
      }
    }
    expect(n).toBe(manager.length + 3); // and the 3 tenant namespaces
  });

  test('manager quotas equal the sum of the worker quotas, per tenant and flavor', () => {
    const workers = ['fr-1', 'fr-2', 'de-1'];
    const sums = new Map<string, number>();
    for (const w of workers) {
      for (const q of of(objects(w), 'ClusterQueue')) {
        for (const [flavor, gpus] of quotaOf(q)) {
          const key = `${q.metadata.name} ${flavor}`;
          sums.set(key, (sums.get(key) ?? 0) + gpus);
        }
      }
    }
    const onManager = new Map(
      of(manager, 'ClusterQueue').flatMap((q) =>
        quotaOf(q).map(([f, g]) => [`${q.metadata.name} ${f}`, g] as const),
      ),
    );
    expect(onManager).toEqual(sums);
    expect([...onManager.entries()].sort()).toEqual([
      ['enterprise gb200-nvl72', 72],
      ['startup-a gb200-nvl72', 108],
      ['startup-b gb200-nvl72', 108],
    ]);
  });

  test('dispatch sets follow residency: the FR-only enterprise reaches the French workers only', () => {
    expect(of(manager, 'MultiKueueConfig').map((m) => [m.metadata.name, m.spec])).toEqual([
      ['enterprise', { clusters: ['fr-1', 'fr-2'] }],
      ['startup-a', { clusters: ['de-1', 'fr-1'] }],
      ['startup-b', { clusters: ['de-1', 'fr-1', 'fr-2'] }],
    ]);
    expect(e.design.platform.campuses[0].tenants.map((t) => [t.name, t.tenancy.allowed, t.dispatch])).toEqual(
      [
        ['enterprise', ['FR'], ['fr-1', 'fr-2']],
        ['startup-a', ['EU'], ['de-1', 'fr-1']],
        ['startup-b', ['EU'], ['de-1', 'fr-1', 'fr-2']],
      ],
    );
    expect(of(objects('de-1'), 'ClusterQueue').map((q) => q.metadata.name)).toEqual([
      'startup-a',
      'startup-b',
    ]);
  });

  test("each tenant's ClusterQueue on the manager waits for its MultiKueue AdmissionCheck; LocalQueues match the workers'", () => {
    const check = of(manager, 'AdmissionCheck').find((a) => a.metadata.name === 'enterprise-multikueue')!;
    expect(check.spec).toEqual({
      controllerName: 'kueue.x-k8s.io/multikueue',
      parameters: { apiGroup: 'kueue.x-k8s.io', kind: 'MultiKueueConfig', name: 'enterprise' },
    });
    const cq = of(manager, 'ClusterQueue').find((q) => q.metadata.name === 'startup-a')!;
    expect(cq.spec).toMatchObject({
      cohortName: 'ai2f',
      admissionChecksStrategy: { admissionChecks: [{ name: 'startup-a-multikueue' }] },
    });
    const lq = (objs: K8sObject[]) =>
      of(objs, 'LocalQueue').map((q) => [q.metadata.namespace, q.metadata.name]);
    expect(lq(manager)).toEqual([
      ['enterprise', 'enterprise'],
      ['startup-a', 'startup-a'],
      ['startup-b', 'startup-b'],
    ]);
    for (const w of ['fr-1', 'fr-2', 'de-1'])
      for (const q of lq(objects(w))) expect(lq(manager)).toContainEqual(q);
    // The manager has no GPU nodes: no Topology; the workers' flavor exists for its queues.
    expect(of(manager, 'Topology')).toEqual([]);
    expect(of(manager, 'ResourceFlavor').map((f) => [f.metadata.name, f.spec])).toEqual([
      ['gb200-nvl72', { nodeLabels: { 'aifactory.io/system': 'gb200-nvl72' } }],
    ]);
    expect(of(manager, 'Cohort').map((c) => c.metadata.name)).toEqual(['ai2f']);
    expect(of(manager, 'NetworkPolicy').map((p) => p.metadata.namespace)).toEqual([
      'enterprise',
      'startup-a',
      'startup-b',
    ]);
  });
});

describe('residency and quota findings on a campus', () => {
  test('RES-002: a FR-only tenant with quota on a cluster in Germany', () => {
    const { e } = campus(({ queue, workers }) => {
      const t = new CampusTenant(queue, 'bank', {
        quotas: [
          { cluster: workers['fr-2'], gpus: 8 },
          { cluster: workers['de-1'], gpus: 8 },
        ],
      });
      Residency.allow(t, ['FR']);
    });
    expect(e.findings.map((f) => [f.ruleId, f.path, f.message])).toEqual([
      [
        'RES-002',
        'campus/bank',
        'tenant bank dispatches through the campus queue to cluster de-1 in DE (jurisdiction EU), outside its allowed jurisdictions FR (set on campus/bank)',
      ],
    ]);
  });

  test('RES-002 on a single cluster: a CH-only tenant on EU racks', () => {
    const root = new RootConstruct();
    const c = worker(root, 'fr-1', site(root, 'paris', 'FR', 1));
    const kueue = c.node.findChild('kueue') as Kueue;
    Residency.allow(root, ['CH']);
    new Tenant(kueue, 'swiss', { gpuQuota: 8 });
    const e = evaluate(root);
    expect(e.findings.map((f) => [f.ruleId, f.message])).toEqual([
      [
        'RES-002',
        'tenant swiss holds quota on cluster fr-1 in FR (jurisdiction EU), outside its allowed jurisdictions CH (set on <app>)',
      ],
    ]);
  });

  test('RES-002 across cloud and on-premises: a FR-only tenant with quota on a Kapsule cluster in Warsaw', () => {
    const app = new AiFactoryApp({ outdir: scratchDir('aifactory-res-') });
    try {
      const onPrem = new PhysicalStack(app, 'campus');
      const paris = worker(onPrem, 'paris-1', site(onPrem, 'paris', 'FR', 1));
      const cloud = new CloudStack(app, 'burst', { region: 'pl-waw', zone: 'pl-waw-2' });
      const kapsule = new ScalewayGpuCluster(cloud, 'kapsule', { version: '1.34', region: 'pl-waw' });
      kapsule.addPool({ name: 'h100', nodeType: ScalewayGpuType.H100_2_80G, zone: 'pl-waw-2', size: 2 });
      const warsaw = new GpuCluster(cloud, 'platform', {
        name: 'warsaw',
        racks: [kapsule],
        delivery: Delivery.terraform(),
      });
      new Kueue(warsaw, 'kueue');
      const manager = new GpuCluster(onPrem, 'manager', { racks: [], delivery: Delivery.terraform() });
      new Kueue(manager, 'kueue');
      const queue = new CampusQueue(onPrem, 'queue', { manager, workers: [paris, warsaw] });
      const auto = new CampusTenant(queue, 'auto', { gpusPerWorker: 2 });
      Residency.allow(auto, ['FR']);
      const pinned = new CampusTenant(queue, 'pinned', {
        quotas: [
          { cluster: paris, gpus: 8 },
          { cluster: warsaw, gpus: 2 },
        ],
      });
      Residency.allow(pinned, ['FR']);
      const e = evaluate(app);
      expect(e.design.platform.clusters.map((c) => [c.name, c.countries])).toEqual([
        ['warsaw', ['PL']],
        ['manager', []],
        ['paris-1', ['FR']],
      ]);
      expect(e.design.platform.campuses[0].tenants.map((t) => [t.name, t.dispatch])).toEqual([
        ['auto', ['paris-1']],
        ['pinned', ['paris-1', 'warsaw']],
      ]);
      expect(e.findings.map((f) => [f.ruleId, f.path, f.message])).toEqual([
        [
          'RES-002',
          'campus/queue/pinned',
          'tenant pinned dispatches through the campus queue to cluster warsaw in PL (jurisdiction EU), outside its allowed jurisdictions FR (set on campus/queue/pinned)',
        ],
      ]);
    } finally {
      fs.rmSync(app.outdir, { recursive: true, force: true });
    }
  });

  test('the manager can be a cluster with racks of its own: its flavor is not emitted twice', () => {
    const root = new RootConstruct();
    const racks = site(root, 'paris', 'FR', 3);
    const manager = worker(root, 'manager', racks.slice(0, 1));
    const queue = new CampusQueue(root, 'campus', { manager, workers: [worker(root, 'w1', racks.slice(1))] });
    new CampusTenant(queue, 't', { gpusPerWorker: 72 });
    const own = evaluate(root);
    expect(own.findings).toEqual([]);
    const m = own.design.platform.clusters
      .find((c) => c.name === 'manager')!
      .operators.flatMap((o) => o.resources);
    expect(m.filter((r) => r.kind === 'ResourceFlavor').map((f) => f.spec)).toEqual([
      { nodeLabels: { 'aifactory.io/system': 'gb200-nvl72' }, topologyName: 'manager-layout' },
    ]);
    expect(m.filter((r) => r.kind === 'Topology')).toHaveLength(1);
  });

  test('K8S-005 on a worker and on the campus when quotas pass the GPUs (145 > 144 on fr-1)', () => {
    const { e } = campus(({ queue, workers }) => {
      new CampusTenant(queue, 'greedy', { quotas: [{ cluster: workers['fr-1'], gpus: 145 }] });
    });
    expect(
      e.findings.filter((f) => f.ruleId === 'K8S-005').map((f) => [f.path, f.measured, f.limit]),
    ).toEqual([
      ['campus', 145 + 72 + 108 + 108, 432],
      ['fr-1', 145 + 72 + 36 + 36, 144],
    ]);
  });

  test('bad input: a worker not in the campus, no worker allowed by residency, quotas and gpusPerWorker both', () => {
    expect(() =>
      campus(({ queue }) => {
        const root = queue.node.root;
        const stray = worker(root, 'stray', []);
        new CampusTenant(queue, 'x', { quotas: [{ cluster: stray, gpus: 8 }] });
      }),
    ).toThrow('campus/x: holds quota on stray, which is not a worker of campus queue campus');
    expect(() =>
      campus(({ queue }) => {
        const t = new CampusTenant(queue, 'swiss', { gpusPerWorker: 8 });
        Residency.allow(t, ['CH']);
      }),
    ).toThrow('campus/swiss: holds no GPU quota on any worker of its campus; give it quotas');
    expect(() =>
      campus(({ queue }) => new CampusTenant(queue, 'both', { gpusPerWorker: 8, quotas: [] })),
    ).toThrow('campus/both: give either quotas or gpusPerWorker');
  });

  test('a tenant dispatching to 21 workers is refused: a MultiKueueConfig lists at most 20 (20 pass)', () => {
    const build = (n: number) => {
      const root = new RootConstruct();
      const racks = site(root, 'paris', 'FR', n);
      const workers = racks.map((r, i) => worker(root, `w${i + 1}`, [r]));
      const manager = new GpuCluster(root, 'manager', { racks: [], delivery: Delivery.terraform() });
      new Kueue(manager, 'kueue');
      const queue = new CampusQueue(root, 'campus', { manager, workers });
      new CampusTenant(queue, 'everywhere', { gpusPerWorker: 8 });
      return evaluate(root);
    };
    const twenty = build(20);
    expect(twenty.findings).toEqual([]);
    expect(twenty.design.platform.campuses[0].tenants[0].dispatch).toHaveLength(20);
    expect(() => build(21)).toThrow(
      'campus/everywhere: dispatches to 21 worker clusters, but a MultiKueueConfig lists at most 20 (Kueue v0.19.2); hold quota on fewer workers',
    );
  });
});

describe('campus-1-4gw example: an AI2F-style programme on one campus queue', () => {
  const app = new AiFactoryApp({ outdir: scratchDir('aifactory-campus-') });
  const stack = new PhysicalStack(app, 'campus');
  const halls = addHallClusters(stack, buildCampus(stack), 'https://git.example.org/platform/fouju.git');
  addProgramme(stack, app, halls, 'https://git.example.org/platform/fouju.git');
  const e = evaluate(app);
  const { clusters, campuses } = e.design.platform;
  const objects = (name: string) =>
    clusters.find((c) => c.name === name)!.operators.flatMap((o) => o.resources);
  const manager = objects('campus-queue');
  afterAll(() => fs.rmSync(app.outdir, { recursive: true, force: true }));

  test('no findings; one MultiKueueCluster per worker (48 halls: 4 GB300 and 2 Vera Rubin buildings and the Warsaw burst cluster)', () => {
    expect(e.findings).toEqual([]);
    expect(campuses).toHaveLength(1);
    const workers = campuses[0].workers.map((w) => w.name);
    expect(workers).toHaveLength(49);
    expect(manager.filter((r) => r.kind === 'MultiKueueCluster').map((m) => m.metadata.name)).toEqual(
      workers,
    );
  });

  test('manager quotas equal the sum of the worker quotas per tenant and flavor', () => {
    const sums = new Map<string, number>();
    for (const w of campuses[0].workers) {
      for (const q of objects(w.name).filter((r) => r.kind === 'ClusterQueue')) {
        for (const [flavor, gpus] of quotaOf(q)) {
          const key = `${q.metadata.name} ${flavor}`;
          sums.set(key, (sums.get(key) ?? 0) + gpus);
        }
      }
    }
    const onManager = new Map(
      manager
        .filter((r) => r.kind === 'ClusterQueue')
        .flatMap((q) => quotaOf(q).map(([f, g]) => [`${q.metadata.name} ${f}`, g] as const)),
    );
    expect(onManager).toEqual(sums);
    expect(onManager.get('startup-llm gb300-nvl72')).toBe(2 * STARTUP_GPUS_PER_HALL);
    expect(onManager.get('startup-llm h100-2-80g')).toBe(STARTUP_BURST_GPUS);
    expect(onManager.get('industrial-ai vera-rubin-nvl72')).toBe(4 * ENTERPRISE_GPUS_PER_HALL);
  });

  test('startups share the ai2f cohort and reach Warsaw; the FR-only enterprise stays on building 5 in France', () => {
    const t = (name: string) => campuses[0].tenants.find((x) => x.name === name)!;
    expect(STARTUPS.map((s) => t(s).tenancy.cohort?.name)).toEqual(['ai2f', 'ai2f', 'ai2f', 'ai2f']);
    expect(t('startup-llm').dispatch).toEqual(['building-01-hall-01', 'building-02-hall-01', 'warsaw-burst']);
    expect(t('industrial-ai').dispatch).toEqual([
      'building-05-hall-01',
      'building-05-hall-02',
      'building-05-hall-03',
      'building-05-hall-04',
    ]);
    expect(clusters.find((c) => c.name === 'warsaw-burst')!.countries).toEqual(['PL']);
    expect(t('industrial-ai').tenancy.allowed).toEqual(['FR']);
    // A startup's ResourceQuota on a hall: 4,608 + 9,216 borrowable, capped at the hall's 9,216 GPUs.
    const quota = objects('building-01-hall-01').find((r) => r.kind === 'ResourceQuota')!;
    expect([quota.metadata.namespace, quota.spec]).toEqual([
      'startup-llm',
      { hard: { 'requests.nvidia.com/gpu': '9216', 'count/resourceclaims.resource.k8s.io': '9216' } },
    ]);
  });

  test("every object of the manager and of a tenant's worker validates", () => {
    for (const name of ['campus-queue', 'building-01-hall-01', 'building-05-hall-01', 'warsaw-burst']) {
      for (const r of objects(name)) {
        expect([name, r.kind, r.metadata.name, validateObject(r)]).toEqual([
          name,
          r.kind,
          r.metadata.name,
          [],
        ]);
      }
    }
  });
});

describe('the default example keeps its single-cluster form', () => {
  test('one cluster, no campus queue, its two tenants isolated', () => {
    const root = new RootConstruct();
    addGpuPlatform(root, buildEssonneSite(root, { cooling: 'design-pue' }));
    const { platform } = evaluate(root).design;
    expect(platform.clusters.map((c) => c.name)).toEqual(['essonne-ai']);
    expect(platform.campuses).toEqual([]);
    const kinds = platform.clusters[0].operators.flatMap((o) => o.resources).map((r) => r.kind);
    expect(kinds.filter((k) => k === 'NetworkPolicy')).toHaveLength(2);
    expect(kinds.filter((k) => k.startsWith('MultiKueue'))).toEqual([]);
  });
});
