import { cloudRule } from '../../cloud-rule';
import { definePack } from '../../pack';
import { Rule } from '../../rule';
import { SCW_001 } from './SCW-001';
import { SCW_002 } from './SCW-002';
import { SCW_003 } from './SCW-003';
import { SCW_004 } from './SCW-004';

export { SCW_001, SCW_002, SCW_003, SCW_004 };

/** The scaleway pack over the cloud model: types offered in their zone, Block Storage roots, pool bounds, versions. */
export const SCALEWAY_PACK: readonly Rule[] = definePack(
  'SCW',
  'scaleway',
  [SCW_001, SCW_002, SCW_003, SCW_004].map(cloudRule),
);
