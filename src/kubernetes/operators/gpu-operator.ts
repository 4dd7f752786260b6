import { loadUpstreamValues } from '../../upstream/values-paths';
import type { OperatorContext, OperatorOutput } from './operator';

/** The driver version the pinned chart installs by default (its values.yaml `driver.version`). */
export function defaultDriverVersion(): string {
  const v = loadUpstreamValues('gpu-operator') as { driver: { version: string } };
  return v.driver.version;
}

/**
 * NVIDIA GPU Operator values for Blackwell / Rubin NVL72 and HGX nodes:
 * - the driver container, pinned (default: the chart's own, 595.91.07 in v26.7.0), with
 *   open kernel modules (Blackwell requires the open GPU kernel modules);
 * - GPUDirect RDMA (`driver.rdma`) when the Network Operator runs on the cluster, using
 *   its DOCA driver rather than a host MOFED;
 * - MIG off (`mig.strategy: none`, no MIG manager) unless `mig` asks for 'single' or 'mixed';
 * - CDI, the device plugin (`nvidia.com/gpu`) and DCGM exporter on, with its Kubernetes pod
 *   mapping (`DCGM_EXPORTER_KUBERNETES`: `namespace`, `pod`, `container` on every GPU series,
 *   for energy per tenant), its ServiceMonitor keeping those labels (`honorLabels`: without it
 *   Prometheus renames them `exported_namespace`, ...) and adding the node name as `node`;
 * - the power rules of the cluster's racks as PrometheusRules (DESIGN §7), for an existing
 *   prometheus-operator, unless `prometheusRules` is false: their settings here, the objects
 *   derived by the analysis (`platformPowerRules`).
 * Settings: `driverVersion`, `mig`, `prometheusRules`.
 */
export function gpuOperator(ctx: OperatorContext<'gpu-operator'>): OperatorOutput {
  const mig = ctx.settings.mig;
  const rules = ctx.settings.prometheusRules === false ? undefined : ctx.settings.prometheusRules;
  return {
    values: {
      driver: {
        enabled: true,
        version: ctx.settings.driverVersion,
        kernelModuleType: 'open',
        rdma: { enabled: ctx.has('network-operator'), useHostMofed: false },
      },
      mig: { strategy: mig },
      migManager: { enabled: mig !== 'none' },
      cdi: { enabled: true },
      devicePlugin: { enabled: true },
      dcgmExporter: {
        enabled: true,
        env: [{ name: 'DCGM_EXPORTER_KUBERNETES', value: 'true' }],
        serviceMonitor: {
          enabled: true,
          honorLabels: true,
          additionalLabels: { ...(rules?.labels ?? {}) },
          relabelings: [
            {
              sourceLabels: ['__meta_kubernetes_pod_node_name'],
              regex: '(.*)',
              targetLabel: rules?.nodeLabel ?? 'node',
              replacement: '$1',
              action: 'replace',
            },
          ],
        },
      },
    },
    resources: [],
    ...(rules ? { powerRules: rules } : {}),
  };
}
