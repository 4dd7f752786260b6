import { Construct } from 'constructs';
import { positive } from '../src/units';
import { Board, BoardProps } from './board';

export interface SwitchboardProps extends BoardProps {
  /**
   * Line-to-line voltage, V.
   * @default 415
   */
  readonly voltageV?: number;
}

/** A low-voltage switchboard (main LV board or UPS output board): three-phase, sqrt(3) x V x A. */
export class Switchboard extends Board {
  constructor(scope: Construct, id: string, props: SwitchboardProps) {
    super(scope, id, props, 'switchboard', (path) => positive(path, 'voltageV', props.voltageV ?? 415));
  }
}
