/**
 * NetboxObject writes the block cdktf writes for the generated binding's typed resource with
 * the same config at the same path: compared, for every NetBox type the inventory writes, with
 * a real cdktf resource of the binding in a twin stack (hostile text, references in the stack
 * and across stacks included).
 */
import * as fs from 'fs';
import * as path from 'path';
import { App, ref, TerraformLocal, TerraformStack, TerraformVariable, Token } from 'cdktf';
import { Construct } from 'constructs';
import { DevicePowerPort } from '../generated/netbox/device-power-port';
import { Device } from '../generated/netbox/device';
import { DeviceRole } from '../generated/netbox/device-role';
import { DeviceType } from '../generated/netbox/device-type';
import { Location } from '../generated/netbox/location';
import { Manufacturer } from '../generated/netbox/manufacturer';
import { PowerFeed } from '../generated/netbox/power-feed';
import { PowerPanel } from '../generated/netbox/power-panel';
import { Rack } from '../generated/netbox/rack';
import { RackRole } from '../generated/netbox/rack-role';
import { RackType } from '../generated/netbox/rack-type';
import { Site } from '../generated/netbox/site';
import { Tenant } from '../generated/netbox/tenant';
import { NetboxProvider } from '../generated/netbox/provider';
import { NetboxObject, NetboxReferable, snakeCase } from '../constructs/netbox/object';
import { NetboxConfigs } from '../constructs/netbox/part';
import { makeTerraformTextLiteral } from '../stacks/literal-text';
import { NETBOX_TYPES, InventoryKind } from '../src/netbox/inventory';
import { scratchDir } from './fixtures/scratch';

const HOSTILE = '${file("/etc/passwd")} %{ if true }x%{ endif } $${kept}';

type Bindings = {
  [K in InventoryKind]: new (scope: Construct, id: string, config: NetboxConfigs[K]) => Construct;
};
const BINDINGS: Bindings = {
  tenants: Tenant,
  manufacturers: Manufacturer,
  rackRoles: RackRole,
  rackTypes: RackType,
  deviceRoles: DeviceRole,
  deviceTypes: DeviceType,
  sites: Site,
  locations: Location,
  racks: Rack,
  powerPanels: PowerPanel,
  powerFeeds: PowerFeed,
  devices: Device,
  powerPorts: DevicePowerPort,
};

/** A config per kind: text (hostile), numbers, and `id` for every reference. */
function configs(id: (kind: InventoryKind) => number): { [K in InventoryKind]: NetboxConfigs[K] } {
  const named = { name: `n ${HOSTILE}`, slug: 'n-1', description: `d ${HOSTILE}` };
  return {
    tenants: { name: named.name, slug: named.slug },
    manufacturers: { name: named.name, slug: named.slug },
    rackRoles: { ...named, colorHex: '76b900' },
    rackTypes: {
      model: named.name,
      slug: named.slug,
      manufacturerId: id('manufacturers'),
      formFactor: '4-post-cabinet',
      width: 19,
      uHeight: 48,
      startingUnit: 1,
      weight: 1360.5,
      weightUnit: 'kg',
      description: named.description,
    },
    deviceRoles: { ...named, colorHex: '1f77b4' },
    deviceTypes: { model: named.name, slug: named.slug, manufacturerId: id('manufacturers') },
    sites: { ...named, status: 'planned', tenantId: id('tenants') },
    locations: { ...named, siteId: id('sites'), tenantId: id('tenants') },
    racks: {
      name: named.name,
      siteId: id('sites'),
      locationId: id('locations'),
      status: 'planned',
      roleId: id('rackRoles'),
      rackTypeId: id('rackTypes'),
      description: named.description,
      tenantId: id('tenants'),
    },
    powerPanels: { name: named.name, siteId: id('sites'), description: named.description },
    powerFeeds: {
      name: named.name,
      powerPanelId: id('powerPanels'),
      rackId: id('racks'),
      status: 'planned',
      type: 'primary',
      supply: 'ac',
      phase: 'three-phase',
      voltage: 415,
      amperage: 1600,
      maxPercentUtilization: 80,
      description: named.description,
    },
    devices: {
      name: named.name,
      deviceTypeId: id('deviceTypes'),
      roleId: id('deviceRoles'),
      siteId: id('sites'),
      locationId: id('locations'),
      rackId: id('racks'),
      status: 'planned',
      tenantId: id('tenants'),
    },
    powerPorts: {
      name: named.name,
      deviceId: id('devices'),
      maximumDraw: 5700,
      allocatedDraw: 5412,
      description: named.description,
    },
  };
}

/**
 * One app: each kind's object under `inventory/netbox/<kind>/obj`, written by NetboxObject or by
 * the binding's resource; its references point at the object of the kind it names in the same
 * stack, except the site's, which is read from another stack through a local (a cross-stack
 * reference). Returns the two stacks' cdk.tf.json as cdktf writes them.
 */
function synth(typed: boolean): { inventory: Record<string, unknown>; catalog: Record<string, unknown> } {
  const outdir = scratchDir('aifactory-netbox-object-');
  try {
    const app = new App({ outdir, stackTraces: false });
    const catalog = new TerraformStack(app, 'catalog');
    const stack = new TerraformStack(app, 'inventory');
    for (const s of [catalog, stack]) new NetboxProvider(s, 'netbox-provider');
    const site = typed
      ? new Site(catalog, 'site', { name: 's', slug: 's' })
      : new NetboxObject(catalog, 'site', 'netbox_site', { name: 's', slug: 's' });
    const siteId = new TerraformLocal(stack, 'site-id', site.getStringAttribute('id')).asNumber;
    // An override may refer to another stack's value: cdktf's preparing pass must see it.
    const siteName = site.getStringAttribute('name');
    const made = new Map<InventoryKind, NetboxReferable>();
    const id = (kind: InventoryKind): number => {
      if (kind === 'sites') return siteId;
      const r = made.get(kind);
      // configs() makes every kind's config: only the one asked for reads the ids it uses, all made before it.
      if (r === undefined) return 0;
      return Token.asNumber(ref(`${r.terraformResourceType}.${r.friendlyUniqueId}.id`, stack));
    };
    const parent = new Construct(stack, 'netbox');
    for (const kind of Object.keys(NETBOX_TYPES) as InventoryKind[]) {
      const under = new Construct(parent, kind);
      const config = configs(id)[kind];
      const Binding = BINDINGS[kind] as unknown as new (
        s: Construct,
        i: string,
        c: unknown,
      ) => NetboxReferable;
      const o = typed
        ? new Binding(under, 'obj', config)
        : new NetboxObject(under, 'obj', NETBOX_TYPES[kind], config);
      made.set(kind, o);
      // The escape hatches: the object's own overrides, and the stack's at the object's block.
      if (kind === 'racks') {
        const element = o as unknown as { addOverride(path: string, value: unknown): void };
        element.addOverride('lifecycle.prevent_destroy', true);
        element.addOverride('tags', ['gpu']);
        element.addOverride('asset_tag', siteName);
      }
      if (kind === 'powerPanels') {
        stack.addOverride(`resource.netbox_power_panel.${o.friendlyUniqueId}.comments`, `c ${HOSTILE}`);
      }
    }
    makeTerraformTextLiteral(app);
    app.synth();
    const read = (name: string) =>
      JSON.parse(fs.readFileSync(path.join(outdir, 'stacks', name, 'cdk.tf.json'), 'utf8')) as Record<
        string,
        unknown
      >;
    return { inventory: read('inventory'), catalog: read('catalog') };
  } finally {
    fs.rmSync(outdir, { recursive: true, force: true });
  }
}

describe('NetboxObject', () => {
  test("writes, for every NetBox type, the block of the generated binding's resource with the same config", () => {
    const typed = synth(true);
    const plain = synth(false);
    expect(plain).toEqual(typed);
    // The comparison saw every type, the escapes and both kinds of reference.
    const resources = plain.inventory.resource as Record<string, Record<string, Record<string, unknown>>>;
    expect(Object.keys(resources).sort()).toEqual(Object.values(NETBOX_TYPES).sort());
    const [rack] = Object.values(resources.netbox_rack);
    expect(rack.name).toBe('n $${file("/etc/passwd")} %%{ if true }x%%{ endif } $$${kept}');
    expect(rack.site_id).toMatch(/^\$\{local\./);
    expect(rack.rack_type_id).toMatch(/^\$\{netbox_rack_type\.netbox_rackTypes_obj_[0-9A-F]{8}\.id\}$/);
    expect(rack['//']).toEqual({
      metadata: { path: 'inventory/netbox/racks/obj', uniqueId: expect.stringMatching(/^netbox_racks_obj_/) },
    });
    // The catalog stack outputs the site's id and name to the inventory stack, which reads them back.
    expect(Object.keys(plain.catalog.output as object)).toHaveLength(2);
    expect(rack.asset_tag).toMatch(/^\$\{data\.terraform_remote_state\./);
    expect(rack.lifecycle).toEqual({ prevent_destroy: true });
    const [panel] = Object.values(resources.netbox_power_panel);
    expect(panel.comments).toBe(`c ${HOSTILE}`); // the stack's own overrides are not made literal, by cdktf either
  });

  test('attribute names in snake case as the provider schema spells them', () => {
    expect(['maxPercentUtilization', 'uHeight', 'rackTypeId', 'colorHex', 'name'].map(snakeCase)).toEqual([
      'max_percent_utilization',
      'u_height',
      'rack_type_id',
      'color_hex',
      'name',
    ]);
  });

  test('a stack holding NetBox objects refuses HCL output rather than writing it without them', () => {
    const stack = new TerraformStack(new App(), 'hcl');
    new NetboxObject(stack, 'x', 'netbox_site', { name: 'a', slug: 'a' });
    expect(() => stack.toHclTerraform()).toThrow(
      'hcl: holds NetBox inventory, which aifactory writes as Terraform JSON only: synthesize without --hcl',
    );
  });

  test('refuses a token in its text, naming its path: a reference there would write another value into NetBox', () => {
    const app = new App();
    const stack = new TerraformStack(app, 's');
    const secret = new TerraformVariable(stack, 'netbox_api_token', { type: 'string', sensitive: true });
    expect(() => new NetboxObject(stack, 'a', 'netbox_rack', { name: `r1 ${secret.stringValue}` })).toThrow(
      /^s\/a: name holds a cdktf token \("r1 \$\{TfToken\[TOKEN\.\d+\]\}"\): NetBox text must be plain text from the design$/,
    );
    // Text a user types that spells a token is one, to cdktf: refused the same way.
    const spelled = `see ${'$'}{TfToken[TOKEN.${/TOKEN\.(\d+)/.exec(secret.stringValue)![1]}]}`;
    expect(() => new NetboxObject(stack, 'b', 'netbox_rack', { name: 'x', description: spelled })).toThrow(
      's/b: description holds a cdktf token',
    );
    expect(NetboxObject.isNetboxObject(new NetboxObject(stack, 'c', 'netbox_rack', { name: 'ok' }))).toBe(
      true,
    );
    expect(NetboxObject.isNetboxObject(secret)).toBe(false);
  });

  test('refuses a Terraform meta-argument, naming its path', () => {
    const stack = new TerraformStack(new App(), 's');
    expect(() => new NetboxObject(stack, 'x', 'netbox_site', { name: 'a', dependsOn: [] })).toThrow(
      's/x: takes no dependsOn',
    );
  });
});
