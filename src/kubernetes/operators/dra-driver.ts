import { K8sObject } from '../objects';
import type { OperatorContext, OperatorOutput } from './operator';

/**
 * NVIDIA DRA driver for GPUs: ComputeDomains on (multi-node NVLink through IMEX), GPU
 * allocation left to the GPU Operator's device plugin, driver root where the GPU
 * Operator's driver container puts it. One ComputeDomain per multi-node NVLink domain,
 * that is per NVL72 rack, with as many nodes as the rack has compute trays, each with its
 * resource claim template for the IMEX channel. Settings: `computeDomainNamespace`.
 */
export function draDriver(ctx: OperatorContext<'dra-driver'>): OperatorOutput {
  const namespace = ctx.settings.computeDomainNamespace;
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
