import { objectName, replay } from '../../../deploy/simulate';
import { DeployPackRule } from '../../deploy-rule';

/** Every custom resource comes after a step that installs its CRD. */
export const DEP_001: DeployPackRule = {
  id: 'DEP-001',
  severity: 'error',
  description:
    'Every custom resource is applied in a stack, wave or release after the one that installs its CRD.',
  help: 'Helm maps every object of a release before creating any (a CRD under templates/ does not exist yet: "no matches for kind"), Argo CD dry-runs a sync, and kubernetes_manifest reads the CRD at plan time: a custom resource in the same step as its CRD, or in a step that does not wait for it, fails on an empty cluster. Fix: put the resource in a step that depends on the chart that installs its CRD (aifactory does so by kind for the objects of a GpuCluster), or install the CRD\'s chart on the cluster.',
  check(plan) {
    return replay(plan).missingCrds.map((t) => ({
      path: t.object.source,
      message:
        `${plan.engine}: ${objectName(t.object)} in ${t.step.id} is applied before its CRD ${t.waitsFor}: ` +
        (t.providers.length === 0
          ? 'no stack, release or wave installs it'
          : `installed by ${t.providers.map((p) => p.id).join(', ')}, which ${t.providers.length === 1 ? 'does' : 'do'} not finish before it`),
    }));
  },
};
