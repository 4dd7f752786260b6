import { Construct } from 'constructs';
import { fraction, parallelGroup, positive } from '../src/units';
import { PowerEquipment, PowerEquipmentProps, Rating } from './power-equipment';

export interface UpsProps extends PowerEquipmentProps {
  /** Output rating of one module, kW (for example 1,250 kW). */
  readonly moduleRatingKw: number;
  /**
   * Modules in parallel.
   * @default 1
   */
  readonly modules?: number;
  /**
   * Modules held in reserve: 1 for an N+1 system. Usable = (modules - redundantModules) x module rating.
   * @default 0
   */
  readonly redundantModules?: number;
  /**
   * Battery autonomy at the usable rating, minutes: the stored energy that carries the load
   * from the loss of the grid until the generators take it (rule PWR-013).
   * @default - not declared (PWR-013 reports a UPS under a generator-backed board without it)
   */
  readonly autonomyMinutes?: number;
  /**
   * Efficiency in double conversion at the design load.
   * @default 0.97 (DESIGN §2: UPS about 97%)
   */
  readonly efficiency?: number;
}

/**
 * A UPS system: a parallel group of equal modules. Normal operation is checked against the
 * usable rating (redundant modules excluded); N-1 also checks the loss of one module.
 */
export class Ups extends PowerEquipment {
  readonly moduleRatingKw: number;
  readonly modules: number;
  readonly redundantModules: number;
  readonly efficiency: number;
  /** Battery autonomy at the usable rating, minutes; undefined: not declared. */
  readonly autonomyMinutes?: number;

  constructor(scope: Construct, id: string, props: UpsProps) {
    super(scope, id, props, 'ups', 'UPS');
    const path = this.node.path;
    [this.modules, this.redundantModules] = parallelGroup(
      path,
      props.modules ?? 1,
      props.redundantModules ?? 0,
      ['modules', 'redundantModules'],
    );
    this.moduleRatingKw = positive(path, 'moduleRatingKw', props.moduleRatingKw);
    this.efficiency = fraction(path, 'efficiency', props.efficiency ?? 0.97);
    if (props.autonomyMinutes !== undefined)
      this.autonomyMinutes = positive(path, 'autonomyMinutes', props.autonomyMinutes);
  }

  /** Usable rating with the redundant modules in reserve, kW. */
  get usableKw(): number {
    return (this.modules - this.redundantModules) * this.moduleRatingKw;
  }

  protected rating(): Rating {
    return {
      ratingUnit: 'kW',
      unitRating: this.moduleRatingKw,
      units: this.modules,
      redundantUnits: this.redundantModules,
      efficiency: this.efficiency,
      autonomyMinutes: this.autonomyMinutes,
    };
  }
}
