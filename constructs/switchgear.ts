import { Construct } from 'constructs';
import { positive } from '../src/units';
import { Board, BoardProps } from './board';

export interface SwitchgearProps extends BoardProps {
  /** Line-to-line voltage, kV (for example 20 kV). */
  readonly voltageKv: number;
}

/** Medium-voltage switchgear: three-phase, rated sqrt(3) x V x A in kVA. */
export class Switchgear extends Board {
  constructor(scope: Construct, id: string, props: SwitchgearProps) {
    super(scope, id, props, 'switchgear', (path) => positive(path, 'voltageKv', props.voltageKv) * 1000);
  }
}
