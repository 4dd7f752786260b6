import { Construct } from 'constructs';
import { DesignError } from '../src/errors';
import { EquipmentKind } from '../src/model/records';
import { circuitVa, fraction, positive } from '../src/units';
import { PowerEquipment, PowerEquipmentProps, Rating } from './power-equipment';

export interface BuswayProps extends PowerEquipmentProps {
  /** Rated current, A (for example 800-1,600 A). */
  readonly ratingA: number;
  /**
   * Voltage, V: line-to-line for three-phase, the bus voltage for DC (required for DC: 800 V
   * and 400 V DC buses both exist, and a rack must match its bus).
   * @default 415 (AC only)
   */
  readonly voltageV?: number;
  /**
   * 3 (three-phase AC), 1 (single-phase AC) or 'dc'.
   * @default 3
   */
  readonly phases?: 1 | 3 | 'dc';
  /**
   * Efficiency (conductor losses).
   * @default 1
   */
  readonly efficiency?: number;
  /**
   * Power factor of the load it carries (AC only).
   * @default - the site's
   */
  readonly powerFactor?: number;
}

/** A busway feeding a row of racks: kVA = sqrt(3) x V x A three-phase, V x A single-phase or DC. */
export class Busway extends PowerEquipment {
  readonly ratingKva: number;
  readonly ratingA: number;
  readonly voltageV: number;
  readonly phases: 1 | 3 | 'dc';
  readonly efficiency: number;
  /** Power factor of the load it carries (AC only); undefined: the site's. */
  readonly powerFactor?: number;

  constructor(
    scope: Construct,
    id: string,
    props: BuswayProps,
    kind: EquipmentKind = 'busway',
    label = 'busway',
  ) {
    super(scope, id, props, kind, label);
    const path = this.node.path;
    const phases = props.phases ?? 3;
    if (phases !== 1 && phases !== 3 && phases !== 'dc') {
      throw new DesignError(path, `phases must be 1, 3 or 'dc', got ${String(phases)}`);
    }
    if (phases === 'dc' && props.voltageV === undefined) {
      throw new DesignError(
        path,
        "a DC busway needs an explicit voltageV (for example 800); phases 'dc' has no default voltage",
      );
    }
    this.phases = phases;
    this.voltageV = positive(path, 'voltageV', props.voltageV ?? 415);
    this.ratingA = positive(path, 'ratingA', props.ratingA);
    this.ratingKva = circuitVa(this.voltageV, this.ratingA, phases) / 1000;
    this.efficiency = fraction(path, 'efficiency', props.efficiency ?? 1);
    if (props.powerFactor !== undefined) this.powerFactor = fraction(path, 'powerFactor', props.powerFactor);
  }

  protected rating(): Rating {
    const dc = this.phases === 'dc';
    return {
      ratingUnit: dc ? 'kW' : 'kVA',
      unitRating: this.ratingKva,
      efficiency: this.efficiency,
      powerFactor: this.powerFactor,
      input: dc ? 'dc' : 'ac',
      voltageV: this.voltageV,
    };
  }
}
