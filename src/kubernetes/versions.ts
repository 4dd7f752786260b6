import { Source } from '../catalog/source';

const READ = '2026-11-24';

/**
 * Minimum versions for Blackwell / Rubin NVL72 racks, with their sources. Rule K8S-001 checks
 * the cluster's driver and operator against them.
 */
export const MINIMUMS = {
  /** NVIDIA data-center driver that supports Blackwell NVL72 and the DRA driver's ComputeDomains. */
  driver: {
    version: '570.158.01',
    source: {
      title: 'aifactory issue 3: driver versions that support Blackwell and ComputeDomains (>= 570.158.01)',
      read: READ,
    } satisfies Source,
  },
  /** GPU Operator release that added GB200 NVL support. */
  gpuOperator: {
    version: '25.3.0',
    source: {
      title:
        'NVIDIA GPU Operator release notes 25.3.0: added support for NVIDIA HGX GB200 NVL and HGX B200; Network Operator platform support: GPU Operator v25.3.x or newer for GPUDirect RDMA',
      url: 'https://docs.nvidia.com/datacenter/cloud-native/gpu-operator/latest/release-notes.html',
      read: READ,
    } satisfies Source,
  },
} as const;

/**
 * Compares dotted versions numerically ('v26.7.0' vs '25.3.0', '570.158.01' vs '595.91.07');
 * a leading 'v' and any pre-release suffix ('-rc.1') are ignored. Negative, zero or positive.
 */
export function compareVersions(a: string, b: string): number {
  const parts = (v: string) =>
    v
      .replace(/^v/, '')
      .split(/[-+]/)[0]
      .split('.')
      .map((x) => Number.parseInt(x, 10) || 0);
  const pa = parts(a);
  const pb = parts(b);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}
