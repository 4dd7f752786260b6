import { PWR_001 } from './rules/power/PWR-001';
import { PWR_002 } from './rules/power/PWR-002';
import { PWR_003 } from './rules/power/PWR-003';
import { PWR_004 } from './rules/power/PWR-004';
import { PWR_005 } from './rules/power/PWR-005';
import { PWR_006 } from './rules/power/PWR-006';
import { PWR_007 } from './rules/power/PWR-007';
import { PWR_008 } from './rules/power/PWR-008';
import { PWR_009 } from './rules/power/PWR-009';
import { PWR_010 } from './rules/power/PWR-010';
import { PWR_011 } from './rules/power/PWR-011';
import { PWR_012 } from './rules/power/PWR-012';
import { PWR_013 } from './rules/power/PWR-013';
import { PWR_014 } from './rules/power/PWR-014';
import { PWR_015 } from './rules/power/PWR-015';
import { COOL_001 } from './rules/cooling/COOL-001';
import { COOL_002 } from './rules/cooling/COOL-002';
import { COOL_003 } from './rules/cooling/COOL-003';
import { COOL_004 } from './rules/cooling/COOL-004';
import { COOL_005 } from './rules/cooling/COOL-005';
import { COOL_006 } from './rules/cooling/COOL-006';
import { K8S_001 } from './rules/kubernetes/K8S-001';
import { K8S_002 } from './rules/kubernetes/K8S-002';
import { K8S_003 } from './rules/kubernetes/K8S-003';
import { K8S_004 } from './rules/kubernetes/K8S-004';
import { K8S_005 } from './rules/kubernetes/K8S-005';
import { K8S_006 } from './rules/kubernetes/K8S-006';
import { K8S_007 } from './rules/kubernetes/K8S-007';
import { K8S_008 } from './rules/kubernetes/K8S-008';
import { K8S_009 } from './rules/kubernetes/K8S-009';
import { RESIDENCY_PACK } from './rules/residency';
import { SCALEWAY_PACK } from './rules/scaleway';
import { Rule } from './rule';

/** The power pack: normal loading, N-1, grid, generators, densities, connectivity. */
export const POWER_PACK: readonly Rule[] = [
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
];

/** The cooling pack: CDU, air and heat rejection capacity with redundancy, temperatures, PUE. */
export const COOLING_PACK: readonly Rule[] = [COOL_001, COOL_002, COOL_003, COOL_004, COOL_005, COOL_006];

/** The kubernetes pack: versions, ComputeDomains, cluster size, topology, quotas, operators, upstream schemas. */
export const KUBERNETES_PACK: readonly Rule[] = [
  K8S_001,
  K8S_002,
  K8S_003,
  K8S_004,
  K8S_005,
  K8S_006,
  K8S_007,
  K8S_008,
  K8S_009,
];

/** Every rule the `check` command runs, in id order. */
export const ALL_RULES: readonly Rule[] = [
  ...COOLING_PACK,
  ...KUBERNETES_PACK,
  ...POWER_PACK,
  ...RESIDENCY_PACK,
  ...SCALEWAY_PACK,
];

export { RESIDENCY_PACK, SCALEWAY_PACK };
