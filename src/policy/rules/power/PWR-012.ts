import { PowerNode } from '../../../model/plant';
import { PackRule, Violation } from '../../rule';

/** What a node delivers: "AC", "800 VDC", or "DC" without a declared voltage. */
function delivered(node: PowerNode): string {
  if (node.output === 'ac') return 'AC';
  return node.voltageV === undefined ? 'DC' : `${node.voltageV} VDC`;
}

/** What a node takes in. */
function taken(node: PowerNode): string {
  if (node.input === 'ac') return 'AC';
  // A DC load that declares a voltage needs it; DC equipment's voltage is its bus voltage.
  return node.voltageV === undefined ? 'DC' : `${node.voltageV} VDC`;
}

/** Every load takes the current its feeds deliver: AC on AC, DC on DC of the same voltage. */
export const PWR_012: PackRule = {
  id: 'PWR-012',
  severity: 'error',
  description:
    "Every rack and piece of equipment takes the current its feeds deliver: AC from AC, DC from DC at the rack's or bus's voltage.",
  help: "A rack's power shelves take the supply its catalog entry records: 415/480 VAC (GB200, GB300, Vera Rubin NVL72) or 800 VDC (a DC-fed rack); a DC busway carries one bus voltage. Conversion happens only in equipment that converts (a rectifier: AC in, DC out). The finding names the load, what it takes and what its feed delivers. Fix: feed the rack from a bus of its supply, or put a converter in between.",
  check({ plant }) {
    const out: Violation[] = [];
    for (const node of plant.nodes) {
      for (const f of node.feeds) {
        const feed = plant.nodes[f];
        const dcVoltsDiffer =
          node.input === 'dc' &&
          feed.output === 'dc' &&
          node.voltageV !== undefined &&
          feed.voltageV !== node.voltageV;
        if (feed.output === node.input && !dcVoltsDiffer) continue;
        const what = node.rack ? `rack (${node.rack.system.spec.name})` : node.label;
        out.push({
          path: node.path,
          message: `${what} takes ${taken(node)} but its feed ${feed.path} (${feed.label}) delivers ${delivered(feed)}`,
        });
      }
    }
    return out;
  },
};
