import { Construct, IConstruct } from 'constructs';
import { DesignError } from '../src/errors';
import {
  Current,
  EquipmentKind,
  EquipmentRecord,
  enclosing,
  FeedMode,
  MODEL,
  MODEL_KIND,
  Modelled,
} from '../src/model/records';
import { fraction } from '../src/units';

/** Props every piece of power equipment shares. */
export interface PowerEquipmentProps {
  /**
   * The equipment this one draws from. Its load is shared equally among them.
   * @default - none; add them later with `addFeed()`
   */
  readonly feeds?: readonly PowerEquipment[];
  /**
   * Maximum continuous utilization in normal operation, as a fraction of the rating.
   * @default - the site's (0.8 unless the site sets another)
   */
  readonly maxUtilization?: number;
}

/** What a subclass tells the base about its rating. */
export interface Rating {
  readonly kind: EquipmentKind;
  readonly label: string;
  readonly ratingUnit: 'kW' | 'kVA';
  readonly unitRating: number;
  readonly units?: number;
  readonly redundantUnits?: number;
  readonly efficiency?: number;
  readonly powerFactor?: number;
  /** @default 'shared' */
  readonly feedMode?: FeedMode;
  /** Current taken in and delivered. @default 'ac' (output: as the input) */
  readonly input?: Current;
  readonly output?: Current;
  /** Output voltage, V, where the equipment declares one. */
  readonly voltageV?: number;
  /** Minutes of stored energy at the usable rating (UPS battery, energy storage). */
  readonly autonomyMinutes?: number;
}

/**
 * A node of the power train: anything that carries power toward the racks and can feed
 * other equipment. It must stand inside a `Site`, and it may only be fed from equipment of
 * the same site; a feed that would close a cycle is refused.
 */
export abstract class PowerEquipment extends Construct implements Modelled {
  private readonly _feeds: PowerEquipment[] = [];
  private readonly rating: Rating;
  private readonly maxUtilization?: number;
  /** The Site construct this equipment stands in. */
  readonly site: IConstruct;

  protected constructor(scope: Construct, id: string, props: PowerEquipmentProps, rating: Rating) {
    super(scope, id);
    const site = enclosing(this, 'site');
    if (!site) throw new DesignError(this.node.path, `${rating.label} must be declared inside a Site`);
    this.site = site;
    this.rating = rating;
    if (props.maxUtilization !== undefined) {
      this.maxUtilization = fraction(this.node.path, 'maxUtilization', props.maxUtilization);
    }
    for (const f of props.feeds ?? []) this.addFeed(f);
  }

  /** The equipment this one draws from. */
  get feeds(): readonly PowerEquipment[] {
    return this._feeds;
  }

  /** Adds a feed (an upstream source). Refuses feeds of another site, duplicates and cycles. */
  addFeed(feed: PowerEquipment): this {
    checkFeed(this, feed, this._feeds);
    if (isUpstreamOf(this, feed)) {
      throw new DesignError(
        this.node.path,
        `feeding it from ${feed.node.path} would close a cycle in the power graph (${feed.node.path} is already fed through ${this.node.path})`,
      );
    }
    this._feeds.push(feed);
    return this;
  }

  get [MODEL_KIND](): 'equipment' {
    return 'equipment';
  }

  [MODEL](): EquipmentRecord {
    const r = this.rating;
    return {
      kind: 'equipment',
      equipment: r.kind,
      label: r.label,
      ratingUnit: r.ratingUnit,
      unitRating: r.unitRating,
      units: r.units ?? 1,
      redundantUnits: r.redundantUnits ?? 0,
      efficiency: r.efficiency ?? 1,
      powerFactor: r.powerFactor,
      maxUtilization: this.maxUtilization,
      feeds: this._feeds,
      ...(r.feedMode ? { feedMode: r.feedMode } : {}),
      ...(r.input ? { input: r.input } : {}),
      ...(r.output ? { output: r.output } : {}),
      ...(r.voltageV === undefined ? {} : { voltageV: r.voltageV }),
      ...(r.autonomyMinutes === undefined ? {} : { autonomyMinutes: r.autonomyMinutes }),
    };
  }
}

/** The checks a feed must pass, for equipment and racks alike. */
export function checkFeed(
  load: Construct & { site: IConstruct },
  feed: PowerEquipment,
  existing: readonly PowerEquipment[],
): void {
  const path = load.node.path;
  if (!(feed instanceof PowerEquipment)) {
    throw new DesignError(path, `feeds must be power equipment, got ${describe(feed)}`);
  }
  if ((feed as unknown) === load) throw new DesignError(path, 'cannot feed itself');
  if (feed.site !== load.site) {
    throw new DesignError(
      path,
      `cannot be fed from ${feed.node.path}: it stands in site ${feed.site.node.path}, not ${load.site.node.path}`,
    );
  }
  if (existing.includes(feed)) throw new DesignError(path, `is already fed from ${feed.node.path}`);
}

/** True when `target` is among the feeds of `from`, transitively. */
function isUpstreamOf(target: PowerEquipment, from: PowerEquipment): boolean {
  const seen = new Set<PowerEquipment>();
  const stack = [from];
  while (stack.length > 0) {
    const x = stack.pop()!;
    if (x === target) return true;
    if (seen.has(x)) continue;
    seen.add(x);
    stack.push(...x.feeds);
  }
  return false;
}

function describe(x: unknown): string {
  if (x && typeof x === 'object' && 'node' in x) return (x as IConstruct).node.path;
  return x === undefined ? 'undefined' : typeof x;
}
