import { Construct } from 'constructs';
import { DesignError } from '../src/errors';
import { positive } from '../src/units';
import { PowerEquipment, PowerEquipmentProps, Rating } from './power-equipment';

export interface StaticTransferSwitchProps extends PowerEquipmentProps {
  /** Rating, kW (for example 1,600 A at 415 V). */
  readonly ratingKw: number;
  /** The source it draws from in normal operation (a block's UPS). */
  readonly primary: PowerEquipment;
  /** The source it moves to, whole, when the primary is lost (the reserve or "catcher" UPS). */
  readonly alternate: PowerEquipment;
  /**
   * Current it switches: AC, or DC on an 800 VDC chain.
   * @default 'ac'
   */
  readonly current?: 'ac' | 'dc';
  /** Bus voltage, V: required for DC (DC equipment has no default voltage). */
  readonly voltageV?: number;
}

/**
 * A static transfer switch (STS): draws its whole load from its primary source and moves it
 * whole to its alternate when the primary fails, in a quarter cycle. Block-redundant
 * designs put one after each block's UPS with a shared reserve ("catcher") block as the
 * alternate, so a failed block's load lands on the catcher, not on the other blocks.
 */
export class StaticTransferSwitch extends PowerEquipment {
  readonly ratingKw: number;
  readonly current: 'ac' | 'dc';
  /** Bus voltage, V; undefined: not declared (AC only). */
  readonly voltageV?: number;

  constructor(scope: Construct, id: string, props: StaticTransferSwitchProps) {
    const { feeds, ...rest } = props;
    super(scope, id, rest, 'sts', 'static transfer switch');
    const path = this.node.path;
    if (feeds !== undefined) {
      throw new DesignError(path, 'a static transfer switch takes `primary` and `alternate`, not `feeds`');
    }
    this.ratingKw = positive(path, 'ratingKw', props.ratingKw);
    this.current = props.current ?? 'ac';
    if (this.current === 'dc' && props.voltageV === undefined) {
      throw new DesignError(path, 'a DC static transfer switch needs an explicit voltageV (for example 800)');
    }
    if (props.voltageV !== undefined) this.voltageV = positive(path, 'voltageV', props.voltageV);
    this.addFeed(props.primary);
    this.addFeed(props.alternate);
  }

  protected rating(): Rating {
    return {
      ratingUnit: 'kW',
      unitRating: this.ratingKw,
      feedMode: 'transfer',
      input: this.current,
      voltageV: this.voltageV,
    };
  }
}
