import { supplyClass } from '../../../analysis/supply-class';
import { fmt, toKw } from '../../../units';
import { PackRule, Violation } from '../../rule';

/** Cooling on the train: CDU pumps on uninterruptible and generator-backed supply, the rest generator-backed. */
export const PWR_011: PackRule = {
  id: 'PWR-011',
  severity: 'error',
  description:
    'CDUs serving liquid-cooled racks draw from uninterruptible, generator-backed supply; air handlers, chillers and dry coolers from generator-backed supply.',
  help: 'A liquid-cooled rack has seconds of thermal inertia: if its CDU pumps stop when the grid is lost, the rack overheats before the generators start. Its CDUs must draw from UPS (or energy storage) on every feed, and that supply must be generator-backed; the heat rejection and air handlers must be on generator-backed boards to keep running after the transfer. The finding names the cooling group, what its supply lacks and the racks at risk. Checked for cooling groups fed from the train (`feeds`). Fix: feed the CDUs from the UPS output (a mechanical UPS) and the rest from a generator-backed board.',
  check({ plant }, { cooling }) {
    const supply = supplyClass(plant);
    const out: Violation[] = [];
    for (const c of plant.coolers) {
      if (c.node === undefined) continue;
      const node = plant.nodes[c.node];
      const liquid = c.racks.filter((r) => plant.nodes[r].rack!.liquidFraction > 0);
      const needsUps = c.kind === 'cdu' && liquid.length > 0;
      const lacks: string[] = [];
      if (needsUps && !supply.uninterruptible[c.node]) lacks.push('uninterruptible (UPS)');
      if (!supply.generatorBacked[c.node]) lacks.push('generator-backed');
      if (lacks.length === 0) continue;
      const atRisk = needsUps ? liquid : c.racks;
      const first = atRisk.length > 0 ? ` (first: ${plant.nodes[atRisk[0]].path})` : '';
      out.push({
        path: c.path,
        message: `${c.label} (${fmt(toKw(cooling.electricalW[c.index]))} kW) is fed from ${node.feeds.map((f) => plant.nodes[f].path).join(', ')}, not ${lacks.join(' and ')} supply: ${atRisk.length} rack(s) at risk on loss of the grid${first}`,
        measured: atRisk.length,
        limit: 0,
        unit: 'racks',
      });
    }
    return out;
  },
};
