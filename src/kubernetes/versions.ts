import { Source } from '../catalog/source';

const READ = '2026-11-24';

/**
 * Minimum versions for Blackwell / Rubin NVL72 racks, with their sources. Rule K8S-001 checks
 * the cluster's driver and operator against them.
 */
export const MINIMUMS = {
  /**
   * NVIDIA data-center driver the DRA driver's ComputeDomains need (its prerequisite, not a
   * Blackwell minimum: no source read here gives one for Blackwell NVL72 itself).
   */
  driver: {
    version: '570.158.01',
    source: {
      title:
        'NVIDIA DRA driver for GPUs v0.4.1, docs/prerequisites.md: ComputeDomains need an NVIDIA driver >= 570.158.01',
      url: 'https://github.com/NVIDIA/k8s-dra-driver-gpu/blob/v0.4.1/docs/prerequisites.md',
      read: '2026-11-28',
      note: 'The ComputeDomain prerequisite of the DRA driver, read through issue 15; corrected from "a Blackwell minimum"',
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
 * NVIDIA data-center driver branches and when their support ends: a pinned driver on a
 * branch near its end of life needs a plan to move. Production branch R595 (the GPU
 * Operator v26.7.0 default, 595.91.07) ends in March 2027; R580 is long-term support to 2028.
 */
export const DRIVER_BRANCHES = [
  { branch: 'R580', kind: 'long-term support', endOfLife: '2028', source: driverLifecycle() },
  { branch: 'R595', kind: 'production', endOfLife: '2027-03', source: driverLifecycle() },
] as const;

function driverLifecycle(): Source {
  return {
    title: 'NVIDIA data center driver lifecycle: R595 end of life March 2027, R580 LTS branch to 2028',
    url: 'https://docs.nvidia.com/datacenter/tesla/drivers/index.html',
    read: '2026-11-28',
    note: 'As cited in issue 15; not re-read here',
  };
}

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
