import { RackSystem } from '../src/catalog/rack-systems';
import { Site } from '../constructs';
import { BuildingAssumptions, SOURCES } from './assumptions';
import { Building, BuildingSize } from './building';
import { VERA_RUBIN_NVL72_ASSUMPTIONS } from './vera-rubin-nvl72';

/**
 * Blueprint `hypothetical-800vdc`: a declared hypothetical DC-fed rack (catalog
 * `hypothetical-800vdc`: Vera Rubin NVL72 figures on an 800 VDC inlet) on NVIDIA's 800 VDC
 * architecture, which targets the Kyber generation (2027). No current rack is DC-fed: this
 * is for comparing the architecture, not for building today.
 *
 * Assumptions (each overridable):
 * - Power, 2N: MV AC is converted once to 800 VDC per block and side by a 4,000 kW
 *   rectifier (98% assumed, unverified), followed by facility energy storage in place of
 *   the UPS stage (5 minutes at its rating, assumed; its ride-through against the
 *   generators' start is checked by PWR-013), and 1,600 A DC busways (1,280 kW) to 4 racks
 *   each. 8 blocks of 16 racks (3.6 MW) per MV group on 40 MVA HV/MV transformers.
 * - Cooling as `vera-rubin-nvl72`: 45 C water, N+1 CDUs, N+1 dry coolers.
 */
export const HYPOTHETICAL_800VDC_ASSUMPTIONS: BuildingAssumptions = {
  ...VERA_RUBIN_NVL72_ASSUMPTIONS,
  system: RackSystem.HYPOTHETICAL_800VDC_RACK,
  distribution: 'dc-800v',
  buswayA: 1_600,
  rectifierKw: 4_000,
  rectifierEfficiency: 0.98,
  sources: [
    SOURCES.nvidia800v,
    SOURCES.designPrimer,
    SOURCES.cdu,
    SOURCES.chillerCop,
    SOURCES.ashraeW32,
    SOURCES.nfpa110,
  ],
};

export type Hypothetical800VdcBuildingProps = BuildingSize & Partial<BuildingAssumptions>;

/** A building of the hypothetical 800 VDC rack, laid out by the `hypothetical-800vdc` blueprint. */
export class Hypothetical800VdcBuilding extends Building {
  constructor(site: Site, id: string, props: Hypothetical800VdcBuildingProps) {
    super(site, id, { ...HYPOTHETICAL_800VDC_ASSUMPTIONS, ...props }, props);
  }
}
