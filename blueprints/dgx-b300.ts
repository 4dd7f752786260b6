import { RackSystem } from '../src/catalog/rack-systems';
import { DesignError } from '../src/errors';
import { Site } from '../constructs';
import { BuildingAssumptions, SOURCES } from './assumptions';
import { GB200_NVL72_ASSUMPTIONS } from './gb200-nvl72';
import { Building, BuildingSize } from './building';

/**
 * Blueprint `dgx-b300`: rows of racks of four NVIDIA DGX B300 8-GPU systems (~14 kW each,
 * 56 kW per rack), after the DGX SuperPOD B300 reference architecture (SU of 64 systems =
 * 16 racks).
 *
 * Assumptions (each overridable): SUs of 16 racks, blocks of 2 SUs (32 racks, 1.8 MW) on
 * 2,500 kVA transformers and 2 x 1,250 kW UPS, 1,000 A busways for 8 racks, 2N; air cooled
 * by default (N+1 air handlers of 500 kW, N+1 chillers). `cooling: 'liquid'` serves the
 * racks with CDUs instead; the catalog has no sourced heat split for a liquid-cooled DGX
 * B300, so it then needs `liquidFraction`.
 */
export const DGX_B300_ASSUMPTIONS: BuildingAssumptions = {
  ...GB200_NVL72_ASSUMPTIONS,
  system: RackSystem.DGX_B300_RACK,
  racksPerSu: 16,
  racksPerBusway: 8,
  sources: [SOURCES.superpodB300, SOURCES.designPrimer, SOURCES.chillerCop],
};

export interface DgxB300BuildingProps extends BuildingSize, Partial<BuildingAssumptions> {
  /** @default 'air' */
  readonly cooling?: 'air' | 'liquid';
}

/** A building of DGX B300 racks laid out by the `dgx-b300` blueprint. */
export class DgxB300Building extends Building {
  constructor(site: Site, id: string, props: DgxB300BuildingProps) {
    if ((props.cooling ?? 'air') === 'liquid' && props.liquidFraction === undefined) {
      throw new DesignError(
        `${site.node.path}/${id}`,
        "cooling 'liquid' needs liquidFraction: the catalog has no sourced heat split for a liquid-cooled DGX B300",
      );
    }
    super(site, id, { ...DGX_B300_ASSUMPTIONS, ...props }, props);
  }
}
