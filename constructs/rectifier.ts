import { Construct } from 'constructs';
import { fraction, positive } from '../src/units';
import { PowerEquipment, PowerEquipmentProps } from './power-equipment';

export interface RectifierProps extends PowerEquipmentProps {
  /** DC output rating, kW. */
  readonly ratingKw: number;
  /** DC output voltage, V (800 for NVIDIA's 800 VDC architecture): DC equipment has no default voltage. */
  readonly outputVoltageV: number;
  /**
   * Conversion efficiency, MV AC to 800 VDC.
   * @default 0.98
   */
  readonly efficiency?: number;
}

/**
 * Conversion from MV AC to 800 VDC (a rectifier today, a solid-state transformer later) at
 * the head of an 800 VDC chain (NVIDIA Vera Rubin generation): it replaces the MV/LV
 * transformer, the UPS and the PDU stages of an AC chain.
 */
export class Rectifier extends PowerEquipment {
  readonly ratingKw: number;

  constructor(scope: Construct, id: string, props: RectifierProps) {
    const path = `${scope.node.path}/${id}`;
    super(scope, id, props, {
      kind: 'rectifier',
      label: 'rectifier',
      ratingUnit: 'kW',
      unitRating: positive(path, 'ratingKw', props.ratingKw),
      efficiency: fraction(path, 'efficiency', props.efficiency ?? 0.98),
      input: 'ac',
      output: 'dc',
      voltageV: positive(path, 'outputVoltageV', props.outputVoltageV),
    });
    this.ratingKw = props.ratingKw;
  }
}
