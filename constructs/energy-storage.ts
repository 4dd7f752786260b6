import { Construct } from 'constructs';
import { fraction, positive } from '../src/units';
import { PowerEquipment, PowerEquipmentProps } from './power-equipment';

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

  constructor(scope: Construct, id: string, props: EnergyStorageProps) {
    const path = `${scope.node.path}/${id}`;
    const ratingKw = positive(path, 'ratingKw', props.ratingKw);
    super(scope, id, props, {
      kind: 'energy-storage',
      label: 'energy storage',
      ratingUnit: 'kW',
      unitRating: ratingKw,
      efficiency: fraction(path, 'efficiency', props.efficiency ?? 0.99),
      input: props.current ?? 'dc',
      voltageV: positive(path, 'voltageV', props.voltageV),
      autonomyMinutes: positive(path, 'autonomyMinutes', props.autonomyMinutes),
    });
    this.ratingKw = ratingKw;
  }
}
