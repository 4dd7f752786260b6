import { Construct } from 'constructs';
import { fraction, positive } from '../src/units';
import { PowerEquipment, PowerEquipmentProps } from './power-equipment';

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

  constructor(scope: Construct, id: string, props: TransformerProps) {
    const path = `${scope.node.path}/${id}`;
    super(scope, id, props, {
      kind: 'transformer',
      label: 'transformer',
      ratingUnit: 'kVA',
      unitRating: positive(path, 'ratingKva', props.ratingKva),
      efficiency: fraction(path, 'efficiency', props.efficiency ?? 0.99),
      powerFactor:
        props.powerFactor === undefined ? undefined : fraction(path, 'powerFactor', props.powerFactor),
    });
    this.ratingKva = props.ratingKva;
    if (props.primaryKv !== undefined) positive(path, 'primaryKv', props.primaryKv);
    if (props.secondaryKv !== undefined) positive(path, 'secondaryKv', props.secondaryKv);
  }
}
