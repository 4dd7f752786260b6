import { Plant } from '../model/plant';
import { isFailable } from './contingency';
import { failureCases } from './failure-case';
import { LoadFlow } from './load-flow';

/**
 * Maintenance plus single failure (concurrent maintainability with fault tolerance, DESIGN
 * §2), for the sites that ask for it: one component is out for maintenance and any other
 * fails. A component is a whole piece of equipment, or one unit of a parallel group.
 *
 * Only pairs whose loads interact are run, each exactly: X and Y interact when a node that
 * loses a feed in one case has its load or its feeds changed in the other (their reach and
 * their touched nodes meet). A unit of group G pairs with the components whose failure
 * changes G's load, and with a second unit of G. Pairs whose effects merely add up at a
 * common upstream node (two failures in different blocks both moving load to the B side)
 * are not combined: N-1 of the common side covers the sum in 2N and block designs.
 *
 * It checks capacity only: two cuts to a dual-corded rack (side A in maintenance, side B
 * failed) lose it in any two-cord design, which is why PWR-004 asks single failures only.
 */
export interface MaintenanceContingency {
  /** Site indices analysed. */
  readonly sites: readonly number[];
  /** Highest utilization (load / remaining capacity) of each node under any pair; -1 if none raised it. */
  readonly worstUtilization: Float64Array;
  readonly worstLoadW: Float64Array;
  readonly worstCapacityW: Float64Array;
  /** The component in maintenance at the worst case (a node index). */
  readonly worstMaintenance: Int32Array;
  /** The failed component at the worst case (a node index; the node itself for its own units). */
  readonly worstFailure: Int32Array;
  /** Units of the node itself out at the worst case (0, 1 or 2). */
  readonly worstOwnUnits: Int32Array;
  /** Pairs run exactly, and all pairs of whole components of the analysed sites (for the ratio). */
  readonly pairs: number;
  readonly allPairs: number;
}

export function maintenanceContingency(
  plant: Plant,
  flow: LoadFlow,
  sites: readonly number[],
): MaintenanceContingency {
  const { nodes } = plant;
  const n = nodes.length;
  const { outW } = flow;
  const worstUtilization = new Float64Array(n).fill(-1);
  const worstLoadW = new Float64Array(n);
  const worstCapacityW = new Float64Array(n);
  const worstMaintenance = new Int32Array(n).fill(-1);
  const worstFailure = new Int32Array(n).fill(-1);
  const worstOwnUnits = new Int32Array(n);
  const record = (i: number, loadW: number, own: number, x: number, y: number): void => {
    const node = nodes[i];
    const capacityW = (node.units - own) * node.unitCapacityW;
    const u = loadW / capacityW;
    if (u > worstUtilization[i]) {
      worstUtilization[i] = u;
      worstLoadW[i] = loadW;
      worstCapacityW[i] = capacityW;
      worstMaintenance[i] = x;
      worstFailure[i] = y;
      worstOwnUnits[i] = own;
    }
  };

  const inSite = new Set(sites);
  const components = nodes.filter((x) => isFailable(x) && inSite.has(x.site)).map((x) => x.index);
  const engine = failureCases(plant, flow);

  // Single cases: their reach and touched nodes, indexed by node.
  const reachOf = new Map<number, number[]>();
  const touchedOf = new Map<number, number[]>();
  const reachCases: number[][] = Array.from({ length: n }, () => []);
  const touchedCases: number[][] = Array.from({ length: n }, () => []);
  for (const x of components) {
    const r = engine.run([x], () => undefined);
    reachOf.set(x, r.reach);
    touchedOf.set(x, r.touched);
    for (const i of r.reach) reachCases[i].push(x);
    for (const i of r.touched) touchedCases[i].push(x);
    // One unit of a group whose load this component's loss changes: the group keeps units - 1.
    for (const g of r.touched) {
      if (g !== x && nodes[g].units > 1 && isFailable(nodes[g]) && !engine.isLost(g)) {
        record(g, engine.loadW(g), 1, x, g);
      }
    }
  }

  // Pairs of whole components whose loads interact, each run once (x < y).
  const seen = new Int32Array(n).fill(-1);
  let pairs = 0;
  for (const x of components) {
    const partners: number[] = [];
    const add = (y: number) => {
      if (y > x && seen[y] !== x) {
        seen[y] = x;
        partners.push(y);
      }
    };
    for (const i of touchedOf.get(x)!) for (const y of reachCases[i]) add(y);
    for (const i of reachOf.get(x)!) for (const y of touchedCases[i]) add(y);
    partners.sort((a, b) => a - b);
    for (const y of partners) {
      pairs++;
      engine.run([x, y], (i, loadW) => record(i, loadW, 0, x, y));
    }
  }
  // Two units of one group out (one in maintenance, one failed), where a third remains.
  for (const x of components) if (nodes[x].units > 2) record(x, outW[x], 2, x, x);
  const c = components.length;
  return {
    sites: [...inSite].sort((a, b) => a - b),
    worstUtilization,
    worstLoadW,
    worstCapacityW,
    worstMaintenance,
    worstFailure,
    worstOwnUnits,
    pairs,
    allPairs: (c * (c - 1)) / 2,
  };
}
