import { Analysis } from '../analysis/analysis';
import { operatingLimitW } from '../analysis/headroom';
import { round, toKw } from '../units';
import { Design } from '../model/design';

/** One component's headroom as `check --format json` and `reports/findings.json` list it. */
export interface HeadroomEntry {
  readonly path: string;
  readonly kind: string;
  /** Load at design power in normal operation, kW. */
  readonly designLoadKw: number;
  /** Maximum continuous load, kW (equipment: max utilization x rating; racks and cooling loads: design power). */
  readonly normalLimitKw: number;
  /** Live load above which the worst single failure overloads some component, kW; null when no single failure raises it. */
  readonly n1SafeLoadKw: number | null;
  /** The lower of the two limits minus the design load, kW (negative: already past a limit at design power). */
  readonly headroomKw: number;
  /** The failure the N-1 safe load guards against, and the component it would overload. */
  readonly failure: string | null;
  readonly overloaded: string | null;
}

/** Headroom of every rack and piece of power equipment, in plant order (by level, then path). */
export function headroomEntries({ plant }: Design, { headroom }: Analysis): HeadroomEntry[] {
  return headroom.components.map((c) => {
    const node = plant.nodes[c.node];
    const limit = operatingLimitW(c);
    return {
      path: node.path,
      kind: node.kind,
      designLoadKw: round(toKw(c.designLoadW)),
      normalLimitKw: round(toKw(c.normalLimitW)),
      n1SafeLoadKw: c.n1SafeLoadW === undefined ? null : round(toKw(c.n1SafeLoadW)),
      headroomKw: round(toKw(limit - c.designLoadW)),
      failure: c.failure === undefined ? null : plant.nodes[c.failure].path,
      overloaded: c.overloaded === undefined ? null : plant.nodes[c.overloaded].path,
    };
  });
}
