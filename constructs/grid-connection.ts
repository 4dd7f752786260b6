import { Construct } from 'constructs';
import { DesignError } from '../src/errors';
import { positive } from '../src/units';
import { PowerEquipment, Rating } from './power-equipment';

export interface GridConnectionProps {
  /** Contracted capacity of the utility connection, in MW. */
  readonly contractedMw: number;
  /**
   * Connection voltage in kV (for example 63, 90 or 225 kV on a French HTB connection).
   * @default - not recorded
   */
  readonly voltageKv?: number;
}

/**
 * The utility connection: the root of a site's power train. A `Site` creates one as
 * `site.grid`. Its loss has no twin and is the generators' case (rule PWR-005); facility
 * power is checked against its contracted capacity (PWR-003).
 */
export class GridConnection extends PowerEquipment {
  readonly contractedMw: number;
  readonly voltageKv?: number;

  constructor(scope: Construct, id: string, props: GridConnectionProps) {
    super(scope, id, {}, 'grid-connection', 'grid connection');
    this.contractedMw = positive(this.node.path, 'contractedMw', props.contractedMw);
    if (props.voltageKv !== undefined)
      this.voltageKv = positive(this.node.path, 'voltageKv', props.voltageKv);
  }

  override addFeed(): this {
    throw new DesignError(this.node.path, 'a grid connection is a source and takes no feed');
  }

  protected rating(): Rating {
    return { ratingUnit: 'kW', unitRating: this.contractedMw * 1000 };
  }
}
