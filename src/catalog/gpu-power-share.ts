import { DesignError } from '../errors';
import { RackSystem } from './rack-systems';
import { Source } from './source';

/**
 * The GPUs' share of a rack's design power: what turns live GPU power (DCGM's
 * `DCGM_FI_DEV_POWER_USAGE`, the GPU board only) into rack power (GPUs, CPUs, NVLink
 * switches, NICs, fans, power-shelf losses). rack power = sum of GPU power / share, with
 * share = GPUs x GPU power at full load / rack design power. It assumes the rest of the rack
 * follows the GPUs in proportion, which holds best near full load: at idle the rest is a
 * larger part, so the live rack power is then underestimated.
 */
export interface GpuPowerShare {
  readonly system: string;
  /** Power of one GPU at full load (TDP / TGP), W. */
  readonly gpuW: number;
  /** GPUs x gpuW / rack design power. */
  readonly share: number;
  /** True where no vendor document gives the GPU power (secondary reporting only). */
  readonly unverified: boolean;
  readonly source: Source;
}

const READ = '2026-11-28';

const GPU_W: Readonly<Record<string, { gpuW: number; unverified: boolean; source: Source }>> = {
  'gb200-nvl72': {
    gpuW: 1_200,
    unverified: false,
    source: {
      title: 'NVIDIA GB200 NVL72 product page and DGX GB200 datasheet',
      url: 'https://www.nvidia.com/en-us/data-center/gb200-nvl72/',
      read: READ,
      note: 'B200 GPU in the GB200 superchip: up to 1,200 W',
    },
  },
  'gb300-nvl72': {
    gpuW: 1_400,
    unverified: false,
    source: {
      title: 'NVIDIA technical blog: Inside NVIDIA Blackwell Ultra (B300), 2025',
      url: 'https://developer.nvidia.com/blog/inside-nvidia-blackwell-ultra-the-chip-powering-the-ai-factory-era/',
      read: READ,
      note: 'Blackwell Ultra GPU: 1,400 W in GB300 NVL72 (the catalog entry says 1.4 kW too)',
    },
  },
  'vera-rubin-nvl72': {
    gpuW: 1_800,
    unverified: true,
    source: {
      title: 'Secondary reporting on the Rubin GPU (GTC 2025 coverage)',
      read: READ,
      note: 'no NVIDIA figure; reports give about 1,800 W per Rubin GPU',
    },
  },
  'hypothetical-800vdc': {
    gpuW: 1_800,
    unverified: true,
    source: {
      title: 'Secondary reporting on the Rubin GPU (GTC 2025 coverage)',
      read: READ,
      note: 'a declared hypothetical rack with the Vera Rubin NVL72 figures: about 1,800 W per Rubin GPU, no NVIDIA figure',
    },
  },
  'dgx-b300': {
    gpuW: 1_100,
    unverified: true,
    source: {
      title: 'Secondary reporting on HGX / DGX B300 (air-cooled Blackwell Ultra)',
      read: READ,
      note: 'about 1,100 W per B300 GPU in the 8-GPU air-cooled system; no NVIDIA datasheet figure found',
    },
  },
};

/** The GPU share of a rack system's design power; a DesignError naming `path` for a system without one. */
export function gpuPowerShare(system: RackSystem, path = ''): GpuPowerShare {
  const entry = GPU_W[system.id];
  if (!entry) {
    throw new DesignError(
      path,
      `no GPU power figure for rack system '${system.id}': cannot scale DCGM power to rack power`,
    );
  }
  const { gpus, designKw } = system.spec;
  return {
    system: system.id,
    gpuW: entry.gpuW,
    share: (gpus * entry.gpuW) / (designKw * 1_000),
    unverified: entry.unverified,
    source: entry.source,
  };
}
