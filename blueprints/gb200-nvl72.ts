import { RackSystem } from '../src/catalog/rack-systems';
import { Site } from '../constructs';
import { BuildingAssumptions, SOURCES } from './assumptions';
import { Building, BuildingSize } from './building';

/**
 * Blueprint `gb200-nvl72`: a building of NVIDIA GB200 NVL72 racks at 132 kW design power,
 * after the DGX SuperPOD GB200 reference architecture and Schneider Electric's reference
 * designs for NVIDIA racks (RD108, IEC).
 *
 * Assumptions (each overridable through props):
 * - Layout: scalable units (SU) of 8 racks (576 GPUs, ~1.06 MW at 132 kW); halls of 128
 *   racks (16 SUs, the largest SuperPOD of the reference architecture).
 * - Power, 2N: per side an HV/MV transformer of 40 MVA and MV switchgear at 20 kV (1,250 A)
 *   per MV group of 16 blocks; per block of 2 SUs (16 racks, 2.1 MW) a 2,500 kVA MV/LV
 *   transformer (99%), a 4,000 A LV switchboard and a UPS of 2 x 1,250 kW modules (97%);
 *   one 1,000 A, 415 V busway per 4 racks. Each side carries the whole load at <= 100% when
 *   the other fails and <= 80% in normal operation (NEC continuous load).
 * - Generators: 2,500 kWe units, N+1, sized per MV group to its backed load, 10 s to start
 *   and transfer (NFPA 110 Type 10); UPS batteries of 5 minutes at the usable rating
 *   (assumed, unverified: a common design figure).
 * - Mechanical power: a mechanical MV group per building (HV/MV transformers, MV switchgear,
 *   its own N+1 generators) feeds the heat rejection from generator-backed LV boards and
 *   the CDU pumps from a mechanical UPS, A and B, each side sized for the whole load.
 *   CDU pumps 31.25 kW per 2.5 MW unit (derived, unverified: 1.25% of capacity).
 * - Cooling: 87% liquid (catalog); N+1 CDUs of 2.5 MW per hall at 30 C supply (ASHRAE W32
 *   class); N+1 air handlers of 500 kW per hall (example unit size, not a vendor figure);
 *   N+1 chillers of 1,800 kW at COP 4.39 (compressor mode, the design-day case).
 * - PUE: computed from the plant; the site's `designPue` is the target (RD designs: chilled
 *   water; liquid-cooled AI halls target 1.1-1.3).
 */
export const GB200_NVL72_ASSUMPTIONS: BuildingAssumptions = {
  system: RackSystem.GB200_NVL72,
  racksPerSu: 8,
  susPerBlock: 2,
  racksPerBusway: 4,
  buswayA: 1_000,
  racksPerHall: 128,
  distribution: 'ac-ups',
  blockTransformerKva: 2_500,
  switchboardA: 4_000,
  upsModuleKw: 1_250,
  upsModules: 2,
  upsRedundantModules: 0,
  upsEfficiency: 0.97,
  rectifierKw: 4_000,
  rectifierEfficiency: 0.98,
  transformerEfficiency: 0.99,
  blocksPerMvGroup: 16,
  hvTransformerMva: 40,
  mvSwitchgearA: 1_250,
  mvKv: 20,
  generatorUnitKw: 2_500,
  generatorRedundantUnits: 1,
  cduUnitKw: 2_500,
  cduSupplyC: 30,
  airUnitKw: 500,
  heatRejection: 'chillers',
  heatRejectionUnitKw: 1_800,
  heatRejectionCop: 4.39,
  coolingRedundantUnits: 1,
  cduUnitPowerKw: 31.25,
  upsAutonomyMinutes: 5,
  generatorTransferSeconds: 10,
  sources: [
    SOURCES.superpodGb200,
    SOURCES.schneiderRd,
    SOURCES.designPrimer,
    SOURCES.cdu,
    SOURCES.chillerCop,
    SOURCES.ashraeW32,
    SOURCES.cduFlow,
    SOURCES.nfpa110,
  ],
};

export type Gb200Nvl72BuildingProps = BuildingSize & Partial<BuildingAssumptions>;

/** A GB200 NVL72 building laid out by the `gb200-nvl72` blueprint. */
export class Gb200Nvl72Building extends Building {
  constructor(site: Site, id: string, props: Gb200Nvl72BuildingProps) {
    super(site, id, { ...GB200_NVL72_ASSUMPTIONS, ...props }, props);
  }
}
