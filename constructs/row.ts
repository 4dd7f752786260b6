import { Construct } from 'constructs';
import { LayoutRecord, MODEL, MODEL_KIND, Modelled } from '../src/model/records';

/** A row of racks in a hall. It names where racks stand; racks are declared inside it. */
export class Row extends Construct implements Modelled {
  constructor(scope: Construct, id: string) {
    super(scope, id);
  }

  get [MODEL_KIND](): 'layout' {
    return 'layout';
  }

  [MODEL](): LayoutRecord {
    return { kind: 'layout', level: 'row', name: this.node.id };
  }
}
