import { Analysis } from '../../../analysis/analysis';
import { Design } from '../../../model/design';
import { CoolingDuty, dutyOf } from '../../../analysis/cooling';
import { exceeds, fmt, toKw } from '../../../units';
import { Violation } from '../../rule';

/** Groups of one duty whose heat exceeds their capacity with the redundant units in reserve. */
export function overCapacity(
  { plant }: Design,
  { cooling }: Analysis,
  duty: CoolingDuty,
  heat: string,
): Violation[] {
  const out: Violation[] = [];
  for (const c of plant.coolers) {
    if (dutyOf(c.kind) !== duty) continue;
    const h = cooling.heatW[c.index];
    if (exceeds(h, c.usableW)) {
      out.push({
        path: c.path,
        message: `${heat} ${fmt(toKw(h))} kW > ${fmt(toKw(c.usableW))} kW of ${c.units - c.redundantUnits} of ${c.units} units (${c.redundantUnits} redundant) for ${c.racks.length} racks`,
        measured: toKw(h),
        limit: toKw(c.usableW),
        unit: 'kW',
      });
    }
  }
  return out;
}
