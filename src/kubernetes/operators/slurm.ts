import { topologyConf } from '../../slurm/topology-conf';
import type { OperatorContext, OperatorOutput } from './operator';

/**
 * Slurm on Kubernetes with Slinky (chart `slurm` v1.2.1): the cluster's `topology.conf`,
 * generated from the layout, goes where the chart documents extra Slurm config files
 * (`configFiles`: mounted in `/etc/slurm` through the `<release>-config-extra` ConfigMap that
 * the Controller's `configFileRefs` lists), and the plugin that reads it into slurm.conf
 * (`controller.extraConfMap.TopologyPlugin`). Settings: `topologyPlugin`.
 */
export function slurm(ctx: OperatorContext<'slurm'>): OperatorOutput {
  const plugin = ctx.settings.topologyPlugin;
  const topology = topologyConf(ctx.cluster, ctx.nodes, plugin);
  return {
    values: {
      configFiles: { 'topology.conf': topology.text },
      controller: { extraConfMap: { TopologyPlugin: plugin } },
    },
    resources: [],
  };
}
