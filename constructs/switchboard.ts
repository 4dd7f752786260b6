import { Construct } from 'constructs';
import { circuitVa, fraction, positive } from '../src/units';
import { PowerEquipment, PowerEquipmentProps } from './power-equipment';

export interface SwitchboardProps extends PowerEquipmentProps {
  /** Rated busbar current, A (for example 4,000 A). */
  readonly ratingA: number;
  /**
   * Line-to-line voltage, V.
   * @default 415
   */
  readonly voltageV?: number;
  /**
   * Power factor of the load it carries.
   * @default - the site's
   */
  readonly powerFactor?: number;
}

/** A low-voltage switchboard (main LV board or UPS output board): three-phase, sqrt(3) x V x A. */
export class Switchboard extends PowerEquipment {
  readonly ratingKva: number;

  constructor(scope: Construct, id: string, props: SwitchboardProps) {
    const path = `${scope.node.path}/${id}`;
    const ratingKva =
      circuitVa(
        positive(path, 'voltageV', props.voltageV ?? 415),
        positive(path, 'ratingA', props.ratingA),
        3,
      ) / 1000;
    super(scope, id, props, {
      kind: 'switchboard',
      label: 'switchboard',
      ratingUnit: 'kVA',
      unitRating: ratingKva,
      powerFactor:
        props.powerFactor === undefined ? undefined : fraction(path, 'powerFactor', props.powerFactor),
    });
    this.ratingKva = ratingKva;
  }
}
