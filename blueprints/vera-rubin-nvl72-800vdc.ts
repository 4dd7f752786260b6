import { RackSystem } from '../src/catalog/rack-systems';
import { Site } from '../constructs';
import { BuildingAssumptions, SOURCES } from './assumptions';
import { GB200_NVL72_ASSUMPTIONS } from './gb200-nvl72';
import { Building, BuildingSize } from './building';

/**
 * Blueprint `vera-rubin-nvl72-800vdc`: NVIDIA Vera Rubin NVL72 racks on an 800 VDC chain.
 *
 * Assumptions (each overridable):
 * - Rack power 227 kW (Max-P; reported range 188-227 kW, no NVIDIA figure yet: the checks
 *   use the upper value).
 * - Power, 2N: MV AC is converted once to 800 VDC per block and side by a 4,000 kW
 *   rectifier (98% assumed; NVIDIA states up to 5% better end-to-end efficiency than
 *   415 VAC), distributed by 1,600 A DC busways (1,280 kW) to 4 racks each. No AC UPS
 *   stage. 8 blocks of 16 racks (3.6 MW) per MV group on 40 MVA HV/MV transformers.
 * - Cooling: 100% liquid at 45 C supply (the rack's limit, ASHRAE W45), N+1 CDUs of
 *   2.5 MW per hall, and warm water lets N+1 dry coolers of 1,000 kW (example unit size)
 *   replace chillers, at COP 16.5 (free-cooling mode measured on a data-center plant).
 */
export const VERA_RUBIN_NVL72_800VDC_ASSUMPTIONS: BuildingAssumptions = {
  ...GB200_NVL72_ASSUMPTIONS,
  system: RackSystem.VERA_RUBIN_NVL72,
  distribution: 'dc-800v',
  buswayA: 1_600,
  rectifierKw: 4_000,
  rectifierEfficiency: 0.98,
  blocksPerMvGroup: 8,
  cduSupplyC: 45,
  heatRejection: 'dry-coolers',
  heatRejectionUnitKw: 1_000,
  heatRejectionCop: 16.5,
  sources: [SOURCES.nvidia800v, SOURCES.designPrimer, SOURCES.cdu, SOURCES.chillerCop, SOURCES.ashraeW32],
};

export type VeraRubinNvl72BuildingProps = BuildingSize & Partial<BuildingAssumptions>;

/** A Vera Rubin NVL72 building on 800 VDC, laid out by the `vera-rubin-nvl72-800vdc` blueprint. */
export class VeraRubinNvl72Building extends Building {
  constructor(site: Site, id: string, props: VeraRubinNvl72BuildingProps) {
    super(site, id, { ...VERA_RUBIN_NVL72_800VDC_ASSUMPTIONS, ...props }, props);
  }
}
