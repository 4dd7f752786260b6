import { Construct } from 'constructs';
import { LayoutRecord, MODEL, MODEL_KIND, Modelled } from '../src/model/records';

/**
 * A pod: a group of racks deployed and scheduled together, such as a DGX SuperPOD scalable
 * unit (SU) of 8 NVL72 racks. Rows or racks are declared inside it.
 */
export class Pod extends Construct implements Modelled {
  constructor(scope: Construct, id: string) {
    super(scope, id);
  }

  get [MODEL_KIND](): 'layout' {
    return 'layout';
  }

  [MODEL](): LayoutRecord {
    return { kind: 'layout', level: 'pod', name: this.node.id };
  }
}
