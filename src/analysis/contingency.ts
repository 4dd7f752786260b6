import { Plant } from '../model/plant';
import { LoadFlow } from './load-flow';

/**
 * N-1 contingency analysis (DESIGN §2). Every single component is removed in turn: loads
 * below it move to their surviving feeds, equipment left with no feed is lost (unless a
 * generator group backs it), and every surviving component whose load rises is measured
 * against 100% of its rating (the emergency limit). Parallel groups (UPS modules) are also
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
  const { outW, inW } = flow;

  const worstUtilization = new Float64Array(n).fill(-1);
  const worstLoadW = new Float64Array(n);
  const worstCapacityW = new Float64Array(n);
  const worstFailure = new Int32Array(n).fill(-1);
  const lostSupply: LostSupply[] = [];

  const maxLevel = nodes.reduce((m, x) => Math.max(m, x.level), 0);
  // Per-case state, valid where stamp === epoch.
  const lostStamp = new Int32Array(n);
  const touchStamp = new Int32Array(n);
  const deltaOut = new Float64Array(n);
  const queuedStamp = new Int32Array(n);
  const buckets: number[][] = Array.from({ length: maxLevel + 1 }, () => []);
  const down: number[][] = Array.from({ length: maxLevel + 1 }, () => []);
  let epoch = 0;

  const record = (i: number, loadW: number, capacityW: number, failed: number): void => {
    const u = loadW / capacityW;
    if (u > worstUtilization[i]) {
      worstUtilization[i] = u;
      worstLoadW[i] = loadW;
      worstCapacityW[i] = capacityW;
      worstFailure[i] = failed;
    }
  };
  const touch = (i: number): void => {
    if (touchStamp[i] !== epoch) {
      touchStamp[i] = epoch;
      deltaOut[i] = 0;
      buckets[nodes[i].level].push(i);
    }
  };
  const isLost = (i: number): boolean => lostStamp[i] === epoch;

  let cases = 0;
  for (let c = 0; c < n; c++) {
    const failed = nodes[c];
    if (failed.kind === 'rack' || failed.kind === 'grid-connection') continue;
    cases++;
    epoch++;

    // Loss of one unit of a parallel group: same load, one unit less capacity.
    if (failed.units > 1) {
      record(c, outW[c], (failed.units - 1) * failed.unitCapacityW, c);
    }

    // Downward: which loads lose feeds, which are lost entirely. Every feed has a lower
    // level than its load, so walking level by level sees each feed's fate first.
    lostStamp[c] = epoch;
    touch(c);
    const lostRacks: number[] = [];
    const queue = (i: number): void => {
      if (queuedStamp[i] !== epoch) {
        queuedStamp[i] = epoch;
        down[nodes[i].level].push(i);
      }
    };
    for (const l of failed.loads) queue(l);
    for (let level = failed.level + 1; level <= maxLevel; level++) {
      const bucket = down[level];
      for (let b = 0; b < bucket.length; b++) {
        const d = bucket[b];
        const node = nodes[d];
        touch(d);
        let alive = 0;
        for (const f of node.feeds) if (!isLost(f)) alive++;
        if (alive > 0 || node.backupGenerator !== undefined) continue;
        lostStamp[d] = epoch;
        if (node.rack?.requiresRedundancy) lostRacks.push(d);
        for (const l of node.loads) queue(l);
      }
      bucket.length = 0;
    }
    if (lostRacks.length > 0) lostSupply.push({ failed: c, racks: lostRacks.sort((a, b) => a - b) });

    // Upward: from the deepest level, each touched node recomputes its input and passes the
    // change in its per-feed share to its surviving feeds.
    for (let level = maxLevel; level >= 0; level--) {
      const bucket = buckets[level];
      for (let b = 0; b < bucket.length; b++) {
        const i = bucket[b];
        const node = nodes[i];
        const k = node.feeds.length;
        if (k === 0) continue;
        const oldShare = inW[i] / k;
        let newIn = 0;
        let alive = 0;
        if (!isLost(i)) {
          for (const f of node.feeds) if (!isLost(f)) alive++;
          if (alive === 0) continue; // switched to its generator group
          newIn = (outW[i] + deltaOut[i]) / node.efficiency;
        } else if (i !== c) {
          continue; // lost with all of its feeds: nothing flows upward
        }
        for (const f of node.feeds) {
          if (isLost(f)) continue;
          touch(f);
          deltaOut[f] += (alive > 0 ? newIn / alive : 0) - oldShare;
        }
      }
      // Nodes raised by this failure are measured against 100% of their rating. A load that
      // only moves between siblings leaves a rounding residue upstream, not a rise: the
      // threshold is relative to the node's load (1e-12), at least a microwatt.
      for (let b = 0; b < bucket.length; b++) {
        const i = bucket[b];
        if (deltaOut[i] > Math.max(1e-6, outW[i] * 1e-12) && !isLost(i)) {
          record(i, outW[i] + deltaOut[i], nodes[i].capacityW, c);
        }
      }
      bucket.length = 0;
    }
  }
  return { worstUtilization, worstLoadW, worstCapacityW, worstFailure, lostSupply, cases };
}
