import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { parse, parseAllDocuments } from 'yaml';
import { RootConstruct } from 'constructs';
import { buildEssonneSite } from '../examples/essonne-44mw/site';
import { addGpuPlatform } from '../examples/default/platform';
import { DgxB300Building } from '../blueprints';
import {
  Delivery,
  DraDriver,
  GpuCluster,
  GpuOperator,
  Kueue,
  NetworkOperator,
  Rack,
  Site,
  Tenant,
} from '../constructs';
import { gitopsFiles } from '../src/output/gitops';
import { evaluate } from '../src/evaluate';
import { validateCustomResource } from '../src/upstream/crd-schema';
import { validateGitopsObject } from '../src/upstream/gitops-crds';
import { validateObject } from './fixtures/validate-object';
import { loadUpstreamValues, unknownValuePaths } from '../src/upstream/values-paths';
import { AiFactoryApp, PhysicalStack } from '../stacks';
import { App, TerraformStack } from 'cdktf';
import { renderTerraform } from '../constructs/kubernetes/terraform-delivery';
import { K8sObject } from '../src/kubernetes/objects';
import { ClusterModel } from '../src/kubernetes/cluster-model';
import { evaluate as evaluateTiny, findingsOf, frame, rack, ups } from './fixtures/tiny';
import { deliveredPlatform } from '../src/operations/delivered-platform';

describe('default example platform (GitOps)', () => {
  const root = new RootConstruct();
  const site = buildEssonneSite(root, { cooling: 'design-pue' });
  addGpuPlatform(root, site);
  const e = evaluate(root);
  const platform = deliveredPlatform(e.design, e.analysis);
  const [cluster] = platform.clusters;
  const files = new Map(gitopsFiles(platform).map((f) => [f.path, f.text]));

  test('nodes: 18 arm64 compute trays per NVL72 rack, named and labelled from the layout', () => {
    expect(cluster.nodes).toHaveLength(250 * 18);
    expect(new Set(cluster.nodes.map((n) => n.name)).size).toBe(4_500);
    expect(cluster.nodes[0]).toEqual({
      name: 'bruyeres-building-1-hall-01-su-001-r01-n01',
      rack: expect.any(Number),
      labels: {
        'aifactory.io/site': 'bruyeres',
        'aifactory.io/hall': 'bruyeres-building-1-hall-01',
        'aifactory.io/pod': 'bruyeres-building-1-hall-01-su-001',
        'aifactory.io/rack': 'bruyeres-building-1-hall-01-su-001-r01',
        'aifactory.io/nvlink-domain': 'bruyeres-building-1-hall-01-su-001-r01',
        'aifactory.io/system': 'gb200-nvl72',
      },
      kubeletLabels: {
        'kubernetes.io/hostname': 'bruyeres-building-1-hall-01-su-001-r01-n01',
        'kubernetes.io/arch': 'arm64',
      },
    });
    expect(new Set(cluster.nodes.map((n) => n.labels['aifactory.io/pod'])).size).toBe(32); // SUs
    expect(cluster.gpus).toBe(18_000);
  });

  test('one ComputeDomain per NVL72 rack, Kueue topology of 4 levels (NVLink clique included), 2 tenants with their quotas', () => {
    const resources = cluster.operators.flatMap((o) => o.resources);
    const kinds = (k: string) => resources.filter((r) => r.kind === k);
    expect(kinds('ComputeDomain')).toHaveLength(250);
    expect(kinds('ComputeDomain')[0].spec).toEqual({
      numNodes: 18,
      channel: { resourceClaimTemplate: { name: 'bruyeres-building-1-hall-01-su-001-r01-channel' } },
    });
    expect(kinds('Topology')[0].spec).toEqual({
      levels: [
        { nodeLabel: 'aifactory.io/pod' },
        { nodeLabel: 'aifactory.io/rack' },
        { nodeLabel: 'nvidia.com/gpu.clique' },
        { nodeLabel: 'kubernetes.io/hostname' },
      ],
    });
    expect(kinds('ResourceFlavor').map((r) => r.spec)).toEqual([
      { nodeLabels: { 'aifactory.io/system': 'gb200-nvl72' }, topologyName: 'essonne-ai-layout' },
    ]);
    const quotas = kinds('ClusterQueue').map((r) => [
      r.metadata.name,
      (r.spec as { resourceGroups: { flavors: { resources: { nominalQuota: number }[] }[] }[] })
        .resourceGroups[0].flavors[0].resources[0].nominalQuota,
    ]);
    expect(quotas).toEqual([
      ['research-institute', 9_216],
      ['startup-lab', 4_608],
    ]);
    expect(
      kinds('LocalQueue').map((r) => [
        r.metadata.namespace,
        (r.spec as { clusterQueue: string }).clusterQueue,
      ]),
    ).toEqual([
      ['research-institute', 'research-institute'],
      ['startup-lab', 'startup-lab'],
    ]);
    expect(kinds('NicClusterPolicy')).toHaveLength(1);
  });

  test('values follow the hardware: open kernel modules, driver >= 570.158.01, RDMA with the Network Operator, MIG off', () => {
    const values = (chart: string) => cluster.operators.find((o) => o.chart === chart)!.values;
    expect(values('gpu-operator')).toMatchObject({
      driver: {
        enabled: true,
        version: '595.91.07',
        kernelModuleType: 'open',
        rdma: { enabled: true, useHostMofed: false },
      },
      mig: { strategy: 'none' },
      migManager: { enabled: false },
    });
    expect(values('network-operator')).toMatchObject({ nfd: { enabled: false } }); // the GPU Operator's NFD
    expect(values('dra-driver-nvidia-gpu')).toMatchObject({
      resources: { gpus: { enabled: false }, computeDomains: { enabled: true } },
    });
    expect(values('kueue')).toEqual({
      controllerManager: { featureGates: [{ name: 'TopologyAwareScheduling', enabled: true }] },
    });
  });

  test('every values key exists upstream and every object validates against its CRD or the core schema', () => {
    for (const op of cluster.operators) {
      expect(unknownValuePaths(op.values, loadUpstreamValues(op.chart))).toEqual([]);
      for (const r of op.resources) expect(validateObject(r)).toEqual([]);
    }
    expect(e.findings).toEqual([]);
  });

  test('a chart per apply step: operators and namespaces first, custom resources and NodeFeatureRules after', () => {
    expect([...files.keys()].filter((f) => f.startsWith('essonne-ai/charts/')).sort()).toEqual([
      'essonne-ai/charts/platform/Chart.yaml',
      'essonne-ai/charts/platform/templates/namespace.yaml',
      'essonne-ai/charts/platform/templates/network-policy.yaml',
      'essonne-ai/charts/platform/templates/priority-class.yaml',
      'essonne-ai/charts/platform/templates/prometheus-rule.yaml',
      'essonne-ai/charts/platform/templates/resource-quota.yaml',
      'essonne-ai/charts/platform/values.yaml',
      'essonne-ai/charts/resources/Chart.yaml',
      'essonne-ai/charts/resources/templates/cluster-queue.yaml',
      'essonne-ai/charts/resources/templates/compute-domain.yaml',
      'essonne-ai/charts/resources/templates/local-queue.yaml',
      'essonne-ai/charts/resources/templates/nic-cluster-policy.yaml',
      'essonne-ai/charts/resources/templates/node-feature-rule.yaml',
      'essonne-ai/charts/resources/templates/resource-flavor.yaml',
      'essonne-ai/charts/resources/templates/topology.yaml',
      'essonne-ai/charts/resources/values.yaml',
    ]);
    const chart = parse(files.get('essonne-ai/charts/platform/Chart.yaml')!);
    expect([chart.apiVersion, chart.name]).toEqual(['v2', 'essonne-ai-platform']);
    expect(chart.dependencies).toEqual([
      { name: 'gpu-operator', version: 'v26.7.0', repository: 'https://helm.ngc.nvidia.com/nvidia' },
      { name: 'network-operator', version: '26.4.1', repository: 'https://helm.ngc.nvidia.com/nvidia' },
      {
        name: 'dra-driver-nvidia-gpu',
        version: '0.4.1',
        repository: 'oci://registry.k8s.io/dra-driver-nvidia/charts',
      },
      { name: 'kueue', version: '0.19.2', repository: 'oci://registry.k8s.io/kueue/charts' },
    ]);
    expect(Object.keys(parse(files.get('essonne-ai/charts/platform/values.yaml')!))).toEqual(
      chart.dependencies.map((d: { name: string }) => d.name),
    );
    const resources = parse(files.get('essonne-ai/charts/resources/Chart.yaml')!);
    expect([resources.name, resources.dependencies]).toEqual(['essonne-ai-resources', undefined]);
    const all = (f: string) => parseAllDocuments(files.get(f)!).map((d) => d.toJS());
    const cds = all('essonne-ai/charts/resources/templates/compute-domain.yaml');
    expect(cds).toHaveLength(250);
    for (const cd of cds) expect(validateCustomResource(cd)).toEqual([]);
    // gpu-operator: the namespace of the power PrometheusRules (the GPU Operator's by default).
    expect(all('essonne-ai/charts/platform/templates/namespace.yaml').map((n) => n.metadata.name)).toEqual([
      'compute-domains',
      'gpu-operator',
      'research-institute',
      'startup-lab',
    ]);
  });

  test('node labels: one NodeFeatureRule per NVL72 rack matching its 18 nodes by name, valid against the NFD CRD', () => {
    const rules = parseAllDocuments(
      files.get('essonne-ai/charts/resources/templates/node-feature-rule.yaml')!,
    ).map((d) => d.toJS());
    expect(rules).toHaveLength(250);
    for (const r of rules) expect(validateCustomResource(r)).toEqual([]);
    const first = cluster.nodes.slice(0, 18);
    expect(rules[0]).toEqual({
      apiVersion: 'nfd.k8s-sigs.io/v1alpha1',
      kind: 'NodeFeatureRule',
      metadata: { name: 'layout-bruyeres-building-1-hall-01-su-001-r01' },
      spec: {
        rules: [
          {
            name: 'rack bruyeres-building-1-hall-01-su-001-r01',
            labels: first[0].labels,
            matchFeatures: [
              {
                feature: 'system.name',
                matchExpressions: { nodename: { op: 'In', value: first.map((n) => n.name) } },
              },
            ],
          },
        ],
      },
    });
    // Every node is matched by exactly one rule, with its own labels.
    const matched = rules.flatMap((r) =>
      r.spec.rules.flatMap(
        (x: { labels: object; matchFeatures: { matchExpressions: { nodename: { value: string[] } } }[] }) =>
          x.matchFeatures[0].matchExpressions.nodename.value.map((n) => [n, x.labels]),
      ),
    );
    expect(matched).toEqual(cluster.nodes.map((n) => [n.name, n.labels]));
    expect(validateCustomResource({ ...rules[0], spec: { rules: [{ labels: {} }] } })).toEqual([
      'spec.rules[0].name: is required',
    ]);
  });

  test('Argo CD: an app of apps, one Application per step in sync waves 0 and 1, valid against the Argo CD v3.5.1 CRD', () => {
    const root = parse(files.get('essonne-ai/argocd/root.yaml')!);
    expect(validateGitopsObject(root)).toEqual([]);
    expect(root.spec.source).toEqual({
      repoURL: 'https://git.example.org/platform/essonne-ai.git',
      targetRevision: 'main',
      path: 'gitops/essonne-ai/argocd/apps',
    });
    const platform = parse(files.get('essonne-ai/argocd/apps/platform.yaml')!);
    const crs = parse(files.get('essonne-ai/argocd/apps/resources.yaml')!);
    for (const a of [platform, crs]) expect(validateGitopsObject(a)).toEqual([]);
    expect(
      [platform, crs].map((a) => [
        a.metadata.annotations['argocd.argoproj.io/sync-wave'],
        a.spec.source.path,
      ]),
    ).toEqual([
      ['0', 'gitops/essonne-ai/charts/platform'],
      ['1', 'gitops/essonne-ai/charts/resources'],
    ]);
    expect(crs.spec.syncPolicy.syncOptions).toEqual([
      'CreateNamespace=true',
      'ServerSideApply=true',
      'SkipDryRunOnMissingResource=true',
    ]);
    expect(
      validateGitopsObject({ ...crs, spec: { ...crs.spec, source: { ...crs.spec.source, repoURL: 5 } } }),
    ).toEqual(['spec.source.repoURL: must be string']);
  });

  test('Flux: GitRepository v1, Kustomization v1, HelmRelease v2 per step with dependsOn, valid against the Flux v2.9.0 CRDs', () => {
    const [source, sync] = parseAllDocuments(files.get('essonne-ai/flux/sync.yaml')!).map((d) => d.toJS());
    const platform = parse(files.get('essonne-ai/flux/releases/platform.yaml')!);
    const crs = parse(files.get('essonne-ai/flux/releases/resources.yaml')!);
    for (const o of [source, sync, platform, crs])
      expect([o.kind, validateGitopsObject(o)]).toEqual([o.kind, []]);
    expect([source.apiVersion, sync.apiVersion, platform.apiVersion]).toEqual([
      'source.toolkit.fluxcd.io/v1',
      'kustomize.toolkit.fluxcd.io/v1',
      'helm.toolkit.fluxcd.io/v2',
    ]);
    expect(sync.spec.path).toBe('./gitops/essonne-ai/flux/releases');
    expect(platform.spec).toMatchObject({
      chart: { spec: { chart: './gitops/essonne-ai/charts/platform' } },
      install: { createNamespace: true, crds: 'CreateReplace' },
      upgrade: { crds: 'CreateReplace' },
    });
    expect(platform.spec.dependsOn).toBeUndefined();
    expect(crs.spec.dependsOn).toEqual([{ name: 'essonne-ai-platform' }]);
    expect(crs.spec.install).toEqual({ createNamespace: true });
    expect(validateGitopsObject({ ...crs, spec: { ...crs.spec, interval: 5 } })).toEqual([
      'spec.interval: must be string',
    ]);
    expect(validateGitopsObject({ ...crs, apiVersion: 'helm.toolkit.fluxcd.io/v2beta2' })[0]).toMatch(
      /^\(root\): no copied GitOps CRD serves helm\.toolkit\.fluxcd\.io\/v2beta2 HelmRelease/,
    );
  });
});

describe('Terraform delivery', () => {
  function synthTerraform(build: (app: AiFactoryApp, stack: PhysicalStack) => void) {
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'aifactory-tf-'));
    const out = path.join(tmp, 'out');
    try {
      const app = new AiFactoryApp({ outdir: out });
      const stack = new PhysicalStack(app, 'lab');
      build(app, stack);
      const e = evaluate(app);
      const plan = app.synthesizeDesign(e);
      const read = (stack: string) => fs.readFileSync(path.join(out, 'stacks', stack, 'cdk.tf.json'), 'utf8');
      return {
        e,
        plan,
        lab: JSON.parse(read('lab')),
        tf: JSON.parse(read('lab-lab-gpu-platform')),
        crs: JSON.parse(read('lab-lab-gpu-resources')),
        raw: read('lab-lab-gpu-platform') + read('lab-lab-gpu-resources'),
        files: fs.readdirSync(out),
        gitops: fs.existsSync(path.join(tmp, 'gitops')),
      };
    } finally {
      fs.rmSync(tmp, { recursive: true, force: true });
    }
  }

  const twoRacks = (stack: PhysicalStack) => {
    const site = buildEssonneSite(stack, { racks: 2, gridConnectionMw: 1, cooling: 'design-pue' });
    const cluster = new GpuCluster(stack, 'cluster', {
      name: 'lab-gpu',
      racks: [site],
      delivery: Delivery.terraform(),
    });
    new GpuOperator(cluster, 'gpu-operator');
    new NetworkOperator(cluster, 'network-operator');
    new DraDriver(cluster, 'dra-driver');
    const kueue = new Kueue(cluster, 'kueue');
    new Tenant(kueue, 'team-a', { gpuQuota: 72 });
    return cluster;
  };

  test('platform stack (helm_release per operator, namespaces, kubernetes_labels per node), then a resources stack (kubernetes_manifest per CR)', () => {
    const { e, tf, crs, lab, plan, files, gitops } = synthTerraform((_app, stack) => twoRacks(stack));
    expect(e.findings).toEqual([]);
    expect(files).not.toContain('helm');
    expect(files).not.toContain('node-labels');
    expect(gitops).toBe(false);
    expect(plan.stacks.map((s) => [s.name, s.wave, s.dependencies])).toEqual([
      ['lab', 0, []],
      ['lab-lab-gpu-platform', 0, []],
      ['lab-lab-gpu-resources', 1, ['lab-lab-gpu-platform']],
    ]);
    expect(
      Object.keys(lab.resource ?? {}).filter((t) => t.startsWith('kubernetes') || t.startsWith('helm')),
    ).toEqual([]);
    expect(Object.keys(tf.resource).sort()).toEqual([
      'helm_release',
      'kubernetes_labels',
      'kubernetes_manifest',
      'kubernetes_namespace_v1',
    ]);
    // The power PrometheusRules go with the operators: their CRD is a prerequisite of the cluster
    // (an existing prometheus-operator), not installed by a release of the platform. So do the
    // tenant's objects of built-in kinds (isolation NetworkPolicy, GPU ResourceQuota) and the
    // cluster's PriorityClasses: no CRD to wait for.
    expect(
      (Object.values(tf.resource.kubernetes_manifest) as { manifest: { kind: string } }[]).map(
        (m) => m.manifest.kind,
      ),
    ).toEqual([
      'NetworkPolicy',
      'PriorityClass',
      'PriorityClass',
      'PriorityClass',
      'PrometheusRule',
      'PrometheusRule',
      'ResourceQuota',
    ]);
    expect(Object.keys(crs.resource)).toEqual(['kubernetes_manifest']);
    expect(crs.provider.helm).toBeUndefined();
    const r = tf.resource;
    expect(Object.keys(r.helm_release)).toHaveLength(4);
    const releases = Object.values(r.helm_release) as {
      chart: string;
      version: string;
      repository: string;
      values: string[];
      namespace: string;
    }[];
    expect(releases.map((x) => [x.chart, x.version, x.repository]).sort()).toEqual([
      ['dra-driver-nvidia-gpu', '0.4.1', 'oci://registry.k8s.io/dra-driver-nvidia/charts'],
      ['gpu-operator', 'v26.7.0', 'https://helm.ngc.nvidia.com/nvidia'],
      ['kueue', '0.19.2', 'oci://registry.k8s.io/kueue/charts'],
      ['network-operator', '26.4.1', 'https://helm.ngc.nvidia.com/nvidia'],
    ]);
    const model = e.design.platform.clusters[0];
    for (const op of model.operators) {
      expect(parse(releases.find((x) => x.chart === op.chart)!.values[0])).toEqual(op.values);
    }
    // 2 ComputeDomains, NicClusterPolicy, Topology, ResourceFlavor, ClusterQueue, LocalQueue.
    expect(Object.keys(crs.resource.kubernetes_manifest)).toHaveLength(7);
    for (const m of Object.values(crs.resource.kubernetes_manifest) as {
      manifest: unknown;
      depends_on?: string[];
    }[]) {
      expect(validateCustomResource(m.manifest)).toEqual([]);
      // The releases are in the stack before: the stack dependency orders them, not depends_on.
      expect(m.depends_on).toBeUndefined();
    }
    expect(Object.keys(r.kubernetes_labels)).toHaveLength(2 * 18);
    const label = Object.values(r.kubernetes_labels)[0] as {
      kind: string;
      metadata: { name: string };
      labels: Record<string, string>;
    };
    expect([label.kind, label.metadata.name, label.labels['aifactory.io/rack']]).toEqual([
      'Node',
      'bruyeres-building-1-hall-01-su-001-r01-n01',
      'bruyeres-building-1-hall-01-su-001-r01',
    ]);
    const namespaces = (Object.values(r.kubernetes_namespace_v1) as { metadata: { name: string } }[]).map(
      (n) => n.metadata.name,
    );
    expect(namespaces.sort()).toEqual([
      'compute-domains',
      'gpu-operator',
      'kueue-system',
      'nvidia-dra-driver-gpu',
      'nvidia-network-operator',
      'team-a',
    ]);
  });

  test('providers take endpoint and credentials from variables (token sensitive, null by default) or the environment', () => {
    const { tf, raw } = synthTerraform((_app, stack) => twoRacks(stack));
    expect(tf.provider.kubernetes).toEqual([
      {
        alias: 'lab-gpu',
        host: '${var.lab_gpu_host}',
        token: '${var.lab_gpu_token}',
        cluster_ca_certificate: '${var.lab_gpu_cluster_ca_certificate}',
      },
    ]);
    expect(tf.provider.helm[0].kubernetes).toEqual({
      host: '${var.lab_gpu_host}',
      token: '${var.lab_gpu_token}',
      cluster_ca_certificate: '${var.lab_gpu_cluster_ca_certificate}',
    });
    expect(tf.variable.lab_gpu_token).toMatchObject({
      sensitive: true,
      nullable: true,
      default: null,
      type: 'string',
    });
    expect(raw).not.toMatch(/BEGIN CERTIFICATE|eyJhbGciOi|password|secret/i);
  });
});

describe('Terraform delivery of objects added to an operator by kind', () => {
  test('a NetworkPolicy lands in the platform stack after its namespace; a Cohort in the resources stack', () => {
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'aifactory-kind-'));
    try {
      const site = new RootConstruct();
      const cluster = new GpuCluster(site, 'cluster', {
        name: 'lab-gpu',
        racks: [buildEssonneSite(site, { racks: 2, gridConnectionMw: 1, cooling: 'design-pue' })],
        delivery: Delivery.terraform(),
      });
      new Tenant(new Kueue(cluster, 'kueue'), 'team-a', { gpuQuota: 72 });
      const [model] = evaluate(site).design.platform.clusters;
      const extra: K8sObject[] = [
        {
          apiVersion: 'networking.k8s.io/v1',
          kind: 'NetworkPolicy',
          metadata: { name: 'default-deny', namespace: 'team-a' },
          spec: { podSelector: {}, policyTypes: ['Ingress', 'Egress'] },
        },
        { apiVersion: 'kueue.x-k8s.io/v1beta2', kind: 'Cohort', metadata: { name: 'national' }, spec: {} },
      ];
      const withExtra: ClusterModel = {
        ...model,
        operators: model.operators.map((op) => ({ ...op, resources: [...op.resources, ...extra] })),
      };
      // A plain cdktf App: the rendering alone, without the design around it.
      const app = new App({ outdir: path.join(tmp, 'out') });
      renderTerraform(new TerraformStack(app, 'lab'), withExtra)();
      app.synth();
      const read = (stack: string) =>
        JSON.parse(fs.readFileSync(path.join(tmp, 'out', 'stacks', stack, 'cdk.tf.json'), 'utf8'));
      const platform = read('lab-lab-gpu-platform');
      const crs = read('lab-lab-gpu-resources');
      const manifests = (tf: {
        resource: Record<string, Record<string, { manifest: K8sObject; depends_on?: string[] }>>;
      }) =>
        Object.values(tf.resource.kubernetes_manifest ?? {}).map((m) => [
          m.manifest.kind,
          m.manifest.metadata.name,
          m.depends_on,
        ]);
      const afterTeamA = [expect.stringMatching(/^kubernetes_namespace_v1\.lab-gpu_namespace-team-a_\w+$/)];
      // The added NetworkPolicy beside the tenant's own objects of built-in kinds (Tenant) and the
      // cluster's PriorityClasses (not namespaced: nothing to wait for).
      expect(manifests(platform)).toEqual([
        ['NetworkPolicy', 'default-deny', afterTeamA],
        ['NetworkPolicy', 'tenant-isolation', afterTeamA],
        ['PriorityClass', 'tenant-batch', undefined],
        ['PriorityClass', 'tenant-preemptible', undefined],
        ['PriorityClass', 'tenant-production', undefined],
        ['ResourceQuota', 'tenant-gpus', afterTeamA],
      ]);
      expect(
        manifests(crs)
          .map(([k]) => k)
          .sort(),
      ).toEqual(['ClusterQueue', 'Cohort', 'LocalQueue', 'ResourceFlavor', 'Topology']);
    } finally {
      fs.rmSync(tmp, { recursive: true, force: true });
    }
  });
});

describe('kubernetes pack: each invalid case yields its finding', () => {
  /** A GB200 frame with `racks` racks and a cluster over the hall. */
  const cluster = (
    racks = 1,
    configure: (c: GpuCluster) => void = () => {},
    props: Partial<ConstructorParameters<typeof GpuCluster>[2]> = {},
  ) => {
    const f = frame({ positions: racks });
    const a = ups(f.site, 'a', 200 * racks);
    const b = ups(f.site, 'b', 200 * racks);
    for (let i = 0; i < racks; i++) rack(f.hall, `r${i}`, 132, [a, b]);
    const c = new GpuCluster(f.root, 'cluster', {
      racks: [f.hall],
      delivery: Delivery.terraform(),
      ...props,
    });
    configure(c);
    return evaluateTiny(f.root);
  };
  const ids = (e: ReturnType<typeof evaluateTiny>) => e.findings.map((f) => f.ruleId);

  test('K8S-001 driver or operator too old', () => {
    expect(ids(cluster(1, (c) => new GpuOperator(c, 'gpu')))).toEqual([]);
    const old = cluster(
      1,
      (c) => new GpuOperator(c, 'gpu', { driverVersion: '550.54.15', chartVersion: 'v24.9.0' }),
    );
    expect(old.findings.map((f) => [f.ruleId, f.message])).toEqual([
      ['K8S-001', "driver 550.54.15 < 570.158.01, the DRA driver's prerequisite for ComputeDomains"],
      ['K8S-001', 'gpu-operator chart v24.9.0 < 25.3.0, the first that supports GB200 NVL'],
    ]);
  });

  test('K8S-002 NVL72 racks without a ComputeDomain', () => {
    const e = cluster(
      2,
      (c) => new DraDriver(c, 'dra', { values: { resources: { computeDomains: { enabled: false } } } }),
    );
    expect(findingsOf(e, 'K8S-002')).toEqual([['cluster/dra', 0, 2, 'ComputeDomains']]);
  });

  test('K8S-003 more than 5,000 nodes in one cluster', () => {
    expect(findingsOf(cluster(277), 'K8S-003')).toEqual([]); // 4,986 nodes
    expect(findingsOf(cluster(278), 'K8S-003')).toEqual([['cluster', 5_004, 5_000, 'nodes']]);
  });

  test('K8S-004 a topology level no node label carries', () => {
    const e = cluster(
      1,
      (c) => new Kueue(c, 'kueue', { topologyLevels: ['example.com/block', 'kubernetes.io/hostname'] }),
    );
    expect(e.findings.map((f) => f.ruleId)).toEqual(['K8S-004']);
    expect(e.findings[0].message).toMatch(
      /^Topology cluster-layout level 'example.com\/block' is a label no node carries/,
    );
  });

  test('K8S-005 tenant quotas above the physical GPUs', () => {
    const build = (quota: number) =>
      cluster(2, (c) => {
        const k = new Kueue(c, 'kueue');
        new Tenant(k, 'a', { gpuQuota: quota });
        new Tenant(k, 'b', { gpuQuota: 72 });
      });
    expect(findingsOf(build(72), 'K8S-005')).toEqual([]);
    expect(findingsOf(build(73), 'K8S-005')).toEqual([['cluster', 145, 144, 'GPUs']]);
  });

  test('K8S-006 two GPU Operators, or one on a cluster whose provider installs its own', () => {
    expect(
      findingsOf(
        cluster(1, (c) => (new GpuOperator(c, 'one'), new GpuOperator(c, 'two'))),
        'K8S-006',
      ),
    ).toEqual([['cluster', 2, 1, 'GPU Operators']]);
    expect(
      findingsOf(
        cluster(1, (c) => new GpuOperator(c, 'one'), { managedGpuOperator: true }),
        'K8S-006',
      ),
    ).toEqual([['cluster', 2, 1, 'GPU Operators']]);
    expect(
      findingsOf(
        cluster(1, () => {}, { managedGpuOperator: true }),
        'K8S-006',
      ),
    ).toEqual([]);
  });

  test('K8S-007 a values key the chart does not have', () => {
    const e = cluster(1, (c) => new GpuOperator(c, 'gpu', { values: { driver: { verison: '580.1' } } }));
    expect(e.findings.map((f) => [f.ruleId, f.path, f.message])).toEqual([
      [
        'K8S-007',
        'cluster/gpu',
        "values key 'driver.verison' does not exist in gpu-operator v26.7.0 values.yaml",
      ],
    ]);
  });

  test('K8S-008 a custom resource its CRD rejects', () => {
    const e = cluster(1, (c) => new Kueue(c, 'kueue', { topologyLevels: [] }));
    expect(e.findings.map((f) => [f.ruleId, f.message])).toEqual([
      ['K8S-008', 'Topology cluster-layout: spec.levels: must NOT have fewer than 1 items'],
    ]);
  });

  test('an operator outside a cluster, or a tenant outside Kueue, is a construction error', () => {
    const f = frame();
    expect(() => new GpuOperator(f.root, 'gpu')).toThrow(
      'gpu: gpu-operator must be declared inside a GpuCluster',
    );
  });
});

describe('GitOps delivery source: checked at construction with the cluster path', () => {
  const cluster = (gitops: Parameters<typeof Delivery.gitops>[0]) => {
    const f = frame({ positions: 1 });
    rack(f.hall, 'r0', 132, [ups(f.site, 'a', 200), ups(f.site, 'b', 200)]);
    return () => new GpuCluster(f.root, 'cluster', { racks: [f.hall], delivery: Delivery.gitops(gitops) });
  };

  test.each([
    'https://git.example.org/platform.git',
    'ssh://git@git.example.org/platform.git',
    'git@github.com:org/platform.git',
  ])('repoUrl %s is accepted', (repoUrl) => {
    expect(cluster({ repoUrl, targetRevision: 'release/2026.11', path: 'clusters/paris' })).not.toThrow();
  });

  test.each([
    [
      { repoUrl: 'x\ny' },
      'delivery repoUrl must be a Git repository URL (https://, ssh://, git://, file:// or user@host:path, no spaces or quotes), got "x\\ny"',
    ],
    [
      { repoUrl: '{{ exec "id" }}' },
      'delivery repoUrl must be a Git repository URL (https://, ssh://, git://, file:// or user@host:path, no spaces or quotes), got "{{ exec \\"id\\" }}"',
    ],
    [
      { repoUrl: 'https://git.example.org/p.git', targetRevision: 'main\nx: 1' },
      `delivery targetRevision must be a Git branch or tag name (letters, digits, '.', '_', '-' and '/', no '..'), got "main\\nx: 1"`,
    ],
    [
      { repoUrl: 'https://git.example.org/p.git', targetRevision: '' },
      `delivery targetRevision must be a Git branch or tag name (letters, digits, '.', '_', '-' and '/', no '..'), got ""`,
    ],
    [
      { repoUrl: 'https://git.example.org/p.git', path: '../../../etc' },
      `delivery path must be a relative path in the repository without '.' or '..' segments, got "../../../etc"`,
    ],
    [
      { repoUrl: 'https://git.example.org/p.git', path: '/abs' },
      `delivery path must be a relative path in the repository without '.' or '..' segments, got "/abs"`,
    ],
  ])('%j is refused naming the cluster', (gitops, message) => {
    expect(cluster(gitops)).toThrow(`cluster: ${message}`);
  });

  test.each([
    'https://user:s3cret@git.example.org/p.git',
    'https://ghp_T0KEN@github.com/org/p.git',
    'ssh://git:s3cret@git.example.org/p.git',
  ])('a repoUrl carrying credentials is refused without showing them: %s', (repoUrl) => {
    const run = cluster({ repoUrl, targetRevision: 'main' });
    expect(run).toThrow(
      'cluster: delivery repoUrl must not carry credentials (a password, or a token as the user of an http(s) URL): they would be written into the GitOps tree users commit; give Argo CD and Flux a repository secret',
    );
    expect(run).not.toThrow(/s3cret|T0KEN/);
  });
});

describe('Kubernetes names', () => {
  test('node names stay valid label values (<= 63 characters) with long site and rack names', () => {
    const root = new RootConstruct();
    const site = new Site(root, 'saint-quentin-en-yvelines-south', { country: 'FR', gridConnectionMw: 100 });
    new DgxB300Building(site, 'building-with-a-long-name', { racks: 16 });
    new GpuCluster(root, 'cluster', { racks: [site], delivery: Delivery.terraform() });
    const e = evaluate(root);
    const nodes = e.design.platform.clusters[0].nodes;
    expect(nodes).toHaveLength(64);
    for (const n of nodes) {
      expect(n.name.length).toBeLessThanOrEqual(63);
      expect(n.name).toMatch(/^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/);
      for (const v of [...Object.values(n.labels), ...Object.values(n.kubeletLabels)])
        expect(v.length).toBeLessThanOrEqual(63);
    }
    expect(new Set(nodes.map((n) => n.name)).size).toBe(64);
  });

  test('two tenants whose names normalize alike are refused, naming the path', () => {
    const f = frame();
    rack(f.hall, 'r1', 132, []);
    const cluster = new GpuCluster(f.root, 'cluster', { racks: [f.hall], delivery: Delivery.terraform() });
    const kueue = new Kueue(cluster, 'kueue');
    // Ids are normalized into names; an explicit name must already be a DNS-1123 label (issue 12).
    new Tenant(kueue, 'lab', { gpuQuota: 8 });
    new Tenant(kueue, 'Lab', { gpuQuota: 8 });
    expect(() => evaluate(f.root)).toThrow(
      "cluster/kueue/lab: tenant name 'lab' is already used in this cluster by cluster/kueue/Lab",
    );
    expect(() => new Tenant(kueue, 'other', { name: 'Lab', gpuQuota: 8 })).toThrow(
      'cluster/kueue/other: name must be a DNS-1123 label (at most 63 characters of a-z, 0-9 and \'-\', starting and ending with a letter or digit), got "Lab"',
    );
  });

  test('two racks whose names normalize alike are refused, naming both', () => {
    const f = frame();
    rack(f.hall, 'a', 10, []);
    new Rack(f.hall, 'b', { system: 'gb200-nvl72', name: 'r_1' });
    new Rack(f.hall, 'c', { system: 'gb200-nvl72', name: 'r-1' });
    new GpuCluster(f.root, 'cluster', { racks: [f.hall], delivery: Delivery.terraform() });
    expect(() => evaluate(f.root)).toThrow(/gives the same Kubernetes name 'site-r-1' as site\/hall\//);
  });
});
