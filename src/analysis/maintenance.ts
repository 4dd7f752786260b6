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
 * changes G's load, and with a second unit of G. Pairs that do not interact add up: the
 * load flow is linear once the live feeds are fixed, and neither changes what the other's
 * reach redistributes, so at a common upstream node (two failures in different blocks both
 * moving load to the B side) their rises sum exactly. Each node keeps its single-failure
 * rises and takes the largest sum of two from components that do not interact, searched
 * from the largest down (exact; it stops at the first pair that cannot be beaten).
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

  // Every single-failure rise at each node, with the component that caused it.
  const rises: number[][] = Array.from({ length: n }, () => []);
  const keepRise = (i: number, rise: number, x: number): void => {
    rises[i].push(rise, x);
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
    const r = engine.run([x], (i, loadW) => keepRise(i, loadW - outW[i], x));
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
  const interacting = new Set<number>();
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
      interacting.add(x * n + y);
      engine.run([x, y], (i, loadW) => record(i, loadW, 0, x, y));
    }
  }
  // Pairs that do not interact: their rises add at the nodes both raise. The largest sum
  // of two rises from non-interacting components, searched from the largest rises down.
  for (let i = 0; i < n; i++) {
    const list = rises[i];
    const r = list.length / 2;
    if (r < 2) continue;
    const order = Array.from({ length: r }, (_, k) => k).sort(
      (a, b) => list[2 * b] - list[2 * a] || list[2 * a + 1] - list[2 * b + 1],
    );
    const rise = (k: number) => list[2 * order[k]];
    const cause = (k: number) => list[2 * order[k] + 1];
    let best = -1;
    let bx = -1;
    let by = -1;
    for (let a = 0; a + 1 < r && rise(a) + rise(a + 1) > best; a++) {
      for (let b = a + 1; b < r && rise(a) + rise(b) > best; b++) {
        const x = Math.min(cause(a), cause(b));
        const y = Math.max(cause(a), cause(b));
        if (interacting.has(x * n + y)) continue;
        best = rise(a) + rise(b);
        bx = x;
        by = y;
        break;
      }
    }
    if (best > 0) record(i, outW[i] + best, 0, bx, by);
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
