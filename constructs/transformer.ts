import { Construct } from 'constructs';
import { fraction, positive } from '../src/units';
import { PowerEquipment, PowerEquipmentProps, Rating } from './power-equipment';

export interface TransformerProps extends PowerEquipmentProps {
  /** Rated apparent power, kVA (for example 3,150 kVA for a 20 kV / 415 V unit). */
  readonly ratingKva: number;
  /**
   * Efficiency at the design load.
   * @default 0.99 (DESIGN §2: transformers about 98.5-99%)
   */
  readonly efficiency?: number;
  /**
   * Power factor of the load it carries: kW = kVA x PF.
   * @default - the site's
   */
  readonly powerFactor?: number;
  /** @default - not recorded */
  readonly primaryKv?: number;
  /** @default - not recorded */
  readonly secondaryKv?: number;
}

/** A transformer (HV/MV or MV/LV), rated in kVA. */
export class Transformer extends PowerEquipment {
  readonly ratingKva: number;
  readonly efficiency: number;
  /** Power factor of the load it carries; undefined: the site's. */
  readonly powerFactor?: number;

  constructor(scope: Construct, id: string, props: TransformerProps) {
    super(scope, id, props, 'transformer', 'transformer');
    const path = this.node.path;
    this.ratingKva = positive(path, 'ratingKva', props.ratingKva);
    this.efficiency = fraction(path, 'efficiency', props.efficiency ?? 0.99);
    if (props.powerFactor !== undefined) this.powerFactor = fraction(path, 'powerFactor', props.powerFactor);
    if (props.primaryKv !== undefined) positive(path, 'primaryKv', props.primaryKv);
    if (props.secondaryKv !== undefined) positive(path, 'secondaryKv', props.secondaryKv);
  }

  protected rating(): Rating {
    return {
      ratingUnit: 'kVA',
      unitRating: this.ratingKva,
      efficiency: this.efficiency,
      powerFactor: this.powerFactor,
    };
  }
}
