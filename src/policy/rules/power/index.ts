import { definePack } from '../../pack';
import { Rule } from '../../rule';
import { PWR_001 } from './PWR-001';
import { PWR_002 } from './PWR-002';
import { PWR_003 } from './PWR-003';
import { PWR_004 } from './PWR-004';
import { PWR_005 } from './PWR-005';
import { PWR_006 } from './PWR-006';
import { PWR_007 } from './PWR-007';
import { PWR_008 } from './PWR-008';
import { PWR_009 } from './PWR-009';
import { PWR_010 } from './PWR-010';
import { PWR_011 } from './PWR-011';
import { PWR_012 } from './PWR-012';
import { PWR_013 } from './PWR-013';
import { PWR_014 } from './PWR-014';
import { PWR_015 } from './PWR-015';

/** The power pack: normal loading, N-1, grid, generators, densities, connectivity. */
export const POWER_PACK: readonly Rule[] = definePack('PWR', 'power', [
  PWR_001,
  PWR_002,
  PWR_003,
  PWR_004,
  PWR_005,
  PWR_006,
  PWR_007,
  PWR_008,
  PWR_009,
  PWR_010,
  PWR_011,
  PWR_012,
  PWR_013,
  PWR_014,
  PWR_015,
]);
