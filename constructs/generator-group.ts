import { Construct, IConstruct } from 'constructs';
import { DesignError } from '../src/errors';
import { enclosing, record } from '../src/model/records';
import { parallelGroup, positive } from '../src/units';
import { PowerEquipment } from './power-equipment';

export interface GeneratorGroupProps {
  /** Standby rating of one generator, kW (kWe). */
  readonly unitRatingKw: number;
  /** Generators in the group. */
  readonly units: number;
  /**
   * Generators held in reserve: 1 for N+1, 2 for N+2.
   * @default 1
   */
  readonly redundantUnits?: number;
  /**
   * The equipment that switches to the generators when its normal feeds are lost (typically
   * the MV switchgear). More can be added with `addBacked()`.
   * @default - none
   */
  readonly backs?: readonly PowerEquipment[];
  /**
   * Seconds from the loss of the grid until the generators carry the load: start,
   * synchronisation and transfer. The UPS or energy storage below must ride through them (PWR-013).
   * @default 10 (NFPA 110 Type 10: power restored within 10 s; a paralleled group may need more)
   */
  readonly transferSeconds?: number;
}

/**
 * A group of equal generators backing the critical load. The grid connection has no twin:
 * when it is lost, the equipment this group backs runs on it, and the group must carry that
 * load with its redundant units in reserve (rule PWR-005).
 */
export class GeneratorGroup extends Construct {
  readonly unitRatingKw: number;
  readonly units: number;
  readonly redundantUnits: number;
  readonly transferSeconds: number;
  private readonly backs: PowerEquipment[] = [];
  private readonly site: IConstruct;

  constructor(scope: Construct, id: string, props: GeneratorGroupProps) {
    super(scope, id);
    const path = this.node.path;
    const site = enclosing(this, 'site');
    if (!site) throw new DesignError(path, 'a generator group must be declared inside a Site');
    this.site = site;
    this.unitRatingKw = positive(path, 'unitRatingKw', props.unitRatingKw);
    [this.units, this.redundantUnits] = parallelGroup(path, props.units, props.redundantUnits ?? 1);
    this.transferSeconds = positive(path, 'transferSeconds', props.transferSeconds ?? 10);
    for (const b of props.backs ?? []) this.addBacked(b);
    record(this, 'generator-group', () => ({
      unitRatingKw: this.unitRatingKw,
      units: this.units,
      redundantUnits: this.redundantUnits,
      backs: this.backs,
      transferSeconds: this.transferSeconds,
    }));
  }

  /** Usable capacity with the redundant units in reserve, kW. */
  get usableKw(): number {
    return (this.units - this.redundantUnits) * this.unitRatingKw;
  }

  /** Backs one more piece of equipment of the same site. */
  addBacked(equipment: PowerEquipment): this {
    if (!(equipment instanceof PowerEquipment)) {
      throw new DesignError(this.node.path, 'backs must be power equipment');
    }
    if (equipment.site !== this.site) {
      throw new DesignError(this.node.path, `cannot back ${equipment.node.path}: it stands in another site`);
    }
    if (!this.backs.includes(equipment)) this.backs.push(equipment);
    return this;
  }
}
