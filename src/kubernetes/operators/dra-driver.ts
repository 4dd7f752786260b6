import { K8sObject } from '../objects';
import { OperatorContext, OperatorOutput } from '../platform';

/**
 * NVIDIA DRA driver for GPUs: ComputeDomains on (multi-node NVLink through IMEX), GPU
 * allocation left to the GPU Operator's device plugin, driver root where the GPU
 * Operator's driver container puts it. One ComputeDomain per multi-node NVLink domain,
 * that is per NVL72 rack, with as many nodes as the rack has compute trays, each with its
 * resource claim template for the IMEX channel. Settings: `computeDomainNamespace`.
 */
export function draDriver(ctx: OperatorContext): OperatorOutput {
  const namespace = computeDomainNamespace(ctx.settings);
  const resources: K8sObject[] = [];
  for (const r of ctx.racks) {
    const rack = ctx.plant.nodes[r].rack!;
    if (!rack.system.multiNodeNvlink) continue;
    const name = ctx.rackLabel(r);
    resources.push({
      apiVersion: 'resource.nvidia.com/v1beta1',
      kind: 'ComputeDomain',
      metadata: { name, namespace },
      spec: {
        numNodes: rack.system.spec.computeNodes,
        channel: { resourceClaimTemplate: { name: `${name}-channel` } },
      },
    });
  }
  return {
    values: {
      nvidiaDriverRoot: ctx.has('gpu-operator') ? '/run/nvidia/driver' : '/',
      resources: { gpus: { enabled: false }, computeDomains: { enabled: true } },
    },
    resources,
  };
}

export function computeDomainNamespace(settings: Readonly<Record<string, unknown>>): string {
  return (settings.computeDomainNamespace as string | undefined) ?? 'compute-domains';
}
