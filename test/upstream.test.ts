import { createHash } from 'crypto';
import * as fs from 'fs';
import * as path from 'path';
import { parse } from 'yaml';
import { PINNED_CHARTS } from '../src/upstream/chart-versions';
import { UPSTREAM_CHARTS, UPSTREAM_FOLDERS, upstreamFile } from '../src/upstream/charts';
import { compiledValidator, ValidatorIndex, VALIDATORS_DIR } from '../src/upstream/compiled-validators';
import { crdAjv } from '../src/upstream/crd-ajv';
import { loadCrdCatalog } from '../src/upstream/crd-catalog';
import { knownCustomResourceKinds, schemaErrors, validateCustomResource } from '../src/upstream/crd-schema';
import { toAjvSchema } from '../src/upstream/structural-schema';
import { generateValidators } from '../scripts/generate-validators';
import { loadUpstreamValues, unknownValuePaths } from '../src/upstream/values-paths';

const UPSTREAM_DIR = path.join(__dirname, '..', 'src', 'upstream');

describe('upstream copies', () => {
  test('every copied file is listed in PROVENANCE.md with its sha256, and every listed file exists', () => {
    const listed = new Map<string, string>();
    const provenance = fs.readFileSync(path.join(UPSTREAM_DIR, 'PROVENANCE.md'), 'utf8');
    for (const m of provenance.matchAll(/^\| `([^`]+)` \|.*\| Apache-2\.0 \| `([0-9a-f]{64})` \|$/gm)) {
      listed.set(m[1], m[2]);
    }
    const copied = [...UPSTREAM_FOLDERS, 'gitops'].flatMap((dir) =>
      fs.readdirSync(path.join(UPSTREAM_DIR, dir)).map((f) => `${dir}/${f}`),
    );
    expect([...listed.keys()].sort()).toEqual(copied.sort());
    for (const file of copied) {
      const sha = createHash('sha256')
        .update(fs.readFileSync(path.join(UPSTREAM_DIR, file)))
        .digest('hex');
      expect([file, sha]).toEqual([file, listed.get(file)]);
    }
  });

  test('pinned chart versions agree with the copied Chart.yaml (gpu-operator is stamped at release)', () => {
    for (const chart of UPSTREAM_CHARTS) {
      const meta = parse(fs.readFileSync(upstreamFile(chart, 'Chart.yaml'), 'utf8'));
      expect(PINNED_CHARTS[chart].chart).toBe(meta.name);
      expect(PINNED_CHARTS[chart].version).toBe(chart === 'gpu-operator' ? 'v26.7.0' : meta.version);
    }
    expect(parse(fs.readFileSync(upstreamFile('gpu-operator', 'Chart.yaml'), 'utf8')).version).toBe(
      'v1.0.0-devel',
    );
  });
});

describe('loadUpstreamValues', () => {
  test('parses each chart once and shares a frozen value', () => {
    for (const chart of UPSTREAM_CHARTS) {
      const values = loadUpstreamValues(chart);
      expect(loadUpstreamValues(chart)).toBe(values);
      expect(Object.isFrozen(values)).toBe(true);
    }
    const gpu = loadUpstreamValues('gpu-operator') as { driver: { version: string; upgradePolicy: object } };
    expect(gpu.driver.version).toBe('595.91.07');
    expect(Object.isFrozen(gpu.driver.upgradePolicy)).toBe(true);
  });
});

describe('unknownValuePaths against the real upstream values', () => {
  test('gpu-operator keys for a GB200/GB300 install are all upstream keys', () => {
    const values = {
      driver: { enabled: true, version: '595.91.07', kernelModuleType: 'open', rdma: { enabled: true } },
      toolkit: { enabled: true, version: 'v1.20.0' },
      devicePlugin: { enabled: true, config: { create: true, name: 'dp', data: { 'any-config': 'x' } } },
      mig: { strategy: 'single' },
      migManager: { enabled: false },
      cdi: { enabled: true },
      dcgmExporter: { enabled: true, serviceMonitor: { enabled: true, interval: '30s' } },
      gfd: { enabled: true },
      nfd: { enabled: true },
      daemonsets: { tolerations: [{ key: 'nvidia.com/gpu', operator: 'Exists', tolerationSeconds: 30 }] },
      operator: {
        nodeSelector: { 'node-role.kubernetes.io/control-plane': '' },
        affinity: {
          nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [] } },
        },
        runtimeClass: 'nvidia',
        upgradeCRD: true,
      },
      clusterPolicy: { deployCR: true },
    };
    expect(unknownValuePaths(values, loadUpstreamValues('gpu-operator'))).toEqual([]);
  });

  test('a typo is reported with its exact path, only at the outermost unknown key, sorted', () => {
    const values = {
      driver: { verison: '595.91.07', upgradePolicy: { autoUpgrad: true, drain: { enable: true } } },
      mig: { strategy: 'single' },
      aaa: { nested: { deeper: 1 } },
    };
    expect(unknownValuePaths(values, loadUpstreamValues('gpu-operator'))).toEqual([
      'aaa',
      'driver.upgradePolicy.autoUpgrad',
      'driver.verison',
    ]);
  });

  test('keys that exist only in upstream comments do not count (documented limitation)', () => {
    // v26.7.0 has no operator.defaultRuntime at all, and hpcJobMapping / metrics only in comments.
    const values = {
      operator: { defaultRuntime: 'containerd', metrics: { serviceMonitor: {} } },
      dcgmExporter: { hpcJobMapping: { enabled: true } },
    };
    expect(unknownValuePaths(values, loadUpstreamValues('gpu-operator'))).toEqual([
      'dcgmExporter.hpcJobMapping',
      'operator.defaultRuntime',
      'operator.metrics',
    ]);
  });

  test('a map whose upstream default is {} accepts any child keys', () => {
    const dra = {
      featureGates: { IMEXDaemonsWithDNSNames: true, ComputeDomainCliques: { any: { depth: 1 } } },
      resources: { gpus: { enabled: false }, computeDomains: { enabled: true } },
      selectorLabelsOverride: { team: 'infra' },
    };
    expect(unknownValuePaths(dra, loadUpstreamValues('dra-driver-nvidia-gpu'))).toEqual([]);
    expect(
      unknownValuePaths(
        { resources: { gpu: { enabled: false } } },
        loadUpstreamValues('dra-driver-nvidia-gpu'),
      ),
    ).toEqual(['resources.gpu']);
  });

  test('a null or scalar upstream default accepts any value, even a map', () => {
    const kueue = {
      controllerManager: { manager: { priorityClassName: 'system-cluster-critical' } },
      kueueViz: { backend: { ingress: { tlsEnabled: { surprising: 'but accepted' } } } },
      managerConfig: { controllerManagerConfigYaml: 'apiVersion: config.kueue.x-k8s.io/v1beta2\n' },
    };
    expect(unknownValuePaths(kueue, loadUpstreamValues('kueue'))).toEqual([]);
  });

  test('arrays: empty or scalar upstream arrays accept any items; map items are checked', () => {
    const kueue = {
      controllerManager: { featureGates: [{ name: 'TopologyAwareScheduling', enabled: true }] },
      webhookService: { ipDualStack: { ipFamilies: ['IPv4', { odd: true }] } },
      metricsService: { ports: [{ name: 'https', port: 8443 }, { portt: 1 }] },
    };
    expect(unknownValuePaths(kueue, loadUpstreamValues('kueue'))).toEqual(['metricsService.ports[1].portt']);
  });

  test('array items are checked against the union of the upstream map items, recursively', () => {
    const upstream = { list: [{ a: 1 }, { b: { c: 1 } }, 'scalar'], empty: [], scalars: [1, 2] };
    const values = {
      list: [{ a: 2, b: { c: 2 } }, { b: { d: 1 } }, { e: 1 }],
      empty: [{ x: 1 }],
      scalars: [{ y: 1 }],
    };
    expect(unknownValuePaths(values, upstream)).toEqual(['list[1].b.d', 'list[2].e']);
  });

  test('Kubernetes object keys are open by default; with none open their contents are checked', () => {
    const values = { operator: { nodeSelector: { 'kubernetes.io/hostname': 'cp-1' } } };
    const upstream = loadUpstreamValues('gpu-operator');
    expect(unknownValuePaths(values, upstream)).toEqual([]);
    expect(unknownValuePaths(values, upstream, [])).toEqual([
      'operator.nodeSelector["kubernetes.io/hostname"]',
    ]);
  });

  test('network-operator: nfd, operator and sriov keys exist; NicClusterPolicy is no longer a chart value', () => {
    const values = {
      nfd: { enabled: true, deployNodeFeatureRules: true },
      sriovNetworkOperator: { enabled: false },
      operator: { ofedDriver: { initContainer: { enable: true } }, nodeSelector: { a: 'b' } },
      imagePullSecrets: [],
      deployCR: true,
      rdmaSharedDevicePlugin: { deploy: true },
      ofedDriver: { deploy: true },
    };
    expect(unknownValuePaths(values, loadUpstreamValues('network-operator'))).toEqual([
      'deployCR',
      'ofedDriver',
      'rdmaSharedDevicePlugin',
    ]);
  });
});

const computeDomain = (name: string, spec: Record<string, unknown>) => ({
  apiVersion: 'resource.nvidia.com/v1beta1',
  kind: 'ComputeDomain',
  metadata: { name, namespace: 'training' },
  spec,
});

const clusterQueue = (quota: unknown) => ({
  apiVersion: 'kueue.x-k8s.io/v1beta2',
  kind: 'ClusterQueue',
  metadata: { name: 'gb300' },
  spec: {
    namespaceSelector: {},
    resourceGroups: [
      {
        coveredResources: ['cpu', 'memory', 'nvidia.com/gpu'],
        flavors: [
          {
            name: 'gb300-nvl72',
            resources: [
              { name: 'cpu', nominalQuota: 2592 },
              { name: 'memory', nominalQuota: '17Ti' },
              { name: 'nvidia.com/gpu', nominalQuota: quota },
            ],
          },
        ],
      },
    ],
  },
});

describe('validateCustomResource against the real CRD schemas', () => {
  test('knows every served version of the copied CRDs', () => {
    expect(knownCustomResourceKinds()).toEqual([
      'kueue.x-k8s.io/v1beta1 AdmissionCheck',
      'kueue.x-k8s.io/v1beta1 ClusterQueue',
      'kueue.x-k8s.io/v1beta1 Cohort',
      'kueue.x-k8s.io/v1beta1 LocalQueue',
      'kueue.x-k8s.io/v1beta1 MultiKueueCluster',
      'kueue.x-k8s.io/v1beta1 MultiKueueConfig',
      'kueue.x-k8s.io/v1beta1 ResourceFlavor',
      'kueue.x-k8s.io/v1beta1 Topology',
      'kueue.x-k8s.io/v1beta1 WorkloadPriorityClass',
      'kueue.x-k8s.io/v1beta2 AdmissionCheck',
      'kueue.x-k8s.io/v1beta2 ClusterQueue',
      'kueue.x-k8s.io/v1beta2 Cohort',
      'kueue.x-k8s.io/v1beta2 LocalQueue',
      'kueue.x-k8s.io/v1beta2 MultiKueueCluster',
      'kueue.x-k8s.io/v1beta2 MultiKueueConfig',
      'kueue.x-k8s.io/v1beta2 ResourceFlavor',
      'kueue.x-k8s.io/v1beta2 Topology',
      'kueue.x-k8s.io/v1beta2 WorkloadPriorityClass',
      'mellanox.com/v1alpha1 NicClusterPolicy',
      'monitoring.coreos.com/v1 PrometheusRule',
      'nfd.k8s-sigs.io/v1alpha1 NodeFeature',
      'nfd.k8s-sigs.io/v1alpha1 NodeFeatureGroup',
      'nfd.k8s-sigs.io/v1alpha1 NodeFeatureRule',
      'nvidia.com/v1 ClusterPolicy',
      'nvidia.com/v1alpha1 NVIDIADriver',
      'resource.nvidia.com/v1beta1 ComputeDomain',
      'resource.nvidia.com/v1beta1 ComputeDomainClique',
    ]);
  });

  test('every schema compiles, and each requires metadata.name', () => {
    for (const key of knownCustomResourceKinds()) {
      const [apiVersion, kind] = key.split(' ');
      expect(validateCustomResource({ apiVersion, kind, metadata: {} })).toContain(
        'metadata.name: is required',
      );
    }
  });

  test('ComputeDomain: valid, then wrong type, missing required field, unknown enum value, unknown field', () => {
    const channel = { resourceClaimTemplate: { name: 'rack-1-imex' }, allocationMode: 'Single' };
    expect(validateCustomResource(computeDomain('rack-1', { numNodes: 18, channel }))).toEqual([]);
    expect(validateCustomResource(computeDomain('rack-1', { numNodes: '18', channel }))).toEqual([
      'spec.numNodes: must be integer',
    ]);
    expect(validateCustomResource(computeDomain('rack-1', { numNodes: -1, channel }))).toEqual([
      'spec.numNodes: must be >= 0',
    ]);
    expect(
      validateCustomResource(computeDomain('rack-1', { channel: { resourceClaimTemplate: {} } })),
    ).toEqual(['spec.channel.resourceClaimTemplate.name: is required']);
    expect(validateCustomResource(computeDomain('rack-1', { numNodes: 18 }))).toEqual([
      'spec.channel: is required',
    ]);
    expect(
      validateCustomResource(computeDomain('rack-1', { channel: { ...channel, allocationMode: 'Many' } })),
    ).toEqual(['spec.channel.allocationMode: must be equal to one of the allowed values ("All", "Single")']);
    expect(validateCustomResource(computeDomain('rack-1', { numNode: 18, channel }))).toEqual([
      'spec.numNode: unknown field',
    ]);
  });

  test('ComputeDomain at campus scale: one per rack for 10,000 racks, all valid', () => {
    let errors = 0;
    for (let i = 0; i < 10_000; i++) {
      const cd = computeDomain(`rack-${i}`, {
        numNodes: 18,
        channel: { resourceClaimTemplate: { name: `rack-${i}` } },
      });
      errors += validateCustomResource(cd).length;
    }
    expect(errors).toBe(0);
  });

  test('Kueue Topology: v1beta1 and v1beta2 are served; nodeLabel must be a string, levels non-empty', () => {
    const topology = (apiVersion: string, levels: unknown[]) => ({
      apiVersion,
      kind: 'Topology',
      metadata: { name: 'campus' },
      spec: { levels },
    });
    const levels = [
      { nodeLabel: 'cloud.provider.com/topology-block' },
      { nodeLabel: 'nvidia.com/gpu.clique' },
      { nodeLabel: 'kubernetes.io/hostname' },
    ];
    expect(validateCustomResource(topology('kueue.x-k8s.io/v1beta2', levels))).toEqual([]);
    expect(validateCustomResource(topology('kueue.x-k8s.io/v1beta1', levels))).toEqual([]);
    expect(validateCustomResource(topology('kueue.x-k8s.io/v1beta2', [{ nodeLabel: 7 }]))).toEqual([
      'spec.levels[0].nodeLabel: must be string',
    ]);
    expect(validateCustomResource(topology('kueue.x-k8s.io/v1beta2', []))).toEqual([
      'spec.levels: must NOT have fewer than 1 items',
    ]);
  });

  test('Kueue AdmissionCheck: the Go pattern ^(?i)[a-z]... of parameters.kind compiles without (?i), matched case-insensitively', () => {
    const check = (kind: string) => ({
      apiVersion: 'kueue.x-k8s.io/v1beta2',
      kind: 'AdmissionCheck',
      metadata: { name: 'campus' },
      spec: {
        controllerName: 'kueue.x-k8s.io/multikueue',
        parameters: { apiGroup: 'kueue.x-k8s.io', kind, name: 'campus' },
      },
    });
    expect(validateCustomResource(check('MultiKueueConfig'))).toEqual([]);
    expect(validateCustomResource(check('multikueueconfig'))).toEqual([]);
    expect(validateCustomResource(check('9MultiKueueConfig'))).toEqual([
      'spec.parameters.kind: must match pattern "^(?i)[a-z]([-a-z0-9]*[a-z0-9])?$"',
    ]);
    expect(validateCustomResource(check('MultiKueue_Config'))).toEqual([
      'spec.parameters.kind: must match pattern "^(?i)[a-z]([-a-z0-9]*[a-z0-9])?$"',
    ]);
  });

  test('Kueue MultiKueueConfig: at most 20 worker clusters; MultiKueueCluster needs a cluster source', () => {
    const config = (clusters: string[]) => ({
      apiVersion: 'kueue.x-k8s.io/v1beta2',
      kind: 'MultiKueueConfig',
      metadata: { name: 'campus' },
      spec: { clusters },
    });
    const names = (n: number) => Array.from({ length: n }, (_, i) => `worker-${i + 1}`);
    expect(validateCustomResource(config(names(20)))).toEqual([]);
    expect(validateCustomResource(config(names(21)))).toEqual([
      'spec.clusters: must NOT have more than 20 items',
    ]);
    const cluster = (spec: Record<string, unknown>) => ({
      apiVersion: 'kueue.x-k8s.io/v1beta2',
      kind: 'MultiKueueCluster',
      metadata: { name: 'worker-1' },
      spec,
    });
    const kubeConfig = { location: 'worker-1-kubeconfig', locationType: 'Secret' };
    expect(validateCustomResource(cluster({ clusterSource: { kubeConfig } }))).toEqual([]);
    expect(validateCustomResource(cluster({ kubeConfig }))).toEqual([
      'spec.clusterSource: is required',
      'spec.kubeConfig: unknown field',
    ]);
  });

  test('Kueue ResourceFlavor: node labels are strings, topologyName a name', () => {
    const flavor = (spec: Record<string, unknown>) => ({
      apiVersion: 'kueue.x-k8s.io/v1beta2',
      kind: 'ResourceFlavor',
      metadata: { name: 'gb300-nvl72' },
      spec,
    });
    const nodeLabels = { 'nvidia.com/gpu.product': 'NVIDIA-GB300' };
    expect(validateCustomResource(flavor({ nodeLabels, topologyName: 'campus' }))).toEqual([]);
    expect(validateCustomResource(flavor({ nodeLabels: { gpus: 4 }, topologyName: 'campus' }))).toEqual([
      'spec.nodeLabels.gpus: must be string',
    ]);
  });

  test('Kueue ClusterQueue: quotas are int-or-string quantities; cohort was renamed in v1beta2', () => {
    expect(validateCustomResource(clusterQueue(288))).toEqual([]);
    expect(validateCustomResource(clusterQueue('288'))).toEqual([]);
    expect(validateCustomResource(clusterQueue(true))).toEqual([
      'spec.resourceGroups[0].flavors[0].resources[2].nominalQuota: must be integer,string',
    ]);
    const noQuota = clusterQueue(1);
    delete (noQuota.spec.resourceGroups[0].flavors[0].resources[2] as { nominalQuota?: unknown })
      .nominalQuota;
    expect(validateCustomResource(noQuota)).toEqual([
      'spec.resourceGroups[0].flavors[0].resources[2].nominalQuota: is required',
    ]);
    const withCohort = { ...clusterQueue(1), spec: { ...clusterQueue(1).spec, cohort: 'campus' } };
    expect(validateCustomResource(withCohort)).toEqual(['spec.cohort: unknown field']);
    expect(validateCustomResource({ ...withCohort, apiVersion: 'kueue.x-k8s.io/v1beta1' })).toEqual([]);
  });

  test('Kueue LocalQueue and WorkloadPriorityClass', () => {
    const localQueue = (clusterQueue: unknown) => ({
      apiVersion: 'kueue.x-k8s.io/v1beta2',
      kind: 'LocalQueue',
      metadata: { name: 'training', namespace: 'ml', labels: { 'app.kubernetes.io/part-of': 'aifactory' } },
      spec: { clusterQueue },
    });
    expect(validateCustomResource(localQueue('gb300'))).toEqual([]);
    expect(validateCustomResource(localQueue(['gb300']))).toEqual(['spec.clusterQueue: must be string']);
    const priority = {
      apiVersion: 'kueue.x-k8s.io/v1beta2',
      kind: 'WorkloadPriorityClass',
      metadata: { name: 'p' },
    };
    expect(validateCustomResource({ ...priority, value: 1000, description: 'training' })).toEqual([]);
    expect(validateCustomResource(priority)).toEqual(['value: is required']);
  });

  test('NicClusterPolicy with the DOCA driver and the RDMA shared device plugin', () => {
    const policy = (rdma: Record<string, unknown>) => ({
      apiVersion: 'mellanox.com/v1alpha1',
      kind: 'NicClusterPolicy',
      metadata: { name: 'nic-cluster-policy' },
      spec: {
        ofedDriver: { image: 'doca-driver', repository: 'nvcr.io/nvidia/mellanox', version: 'doca3.2.0' },
        rdmaSharedDevicePlugin: { repository: 'ghcr.io/mellanox', version: 'v1.5.3', config: '{}', ...rdma },
        nvIpam: { image: 'nvidia-k8s-ipam', repository: 'nvcr.io/nvidia/mellanox', version: 'v0.3.7' },
      },
    });
    expect(validateCustomResource(policy({ image: 'k8s-rdma-shared-dev-plugin' }))).toEqual([]);
    expect(validateCustomResource(policy({}))).toEqual(['spec.rdmaSharedDevicePlugin.image: is required']);
    expect(validateCustomResource(policy({ image: 'x', config: { resources: [] } }))).toEqual([
      'spec.rdmaSharedDevicePlugin.config: must be string',
    ]);
  });

  test('metadata: name required, labels and annotations are string maps, keys with dots bracketed', () => {
    const cd = computeDomain('rack-1', { channel: { resourceClaimTemplate: { name: 'c' } } });
    expect(
      validateCustomResource({
        ...cd,
        metadata: { name: 'rack-1', labels: { 'app.kubernetes.io/name': 1 } },
      }),
    ).toEqual(['metadata.labels["app.kubernetes.io/name"]: must be string']);
    expect(validateCustomResource({ ...cd, metadata: undefined })).toEqual(['metadata: is required']);
  });

  test('an unknown apiVersion/kind or a non-object yields one error naming them', () => {
    const [error, ...rest] = validateCustomResource({ apiVersion: 'kueue.x-k8s.io/v1', kind: 'Cohort' });
    expect(rest).toEqual([]);
    expect(error).toMatch(/^\(root\): no copied CRD serves kueue\.x-k8s\.io\/v1 Cohort; known kinds: kueue/);
    expect(error).toContain('resource.nvidia.com/v1beta1 ComputeDomain');
    expect(validateCustomResource('ComputeDomain')).toEqual([
      '(root): must be an object with string apiVersion and kind',
    ]);
  });
});

describe('CRD validators compiled ahead of time (src/upstream/validators/)', () => {
  const committed = (name: string) => fs.readFileSync(path.join(VALIDATORS_DIR, name), 'utf8');

  test('are what npm run generate:validators writes from the copied CRDs today, one per served version', () => {
    const generated = generateValidators();
    expect([...generated.keys()].sort()).toEqual(fs.readdirSync(VALIDATORS_DIR).sort());
    for (const [name, text] of generated) expect([name, committed(name) === text]).toEqual([name, true]);
    const index = JSON.parse(committed('index.json')) as ValidatorIndex;
    expect(Object.keys(index.validators).sort()).toEqual(knownCustomResourceKinds());
  });

  test('each gives the messages the schema compiled at run time gives, for valid and invalid resources', () => {
    const ajv = crdAjv();
    const catalog = loadCrdCatalog();
    // Every key: an empty resource, a wrong spec type, unknown fields; and the hand-checked resources above.
    const resources: { apiVersion: string; kind: string }[] = [...catalog.keys()].flatMap((key) => {
      const [apiVersion, kind] = key.split(' ');
      return [
        { apiVersion, kind, metadata: {} },
        { apiVersion, kind, metadata: { name: 'x', labels: { a: 1 } }, spec: 'not a map' },
        {
          apiVersion,
          kind,
          metadata: { name: 'x' },
          spec: { unknownField: 1, replicas: 'two' },
          extra: true,
        },
      ];
    });
    resources.push(
      computeDomain('rack-1', {
        numNodes: -1,
        channel: { resourceClaimTemplate: {}, allocationMode: 'Few' },
      }),
      clusterQueue([{ name: 'nvidia.com/gpu', nominalQuota: 'x' }]),
    );
    let withErrors = 0;
    for (const r of resources) {
      const key = `${r.apiVersion} ${r.kind}`;
      const compiled = compiledValidator(key);
      expect([key, compiled === undefined]).toEqual([key, false]);
      const atRunTime = schemaErrors(ajv.compile(toAjvSchema(catalog.get(key)!.openAPIV3Schema)), r);
      expect([key, schemaErrors(compiled!, r)]).toEqual([key, atRunTime]);
      if (atRunTime.length > 0) withErrors++;
    }
    expect(withErrors).toBeGreaterThanOrEqual(catalog.size * 3);
  });

  test('a CRD file changed since its module was compiled, another ajv version, or a broken index falls back to compiling', () => {
    // Inside the checkout, so the copied modules resolve ajv's runtime and crd-ajv as installed.
    const scratch = path.join(__dirname, '..', '.scratch');
    fs.mkdirSync(scratch, { recursive: true });
    const upstream = fs.mkdtempSync(path.join(scratch, 'validators-'));
    try {
      fs.cpSync(UPSTREAM_DIR, upstream, { recursive: true });
      const key = 'resource.nvidia.com/v1beta1 ComputeDomain';
      expect(compiledValidator(key, upstream)).toBeDefined();
      const index = JSON.parse(committed('index.json')) as ValidatorIndex;
      const crd = path.join(upstream, index.validators[key].crd);
      fs.appendFileSync(crd, '\n');
      expect(compiledValidator(key, upstream)).toBeUndefined();
      expect(compiledValidator('kueue.x-k8s.io/v1beta2 Cohort', upstream)).toBeDefined();

      const other = fs.mkdtempSync(path.join(scratch, 'validators-'));
      fs.cpSync(UPSTREAM_DIR, other, { recursive: true });
      const file = path.join(other, 'validators', 'index.json');
      fs.writeFileSync(file, JSON.stringify({ ...index, ajv: '0.0.0' }));
      expect(compiledValidator('kueue.x-k8s.io/v1beta2 Cohort', other)).toBeUndefined();
      fs.rmSync(other, { recursive: true, force: true });

      // An index naming a module or CRD file outside their folders, a module that is not a
      // validator, a CRD file gone: never loaded, the schema is compiled instead.
      const third = fs.mkdtempSync(path.join(scratch, 'validators-'));
      fs.cpSync(UPSTREAM_DIR, third, { recursive: true });
      const cohort = 'kueue.x-k8s.io/v1beta2 Cohort';
      const queue = 'kueue.x-k8s.io/v1beta2 LocalQueue';
      const topology = 'kueue.x-k8s.io/v1beta2 Topology';
      const entries = { ...index.validators };
      entries[cohort] = { ...entries[cohort], module: '../../package.json' };
      entries[queue] = { ...entries[queue], module: 'index.json' };
      fs.writeFileSync(
        path.join(third, 'validators', 'index.json'),
        JSON.stringify({ ...index, validators: entries }),
      );
      fs.rmSync(path.join(third, index.validators[topology].crd));
      expect([cohort, queue, topology].map((k) => compiledValidator(k, third))).toEqual([
        undefined,
        undefined,
        undefined,
      ]);
      expect(compiledValidator('kueue.x-k8s.io/v1beta2 ResourceFlavor', third)).toBeDefined();
      // An index of another shape: not used at all.
      for (const shape of [{ ajv: index.ajv }, { ajv: index.ajv, validators: null }, null, []]) {
        const fourth = fs.mkdtempSync(path.join(scratch, 'validators-'));
        fs.cpSync(UPSTREAM_DIR, fourth, { recursive: true });
        fs.writeFileSync(path.join(fourth, 'validators', 'index.json'), JSON.stringify(shape));
        expect(compiledValidator('kueue.x-k8s.io/v1beta2 ResourceFlavor', fourth)).toBeUndefined();
        fs.rmSync(fourth, { recursive: true, force: true });
      }
      fs.rmSync(third, { recursive: true, force: true });
    } finally {
      fs.rmSync(upstream, { recursive: true, force: true });
    }
  });
});
