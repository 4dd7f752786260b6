import { Construct } from 'constructs';
import { DesignError } from '../src/errors';
import { enclosing, record } from '../src/model/records';
import { count, positive } from '../src/units';

export interface HallProps {
  /**
   * Hall name.
   * @default - the construct id
   */
  readonly name?: string;
  /** Power density the hall is designed for, kW per rack position. */
  readonly designKwPerRack: number;
  /** Rack positions on the floor. */
  readonly rackPositions: number;
}

/** A data hall inside a site: rows or pods of racks, with a design density and rack positions. */
export class Hall extends Construct {
  readonly hallName: string;
  readonly designKwPerRack: number;
  readonly rackPositions: number;

  constructor(scope: Construct, id: string, props: HallProps) {
    super(scope, id);
    const path = this.node.path;
    if (!enclosing(this, 'site')) throw new DesignError(path, 'a hall must be declared inside a Site');
    this.hallName = props.name ?? id;
    this.designKwPerRack = positive(path, 'designKwPerRack', props.designKwPerRack);
    this.rackPositions = count(path, 'rackPositions', props.rackPositions);
    record(this, 'hall', () => ({
      name: this.hallName,
      designKwPerRack: this.designKwPerRack,
      rackPositions: this.rackPositions,
    }));
  }
}
