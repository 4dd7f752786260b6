import { KUBELET_LABELS, LABELS } from '../names';
import { K8sObject } from '../objects';
import { OperatorContext, OperatorOutput } from '../platform';

const API = 'kueue.x-k8s.io/v1beta2';
export const GPU_RESOURCE = 'nvidia.com/gpu';

/**
 * Kueue with Topology Aware Scheduling: a `Topology` whose levels follow the physical
 * layout (block = scalable unit, rack, host), a `ResourceFlavor` per rack system that uses
 * it, and per tenant a `ClusterQueue` with its GPU quota and a `LocalQueue` in the tenant's
 * namespace. Settings: `topologyLevels` (label keys, outermost first).
 */
export function kueue(ctx: OperatorContext): OperatorOutput {
  const topologyName = `${ctx.cluster}-layout`;
  const levels =
    (ctx.settings.topologyLevels as string[] | undefined) ?? topologyLevels(ctx.nodes.length > 0);
  const resources: K8sObject[] = [
    {
      apiVersion: API,
      kind: 'Topology',
      metadata: { name: topologyName },
      spec: { levels: levels.map((nodeLabel) => ({ nodeLabel })) },
    },
    ...ctx.flavors.map((f): K8sObject => ({
      apiVersion: API,
      kind: 'ResourceFlavor',
      metadata: { name: f.name },
      spec: { nodeLabels: { ...f.nodeLabels }, topologyName },
    })),
  ];
  for (const t of ctx.tenants) {
    resources.push({
      apiVersion: API,
      kind: 'ClusterQueue',
      metadata: { name: t.name },
      spec: {
        namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': t.namespace } },
        resourceGroups: [
          {
            coveredResources: [GPU_RESOURCE],
            flavors: [{ name: t.flavor, resources: [{ name: GPU_RESOURCE, nominalQuota: t.gpuQuota }] }],
          },
        ],
      },
    });
    resources.push({
      apiVersion: API,
      kind: 'LocalQueue',
      metadata: { name: t.name, namespace: t.namespace },
      spec: { clusterQueue: t.name },
    });
  }
  return {
    values: { controllerManager: { featureGates: [{ name: 'TopologyAwareScheduling', enabled: true }] } },
    resources,
  };
}

/** Default topology: block (scalable unit), rack, host on racks of the layout; host alone on cloud pools. */
export function topologyLevels(physical = true): string[] {
  return physical ? [LABELS.pod, LABELS.rack, KUBELET_LABELS.hostname] : [KUBELET_LABELS.hostname];
}
