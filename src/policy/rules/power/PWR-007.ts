import { PackRule, Violation } from '../../rule';

/** A hall holds no more racks than it has rack positions. */
export const PWR_007: PackRule = {
  id: 'PWR-007',
  severity: 'error',
  description: 'A hall holds no more racks than it has rack positions.',
  help: 'Each hall declares its rack positions; racks beyond them have no place on the floor. Fix: raise `rackPositions` to what the hall really has, or move racks to another hall.',
  check({ plant }) {
    const out: Violation[] = [];
    for (const hall of plant.halls) {
      if (hall.racks.length > hall.rackPositions) {
        out.push({
          path: hall.path,
          message: `${hall.racks.length} racks > ${hall.rackPositions} rack positions`,
          measured: hall.racks.length,
          limit: hall.rackPositions,
          unit: 'racks',
        });
      }
    }
    return out;
  },
};
