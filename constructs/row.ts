import { Construct } from 'constructs';
import { record } from '../src/model/records';

/** A row of racks in a hall. It names where racks stand; racks are declared inside it. */
export class Row extends Construct {
  constructor(scope: Construct, id: string) {
    super(scope, id);
    record(this, 'layout', () => ({ level: 'row', name: this.node.id }));
  }
}
