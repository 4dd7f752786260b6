import { Construct } from 'constructs';
import { positive } from '../src/units';
import { CoolingUnits, CoolingUnitsProps } from './cooling-units';

export interface HeatRejectionProps extends CoolingUnitsProps {
  /**
   * Coefficient of performance at design conditions (the hottest design day): heat rejected
   * per unit of electrical power. Borkowski & Piłat (Applied Energy 2021, a data-center
   * plant): 4.39 in compressor mode; 16.5 is its free-cooling figure in cold weather and 8.63
   * its annual average, neither a design-day value.
   */
  readonly cop: number;
}

/**
 * Heat rejection plant: rejects the heat of the racks it serves to the outside, drawing
 * heat / COP of electrical power, which counts in facility power. With one in a site, the
 * site's PUE is computed and its `designPue` becomes the target the cooling pack checks.
 */
export abstract class HeatRejection extends CoolingUnits {
  private readonly _cop: number;

  protected constructor(
    scope: Construct,
    id: string,
    props: HeatRejectionProps,
    kind: 'chiller' | 'dry-cooler',
    label: string,
  ) {
    super(scope, id, props, kind, label);
    this._cop = positive(this.node.path, 'cop', props.cop);
  }

  protected override cop(): number {
    return this._cop;
  }
}

/** Chillers: mechanical cooling of the facility water. */
export class Chillers extends HeatRejection {
  constructor(scope: Construct, id: string, props: HeatRejectionProps) {
    super(scope, id, props, 'chiller', 'chiller group');
  }
}

/** Dry coolers: reject warm water's heat to air without compressors (Vera Rubin's 45 C water). */
export class DryCoolers extends HeatRejection {
  constructor(scope: Construct, id: string, props: HeatRejectionProps) {
    super(scope, id, props, 'dry-cooler', 'dry cooler group');
  }
}
