import { RackSystem } from '../src/catalog/rack-systems';
import { Source } from '../src/catalog/source';

/**
 * Everything a building blueprint assumes. Each blueprint documents its defaults and their
 * sources; every field can be overridden through the blueprint's props.
 */
export interface BuildingAssumptions {
  /** The rack system the building hosts. */
  readonly system: RackSystem;
  /** Rack design power the layout is sized for, kW. @default - the catalog's design power */
  readonly rackKw?: number;
  /** Racks per scalable unit (a `Pod`): 8 NVL72 racks per DGX SuperPOD SU. */
  readonly racksPerSu: number;
  /** Scalable units per power block (one MV/LV transformer or rectifier per side). */
  readonly susPerBlock: number;
  /** Racks on one busway per side. */
  readonly racksPerBusway: number;
  /** Busway rating, A. */
  readonly buswayA: number;
  /** Racks per hall (rack positions). */
  readonly racksPerHall: number;

  /** 'ac-ups': MV/LV transformer, LV switchboard, UPS, 415 VAC busways. 'dc-800v': rectifier, energy storage and 800 VDC busways, no UPS. */
  readonly distribution: 'ac-ups' | 'dc-800v';
  /**
   * Redundancy of the block heads (transformer, board, UPS or rectifier):
   * - '2n': two heads per block (A and B), each rack on both, each head sized for the whole block.
   * - 'distributed-redundant': `drSystems` heads carry `drSystems - 1` blocks; the racks' busway
   *   pairs rotate through every pair of heads, so the loss of one spreads over all the others.
   * - 'block-redundant': one head per block, and one reserve (catcher) head per
   *   `blocksPerCatcher` blocks reached through static transfer switches.
   * @default '2n'
   */
  readonly topology?: Topology;
  /** Distributed redundant: heads per group (4: "4 to make 3"). @default 4 */
  readonly drSystems?: number;
  /** Block redundant: blocks one catcher head backs. @default 4 */
  readonly blocksPerCatcher?: number;
  /** UPS battery (or DC energy storage) autonomy at the usable rating, minutes. */
  readonly upsAutonomyMinutes: number;
  /** Generator start, synchronisation and transfer time, seconds. */
  readonly generatorTransferSeconds: number;
  /** AC: MV/LV transformer per block and side, kVA. */
  readonly blockTransformerKva: number;
  /** AC: LV switchboard per block and side, A at 415 V. */
  readonly switchboardA: number;
  /** AC: UPS module rating, kW; modules per UPS system and how many are redundant. */
  readonly upsModuleKw: number;
  readonly upsModules: number;
  readonly upsRedundantModules: number;
  /** AC: UPS efficiency in double conversion. */
  readonly upsEfficiency: number;
  /** DC: rectifier (MV AC to 800 VDC) per block and side, kW, and its efficiency. */
  readonly rectifierKw: number;
  readonly rectifierEfficiency: number;
  /** Transformer efficiency (MV/LV and HV/MV). */
  readonly transformerEfficiency: number;

  /** Blocks per MV group (a pair of HV/MV transformers and MV switchgear, one generator group). */
  readonly blocksPerMvGroup: number;
  readonly hvTransformerMva: number;
  readonly mvSwitchgearA: number;
  readonly mvKv: number;
  /** Generator unit rating, kWe, and redundant units per group (N+1: 1). Units are sized to the load. */
  readonly generatorUnitKw: number;
  readonly generatorRedundantUnits: number;

  /** CDU unit capacity, kW, and coolant supply temperature, C. Units per hall sized to the liquid heat, N+1. */
  readonly cduUnitKw: number;
  readonly cduSupplyC: number;
  /** CDU units per hall, fixed; undefined: sized to the hall's liquid heat plus the redundant units. */
  readonly cduUnitsPerHall?: number;
  /** Air handler unit capacity, kW. Units per hall sized to the air heat, N+1. */
  readonly airUnitKw: number;
  /** Heat rejection per building: chillers, dry coolers, or none (the site's design PUE covers cooling). */
  readonly heatRejection: 'chillers' | 'dry-coolers' | 'none';
  /** Heat rejection unit capacity, kW, and COP at design conditions. Units sized to the heat, N+1. */
  readonly heatRejectionUnitKw: number;
  readonly heatRejectionCop: number;
  /** Redundant units in every sized cooling group. */
  readonly coolingRedundantUnits: number;
  /**
   * Electrical input of one CDU at nameplate (its pumps), kW. Derived, unverified: the OCP flow
   * of 1.5 L/min per kW at an assumed 300 kPa pump head and 60% wire-to-water efficiency is
   * 1.25% of the CDU's heat capacity.
   */
  readonly cduUnitPowerKw: number;

  /** Where these numbers come from. */
  readonly sources: readonly Source[];
}

export type Topology = '2n' | 'distributed-redundant' | 'block-redundant';

const READ = '2026-11-24';

/** Sources shared by the blueprints. */
export const SOURCES = {
  superpodGb200: {
    title:
      'NVIDIA DGX SuperPOD GB200 reference architecture: SU of 8 NVL72 racks (576 GPUs, ~1.2 MW), up to 16 SUs',
    url: 'https://docs.nvidia.com/dgx-superpod/reference-architecture-scalable-infrastructure-gb200/latest/dgx-superpod-architecture.html',
    read: READ,
  },
  schneiderRd: {
    title:
      'Schneider Electric reference designs for NVIDIA racks (RD108 GB200 IEC, RD110/RD111 GB300): 2N distribution, N+1 generators, N+1 chillers and CDUs',
    url: 'https://download.schneider-electric.com/files?p_Doc_Ref=RD111DSR0&p_File_Name=RD111DSR3-GB300.pdf',
    read: READ,
    note: 'RD111: 7,536 kW, Tier III, chilled water, liquid cooled GB300, N+1 chiller and CDU; RD108: Canalis KS 800 A busways',
  },
  designPrimer: {
    title:
      'aifactory DESIGN.md §2: MV/LV transformers 3,000-3,500 kVA 20 kV/415 V, UPS modules 1,250-1,600 kW (~97%), transformers ~98.5-99%, busways 800-1,600 A at 415 V',
    read: READ,
  },
  cdu: { title: 'Motivair MCDU-70 coolant distribution unit, 2.5 MW per unit (DESIGN.md §3)', read: READ },
  chillerCop: {
    title:
      'Borkowski & Piłat, Applied Energy (2021), article 117975: data-center chiller plant COP 4.39 in compressor mode, 16.50 in free cooling, 8.63 annual',
    url: 'https://doi.org/10.1016/j.apenergy.2021.117975',
    read: READ,
    note: 'Design-day checks use the compressor-mode COP 4.39. 16.50 is the free-cooling figure, reached only in cold weather: it is not a design-day COP for dry coolers (corrected 2026-11-28)',
  },
  cduFlow: {
    title:
      'OCP / ASHRAE TC 9.9 CDU specification guidance: technology cooling flow 1.5 L/min per kW (Stulz, CDU specifications for liquid cooling)',
    url: 'https://blog.stulz-usa.com/cdu-specifications-for-liquid-cooling',
    read: '2026-11-28',
    note: 'CDU pump power derived from it at an assumed 300 kPa head and 60% efficiency: unverified',
  },
  schneiderGb300Dr: {
    title:
      'Schneider Electric reference design for NVIDIA GB300 NVL72: 3+1 distributed-redundant IT power (as cited in issue 15)',
    read: '2026-11-28',
    note: 'Read through the issue text, not the document itself: unverified here',
  },
  nfpa110: {
    title: 'NFPA 110, Standard for Emergency and Standby Power Systems: Type 10, power restored within 10 s',
    read: '2026-11-28',
  },
  ashraeW32: {
    title: 'ASHRAE TC 9.9 liquid cooling classes: W32 facility water up to 32 C, W45 up to 45 C',
    read: READ,
  },
  nvidia800v: {
    title:
      'NVIDIA 800 VDC architecture for Vera Rubin (volume from 2027): up to 5% better end-to-end efficiency, 45% less copper than 415 VAC/54 V (DESIGN.md §2)',
    read: READ,
  },
  superpodB300: {
    title:
      'NVIDIA DGX SuperPOD B300 reference architecture: four DGX B300 per rack (~56 kW), SU of 64 systems',
    url: 'https://docs.nvidia.com/dgx-superpod/reference-architecture/scalable-infrastructure-b300-xdr/latest/dgx-superpod-architecture.html',
    read: READ,
  },
} satisfies Record<string, Source>;
