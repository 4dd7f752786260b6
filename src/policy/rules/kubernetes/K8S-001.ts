import { compareVersions, MINIMUMS } from '../../../kubernetes/versions';
import { PackRule, Violation } from '../../rule';

/** Driver and GPU Operator versions new enough for the racks' hardware. */
export const K8S_001: PackRule = {
  id: 'K8S-001',
  severity: 'error',
  description:
    'The NVIDIA driver and GPU Operator versions support the racks (Blackwell / Rubin NVL72, ComputeDomains).',
  help: `The DRA driver's ComputeDomains (multi-node NVLink on NVL72 racks) need an NVIDIA data-center driver >= ${MINIMUMS.driver.version} (its prerequisite); the GPU Operator added GB200 NVL support in ${MINIMUMS.gpuOperator.version}. Fix: raise \`driverVersion\` or \`chartVersion\` on the GpuOperator, or leave them at the pinned defaults.`,
  check({ platform }) {
    const out: Violation[] = [];
    for (const c of platform.clusters) {
      for (const op of c.operators) {
        if (op.kind !== 'gpu-operator') continue;
        const driver = String((op.values.driver as { version?: string } | undefined)?.version ?? '');
        if (driver && compareVersions(driver, MINIMUMS.driver.version) < 0) {
          out.push({
            path: op.path,
            message: `driver ${driver} < ${MINIMUMS.driver.version}, the DRA driver's prerequisite for ComputeDomains`,
            unit: 'version',
          });
        }
        if (compareVersions(op.version, MINIMUMS.gpuOperator.version) < 0) {
          out.push({
            path: op.path,
            message: `gpu-operator chart ${op.version} < ${MINIMUMS.gpuOperator.version}, the first that supports GB200 NVL`,
            unit: 'version',
          });
        }
      }
    }
    return out;
  },
};
