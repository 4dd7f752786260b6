// Generated provider bindings (generated/, from schemas/ by `npm run generate:bindings`): they
// synthesize, and everything they emit is in the committed provider schema.
import { TerraformStack, Testing, Token } from 'cdktf';
import { NetboxProvider } from '../generated/netbox/provider';
import { PowerFeed } from '../generated/netbox/power-feed';
import { PowerPanel } from '../generated/netbox/power-panel';
import { Rack } from '../generated/netbox/rack';
import { Site } from '../generated/netbox/site';
import { InstanceServer } from '../generated/scaleway/instance-server';
import { K8SCluster } from '../generated/scaleway/k8s-cluster';
import { K8SPool } from '../generated/scaleway/k8s-pool';
import { ScalewayProvider } from '../generated/scaleway/provider';
import {
  Json,
  META_ARGUMENTS,
  missingRequired,
  providerSchema,
  readJson,
  unknownKeys,
} from './fixtures/schema-check';

const schemas = {
  scaleway: providerSchema('scaleway', 'registry.terraform.io/scaleway/scaleway'),
  netbox: providerSchema('netbox', 'registry.terraform.io/e-breuninger/netbox'),
};
const allowedValues = readJson<Record<string, Record<string, (string | number)[]>>>(
  'schemas',
  'netbox',
  'allowed-values.json',
);

function synth(): Json {
  const app = Testing.app();
  const stack = new TerraformStack(app, 'bindings');

  new ScalewayProvider(stack, 'scaleway', { region: 'fr-par', zone: 'fr-par-2' });
  const cluster = new K8SCluster(stack, 'cluster', {
    name: 'gpu',
    version: '1.32',
    cni: 'cilium',
    deleteAdditionalResources: false,
    region: 'fr-par',
  });
  new K8SPool(stack, 'gpu_pool', {
    clusterId: cluster.id,
    name: 'b300',
    nodeType: 'B300-SXM-8-288G',
    size: 2,
    zone: 'fr-par-2',
    autoscaling: false,
  });
  new InstanceServer(stack, 'bastion', { type: 'POP2-2C-8G', image: 'ubuntu_noble', zone: 'fr-par-2' });

  new NetboxProvider(stack, 'netbox', { serverUrl: 'https://netbox.example.com', allowInsecureHttps: false });
  const site = new Site(stack, 'site', { name: 'par2', status: 'active' });
  const panel = new PowerPanel(stack, 'panel', { name: 'PP-1', siteId: Token.asNumber(site.id) });
  const rack = new Rack(stack, 'rack', {
    name: 'R01',
    siteId: Token.asNumber(site.id),
    status: 'active',
    width: 19,
    uHeight: 48,
  });
  new PowerFeed(stack, 'feed_a', {
    name: 'A',
    powerPanelId: Token.asNumber(panel.id),
    rackId: Token.asNumber(rack.id),
    status: 'active',
    type: 'primary',
    supply: 'ac',
    phase: 'three-phase',
    voltage: 415,
    amperage: 63,
    maxPercentUtilization: 80,
  });

  return JSON.parse(Testing.synth(stack)) as Json;
}

const out = synth();
const resources = out.resource as Record<string, Record<string, Json>>;

describe('generated bindings synthesize', () => {
  test('Scaleway: K8s pool, cluster and server with the values given', () => {
    const pool = resources.scaleway_k8s_pool!.gpu_pool!;
    expect(pool.node_type).toBe('B300-SXM-8-288G');
    expect(pool.zone).toBe('fr-par-2');
    expect(pool.size).toBe(2);
    expect(pool.cluster_id).toBe('${scaleway_k8s_cluster.cluster.id}');
    expect(resources.scaleway_k8s_cluster!.cluster!.cni).toBe('cilium');
    expect(resources.scaleway_instance_server!.bastion!.type).toBe('POP2-2C-8G');
  });

  test('NetBox: rack and power feed, ids wired as numbers', () => {
    const rack = resources.netbox_rack!.rack!;
    expect(rack).toMatchObject({ name: 'R01', status: 'active', width: 19, u_height: 48 });
    expect(rack.site_id).toBe('${netbox_site.site.id}');
    const feed = resources.netbox_power_feed!.feed_a!;
    expect(feed).toMatchObject({ voltage: 415, amperage: 63, phase: 'three-phase', supply: 'ac' });
    expect(feed.rack_id).toBe('${netbox_rack.rack.id}');
  });

  test('providers are pinned to the schema versions', () => {
    const required = (out.terraform as Json).required_providers as Record<string, Json>;
    expect(required.scaleway).toEqual({ source: 'scaleway/scaleway', version: '2.79.0' });
    expect(required.netbox).toEqual({ source: 'e-breuninger/netbox', version: '5.7.0' });
    const providers = out.provider as Record<string, Json[]>;
    expect(providers.scaleway![0]).toEqual({ region: 'fr-par', zone: 'fr-par-2' });
    expect(providers.netbox![0]).toEqual({
      server_url: 'https://netbox.example.com',
      allow_insecure_https: false,
    });
  });
});

describe('everything emitted is in the committed schema', () => {
  const cases = Object.entries(resources).flatMap(([type, byName]) =>
    Object.entries(byName).map(([name, body]) => [type, name, body] as const),
  );

  test('the synthesized stack has the resources under test', () => {
    expect(cases.map(([type, name]) => `${type}.${name}`).sort()).toEqual([
      'netbox_power_feed.feed_a',
      'netbox_power_panel.panel',
      'netbox_rack.rack',
      'netbox_site.site',
      'scaleway_instance_server.bastion',
      'scaleway_k8s_cluster.cluster',
      'scaleway_k8s_pool.gpu_pool',
    ]);
  });

  test.each(cases)(
    '%s.%s: only settable schema attributes and blocks, all required ones',
    (type, name, body) => {
      const provider = type.startsWith('scaleway_') ? schemas.scaleway : schemas.netbox;
      const schema = provider.resource_schemas[type];
      expect(schema).toBeDefined();
      expect(unknownKeys(body, schema!.block, `${type}.${name}`, META_ARGUMENTS)).toEqual([]);
      expect(missingRequired(body, schema!.block)).toEqual([]);
    },
  );

  test('the check itself catches unknown, read-only and missing attributes', () => {
    const block = schemas.scaleway.resource_schemas.scaleway_k8s_pool!.block;
    const body = { node_type: 'x', nodes: [], bogus: 1, upgrade_policy: { max_surge: 1, oops: 2 } };
    expect(unknownKeys(body, block, 'p', META_ARGUMENTS)).toEqual([
      'p.nodes (read-only)',
      'p.bogus',
      'p.upgrade_policy.oops',
    ]);
    expect(missingRequired(body, block).sort()).toEqual(['cluster_id', 'size']);
  });

  test.each(['scaleway', 'netbox'] as const)('provider %s: only schema attributes', (name) => {
    const body = (out.provider as Record<string, Json[]>)[name]![0]!;
    expect(unknownKeys(body, schemas[name].provider.block, `provider.${name}`, new Set(['alias']))).toEqual(
      [],
    );
  });

  test('NetBox values with a documented list of allowed values are in it', () => {
    const offending: string[] = [];
    for (const [type, name, body] of cases) {
      for (const [attribute, allowed] of Object.entries(allowedValues[type] ?? {})) {
        const value = body[attribute];
        if (value !== undefined && !allowed.includes(value as string | number)) {
          offending.push(`${type}.${name}.${attribute}=${String(value)}`);
        }
      }
    }
    expect(offending).toEqual([]);
    // the check is not vacuous: the rack and feed above set listed attributes
    expect(allowedValues.netbox_power_feed!.phase).toContain('three-phase');
    expect(allowedValues.netbox_rack!.width).toEqual([10, 19, 21, 23]);
  });
});
