import { PackRule } from '../../rule';

/** N-1: no single failure cuts every feed of a rack that requires redundancy. */
export const PWR_004: PackRule = {
  id: 'PWR-004',
  severity: 'error',
  description: 'No single failure cuts every feed of a rack that requires redundancy.',
  help: 'Dual-corded racks (the default for AI halls) must keep power when any one component fails. The finding names the single point of failure and how many racks it cuts. Equipment that a generator group backs switches to it and is not lost. Fix: feed the racks from two independent sides (A and B), or mark racks that may go down with `requiresRedundancy: false`.',
  check({ plant }, { contingency }) {
    return contingency.lostSupply.map((lost) => {
      const failed = plant.nodes[lost.failed];
      const first = plant.nodes[lost.racks[0]].path;
      const more = lost.racks.length > 1 ? ` (first: ${first})` : ` (${first})`;
      return {
        path: failed.path,
        message: `single point of failure: the loss of this ${failed.label} cuts every feed of ${lost.racks.length} rack(s) that require redundancy${more}`,
        measured: lost.racks.length,
        limit: 0,
        unit: 'racks',
      };
    });
  },
};
