import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { parse } from 'yaml';
import * as pulumi from '@pulumi/pulumi';
import type { MockMonitor, MockResourceArgs } from '@pulumi/pulumi/runtime/mocks';
import { Provider as KubernetesProvider } from '@pulumi/kubernetes/provider';
import { Provider as ScalewayProvider } from '@pulumiverse/scaleway/provider';
import { IConstruct, RootConstruct } from 'constructs';
import { buildScalewayB300 } from '../examples/scaleway-b300/cloud';
import { buildEssonneSite } from '../examples/essonne-44mw/site';
import {
  Delivery,
  DraDriver,
  GpuCluster,
  GpuOperator,
  Kueue,
  NetworkOperator,
  ScalewayGpuCluster,
  ScalewayGpuInstances,
  ScalewayObjectBucket,
  Tenant,
} from '../constructs';
import { run } from '../cli/main';
import { evaluate } from '../src/evaluate';
import { findingsText, summaryText } from '../src/output/report';
import { AiFactoryApp, CloudStack, PhysicalStack } from '../stacks';
import { deploy, DeployedDesign, DesignFindingsError } from '../pulumi';

const root = path.resolve(__dirname, '..');

/** A resource the program registered, as the Pulumi engine receives it. */
interface Registered {
  readonly type: string;
  readonly name: string;
  readonly inputs: Record<string, unknown>;
  /** `urn::id` of its provider reference, for resources with an explicit provider. */
  readonly provider?: string;
  /** Names of the resources it depends on. */
  readonly dependsOn: readonly string[];
}

const KUBECONFIG = 'apiVersion: v1\nkind: Config\n# admin kubeconfig of the mocked Kapsule cluster\n';
const registered: Registered[] = [];
const dependencies = new Map<string, string[]>();

beforeAll(async () => {
  await pulumi.runtime.setMocks(
    {
      newResource(args: MockResourceArgs) {
        registered.push({
          type: args.type,
          name: args.name,
          inputs: args.inputs,
          provider: args.provider || undefined,
          dependsOn: dependencies.get(args.name) ?? [],
        });
        // The state echoes the inputs; a Kapsule cluster also returns its kubeconfig.
        const state =
          args.type === 'scaleway:kubernetes/cluster:Cluster'
            ? { ...args.inputs, kubeconfigs: [{ configFile: KUBECONFIG, host: 'https://k8s', token: 't' }] }
            : args.inputs;
        return { id: `${args.name}-id`, state };
      },
      call: () => ({}),
    },
    'aifactory',
    'test',
    false,
  );
  // The mock sees inputs, not options: record each registration's dependencies on the way in.
  const monitor = pulumi.runtime.getMonitor() as unknown as MockMonitor;
  const register = monitor.registerResource.bind(monitor);
  monitor.registerResource = (req, callback) => {
    const urns: string[] = req.getDependenciesList();
    dependencies.set(
      req.getName(),
      urns.map((u) => u.slice(u.lastIndexOf('::') + 2)),
    );
    return register(req, callback);
  };
});

beforeEach(() => {
  registered.length = 0;
  dependencies.clear();
});

/** Waits until every resource the design declared has been registered. */
async function settle(design: DeployedDesign): Promise<void> {
  const resources: pulumi.Resource[] = [
    ...Object.values(design.scaleway.networks).flatMap((n) => [n.vpc, n.privateNetwork]),
    ...Object.values(design.scaleway.clusters),
    ...Object.values(design.scaleway.pools),
    ...Object.values(design.scaleway.instances).flatMap((g) => [g.placementGroup, ...g.servers, ...g.ips]),
    ...Object.values(design.scaleway.buckets),
    ...Object.values(design.platforms).flatMap((p) => [
      ...(p.provider ? [p.provider] : []),
      ...Object.values(p.namespaces),
      ...Object.values(p.releases),
      ...p.customResources,
      ...Object.values(p.nodeLabels),
    ]),
  ];
  await Promise.all(resources.map((r) => value(r.urn)));
}

function value<T>(o: pulumi.Output<T>): Promise<T> {
  return new Promise((resolve) => o.apply(resolve));
}

type Json = Record<string, unknown>;

/** The synthesized Terraform resources of a stack, by type, each with its construct path. */
interface TfResource {
  readonly type: string;
  readonly path: string;
  readonly body: Json;
}

/**
 * Synthesizes the tree's Terraform (after `deploy` ran on the same tree) and lists the resources of
 * the stack and of the platform stacks made for its clusters (`<stack>-<cluster>-platform`, ...).
 */
function synthesize(app: AiFactoryApp, outdir: string, stack: string): TfResource[] {
  app.synthesizeDesign(evaluate(app));
  const stacks = fs
    .readdirSync(path.join(outdir, 'stacks'))
    .filter((s) => s === stack || s.startsWith(`${stack}-`));
  return stacks.sort().flatMap((s) => {
    const tf = JSON.parse(fs.readFileSync(path.join(outdir, 'stacks', s, 'cdk.tf.json'), 'utf8'));
    return Object.entries((tf.resource ?? {}) as Record<string, Record<string, Json>>).flatMap(
      ([type, byId]) =>
        Object.values(byId).map((body) => ({
          type,
          path: (body['//'] as { metadata: { path: string } }).metadata.path,
          body,
        })),
    );
  });
}

/** A construct tree under an `AiFactoryApp` writing to a temporary directory. */
function withApp<T>(body: (app: AiFactoryApp, outdir: string) => Promise<T>): Promise<T> {
  const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'aifactory-pulumi-'));
  return body(new AiFactoryApp({ outdir }), outdir).finally(() =>
    fs.rmSync(outdir, { recursive: true, force: true }),
  );
}

/** Pulumi resource types of the Terraform resource types the Scaleway constructs make. */
const SCALEWAY_TYPES: Record<string, string> = {
  scaleway_vpc: 'scaleway:network/vpc:Vpc',
  scaleway_vpc_private_network: 'scaleway:network/privateNetwork:PrivateNetwork',
  scaleway_k8s_cluster: 'scaleway:kubernetes/cluster:Cluster',
  scaleway_k8s_pool: 'scaleway:kubernetes/pool:Pool',
  scaleway_instance_placement_group: 'scaleway:instance/placementGroup:PlacementGroup',
  scaleway_instance_server: 'scaleway:instance/server:Server',
  scaleway_instance_ip: 'scaleway:instance/ip:Ip',
  scaleway_object_bucket: 'scaleway:object/bucket:Bucket',
};

/** Attribute names whose Pulumi input is not the camelCase of the Terraform one. */
const RENAMED: Record<string, string> = { private_network: 'privateNetworks' };

/**
 * A Terraform resource body as the Pulumi inputs it must equal: camelCase keys, and references
 * `${type.id.attr}` replaced by the mocked id of the resource of the same construct path.
 */
function asPulumiInputs(body: unknown, pathOf: Map<string, string>): unknown {
  if (Array.isArray(body)) return body.map((x) => asPulumiInputs(x, pathOf));
  if (typeof body === 'string') {
    const ref = /^\$\{(\w+\.[\w-]+)\.id\}$/.exec(body);
    return ref ? `${pathOf.get(ref[1])}-id` : body;
  }
  if (typeof body !== 'object' || body === null) return body;
  return Object.fromEntries(
    Object.entries(body)
      .filter(([k]) => k !== '//' && k !== 'provider' && k !== 'depends_on')
      .map(([k, v]) => [
        RENAMED[k] ?? k.replace(/_([a-z0-9])/g, (_m, c: string) => c.toUpperCase()),
        asPulumiInputs(v, pathOf),
      ]),
  );
}

function logicalIds(tf: TfResource[]): Map<string, string> {
  return new Map(
    tf.map((r) => [
      `${r.type}.${(r.body['//'] as { metadata: { uniqueId: string } }).metadata.uniqueId}`,
      r.path,
    ]),
  );
}

/** Every Scaleway Terraform resource has its Pulumi twin, of the matching type, with the same settings. */
function expectSameScaleway(tf: TfResource[]): void {
  const pathOf = logicalIds(tf);
  const scaleway = tf.filter((r) => r.type.startsWith('scaleway_'));
  const declared = registered.filter((r) => r.type.startsWith('scaleway:'));
  expect(declared.map((r) => r.name).sort()).toEqual(scaleway.map((r) => r.path).sort());
  for (const r of scaleway) {
    const twin = declared.find((d) => d.name === r.path)!;
    expect([r.path, twin.type]).toEqual([r.path, SCALEWAY_TYPES[r.type]]);
    expect(twin.inputs).toEqual(asPulumiInputs(r.body, pathOf));
  }
}

/** The Terraform delivery's construct path of a platform resource, as the Pulumi adapter names it. */
let clusterPath = '';
/** `<stack>-<cluster>-<step>/<cluster>/release-x` (the Terraform delivery's stacks) as `<cluster path>/release-x`. */
const pulumiName = (tfPath: string) => tfPath.replace(/^[^/]+\/[^/]+\//, `${clusterPath}/`);

/**
 * Releases, custom resources, namespaces and node labels of the Terraform delivery against the
 * Pulumi ones: same charts, versions, release names and namespaces, values equal to the
 * `helm_release` YAML, custom resources equal to the `kubernetes_manifest` objects (after every
 * release and their namespace), labels equal to `kubernetes_labels`.
 */
function expectSamePlatform(tf: TfResource[], provider: string | undefined, cluster: string): void {
  clusterPath = cluster;
  const namespaceOf = new Map(
    tf
      .filter((r) => r.type === 'kubernetes_namespace_v1')
      .map((r) => [
        `${r.type}.${(r.body['//'] as { metadata: { uniqueId: string } }).metadata.uniqueId}`,
        (r.body.metadata as { name: string }).name,
      ]),
  );
  const k8s = registered.filter((r) => r.type.startsWith('kubernetes:'));
  const twin = (r: TfResource) => {
    const t = k8s.find((x) => x.name === pulumiName(r.path));
    expect([r.path, t !== undefined]).toEqual([r.path, true]);
    expect([r.path, t!.provider]).toEqual([r.path, provider]);
    return t!;
  };
  const byType = (type: string) => tf.filter((r) => r.type === type);
  const releases = byType('helm_release');
  const namespaces = byType('kubernetes_namespace_v1');
  const manifests = byType('kubernetes_manifest');
  const labels = byType('kubernetes_labels');
  // One Pulumi resource per Terraform resource, nothing more.
  expect(k8s.map((r) => r.name).sort()).toEqual(
    [...releases, ...namespaces, ...manifests, ...labels].map((r) => pulumiName(r.path)).sort(),
  );

  for (const r of releases) {
    const t = twin(r);
    expect(t.type).toBe('kubernetes:helm.sh/v3:Release');
    const b = r.body as {
      name: string;
      chart: string;
      repository: string;
      version: string;
      values: string[];
    };
    const oci = b.repository.startsWith('oci://');
    expect(t.inputs).toMatchObject({
      name: b.name,
      version: b.version,
      chart: oci ? `${b.repository}/${b.chart}` : b.chart,
      namespace: namespaceOf.get(/^\$\{(\S+)\.metadata\[0\]\.name\}$/.exec(r.body.namespace as string)![1]),
    });
    expect(t.inputs.repositoryOpts).toEqual(oci ? undefined : { repo: b.repository });
    expect(t.inputs.values).toEqual(parse(b.values[0]));
  }
  const releaseNames = releases.map((r) => pulumiName(r.path)).sort();
  /** `kubernetes_namespace_v1.<logical id>` (a `depends_on` entry) as the Pulumi name of the namespace. */
  const pathOf = logicalIds(tf);
  const pulumiNameOf = (ref: string) => pulumiName(pathOf.get(ref)!);
  for (const r of manifests) {
    const t = twin(r);
    const manifest = r.body.manifest as {
      apiVersion: string;
      kind: string;
      metadata: { namespace?: string };
    };
    expect(t.type).toBe(`kubernetes:${manifest.apiVersion}:${manifest.kind}`);
    expect(t.inputs).toEqual(manifest);
    // Terraform applies the objects of built-in kinds in the platform stack after their namespace
    // (depends_on), the custom resources in a stack after the releases and namespaces; Pulumi
    // orders the same through dependsOn.
    const ns = manifest.metadata.namespace ? [`${clusterPath}/namespace-${manifest.metadata.namespace}`] : [];
    if (r.path.split('/')[0].endsWith('-platform')) {
      expect([r.path, (r.body.depends_on as string[] | undefined)?.map(pulumiNameOf)]).toEqual([
        r.path,
        ns.length > 0 ? ns : undefined,
      ]);
      expect([r.path, [...t.dependsOn]]).toEqual([r.path, ns]);
    } else {
      expect(r.body.depends_on).toBeUndefined();
      expect([...t.dependsOn].sort()).toEqual([...releaseNames, ...ns].sort());
    }
  }
  for (const r of namespaces) {
    const t = twin(r);
    expect([t.type, t.inputs.metadata]).toEqual(['kubernetes:core/v1:Namespace', r.body.metadata]);
  }
  for (const r of labels) {
    const t = twin(r);
    const b = r.body as { api_version: string; kind: string; metadata: { name: string }; labels: Json };
    expect(t.type).toBe('kubernetes:core/v1:NodePatch');
    expect(t.inputs).toEqual({
      apiVersion: b.api_version,
      kind: b.kind,
      metadata: { name: b.metadata.name, labels: b.labels },
    });
  }
}

/** `urn::id` of a provider, as resources reference it. */
async function providerRef(p: pulumi.ProviderResource): Promise<string> {
  return `${await value(p.urn)}::${await value(p.id)}`;
}

/** The B300 example with a second GPU Operator on Kapsule: K8S-006, an error. */
function secondGpuOperator(b: { stack: IConstruct }): void {
  new GpuOperator(b.stack.node.findChild('platform') as GpuCluster, 'gpu-operator');
}

describe('Pulumi adapter on the Scaleway B300 example', () => {
  test('every scaleway_* resource of the Terraform synth has its @pulumiverse/scaleway twin with the same inputs', async () => {
    await withApp(async (app, outdir) => {
      buildScalewayB300(app);
      const design = deploy(app);
      await settle(design);
      const tf = synthesize(app, outdir, 'scaleway-b300');
      expectSameScaleway(tf);
      // What the comparison covers, spelled out for the B300 pool and VMs.
      const pool = registered.find((r) => r.type === 'scaleway:kubernetes/pool:Pool')!;
      expect(pool.inputs).toMatchObject({
        nodeType: 'B300-SXM-8-288G',
        zone: 'fr-par-2',
        size: 1,
        autoscaling: true,
        minSize: 1,
        maxSize: 8,
        rootVolumeType: 'sbs_5k',
        rootVolumeSizeInGb: 500,
        labels: {
          'aifactory.io/system': 'b300-sxm-8-288g',
          'aifactory.io/pool': 'b300',
          'aifactory.io/gpu': 'b300',
        },
        taints: [{ key: 'nvidia.com/gpu', value: 'present', effect: 'NoSchedule' }],
        clusterId: 'scaleway-b300/training/cluster-id',
      });
      expect(registered.find((r) => r.type === 'scaleway:kubernetes/cluster:Cluster')!.inputs).toMatchObject({
        version: '1.34',
        cni: 'cilium',
        deleteAdditionalResources: false,
        privateNetworkId: 'scaleway-b300/gpu-network/private-network-id',
      });
      expect(
        registered.filter((r) => r.type === 'scaleway:instance/server:Server').map((r) => r.inputs),
      ).toEqual(
        ['01', '02'].map((n) => ({
          name: `research-vms-${n}`,
          type: 'B300-SXM-8-288G',
          zone: 'fr-par-2',
          image: 'ubuntu_noble_gpu_os_12',
          rootVolume: { volumeType: 'sbs_volume', sizeInGb: 500 },
          placementGroupId: 'scaleway-b300/research-vms/placement-group-id',
          privateNetworks: [{ pnId: 'scaleway-b300/gpu-network/private-network-id' }],
          enableDynamicIp: false,
        })),
      );
      expect(
        registered.find((r) => r.type === 'scaleway:instance/placementGroup:PlacementGroup')!.inputs,
      ).toMatchObject({ policyType: 'low_latency', policyMode: 'enforced' });
    });
  });

  test("Kueue and its tenants go through the Kapsule cluster's kubeconfig; Kapsule's GPU Operator stays", async () => {
    await withApp(async (app, outdir) => {
      buildScalewayB300(app);
      const design = deploy(app);
      await settle(design);
      const platform = design.platforms.training;
      const provider = registered.find((r) => r.type === 'pulumi:providers:kubernetes')!;
      expect(provider.name).toBe('scaleway-b300/platform/kubernetes');
      // The cluster's kubeconfig, and a secret on its way to the engine.
      expect(provider.inputs.kubeconfig).toEqual({
        [pulumi.runtime.specialSigKey]: pulumi.runtime.specialSecretSig,
        value: KUBECONFIG,
      });
      // After the cluster (its kubeconfig) and its pools (nodes for the releases to run on).
      expect([...provider.dependsOn].sort()).toEqual([
        'scaleway-b300/training/cluster',
        'scaleway-b300/training/pool-b300/pool',
      ]);
      expect(Object.keys(platform.releases)).toEqual(['kueue']);
      const tf = synthesize(app, outdir, 'scaleway-b300');
      expectSamePlatform(tf, await providerRef(platform.provider!), 'scaleway-b300/platform');
      const kueue = registered.find((r) => r.type === 'kubernetes:helm.sh/v3:Release')!;
      expect(kueue.inputs).toMatchObject({
        chart: 'oci://registry.k8s.io/kueue/charts/kueue',
        version: '0.19.2',
      });
      expect(
        registered
          .filter((r) => r.type.startsWith('kubernetes:kueue.x-k8s.io/'))
          .map((r) => r.type.split(':')[2])
          .sort(),
      ).toEqual(['ClusterQueue', 'ClusterQueue', 'LocalQueue', 'LocalQueue', 'ResourceFlavor', 'Topology']);
    });
  });

  test('error findings: throws what `aifactory check` prints, before any resource is registered', async () => {
    const tree = new RootConstruct();
    secondGpuOperator(buildScalewayB300(tree));
    let thrown: unknown;
    try {
      deploy(tree);
    } catch (e) {
      thrown = e;
    }
    await new Promise((r) => setTimeout(r, 50));
    expect(registered).toEqual([]);
    expect(thrown).toBeInstanceOf(DesignFindingsError);
    const e = evaluate(tree);
    expect((thrown as Error).message).toBe(summaryText(e) + findingsText(e));
    expect((thrown as Error).message).toMatch(/^ERROR {3}K8S-006 scaleway-b300\/platform: /m);

    // The same design as an app file, through the command line in this process.
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'aifactory-pulumi-app-'));
    try {
      const file = path.join(dir, 'main.ts');
      fs.writeFileSync(
        file,
        [
          `import { AiFactoryApp } from ${JSON.stringify(path.join(root, 'stacks'))};`,
          `import { GpuCluster, GpuOperator } from ${JSON.stringify(path.join(root, 'constructs'))};`,
          `import { buildScalewayB300 } from ${JSON.stringify(path.join(root, 'examples/scaleway-b300/cloud'))};`,
          'const app = new AiFactoryApp();',
          'const b = buildScalewayB300(app);',
          "new GpuOperator(b.stack.node.findChild('platform') as GpuCluster, 'gpu-operator');",
          'app.synth();',
        ].join('\n'),
      );
      let stdout = '';
      // `run` may return the code or a promise of it.
      const code = await run(['check', file], { stdout: (t) => (stdout += t), stderr: () => undefined });
      expect(code).toBe(1);
      expect((thrown as Error).message).toBe(stdout);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  test('examples/pulumi-scaleway-b300 declares the same resources and exports the kubeconfig as a secret', async () => {
    const names = await withApp(async (app) => {
      buildScalewayB300(app);
      await settle(deploy(app));
      return registered.map((r) => `${r.type} ${r.name}`).sort();
    });
    registered.length = 0;
    // The program runs on import, against the same mocks.
    const program = await import('../examples/pulumi-scaleway-b300');
    expect(await value(program.clusterId)).toBe('scaleway-b300/training/cluster-id');
    expect(await pulumi.isSecret(program.kubeconfig)).toBe(true);
    expect(program.cloudGpus).toMatchObject({ gpusMin: 8 + 16, gpusMax: 64 + 16 });
    await new Promise((r) => setTimeout(r, 50));
    expect(registered.map((r) => `${r.type} ${r.name}`).sort()).toEqual(names);
  });
});

describe('Pulumi adapter on racks: all four operators, delivered directly', () => {
  const twoRacks = (stack: IConstruct) => {
    const site = buildEssonneSite(stack as PhysicalStack, {
      racks: 2,
      gridConnectionMw: 1,
      cooling: 'design-pue',
    });
    const cluster = new GpuCluster(stack as PhysicalStack, 'cluster', {
      name: 'lab-gpu',
      racks: [site],
      delivery: Delivery.terraform(),
    });
    new GpuOperator(cluster, 'gpu-operator');
    new NetworkOperator(cluster, 'network-operator');
    new DraDriver(cluster, 'dra-driver');
    new Tenant(new Kueue(cluster, 'kueue'), 'team-a', { gpuQuota: 72 });
  };

  test('releases, ComputeDomains, NicClusterPolicy, queues and node labels equal the Terraform delivery', async () => {
    await withApp(async (app, outdir) => {
      twoRacks(new PhysicalStack(app, 'lab'));
      const design = deploy(app);
      await settle(design);
      const tf = synthesize(app, outdir, 'lab');
      // No provider given, no Kapsule: the ambient provider, as Terraform falls back to the environment.
      expectSamePlatform(tf, undefined, 'lab/cluster');
      const platform = design.platforms['lab-gpu'];
      expect(Object.keys(platform.releases)).toEqual([
        'gpu-operator',
        'network-operator',
        'dra-driver-nvidia-gpu',
        'kueue',
      ]);
      expect(Object.keys(platform.nodeLabels)).toHaveLength(2 * 18);
      const kinds = registered.filter((r) => r.type.startsWith('kubernetes:')).map((r) => r.type);
      expect(kinds.filter((k) => k.endsWith(':ComputeDomain'))).toHaveLength(2);
      expect(kinds.filter((k) => k.endsWith(':NicClusterPolicy'))).toHaveLength(1);
      const gpuOperator = registered.find((r) => r.name === 'lab/cluster/release-gpu-operator')!;
      expect(gpuOperator.inputs).toMatchObject({
        chart: 'gpu-operator',
        repositoryOpts: { repo: 'https://helm.ngc.nvidia.com/nvidia' },
        version: 'v26.7.0',
        values: { driver: { version: '595.91.07', kernelModuleType: 'open' } },
      });
      expect(registered.some((r) => r.type.startsWith('scaleway:'))).toBe(false);
    });
  });

  test('a provider given by cluster name carries every resource; unknown names and GitOps clusters are refused', async () => {
    const tree = new RootConstruct();
    twoRacks(tree);
    const provider = new KubernetesProvider('lab-gpu', { kubeconfig: 'given' });
    const design = deploy(tree, { kubernetesProviders: { 'lab-gpu': provider } });
    await settle(design);
    const ref = await providerRef(provider);
    const k8s = registered.filter((r) => r.type.startsWith('kubernetes:'));
    expect(k8s.length).toBeGreaterThan(40);
    expect(k8s.every((r) => r.provider === ref)).toBe(true);
    registered.length = 0;

    expect(() => deploy(tree, { kubernetesProviders: { 'lab-cpu': provider } })).toThrow(
      "kubernetesProviders: no GPU cluster named 'lab-cpu' (clusters: lab-gpu)",
    );
    const gitops = new RootConstruct();
    new Kueue(
      new GpuCluster(gitops, 'cluster', {
        name: 'essonne-ai',
        racks: [buildEssonneSite(gitops, { racks: 2, gridConnectionMw: 1, cooling: 'design-pue' })],
        delivery: Delivery.gitops({ repoUrl: 'https://git.example.org/platform/essonne-ai.git' }),
      }),
      'kueue',
    );
    expect(() => deploy(gitops, { kubernetesProviders: { 'essonne-ai': provider } })).toThrow(
      "cluster: kubernetesProviders: cluster 'essonne-ai' is delivered by GitOps (Argo CD or Flux), not by the program",
    );
    // Without a provider, a GitOps cluster is left to Argo CD or Flux: nothing declared.
    const left = deploy(gitops);
    expect(left.platforms).toEqual({});
    await new Promise((r) => setTimeout(r, 50));
    expect(registered).toEqual([]);
  });

  test('two clusters cannot share the ambient provider', () => {
    const tree = new RootConstruct();
    const site = buildEssonneSite(tree, { racks: 2, gridConnectionMw: 1, cooling: 'design-pue' });
    for (const name of ['a', 'b'])
      new GpuCluster(tree, name, { racks: [site], delivery: Delivery.terraform() });
    expect(() => deploy(tree)).toThrow(
      'GPU clusters a, b would all use the ambient Kubernetes provider: give kubernetesProviders for all but one',
    );
    expect(registered).toEqual([]);
  });
});

describe('Pulumi adapter: Scaleway provider, buckets, public IPs', () => {
  test('an explicit Scaleway provider on every resource; bucket versioning and routed IPs as in Terraform', async () => {
    await withApp(async (app, outdir) => {
      const stack = new CloudStack(app, 'cloud', { region: 'fr-par', zone: 'fr-par-2' });
      new ScalewayObjectBucket(stack, 'data', { bucketName: 'acme-datasets', versioning: false });
      const k = new ScalewayGpuCluster(stack, 'k', {
        version: '1.34',
        controlPlaneType: 'kapsule-dedicated-8',
      });
      k.addPool({
        name: 'l40s',
        nodeType: 'L40S-1-48G',
        size: 2,
        autohealing: false,
        publicIpDisabled: true,
      });
      new ScalewayGpuInstances(stack, 'vms', {
        instanceType: 'H100-1-80G',
        count: 1,
        zone: 'fr-par-2',
        enablePublicIp: true,
        namePrefix: 'h100',
      });
      const provider = new ScalewayProvider('scw', { region: 'fr-par' });
      const design = deploy(app, { scalewayProvider: provider });
      await settle(design);
      expectSameScaleway(synthesize(app, outdir, 'cloud'));
      const ref = await providerRef(provider);
      const scw = registered.filter((r) => r.type.startsWith('scaleway:'));
      expect(scw.map((r) => r.type.split(':')[1]).sort()).toEqual([
        'instance/ip',
        'instance/placementGroup',
        'instance/server',
        'kubernetes/cluster',
        'kubernetes/pool',
        'network/privateNetwork',
        'network/privateNetwork',
        'network/vpc',
        'network/vpc',
        'object/bucket',
      ]);
      expect(scw.every((r) => r.provider === ref)).toBe(true);
      expect(scw.find((r) => r.type.endsWith(':Bucket'))!.inputs.versioning).toEqual({ enabled: false });
      expect(scw.find((r) => r.type.endsWith(':Server'))!.inputs.ipIds).toEqual(['cloud/vms/ip-01-id']);
      expect(scw.find((r) => r.type.endsWith(':Pool'))!.inputs).toMatchObject({
        autohealing: false,
        publicIpDisabled: true,
      });
    });
  });
});

describe('Pulumi adapter: optional peer dependencies', () => {
  /** Whether deploying the design loads `@pulumiverse/scaleway`, with the library in a fresh module registry. */
  async function loadsScaleway(example: 'scaleway-b300' | 'racks'): Promise<boolean> {
    let loaded = false;
    let design: DeployedDesign | undefined;
    jest.isolateModules(() => {
      jest.doMock('@pulumiverse/scaleway/kubernetes', () => {
        loaded = true;
        return jest.requireActual('@pulumiverse/scaleway/kubernetes');
      });
      /* eslint-disable @typescript-eslint/no-require-imports -- the adapter and the constructs of that registry */
      const adapter: typeof import('../pulumi') = require('../pulumi');
      const tree = new RootConstruct();
      if (example === 'scaleway-b300') {
        (
          require('../examples/scaleway-b300/cloud') as typeof import('../examples/scaleway-b300/cloud')
        ).buildScalewayB300(tree);
      } else {
        const k8s: typeof import('../constructs/kubernetes') = require('../constructs/kubernetes');
        const site = (
          require('../examples/essonne-44mw/site') as typeof import('../examples/essonne-44mw/site')
        ).buildEssonneSite(tree, { racks: 1, gridConnectionMw: 1, cooling: 'design-pue' });
        new k8s.Kueue(
          new k8s.GpuCluster(tree, 'cluster', { racks: [site], delivery: k8s.Delivery.terraform() }),
          'kueue',
        );
      }
      /* eslint-enable @typescript-eslint/no-require-imports */
      design = adapter.deploy(tree);
    });
    jest.dontMock('@pulumiverse/scaleway/kubernetes');
    await settle(design!);
    return loaded;
  }

  test('@pulumiverse/scaleway loads only for a design with Scaleway resources', async () => {
    expect(await loadsScaleway('racks')).toBe(false);
    expect(registered.some((r) => r.type === 'kubernetes:helm.sh/v3:Release')).toBe(true);
    expect(await loadsScaleway('scaleway-b300')).toBe(true);
  });
});
