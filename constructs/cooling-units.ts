import { Construct, IConstruct } from 'constructs';
import { DesignError } from '../src/errors';
import { CoolingKind, enclosing, record } from '../src/model/records';
import { Side, sideOfConstruct } from '../src/model/sides';
import { parallelGroup, positive } from '../src/units';
import { checkFeed, PowerEquipment } from './power-equipment';

/** Props every group of cooling units shares. */
export interface CoolingUnitsProps {
  /** Heat one unit removes at design conditions, kW. */
  readonly unitCapacityKw: number;
  /** Units in the group. */
  readonly units: number;
  /**
   * Units held in reserve: 1 for N+1.
   * @default 1
   */
  readonly redundantUnits?: number;
  /**
   * What the group serves: racks, or scopes (pods, rows, halls, buildings, the site) whose racks it serves.
   * More can be added with `serve()`.
   * @default - none
   */
  readonly serves?: readonly IConstruct[];
  /**
   * The power equipment the units draw from (their boards): their electrical load then counts
   * in the load flow, N-1, the generators and the grid. CDU pumps of liquid-cooled racks
   * belong on uninterruptible supply, heat rejection on generator-backed supply (PWR-011).
   * More can be added with `addFeed()`.
   * @default - none: the electrical load counts in facility power only
   */
  readonly feeds?: readonly PowerEquipment[];
  /**
   * Electrical input of one unit at nameplate, kW (pump or fan motors): the duty units
   * (units - redundant units) draw it. Heat rejection without it draws heat / COP.
   * @default - heat / COP where a COP is given, else none
   */
  readonly unitPowerKw?: number;
  /**
   * The side of a redundant train it stands on (A or B), as for power equipment.
   * @default - the side its id states (`cdus-a`); none otherwise
   */
  readonly side?: Side;
}

/**
 * A group of equal cooling units with N+r redundancy, serving the racks below the scopes it
 * is given. Subclasses say what heat it takes (liquid, air, all) and its electrical draw.
 */
export abstract class CoolingUnits extends Construct {
  readonly unitCapacityKw: number;
  readonly units: number;
  readonly redundantUnits: number;
  readonly unitPowerKw?: number;
  private readonly _serves: IConstruct[] = [];
  private readonly _feeds: PowerEquipment[] = [];
  /** The Site construct the group stands in. */
  readonly site: IConstruct;
  /** The side of the train it stands on; undefined: neither. */
  readonly side?: Side;

  protected constructor(
    scope: Construct,
    id: string,
    props: CoolingUnitsProps,
    private readonly equipment: CoolingKind,
    private readonly label: string,
  ) {
    super(scope, id);
    const path = this.node.path;
    const site = enclosing(this, 'site');
    if (!site) throw new DesignError(path, `${label} must be declared inside a Site`);
    this.site = site;
    this.unitCapacityKw = positive(path, 'unitCapacityKw', props.unitCapacityKw);
    [this.units, this.redundantUnits] = parallelGroup(path, props.units, props.redundantUnits ?? 1);
    if (props.unitPowerKw !== undefined) this.unitPowerKw = positive(path, 'unitPowerKw', props.unitPowerKw);
    this.side = sideOfConstruct(this, props.side);
    for (const s of props.serves ?? []) this.serve(s);
    for (const f of props.feeds ?? []) this.addFeed(f);
    record(this, 'cooling', () => ({
      equipment: this.equipment,
      label: this.label,
      unitCapacityKw: this.unitCapacityKw,
      units: this.units,
      redundantUnits: this.redundantUnits,
      supplyTemperatureC: this.supplyTemperatureC(),
      cop: this.cop(),
      ...(this.unitPowerKw === undefined ? {} : { unitPowerKw: this.unitPowerKw }),
      serves: this._serves,
      feeds: this._feeds,
      ...(this.side === undefined ? {} : { side: this.side }),
    }));
  }

  /** The equipment the units draw from. */
  get feeds(): readonly PowerEquipment[] {
    return this._feeds;
  }

  /** Adds a feed (a board of the same site) the units draw from. */
  addFeed(feed: PowerEquipment): this {
    checkFeed(this, feed, this._feeds);
    this._feeds.push(feed);
    return this;
  }

  /** Usable capacity with the redundant units in reserve, kW. */
  get usableKw(): number {
    return (this.units - this.redundantUnits) * this.unitCapacityKw;
  }

  /** Serves the racks of one more scope of the same site. */
  serve(scope: IConstruct): this {
    const inSite = scope === this.site || enclosing(scope, 'site') === this.site;
    if (!inSite)
      throw new DesignError(this.node.path, `cannot serve ${scope.node.path}: it is not in the same site`);
    if (!this._serves.includes(scope)) this._serves.push(scope);
    return this;
  }

  protected supplyTemperatureC(): number | undefined {
    return undefined;
  }

  protected cop(): number | undefined {
    return undefined;
  }
}
