import { fmt, toKw } from '../../../units';
import { PackRule, Violation } from '../../rule';

/** A cooling group that draws power says what feeds it. */
export const PWR_015: PackRule = {
  id: 'PWR-015',
  severity: 'warning',
  description: 'A cooling group that draws electrical power is fed from the power train.',
  help: 'A cooling group without `feeds` counts in facility power only: the generators, the UPS, N-1 and PWR-011 do not see its load, so generators can come out undersized and CDU pumps off UPS go unnoticed. Fix: give the group `feeds` (the boards it draws from), or suppress with the reason where its supply is outside the model.',
  check({ plant }, { cooling }) {
    const out: Violation[] = [];
    for (const c of plant.coolers) {
      const w = cooling.electricalW[c.index];
      if (c.node !== undefined || w <= 0) continue;
      out.push({
        path: c.path,
        message: `${c.label} draws ${fmt(toKw(w))} kW with no feed on the power train: counted in facility power only, not on generators, UPS or N-1`,
        measured: toKw(w),
        limit: 0,
        unit: 'kW',
      });
    }
    return out;
  },
};
