import { IConstruct } from 'constructs';
import { DesignError } from '../errors';
import { Side } from './sides';
import { TenancySpec } from './tenancy';
import { RackSystem } from '../catalog/rack-systems';
import type { OperatorRecord } from './operator-records';

/**
 * What a construct registers about the thing it models. Constructs in `constructs/` call
 * `record(this, kind, () => ({ ... }))` in their constructor (or implement `Modelled` by
 * hand); `buildPlant` reads these records from any construct tree, so the analysis and the
 * policies never depend on cdktf. Records are complete: defaults are resolved by the
 * construct that owns the prop; an optional field means "none", never "the default".
 */
export const MODEL = Symbol.for('aifactory.model');

/** The kind of record a construct gives, readable without building the record. */
export const MODEL_KIND = Symbol.for('aifactory.modelKind');

export interface Modelled {
  readonly [MODEL_KIND]: ModelRecord['kind'];
  [MODEL](): ModelRecord;
}

/** Kinds of power equipment in the graph from the grid to the racks. */
export type EquipmentKind =
  | 'grid-connection'
  | 'transformer'
  | 'switchgear'
  | 'switchboard'
  | 'ups'
  | 'busway'
  | 'row-pdu'
  | 'rectifier'
  | 'sts'
  | 'energy-storage';

/**
 * How a load draws from its feeds. 'shared': equally from every live feed (dual-corded
 * racks, distributed redundancy). 'transfer': from its first (primary) feed only, moving
 * whole to the next live feed when the primary is lost (a static transfer switch).
 */
export type FeedMode = 'shared' | 'transfer';

/** Kind of current: AC phases or DC. */
export type Current = 'ac' | 'dc';

/** Kinds of cooling equipment. */
export type CoolingKind = 'cdu' | 'air-handler' | 'chiller' | 'dry-cooler';

export interface SiteRecord {
  readonly kind: 'site';
  readonly name: string;
  /** ISO 3166-1 alpha-2 country code. */
  readonly country: string;
  readonly jurisdiction: string;
  readonly gridConnectionKw: number;
  readonly designPue?: number;
  readonly otherLoadKw: number;
  readonly maxUtilization: number;
  readonly powerFactor: number;
  readonly contingencyLevel: ContingencyLevel;
}

/** 'n-1': any single failure. 'maintenance': any single failure while one component is in maintenance. */
export type ContingencyLevel = 'n-1' | 'maintenance';

export interface HallRecord {
  readonly kind: 'hall';
  readonly name: string;
  readonly designKwPerRack: number;
  readonly rackPositions: number;
}

/** A grouping that names where racks stand (a row, or a pod / scalable unit). */
export interface LayoutRecord {
  readonly kind: 'layout';
  readonly level: 'row' | 'pod';
  readonly name: string;
}

export interface EquipmentRecord {
  readonly kind: 'equipment';
  readonly equipment: EquipmentKind;
  /** Human name of the kind, for messages ("UPS", "busway"). */
  readonly label: string;
  /** Unit in which the equipment is rated: real power (kW) or apparent power (kVA). */
  readonly ratingUnit: 'kW' | 'kVA';
  /** Rating of one unit, in `ratingUnit`. */
  readonly unitRating: number;
  /** Units in parallel (UPS modules); 1 for single equipment. */
  readonly units: number;
  /** Units held in reserve (N+1: 1). Usable rating = (units - redundantUnits) x unitRating. */
  readonly redundantUnits: number;
  readonly efficiency: number;
  /** Load power factor of kVA-rated equipment (its own or its site's); 1 for kW-rated equipment. */
  readonly powerFactor: number;
  /** Maximum continuous utilization (its own or its site's). */
  readonly maxUtilization: number;
  readonly feeds: readonly IConstruct[];
  /** How it draws from its feeds. */
  readonly feedMode: FeedMode;
  /** Current it takes in. */
  readonly input: Current;
  /** Current it delivers (only converters differ from their input). */
  readonly output: Current;
  /** Output voltage, V, where declared (busways, DC stages). */
  readonly voltageV?: number;
  /** Minutes its stored energy (UPS battery, energy storage) carries its usable rating; undefined: none. */
  readonly autonomyMinutes?: number;
  /** The side of the train it stands on; undefined: neither (shared equipment such as the grid). */
  readonly side?: Side;
}

export interface RackRecord {
  readonly kind: 'rack';
  readonly name: string;
  readonly system: RackSystem;
  readonly designPowerKw: number;
  /** Share of the rack's heat removed by liquid. */
  readonly liquidFraction: number;
  readonly feeds: readonly IConstruct[];
  /** The side letter of each feed, in the order of `feeds` (A for the first, B for the second, ...). */
  readonly feedSides: readonly string[];
  /** True for dual-corded racks that must survive the loss of one feed. */
  readonly requiresRedundancy: boolean;
}

export interface GeneratorGroupRecord {
  readonly kind: 'generator-group';
  readonly unitRatingKw: number;
  readonly units: number;
  readonly redundantUnits: number;
  /** Equipment that switches to this group when its normal feeds are lost. */
  readonly backs: readonly IConstruct[];
  /** Seconds from loss of the grid until the generators carry the load (start, synchronisation and transfer). */
  readonly transferSeconds: number;
}

/**
 * A group of equal cooling units. CDUs take the racks' liquid heat, air handlers their air
 * heat, chillers and dry coolers reject all of it (racks' heat) to the outside.
 */
export interface CoolingRecord {
  readonly kind: 'cooling';
  readonly equipment: CoolingKind;
  readonly label: string;
  /** Heat one unit removes at its design conditions, kW. */
  readonly unitCapacityKw: number;
  readonly units: number;
  readonly redundantUnits: number;
  /** Coolant supply temperature, degrees C (CDUs). */
  readonly supplyTemperatureC?: number;
  /** Heat removed per unit of electrical power (chillers, dry coolers); undefined: no electrical load modelled. */
  readonly cop?: number;
  /** Electrical input of one unit at nameplate (pumps, fans), kW: the duty units draw it; replaces heat / COP. */
  readonly unitPowerKw?: number;
  /** Power equipment the units draw from (their electrical supply); empty: counted at facility level only. */
  readonly feeds: readonly IConstruct[];
  /** Scopes whose racks this group serves (racks, pods, rows, halls, buildings, the site). */
  readonly serves: readonly IConstruct[];
  /** The side of the train it stands on; undefined: neither. */
  readonly side?: Side;
}

/** How a GPU cluster's platform is delivered: Terraform resources, or Helm + GitOps files. */
export type DeliveryRecord =
  | { readonly mode: 'terraform' }
  | {
      readonly mode: 'gitops';
      readonly repoUrl: string;
      readonly targetRevision: string;
      readonly path?: string;
    };

/** A Kubernetes cluster whose nodes are the compute nodes of the racks under `scopes`. */
export interface GpuClusterRecord {
  readonly kind: 'gpu-cluster';
  /** DNS label. */
  readonly name: string;
  readonly scopes: readonly IConstruct[];
  readonly delivery: DeliveryRecord;
  /** Namespace of the platform release under GitOps delivery. */
  readonly platformNamespace: string;
  /** True where the provider installs the NVIDIA GPU Operator itself (Scaleway Kapsule GPU pools). */
  readonly managedGpuOperator: boolean;
  /** Custom resource kinds (`group/Kind`) whose CRDs the cluster has before its platform is applied. */
  readonly installedCrds: readonly string[];
}

/** A tenant of a cluster: a Kueue ClusterQueue and a LocalQueue in its namespace, with a GPU quota. */
export interface TenantRecord {
  readonly kind: 'tenant';
  /** DNS label. */
  readonly name: string;
  /** DNS label. */
  readonly namespace: string;
  readonly gpuQuota: number;
  readonly tenancy: TenancySpec;
}

/** What a site declares for the EU data-centre report (values the design cannot compute). */
export interface EnergyReportingRecord {
  readonly kind: 'energy-reporting';
  /** Share of the facility's energy from renewable sources (guarantees of origin, PPAs, on site). */
  readonly renewableShare?: number;
  /** Share of the IT energy whose heat is reused outside the data centre; undefined: not declared (0 is computed, not declared). */
  readonly reusedHeatShare?: number;
  /** Water per kWh of heat rejected, L/kWh, by heat rejection kind, over the catalog's. */
  readonly waterLitresPerKwhHeat: Readonly<Partial<Record<CoolingKind | 'evaporative', number>>>;
  /** Heat rejection of a site without a modelled plant (design PUE only): its water use follows from it. */
  readonly heatRejection?: CoolingKind | 'evaporative';
}

export type ModelRecord =
  | EnergyReportingRecord
  | GpuClusterRecord
  | OperatorRecord
  | TenantRecord
  | CoolingRecord
  | SiteRecord
  | HallRecord
  | LayoutRecord
  | EquipmentRecord
  | RackRecord
  | GeneratorGroupRecord;

/** The record of one kind. */
export type RecordOf<K extends ModelRecord['kind']> = Extract<ModelRecord, { readonly kind: K }>;

/** What each kind of record holds besides its kind. */
type RecordBodies = { [R in ModelRecord as R['kind']]: Omit<R, 'kind'> };

/**
 * Registers what `c` models: its kind now (so `enclosing` finds it while the tree is being
 * built), and a function giving its record, called when the model is read, once the tree is
 * complete (so feeds, racks or scopes added after construction still count). Call it once,
 * in the constructor (every construct of this library does; cloud kinds use `cloudRecord`).
 */
export function record<K extends ModelRecord['kind']>(
  c: IConstruct,
  kind: K,
  build: () => RecordBodies[K],
): void {
  defineModel<{ readonly kind: K }>(c, kind, () => ({ kind, ...build() }));
}

/**
 * The two symbols `record` defines, for record families of their own (the cloud records use
 * the same symbols with kinds of their own). A construct registers one record only.
 */
export function defineModel<R extends { readonly kind: string }>(
  c: IConstruct,
  kind: R['kind'],
  build: () => R,
): void {
  if (Object.prototype.hasOwnProperty.call(c, MODEL)) {
    throw new DesignError(c.node.path, 'registers what it models twice');
  }
  Object.defineProperty(c, MODEL_KIND, { value: kind });
  Object.defineProperty(c, MODEL, { value: build });
}

export function isModelled(c: IConstruct): c is IConstruct & Modelled {
  return typeof (c as unknown as Partial<Modelled>)[MODEL] === 'function';
}

/** True when `c` registers a record of the given kind (read without building the record). */
export function isModelKind(c: IConstruct, kind: ModelRecord['kind']): boolean {
  return (c as Partial<Modelled>)[MODEL_KIND] === kind;
}

/** The record `c` registers, if it is of the given kind; built now, so call it once the tree is complete. */
export function modelOf<K extends ModelRecord['kind']>(c: IConstruct, kind: K): RecordOf<K> | undefined {
  if (!isModelled(c) || !isModelKind(c, kind)) return undefined;
  const r = c[MODEL]();
  return isKind(r, kind) ? r : undefined;
}

function isKind<K extends ModelRecord['kind']>(r: ModelRecord, kind: K): r is RecordOf<K> {
  return r.kind === kind;
}

/** The nearest ancestor of `c` (not `c` itself) that models the given kind. */
export function enclosing(c: IConstruct, kind: ModelRecord['kind']): IConstruct | undefined {
  for (let s: IConstruct | undefined = c.node.scope; s; s = s.node.scope) {
    if (isModelKind(s, kind)) return s;
  }
  return undefined;
}
