import { cloudRule } from '../../cloud-rule';
import { Rule } from '../../rule';
import { RES_001 } from './RES-001';
import { RES_002 } from './RES-002';

export { RES_001, RES_002 };

/** The residency pack over the cloud model. */
export const RESIDENCY_CLOUD_RULES = [RES_001] as const;

/** The residency pack as standard rules (they read `analysis.cloud`). */
export const RESIDENCY_PACK: readonly Rule[] = [...RESIDENCY_CLOUD_RULES.map(cloudRule), RES_002];
