import type { OperatorContext, OperatorOutput } from '../platform';
import { SlurmTopologyPlugin, topologyConf } from '../../slurm/topology-conf';

/**
 * Slurm on Kubernetes with Slinky (chart `slurm` v1.2.1): the cluster's `topology.conf`,
 * generated from the layout, goes where the chart documents extra Slurm config files
 * (`configFiles`: mounted in `/etc/slurm` through the `<release>-config-extra` ConfigMap that
 * the Controller's `configFileRefs` lists), and the plugin that reads it into slurm.conf
 * (`controller.extraConfMap.TopologyPlugin`). Settings: `topologyPlugin`.
 */
export function slurm(ctx: OperatorContext): OperatorOutput {
  const plugin = topologyPlugin(ctx.settings);
  const topology = topologyConf(ctx.cluster, ctx.nodes, plugin);
  return {
    values: {
      configFiles: { 'topology.conf': topology.text },
      controller: { extraConfMap: { TopologyPlugin: plugin } },
    },
    resources: [],
  };
}

export function topologyPlugin(settings: Readonly<Record<string, unknown>>): SlurmTopologyPlugin {
  return (settings.topologyPlugin as SlurmTopologyPlugin | undefined) ?? 'topology/block';
}
