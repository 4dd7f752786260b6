import { Construct } from 'constructs';
import { DesignError } from '../src/errors';
import { positive } from '../src/units';
import { PowerEquipment, PowerEquipmentProps } from './power-equipment';

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

  constructor(scope: Construct, id: string, props: StaticTransferSwitchProps) {
    const path = `${scope.node.path}/${id}`;
    if (props.feeds !== undefined) {
      throw new DesignError(path, 'a static transfer switch takes `primary` and `alternate`, not `feeds`');
    }
    const ratingKw = positive(path, 'ratingKw', props.ratingKw);
    if (props.current === 'dc' && props.voltageV === undefined) {
      throw new DesignError(path, 'a DC static transfer switch needs an explicit voltageV (for example 800)');
    }
    super(scope, id, props, {
      kind: 'sts',
      label: 'static transfer switch',
      ratingUnit: 'kW',
      unitRating: ratingKw,
      feedMode: 'transfer',
      input: props.current ?? 'ac',
      ...(props.voltageV === undefined ? {} : { voltageV: positive(path, 'voltageV', props.voltageV) }),
    });
    this.addFeed(props.primary);
    this.addFeed(props.alternate);
    this.ratingKw = ratingKw;
  }
}
