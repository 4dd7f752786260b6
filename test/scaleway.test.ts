// Scaleway GPU cloud: catalog, constructs (checked against the committed provider schema),
// the cloud model, the scaleway and residency packs, secrets, and the B300 example.
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { Construct, IConstruct, RootConstruct } from 'constructs';
import { TerraformOutput, TerraformStack, Testing } from 'cdktf';
import {
  Residency,
  ScalewayAccount,
  ScalewayGpuCluster,
  ScalewayGpuInstances,
  ScalewayGpuInstancesProps,
  ScalewayGpuPoolProps,
  ScalewayGpuType,
  ScalewayObjectBucket,
  ScalewayPrivateNetwork,
  ScalewayStateBackend,
} from '../constructs/scaleway';
import { buildScalewayB300 } from '../examples/scaleway-b300/cloud';
import { AiFactoryApp } from '../stacks';
import { CloudStack } from '../stacks/cloud-stack';
import { analyze } from '../src/analysis/analysis';
import { HOST_OVERHEAD_FACTOR } from '../src/catalog/scaleway-gpu-types';
import {
  SCALEWAY_REGIONS,
  SCALEWAY_ZONES,
  scalewayRegion,
  scalewayZone,
} from '../src/catalog/scaleway-locations';
import { buildCloud, CloudModel, EMPTY_CLOUD } from '../src/model/cloud';
import { buildDesign } from '../src/model/design';
import { buildPlant } from '../src/model/plant';
import { CloudRule } from '../src/policy/cloud-rule';
import { runRules } from '../src/policy/engine';
import { Rule } from '../src/policy/rule';
import { RESIDENCY_PACK } from '../src/policy/rules/residency';
import { RES_001 } from '../src/policy/rules/residency/RES-001';
import { SCALEWAY_PACK } from '../src/policy/rules/scaleway';
import { SCW_001 } from '../src/policy/rules/scaleway/SCW-001';
import { SCW_002 } from '../src/policy/rules/scaleway/SCW-002';
import { SCW_003 } from '../src/policy/rules/scaleway/SCW-003';
import { SCW_004 } from '../src/policy/rules/scaleway/SCW-004';
import { suppress } from '../src/policy/suppressions';
import {
  Json,
  META_ARGUMENTS,
  missingRequired,
  providerSchema,
  typeErrors,
  unknownKeys,
} from './fixtures/schema-check';

const schema = providerSchema('scaleway', 'registry.terraform.io/scaleway/scaleway');
type Resources = Record<string, Record<string, Json>>;

function synthJson(stack: TerraformStack): Json {
  return JSON.parse(Testing.synth(stack)) as Json;
}
const resourcesOf = (out: Json) => out.resource as Resources;
const only = (out: Json, type: string): Json => {
  const all = Object.values(resourcesOf(out)[type] ?? {});
  expect(all).toHaveLength(1);
  return all[0]!;
};

/** A stack with the provider, as an app would hold GPU capacity. */
function cloudStack(id = 'cloud') {
  const app = Testing.app();
  const stack = new TerraformStack(app, id);
  new ScalewayAccount(stack, 'scaleway', { region: 'fr-par', zone: 'fr-par-2' });
  return { app, stack };
}

/** Findings of a cloud rule as [path, measured, limit, unit]. */
const violations = (rule: CloudRule, cloud: CloudModel) =>
  rule.check(cloud).map((v) => [v.path, v.measured, v.limit, v.unit]);

const b300 = (scope: Construct, id: string, props: Partial<ScalewayGpuInstancesProps> = {}) =>
  new ScalewayGpuInstances(scope, id, {
    instanceType: 'B300-SXM-8-288G',
    count: 2,
    zone: 'fr-par-2',
    ...props,
  });

const cluster = (scope: Construct, id: string, region = 'fr-par', version = '1.34') =>
  new ScalewayGpuCluster(scope, id, { version, region });

const errorOf = (f: () => unknown): string => {
  try {
    f();
  } catch (e) {
    return (e as Error).message;
  }
  throw new Error('expected a DesignError');
};

describe('catalog: Scaleway GPU types and locations (DESIGN §3, July 2026)', () => {
  test('every type with its GPUs, vCPU, RAM and zones', () => {
    const rows = ScalewayGpuType.list().map((t) => [
      t.id,
      t.spec.gpus,
      t.spec.vcpus,
      t.spec.ramGib,
      t.spec.zones.join(' '),
    ]);
    expect(rows).toEqual([
      ['B300-SXM-2-288G', 2, 56, 960, 'fr-par-2'],
      ['B300-SXM-8-288G', 8, 224, 3840, 'fr-par-2'],
      ['H100-SXM-2-80G', 2, 32, 240, 'fr-par-2'],
      ['H100-SXM-4-80G', 4, 64, 480, 'fr-par-2'],
      ['H100-SXM-8-80G', 8, 128, 960, 'fr-par-2'],
      ['H100-1-80G', 1, 24, 240, 'fr-par-2 pl-waw-2'],
      ['H100-2-80G', 2, 48, 480, 'fr-par-2 pl-waw-2'],
      ['L40S-1-48G', 1, 8, 96, 'fr-par-2 pl-waw-2'],
      ['L40S-2-48G', 2, 16, 192, 'fr-par-2 pl-waw-2'],
      ['L40S-4-48G', 4, 32, 384, 'fr-par-2 pl-waw-2'],
      ['L40S-8-48G', 8, 64, 768, 'fr-par-2 pl-waw-2'],
      ['L4-1-24G', 1, 8, 48, 'fr-par-2 pl-waw-2'],
      ['L4-2-24G', 2, 16, 96, 'fr-par-2 pl-waw-2'],
      ['L4-4-24G', 4, 32, 192, 'fr-par-2 pl-waw-2'],
      ['L4-8-24G', 8, 64, 384, 'fr-par-2 pl-waw-2'],
    ]);
    expect(ScalewayGpuType.B300_SXM_8_288G.spec.gpuMemoryGb).toBe(288);
  });

  test('estimated power: GPU TDP x count x 1.25, marked as an estimate, with sources and dates', () => {
    const kw = (t: ScalewayGpuType) => t.spec.estimatedPowerKw;
    expect(HOST_OVERHEAD_FACTOR).toBe(1.25);
    expect(kw(ScalewayGpuType.B300_SXM_8_288G)).toBe(14); // 8 x 1,400 W x 1.25
    expect(kw(ScalewayGpuType.B300_SXM_2_288G)).toBe(3.5);
    expect(kw(ScalewayGpuType.H100_SXM_8_80G)).toBe(7); // 8 x 700 W x 1.25
    expect(kw(ScalewayGpuType.H100_1_80G)).toBe(0.438); // 350 W x 1.25
    expect(kw(ScalewayGpuType.L40S_4_48G)).toBe(1.75); // 4 x 350 W x 1.25
    expect(kw(ScalewayGpuType.L4_1_24G)).toBe(0.09); // 72 W x 1.25
    for (const t of ScalewayGpuType.list()) {
      expect(t.spec.powerEstimate).toMatch(/^estimate, not a Scaleway figure: /);
      expect(t.spec.sources[0]).toMatchObject({
        title: 'Scaleway API recordings of July 2026 (DESIGN.md §3)',
        read: '2026-11-24',
      });
      expect(t.spec.sources[1]!.note).toMatch(/\d+ W/);
    }
    expect(ScalewayGpuType.B300_SXM_8_288G.spec.powerEstimate).toContain('8 GPU x 1400 W TDP x 1.25');
  });

  test('regions and zones with their country and jurisdiction', () => {
    expect(SCALEWAY_REGIONS.map((r) => [r.id, r.country, r.jurisdiction])).toEqual([
      ['fr-par', 'FR', 'EU'],
      ['nl-ams', 'NL', 'EU'],
      ['pl-waw', 'PL', 'EU'],
    ]);
    expect(SCALEWAY_ZONES.map((z) => z.id)).toEqual([
      'fr-par-1',
      'fr-par-2',
      'fr-par-3',
      'nl-ams-1',
      'nl-ams-2',
      'nl-ams-3',
      'pl-waw-1',
      'pl-waw-2',
      'pl-waw-3',
    ]);
    expect(scalewayZone('pl-waw-2')).toEqual({
      id: 'pl-waw-2',
      region: 'pl-waw',
      country: 'PL',
      jurisdiction: 'EU',
    });
  });

  test('an unknown type, zone or region is a construction error that lists the known ones', () => {
    const { stack } = cloudStack();
    expect(errorOf(() => b300(stack, 'a', { instanceType: 'B300-SXM-16-288G' }))).toBe(
      "cloud/a: unknown Scaleway GPU instance type 'B300-SXM-16-288G'; known: " +
        ScalewayGpuType.list()
          .map((t) => t.id)
          .join(', '),
    );
    expect(errorOf(() => b300(stack, 'b', { zone: 'fr-par-4' }))).toBe(
      "cloud/b: unknown Scaleway zone 'fr-par-4'; known: fr-par-1, fr-par-2, fr-par-3, nl-ams-1, nl-ams-2, nl-ams-3, pl-waw-1, pl-waw-2, pl-waw-3",
    );
    expect(errorOf(() => cluster(stack, 'c', 'de-fra'))).toBe(
      "cloud/c: unknown Scaleway region 'de-fra'; known: fr-par, nl-ams, pl-waw",
    );
    const k = cluster(stack, 'k');
    expect(errorOf(() => k.addPool({ name: 'gpu', nodeType: 'A100-80G', size: 1 }))).toMatch(
      /^cloud\/k\/pool-gpu: unknown Scaleway GPU instance type 'A100-80G'; known: B300-SXM-2-288G, .*, L4-8-24G$/,
    );
    expect(() => scalewayRegion('fr-par')).not.toThrow();
  });
});

describe('ScalewayGpuInstances', () => {
  test('two B300 instances: Block Storage root, private network, enforced low_latency placement group, no public IP', () => {
    const { stack } = cloudStack();
    b300(stack, 'vms');
    const out = synthJson(stack);
    const servers = Object.values(resourcesOf(out).scaleway_instance_server!);
    const pg = only(out, 'scaleway_instance_placement_group');
    const pnKey = Object.keys(resourcesOf(out).scaleway_vpc_private_network!)[0];
    const pgKey = Object.keys(resourcesOf(out).scaleway_instance_placement_group!)[0];
    expect(pg).toMatchObject({
      policy_type: 'low_latency',
      policy_mode: 'enforced',
      zone: 'fr-par-2',
      name: 'vms',
    });
    expect(servers.map((s) => s.name)).toEqual(['vms-01', 'vms-02']);
    for (const s of servers) {
      expect(s).toMatchObject({
        type: 'B300-SXM-8-288G',
        zone: 'fr-par-2',
        image: 'ubuntu_noble_gpu_os_12',
        enable_dynamic_ip: false,
        root_volume: { volume_type: 'sbs_volume', size_in_gb: 500 },
        private_network: [{ pn_id: `\${scaleway_vpc_private_network.${pnKey}.id}` }],
        placement_group_id: `\${scaleway_instance_placement_group.${pgKey}.id}`,
      });
      expect(s).not.toHaveProperty('ip_ids');
      expect(s).not.toHaveProperty('ip_id');
    }
    expect(resourcesOf(out).scaleway_instance_ip).toBeUndefined();
    // the default private network stands in the zone's region
    expect(only(out, 'scaleway_vpc_private_network').region).toBe('fr-par');
  });

  test('enablePublicIp: one routed IPv4 per instance; image and root size overridable', () => {
    const { stack } = cloudStack();
    b300(stack, 'vms', {
      count: 3,
      enablePublicIp: true,
      image: 'ubuntu_jammy_gpu_os_12',
      rootVolumeSizeGb: 1000,
    });
    const out = synthJson(stack);
    const ips = resourcesOf(out).scaleway_instance_ip!;
    expect(Object.values(ips)).toEqual([
      { type: 'routed_ipv4', zone: 'fr-par-2' },
      { type: 'routed_ipv4', zone: 'fr-par-2' },
      { type: 'routed_ipv4', zone: 'fr-par-2' },
    ]);
    const servers = Object.values(resourcesOf(out).scaleway_instance_server!);
    expect(servers.map((s) => s.ip_ids)).toEqual(
      Object.keys(ips).map((k) => [`\${scaleway_instance_ip.${k}.id}`]),
    );
    expect(servers.map((s) => [s.image, (s.root_volume as Json).size_in_gb])).toEqual([
      ['ubuntu_jammy_gpu_os_12', 1000],
      ['ubuntu_jammy_gpu_os_12', 1000],
      ['ubuntu_jammy_gpu_os_12', 1000],
    ]);
  });

  test('construction errors name the path: count, zone outside the network region', () => {
    const { stack } = cloudStack();
    expect(errorOf(() => b300(stack, 'a', { count: 0 }))).toBe(
      'cloud/a: count must be a whole number >= 1, got 0',
    );
    const pn = new ScalewayPrivateNetwork(stack, 'pn', { region: 'pl-waw' });
    expect(errorOf(() => b300(stack, 'b', { privateNetwork: pn }))).toBe(
      'cloud/b: zone fr-par-2 is in region fr-par, but private network cloud/pn is in pl-waw',
    );
  });
});

describe('ScalewayGpuCluster', () => {
  test('Kapsule: version, cilium, private network, delete_additional_resources = false; fixed and autoscaling pools', () => {
    const { stack } = cloudStack();
    const k = cluster(stack, 'training');
    const fixed = k.addPool({ name: 'l40s', nodeType: ScalewayGpuType.L40S_4_48G, size: 2 });
    k.addPool({
      name: 'b300',
      nodeType: 'B300-SXM-8-288G',
      autoscaling: { min: 0, max: 8 },
      labels: { team: 'research' },
      taints: [{ key: 'nvidia.com/gpu', value: 'present', effect: 'NoSchedule' }],
    });
    const out = synthJson(stack);
    const clusterKey = Object.keys(resourcesOf(out).scaleway_k8s_cluster!)[0];
    const pnKey = Object.keys(resourcesOf(out).scaleway_vpc_private_network!)[0];
    expect(only(out, 'scaleway_k8s_cluster')).toEqual({
      name: 'training',
      version: '1.34',
      cni: 'cilium',
      region: 'fr-par',
      private_network_id: `\${scaleway_vpc_private_network.${pnKey}.id}`,
      delete_additional_resources: false,
    });
    // resources are written sorted by their logical id: pool-b300 before pool-l40s
    const pools = Object.values(resourcesOf(out).scaleway_k8s_pool!);
    const common = {
      cluster_id: `\${scaleway_k8s_cluster.${clusterKey}.id}`,
      region: 'fr-par',
      zone: 'fr-par-2', // the first zone of fr-par offering the type
      autohealing: true,
      container_runtime: 'containerd',
      root_volume_type: 'sbs_5k',
      root_volume_size_in_gb: 500,
      public_ip_disabled: false,
    };
    expect(pools).toEqual([
      {
        ...common,
        name: 'b300',
        node_type: 'B300-SXM-8-288G',
        autoscaling: true,
        min_size: 0,
        max_size: 8,
        size: 1,
        // The layout labels the Kubernetes platform selects on, then the user's.
        labels: { 'aifactory.io/system': 'b300-sxm-8-288g', 'aifactory.io/pool': 'b300', team: 'research' },
        taints: [{ key: 'nvidia.com/gpu', value: 'present', effect: 'NoSchedule' }],
      },
      {
        ...common,
        name: 'l40s',
        node_type: 'L40S-4-48G',
        size: 2,
        autoscaling: false,
        labels: { 'aifactory.io/system': 'l40s-4-48g', 'aifactory.io/pool': 'l40s' },
      },
    ]);
    expect(k.pools).toEqual([fixed, k.pools[1]]);
    expect(k.managedGpuOperator).toBe(true);
  });

  test('platformTarget: kubeconfig references (sensitive), PEM decoded, managed GPU Operator', () => {
    const { stack } = cloudStack();
    const k = cluster(stack, 'training');
    k.addPool({ name: 'b300', nodeType: 'B300-SXM-8-288G', size: 1 });
    const t = k.platformTarget;
    new TerraformOutput(stack, 'host', { value: t.host });
    new TerraformOutput(stack, 'token', { value: t.token, sensitive: true });
    new TerraformOutput(stack, 'ca', { value: t.clusterCaCertificate, sensitive: true });
    const out = synthJson(stack);
    const key = Object.keys(resourcesOf(out).scaleway_k8s_cluster!)[0];
    const outputs = out.output as Record<string, Json>;
    expect(outputs.host).toEqual({ value: `\${scaleway_k8s_cluster.${key}.kubeconfig[0].host}` });
    expect(outputs.token).toEqual({
      value: `\${scaleway_k8s_cluster.${key}.kubeconfig[0].token}`,
      sensitive: true,
    });
    expect(outputs.ca).toEqual({
      value: `\${base64decode(scaleway_k8s_cluster.${key}.kubeconfig[0].cluster_ca_certificate)}`,
      sensitive: true,
    });
    expect(schema.resource_schemas.scaleway_k8s_cluster!.block.attributes!.kubeconfig!.sensitive).toBe(true);
    expect([t.managedGpuOperator, t.clusterName, t.region, t.pools.map((p) => p.poolName)]).toEqual([
      true,
      'training',
      'fr-par',
      ['b300'],
    ]);
  });

  test('construction errors: zone outside the cluster region, network elsewhere, duplicate pool, bad taint', () => {
    const { stack } = cloudStack();
    const k = cluster(stack, 'k');
    expect(errorOf(() => k.addPool({ name: 'a', nodeType: 'L4-1-24G', size: 1, zone: 'pl-waw-2' }))).toBe(
      'cloud/k/pool-a: zone pl-waw-2 is in region pl-waw, but the cluster is in fr-par',
    );
    k.addPool({ name: 'b', nodeType: 'L4-1-24G', size: 1 });
    expect(errorOf(() => k.addPool({ name: 'b', nodeType: 'L4-1-24G', size: 1 }))).toBe(
      "cloud/k: pool name 'b' is already used in this cluster",
    );
    const badTaint = {
      name: 'c',
      nodeType: 'L4-1-24G',
      size: 1,
      taints: [{ key: 'x', value: 'y', effect: 'Never' }],
    };
    expect(errorOf(() => k.addPool(badTaint as unknown as ScalewayGpuPoolProps))).toMatch(
      /^cloud\/k\/pool-c: taint .* needs a key, a value and an effect \(NoSchedule, PreferNoSchedule, NoExecute\)$/,
    );
    expect(
      errorOf(() => k.addPool({ name: 'd', nodeType: 'L4-1-24G' } as unknown as ScalewayGpuPoolProps)),
    ).toBe('cloud/k/pool-d: a pool needs a size or autoscaling bounds');
    const pn = new ScalewayPrivateNetwork(stack, 'pn', { region: 'nl-ams' });
    expect(errorOf(() => new ScalewayGpuCluster(stack, 'k2', { version: '1.34', privateNetwork: pn }))).toBe(
      'cloud/k2: the cluster is in region fr-par, but private network cloud/pn is in nl-ams',
    );
  });
});

describe('provider, state backend, bucket', () => {
  test('credentials from the environment: the provider block holds only region and zone', () => {
    const { stack } = cloudStack();
    expect((synthJson(stack).provider as Record<string, Json[]>).scaleway).toEqual([
      { region: 'fr-par', zone: 'fr-par-2' },
    ]);
  });

  test('credentials from sensitive variables, without defaults', () => {
    const app = Testing.app();
    const stack = new TerraformStack(app, 'vars');
    new ScalewayAccount(stack, 'scaleway', { credentials: 'variables' });
    const out = synthJson(stack);
    const variables = out.variable as Record<string, Json>;
    expect(Object.keys(variables).sort()).toEqual(['scw_access_key', 'scw_project_id', 'scw_secret_key']);
    for (const v of Object.values(variables)) {
      expect(v).toMatchObject({ type: 'string', sensitive: true, nullable: false });
      expect(v).not.toHaveProperty('default');
    }
    expect((out.provider as Record<string, Json[]>).scaleway).toEqual([
      {
        region: 'fr-par',
        zone: 'fr-par-1',
        access_key: '${var.scw_access_key}',
        secret_key: '${var.scw_secret_key}',
        project_id: '${var.scw_project_id}',
      },
    ]);
  });

  test('zone of the provider outside its region is an error', () => {
    const { stack } = cloudStack();
    expect(errorOf(() => new ScalewayAccount(stack, 'x', { region: 'nl-ams', zone: 'fr-par-2' }))).toBe(
      'cloud/x: zone fr-par-2 is in region fr-par, not in nl-ams',
    );
  });

  test('S3 backend on Scaleway Object Storage, credentials left to the environment', () => {
    const { stack } = cloudStack('gpu');
    new ScalewayStateBackend(stack, 'state', { bucket: 'acme-tfstate', region: 'nl-ams' });
    const backend = ((synthJson(stack).terraform as Json).backend as Record<string, Json>).s3;
    expect(backend).toEqual({
      bucket: 'acme-tfstate',
      key: 'gpu.tfstate',
      region: 'nl-ams',
      endpoints: { s3: 'https://s3.nl-ams.scw.cloud' },
      skip_credentials_validation: true,
      skip_region_validation: true,
      skip_requesting_account_id: true,
      skip_metadata_api_check: true,
      skip_s3_checksum: true,
      use_path_style: true,
    });
  });

  test('a bucket is versioned by default and located for the residency checks', () => {
    const { stack } = cloudStack();
    new ScalewayObjectBucket(stack, 'datasets', { bucketName: 'acme-datasets', region: 'pl-waw' });
    expect(only(synthJson(stack), 'scaleway_object_bucket')).toEqual({
      name: 'acme-datasets',
      region: 'pl-waw',
      versioning: { enabled: true },
    });
    expect(buildCloud(stack).resources.map((r) => [r.kind, r.region, r.country])).toEqual([
      ['cloud-bucket', 'pl-waw', 'PL'],
    ]);
  });
});

describe('everything emitted is in the Scaleway provider schema (names, types, required)', () => {
  const { stack } = cloudStack();
  new ScalewayAccount(stack, 'vars', { credentials: 'variables' });
  new ScalewayStateBackend(stack, 'state', { bucket: 'acme-tfstate' });
  new ScalewayObjectBucket(stack, 'bucket', { bucketName: 'acme-datasets' });
  const pn = new ScalewayPrivateNetwork(stack, 'pn', { ipv4Subnet: '172.16.0.0/22' });
  b300(stack, 'vms', { enablePublicIp: true, privateNetwork: pn });
  const k = new ScalewayGpuCluster(stack, 'k', {
    version: '1.34',
    privateNetwork: pn,
    controlPlaneType: 'kapsule-dedicated-8',
  });
  k.addPool({ name: 'fixed', nodeType: 'H100-SXM-8-80G', size: 2, rootVolumeType: 'sbs_15k' });
  k.addPool({
    name: 'auto',
    nodeType: 'B300-SXM-8-288G',
    autoscaling: { min: 1, max: 8 },
    labels: { a: 'b' },
    taints: [{ key: 'k', value: 'v', effect: 'NoExecute' }],
    publicIpDisabled: true,
  });
  const out = synthJson(stack);
  const cases = Object.entries(resourcesOf(out)).flatMap(([type, byName]) =>
    Object.entries(byName).map(([name, body]) => [type, name, body] as const),
  );

  test('every Scaleway resource type the constructs emit is under test', () => {
    expect([...new Set(cases.map(([type]) => type))].sort()).toEqual([
      'scaleway_instance_ip',
      'scaleway_instance_placement_group',
      'scaleway_instance_server',
      'scaleway_k8s_cluster',
      'scaleway_k8s_pool',
      'scaleway_object_bucket',
      'scaleway_vpc',
      'scaleway_vpc_private_network',
    ]);
  });

  test.each(cases)(
    '%s.%s: settable schema attributes of the right type, all required ones',
    (type, name, body) => {
      const block = schema.resource_schemas[type]!.block;
      expect(unknownKeys(body, block, `${type}.${name}`, META_ARGUMENTS)).toEqual([]);
      expect(missingRequired(body, block)).toEqual([]);
      expect(typeErrors(body, block, `${type}.${name}`)).toEqual([]);
    },
  );

  test('provider blocks: schema attributes of the right type', () => {
    for (const body of (out.provider as Record<string, Json[]>).scaleway!) {
      expect(unknownKeys(body, schema.provider.block, 'provider', new Set(['alias']))).toEqual([]);
      expect(typeErrors(body, schema.provider.block, 'provider')).toEqual([]);
    }
  });

  test('the type check catches wrong types, too many blocks and missing nested required attributes', () => {
    const block = schema.resource_schemas.scaleway_instance_server!.block;
    const body = {
      type: 'B300-SXM-8-288G',
      enable_dynamic_ip: 'no',
      tags: 'a',
      root_volume: [{ size_in_gb: '500' }, { size_in_gb: 1 }],
      private_network: [{ zone: 'fr-par-2' }],
      placement_group_id: '${scaleway_instance_placement_group.pg.id}',
    };
    expect(typeErrors(body, block, 's')).toEqual([
      's.enable_dynamic_ip: "no" is not "bool"',
      's.tags: "a" is not ["list","string"]',
      's.root_volume: 2 blocks, at most 1',
      's.root_volume.size_in_gb: "500" is not "number"',
    ]);
    expect(missingRequired(body, block)).toEqual(['private_network.pn_id']);
  });
});

describe('buildCloud: every cloud record, sorted by path', () => {
  test('locations, counts, bounds, volume types, version and estimated power', () => {
    const { stack } = cloudStack();
    const k = cluster(stack, 'k');
    k.addPool({ name: 'b300', nodeType: 'B300-SXM-8-288G', autoscaling: { min: 1, max: 8 } });
    b300(stack, 'a-vms', { rootVolumeSizeGb: 800 });
    const cloud = buildCloud(stack);
    expect(cloud.resources.map((r) => [r.path, r.kind])).toEqual([
      ['cloud/a-vms', 'cloud-instances'],
      ['cloud/a-vms/network', 'cloud-network'],
      ['cloud/k', 'cloud-cluster'],
      ['cloud/k/network', 'cloud-network'],
      ['cloud/k/pool-b300', 'cloud-pool'],
    ]);
    const [vms, , k8s, , pool] = cloud.resources;
    expect(vms).toMatchObject({
      instanceType: 'B300-SXM-8-288G',
      zone: 'fr-par-2',
      region: 'fr-par',
      country: 'FR',
      jurisdiction: 'EU',
      count: 2,
      minCount: 2,
      maxCount: 2,
      gpusPerInstance: 8,
      rootVolumeType: 'sbs_volume',
      rootVolumeSizeGb: 800,
      publicIp: false,
      estimatedPowerKwEach: 14,
      estimatedPowerKw: 28,
      allowedJurisdictions: ['EU'],
      residencySetBy: undefined,
    });
    expect(k8s).toMatchObject({
      version: '1.34',
      cni: 'cilium',
      managedGpuOperator: true,
      region: 'fr-par',
      pools: ['cloud/k/pool-b300'],
    });
    expect(pool).toMatchObject({
      cluster: 'cloud/k',
      zone: 'fr-par-2',
      size: 1,
      autoscaling: { min: 1, max: 8 },
      minCount: 1,
      maxCount: 8,
      rootVolumeType: 'sbs_5k',
      estimatedPowerKw: 112,
    });
    expect(cloud.totals).toEqual({
      gpusMin: 24,
      gpusMax: 80,
      estimatedPowerKwMin: 42,
      estimatedPowerKwMax: 140,
    });
  });

  test('the order of declaration does not change the model', () => {
    const build = (reverse: boolean) => {
      const { stack } = cloudStack();
      const steps = [() => b300(stack, 'z'), () => b300(stack, 'a', { count: 3 })];
      (reverse ? steps.reverse() : steps).forEach((s) => s());
      return buildCloud(stack).resources.map((r) => [r.path, r.kind === 'cloud-instances' ? r.count : 0]);
    };
    expect(build(true)).toEqual(build(false));
  });

  test('residency: the nearest ancestor wins; the default is the EU', () => {
    const { stack } = cloudStack();
    const team = new Construct(stack, 'team');
    Residency.allow(stack, ['FR']);
    Residency.allow(team, ['EU', 'CH']);
    b300(team, 'vms');
    new ScalewayObjectBucket(stack, 'bucket', { bucketName: 'acme-x' });
    const byPath = new Map(buildCloud(stack).resources.map((r) => [r.path, r]));
    expect(byPath.get('cloud/team/vms')).toMatchObject({
      allowedJurisdictions: ['EU', 'CH'],
      residencySetBy: 'cloud/team',
    });
    expect(byPath.get('cloud/bucket')).toMatchObject({
      allowedJurisdictions: ['FR'],
      residencySetBy: 'cloud',
    });
    expect(Residency.of(new RootConstruct())).toEqual({ allowed: ['EU'] });
    expect(errorOf(() => Residency.allow(team, ['EU']))).toBe(
      'cloud/team: residency is already set here: EU, CH',
    );
    expect(errorOf(() => Residency.allow(new Construct(stack, 'x'), []))).toBe(
      "cloud/x: Residency.allow needs at least one jurisdiction, for example ['EU']",
    );
    expect(errorOf(() => Residency.allow(new Construct(stack, 'y'), ['europe']))).toMatch(
      /^cloud\/y: Residency.allow: 'europe' is not/,
    );
  });

  test('the physical model ignores cloud records', () => {
    const { stack } = cloudStack();
    b300(stack, 'vms');
    const plant = buildPlant(stack);
    expect([plant.sites.length, plant.nodes.length]).toEqual([0, 0]);
  });
});

describe('scaleway pack', () => {
  test('rule metadata: ids, packs, descriptions and help', () => {
    const rules = [...SCALEWAY_PACK, ...RESIDENCY_PACK];
    expect(rules.map((r) => [r.id, r.pack, r.severity])).toEqual([
      ['SCW-001', 'scaleway', 'error'],
      ['SCW-002', 'scaleway', 'error'],
      ['SCW-003', 'scaleway', 'error'],
      ['SCW-004', 'scaleway', 'error'],
      ['RES-001', 'residency', 'error'],
      ['RES-002', 'residency', 'error'],
    ]);
    for (const r of rules) {
      expect(r.description.length).toBeGreaterThan(20);
      expect(r.help.length).toBeGreaterThan(60);
    }
  });

  test('SCW-001 B300 only in fr-par-2 (July 2026): instances and pool nodes requested elsewhere', () => {
    const { stack } = cloudStack();
    b300(stack, 'ok');
    b300(stack, 'vms', { zone: 'fr-par-1' });
    const waw = cluster(stack, 'waw', 'pl-waw');
    waw.addPool({
      name: 'b300',
      nodeType: 'B300-SXM-8-288G',
      zone: 'pl-waw-2',
      autoscaling: { min: 1, max: 8 },
    });
    waw.addPool({ name: 'l40s', nodeType: 'L40S-8-48G', zone: 'pl-waw-2', size: 4 });
    const cloud = buildCloud(stack);
    expect(violations(SCW_001, cloud)).toEqual([
      ['cloud/vms', 2, 0, 'instances'],
      ['cloud/waw/pool-b300', 8, 0, 'nodes'],
    ]);
    expect(SCW_001.check(cloud)[0]!.message).toBe(
      'B300-SXM-8-288G is not offered in fr-par-1 (offered in fr-par-2 only, as of July 2026): 2 instances requested, 0 available',
    );
  });

  test('SCW-002 GPU Instances boot from sbs_volume, pools from sbs_5k / sbs_15k', () => {
    const { stack } = cloudStack();
    b300(stack, 'ok');
    b300(stack, 'local', { rootVolumeType: 'l_ssd' });
    const k = cluster(stack, 'k');
    k.addPool({ name: 'ok', nodeType: 'B300-SXM-8-288G', size: 1, rootVolumeType: 'sbs_15k' });
    k.addPool({ name: 'local', nodeType: 'B300-SXM-8-288G', size: 1, rootVolumeType: 'l_ssd' });
    const cloud = buildCloud(stack);
    expect(violations(SCW_002, cloud)).toEqual([
      ['cloud/k/pool-local', undefined, undefined, undefined],
      ['cloud/local', undefined, undefined, undefined],
    ]);
    expect(SCW_002.check(cloud)[1]!.message).toBe(
      "B300-SXM-8-288G boots from a 'l_ssd' root volume; GPU types have no local volumes: use 'sbs_volume' (Block Storage)",
    );
  });

  test('SCW-003 autoscaling bounds: 0 <= min <= max, max > 0, size within; fixed pools of at least 1', () => {
    const { stack } = cloudStack();
    const k = cluster(stack, 'k');
    const pool = (name: string, p: Partial<ScalewayGpuPoolProps>) =>
      k.addPool({ name, nodeType: 'L4-1-24G', ...p } as ScalewayGpuPoolProps);
    pool('ok', { autoscaling: { min: 1, max: 8 } });
    pool('zero-min', { autoscaling: { min: 0, max: 2 }, size: 0 });
    pool('crossed', { autoscaling: { min: 3, max: 2 } });
    pool('max-zero', { autoscaling: { min: 0, max: 0 } });
    pool('negative', { autoscaling: { min: -1, max: 4 }, size: 1 });
    pool('too-big', { autoscaling: { min: 1, max: 8 }, size: 9 });
    pool('empty', { size: 0 });
    const cloud = buildCloud(stack);
    expect(violations(SCW_003, cloud)).toEqual([
      ['cloud/k/pool-crossed', 3, 2, 'nodes'], // min above max
      ['cloud/k/pool-crossed', 3, 2, 'nodes'], // initial size (= min) above max
      ['cloud/k/pool-empty', 0, 1, 'nodes'],
      ['cloud/k/pool-max-zero', 0, 1, 'nodes'],
      ['cloud/k/pool-max-zero', 1, 0, 'nodes'], // initial size 1 above max 0
      ['cloud/k/pool-negative', -1, 0, 'nodes'],
      ['cloud/k/pool-too-big', 9, 8, 'nodes'],
    ]);
    expect(SCW_003.check(cloud).map((v) => v.message)).toContain(
      'autoscaling minimum 3 nodes is above the maximum 2',
    );
  });

  test('SCW-004 the cluster version is set and pinned', () => {
    const { stack } = cloudStack();
    cluster(stack, 'minor', 'fr-par', '1.34');
    cluster(stack, 'patch', 'fr-par', '1.34.1');
    cluster(stack, 'empty', 'fr-par', '');
    cluster(stack, 'latest', 'fr-par', 'latest');
    const found = SCW_004.check(buildCloud(stack));
    expect(found.map((v) => [v.path, v.message])).toEqual([
      ['cloud/empty', 'Kubernetes version is not set'],
      ['cloud/latest', "Kubernetes version 'latest' is not a pinned version such as 1.34 or 1.34.1"],
    ]);
  });
});

describe('residency pack', () => {
  test('RES-001 default EU: every Scaleway region passes', () => {
    const { stack } = cloudStack();
    cluster(stack, 'ams', 'nl-ams');
    new ScalewayObjectBucket(stack, 'b', { bucketName: 'acme-b', region: 'pl-waw' });
    expect(RES_001.check(buildCloud(stack))).toEqual([]);
  });

  test('RES-001 France only: zones, regions, buckets and the state backend outside are findings', () => {
    const { stack } = cloudStack();
    Residency.allow(stack, ['FR']);
    b300(stack, 'paris');
    b300(stack, 'warsaw', { instanceType: 'L40S-8-48G', zone: 'pl-waw-2' });
    new ScalewayObjectBucket(stack, 'datasets', { bucketName: 'acme-datasets', region: 'nl-ams' });
    new ScalewayStateBackend(stack, 'state', { bucket: 'acme-tfstate', region: 'pl-waw' });
    const found = RES_001.check(buildCloud(stack));
    expect(found.map((v) => [v.path, v.message])).toEqual([
      [
        'cloud/datasets',
        'nl-ams (NL, jurisdiction EU) is outside the allowed jurisdictions FR (set on cloud)',
      ],
      ['cloud/state', 'pl-waw (PL, jurisdiction EU) is outside the allowed jurisdictions FR (set on cloud)'],
      [
        'cloud/warsaw',
        'pl-waw-2 (PL, jurisdiction EU) is outside the allowed jurisdictions FR (set on cloud)',
      ],
      [
        'cloud/warsaw/network',
        'pl-waw (PL, jurisdiction EU) is outside the allowed jurisdictions FR (set on cloud)',
      ],
    ]);
  });

  test('RES-001 a non-EU list (CH only) refuses the EU regions, naming the default or the scope', () => {
    const { stack } = cloudStack();
    const swiss = new Construct(stack, 'swiss');
    Residency.allow(swiss, ['CH']);
    new ScalewayObjectBucket(swiss, 'b', { bucketName: 'acme-ch' });
    expect(RES_001.check(buildCloud(stack)).map((v) => v.message)).toEqual([
      'fr-par (FR, jurisdiction EU) is outside the allowed jurisdictions CH (set on cloud/swiss)',
    ]);
  });
});

describe('the packs as standard rules, through the engine', () => {
  const check = (root: IConstruct, rules: readonly Rule[], withCloud = true) => {
    const design = buildDesign(root);
    const checked = withCloud ? design : { ...design, cloud: EMPTY_CLOUD };
    return runRules(checked, analyze(checked), rules);
  };

  test('findings carry measured, limit and unit; suppressions with a reason apply', () => {
    const { stack } = cloudStack();
    const vms = b300(stack, 'vms', { zone: 'fr-par-3' });
    const other = b300(stack, 'other', { zone: 'fr-par-1', count: 1 });
    suppress(other, 'SCW-001', 'capacity reserved with Scaleway for fr-par-1');
    const findings = check(stack, [...SCALEWAY_PACK, ...RESIDENCY_PACK]);
    expect(findings.map((f) => [f.ruleId, f.path, f.measured, f.limit, f.unit, f.suppressed])).toEqual([
      ['SCW-001', 'cloud/other', 1, 0, 'instances', true],
      ['SCW-001', 'cloud/vms', 2, 0, 'instances', false],
    ]);
    expect(vms.zone).toBe('fr-par-3');
  });

  test('a design without a cloud model has no cloud findings', () => {
    const { stack } = cloudStack();
    b300(stack, 'vms', { zone: 'fr-par-3' });
    expect(check(stack, SCALEWAY_PACK, false)).toEqual([]);
  });
});

describe('no secret reaches the output', () => {
  const FAKE_ACCESS = 'SCWABCDEFGHIJ1234567';
  const FAKE_SECRET = '6f0b9a3c-1d2e-4f50-8a9b-0c1d2e3f4a5b';
  const saved = { ...process.env };
  beforeAll(() => {
    process.env.SCW_ACCESS_KEY = FAKE_ACCESS;
    process.env.SCW_SECRET_KEY = FAKE_SECRET;
    process.env.SCW_DEFAULT_PROJECT_ID = '11111111-2222-3333-4444-555555555555';
  });
  afterAll(() => {
    process.env = saved;
  });

  const synthesize = (credentials: 'environment' | 'variables') => {
    const app = Testing.app();
    const stack = new CloudStack(app, 'gpu', { credentials });
    new ScalewayStateBackend(stack, 'state', { bucket: 'acme-tfstate' });
    const k = cluster(stack, 'k');
    k.addPool({ name: 'b300', nodeType: 'B300-SXM-8-288G', size: 1 });
    b300(stack, 'vms', { enablePublicIp: true });
    return Testing.synth(stack);
  };
  const tokenLike = [
    /SCW[A-Z0-9]{17}/, // access key
    /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i, // secret key, project ID
    /eyJ[A-Za-z0-9_-]{10,}/, // JWT
    /kubeconfig/,
  ];

  test('credentials from the environment: no key, no SCW_, no "secret", no token-like string', () => {
    const text = synthesize('environment');
    for (const bad of [FAKE_ACCESS, FAKE_SECRET, 'SCW_', 'access_key']) expect(text).not.toContain(bad);
    expect(text).not.toMatch(/secret/i);
    for (const re of tokenLike) expect(text).not.toMatch(re);
  });

  test('credentials from variables: "secret" appears only as the sensitive variable and its reference', () => {
    const text = synthesize('variables');
    const out = JSON.parse(text) as Json;
    expect((out.variable as Record<string, Json>).scw_secret_key).toMatchObject({ sensitive: true });
    const lines = text.split('\n').filter((l) => /secret/i.test(l));
    expect(lines.map((l) => l.trim())).toEqual([
      '"secret_key": "${var.scw_secret_key}",',
      '"scw_secret_key": {',
      '"description": "Scaleway API secret key (set TF_VAR_scw_secret_key)",',
    ]);
    for (const bad of [FAKE_ACCESS, FAKE_SECRET, 'SCW_']) expect(text).not.toContain(bad);
    for (const re of tokenLike) expect(text).not.toMatch(re);
  });
});

describe('example: scaleway-b300', () => {
  const synthInto = (dir: string) => {
    const app = new AiFactoryApp({ outdir: dir });
    const built = buildScalewayB300(app);
    const stderr = jest.spyOn(process.stderr, 'write').mockImplementation(() => true);
    try {
      app.synth();
    } finally {
      stderr.mockRestore();
    }
    return { built, text: fs.readFileSync(path.join(dir, 'stacks', 'scaleway-b300', 'cdk.tf.json'), 'utf8') };
  };
  const dirs = [
    fs.mkdtempSync(path.join(os.tmpdir(), 'scw-a-')),
    fs.mkdtempSync(path.join(os.tmpdir(), 'scw-b-')),
  ];
  afterAll(() => dirs.forEach((d) => fs.rmSync(d, { recursive: true, force: true })));
  const first = synthInto(dirs[0]!);
  const out = JSON.parse(first.text) as Json;

  test('a Kapsule cluster in fr-par with a B300 pool autoscaling 1 to 8 in fr-par-2, and two B300 VMs', () => {
    expect(only(out, 'scaleway_k8s_cluster')).toMatchObject({
      version: '1.34',
      cni: 'cilium',
      region: 'fr-par',
    });
    expect(only(out, 'scaleway_k8s_pool')).toMatchObject({
      node_type: 'B300-SXM-8-288G',
      zone: 'fr-par-2',
      autoscaling: true,
      min_size: 1,
      max_size: 8,
      size: 1,
    });
    const servers = Object.values(resourcesOf(out).scaleway_instance_server!);
    expect(servers.map((s) => [s.name, s.type, s.zone])).toEqual([
      ['research-vms-01', 'B300-SXM-8-288G', 'fr-par-2'],
      ['research-vms-02', 'B300-SXM-8-288G', 'fr-par-2'],
    ]);
    // one private network for the cluster and the VMs
    expect(Object.keys(resourcesOf(out).scaleway_vpc_private_network!)).toHaveLength(1);
  });

  test('cloud capacity outputs: 24 to 80 GPUs, 140 kW estimated at the maximum; local state relative', () => {
    const outputs = out.output as Record<string, { value: number }>;
    expect([outputs.cloud_gpus_min!.value, outputs.cloud_gpus_max!.value]).toEqual([8 + 16, 64 + 16]);
    expect(outputs.cloud_estimated_power_kw_max!.value).toBe(10 * 14);
    expect((out.terraform as Json).backend).toEqual({
      local: { path: '../../../terraform.scaleway-b300.tfstate' },
    });
    expect(fs.existsSync(path.join(dirs[0]!, 'reports', 'findings.json'))).toBe(true);
  });

  test('passes the scaleway and residency packs (France only)', () => {
    const design = buildDesign(first.built.stack);
    expect(runRules(design, analyze(design), [...SCALEWAY_PACK, ...RESIDENCY_PACK])).toEqual([]);
    expect(buildCloud(first.built.stack).resources.every((r) => r.allowedJurisdictions.join() === 'FR')).toBe(
      true,
    );
  });

  test('byte-identical output from one synthesis to the next', () => {
    expect(synthInto(dirs[1]!).text).toBe(first.text);
  });
});
