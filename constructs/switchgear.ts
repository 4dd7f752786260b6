import { Construct } from 'constructs';
import { circuitVa, fraction, positive } from '../src/units';
import { PowerEquipment, PowerEquipmentProps } from './power-equipment';

export interface SwitchgearProps extends PowerEquipmentProps {
  /** Rated busbar current, A. */
  readonly ratingA: number;
  /** Line-to-line voltage, kV (for example 20 kV). */
  readonly voltageKv: number;
  /**
   * Power factor of the load it carries.
   * @default - the site's
   */
  readonly powerFactor?: number;
}

/** Medium-voltage switchgear: three-phase, rated sqrt(3) x V x A in kVA. */
export class Switchgear extends PowerEquipment {
  readonly ratingKva: number;

  constructor(scope: Construct, id: string, props: SwitchgearProps) {
    const path = `${scope.node.path}/${id}`;
    const ratingKva =
      circuitVa(
        positive(path, 'voltageKv', props.voltageKv) * 1000,
        positive(path, 'ratingA', props.ratingA),
        3,
      ) / 1000;
    super(scope, id, props, {
      kind: 'switchgear',
      label: 'switchgear',
      ratingUnit: 'kVA',
      unitRating: ratingKva,
      powerFactor:
        props.powerFactor === undefined ? undefined : fraction(path, 'powerFactor', props.powerFactor),
    });
    this.ratingKva = ratingKva;
  }
}
