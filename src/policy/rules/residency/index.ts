import { cloudRule } from '../../cloud-rule';
import { definePack } from '../../pack';
import { Rule } from '../../rule';
import { RES_001 } from './RES-001';
import { RES_002 } from './RES-002';

export { RES_001, RES_002 };

/** The residency pack: cloud locations (over the cloud model) and tenants' dispatch inside the allowed jurisdictions. */
export const RESIDENCY_PACK: readonly Rule[] = definePack('RES', 'residency', [cloudRule(RES_001), RES_002]);
