import { Construct } from 'constructs';
import { TerraformStack } from 'cdktf';
import { Device } from '../../generated/netbox/device';
import { DevicePowerPort } from '../../generated/netbox/device-power-port';
import { DeviceRole } from '../../generated/netbox/device-role';
import { DeviceType } from '../../generated/netbox/device-type';
import { Location } from '../../generated/netbox/location';
import { Manufacturer } from '../../generated/netbox/manufacturer';
import { PowerFeed } from '../../generated/netbox/power-feed';
import { PowerPanel } from '../../generated/netbox/power-panel';
import { Rack } from '../../generated/netbox/rack';
import { RackRole } from '../../generated/netbox/rack-role';
import { RackType } from '../../generated/netbox/rack-type';
import { Site } from '../../generated/netbox/site';
import { Tenant } from '../../generated/netbox/tenant';
import { InventoryKind, InventoryObjects, InventoryStatus, NETBOX_TYPES } from '../../src/netbox/inventory';
import { NetboxConsumer, NetboxIds } from './catalog';
import { netboxProvider, NetboxConnectionProps } from './connection';

/** What every part of one inventory shares. */
export interface NetboxInventoryContext {
  /** Key of the inventory's site. */
  readonly site: string;
  /** Key of its tenant, if any. */
  readonly tenant?: string;
  readonly status: InventoryStatus;
  readonly ids: NetboxIds;
  readonly connection: NetboxConnectionProps;
}

export interface NetboxInventoryPartProps {
  /** The objects this part creates; the objects they refer to are created by earlier parts (or this one). */
  readonly objects: InventoryObjects;
  readonly context: NetboxInventoryContext;
}

/**
 * A part of a NetBox inventory: the Terraform resources of the objects it is given, in its
 * stack, with the stack's NetBox provider. Objects of the shared catalog that an earlier
 * part already created are skipped and referred to. Used whole by `NetboxInventory`, and
 * once per stack when an inventory is sharded.
 */
export class NetboxInventoryPart extends Construct {
  /** Resources created, by Terraform type. */
  readonly created: Readonly<Record<string, number>>;

  constructor(scope: Construct, id: string, props: NetboxInventoryPartProps) {
    super(scope, id);
    this.created = emitObjects(this, props.objects, props.context);
  }
}

/** Creates the resources of `objects` under `scope`; returns how many of each Terraform type. */
export function emitObjects(
  scope: Construct,
  objects: InventoryObjects,
  context: NetboxInventoryContext,
): Record<string, number> {
  const { ids, status } = context;
  const created: Record<string, number> = {};
  const path = scope.node.path;
  const consumer: NetboxConsumer = { scope, stack: TerraformStack.of(scope) };
  const scopes = new Map<InventoryKind, Construct>();
  const under = (kind: InventoryKind): Construct => {
    let s = scopes.get(kind);
    if (!s) scopes.set(kind, (s = new Construct(scope, kind)));
    return s;
  };
  const count = (type: string) => (created[type] = (created[type] ?? 0) + 1);
  const kinds = Object.keys(NETBOX_TYPES) as InventoryKind[];
  if (kinds.some((kind) => objects[kind].length > 0)) netboxProvider(scope, context.connection);
  const tenant = () =>
    context.tenant === undefined ? {} : { tenantId: ids.get('tenants', context.tenant, consumer, path) };
  const siteId = () => ids.get('sites', context.site, consumer, path);

  for (const t of objects.tenants) {
    if (ids.has('tenants', t.key)) continue;
    ids.set('tenants', t.key, new Tenant(under('tenants'), t.key, { name: t.name, slug: t.slug }));
    count('netbox_tenant');
  }
  for (const m of objects.manufacturers) {
    if (ids.has('manufacturers', m.key)) continue;
    ids.set(
      'manufacturers',
      m.key,
      new Manufacturer(under('manufacturers'), m.key, { name: m.name, slug: m.slug }),
    );
    count('netbox_manufacturer');
  }
  for (const r of objects.rackRoles) {
    if (ids.has('rackRoles', r.key)) continue;
    const { name, slug, colorHex, description } = r;
    ids.set(
      'rackRoles',
      r.key,
      new RackRole(under('rackRoles'), r.key, { name, slug, colorHex, description }),
    );
    count('netbox_rack_role');
  }
  for (const t of objects.rackTypes) {
    if (ids.has('rackTypes', t.key)) continue;
    const rackType = new RackType(under('rackTypes'), t.key, {
      model: t.model,
      slug: t.slug,
      manufacturerId: ids.get('manufacturers', t.manufacturer, consumer, path),
      formFactor: t.formFactor,
      width: t.widthIn,
      uHeight: t.uHeight,
      startingUnit: t.startingUnit,
      ...(t.weightKg === undefined ? {} : { weight: t.weightKg, weightUnit: 'kg' }),
      description: t.description,
    });
    ids.set('rackTypes', t.key, rackType);
    count('netbox_rack_type');
  }
  for (const r of objects.deviceRoles) {
    if (ids.has('deviceRoles', r.key)) continue;
    const { name, slug, colorHex, description } = r;
    ids.set(
      'deviceRoles',
      r.key,
      new DeviceRole(under('deviceRoles'), r.key, { name, slug, colorHex, description }),
    );
    count('netbox_device_role');
  }
  for (const t of objects.deviceTypes) {
    if (ids.has('deviceTypes', t.key)) continue;
    const deviceType = new DeviceType(under('deviceTypes'), t.key, {
      model: t.model,
      slug: t.slug,
      manufacturerId: ids.get('manufacturers', t.manufacturer, consumer, path),
    });
    ids.set('deviceTypes', t.key, deviceType);
    count('netbox_device_type');
  }
  for (const s of objects.sites) {
    const site = new Site(under('sites'), s.key, {
      name: s.name,
      slug: s.slug,
      status,
      description: s.description,
      ...tenant(),
    });
    ids.set('sites', s.key, site);
    count('netbox_site');
  }
  for (const l of objects.locations) {
    const location = new Location(under('locations'), l.key, {
      name: l.name,
      slug: l.slug,
      siteId: siteId(),
      description: l.description,
      ...tenant(),
    });
    ids.set('locations', l.key, location);
    count('netbox_location');
  }
  for (const r of objects.racks) {
    const rack = new Rack(under('racks'), r.key, {
      name: r.name,
      siteId: siteId(),
      locationId: ids.get('locations', r.location, consumer, r.path),
      status,
      roleId: ids.get('rackRoles', r.role, consumer, r.path),
      rackTypeId: ids.get('rackTypes', r.rackType, consumer, r.path),
      description: r.description,
      ...tenant(),
    });
    ids.set('racks', r.key, rack);
    count('netbox_rack');
  }
  for (const p of objects.powerPanels) {
    const panel = new PowerPanel(under('powerPanels'), p.key, {
      name: p.name,
      siteId: siteId(),
      description: p.description,
    });
    ids.set('powerPanels', p.key, panel);
    count('netbox_power_panel');
  }
  for (const f of objects.powerFeeds) {
    new PowerFeed(under('powerFeeds'), f.key, {
      name: f.name,
      powerPanelId: ids.get('powerPanels', f.panel, consumer, f.circuitPath),
      rackId: ids.get('racks', f.rack, consumer, f.circuitPath),
      status,
      type: f.type,
      supply: f.supply,
      phase: f.phase,
      voltage: f.voltage,
      amperage: f.amperage,
      maxPercentUtilization: f.maxPercentUtilization,
      description: f.description,
    });
    count('netbox_power_feed');
  }
  for (const d of objects.devices) {
    const device = new Device(under('devices'), d.key, {
      name: d.name,
      deviceTypeId: ids.get('deviceTypes', d.deviceType, consumer, path),
      roleId: ids.get('deviceRoles', d.role, consumer, path),
      siteId: siteId(),
      locationId: ids.get('locations', d.location, consumer, path),
      rackId: ids.get('racks', d.rack, consumer, path),
      status,
      ...tenant(),
    });
    ids.set('devices', d.key, device);
    count('netbox_device');
  }
  for (const p of objects.powerPorts) {
    new DevicePowerPort(under('powerPorts'), p.key, {
      name: p.name,
      deviceId: ids.get('devices', p.device, consumer, path),
      ...(p.maximumDrawW === undefined ? {} : { maximumDraw: p.maximumDrawW }),
      allocatedDraw: p.allocatedDrawW,
      description: p.description,
    });
    count('netbox_device_power_port');
  }
  return created;
}
