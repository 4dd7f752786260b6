import { IConstruct } from 'constructs';
import { RackSystem } from '../catalog/rack-systems';
import { DesignError } from '../errors';
import { W_PER_KW } from '../units';
import { coolingLoads } from '../analysis/cooling';
import {
  ContingencyLevel,
  CoolingKind,
  CoolingRecord,
  Current,
  EquipmentKind,
  EquipmentRecord,
  FeedMode,
  isModelled,
  MODEL,
  ModelRecord,
  RackRecord,
  RecordOf,
  SiteRecord,
} from './records';
import { Side } from './sides';

/**
 * The plain model of a design, read from a construct tree. Indices replace references so
 * the analysis runs over flat arrays; everything is ordered deterministically (by level,
 * then construct path), whatever the order in which the app declared it.
 */
export interface Plant {
  readonly sites: readonly SiteModel[];
  readonly halls: readonly HallModel[];
  /** Equipment and racks in topological order: every node comes after all of its feeds. */
  readonly nodes: readonly PowerNode[];
  readonly generators: readonly GeneratorModel[];
  readonly coolers: readonly CoolingModel[];
}

export interface SiteModel {
  readonly index: number;
  readonly path: string;
  readonly name: string;
  readonly country: string;
  readonly jurisdiction: string;
  readonly gridConnectionW: number;
  readonly designPue?: number;
  readonly otherLoadW: number;
  readonly contingencyLevel: ContingencyLevel;
}

export interface HallModel {
  readonly index: number;
  readonly path: string;
  readonly name: string;
  readonly site: number;
  readonly designPowerPerRackW: number;
  readonly rackPositions: number;
  /** Node indices of the racks standing in the hall. */
  readonly racks: number[];
}

/** 'cooling': the electrical load of a cooling group fed from the train (pumps, fans, compressors). */
export type NodeKind = EquipmentKind | 'rack' | 'cooling';

/** A load with no rating of its own (a rack, a cooling group on the train): it draws its design power. */
export function isUnratedLoad(node: PowerNode): boolean {
  return node.kind === 'rack' || node.kind === 'cooling';
}

export interface PowerNode {
  readonly index: number;
  readonly path: string;
  readonly kind: NodeKind;
  readonly label: string;
  readonly site: number;
  /** Indices of the nodes this one draws from. Loads share their power equally among them. */
  readonly feeds: readonly number[];
  /** Indices of the nodes that draw from this one. */
  readonly loads: number[];
  /** Longest distance from a source; every feed has a lower level. */
  readonly level: number;
  /** Real power one unit carries at 100% (kVA x PF for kVA-rated equipment), in W. Infinity for racks. */
  readonly unitCapacityW: number;
  readonly units: number;
  readonly redundantUnits: number;
  /** Usable capacity at 100% of rating: (units - redundantUnits) x unitCapacityW. */
  readonly capacityW: number;
  /** Installed capacity, every unit counted: units x unitCapacityW (what a group keeps when another component fails). */
  readonly installedW: number;
  /** How it draws from its feeds: equally ('shared') or from its primary, moving whole on its loss ('transfer'). */
  readonly feedMode: FeedMode;
  /** Current it takes in and delivers (racks: their supply; only converters differ). */
  readonly input: Current;
  readonly output: Current;
  /** Output voltage, V, where declared (busways, DC stages); racks: the DC voltage they need (800), if DC. */
  readonly voltageV?: number;
  /** Minutes its stored energy carries its usable rating (UPS battery, energy storage); undefined: none. */
  readonly autonomyMinutes?: number;
  /** Cooling nodes: index of their group in `plant.coolers`. */
  readonly cooler?: number;
  readonly ratingUnit: 'kW' | 'kVA';
  readonly powerFactor: number;
  readonly efficiency: number;
  readonly maxUtilization: number;
  /** Racks: the design power drawn, in W; 0 for equipment. */
  readonly demandW: number;
  readonly rack?: RackInfo;
  /** Index of the generator group that takes over when all feeds are lost. */
  backupGenerator?: number;
  /** Equipment and cooling loads: the side of the train it stands on, as registered; undefined: neither. */
  readonly side?: Side;
}

export interface RackInfo {
  readonly name: string;
  readonly system: RackSystem;
  /** Share of the rack's heat removed by liquid. */
  readonly liquidFraction: number;
  readonly hall: number;
  readonly requiresRedundancy: boolean;
  /** The side letter of each of its feeds, in the order of `feeds`, as registered. */
  readonly feedSides: readonly string[];
}

export interface GeneratorModel {
  readonly index: number;
  readonly path: string;
  readonly site: number;
  readonly unitRatingW: number;
  readonly units: number;
  readonly redundantUnits: number;
  readonly usableW: number;
  readonly backs: readonly number[];
  /** Seconds from grid loss until the group carries the load. */
  readonly transferSeconds: number;
}

export interface CoolingModel {
  readonly index: number;
  readonly path: string;
  readonly site: number;
  readonly kind: CoolingKind;
  readonly label: string;
  readonly unitCapacityW: number;
  readonly units: number;
  readonly redundantUnits: number;
  /** (units - redundantUnits) x unit capacity, W. */
  readonly usableW: number;
  readonly supplyTemperatureC?: number;
  readonly cop?: number;
  /** Electrical input of one unit at nameplate, W (pumps, fans); the duty units draw it. */
  readonly unitPowerW?: number;
  /** Node index of its electrical load on the train; undefined: counted at facility level only. */
  readonly node?: number;
  /** Node indices of the racks it serves, ascending. */
  readonly racks: readonly number[];
}

interface Found {
  readonly construct: IConstruct;
  readonly path: string;
  readonly record: ModelRecord;
}

/** A found construct whose record is of one kind. */
type FoundOf<K extends ModelRecord['kind']> = Found & { readonly record: RecordOf<K> };

function isFound<K extends ModelRecord['kind']>(f: Found, kind: K): f is FoundOf<K> {
  return f.record.kind === kind;
}

/**
 * Reads the plain model from every modelled construct under `root`, in steps: collect the
 * records, read the sites and halls, resolve the power graph's references into indices
 * ordered by level, then the generators and cooling groups that refer to it.
 */
export function buildPlant(root: IConstruct): Plant {
  const found = collectRecords(root);
  const sites = readSites(found);
  const halls = readHalls(found, sites);
  const power = readPowerNodes(found, sites, halls);
  const generators = readGenerators(found, sites, power);
  const coolers = readCoolers(found, sites, power);
  const plant = {
    sites: sites.models,
    halls: halls.models,
    nodes: power.nodes,
    generators,
    coolers,
  };
  addCoolingDemand(plant, power.nodes);
  return plant;
}

/** Every modelled construct's record, by construct path. */
function collectRecords(root: IConstruct): Found[] {
  const found: Found[] = [];
  for (const c of root.node.findAll()) {
    if (isModelled(c)) found.push({ construct: c, path: c.node.path, record: c[MODEL]() });
  }
  found.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return found;
}

/** The index of the nearest scope of `c` (itself included) in `map`. */
function nearest(c: IConstruct, map: ReadonlyMap<IConstruct, number>): number | undefined {
  for (let s: IConstruct | undefined = c; s; s = s.node.scope) {
    const i = map.get(s);
    if (i !== undefined) return i;
  }
  return undefined;
}

interface Sites {
  readonly models: SiteModel[];
  readonly records: SiteRecord[];
  /** The site a found construct stands in, or a DesignError naming it. */
  require(f: Found): number;
}

/** The sites, with unique names. */
function readSites(found: readonly Found[]): Sites {
  const siteOf = new Map<IConstruct, number>();
  const models: SiteModel[] = [];
  const records: SiteRecord[] = [];
  const siteNames = new Map<string, string>();
  for (const f of found) {
    if (!isFound(f, 'site')) continue;
    const r = f.record;
    const other = siteNames.get(r.name);
    if (other) throw new DesignError(f.path, `site name '${r.name}' is already used by ${other}`);
    siteNames.set(r.name, f.path);
    siteOf.set(f.construct, models.length);
    records.push(r);
    models.push({
      index: models.length,
      path: f.path,
      name: r.name,
      country: r.country,
      jurisdiction: r.jurisdiction,
      gridConnectionW: r.gridConnectionKw * W_PER_KW,
      designPue: r.designPue,
      otherLoadW: r.otherLoadKw * W_PER_KW,
      contingencyLevel: r.contingencyLevel,
    });
  }
  const require = (f: Found): number => {
    const i = nearest(f.construct, siteOf);
    if (i === undefined) throw new DesignError(f.path, 'must be declared inside a Site');
    return i;
  };
  return { models, records, require };
}

interface Halls {
  readonly models: HallModel[];
  readonly of: ReadonlyMap<IConstruct, number>;
}

function readHalls(found: readonly Found[], sites: Sites): Halls {
  const of = new Map<IConstruct, number>();
  const models: HallModel[] = [];
  for (const f of found) {
    if (!isFound(f, 'hall')) continue;
    const r = f.record;
    of.set(f.construct, models.length);
    models.push({
      index: models.length,
      path: f.path,
      name: r.name,
      site: sites.require(f),
      designPowerPerRackW: r.designKwPerRack * W_PER_KW,
      rackPositions: r.rackPositions,
      racks: [],
    });
  }
  return { models, of };
}

/** A record that is a node of the power graph: equipment, a rack, or a cooling group fed from the train. */
type PowerFound = FoundOf<'equipment'> | FoundOf<'rack'> | FoundOf<'cooling'>;

interface PowerNodes {
  /** In final order: by level, then path. */
  readonly nodes: PowerNode[];
  /** Final node index of a construct of the power graph. */
  indexOf(c: IConstruct): number | undefined;
  /** Its record, by final node index. */
  readonly found: readonly PowerFound[];
}

/**
 * The power graph: references to feeds resolved into indices (refusing feeds that are not
 * power equipment, cycles and feeds of another site), ordered by level (every node after
 * its feeds), then by path; racks listed in their halls.
 */
function readPowerNodes(found: readonly Found[], sites: Sites, halls: Halls): PowerNodes {
  const powerFound = found.filter(
    (f): f is PowerFound =>
      isFound(f, 'equipment') || isFound(f, 'rack') || (isFound(f, 'cooling') && f.record.feeds.length > 0),
  );
  const firstIndex = new Map<IConstruct, number>();
  powerFound.forEach((f, i) => firstIndex.set(f.construct, i));
  const feedIndices = resolveFeeds(powerFound, firstIndex);
  const levels = computeLevels(powerFound, feedIndices);
  const { order, newIndex } = orderByLevel(levels);

  const siteOf = powerFound.map((f) => sites.require(f));
  const rackNames = new Map<string, string>();
  const nodes: PowerNode[] = order.map((oldI, i) => {
    const f = powerFound[oldI];
    const site = siteOf[oldI];
    for (const j of feedIndices[oldI]) {
      const feedSite = siteOf[j];
      if (feedSite !== site) {
        throw new DesignError(
          f.path,
          `is fed from ${powerFound[j].path} of site ${sites.models[feedSite].name}, but stands in site ${sites.models[site].name}`,
        );
      }
    }
    const at: Placed = {
      index: i,
      path: f.path,
      site,
      feeds: feedIndices[oldI].map((j) => newIndex[j]),
      level: levels[oldI],
    };
    if (isFound(f, 'rack')) {
      const hall = nearest(f.construct, halls.of);
      if (hall === undefined) throw new DesignError(f.path, 'a rack must stand inside a Hall');
      const key = `${site}\u0000${f.record.name}`;
      const other = rackNames.get(key);
      if (other)
        throw new DesignError(
          f.path,
          `rack name '${f.record.name}' is already used in this site by ${other}`,
        );
      rackNames.set(key, f.path);
      halls.models[hall].racks.push(i);
      return rackNode(at, f.record, hall, sites.records[site]);
    }
    if (isFound(f, 'cooling')) return coolingNode(at, f.record, sites.records[site]);
    return equipmentNode(at, f.record);
  });
  for (const n of nodes) for (const f of n.feeds) nodes[f].loads.push(n.index);
  for (const h of halls.models) h.racks.sort((a, b) => a - b);
  return {
    nodes,
    indexOf: (c) => {
      const i = firstIndex.get(c);
      return i === undefined ? undefined : newIndex[i];
    },
    found: order.map((oldI) => powerFound[oldI]),
  };
}

/** The feeds of every node as indices into `powerFound`; a DesignError for a feed that is not power equipment. */
function resolveFeeds(
  powerFound: readonly PowerFound[],
  indexOf: ReadonlyMap<IConstruct, number>,
): number[][] {
  return powerFound.map((f) =>
    f.record.feeds.map((feed) => {
      const i = indexOf.get(feed);
      if (i === undefined || powerFound[i].record.kind !== 'equipment')
        throw new DesignError(f.path, `is fed from ${feed.node.path}, which is not power equipment`);
      return i;
    }),
  );
}

/**
 * The final order: by level, then path (the stable sort keeps the path order within a
 * level). `order[new] = old`, `newIndex[old] = new`.
 */
function orderByLevel(levels: Int32Array): { order: number[]; newIndex: Int32Array } {
  const order = Array.from(levels, (_, i) => i).sort((a, b) => levels[a] - levels[b]);
  const newIndex = new Int32Array(levels.length);
  order.forEach((oldI, newI) => (newIndex[oldI] = newI));
  return { order, newIndex };
}

/** Where a node stands in the graph, resolved before its kind is read. */
interface Placed {
  readonly index: number;
  readonly path: string;
  readonly site: number;
  readonly feeds: readonly number[];
  readonly level: number;
}

/**
 * Every power node is made here, with every field present (undefined where a kind has none)
 * and in one order: one object shape, so the analysis's loops over nodes stay monomorphic.
 */
function powerNode(
  at: Placed,
  kind: NodeKind,
  fields: {
    readonly label: string;
    readonly unitCapacityW: number;
    readonly units: number;
    readonly redundantUnits: number;
    readonly feedMode: FeedMode;
    readonly input: Current;
    readonly output: Current;
    readonly voltageV: number | undefined;
    readonly autonomyMinutes: number | undefined;
    readonly ratingUnit: 'kW' | 'kVA';
    readonly powerFactor: number;
    readonly efficiency: number;
    readonly maxUtilization: number;
    readonly demandW: number;
    readonly rack: RackInfo | undefined;
    readonly side: Side | undefined;
  },
): PowerNode {
  const { unitCapacityW, units, redundantUnits } = fields;
  return {
    index: at.index,
    path: at.path,
    kind,
    label: fields.label,
    site: at.site,
    feeds: at.feeds,
    loads: [],
    level: at.level,
    unitCapacityW,
    units,
    redundantUnits,
    capacityW: (units - redundantUnits) * unitCapacityW,
    installedW: units * unitCapacityW,
    feedMode: fields.feedMode,
    input: fields.input,
    output: fields.output,
    voltageV: fields.voltageV,
    autonomyMinutes: fields.autonomyMinutes,
    cooler: undefined,
    ratingUnit: fields.ratingUnit,
    powerFactor: fields.powerFactor,
    efficiency: fields.efficiency,
    maxUtilization: fields.maxUtilization,
    demandW: fields.demandW,
    rack: fields.rack,
    backupGenerator: undefined,
    side: fields.side,
  };
}

/** What racks and cooling loads share: a load with no rating of its own, drawing from its feeds. */
function unratedNode(
  at: Placed,
  kind: 'rack' | 'cooling',
  site: SiteRecord,
  load: {
    readonly label: string;
    readonly current: Current;
    readonly voltageV: number | undefined;
    readonly demandW: number;
    readonly rack: RackInfo | undefined;
    readonly side: Side | undefined;
  },
): PowerNode {
  return powerNode(at, kind, {
    label: load.label,
    unitCapacityW: Infinity,
    units: 1,
    redundantUnits: 0,
    feedMode: 'shared',
    input: load.current,
    output: load.current,
    voltageV: load.voltageV,
    autonomyMinutes: undefined,
    ratingUnit: 'kW',
    powerFactor: site.powerFactor,
    efficiency: 1,
    maxUtilization: 1,
    demandW: load.demandW,
    rack: load.rack,
    side: load.side,
  });
}

function rackNode(at: Placed, r: RackRecord, hall: number, site: SiteRecord): PowerNode {
  const dc = r.system.spec.supply === 'dc800';
  return unratedNode(at, 'rack', site, {
    label: 'rack',
    current: dc ? 'dc' : 'ac',
    voltageV: dc ? 800 : undefined,
    demandW: r.designPowerKw * W_PER_KW,
    rack: {
      name: r.name,
      system: r.system,
      liquidFraction: r.liquidFraction,
      hall,
      requiresRedundancy: r.requiresRedundancy,
      feedSides: r.feedSides,
    },
    side: undefined,
  });
}

function coolingNode(at: Placed, r: CoolingRecord, site: SiteRecord): PowerNode {
  return unratedNode(at, 'cooling', site, {
    label: r.label,
    current: 'ac',
    voltageV: undefined,
    demandW: 0, // set by addCoolingDemand, once the heat of the racks it serves is known
    rack: undefined,
    side: r.side,
  });
}

function equipmentNode(at: Placed, r: EquipmentRecord): PowerNode {
  return powerNode(at, r.equipment, {
    label: r.label,
    unitCapacityW: r.unitRating * W_PER_KW * r.powerFactor,
    units: r.units,
    redundantUnits: r.redundantUnits,
    feedMode: r.feedMode,
    input: r.input,
    output: r.output,
    voltageV: r.voltageV,
    autonomyMinutes: r.autonomyMinutes,
    ratingUnit: r.ratingUnit,
    powerFactor: r.powerFactor,
    efficiency: r.efficiency,
    maxUtilization: r.maxUtilization,
    demandW: 0,
    rack: undefined,
    side: r.side,
  });
}

/** The generator groups, each taking over the equipment it backs (set on those nodes). */
function readGenerators(found: readonly Found[], sites: Sites, power: PowerNodes): GeneratorModel[] {
  const { nodes } = power;
  const generators: GeneratorModel[] = [];
  for (const f of found) {
    if (!isFound(f, 'generator-group')) continue;
    const r = f.record;
    const site = sites.require(f);
    const g = generators.length;
    const backs = r.backs.map((b) => {
      const i = power.indexOf(b);
      if (i === undefined)
        throw new DesignError(f.path, `backs ${b.node.path}, which is not power equipment`);
      const n = nodes[i];
      if (n.site !== site) {
        throw new DesignError(
          f.path,
          `backs ${n.path} of site ${sites.models[n.site].name}, but stands in site ${sites.models[site].name}`,
        );
      }
      if (n.backupGenerator !== undefined) {
        throw new DesignError(
          f.path,
          `backs ${n.path}, which ${generators[n.backupGenerator].path} already backs`,
        );
      }
      n.backupGenerator = g;
      return n.index;
    });
    generators.push({
      index: g,
      path: f.path,
      site,
      unitRatingW: r.unitRatingKw * W_PER_KW,
      units: r.units,
      redundantUnits: r.redundantUnits,
      usableW: (r.units - r.redundantUnits) * r.unitRatingKw * W_PER_KW,
      backs: backs.sort((a, b) => a - b),
      transferSeconds: r.transferSeconds,
    });
  }
  return generators;
}

/** The cooling groups, with the racks below the scopes they serve. */
function readCoolers(found: readonly Found[], sites: Sites, power: PowerNodes): CoolingModel[] {
  // The racks below each served scope, from each rack up (racks x depth, not a walk of every
  // served subtree).
  const below = new Map<IConstruct, number[]>();
  for (const f of found) if (isFound(f, 'cooling')) for (const scope of f.record.serves) below.set(scope, []);
  power.found.forEach((f, i) => {
    if (f.record.kind !== 'rack') return;
    for (let s: IConstruct | undefined = f.construct; s; s = s.node.scope) below.get(s)?.push(i);
  });
  const coolers: CoolingModel[] = [];
  for (const f of found) {
    if (!isFound(f, 'cooling')) continue;
    const r = f.record;
    const racks = new Set<number>();
    for (const scope of r.serves) for (const i of below.get(scope)!) racks.add(i);
    const own = power.indexOf(f.construct);
    coolers.push({
      ...(own === undefined ? {} : { node: own }),
      ...(r.unitPowerKw === undefined ? {} : { unitPowerW: r.unitPowerKw * W_PER_KW }),
      index: coolers.length,
      path: f.path,
      site: sites.require(f),
      kind: r.equipment,
      label: r.label,
      unitCapacityW: r.unitCapacityKw * W_PER_KW,
      units: r.units,
      redundantUnits: r.redundantUnits,
      usableW: (r.units - r.redundantUnits) * r.unitCapacityKw * W_PER_KW,
      supplyTemperatureC: r.supplyTemperatureC,
      cop: r.cop,
      racks: [...racks].sort((a, b) => a - b),
    });
  }
  return coolers;
}

/** Cooling groups on the train draw the electrical power their heat needs. */
function addCoolingDemand(plant: Plant, nodes: PowerNode[]): void {
  const electrical = coolingLoads(plant).electricalW;
  for (const c of plant.coolers) {
    if (c.node !== undefined)
      nodes[c.node] = { ...nodes[c.node], cooler: c.index, demandW: electrical[c.index] }; // same shape: both fields exist
  }
}

/** Longest distance from a source for every node; a DesignError naming the cycle if there is one. */
function computeLevels(found: readonly Found[], feeds: readonly number[][]): Int32Array {
  const UNSEEN = -1;
  const VISITING = -2;
  const level = new Int32Array(found.length).fill(UNSEEN);
  const stack: number[] = [];
  const visit = (i: number): number => {
    if (level[i] >= 0) return level[i];
    if (level[i] === VISITING) {
      const cycle = stack.slice(stack.indexOf(i)).map((j) => found[j].path);
      throw new DesignError(
        found[i].path,
        `power feeds form a cycle: ${[...cycle, found[i].path].join(' <- ')}`,
      );
    }
    level[i] = VISITING;
    stack.push(i);
    let l = 0;
    for (const f of feeds[i]) l = Math.max(l, visit(f) + 1);
    stack.pop();
    level[i] = l;
    return l;
  };
  for (let i = 0; i < found.length; i++) visit(i);
  return level;
}
