import { Plant, PowerNode } from '../model/plant';
import { failureCases } from './failure-case';
import { LoadFlow } from './load-flow';

/**
 * N-1 contingency analysis (DESIGN §2). Every single component is removed in turn: loads
 * below it move to their surviving feeds, equipment left with no feed is lost (unless a
 * generator group backs it), and every surviving component whose load rises is measured
 * against 100% of its installed rating (the emergency limit): a parallel group that is not
 * itself the failed component counts all its units. Parallel groups (UPS modules) are also
 * checked with one unit lost. The grid connection has no twin: its loss is the generators'
 * case, checked by the generator rule.
 *
 * Cost: a failure touches only the subtree below the failed component (loads that lose a
 * feed) and the paths above the feeds that take over its load, so the whole analysis costs
 * about components x depth, not components x graph. Work arrays are allocated once and
 * reset by epoch stamps, never cleared per case.
 */
export interface Contingency {
  /** Highest utilization (load / 100% capacity) each node reaches under any single failure; -1 if none raised it. */
  readonly worstUtilization: Float64Array;
  /** Load at that worst case, W. */
  readonly worstLoadW: Float64Array;
  /** Capacity at that worst case, W (less than capacityW when the failure is one of the node's own units). */
  readonly worstCapacityW: Float64Array;
  /** The failed node of the worst case; the node itself when it lost one of its own units. */
  readonly worstFailure: Int32Array;
  /** Failures that cut every feed of racks that require redundancy. */
  readonly lostSupply: readonly LostSupply[];
  /** Number of single failures analysed. */
  readonly cases: number;
}

export interface LostSupply {
  /** The failed node. */
  readonly failed: number;
  /** Racks (node indices) that require redundancy and lost every feed. */
  readonly racks: readonly number[];
}

export function contingency(plant: Plant, flow: LoadFlow): Contingency {
  const { nodes } = plant;
  const n = nodes.length;
  const { outW } = flow;

  const worstUtilization = new Float64Array(n).fill(-1);
  const worstLoadW = new Float64Array(n);
  const worstCapacityW = new Float64Array(n);
  const worstFailure = new Int32Array(n).fill(-1);
  const lostSupply: LostSupply[] = [];

  const record = (i: number, loadW: number, capacityW: number, failed: number): void => {
    const u = loadW / capacityW;
    if (u > worstUtilization[i]) {
      worstUtilization[i] = u;
      worstLoadW[i] = loadW;
      worstCapacityW[i] = capacityW;
      worstFailure[i] = failed;
    }
  };

  const engine = failureCases(plant, flow);
  let cases = 0;
  for (let c = 0; c < n; c++) {
    if (!isFailable(nodes[c])) continue;
    cases++;
    const failed = nodes[c];
    // Loss of one unit of a parallel group: same load, one unit less capacity.
    if (failed.units > 1) record(c, outW[c], (failed.units - 1) * failed.unitCapacityW, c);
    // A parallel group that is not the failed component keeps every unit (its reserve is
    // there for this): surviving equipment is measured against its installed capacity.
    const { lostRacks } = engine.run([c], (i, loadW) => record(i, loadW, nodes[i].installedW, c));
    if (lostRacks.length > 0) lostSupply.push({ failed: c, racks: lostRacks });
  }
  return { worstUtilization, worstLoadW, worstCapacityW, worstFailure, lostSupply, cases };
}

/** Components whose failure N-1 analyses: equipment, not racks, cooling loads or the grid connection (the generators' case). */
export function isFailable(node: PowerNode): boolean {
  return node.kind !== 'rack' && node.kind !== 'cooling' && node.kind !== 'grid-connection';
}
