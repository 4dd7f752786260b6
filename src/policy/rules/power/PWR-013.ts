import { upstreamValues } from '../../../analysis/upstream';
import { fmt, toKw } from '../../../units';
import { PackRule, Violation } from '../../rule';

/** Stored energy rides through the generators' start and transfer for the load it carries. */
export const PWR_013: PackRule = {
  id: 'PWR-013',
  severity: 'error',
  description:
    'UPS batteries and energy storage carry their load (IT and the critical cooling on them) for longer than the generators above take to start and transfer.',
  help: 'When the grid is lost, the UPS (or the energy storage of a DC chain) carries its load until the generator group that backs the supply above it has started, synchronised and taken the load (`transferSeconds`, 10 s by default: NFPA 110 Type 10). Ride-through = autonomy at the usable rating x usable rating / normal load (stored energy over the load, battery ageing and Peukert effects not modelled). Checked where the equipment declares `autonomyMinutes`. Fix: more battery minutes, or faster generators.',
  check({ plant }, { flow }) {
    const out: Violation[] = [];
    // The generator groups that back each node's supply: its own, then its feeds'.
    const groups = upstreamValues(plant, (n) => n.backupGenerator);
    for (const node of plant.nodes) {
      if (node.autonomyMinutes === undefined) continue;
      const loadW = flow.outW[node.index];
      if (loadW <= 0) continue;
      const seconds = (node.autonomyMinutes * 60 * node.capacityW) / loadW;
      let slowest = -1;
      for (const g of groups[node.index]) {
        if (slowest < 0 || plant.generators[g].transferSeconds > plant.generators[slowest].transferSeconds)
          slowest = g;
      }
      if (slowest < 0) continue;
      const gen = plant.generators[slowest];
      if (seconds >= gen.transferSeconds) continue;
      out.push({
        path: node.path,
        message: `${node.label} rides through ${fmt(seconds)} s at its ${fmt(toKw(loadW))} kW load (${fmt(node.autonomyMinutes, 2)} min at ${fmt(toKw(node.capacityW))} kW), less than the ${fmt(gen.transferSeconds)} s ${gen.path} takes to start and carry the load`,
        measured: seconds,
        limit: gen.transferSeconds,
        unit: 's',
      });
    }
    return out;
  },
};
