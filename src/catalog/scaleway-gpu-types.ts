import { DesignError } from '../errors';
import { round } from '../units';
import { Source } from './source';

/** When the zone offers were recorded: SCW-001 names it in its messages. */
export const SCALEWAY_OFFERS_AS_OF = 'July 2026';

/**
 * Host overhead on top of the GPUs' TDP, for the power estimate: CPUs, memory, NICs, fans and
 * power-supply losses. Derived from the rack catalog's DGX B300 (about 14 kW per 8-GPU system)
 * over its GPUs' TDP (8 x 1.4 kW = 11.2 kW): 14 / 11.2 = 1.25.
 */
export const HOST_OVERHEAD_FACTOR = 1.25;

const READ = '2026-11-24';
const OFFERS: Source = {
  title: `Scaleway API recordings of ${SCALEWAY_OFFERS_AS_OF} (DESIGN.md §3)`,
  read: READ,
  note: 'instance types, GPUs, vCPU, RAM and the zones that offer them',
};

export interface ScalewayGpuTypeSpec {
  /** Scaleway commercial type, as the API and `node_type` / `type` spell it. */
  readonly id: string;
  readonly gpuModel: string;
  /** GPUs per instance. */
  readonly gpus: number;
  /** Memory per GPU, GB. */
  readonly gpuMemoryGb: number;
  readonly vcpus: number;
  readonly ramGib: number;
  /** Zones that offer the type, as of `SCALEWAY_OFFERS_AS_OF`. */
  readonly zones: readonly string[];
  /** Thermal design power of one GPU, W. */
  readonly gpuTdpW: number;
  /**
   * ESTIMATED power of one instance, kW: GPUs x GPU TDP x `HOST_OVERHEAD_FACTOR`. Scaleway
   * publishes no power figure; this lets cloud capacity appear beside on-premises racks.
   */
  readonly estimatedPowerKw: number;
  /** How `estimatedPowerKw` is derived, in one line. */
  readonly powerEstimate: string;
  readonly sources: readonly Source[];
}

interface GpuFamily {
  readonly gpuModel: string;
  readonly gpuMemoryGb: number;
  readonly gpuTdpW: number;
  readonly tdpSource: Source;
  readonly zones: readonly string[];
  /** Where the zones come from, when not the API recordings. */
  readonly zonesSource?: Source;
}

const B300: GpuFamily = {
  gpuModel: 'NVIDIA B300 SXM (Blackwell Ultra, 288 GB HBM3e)',
  gpuMemoryGb: 288,
  gpuTdpW: 1400,
  tdpSource: {
    title: 'aifactory DESIGN.md §3 catalog table, GB300 NVL72 row',
    read: READ,
    note: 'B300, 288 GB HBM3e, 1.4 kW (1400 W) per GPU',
  },
  zones: ['fr-par-2'],
};
const H100_SXM: GpuFamily = {
  gpuModel: 'NVIDIA H100 SXM (80 GB HBM3)',
  gpuMemoryGb: 80,
  gpuTdpW: 700,
  tdpSource: {
    title: 'NVIDIA H100 Tensor Core GPU datasheet',
    url: 'https://www.nvidia.com/en-us/data-center/h100/',
    read: READ,
    note: 'H100 SXM maximum thermal design power up to 700 W',
  },
  zones: ['fr-par-2'],
};
const H100_PCIE: GpuFamily = {
  gpuModel: 'NVIDIA H100 PCIe (80 GB)',
  gpuMemoryGb: 80,
  gpuTdpW: 350,
  tdpSource: {
    title: 'NVIDIA H100 Tensor Core GPU datasheet',
    url: 'https://www.nvidia.com/en-us/data-center/h100/',
    read: READ,
    note: 'H100 PCIe maximum thermal design power 300-350 W; the estimate uses 350 W',
  },
  zones: ['fr-par-2', 'pl-waw-2'],
};
const L40S: GpuFamily = {
  gpuModel: 'NVIDIA L40S (48 GB GDDR6)',
  gpuMemoryGb: 48,
  gpuTdpW: 350,
  tdpSource: {
    title: 'NVIDIA L40S datasheet',
    url: 'https://www.nvidia.com/en-us/data-center/l40s/',
    read: READ,
    note: 'maximum power consumption 350 W',
  },
  zones: ['fr-par-2', 'pl-waw-2'],
};
const L4: GpuFamily = {
  gpuModel: 'NVIDIA L4 (24 GB GDDR6)',
  gpuMemoryGb: 24,
  gpuTdpW: 72,
  tdpSource: {
    title: 'NVIDIA L4 Tensor Core GPU datasheet',
    url: 'https://www.nvidia.com/en-us/data-center/l4/',
    read: READ,
    note: 'maximum thermal design power 72 W',
  },
  zones: ['fr-par-2', 'pl-waw-2'],
  zonesSource: {
    title: 'Scaleway GPU Instances availability table: L4 in PAR2 and WAW2',
    url: 'https://www.scaleway.com/en/docs/gpu/reference-content/choosing-gpu-instance-type/',
    read: '2026-11-28',
    note: 'fr-par-1 was listed before and is in no source: removed',
  },
};

function spec(
  id: string,
  family: GpuFamily,
  gpus: number,
  vcpus: number,
  ramGib: number,
): ScalewayGpuTypeSpec {
  const estimatedPowerKw = round((gpus * family.gpuTdpW * HOST_OVERHEAD_FACTOR) / 1000);
  return {
    id,
    gpuModel: family.gpuModel,
    gpus,
    gpuMemoryGb: family.gpuMemoryGb,
    vcpus,
    ramGib,
    zones: family.zones,
    gpuTdpW: family.gpuTdpW,
    estimatedPowerKw,
    powerEstimate:
      `estimate, not a Scaleway figure: ${gpus} GPU x ${family.gpuTdpW} W TDP x ${HOST_OVERHEAD_FACTOR} ` +
      `host overhead (CPUs, memory, NICs, fans, PSU losses; the DGX B300 ratio 14 kW / 11.2 kW) = ${estimatedPowerKw} kW`,
    sources: [OFFERS, family.tdpSource, ...(family.zonesSource ? [family.zonesSource] : [])],
  };
}

/**
 * Scaleway GPU Instance types (also the node types of Kapsule GPU pools). An enum-like
 * class: use the static members (`ScalewayGpuType.B300_SXM_8_288G`) or
 * `ScalewayGpuType.of('B300-SXM-8-288G')` for ids from files and flags.
 */
export class ScalewayGpuType {
  static readonly B300_SXM_2_288G = new ScalewayGpuType(spec('B300-SXM-2-288G', B300, 2, 56, 960));
  static readonly B300_SXM_8_288G = new ScalewayGpuType(spec('B300-SXM-8-288G', B300, 8, 224, 3840));
  static readonly H100_SXM_2_80G = new ScalewayGpuType(spec('H100-SXM-2-80G', H100_SXM, 2, 32, 240));
  static readonly H100_SXM_4_80G = new ScalewayGpuType(spec('H100-SXM-4-80G', H100_SXM, 4, 64, 480));
  static readonly H100_SXM_8_80G = new ScalewayGpuType(spec('H100-SXM-8-80G', H100_SXM, 8, 128, 960));
  static readonly H100_1_80G = new ScalewayGpuType(spec('H100-1-80G', H100_PCIE, 1, 24, 240));
  static readonly H100_2_80G = new ScalewayGpuType(spec('H100-2-80G', H100_PCIE, 2, 48, 480));
  static readonly L40S_1_48G = new ScalewayGpuType(spec('L40S-1-48G', L40S, 1, 8, 96));
  static readonly L40S_2_48G = new ScalewayGpuType(spec('L40S-2-48G', L40S, 2, 16, 192));
  static readonly L40S_4_48G = new ScalewayGpuType(spec('L40S-4-48G', L40S, 4, 32, 384));
  static readonly L40S_8_48G = new ScalewayGpuType(spec('L40S-8-48G', L40S, 8, 64, 768));
  static readonly L4_1_24G = new ScalewayGpuType(spec('L4-1-24G', L4, 1, 8, 48));
  static readonly L4_2_24G = new ScalewayGpuType(spec('L4-2-24G', L4, 2, 16, 96));
  static readonly L4_4_24G = new ScalewayGpuType(spec('L4-4-24G', L4, 4, 32, 192));
  static readonly L4_8_24G = new ScalewayGpuType(spec('L4-8-24G', L4, 8, 64, 384));

  private static readonly all: readonly ScalewayGpuType[] = [
    ScalewayGpuType.B300_SXM_2_288G,
    ScalewayGpuType.B300_SXM_8_288G,
    ScalewayGpuType.H100_SXM_2_80G,
    ScalewayGpuType.H100_SXM_4_80G,
    ScalewayGpuType.H100_SXM_8_80G,
    ScalewayGpuType.H100_1_80G,
    ScalewayGpuType.H100_2_80G,
    ScalewayGpuType.L40S_1_48G,
    ScalewayGpuType.L40S_2_48G,
    ScalewayGpuType.L40S_4_48G,
    ScalewayGpuType.L40S_8_48G,
    ScalewayGpuType.L4_1_24G,
    ScalewayGpuType.L4_2_24G,
    ScalewayGpuType.L4_4_24G,
    ScalewayGpuType.L4_8_24G,
  ];

  /** Every known type, in catalog order. */
  static list(): readonly ScalewayGpuType[] {
    return ScalewayGpuType.all;
  }

  /** The type with this id; a DesignError naming `path` and the known types otherwise. */
  static of(id: string, path = ''): ScalewayGpuType {
    const found = ScalewayGpuType.all.find((t) => t.id === id);
    if (!found) {
      throw new DesignError(
        path,
        `unknown Scaleway GPU instance type '${String(id)}'; known: ${ScalewayGpuType.all.map((t) => t.id).join(', ')}`,
      );
    }
    return found;
  }

  /** A type given as a catalog entry or its id; a DesignError naming `path` otherwise. */
  static from(type: ScalewayGpuType | string, path = '', prop = 'type'): ScalewayGpuType {
    if (type instanceof ScalewayGpuType) return type;
    if (typeof type === 'string') return ScalewayGpuType.of(type, path);
    throw new DesignError(path, `${prop} must be a ScalewayGpuType or its id, got ${String(type)}`);
  }

  private constructor(public readonly spec: ScalewayGpuTypeSpec) {}

  get id(): string {
    return this.spec.id;
  }

  /** True when `zone` offers this type (as of `SCALEWAY_OFFERS_AS_OF`). */
  offeredIn(zone: string): boolean {
    return this.spec.zones.includes(zone);
  }
}
