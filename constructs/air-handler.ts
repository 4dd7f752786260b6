import { Construct } from 'constructs';
import { CoolingUnits, CoolingUnitsProps } from './cooling-units';

/** Air handlers (CRAH units, fan walls): take the racks' air heat. */
export class AirHandler extends CoolingUnits {
  constructor(scope: Construct, id: string, props: CoolingUnitsProps) {
    super(scope, id, props, 'air-handler', 'air handler group');
  }
}
