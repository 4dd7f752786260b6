import { Construct } from 'constructs';
import { Gb300Nvl72Building, VeraRubinNvl72Building } from '../../blueprints';
import { Site } from '../../constructs';

/**
 * A 1.4 GW campus in phased buildings, modeled on the announced Campus IA at Fouju
 * (Seine-et-Marne; 1.4 GW, first buildings from 2028). The phasing is this example's:
 * - phase 1: four GB300 NVL72 buildings of 1,024 racks (`gb300-nvl72` blueprint, chillers);
 * - phase 2: two Vera Rubin NVL72 buildings of 1,024 racks (`vera-rubin-nvl72` blueprint:
 *   AC racks on 2N UPS, 45 C water, dry coolers at the design-day COP).
 * 6,144 NVL72 racks, 442,368 GPUs; about 97% of the grid connection, cooling included.
 */
export const PHASES = [
  { blueprint: 'gb300-nvl72', buildings: [1_024, 1_024, 1_024, 1_024] },
  { blueprint: 'vera-rubin-nvl72', buildings: [1_024, 1_024] },
] as const;

export function buildCampus(scope: Construct): Site {
  const site = new Site(scope, 'fouju', {
    name: 'Campus IA (Fouju)',
    country: 'FR',
    gridConnectionMw: 1_400,
    gridVoltageKv: 400,
    designPue: 1.3,
  });
  let n = 0;
  for (const phase of PHASES) {
    for (const racks of phase.buildings) {
      const id = `building-${String(++n).padStart(2, '0')}`;
      if (phase.blueprint === 'gb300-nvl72') new Gb300Nvl72Building(site, id, { racks });
      else new VeraRubinNvl72Building(site, id, { racks });
    }
  }
  return site;
}
