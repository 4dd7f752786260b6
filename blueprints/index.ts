import { Site } from '../constructs';
import { RackSystem } from '../src/catalog/rack-systems';
import { DesignError } from '../src/errors';
import { BuildingAssumptions } from './assumptions';
import { Building, BuildingSize } from './building';
import { DgxB300Building } from './dgx-b300';
import { GB200_NVL72_ASSUMPTIONS, Gb200Nvl72Building } from './gb200-nvl72';
import { GB300_NVL72_ASSUMPTIONS, Gb300Nvl72Building } from './gb300-nvl72';
import { DGX_B300_ASSUMPTIONS } from './dgx-b300';
import { HYPOTHETICAL_800VDC_ASSUMPTIONS, Hypothetical800VdcBuilding } from './hypothetical-800vdc';
import { VERA_RUBIN_NVL72_ASSUMPTIONS, VeraRubinNvl72Building } from './vera-rubin-nvl72';

export * from './assumptions';
export * from './building';
export * from './gb200-nvl72';
export * from './gb300-nvl72';
export * from './vera-rubin-nvl72';
export * from './hypothetical-800vdc';
export * from './dgx-b300';

export type BlueprintProps = BuildingSize & Partial<BuildingAssumptions>;

/** A blueprint by id, for the command line and for apps that choose one by name. */
export interface Blueprint {
  readonly id: string;
  readonly name: string;
  readonly system: RackSystem;
  readonly assumptions: BuildingAssumptions;
  build(site: Site, id: string, props: BlueprintProps): Building;
}

export const BLUEPRINTS: readonly Blueprint[] = [
  {
    id: 'gb200-nvl72',
    name: 'GB200 NVL72, 2N AC, chillers',
    system: RackSystem.GB200_NVL72,
    assumptions: GB200_NVL72_ASSUMPTIONS,
    build: (site, id, props) => new Gb200Nvl72Building(site, id, props),
  },
  {
    id: 'gb300-nvl72',
    name: 'GB300 NVL72, 2N AC, chillers',
    system: RackSystem.GB300_NVL72,
    assumptions: GB300_NVL72_ASSUMPTIONS,
    build: (site, id, props) => new Gb300Nvl72Building(site, id, props),
  },
  {
    id: 'vera-rubin-nvl72',
    name: 'Vera Rubin NVL72, 2N AC, dry coolers',
    system: RackSystem.VERA_RUBIN_NVL72,
    assumptions: VERA_RUBIN_NVL72_ASSUMPTIONS,
    build: (site, id, props) => new VeraRubinNvl72Building(site, id, props),
  },
  {
    id: 'dgx-b300',
    name: 'DGX B300 (4 per rack), 2N AC, air',
    system: RackSystem.DGX_B300_RACK,
    assumptions: DGX_B300_ASSUMPTIONS,
    build: (site, id, props) => new DgxB300Building(site, id, props),
  },
  {
    id: 'hypothetical-800vdc',
    name: 'Hypothetical 800 VDC rack, 2N 800 VDC with energy storage, dry coolers',
    system: RackSystem.HYPOTHETICAL_800VDC_RACK,
    assumptions: HYPOTHETICAL_800VDC_ASSUMPTIONS,
    build: (site, id, props) => new Hypothetical800VdcBuilding(site, id, props),
  },
];

/** The blueprint with this id; a DesignError listing the ids otherwise. */
export function blueprint(id: string): Blueprint {
  const b = BLUEPRINTS.find((x) => x.id === id);
  if (!b)
    throw new DesignError('', `unknown blueprint '${id}'; known: ${BLUEPRINTS.map((x) => x.id).join(', ')}`);
  return b;
}
