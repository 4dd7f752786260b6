import { RackSystem } from '../src/catalog/rack-systems';
import { Site } from '../constructs';
import { BuildingAssumptions, SOURCES } from './assumptions';
import { GB200_NVL72_ASSUMPTIONS } from './gb200-nvl72';
import { Building, BuildingSize } from './building';

/**
 * Blueprint `gb300-nvl72`: the GB200 pattern for NVIDIA GB300 NVL72 racks at 142 kW (the
 * NVIDIA NVL72 AI-factory and Schneider RD111 design figure), fully liquid cooled.
 *
 * Differences from `gb200-nvl72` (each overridable):
 * - 3,150 kVA MV/LV transformers per block of 16 racks (2.3 MW): 2,500 kVA would run at
 *   99% under N-1.
 * - 12 blocks per MV group (27 MW), so the 40 MVA HV/MV transformers carry a whole group
 *   at about 75% when the other side fails.
 * - 100% liquid (catalog): CDUs only, no air handlers; N+1 chillers (RD111: chilled water,
 *   N+1 chiller and CDU).
 */
export const GB300_NVL72_ASSUMPTIONS: BuildingAssumptions = {
  ...GB200_NVL72_ASSUMPTIONS,
  system: RackSystem.GB300_NVL72,
  blockTransformerKva: 3_150,
  blocksPerMvGroup: 12,
  sources: [
    SOURCES.schneiderRd,
    SOURCES.superpodGb200,
    SOURCES.designPrimer,
    SOURCES.cdu,
    SOURCES.chillerCop,
  ],
};

export type Gb300Nvl72BuildingProps = BuildingSize & Partial<BuildingAssumptions>;

/** A GB300 NVL72 building laid out by the `gb300-nvl72` blueprint. */
export class Gb300Nvl72Building extends Building {
  constructor(site: Site, id: string, props: Gb300Nvl72BuildingProps) {
    super(site, id, { ...GB300_NVL72_ASSUMPTIONS, ...props }, props);
  }
}
