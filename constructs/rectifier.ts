import { Construct } from 'constructs';
import { fraction, positive } from '../src/units';
import { PowerEquipment, PowerEquipmentProps, Rating } from './power-equipment';

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
  readonly efficiency: number;
  readonly outputVoltageV: number;

  constructor(scope: Construct, id: string, props: RectifierProps) {
    super(scope, id, props, 'rectifier', 'rectifier');
    const path = this.node.path;
    this.ratingKw = positive(path, 'ratingKw', props.ratingKw);
    this.efficiency = fraction(path, 'efficiency', props.efficiency ?? 0.98);
    this.outputVoltageV = positive(path, 'outputVoltageV', props.outputVoltageV);
  }

  protected rating(): Rating {
    return {
      ratingUnit: 'kW',
      unitRating: this.ratingKw,
      efficiency: this.efficiency,
      input: 'ac',
      output: 'dc',
      voltageV: this.outputVoltageV,
    };
  }
}
