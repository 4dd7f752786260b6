import { objectName, replay } from '../../../deploy/simulate';
import { DeployPackRule } from '../../deploy-rule';

/** No kubernetes_manifest plans against a cluster created in its own stack. */
export const DEP_002: DeployPackRule = {
  id: 'DEP-002',
  severity: 'error',
  description: 'No kubernetes_manifest is in the stack that creates its cluster.',
  help: "kubernetes_manifest needs the API server during terraform plan (a documented limitation of the kubernetes provider): in the stack that creates the cluster, the first plan fails. Fix: deliver the platform of a cluster the design creates in its own stacks, applied after the cluster's (GpuCluster with Delivery.terraform() does; pass the cluster's platformTarget as its connection).",
  check(plan) {
    return replay(plan).clusterNotCreated.map((t) => ({
      path: t.object.source,
      message: `${plan.engine}: kubernetes_manifest ${objectName(t.object)} plans against ${t.waitsFor}, which ${t.step.id} itself creates: its API server does not exist at plan time`,
    }));
  },
};
