import { Construct } from 'constructs';
import { record } from '../src/model/records';

/**
 * A pod: a group of racks deployed and scheduled together, such as a DGX SuperPOD scalable
 * unit (SU) of 8 NVL72 racks. Rows or racks are declared inside it.
 */
export class Pod extends Construct {
  constructor(scope: Construct, id: string) {
    super(scope, id);
    record(this, 'layout', () => ({ level: 'pod', name: this.node.id }));
  }
}
