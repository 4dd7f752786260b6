import * as fs from 'fs';
import * as path from 'path';
import { parse, parseAllDocuments } from 'yaml';
import { Construct, RootConstruct } from 'constructs';
import { Delivery, DraDriver, GpuCluster, GpuOperator, Kueue, NetworkOperator, Tenant } from '../constructs';
import { buildEssonneSite } from '../examples/essonne-44mw/site';
import { readDeployPlans } from '../src/deploy/read-output';
import { evaluate } from '../src/evaluate';
import { applySteps } from '../src/kubernetes/apply-order';
import { ClusterModel } from '../src/kubernetes/cluster-model';
import { runDeployRules } from '../src/policy/deploy-rule';
import { githubApplyWorkflow, stackJobId } from '../src/output/github-workflow';
import { STAMP } from '../src/output/atomic-dir';
import { gitopsRepoPath, writeGitops } from '../src/output/gitops';
import { App, TerraformStack } from 'cdktf';
import { renderTerraform } from '../constructs/kubernetes/terraform-delivery';
import { StackPlan } from '../src/output/stack-plan';
import { DEPLOY_ORDER_PACK } from '../src/policy/rules/deploy-order';
import { AiFactoryApp, PhysicalStack } from '../stacks';
import { deliveredPlatform } from '../src/operations/delivered-platform';
import { sharedExampleSynth } from './fixtures/example-synth';
import { runCli } from './fixtures/run-cli';
import { scratchDir } from './fixtures/scratch';

const root = path.resolve(__dirname, '..');

let tmp: string;
beforeAll(() => (tmp = scratchDir('aifactory-order-')));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

/** `synth APP --out tmp/NAME/out --gitops-out tmp/NAME/gitops`, in this process (`run(argv, io)`). */
async function synth(app: string, name: string) {
  const out = path.join(tmp, name, 'out');
  const gitops = path.join(tmp, name, 'gitops');
  const r = await runCli(root, ['synth', app, '--out', out, '--gitops-out', gitops]);
  return { ...r, out, gitops };
}

const replay = (out: string, gitops: string) =>
  runDeployRules(readDeployPlans(out, gitops), DEPLOY_ORDER_PACK).map((f) => [f.ruleId, f.path, f.message]);

/** Every file under `dir`, relative. */
const files = (dir: string): string[] =>
  fs.existsSync(dir)
    ? fs
        .readdirSync(dir, { recursive: true, withFileTypes: true })
        .filter((e) => e.isFile())
        .map((e) => path.relative(dir, path.join(e.parentPath, e.name)))
        .sort()
    : [];

describe('the emitted plan replays against a simulated API on every example', () => {
  // The synth of each example, in a process of its own, is shared with the other suites of the
  // run that only read it (determinism): the campus is synthesized once.
  test.each([
    ['default', ['terraform', 'flux', 'argocd']],
    ['essonne-44mw', ['terraform']],
    ['scaleway-b300', ['terraform']],
    ['campus-1-4gw', ['terraform', 'flux', 'argocd']],
  ])(
    'examples/%s: no object applied too early',
    (name, engines) => {
      const r = sharedExampleSynth(name);
      expect([r.code, r.stderr.split('\n').filter((l) => l.startsWith('aifactory:'))]).toEqual([0, []]);
      const plans = readDeployPlans(r.out, r.gitops);
      expect(plans.map((p) => p.engine)).toEqual(engines);
      expect(replay(r.out, r.gitops)).toEqual([]);
      // Every folder of manifests holds only Kubernetes objects, as `kubectl apply -f DIR` reads them:
      // every file of the tree but a chart's Chart.yaml and values.yaml, and the ownership stamp at
      // the tree's root (outside every cluster folder), parses, and every document has an apiVersion
      // and a kind.
      // (No tree at all for a design delivered only by Terraform.)
      expect(files(r.gitops).filter((f) => path.basename(f) === STAMP)).toEqual(
        engines.includes('flux') ? [STAMP] : [],
      );
      // What fails is gathered over the tree and asserted once (an expect() per document cost
      // seconds on the campus's 13,000): each file's problems, none when all is well.
      const problems: [string, ...unknown[]][] = [];
      for (const f of files(r.gitops)) {
        if (f === STAMP) continue;
        if (/(^|\/)charts\/[^/]+\/(Chart|values)\.yaml$/.test(f)) continue;
        if (path.extname(f) !== '.yaml') {
          problems.push([f, path.extname(f)]);
          continue;
        }
        const docs = parseAllDocuments(fs.readFileSync(path.join(r.gitops, f), 'utf8'));
        if (docs.length === 0) problems.push([f, 'no document']);
        for (const d of docs) {
          if (d.errors.length > 0) {
            problems.push([f, d.errors.map((e) => e.message)]);
            continue;
          }
          const o = d.toJS() as { apiVersion?: unknown; kind?: unknown };
          if (typeof o.apiVersion !== 'string' || typeof o.kind !== 'string')
            problems.push([f, typeof o.apiVersion, typeof o.kind]);
        }
      }
      expect(problems).toEqual([]);
      // The label file for node provisioners sits in the output, outside every manifest folder.
      if (engines.includes('flux')) expect(files(path.join(r.out, 'node-labels')).length).toBeGreaterThan(0);
    },
    180_000,
  );
});

/** 2 NVL72 racks, the four operators and two tenants of 72 GPUs, delivered by GitOps as `lab-ai`. */
function twoRacks(scope: Construct): void {
  const site = buildEssonneSite(scope, { racks: 2, gridConnectionMw: 1, cooling: 'design-pue' });
  const cluster = new GpuCluster(scope, 'cluster', {
    name: 'lab-ai',
    racks: [site],
    delivery: Delivery.gitops({ repoUrl: 'https://git.example.org/lab.git' }),
  });
  new GpuOperator(cluster, 'gpu-operator');
  new NetworkOperator(cluster, 'network-operator');
  new DraDriver(cluster, 'dra-driver');
  const kueue = new Kueue(cluster, 'kueue');
  new Tenant(kueue, 'startup-lab', { gpuQuota: 72 });
  new Tenant(kueue, 'research-institute', { gpuQuota: 72 });
}

describe('the replay fails on output applied too early, naming the object and what it waits for', () => {
  /** A small GitOps design: 2 NVL72 racks with the four operators, written to `name`. */
  function small(name: string) {
    const dir = path.join(tmp, name);
    fs.mkdirSync(dir, { recursive: true });
    const app = new AiFactoryApp({ outdir: path.join(dir, 'out') });
    twoRacks(new PhysicalStack(app, 'lab'));
    const e = evaluate(app);
    expect(e.findings.filter((f) => f.severity === 'error')).toEqual([]);
    app.synthesizeDesign(e, [], { dir: path.join(dir, 'gitops'), repoPath: 'gitops' });
    return { out: path.join(dir, 'out'), gitops: path.join(dir, 'gitops') };
  }

  test('the small design replays clean, Flux and Argo CD each in two steps after what the cluster has', () => {
    const { out, gitops } = small('clean');
    expect(replay(out, gitops)).toEqual([]);
    const plans = readDeployPlans(out, gitops);
    // 'cluster lab-ai': the CRDs the cluster is recorded as having before its platform (the
    // Prometheus Operator's PrometheusRule, which the GPU Operator's power rules use).
    expect(plans.map((p) => [p.engine, p.steps.map((s) => [s.id, s.after])])).toEqual([
      ['terraform', [['stack lab', []]]],
      [
        'flux',
        [
          ['cluster lab-ai', []],
          ['HelmRelease flux-system/lab-ai-platform', ['cluster lab-ai']],
          [
            'HelmRelease flux-system/lab-ai-resources',
            ['cluster lab-ai', 'HelmRelease flux-system/lab-ai-platform'],
          ],
        ],
      ],
      [
        'argocd',
        [
          ['cluster lab-ai', []],
          ['Application argocd/lab-ai-platform', ['cluster lab-ai']],
          ['Application argocd/lab-ai-resources', ['cluster lab-ai', 'Application argocd/lab-ai-platform']],
        ],
      ],
    ]);
    expect(plans[1].steps[0].installs).toEqual([
      { cluster: 'lab-ai', name: 'monitoring.coreos.com/PrometheusRule' },
    ]);
  });

  test("a ComputeDomain moved into the operators' own release: DEP-001 for Flux and for Argo CD", () => {
    const { out, gitops } = small('cd-in-platform');
    const charts = path.join(gitops, 'lab-ai', 'charts');
    fs.renameSync(
      path.join(charts, 'resources', 'templates', 'compute-domain.yaml'),
      path.join(charts, 'platform', 'templates', 'compute-domain.yaml'),
    );
    const rack = 'bruyeres-building-1-hall-01-su-001-r01';
    const file = 'gitops/lab-ai/charts/platform/templates/compute-domain.yaml';
    expect(replay(out, gitops).filter(([, , m]) => m.includes(rack))).toEqual([
      [
        'DEP-001',
        file,
        `flux: ComputeDomain compute-domains/${rack} in HelmRelease flux-system/lab-ai-platform is applied before its CRD resource.nvidia.com/ComputeDomain: installed by HelmRelease flux-system/lab-ai-platform, which does not finish before it`,
      ],
      [
        'DEP-001',
        file,
        `argocd: ComputeDomain compute-domains/${rack} in Application argocd/lab-ai-platform is applied before its CRD resource.nvidia.com/ComputeDomain: installed by Application argocd/lab-ai-platform, which does not finish before it`,
      ],
    ]);
    expect(replay(out, gitops)).toHaveLength(2 * 2);
  });

  test('the resources release without dependsOn runs in parallel with the operators: DEP-001 on every custom resource, DEP-003 on every object in their namespaces', () => {
    const { out, gitops } = small('no-depends-on');
    const release = path.join(gitops, 'lab-ai', 'flux', 'releases', 'resources.yaml');
    fs.writeFileSync(
      release,
      fs.readFileSync(release, 'utf8').replace(/ {2}dependsOn:\n {4}- name: \S+\n/, ''),
    );
    const flux = replay(out, gitops).filter(([, , m]) => m.startsWith('flux:'));
    // DEP-001 on 2 ComputeDomains, the NicClusterPolicy, Topology, ResourceFlavor, 2 ClusterQueues,
    // 2 LocalQueues and 2 NodeFeatureRules; DEP-003 on the objects in namespaces the other release makes.
    const count = (id: string) => flux.filter(([r]) => r === id).length;
    expect([count('DEP-001'), count('DEP-003'), flux.length]).toEqual([2 + 1 + 1 + 1 + 2 + 2 + 2, 2 + 2, 15]);
    expect(flux.find(([, , m]) => m.includes('NodeFeatureRule'))?.[2]).toBe(
      'flux: NodeFeatureRule layout-bruyeres-building-1-hall-01-su-001-r01 in HelmRelease flux-system/lab-ai-resources is applied before its CRD nfd.k8s-sigs.io/NodeFeatureRule: installed by HelmRelease flux-system/lab-ai-platform, which does not finish before it',
    );
  });

  test("a tenant namespace dropped from the operators' release: DEP-003 names each object in it (isolation, quota, LocalQueue) and the namespace", () => {
    const { out, gitops } = small('no-namespace');
    const file = path.join(gitops, 'lab-ai', 'charts', 'platform', 'templates', 'namespace.yaml');
    const kept = parseAllDocuments(fs.readFileSync(file, 'utf8'))
      .map((d) => d.toString())
      .filter((d) => !d.includes('name: startup-lab'));
    fs.writeFileSync(file, kept.join('---\n'));
    // The tenant's objects of built-in kinds, in the same release as its namespace was, and its
    // LocalQueue, in the release after.
    expect(replay(out, gitops).filter(([, , m]) => m.startsWith('flux:'))).toEqual([
      [
        'DEP-003',
        'gitops/lab-ai/charts/platform/templates/network-policy.yaml',
        'flux: NetworkPolicy startup-lab/tenant-isolation in HelmRelease flux-system/lab-ai-platform is applied before its namespace startup-lab: nothing creates it',
      ],
      [
        'DEP-003',
        'gitops/lab-ai/charts/platform/templates/resource-quota.yaml',
        'flux: ResourceQuota startup-lab/tenant-gpus in HelmRelease flux-system/lab-ai-platform is applied before its namespace startup-lab: nothing creates it',
      ],
      [
        'DEP-003',
        'gitops/lab-ai/charts/resources/templates/local-queue.yaml',
        'flux: LocalQueue startup-lab/startup-lab in HelmRelease flux-system/lab-ai-resources is applied before its namespace startup-lab: nothing creates it',
      ],
    ]);
  });

  test('a kubernetes_manifest in the stack that creates the Kapsule cluster: synth refuses, DEP-002 and DEP-001', async () => {
    const r = await synth(
      path.join('test', 'fixtures', 'apps', 'manifest-in-cluster-stack.ts'),
      'in-cluster-stack',
    );
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(
      `aifactory: the output would not apply in order: nothing written, ${r.out} left as it was\n`,
    );
    expect(fs.existsSync(r.out)).toBe(false);
    expect(r.stdout).toBe(
      'ERROR   DEP-001 scaleway-b300/extra-queue: terraform: ClusterQueue extra in stack scaleway-b300 is applied before its CRD kueue.x-k8s.io/ClusterQueue: installed by stack scaleway-b300-training-platform, which does not finish before it\n' +
        'ERROR   DEP-002 scaleway-b300/extra-queue: terraform: kubernetes_manifest ClusterQueue extra plans against cluster training, which stack scaleway-b300 itself creates: its API server does not exist at plan time\n',
    );
  });
});

describe('the stack plan as a GitHub Actions workflow', () => {
  test('scaleway-b300: a synth job, then one job per stack with needs: on the stacks it depends on', () => {
    const r = sharedExampleSynth('scaleway-b300');
    expect(r.code).toBe(0);
    const text = fs.readFileSync(path.join(r.out, 'ci', 'github-actions-apply.yml'), 'utf8');
    const wf = parse(text) as {
      on: unknown;
      jobs: Record<
        string,
        { name?: string; needs?: string[]; steps: { run?: string; 'working-directory'?: string }[] }
      >;
    };
    expect(wf.on).toEqual({ workflow_dispatch: {} });
    const plan = JSON.parse(fs.readFileSync(path.join(r.out, 'reports', 'stacks.json'), 'utf8')) as StackPlan;
    expect(Object.entries(wf.jobs).map(([id, j]) => [id, j.name, j.needs])).toEqual([
      ['synth', undefined, undefined],
      ['apply-scaleway-b300', 'wave 1: scaleway-b300', ['synth']],
      [
        'apply-scaleway-b300-training-platform',
        'wave 2: scaleway-b300-training-platform',
        ['synth', 'apply-scaleway-b300'],
      ],
      [
        'apply-scaleway-b300-training-resources',
        'wave 3: scaleway-b300-training-resources',
        ['synth', 'apply-scaleway-b300', 'apply-scaleway-b300-training-platform'],
      ],
    ]);
    expect(wf.jobs.synth.steps.map((s) => s.run).filter(Boolean)).toEqual([
      'npm ci',
      'npx aifactory synth examples/scaleway-b300/main.ts --out cdktf.out',
    ]);
    for (const s of plan.stacks) {
      const job = wf.jobs[stackJobId(s.name)];
      expect(job.steps.filter((x) => x.run).map((x) => [x.run, x['working-directory']])).toEqual([
        ['terraform init -input=false', `cdktf.out/stacks/${s.name}`],
        ['terraform apply -input=false -auto-approve', `cdktf.out/stacks/${s.name}`],
      ]);
    }
    // As GitHub runs it: every job id valid, every need a job declared, no cycle; the order it allows
    // never applies a stack before one it depends on.
    const done: string[] = [];
    const pending = Object.keys(wf.jobs);
    for (const id of pending) expect([id, /^[_a-zA-Z][a-zA-Z0-9_-]*$/.test(id)]).toEqual([id, true]);
    while (pending.length > 0) {
      const ready = pending.filter((id) => (wf.jobs[id].needs ?? []).every((n) => done.includes(n)));
      expect(ready.length).toBeGreaterThan(0);
      for (const id of ready) pending.splice(pending.indexOf(id), 1);
      done.push(...ready);
    }
    expect(done).toEqual(['synth', ...plan.stacks.map((s) => stackJobId(s.name))]);
  });
});

describe('apply steps are chosen by kind', () => {
  const root = new RootConstruct();
  twoRacks(root);
  const e = evaluate(root);
  const [cluster] = deliveredPlatform(e.design, e.analysis).clusters as ClusterModel[];
  const withObjects = (...objects: Record<string, unknown>[]): ClusterModel => ({
    ...cluster,
    operators: cluster.operators.map((op, i) =>
      i === 0 ? { ...op, resources: [...op.resources, ...(objects as never[])] } : op,
    ),
  });
  const stepOf = (c: ClusterModel, kind: string) =>
    applySteps(c).flatMap((s) => s.objects.filter((o) => o.kind === kind).map(() => s.name));

  test("built-in kinds with the namespaces and charts; CRs of the charts' CRDs after; a CRD object installs its kind for the step after", () => {
    const c = withObjects(
      {
        apiVersion: 'networking.k8s.io/v1',
        kind: 'NetworkPolicy',
        metadata: { name: 'deny', namespace: 'startup-lab' },
      },
      { apiVersion: 'v1', kind: 'ResourceQuota', metadata: { name: 'gpus', namespace: 'startup-lab' } },
      {
        apiVersion: 'rbac.authorization.k8s.io/v1',
        kind: 'RoleBinding',
        metadata: { name: 'team', namespace: 'startup-lab' },
      },
      { apiVersion: 'kueue.x-k8s.io/v1beta2', kind: 'Cohort', metadata: { name: 'national' } },
      { apiVersion: 'kueue.x-k8s.io/v1beta2', kind: 'MultiKueueCluster', metadata: { name: 'hall-2' } },
      {
        apiVersion: 'apiextensions.k8s.io/v1',
        kind: 'CustomResourceDefinition',
        metadata: { name: 'widgets.example.org' },
        spec: { group: 'example.org', names: { kind: 'Widget' } },
      },
      { apiVersion: 'example.org/v1', kind: 'Widget', metadata: { name: 'w' } },
      {
        apiVersion: 'monitoring.coreos.com/v1',
        kind: 'PrometheusRule',
        metadata: { name: 'power', namespace: 'ai-platform' },
      },
    );
    expect(
      [
        'NetworkPolicy',
        'ResourceQuota',
        'RoleBinding',
        'PriorityClass',
        'CustomResourceDefinition',
        'Cohort',
        'MultiKueueCluster',
        'Widget',
        'ComputeDomain',
        'PrometheusRule',
      ].map((k) => [k, stepOf(c, k)]),
    ).toEqual([
      // Each of the two tenants' own (Tenant: isolation and GPU quota), then the one added.
      ['NetworkPolicy', ['platform', 'platform', 'platform']],
      ['ResourceQuota', ['platform', 'platform', 'platform']],
      ['RoleBinding', ['platform']],
      // The cluster's tenant PriorityClasses (production, batch, preemptible).
      ['PriorityClass', ['platform', 'platform', 'platform']],
      ['CustomResourceDefinition', ['platform']],
      ['Cohort', ['resources']],
      ['MultiKueueCluster', ['resources']],
      ['Widget', ['resources']],
      ['ComputeDomain', ['resources', 'resources']],
      // The Prometheus Operator's CRDs are a prerequisite every cluster serves (prerequisiteKinds):
      // the power rules of the GPU Operator and this one go with the operators.
      ['PrometheusRule', ['platform', 'platform', 'platform']],
    ]);
    const steps = applySteps(c);
    expect(steps.map((s) => s.name)).toEqual(['platform', 'resources']);
    expect(steps[0].installs).toContain('example.org/Widget');
    expect(steps[0].objects.filter((o) => o.kind === 'Namespace').map((o) => o.metadata.name)).toEqual([
      'ai-platform',
      'compute-domains',
      'gpu-operator', // the namespace of the GPU Operator's power PrometheusRules
      'research-institute',
      'startup-lab',
    ]);
  });

  test('the GPU Operator with nfd.enabled false installs no NodeFeatureRule CRD', () => {
    const off: ClusterModel = {
      ...cluster,
      operators: cluster.operators.map((op) =>
        op.chart === 'gpu-operator' ? { ...op, values: { ...op.values, nfd: { enabled: false } } } : op,
      ),
    };
    expect(applySteps(cluster)[0].installs).toContain('nfd.k8s-sigs.io/NodeFeatureRule');
    expect(applySteps(off)[0].installs).not.toContain('nfd.k8s-sigs.io/NodeFeatureRule');
  });
});

describe('where the GitOps tree sits in the repository', () => {
  test('a relative --gitops-out as given; an absolute one relative to the working directory inside it, else its last folder', () => {
    expect(gitopsRepoPath('gitops', '/repo')).toBe('gitops');
    expect(gitopsRepoPath('./deploy/gitops/', '/repo')).toBe('deploy/gitops');
    expect(gitopsRepoPath('/repo/platform/gitops', '/repo')).toBe('platform/gitops');
    expect(gitopsRepoPath('/tmp/x/gitops', '/repo')).toBe('gitops');
    expect(gitopsRepoPath('../elsewhere/tree', '/repo')).toBe('tree');
  });

  test('Argo CD and Flux point at the tree where --gitops-out wrote it', async () => {
    const dir = path.join(tmp, 'repo');
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(
      path.join(dir, 'main.ts'),
      fs
        .readFileSync(path.join(root, 'examples', 'default', 'main.ts'), 'utf8')
        .replace(/'\.\.\/\.\.\//g, `'${root}/`)
        .replace(/'\.\.\//g, `'${root}/examples/`)
        .replace(/'\.\//g, `'${root}/examples/default/`),
    );
    const r = await runCli(dir, ['synth', 'main.ts', '--gitops-out', 'deploy/gitops']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('wrote cdktf.out and deploy/gitops\n');
    const flux = parse(
      fs.readFileSync(path.join(dir, 'deploy/gitops/essonne-ai/flux/releases/platform.yaml'), 'utf8'),
    );
    expect(flux.spec.chart.spec.chart).toBe('./deploy/gitops/essonne-ai/charts/platform');
    const argo = parse(fs.readFileSync(path.join(dir, 'deploy/gitops/essonne-ai/argocd/root.yaml'), 'utf8'));
    expect(argo.spec.source.path).toBe('deploy/gitops/essonne-ai/argocd/apps');
    expect(replay(path.join(dir, 'cdktf.out'), path.join(dir, 'deploy/gitops'))).toEqual([]);
    // The apply workflow synthesizes the tree where it is, not into a default gitops/ of the repository.
    const wf = parse(fs.readFileSync(path.join(dir, 'cdktf.out/ci/github-actions-apply.yml'), 'utf8'));
    expect(wf.jobs.synth.steps.map((s: { run?: string }) => s.run).filter(Boolean)).toEqual([
      'npm ci',
      'npx aifactory synth main.ts --out cdktf.out --gitops-out deploy/gitops',
    ]);
  });

  test('the apply workflow quotes an app path or a tree the shell would split or expand', () => {
    const plan: StackPlan = { maxResourcesPerStack: 2000, stacks: [] };
    const wf = parse(
      githubApplyWorkflow(plan, { app: "infra/my app's $HOME.ts", gitopsOut: 'deploy/git ops' }),
    );
    expect(wf.jobs.synth.steps[3].run).toBe(
      "npx aifactory synth 'infra/my app'\\''s $HOME.ts' --out cdktf.out --gitops-out 'deploy/git ops'",
    );
  });
});

describe('CRDs a cluster already has (installedCrds)', () => {
  const rule = {
    apiVersion: 'monitoring.coreos.com/v1',
    kind: 'PrometheusRule',
    metadata: { name: 'rack-power', namespace: 'ai-platform' },
    spec: { groups: [] },
  };
  /** The small GitOps design, optionally with installedCrds, and a PrometheusRule added to its first operator. */
  const model = (installedCrds?: string[]): ClusterModel => {
    const root = new RootConstruct();
    const site = buildEssonneSite(root, { racks: 2, gridConnectionMw: 1, cooling: 'design-pue' });
    const cluster = new GpuCluster(root, 'cluster', {
      name: 'lab-ai',
      racks: [site],
      delivery: Delivery.gitops({ repoUrl: 'https://git.example.org/lab.git' }),
      installedCrds,
    });
    new Kueue(cluster, 'kueue');
    const [c] = evaluate(root).design.platform.clusters;
    return { ...c, operators: c.operators.map((op) => ({ ...op, resources: [...op.resources, rule] })) };
  };
  const gitopsReplay = (c: ClusterModel, name: string) => {
    const dir = path.join(tmp, name);
    writeGitops(dir, { clusters: [c], campuses: [] });
    return { dir, findings: replay(path.join(tmp, name, 'no-terraform'), dir) };
  };

  test('a PrometheusRule no chart of the cluster installs: DEP-001 for Flux and Argo CD, nothing installs it', () => {
    const { findings } = gitopsReplay(model(), 'no-installed');
    expect(findings).toEqual([
      [
        'DEP-001',
        'no-installed/lab-ai/charts/resources/templates/prometheus-rule.yaml',
        'flux: PrometheusRule ai-platform/rack-power in HelmRelease flux-system/lab-ai-resources is applied before its CRD monitoring.coreos.com/PrometheusRule: no stack, release or wave installs it',
      ],
      [
        'DEP-001',
        'no-installed/lab-ai/charts/resources/templates/prometheus-rule.yaml',
        'argocd: PrometheusRule ai-platform/rack-power in Application argocd/lab-ai-resources is applied before its CRD monitoring.coreos.com/PrometheusRule: no stack, release or wave installs it',
      ],
    ]);
  });

  test('declared installed: the rule goes with the operators, the platform chart records it, the replay passes', () => {
    const c = model(['monitoring.coreos.com/PrometheusRule']);
    expect(
      applySteps(c).map((s) => [s.name, s.objects.filter((o) => o.kind === 'PrometheusRule').length]),
    ).toEqual([
      ['platform', 1],
      ['resources', 0],
    ]);
    const { dir, findings } = gitopsReplay(c, 'installed');
    expect(findings).toEqual([]);
    const chart = parse(
      fs.readFileSync(path.join(dir, 'lab-ai', 'charts', 'platform', 'Chart.yaml'), 'utf8'),
    );
    expect(chart.annotations).toEqual({
      'aifactory.io/installed-crds': 'monitoring.coreos.com/PrometheusRule',
    });
  });

  test('Terraform records it as a local of the platform stack, and the replay reads it', () => {
    const c: ClusterModel = {
      ...model(['monitoring.coreos.com/PrometheusRule']),
      delivery: { mode: 'terraform' },
    };
    const out = path.join(tmp, 'installed-tf');
    const app = new App({ outdir: out });
    renderTerraform(new TerraformStack(app, 'lab'), c)();
    app.synth();
    const tf = JSON.parse(
      fs.readFileSync(path.join(out, 'stacks', 'lab-lab-ai-platform', 'cdk.tf.json'), 'utf8'),
    );
    expect(tf.locals).toEqual({
      'aifactory_installed_crds_lab-ai': ['monitoring.coreos.com/PrometheusRule'],
    });
    expect(replay(out, path.join(out, 'no-gitops'))).toEqual([]);
    delete tf.locals;
    fs.writeFileSync(path.join(out, 'stacks', 'lab-lab-ai-platform', 'cdk.tf.json'), JSON.stringify(tf));
    expect(replay(out, path.join(out, 'no-gitops')).map(([id, p]) => [id, p])).toEqual([
      ['DEP-001', 'lab-lab-ai-platform/lab-ai/manifest-prometheusrule-ai-platform-rack-power'],
    ]);
  });

  test('a kind not written group/Kind is refused, naming the cluster', () => {
    expect(() => model(['PrometheusRule'])).toThrow(
      "cluster: installedCrds: 'PrometheusRule' is not a custom resource kind as group/Kind, e.g. monitoring.coreos.com/PrometheusRule",
    );
  });
});
