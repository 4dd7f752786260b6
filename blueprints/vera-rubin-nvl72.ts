import { RackSystem } from '../src/catalog/rack-systems';
import { Site } from '../constructs';
import { BuildingAssumptions, SOURCES } from './assumptions';
import { GB200_NVL72_ASSUMPTIONS } from './gb200-nvl72';
import { Building, BuildingSize } from './building';

/**
 * Blueprint `vera-rubin-nvl72`: NVIDIA Vera Rubin NVL72 racks, an AC rack (4 x 110 kW power
 * shelves on 415/480 VAC, as the catalog records), on a 2N AC chain with UPS.
 *
 * Assumptions (each overridable):
 * - Rack power 227 kW (Max-P; reported range 188-227 kW, unverified: the checks use the
 *   upper value).
 * - Power, 2N: per block of 2 SUs (16 racks, 3.6 MW) a 5,000 kVA MV/LV transformer, a
 *   7,000 A LV switchboard and a UPS of 4 x 1,250 kW modules (one redundant); 1,600 A, 415 V
 *   busways for 4 racks; 8 blocks per MV group on 40 MVA HV/MV transformers.
 * - Cooling: 100% liquid at 45 C supply (the rack's limit, ASHRAE W45), N+1 CDUs of 2.5 MW
 *   per hall; warm water lets N+1 dry coolers of 1,000 kW replace chillers. No source gives
 *   a design-day COP for dry coolers (16.5 is the free-cooling figure of a chiller plant in
 *   cold weather): the blueprint uses the compressor-mode 4.39 as a conservative bound.
 */
export const VERA_RUBIN_NVL72_ASSUMPTIONS: BuildingAssumptions = {
  ...GB200_NVL72_ASSUMPTIONS,
  system: RackSystem.VERA_RUBIN_NVL72,
  distribution: 'ac-ups',
  blockTransformerKva: 5_000,
  switchboardA: 7_000,
  upsModuleKw: 1_250,
  upsModules: 4,
  upsRedundantModules: 1,
  buswayA: 1_600,
  blocksPerMvGroup: 8,
  cduSupplyC: 45,
  heatRejection: 'dry-coolers',
  heatRejectionUnitKw: 1_000,
  heatRejectionCop: 4.39,
  sources: [
    SOURCES.designPrimer,
    SOURCES.cdu,
    SOURCES.chillerCop,
    SOURCES.ashraeW32,
    SOURCES.cduFlow,
    SOURCES.nfpa110,
  ],
};

export type VeraRubinNvl72BuildingProps = BuildingSize & Partial<BuildingAssumptions>;

/** A Vera Rubin NVL72 building on a 2N AC chain, laid out by the `vera-rubin-nvl72` blueprint. */
export class VeraRubinNvl72Building extends Building {
  constructor(site: Site, id: string, props: VeraRubinNvl72BuildingProps) {
    super(site, id, { ...VERA_RUBIN_NVL72_ASSUMPTIONS, ...props }, props);
  }
}
