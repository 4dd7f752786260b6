import { COOLING_PACK } from './rules/cooling';
import { KUBERNETES_PACK } from './rules/kubernetes';
import { POWER_PACK } from './rules/power';
import { RESIDENCY_PACK } from './rules/residency';
import { SCALEWAY_PACK } from './rules/scaleway';
import { Rule } from './rule';

export { COOLING_PACK, KUBERNETES_PACK, POWER_PACK, RESIDENCY_PACK, SCALEWAY_PACK };

/** Every rule the `check` command runs, in id order. */
export const ALL_RULES: readonly Rule[] = [
  ...COOLING_PACK,
  ...KUBERNETES_PACK,
  ...POWER_PACK,
  ...RESIDENCY_PACK,
  ...SCALEWAY_PACK,
];
