import { definePack } from '../../pack';
import { Rule } from '../../rule';
import { K8S_001 } from './K8S-001';
import { K8S_002 } from './K8S-002';
import { K8S_003 } from './K8S-003';
import { K8S_004 } from './K8S-004';
import { K8S_005 } from './K8S-005';
import { K8S_006 } from './K8S-006';
import { K8S_007 } from './K8S-007';
import { K8S_008 } from './K8S-008';
import { K8S_009 } from './K8S-009';

export { K8S_001, K8S_002, K8S_003, K8S_004, K8S_005, K8S_006, K8S_007, K8S_008, K8S_009 };

/** The kubernetes pack: versions, ComputeDomains, cluster size, topology, quotas, operators, upstream schemas. */
export const KUBERNETES_PACK: readonly Rule[] = definePack('K8S', 'kubernetes', [
  K8S_001,
  K8S_002,
  K8S_003,
  K8S_004,
  K8S_005,
  K8S_006,
  K8S_007,
  K8S_008,
  K8S_009,
]);
