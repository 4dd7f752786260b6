import { managerObjects } from '../campus';
import { KUBELET_LABELS, LABELS } from '../names';
import { K8sObject } from '../objects';
import type { OperatorContext, OperatorOutput } from './operator';
import { clusterQueue, KUEUE_API as API, localQueue } from '../queues';
import { cohortObjects, gpuLimit, priorityClasses, tenantObjects } from '../tenancy';

export { GPU_RESOURCE, KUEUE_API } from '../queues';
/** The label GPU Feature Discovery sets on nodes of a multi-node NVLink domain: `<cluster UUID>.<clique id>`. */
export const GFD_CLIQUE_LABEL = 'nvidia.com/gpu.clique';

/**
 * Kueue with Topology Aware Scheduling: a `Topology` whose levels follow the physical
 * layout (block = scalable unit, rack, NVLink domain where GPU Feature Discovery labels
 * cliques, host), a `ResourceFlavor` per rack system that uses it, and per tenant a
 * `ClusterQueue` with its GPU quota (in its cohort, with its fair-sharing weight and
 * limits), a `LocalQueue` in the tenant's namespace and the tenant's isolation objects
 * (`tenantObjects`); the cohorts and the tenants' PriorityClasses once per cluster. On a
 * campus manager, the MultiKueue objects and the tenants' campus queues (`managerObjects`).
 * Settings: `topologyLevels` (label keys, outermost first).
 */
export function kueue(ctx: OperatorContext<'kueue'>): OperatorOutput {
  const topologyName = `${ctx.cluster}-layout`;
  // GPU Feature Discovery (with the GPU Operator) labels cliques on multi-node NVLink nodes only.
  const cliques =
    ctx.has('gpu-operator') &&
    ctx.racks.length > 0 &&
    ctx.racks.every((r) => ctx.plant.nodes[r].rack!.system.multiNodeNvlink);
  const levels = ctx.settings.topologyLevels ?? topologyLevels(ctx.nodes.length > 0, cliques);
  // A campus manager without GPU nodes of its own has no topology to describe.
  const hasNodes = ctx.nodes.length > 0 || ctx.nodeGroups.length > 0;
  const resources: K8sObject[] = [
    ...(hasNodes
      ? [
          {
            apiVersion: API,
            kind: 'Topology',
            metadata: { name: topologyName },
            spec: { levels: levels.map((nodeLabel) => ({ nodeLabel })) },
          },
        ]
      : []),
    ...ctx.flavors.map((f): K8sObject => ({
      apiVersion: API,
      kind: 'ResourceFlavor',
      metadata: { name: f.name },
      spec: { nodeLabels: { ...f.nodeLabels }, topologyName },
    })),
  ];
  const tenants = [...ctx.tenants, ...(ctx.campus?.tenants.map((t) => t.queue) ?? [])];
  if (tenants.length > 0) resources.push(...cohortObjects(tenants), ...priorityClasses());
  for (const t of ctx.tenants) {
    resources.push(
      clusterQueue(t, [{ flavor: t.flavor, gpus: t.gpuQuota }]),
      localQueue(t),
      ...tenantObjects(t, gpuLimit(t, ctx.gpusBySystem[t.flavor] ?? 0)),
    );
  }
  if (ctx.campus) resources.push(...managerObjects(ctx.campus, ctx.flavors));
  return {
    values: { controllerManager: { featureGates: [{ name: 'TopologyAwareScheduling', enabled: true }] } },
    resources,
  };
}

/**
 * Default topology: block (scalable unit), rack, NVLink domain (the GFD clique label, where
 * every rack is a multi-node NVLink domain), host on racks of the layout; host alone on
 * cloud pools.
 */
export function topologyLevels(physical = true, cliques = false): string[] {
  if (!physical) return [KUBELET_LABELS.hostname];
  return cliques
    ? [LABELS.pod, LABELS.rack, GFD_CLIQUE_LABEL, KUBELET_LABELS.hostname]
    : [LABELS.pod, LABELS.rack, KUBELET_LABELS.hostname];
}
