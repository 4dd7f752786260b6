import { Construct, IConstruct } from 'constructs';
import { DesignError } from '../src/errors';
import {
  Current,
  EquipmentKind,
  EquipmentRecord,
  enclosing,
  FeedMode,
  modelOf,
  record,
  SiteRecord,
} from '../src/model/records';
import { Side, sideOfConstruct } from '../src/model/sides';
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
  /**
   * The side of a redundant train it stands on (A or B): the report draws it and its feeds
   * in that side's color.
   * @default - the side its id states (`ups-a`, `busway-su001-b2`: an id ending in `a` or `b`,
   * alone or after a '-', optionally followed by digits); none otherwise
   */
  readonly side?: Side;
}

/** What a subclass tells the base about its rating, from its validated props. */
export interface Rating {
  readonly ratingUnit: 'kW' | 'kVA';
  /** Rating of one unit, in `ratingUnit`. */
  readonly unitRating: number;
  /** @default 1 */
  readonly units?: number;
  /** @default 0 */
  readonly redundantUnits?: number;
  /** @default 1 */
  readonly efficiency?: number;
  /**
   * Load power factor, for kVA-rated equipment.
   * @default - the site's
   */
  readonly powerFactor?: number;
  /** @default 'shared' */
  readonly feedMode?: FeedMode;
  /** Current taken in. @default 'ac' */
  readonly input?: Current;
  /** Current delivered. @default - as the input */
  readonly output?: Current;
  /** Output voltage, V, where the equipment declares one. */
  readonly voltageV?: number;
  /** Minutes of stored energy at the usable rating (UPS battery, energy storage). */
  readonly autonomyMinutes?: number;
}

/**
 * A node of the power train: anything that carries power toward the racks and can feed
 * other equipment. It must stand inside a `Site`, and it may only be fed from equipment of
 * the same site; a feed that would close a cycle is refused. A subclass validates its own
 * props after `super()` (with `this.node.path`) and says what it is rated for in `rating()`.
 */
export abstract class PowerEquipment extends Construct {
  private readonly _feeds: PowerEquipment[] = [];
  /** Its own maximum continuous utilization; undefined: the site's. */
  private readonly ownMaxUtilization?: number;
  /** The Site construct this equipment stands in. */
  readonly site: IConstruct;
  /** The side of the train it stands on; undefined: neither. */
  readonly side?: Side;

  protected constructor(
    scope: Construct,
    id: string,
    props: PowerEquipmentProps,
    private readonly kind: EquipmentKind,
    /** Human name of the kind, for messages ("UPS", "busway"). */
    private readonly label: string,
  ) {
    super(scope, id);
    const site = enclosing(this, 'site');
    if (!site) throw new DesignError(this.node.path, `${label} must be declared inside a Site`);
    this.site = site;
    if (props.maxUtilization !== undefined) {
      this.ownMaxUtilization = fraction(this.node.path, 'maxUtilization', props.maxUtilization);
    }
    this.side = sideOfConstruct(this, props.side);
    for (const f of props.feeds ?? []) this.addFeed(f);
    record(this, 'equipment', () => this.toRecord());
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

  /** What it is rated for, from the props the subclass validated. */
  protected abstract rating(): Rating;

  private toRecord(): Omit<EquipmentRecord, 'kind'> {
    const r = this.rating();
    const site = this.siteRecord();
    const input = r.input ?? 'ac';
    return {
      equipment: this.kind,
      label: this.label,
      ratingUnit: r.ratingUnit,
      unitRating: r.unitRating,
      units: r.units ?? 1,
      redundantUnits: r.redundantUnits ?? 0,
      efficiency: r.efficiency ?? 1,
      powerFactor: r.ratingUnit === 'kVA' ? (r.powerFactor ?? site.powerFactor) : 1,
      maxUtilization: this.ownMaxUtilization ?? site.maxUtilization,
      feeds: this._feeds,
      feedMode: r.feedMode ?? 'shared',
      input,
      output: r.output ?? input,
      ...(r.voltageV === undefined ? {} : { voltageV: r.voltageV }),
      ...(r.autonomyMinutes === undefined ? {} : { autonomyMinutes: r.autonomyMinutes }),
      ...(this.side === undefined ? {} : { side: this.side }),
    };
  }

  private siteRecord(): SiteRecord {
    const site = modelOf(this.site, 'site');
    if (!site) throw new DesignError(this.node.path, `${this.site.node.path} registers no site`);
    return site;
  }
}

/** The checks a feed must pass, for equipment and racks alike. */
export function checkFeed(
  load: Construct & { site: IConstruct },
  feed: PowerEquipment,
  existing: readonly PowerEquipment[],
): void {
  // The path only when there is an error: building it for every feed of 40,000 racks costs.
  const path = () => load.node.path;
  if (!(feed instanceof PowerEquipment)) {
    throw new DesignError(path(), `feeds must be power equipment, got ${describe(feed)}`);
  }
  if ((feed as unknown) === load) throw new DesignError(path(), 'cannot feed itself');
  if (feed.site !== load.site) {
    throw new DesignError(
      path(),
      `cannot be fed from ${feed.node.path}: it stands in site ${feed.site.node.path}, not ${load.site.node.path}`,
    );
  }
  if (existing.includes(feed)) throw new DesignError(path(), `is already fed from ${feed.node.path}`);
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
