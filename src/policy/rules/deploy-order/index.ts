import { definePack } from '../../pack';
import { DeployRule } from '../../deploy-rule';
import { DEP_001 } from './DEP-001';
import { DEP_002 } from './DEP-002';
import { DEP_003 } from './DEP-003';

export { DEP_001, DEP_002, DEP_003 };

/**
 * The deploy-order pack: read from the emitted output (`readDeployPlans`), every custom resource
 * after its CRD, no kubernetes_manifest in its cluster's own stack, namespaces before their objects.
 */
export const DEPLOY_ORDER_PACK: readonly DeployRule[] = definePack('DEP', 'deploy-order', [
  DEP_001,
  DEP_002,
  DEP_003,
]);
