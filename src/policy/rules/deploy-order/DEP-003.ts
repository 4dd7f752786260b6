import { objectName, replay } from '../../../deploy/simulate';
import { DeployPackRule } from '../../deploy-rule';

/** Every namespace exists before the objects in it. */
export const DEP_003: DeployPackRule = {
  id: 'DEP-003',
  severity: 'error',
  description:
    'Every namespace is created in the same or an earlier stack, wave or release than the objects in it.',
  help: 'An object in a namespace that does not exist yet is refused by the API server ("namespaces not found"). Fix: create the namespace (a Namespace object, a kubernetes_namespace_v1, or the release\'s own namespace with createNamespace) in the step of the object or a step it waits for.',
  check(plan) {
    return replay(plan).missingNamespaces.map((t) => ({
      path: t.object.source,
      message:
        `${plan.engine}: ${objectName(t.object)} in ${t.step.id} is applied before its ${t.waitsFor}: ` +
        (t.providers.length === 0
          ? 'nothing creates it'
          : `created by ${t.providers.map((p) => p.id).join(', ')}, which ${t.providers.length === 1 ? 'does' : 'do'} not finish before it`),
    }));
  },
};
