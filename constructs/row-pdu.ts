import { Construct } from 'constructs';
import { Busway, BuswayProps } from './busway';

/** A row PDU (power distribution unit) feeding racks: rated like a busway, in A at V. */
export class RowPdu extends Busway {
  constructor(scope: Construct, id: string, props: BuswayProps) {
    super(scope, id, props, 'row-pdu', 'row PDU');
  }
}
