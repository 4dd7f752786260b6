import { Construct } from 'constructs';
import { positive } from '../src/units';
import { CoolingUnits, CoolingUnitsProps } from './cooling-units';

export interface CduProps extends CoolingUnitsProps {
  /** Coolant supply temperature to the racks, degrees C (Vera Rubin NVL72 accepts up to 45 C). */
  readonly supplyTemperatureC: number;
}

/**
 * Coolant distribution units (CDUs): take the racks' liquid heat (cold plates) to the
 * facility water loop. Sized per loop with N+1 (for example 2.5 MW units, Motivair MCDU-70).
 */
export class Cdu extends CoolingUnits {
  readonly supply: number;

  constructor(scope: Construct, id: string, props: CduProps) {
    super(scope, id, props, 'cdu', 'CDU group');
    this.supply = positive(this.node.path, 'supplyTemperatureC', props.supplyTemperatureC);
  }

  protected override supplyTemperatureC(): number {
    return this.supply;
  }
}
