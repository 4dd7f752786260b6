import { RackSystem } from '../catalog/rack-systems';
import { DesignError } from '../errors';
import { HallModel, Plant, PowerNode } from '../model/plant';
import { fmt, W_PER_KW } from '../units';
import { FeedCircuit } from './formula';
import { below, checked, KeySet, MAX_LENGTH, pad2, slugOf } from './names';

/**
 * The NetBox inventory of a site, read from the plain model: which NetBox objects, their
 * names and their numbers. Engine-neutral: `constructs/netbox` turns it into Terraform
 * resources. Objects refer to each other by key (unique per kind within a site); keys,
 * names and order follow the layout, so the same design always gives the same inventory.
 */

/** 'racks': sites, locations, racks, power panels and feeds. 'full': also the devices in the racks and their power ports. */
export type InventoryDetail = 'racks' | 'full';

/** NetBox status of the objects written ('planned' and 'active' exist for sites, racks, feeds and devices). */
export type InventoryStatus = 'planned' | 'active';

/** The nameplate of a busway or row PDU, which a NetBox power feed records. */
export interface Circuit {
  readonly voltageV: number;
  readonly ratingA: number;
  readonly phases: 1 | 3 | 'dc';
}

/** NetBox rack form factors (`netbox_rack_type.form_factor`). */
export type RackFormFactor =
  | '2-post-frame'
  | '4-post-frame'
  | '4-post-cabinet'
  | 'wall-frame'
  | 'wall-frame-vertical'
  | 'wall-cabinet'
  | 'wall-cabinet-vertical';

/** The frame of the racks, for their NetBox rack types (the catalog gives no frame). */
export interface RackFrame {
  readonly uHeight: number;
  readonly widthIn: 10 | 19 | 21 | 23;
  readonly formFactor: RackFormFactor;
}

/** A 48U, 19-inch, 4-post cabinet. */
export const DEFAULT_RACK_FRAME: RackFrame = { uHeight: 48, widthIn: 19, formFactor: '4-post-cabinet' };

export interface InventoryOptions {
  readonly detail: InventoryDetail;
  readonly status: InventoryStatus;
  /** Tenant name assigned to the site, locations, racks and devices; undefined: none. */
  readonly tenant?: string;
  readonly rackFrame: RackFrame;
}

/** Every catalog system is NVIDIA's; rack types and device types name it as their manufacturer. */
export const MANUFACTURER = 'NVIDIA';

export interface SiteSpec {
  readonly key: string;
  readonly path: string;
  readonly name: string;
  readonly slug: string;
  readonly description: string;
}
export interface TenantSpec {
  readonly key: string;
  readonly name: string;
  readonly slug: string;
}
export interface ManufacturerSpec {
  readonly key: string;
  readonly name: string;
  readonly slug: string;
}
export interface RoleSpec {
  readonly key: string;
  readonly name: string;
  readonly slug: string;
  /** Six hex digits, no '#'. */
  readonly colorHex: string;
  readonly description: string;
}
export interface RackTypeSpec {
  readonly key: string;
  readonly model: string;
  readonly slug: string;
  readonly manufacturer: string;
  readonly formFactor: RackFormFactor;
  readonly widthIn: number;
  readonly uHeight: number;
  readonly startingUnit: number;
  readonly weightKg?: number;
  readonly description: string;
}
export interface DeviceTypeSpec {
  readonly key: string;
  readonly model: string;
  readonly slug: string;
  readonly manufacturer: string;
}
export interface LocationSpec {
  readonly key: string;
  readonly path: string;
  readonly name: string;
  readonly slug: string;
  /** Key of the building the hall stands in: the site's child holding it (the hall itself when declared in the site). */
  readonly building: string;
  readonly description: string;
}
export interface RackSpec {
  readonly key: string;
  readonly path: string;
  readonly name: string;
  readonly location: string;
  readonly role: string;
  readonly rackType: string;
  /** Rack design power, W (what the checks use). */
  readonly designPowerW: number;
  readonly description: string;
}
export interface PowerPanelSpec {
  readonly key: string;
  readonly path: string;
  readonly name: string;
  readonly description: string;
  /** Keys of the locations of the racks it feeds, sorted. */
  readonly locations: readonly string[];
}
export interface PowerFeedSpec extends FeedCircuit {
  readonly key: string;
  readonly name: string;
  readonly panel: string;
  readonly rack: string;
  readonly type: 'primary' | 'redundant';
  /** Construct path of the busway or row PDU the feed is taken from. */
  readonly circuitPath: string;
  readonly description: string;
}
export interface DeviceSpec {
  readonly key: string;
  readonly name: string;
  readonly rack: string;
  readonly location: string;
  readonly deviceType: string;
  readonly role: string;
}
export interface PowerPortSpec {
  readonly key: string;
  readonly name: string;
  readonly device: string;
  readonly rack: string;
  /** W; undefined where the catalog gives no rating. */
  readonly maximumDrawW?: number;
  readonly allocatedDrawW: number;
  readonly description: string;
}

/** NetBox objects by kind. */
export interface InventoryObjects {
  readonly sites: readonly SiteSpec[];
  readonly tenants: readonly TenantSpec[];
  readonly manufacturers: readonly ManufacturerSpec[];
  readonly rackRoles: readonly RoleSpec[];
  readonly rackTypes: readonly RackTypeSpec[];
  readonly deviceRoles: readonly RoleSpec[];
  readonly deviceTypes: readonly DeviceTypeSpec[];
  readonly locations: readonly LocationSpec[];
  readonly racks: readonly RackSpec[];
  readonly powerPanels: readonly PowerPanelSpec[];
  readonly powerFeeds: readonly PowerFeedSpec[];
  readonly devices: readonly DeviceSpec[];
  readonly powerPorts: readonly PowerPortSpec[];
}

export type InventoryKind = keyof InventoryObjects;

/** The Terraform resource type of each kind, in dependency order. */
export const NETBOX_TYPES: { readonly [K in InventoryKind]: string } = {
  tenants: 'netbox_tenant',
  manufacturers: 'netbox_manufacturer',
  rackRoles: 'netbox_rack_role',
  rackTypes: 'netbox_rack_type',
  deviceRoles: 'netbox_device_role',
  deviceTypes: 'netbox_device_type',
  sites: 'netbox_site',
  locations: 'netbox_location',
  racks: 'netbox_rack',
  powerPanels: 'netbox_power_panel',
  powerFeeds: 'netbox_power_feed',
  devices: 'netbox_device',
  powerPorts: 'netbox_device_power_port',
};

/** Kinds NetBox keeps once per instance (names unique across sites), not per site. */
export const GLOBAL_KINDS: readonly InventoryKind[] = [
  'tenants',
  'manufacturers',
  'rackRoles',
  'rackTypes',
  'deviceRoles',
  'deviceTypes',
];

export interface InventoryPlan extends InventoryObjects {
  readonly detail: InventoryDetail;
  readonly status: InventoryStatus;
}

export const emptyObjects = (): { [K in InventoryKind]: InventoryObjects[K][number][] } => ({
  sites: [],
  tenants: [],
  manufacturers: [],
  rackRoles: [],
  rackTypes: [],
  deviceRoles: [],
  deviceTypes: [],
  locations: [],
  racks: [],
  powerPanels: [],
  powerFeeds: [],
  devices: [],
  powerPorts: [],
});

/** Objects per Terraform resource type. */
export function countObjects(objects: InventoryObjects): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const [kind, type] of Object.entries(NETBOX_TYPES))
    counts[type] = objects[kind as InventoryKind].length;
  return counts;
}

const RACK_ROLE_COLORS = ['76b900', '1f77b4', 'ff7f0e', '9467bd', '8c564b', 'e377c2'];
const DEVICE_ROLES = {
  compute: {
    key: 'gpu-compute-node',
    name: 'GPU compute node',
    colorHex: '76b900',
    description: 'Compute tray or GPU system',
  },
  switch: {
    key: 'nvlink-switch-tray',
    name: 'NVLink switch tray',
    colorHex: '1f77b4',
    description: 'NVLink switch tray',
  },
  shelf: {
    key: 'power-shelf',
    name: 'Power shelf',
    colorHex: 'ff7f0e',
    description: 'Rack power shelf: its input power ports carry the rack power',
  },
} as const;

/** Circuits NetBox power feeds can be taken from. */
const CIRCUIT_KINDS = new Set(['busway', 'row-pdu']);

/**
 * The inventory of one site of `plant`. `circuits` gives the nameplate (volts, amps,
 * phases) of every busway and row PDU by construct path; racks must be fed from those.
 *
 * - a location per hall, named by its path below the site (`building-1/hall-02`);
 * - a rack per rack, with a rack role and a rack type per catalog system;
 * - a power feed per rack feed, named `<rack>-A`, `<rack>-B`: primary for the first feed,
 *   redundant for the others; the busway's volts, amps, phases (DC: supply 'dc', phase
 *   'single-phase', NetBox's V x A) and maximum utilization in whole percent, so that
 *   NetBox's available power equals the model's limit for the busway;
 * - a power panel per piece of equipment a busway feeding racks draws from (its first
 *   feed where it has several), named by its path below the site;
 * - at 'full' detail, devices for the compute nodes, NVLink switch trays and power shelves
 *   of each rack, and a power port per power shelf (per compute node without shelves) whose
 *   allocated draws, in whole W, sum to the rack's design power; maximum draw is the shelf
 *   rating where the catalog gives one.
 *
 * Values NetBox cannot store (fractional amps or volts, a utilization that is not a whole
 * percent, names too long) are refused with a DesignError naming the construct.
 */
export function planInventory(
  plant: Plant,
  siteIndex: number,
  circuits: ReadonlyMap<string, Circuit>,
  options: InventoryOptions,
): InventoryPlan {
  const site = plant.sites[siteIndex];
  if (!site) throw new DesignError('', `no site ${siteIndex} in the model`);
  const out = emptyObjects();
  const name = (path: string, what: string, value: string, max: number = MAX_LENGTH.name) =>
    checked(path, what, value, max);
  const slug = (path: string, what: string, value: string) =>
    checked(path, `${what} slug`, slugOf(value), MAX_LENGTH.slug);

  out.sites.push({
    key: slug(site.path, 'site', site.name),
    path: site.path,
    name: name(site.path, 'site name', site.name),
    slug: slug(site.path, 'site', site.name),
    description: `${fmt(site.gridConnectionW / 1e6)} MW grid connection, ${site.country}`,
  });
  if (options.tenant !== undefined) {
    out.tenants.push({
      key: slug(site.path, 'tenant', options.tenant),
      name: name(site.path, 'tenant name', options.tenant),
      slug: slug(site.path, 'tenant', options.tenant),
    });
  }

  // Locations: one per hall of the site.
  const locationKeys = new KeySet('location');
  const locationOf = new Map<number, string>();
  for (const hall of plant.halls) {
    if (hall.site !== siteIndex) continue;
    const rel = below(site.path, hall.path);
    const key = locationKeys.add(hall.path, slug(hall.path, 'location', rel));
    locationOf.set(hall.index, key);
    out.locations.push({
      key,
      path: hall.path,
      name: name(hall.path, 'location name', rel),
      slug: key,
      building: slugOf(rel.split('/')[0]),
      description: hallDescription(hall),
    });
  }

  // Racks, in path order; the systems they hold give the roles and types.
  const racks = plant.nodes
    .filter((n) => n.kind === 'rack' && n.site === siteIndex)
    .sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  const systems = new Set<RackSystem>();
  for (const r of racks) systems.add(r.rack!.system);
  const catalogOrder = RackSystem.list();
  const usedSystems = [...systems].sort((a, b) => catalogOrder.indexOf(a) - catalogOrder.indexOf(b));
  const manufacturer = slugOf(MANUFACTURER);
  out.manufacturers.push({ key: manufacturer, name: MANUFACTURER, slug: manufacturer });
  for (const s of usedSystems) {
    const spec = s.spec;
    out.rackRoles.push({
      key: s.id,
      name: spec.name,
      slug: s.id,
      colorHex: RACK_ROLE_COLORS[catalogOrder.indexOf(s) % RACK_ROLE_COLORS.length],
      description: `GPU racks: ${spec.gpus} x ${spec.gpuModel}, ${fmt(spec.designKw)} kW design`,
    });
    out.rackTypes.push({
      key: s.id,
      model: spec.name,
      slug: s.id,
      manufacturer,
      formFactor: options.rackFrame.formFactor,
      widthIn: options.rackFrame.widthIn,
      uHeight: options.rackFrame.uHeight,
      startingUnit: 1,
      weightKg: spec.weightKg,
      description: `${spec.computeNodes} compute nodes, ${spec.switchTrays} NVLink switch trays`,
    });
  }

  const rackKeys = new KeySet('rack');
  const feedKeys = new KeySet('power feed');
  const panels = new Map<number, Set<string>>();
  const rackKeyOf = new Map<number, string>();
  for (const r of racks) {
    const info = r.rack!;
    const key = rackKeys.add(r.path, slug(r.path, 'rack', info.name));
    rackKeyOf.set(r.index, key);
    const location = locationOf.get(info.hall);
    if (location === undefined) throw new DesignError(r.path, 'stands in a hall of another site');
    out.racks.push({
      key,
      path: r.path,
      name: name(r.path, 'rack name', info.name),
      location,
      role: info.system.id,
      rackType: info.system.id,
      designPowerW: r.demandW,
      description: `${info.system.spec.name}, ${fmt(r.demandW / W_PER_KW)} kW design power`,
    });

    r.feeds.forEach((f, side) => {
      const circuitNode = plant.nodes[f];
      const feed = feedFrom(r, circuitNode, circuits.get(circuitNode.path));
      const panel = plant.nodes[circuitNode.feeds[0]];
      let locations = panels.get(panel.index);
      if (!locations) panels.set(panel.index, (locations = new Set()));
      locations.add(location);
      const letter = info.feedSides[side];
      const shared = circuitNode.loads.length;
      out.powerFeeds.push({
        key: feedKeys.add(r.path, `${key}-${letter.toLowerCase()}`),
        name: name(r.path, 'power feed name', `${info.name}-${letter}`),
        panel: slugOf(below(site.path, panel.path)),
        rack: key,
        type: side === 0 ? 'primary' : 'redundant',
        ...feed,
        circuitPath: circuitNode.path,
        description:
          `${letter} side: ${circuitNode.label} ${below(site.path, circuitNode.path)}` +
          (shared > 1 ? `, shared by ${shared} loads (NetBox counts its whole rating on each feed)` : ''),
      });
    });
  }

  const panelKeys = new KeySet('power panel');
  for (const [index, locations] of [...panels].sort((a, b) => a[0] - b[0])) {
    const node = plant.nodes[index];
    const rel = below(site.path, node.path);
    out.powerPanels.push({
      key: panelKeys.add(node.path, slug(node.path, 'power panel', rel)),
      path: node.path,
      name: name(node.path, 'power panel name', rel),
      description: `${node.label}, feeds busways to racks`,
      locations: [...locations].sort(),
    });
  }
  out.powerPanels.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));

  if (options.detail === 'full') planDevices(out, usedSystems, racks, rackKeyOf, manufacturer);

  return { ...out, detail: options.detail, status: options.status };
}

function hallDescription(hall: HallModel): string {
  return `${hall.name}: ${hall.rackPositions} rack positions, ${fmt(hall.designPowerPerRackW / W_PER_KW)} kW per rack`;
}

/** The electrical fields of the power feed a rack takes from `circuitNode`, checked against what NetBox stores. */
function feedFrom(rack: PowerNode, circuitNode: PowerNode, circuit: Circuit | undefined): FeedCircuit {
  if (!CIRCUIT_KINDS.has(circuitNode.kind) || circuit === undefined) {
    throw new DesignError(
      rack.path,
      `is fed from ${circuitNode.path}, a ${circuitNode.label}: NetBox power feeds are written for busways and row PDUs (volts and amps)`,
    );
  }
  if (circuitNode.feeds.length === 0) {
    throw new DesignError(
      circuitNode.path,
      `${circuitNode.label} has no feed: no NetBox power panel to take its power feeds from`,
    );
  }
  const path = circuitNode.path;
  const whole = (what: string, value: number, min: number, max: number) => {
    if (!Number.isInteger(value) || value < min || value > max) {
      throw new DesignError(
        path,
        `${what} ${value} cannot be written to NetBox: a whole number in [${min}, ${max}]`,
      );
    }
    return value;
  };
  const percent = circuitNode.maxUtilization * 100;
  const rounded = Math.round(percent);
  if (Math.abs(percent - rounded) > 1e-9) {
    throw new DesignError(
      path,
      `maxUtilization ${circuitNode.maxUtilization} cannot be written to NetBox, which stores a whole percent`,
    );
  }
  return {
    supply: circuit.phases === 'dc' ? 'dc' : 'ac',
    phase: circuit.phases === 3 ? 'three-phase' : 'single-phase',
    voltage: whole('voltageV', circuit.voltageV, 1, 32_767),
    amperage: whole('ratingA', circuit.ratingA, 1, 32_767),
    maxPercentUtilization: whole('max utilization (%)', rounded, 1, 100),
  };
}

/** Compute nodes, NVLink switch trays and power shelves of every rack, with the power ports that carry its design power. */
function planDevices(
  out: ReturnType<typeof emptyObjects>,
  systems: readonly RackSystem[],
  racks: readonly PowerNode[],
  rackKeyOf: ReadonlyMap<number, string>,
  manufacturer: string,
): void {
  const used = { compute: false, switch: false, shelf: false };
  for (const s of systems) {
    const spec = s.spec;
    const node = spec.switchTrays > 0 ? 'compute tray' : 'system';
    used.compute = true;
    out.deviceTypes.push({
      key: `${s.id}-compute`,
      model: `${spec.name} ${node}`,
      slug: `${s.id}-compute`,
      manufacturer,
    });
    if (spec.switchTrays > 0) {
      used.switch = true;
      out.deviceTypes.push({
        key: `${s.id}-nvlink-switch`,
        model: `${spec.name} NVLink switch tray`,
        slug: `${s.id}-nvlink-switch`,
        manufacturer,
      });
    }
    if (spec.powerShelves) {
      used.shelf = true;
      out.deviceTypes.push({
        key: `${s.id}-power-shelf`,
        model: `${spec.name} power shelf (${fmt(spec.powerShelves.ratingKw)} kW)`,
        slug: `${s.id}-power-shelf`,
        manufacturer,
      });
    }
  }
  for (const role of ['compute', 'switch', 'shelf'] as const) {
    if (used[role]) out.deviceRoles.push({ ...DEVICE_ROLES[role], slug: DEVICE_ROLES[role].key });
  }

  const deviceKeys = new KeySet('device');
  const rackSpecs = new Map(out.racks.map((r) => [r.key, r]));
  for (const r of racks) {
    const info = r.rack!;
    const spec = info.system.spec;
    const rackKey = rackKeyOf.get(r.index)!;
    const location = rackSpecs.get(rackKey)!.location;
    const devices = (suffix: string, count: number, typeKey: string, role: string): string[] => {
      const keys: string[] = [];
      for (let i = 1; i <= count; i++) {
        const deviceName = checked(
          r.path,
          'device name',
          `${info.name}-${suffix}-${pad2(i)}`,
          MAX_LENGTH.deviceName,
        );
        const key = deviceKeys.add(r.path, slugOf(deviceName));
        out.devices.push({ key, name: deviceName, rack: rackKey, location, deviceType: typeKey, role });
        keys.push(key);
      }
      return keys;
    };
    const compute = devices(
      'compute',
      spec.computeNodes,
      `${info.system.id}-compute`,
      DEVICE_ROLES.compute.key,
    );
    devices('nvswitch', spec.switchTrays, `${info.system.id}-nvlink-switch`, DEVICE_ROLES.switch.key);
    const shelves = spec.powerShelves
      ? devices(
          'power-shelf',
          spec.powerShelves.count,
          `${info.system.id}-power-shelf`,
          DEVICE_ROLES.shelf.key,
        )
      : [];
    // The rack's power enters through its power shelves, or through its systems where it has none.
    const inlets = shelves.length > 0 ? shelves : compute;
    const maximumDrawW = spec.powerShelves ? spec.powerShelves.ratingKw * W_PER_KW : undefined;
    const shares = splitWhole(Math.round(r.demandW), inlets.length);
    inlets.forEach((device, i) => {
      if (maximumDrawW !== undefined && shares[i] > maximumDrawW) {
        throw new DesignError(
          r.path,
          `design power ${fmt(r.demandW / W_PER_KW)} kW needs ${fmt(shares[i] / W_PER_KW)} kW per power shelf, ` +
            `above the ${fmt(maximumDrawW / W_PER_KW)} kW shelf rating`,
        );
      }
      out.powerPorts.push({
        key: `${device}-input`,
        name: 'input',
        device,
        rack: rackKey,
        maximumDrawW,
        allocatedDrawW: shares[i],
        description: `${i + 1} of ${inlets.length} inputs sharing the rack's ${fmt(r.demandW / W_PER_KW)} kW design power`,
      });
    });
  }
}

/** `total` split into `parts` whole numbers that differ by at most 1 and sum to `total` (the first ones take the remainder). */
export function splitWhole(total: number, parts: number): number[] {
  if (parts <= 0) return [];
  const base = Math.floor(total / parts);
  const rest = total - base * parts;
  return Array.from({ length: parts }, (_, i) => base + (i < rest ? 1 : 0));
}
