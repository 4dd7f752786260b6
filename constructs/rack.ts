import { Construct, IConstruct } from 'constructs';
import { RackSystem } from '../src/catalog/rack-systems';
import { DesignError } from '../src/errors';
import { enclosing, record } from '../src/model/records';
import { feedLetter } from '../src/model/sides';
import { positive } from '../src/units';
import { checkFeed, PowerEquipment } from './power-equipment';

export interface RackProps {
  /** The system in the rack: a catalog entry or its id ('gb200-nvl72', 'gb300-nvl72', 'vera-rubin-nvl72', 'dgx-b300'). */
  readonly system: RackSystem | string;
  /**
   * The equipment the rack draws from: [A, B] for a dual-corded rack. Power is shared equally.
   * @default - none; add them with `addFeed()`
   */
  readonly feeds?: readonly PowerEquipment[];
  /**
   * Rack name, unique in its site.
   * @default - the path below its site, joined with '-' (for example 'hall-1-row-01-r03')
   */
  readonly name?: string;
  /**
   * Design power the checks use, kW.
   * @default - the catalog's design power for the system
   */
  readonly designPowerKw?: number;
  /**
   * Share of the rack's heat removed by liquid, where the catalog has none for this build
   * (for example a liquid-cooled variant of an air-cooled system).
   * @default - the catalog's liquid share
   */
  readonly liquidFraction?: number;
  /**
   * Whether the rack must keep power when any single component fails (dual-corded racks).
   * @default true
   */
  readonly requiresRedundancy?: boolean;
}

/** A rack of a catalog system, standing in a hall (optionally in a row or pod). */
export class Rack extends Construct {
  readonly system: RackSystem;
  readonly rackName: string;
  readonly designPowerKw: number;
  readonly requiresRedundancy: boolean;
  readonly liquidFraction: number;
  readonly site: IConstruct;
  private readonly _feeds: PowerEquipment[] = [];
  private readonly _feedSides: string[] = [];

  constructor(scope: Construct, id: string, props: RackProps) {
    super(scope, id);
    const path = this.node.path;
    const hall = enclosing(this, 'hall');
    if (!hall) throw new DesignError(path, 'a rack must stand inside a Hall');
    this.site = enclosing(hall, 'site')!;
    this.system = typeof props.system === 'string' ? RackSystem.of(props.system, path) : props.system;
    if (!(this.system instanceof RackSystem))
      throw new DesignError(path, 'system must be a RackSystem or a catalog id');
    this.rackName = props.name ?? path.slice(this.site.node.path.length + 1).replace(/\//g, '-');
    this.designPowerKw =
      props.designPowerKw === undefined
        ? this.system.spec.designKw
        : positive(path, 'designPowerKw', props.designPowerKw);
    this.requiresRedundancy = props.requiresRedundancy ?? true;
    this.liquidFraction = props.liquidFraction ?? this.system.spec.liquidFraction;
    if (!(this.liquidFraction >= 0 && this.liquidFraction <= 1)) {
      throw new DesignError(
        path,
        `liquidFraction must be a number in [0, 1], got ${String(props.liquidFraction)}`,
      );
    }
    for (const f of props.feeds ?? []) this.addFeed(f);
    record(this, 'rack', () => ({
      name: this.rackName,
      system: this.system,
      designPowerKw: this.designPowerKw,
      liquidFraction: this.liquidFraction,
      feeds: this._feeds,
      feedSides: this._feedSides,
      requiresRedundancy: this.requiresRedundancy,
    }));
  }

  get feeds(): readonly PowerEquipment[] {
    return this._feeds;
  }

  /** Adds a feed of the same site: its A side for the first, B for the second, and so on. */
  addFeed(feed: PowerEquipment): this {
    checkFeed(this, feed, this._feeds);
    this._feedSides.push(feedLetter(this._feeds.length));
    this._feeds.push(feed);
    return this;
  }
}
