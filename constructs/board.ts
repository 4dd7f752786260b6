import { Construct } from 'constructs';
import { fraction, positive, threePhaseKva } from '../src/units';
import { PowerEquipment, PowerEquipmentProps, Rating } from './power-equipment';

/** Props of a three-phase board (switchgear, switchboard), besides its voltage. */
export interface BoardProps extends PowerEquipmentProps {
  /** Rated busbar current, A. */
  readonly ratingA: number;
  /**
   * Power factor of the load it carries.
   * @default - the site's
   */
  readonly powerFactor?: number;
}

/**
 * A three-phase board, rated by its busbar current at its line-to-line voltage:
 * kVA = sqrt(3) x V x A. Subclasses say which voltage prop they take.
 */
export abstract class Board extends PowerEquipment {
  readonly ratingKva: number;
  /** Power factor of the load it carries; undefined: the site's. */
  readonly powerFactor?: number;

  protected constructor(
    scope: Construct,
    id: string,
    props: BoardProps,
    kind: 'switchgear' | 'switchboard',
    /** Line-to-line voltage, V, validated with the path (the prop it comes from differs). */
    lineVoltageV: (path: string) => number,
  ) {
    super(scope, id, props, kind, kind);
    const path = this.node.path;
    this.ratingKva = threePhaseKva(lineVoltageV(path), positive(path, 'ratingA', props.ratingA));
    if (props.powerFactor !== undefined) this.powerFactor = fraction(path, 'powerFactor', props.powerFactor);
  }

  protected rating(): Rating {
    return { ratingUnit: 'kVA', unitRating: this.ratingKva, powerFactor: this.powerFactor };
  }
}
