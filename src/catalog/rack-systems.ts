import { DesignError } from '../errors';
import { Source } from './source';

/** CPU architecture of a system's compute nodes, as Kubernetes labels it (`kubernetes.io/arch`). */
export type NodeArch = 'arm64' | 'amd64';

export interface RackSystemSpec {
  /** Catalog id, used in app files and on the command line. */
  readonly id: string;
  readonly name: string;
  readonly gpuModel: string;
  /** GPUs per rack. */
  readonly gpus: number;
  readonly cpuModel: string;
  /** CPUs per rack. */
  readonly cpus: number;
  /** Compute nodes per rack (NVL72: compute trays; HGX/DGX: systems). One Kubernetes node each. */
  readonly computeNodes: number;
  /** NVLink switch trays per rack (0 where the NVLink switches sit inside the node). */
  readonly switchTrays: number;
  readonly nodeArch: NodeArch;
  /** GPUs in one NVLink domain: 72 for an NVL72 rack (one multi-node domain), 8 inside an HGX node. */
  readonly nvlinkDomainGpus: number;
  /** Rack power in kW. `designKw` is the figure every check uses. */
  readonly nominalKw: number;
  readonly designKw: number;
  /** Peak power in kW, where a source gives one. */
  readonly peakKw?: number;
  /** Share of the rack's heat removed by liquid (cold plates through a CDU); the rest goes to air. */
  readonly liquidFraction: number;
  /** Highest coolant supply temperature the rack accepts, in degrees C, where a source gives one. */
  readonly maxCoolantSupplyC?: number;
  /** Rack weight in kg, where a source gives one. */
  readonly weightKg?: number;
  /** Power shelves per rack and the rating of one, where a source gives them. */
  readonly powerShelves?: { readonly count: number; readonly ratingKw: number };
  /** How the rack is fed: AC (415 VAC 3-phase ORv3 inlets) or 800 VDC. */
  readonly supply: 'ac' | 'dc800';
  /** Which figures are uncertain and which value the checks use. */
  readonly notes?: string;
  readonly sources: readonly Source[];
}

const READ = '2026-11-24';
const DESIGN_PRIMER: Source = {
  title: 'aifactory DESIGN.md §3 catalog table (compiled from the sources listed with each entry)',
  read: READ,
};

/**
 * The rack systems the library knows. An enum-like class: use the static members
 * (`RackSystem.GB200_NVL72`) or `RackSystem.of('gb200-nvl72')` for ids from files and flags.
 */
function withoutShelves(spec: RackSystemSpec): RackSystemSpec {
  const rest = { ...spec };
  delete rest.powerShelves;
  return rest;
}

export class RackSystem {
  static readonly GB200_NVL72 = new RackSystem({
    id: 'gb200-nvl72',
    name: 'NVIDIA GB200 NVL72',
    gpuModel: 'B200 (Blackwell)',
    gpus: 72,
    cpuModel: 'Grace',
    cpus: 36,
    computeNodes: 18,
    switchTrays: 9,
    nodeArch: 'arm64',
    nvlinkDomainGpus: 72,
    nominalKw: 120,
    designKw: 132,
    peakKw: 192,
    liquidFraction: 115 / 132,
    weightKg: 1360,
    powerShelves: { count: 8, ratingKw: 33 },
    supply: 'ac',
    notes:
      'Sources give 120 kW nominal, 132 kW design and about 192 kW peak; the checks use 132 kW. ' +
      'Liquid share 115 of 132 kW (HPE QuickSpecs: 115 kW liquid, 17 kW air).',
    sources: [
      {
        title: 'NVIDIA DGX GB200 User Guide, Hardware',
        url: 'https://docs.nvidia.com/dgx/dgxgb200-user-guide/hardware.html',
        read: READ,
        note: '18 x 1RU compute trays (2 Grace, 4 Blackwell each), 9 x 1RU NVLink switch trays',
      },
      {
        title: 'NVIDIA Base Command Manager: power shelf integration',
        url: 'https://docs.nvidia.com/base-command-manager/product-manuals/nvidia-mission-control/powershelf.md',
        read: READ,
        note: '8 power shelves per GB200 rack, 6 PSUs of 5.5 kW, 33 kW per shelf',
      },
      {
        title: 'ServeTheHome reporting on the GB200 NVL72 rack',
        url: 'https://servethehome.com/?p=76755',
        read: READ,
        note: '120 kW flagship system; 1.36 t (3,000 lb) rack weight',
      },
      { title: 'HPE QuickSpecs, NVIDIA GB200 NVL72 by HPE (115 kW liquid, 17 kW air)', read: READ },
      { title: 'Vertiv / NVIDIA GB200 NVL72 reference architecture (132 kW per rack)', read: READ },
      DESIGN_PRIMER,
    ],
  });

  static readonly GB300_NVL72 = new RackSystem({
    id: 'gb300-nvl72',
    name: 'NVIDIA GB300 NVL72',
    gpuModel: 'B300 (Blackwell Ultra, 288 GB HBM3e, 1.4 kW)',
    gpus: 72,
    cpuModel: 'Grace',
    cpus: 36,
    computeNodes: 18,
    switchTrays: 9,
    nodeArch: 'arm64',
    nvlinkDomainGpus: 72,
    nominalKw: 135,
    designKw: 142,
    peakKw: 155,
    liquidFraction: 1,
    powerShelves: { count: 8, ratingKw: 33 },
    supply: 'ac',
    notes:
      'About 135 kW nominal, 142 kW design (NVIDIA NVL72 AI-factory and Schneider RD111 figure), ' +
      'about 155 kW peak; the checks use 142 kW. Cooling about 100% liquid: the checks use 100%. ' +
      'Power smoothing (PSU energy storage) cuts peak grid demand by up to 30% (NVIDIA, Jul 2025). ' +
      'No public weight figure was found: left unset.',
    sources: [
      {
        title: 'NVIDIA Enterprise Reference Architecture, NVL72 AI factory: system hardware and components',
        url: 'https://docs.nvidia.com/enterprise-reference-architectures/nvl72-ai-factory/latest/components.html',
        read: READ,
        note: '8 power shelves of 33 kW (six 5.5 kW PSUs); full rack requiring up to 142 kW; liquid cooled',
      },
      {
        title: 'NVIDIA technical blog: How New GB300 NVL72 Features Provide Steady Power for AI (July 2025)',
        url: 'https://developer.nvidia.com/blog/how-new-gb300-nvl72-features-provide-steady-power-for-ai/',
        read: READ,
        note: 'PSU energy storage reduces peak grid demand by up to 30%',
      },
      {
        title: 'Schneider Electric reference design RD111 (GB300), Rev 3',
        url: 'https://download.schneider-electric.com/files?p_Doc_Ref=RD111DSR0&p_File_Name=RD111DSR3-GB300.pdf',
        read: READ,
      },
      DESIGN_PRIMER,
    ],
  });

  static readonly VERA_RUBIN_NVL72 = new RackSystem({
    id: 'vera-rubin-nvl72',
    name: 'NVIDIA Vera Rubin NVL72',
    gpuModel: 'Rubin',
    gpus: 72,
    cpuModel: 'Vera',
    cpus: 36,
    computeNodes: 18,
    switchTrays: 9,
    nodeArch: 'arm64',
    nvlinkDomainGpus: 72,
    nominalKw: 188,
    designKw: 227,
    liquidFraction: 1,
    maxCoolantSupplyC: 45,
    powerShelves: { count: 4, ratingKw: 110 },
    supply: 'ac',
    notes:
      'Reported 188 kW (Max-Q) to 227 kW (Max-P); the checks use 227 kW. NVIDIA now publishes a Power and ' +
      'Thermals chapter in its Vera Rubin NVL72 tuning guide (Nov 2026), not yet read into this entry: the ' +
      'figures stay unverified until it is. 100% liquid at 45 C inlet. An AC rack: 4 x 110 kW power shelves ' +
      'taking 415/480 VAC (Flex, Computex 2026); 800 VDC belongs to the Kyber generation (2027).',
    sources: [
      {
        title:
          'Secondary reporting on Vera Rubin NVL72 (Max-Q about 190 kW, Max-P about 227 kW, 4 x 110 kW shelves)',
        read: READ,
        note: 'No NVIDIA figure read; reports range 180-230 kW: unverified',
      },
      {
        title: 'NVIDIA Vera Rubin NVL72 performance tuning guide: Power and Thermals chapter',
        url: 'https://docs.nvidia.com/dccpu/vera-mn-perf-tuning-guide/appendix-a.html',
        read: '2026-11-28',
        note: 'Last updated Nov 09, 2026; exists, its power figures not yet read into this entry',
      },
      {
        title: 'Flex Vera Rubin NVL72 power shelf, 110 kW, 415/480 VAC input (Computex 2026)',
        read: '2026-11-28',
        note: 'As cited in DESIGN.md §3 and issue 15',
      },
      DESIGN_PRIMER,
    ],
  });

  // The Vera Rubin NVL72 figures on an 800 VDC inlet: no AC power shelves.
  static readonly HYPOTHETICAL_800VDC_RACK = new RackSystem({
    ...withoutShelves(RackSystem.VERA_RUBIN_NVL72.spec),
    id: 'hypothetical-800vdc',
    name: 'Hypothetical 800 VDC NVL72-class rack',
    gpuModel: 'Rubin (hypothetical DC-fed build)',
    supply: 'dc800',
    notes:
      'Declared hypothetical: no source describes a DC-fed rack of this generation. It is the Vera Rubin ' +
      'NVL72 figures on an 800 VDC inlet, for planning the 800 VDC architecture NVIDIA targets for the ' +
      'Kyber generation (2027), which puts energy storage where the UPS was. Not a product.',
    sources: [
      {
        title:
          'NVIDIA 800 VDC architecture for AI factories: 800 VDC to the rack from the Kyber generation (2027), energy storage in place of UPS',
        url: 'https://developer.nvidia.com/blog/nvidia-800-v-hvdc-architecture-will-power-the-next-generation-of-ai-factories/',
        read: '2026-11-28',
        note: 'Architecture, not a rack specification: the rack itself is hypothetical',
      },
      DESIGN_PRIMER,
    ],
  });

  static readonly DGX_B300_RACK = new RackSystem({
    id: 'dgx-b300',
    name: 'Rack of 4 x NVIDIA DGX B300 (8 GPU each)',
    gpuModel: 'B300 (Blackwell Ultra, 288 GB HBM3e)',
    gpus: 32,
    cpuModel: 'Intel Xeon (2 per system)',
    cpus: 8,
    computeNodes: 4,
    switchTrays: 0,
    nodeArch: 'amd64',
    nvlinkDomainGpus: 8,
    nominalKw: 56,
    designKw: 56,
    liquidFraction: 0,
    supply: 'ac',
    notes:
      'About 14 kW per DGX B300 system, four per 56 kW rack (DGX SuperPOD B300: SU = 64 nodes = 512 GPUs). ' +
      'Air-cooled variant; the checks use 56 kW per rack.',
    sources: [
      {
        title: 'NVIDIA DGX SuperPOD B300 XDR reference architecture',
        url: 'https://docs.nvidia.com/dgx-superpod/reference-architecture/scalable-infrastructure-b300-xdr/latest/dgx-superpod-architecture.html',
        read: READ,
        note: 'four DGX B300 fit within a single rack, about 56 kW',
      },
      DESIGN_PRIMER,
    ],
  });

  private static readonly all: readonly RackSystem[] = [
    RackSystem.GB200_NVL72,
    RackSystem.GB300_NVL72,
    RackSystem.VERA_RUBIN_NVL72,
    RackSystem.DGX_B300_RACK,
    RackSystem.HYPOTHETICAL_800VDC_RACK,
  ];

  /** Every known system, in catalog order. */
  static list(): readonly RackSystem[] {
    return RackSystem.all;
  }

  /** The system with this catalog id; a DesignError naming `path` and the known ids otherwise. */
  static of(id: string, path = ''): RackSystem {
    const found = RackSystem.all.find((s) => s.id === id);
    if (!found) {
      throw new DesignError(
        path,
        `unknown rack system '${id}'; known: ${RackSystem.all.map((s) => s.id).join(', ')}`,
      );
    }
    return found;
  }

  private constructor(public readonly spec: RackSystemSpec) {}

  get id(): string {
    return this.spec.id;
  }

  /** True when one NVLink domain spans several nodes (an NVL72 rack), so it needs a ComputeDomain. */
  get multiNodeNvlink(): boolean {
    return this.spec.nvlinkDomainGpus > this.spec.gpus / this.spec.computeNodes;
  }
}
