import { Construct } from 'constructs';
import { TerraformStack } from 'cdktf';
import type { DevicePowerPortConfig } from '../../generated/netbox/device-power-port';
import type { DeviceConfig } from '../../generated/netbox/device';
import type { DeviceRoleConfig } from '../../generated/netbox/device-role';
import type { DeviceTypeConfig } from '../../generated/netbox/device-type';
import type { LocationConfig } from '../../generated/netbox/location';
import type { ManufacturerConfig } from '../../generated/netbox/manufacturer';
import type { PowerFeedConfig } from '../../generated/netbox/power-feed';
import type { PowerPanelConfig } from '../../generated/netbox/power-panel';
import type { RackConfig } from '../../generated/netbox/rack';
import type { RackRoleConfig } from '../../generated/netbox/rack-role';
import type { RackTypeConfig } from '../../generated/netbox/rack-type';
import type { SiteConfig } from '../../generated/netbox/site';
import type { TenantConfig } from '../../generated/netbox/tenant';
import {
  GLOBAL_KINDS,
  InventoryKind,
  InventoryObjects,
  InventoryStatus,
  NETBOX_TYPES,
  RoleSpec,
} from '../../src/netbox/inventory';
import { NetboxConsumer, NetboxIds } from './catalog';
import { netboxProvider, NetboxConnectionProps } from './connection';
import { NetboxObject } from './object';
import { fitted } from '../../src/netbox/names';

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

/** What an emitter reads besides its object. */
export interface NetboxEmitContext {
  readonly status: InventoryStatus;
  /** The id of an object created earlier; a DesignError naming `path` (default: the part's path) when there is none. */
  id(kind: InventoryKind, key: string, path?: string): number;
  /** `{ tenantId }` when the inventory has a tenant, else nothing. */
  tenant(): { tenantId?: number };
  /** The id of the inventory's site. */
  siteId(): number;
}

/** The typed config (the generated binding's) of each kind's Terraform resource. */
export interface NetboxConfigs {
  readonly tenants: TenantConfig;
  readonly manufacturers: ManufacturerConfig;
  readonly rackRoles: RackRoleConfig;
  readonly rackTypes: RackTypeConfig;
  readonly deviceRoles: DeviceRoleConfig;
  readonly deviceTypes: DeviceTypeConfig;
  readonly sites: SiteConfig;
  readonly locations: LocationConfig;
  readonly racks: RackConfig;
  readonly powerPanels: PowerPanelConfig;
  readonly powerFeeds: PowerFeedConfig;
  readonly devices: DeviceConfig;
  readonly powerPorts: DevicePowerPortConfig;
}

/** The config of the Terraform resource of one NetBox object. */
export type NetboxEmitter<K extends InventoryKind> = (
  spec: InventoryObjects[K][number],
  context: NetboxEmitContext,
) => NetboxConfigs[K];

/** A rack role and a device role are the same fields. */
const role = ({ name, slug, colorHex, description }: RoleSpec) => ({
  name,
  slug,
  colorHex,
  description: fitted(description),
});

/** One emitter per NetBox type, keyed like `NETBOX_TYPES` (which gives their dependency order). */
export const NETBOX_EMITTERS: { readonly [K in InventoryKind]: NetboxEmitter<K> } = {
  tenants: (t) => ({ name: t.name, slug: t.slug }),
  manufacturers: (m) => ({ name: m.name, slug: m.slug }),
  rackRoles: role,
  rackTypes: (t, c) => ({
    model: t.model,
    slug: t.slug,
    manufacturerId: c.id('manufacturers', t.manufacturer),
    formFactor: t.formFactor,
    width: t.widthIn,
    uHeight: t.uHeight,
    startingUnit: t.startingUnit,
    ...(t.weightKg === undefined ? {} : { weight: t.weightKg, weightUnit: 'kg' }),
    description: fitted(t.description),
  }),
  deviceRoles: role,
  deviceTypes: (t, c) => ({
    model: t.model,
    slug: t.slug,
    manufacturerId: c.id('manufacturers', t.manufacturer),
  }),
  sites: (s, c) => ({
    name: s.name,
    slug: s.slug,
    status: c.status,
    description: fitted(s.description),
    ...c.tenant(),
  }),
  locations: (l, c) => ({
    name: l.name,
    slug: l.slug,
    siteId: c.siteId(),
    description: fitted(l.description),
    ...c.tenant(),
  }),
  racks: (r, c) => ({
    name: r.name,
    siteId: c.siteId(),
    locationId: c.id('locations', r.location, r.path),
    status: c.status,
    roleId: c.id('rackRoles', r.role, r.path),
    rackTypeId: c.id('rackTypes', r.rackType, r.path),
    description: fitted(r.description),
    ...c.tenant(),
  }),
  powerPanels: (p, c) => ({
    name: p.name,
    siteId: c.siteId(),
    description: fitted(p.description),
  }),
  powerFeeds: (f, c) => ({
    name: f.name,
    powerPanelId: c.id('powerPanels', f.panel, f.circuitPath),
    rackId: c.id('racks', f.rack, f.circuitPath),
    status: c.status,
    type: f.type,
    supply: f.supply,
    phase: f.phase,
    voltage: f.voltage,
    amperage: f.amperage,
    maxPercentUtilization: f.maxPercentUtilization,
    description: fitted(f.description),
  }),
  devices: (d, c) => ({
    name: d.name,
    deviceTypeId: c.id('deviceTypes', d.deviceType),
    roleId: c.id('deviceRoles', d.role),
    siteId: c.siteId(),
    locationId: c.id('locations', d.location),
    rackId: c.id('racks', d.rack),
    status: c.status,
    ...c.tenant(),
  }),
  powerPorts: (p, c) => ({
    name: p.name,
    deviceId: c.id('devices', p.device),
    ...(p.maximumDrawW === undefined ? {} : { maximumDraw: p.maximumDrawW }),
    allocatedDraw: p.allocatedDrawW,
    description: fitted(p.description),
  }),
};

/**
 * Creates the resources of `objects` under `scope` (a construct per kind holding a
 * `NetboxObject` per object: the typed config of the generated binding, written as the
 * binding's resource block without a cdktf resource), kind by kind in dependency order;
 * objects of the shared catalog already created are skipped. Returns how many of each
 * Terraform type.
 */
export function emitObjects(
  scope: Construct,
  objects: InventoryObjects,
  context: NetboxInventoryContext,
): Record<string, number> {
  const { ids, status } = context;
  const created: Record<string, number> = {};
  const path = scope.node.path;
  const consumer: NetboxConsumer = { scope, stack: TerraformStack.of(scope) };
  const kinds = Object.keys(NETBOX_TYPES) as InventoryKind[];
  if (kinds.some((kind) => objects[kind].length > 0)) netboxProvider(scope, context.connection);
  const emitContext: NetboxEmitContext = {
    status,
    id: (kind, key, at = path) => ids.get(kind, key, consumer, at),
    tenant: () =>
      context.tenant === undefined ? {} : { tenantId: ids.get('tenants', context.tenant, consumer, path) },
    siteId: () => ids.get('sites', context.site, consumer, path),
  };
  const emitKind = <K extends InventoryKind>(kind: K): void => {
    const emit: NetboxEmitter<K> = NETBOX_EMITTERS[kind];
    const shared = GLOBAL_KINDS.includes(kind);
    let under: Construct | undefined;
    for (const spec of objects[kind]) {
      if (shared && ids.has(kind, spec.key)) continue;
      under ??= new Construct(scope, kind);
      ids.set(kind, spec.key, new NetboxObject(under, spec.key, NETBOX_TYPES[kind], emit(spec, emitContext)));
      const type = NETBOX_TYPES[kind];
      created[type] = (created[type] ?? 0) + 1;
    }
  };
  for (const kind of kinds) emitKind(kind);
  return created;
}
