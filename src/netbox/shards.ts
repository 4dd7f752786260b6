import { packShards } from '../planning/shards';
import { emptyObjects, InventoryObjects, InventoryPlan, RackSpec } from './inventory';
import { pad2 } from './names';

/** How an inventory is split into Terraform states: by building, or by hall. */
export type ShardBy = 'building' | 'hall';

export interface InventoryShard {
  /**
   * The building or hall key (a location's `building`, or its key); with a numbered suffix
   * (`building-1-03`) where the building or hall is split to stay within the cap.
   */
  readonly key: string;
  readonly objects: InventoryObjects;
}

export interface ShardedInventory {
  /**
   * What the shards share: the site, the tenant, manufacturers, roles and types, and the
   * locations and power panels whose racks fall in more than one shard.
   */
  readonly base: InventoryObjects;
  /** Racks with their feeds, devices and power ports, and the locations and panels of only those racks; in layout order. */
  readonly shards: readonly InventoryShard[];
}

type Objects = ReturnType<typeof emptyObjects>;

/** Where a rack stands: its parent (a pod, a row, or the hall itself), the unit a shard keeps whole. */
const unitOf = (rack: RackSpec): string => rack.path.slice(0, rack.path.lastIndexOf('/'));

/**
 * Splits an inventory by building or by hall, into shards of at most `cap` resources: a
 * building or hall above the cap is split into consecutive shards of whole pods (or rows).
 * A rack, its feeds, devices and power ports always land together. Every object lands in
 * exactly one part; shards refer only to the base and to themselves.
 */
export function shardInventory(plan: InventoryPlan, by: ShardBy, cap = Infinity): ShardedInventory {
  const base = emptyObjects();
  base.sites.push(...plan.sites);
  base.tenants.push(...plan.tenants);
  base.manufacturers.push(...plan.manufacturers);
  base.rackRoles.push(...plan.rackRoles);
  base.rackTypes.push(...plan.rackTypes);
  base.deviceRoles.push(...plan.deviceRoles);
  base.deviceTypes.push(...plan.deviceTypes);

  // Resources each rack brings with it.
  const size = new Map<string, number>(plan.racks.map((r) => [r.key, 1]));
  for (const list of [plan.powerFeeds, plan.devices, plan.powerPorts]) {
    for (const x of list) size.set(x.rack, size.get(x.rack)! + 1);
  }
  const panelRacks = new Map<string, Set<string>>();
  for (const f of plan.powerFeeds) {
    let racks = panelRacks.get(f.panel);
    if (!racks) panelRacks.set(f.panel, (racks = new Set()));
    racks.add(f.rack);
  }

  // Boundaries (buildings or halls), in layout order, with their locations and racks.
  const boundaryOfLocation = new Map<string, string>();
  const boundaries = new Map<string, { locations: string[]; racks: RackSpec[] }>();
  for (const l of plan.locations) {
    const key = by === 'hall' ? l.key : l.building;
    boundaryOfLocation.set(l.key, key);
    if (!boundaries.has(key)) boundaries.set(key, { locations: [], racks: [] });
    boundaries.get(key)!.locations.push(l.key);
  }
  for (const r of plan.racks) boundaries.get(boundaryOfLocation.get(r.location)!)!.racks.push(r);
  const locationOfRack = new Map(plan.racks.map((r) => [r.key, r.location]));
  const boundaryOfPanel = (panel: string): string | undefined => {
    const keys = new Set(
      [...panelRacks.get(panel)!].map((r) => boundaryOfLocation.get(locationOfRack.get(r)!)),
    );
    return keys.size === 1 ? [...keys][0] : undefined;
  };
  const panelsIn = new Map<string, number>();
  for (const p of plan.powerPanels) {
    const b = boundaryOfPanel(p.key);
    if (b !== undefined) panelsIn.set(b, (panelsIn.get(b) ?? 0) + 1);
  }

  const shards: { key: string; objects: Objects }[] = [];
  const partOfRack = new Map<string, Objects>();
  const firstPartOf = new Map<string, Objects>();
  for (const [key, boundary] of boundaries) {
    const units = new Map<string, RackSpec[]>();
    for (const r of boundary.racks) {
      const u = unitOf(r);
      if (!units.has(u)) units.set(u, []);
      units.get(u)!.push(r);
    }
    // Room for the locations and panels that may land in a part besides its racks.
    const reserve = boundary.locations.length + (panelsIn.get(key) ?? 0);
    const packed = packShards(
      [...units].map(([u, racks]) => ({ key: u, size: racks.reduce((n, r) => n + size.get(r.key)!, 0) })),
      Math.max(1, cap - reserve),
    );
    const parts = (packed.length === 0 ? [{ keys: [] as string[] }] : packed).map((p, i, all) => {
      const part = { key: all.length === 1 ? key : `${key}-${pad2(i + 1)}`, objects: emptyObjects() };
      for (const u of p.keys) for (const r of units.get(u)!) partOfRack.set(r.key, part.objects);
      shards.push(part);
      return part;
    });
    firstPartOf.set(key, parts[0].objects);
  }

  /** The part holding every one of `racks`, or the first part of `boundary` when there are none; undefined when they span parts. */
  const soleHolder = (racks: Iterable<string>, boundary: string | undefined): Objects | undefined => {
    const holders = new Set([...racks].map((r) => partOfRack.get(r)!));
    if (holders.size === 0) return boundary === undefined ? undefined : firstPartOf.get(boundary);
    return holders.size === 1 ? [...holders][0] : undefined;
  };
  const racksOfLocation = new Map<string, string[]>();
  for (const r of plan.racks)
    racksOfLocation.set(r.location, [...(racksOfLocation.get(r.location) ?? []), r.key]);
  for (const l of plan.locations) {
    (soleHolder(racksOfLocation.get(l.key) ?? [], boundaryOfLocation.get(l.key)) ?? base).locations.push(l);
  }
  for (const r of plan.racks) partOfRack.get(r.key)!.racks.push(r);
  for (const p of plan.powerPanels)
    (soleHolder(panelRacks.get(p.key)!, undefined) ?? base).powerPanels.push(p);
  for (const f of plan.powerFeeds) partOfRack.get(f.rack)!.powerFeeds.push(f);
  for (const d of plan.devices) partOfRack.get(d.rack)!.devices.push(d);
  for (const p of plan.powerPorts) partOfRack.get(p.rack)!.powerPorts.push(p);

  return { base, shards };
}
