import { loadUpstreamValues } from '../../upstream/values-paths';
import { OperatorContext, OperatorOutput } from '../platform';

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
 * - CDI, the device plugin (`nvidia.com/gpu`) and DCGM exporter on.
 * Settings: `driverVersion`, `mig`.
 */
export function gpuOperator(ctx: OperatorContext): OperatorOutput {
  const mig = (ctx.settings.mig as string | undefined) ?? 'none';
  return {
    values: {
      driver: {
        enabled: true,
        version: (ctx.settings.driverVersion as string | undefined) ?? defaultDriverVersion(),
        kernelModuleType: 'open',
        rdma: { enabled: ctx.has('network-operator'), useHostMofed: false },
      },
      mig: { strategy: mig },
      migManager: { enabled: mig !== 'none' },
      cdi: { enabled: true },
      devicePlugin: { enabled: true },
      dcgmExporter: { enabled: true },
    },
    resources: [],
  };
}
