import { definePack } from '../../pack';
import { Rule } from '../../rule';
import { COOL_001 } from './COOL-001';
import { COOL_002 } from './COOL-002';
import { COOL_003 } from './COOL-003';
import { COOL_004 } from './COOL-004';
import { COOL_005 } from './COOL-005';
import { COOL_006 } from './COOL-006';

export { COOL_001, COOL_002, COOL_003, COOL_004, COOL_005, COOL_006 };

/** The cooling pack: CDU, air and heat rejection capacity with redundancy, temperatures, PUE. */
export const COOLING_PACK: readonly Rule[] = definePack('COOL', 'cooling', [
  COOL_001,
  COOL_002,
  COOL_003,
  COOL_004,
  COOL_005,
  COOL_006,
]);
