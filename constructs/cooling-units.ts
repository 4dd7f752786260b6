import { Construct, IConstruct } from 'constructs';
import { DesignError } from '../src/errors';
import { CoolingKind, CoolingRecord, enclosing, MODEL, MODEL_KIND, Modelled } from '../src/model/records';
import { parallelGroup, positive } from '../src/units';

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
}

/**
 * A group of equal cooling units with N+r redundancy, serving the racks below the scopes it
 * is given. Subclasses say what heat it takes (liquid, air, all) and its electrical draw.
 */
export abstract class CoolingUnits extends Construct implements Modelled {
  readonly unitCapacityKw: number;
  readonly units: number;
  readonly redundantUnits: number;
  private readonly _serves: IConstruct[] = [];
  private readonly site: IConstruct;

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
    for (const s of props.serves ?? []) this.serve(s);
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

  get [MODEL_KIND](): 'cooling' {
    return 'cooling';
  }

  [MODEL](): CoolingRecord {
    return {
      kind: 'cooling',
      equipment: this.equipment,
      label: this.label,
      unitCapacityKw: this.unitCapacityKw,
      units: this.units,
      redundantUnits: this.redundantUnits,
      supplyTemperatureC: this.supplyTemperatureC(),
      cop: this.cop(),
      serves: this._serves,
    };
  }

  protected supplyTemperatureC(): number | undefined {
    return undefined;
  }

  protected cop(): number | undefined {
    return undefined;
  }
}
