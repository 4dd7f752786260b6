import { Construct } from 'constructs';
import { fraction, positive } from '../src/units';
import { PowerEquipment, PowerEquipmentProps, Rating } from './power-equipment';

export interface EnergyStorageProps extends PowerEquipmentProps {
  /** Power it delivers, kW. */
  readonly ratingKw: number;
  /** Minutes its stored energy carries `ratingKw`: what bridges the generator start (rule PWR-013). */
  readonly autonomyMinutes: number;
  /** Bus voltage, V (800 on an 800 VDC chain). */
  readonly voltageV: number;
  /**
   * Current of the bus it stands on.
   * @default 'dc'
   */
  readonly current?: 'ac' | 'dc';
  /**
   * Efficiency of the stage in normal operation.
   * @default 0.99 (assumed, unverified: a battery on the DC bus only floats)
   */
  readonly efficiency?: number;
}

/**
 * Facility energy storage on a DC bus (NVIDIA's 800 VDC architecture puts it where the UPS
 * was): passes the rectifier's power through and carries the load from its stored energy
 * when the grid is lost, until the generators start.
 */
export class EnergyStorage extends PowerEquipment {
  readonly ratingKw: number;
  readonly efficiency: number;
  readonly current: 'ac' | 'dc';
  readonly voltageV: number;
  readonly autonomyMinutes: number;

  constructor(scope: Construct, id: string, props: EnergyStorageProps) {
    super(scope, id, props, 'energy-storage', 'energy storage');
    const path = this.node.path;
    this.ratingKw = positive(path, 'ratingKw', props.ratingKw);
    this.efficiency = fraction(path, 'efficiency', props.efficiency ?? 0.99);
    this.current = props.current ?? 'dc';
    this.voltageV = positive(path, 'voltageV', props.voltageV);
    this.autonomyMinutes = positive(path, 'autonomyMinutes', props.autonomyMinutes);
  }

  protected rating(): Rating {
    return {
      ratingUnit: 'kW',
      unitRating: this.ratingKw,
      efficiency: this.efficiency,
      input: this.current,
      voltageV: this.voltageV,
      autonomyMinutes: this.autonomyMinutes,
    };
  }
}
