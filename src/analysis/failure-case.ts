import { Plant, PowerNode } from '../model/plant';
import { LoadFlow } from './load-flow';

/**
 * One failure case, computed incrementally from the normal load flow: a set of components
 * is removed, loads below them move to their surviving feeds (equally for 'shared' loads,
 * whole to the next live feed for 'transfer' loads), equipment left with no feed is lost
 * unless a generator group backs it, and the change in load is passed upward.
 *
 * Only the subtree below the removed components and the paths above the feeds that take
 * over their load are touched, so a case costs about (touched nodes x depth), not the whole
 * graph. Work arrays are allocated once and reset by epoch stamps, never cleared per case.
 */
export interface FailureCases {
  /**
   * Runs the case where every node of `failed` is out of service. `onRise(i, loadW)` is
   * called for every surviving node whose load rises, with its new load.
   */
  run(failed: readonly number[], onRise: (i: number, loadW: number) => void): CaseResult;
  /** Load of node `i` in the last case run, W (its normal load if the case did not change it). */
  loadW(i: number): number;
  /** True when node `i` is out of service (failed or left without feed) in the last case run. */
  isLost(i: number): boolean;
}

export interface CaseResult {
  /** Racks that require redundancy and lost every feed, ascending. */
  readonly lostRacks: number[];
  /** Nodes that lost at least one feed, or were removed (the case's reach downward). */
  readonly reach: number[];
  /** Nodes whose load the case changed, lost nodes included. */
  readonly touched: number[];
}

/** The failure case engine of a plant and its normal load flow. */
export function failureCases(plant: Plant, flow: LoadFlow): FailureCases {
  const { nodes } = plant;
  const n = nodes.length;
  const { outW, inW } = flow;
  const maxLevel = nodes.reduce((m, x) => Math.max(m, x.level), 0);
  // Per-case state, valid where stamp === epoch.
  const lostStamp = new Int32Array(n);
  const failedStamp = new Int32Array(n);
  const touchStamp = new Int32Array(n);
  const deltaOut = new Float64Array(n);
  const queuedStamp = new Int32Array(n);
  const buckets: number[][] = Array.from({ length: maxLevel + 1 }, () => []);
  const down: number[][] = Array.from({ length: maxLevel + 1 }, () => []);
  let epoch = 0;
  let touched: number[] = [];

  const isLost = (i: number): boolean => lostStamp[i] === epoch;
  const touch = (i: number): void => {
    if (touchStamp[i] !== epoch) {
      touchStamp[i] = epoch;
      deltaOut[i] = 0;
      buckets[nodes[i].level].push(i);
      touched.push(i);
    }
  };
  const queue = (i: number): void => {
    if (queuedStamp[i] !== epoch) {
      queuedStamp[i] = epoch;
      down[nodes[i].level].push(i);
    }
  };
  /** Power node `i` drew from its feed at position `j` in normal operation. */
  const normalDraw = (node: PowerNode, j: number): number =>
    node.feedMode === 'transfer' ? (j === 0 ? inW[node.index] : 0) : inW[node.index] / node.feeds.length;

  const run = (failed: readonly number[], onRise: (i: number, loadW: number) => void): CaseResult => {
    epoch++;
    touched = [];
    const reach: number[] = [];
    const lostRacks: number[] = [];
    let top = maxLevel + 1;
    for (const c of failed) {
      lostStamp[c] = epoch;
      failedStamp[c] = epoch;
      touch(c);
      reach.push(c);
      top = Math.min(top, nodes[c].level);
    }
    for (const c of failed) for (const l of nodes[c].loads) queue(l);

    // Downward: which loads lose feeds, which are lost entirely. Every feed has a lower
    // level than its load, so walking level by level sees each feed's fate first.
    for (let level = top + 1; level <= maxLevel; level++) {
      const bucket = down[level];
      for (let b = 0; b < bucket.length; b++) {
        const d = bucket[b];
        if (failedStamp[d] === epoch) continue;
        const node = nodes[d];
        touch(d);
        reach.push(d);
        let alive = 0;
        for (const f of node.feeds) if (!isLost(f)) alive++;
        if (alive > 0 || node.backupGenerator !== undefined) continue;
        lostStamp[d] = epoch;
        if (node.rack?.requiresRedundancy) lostRacks.push(d);
        for (const l of node.loads) queue(l);
      }
      bucket.length = 0;
    }

    // Upward: from the deepest level, each touched node recomputes its input and passes the
    // change in what it draws from each surviving feed to that feed.
    for (let level = maxLevel; level >= 0; level--) {
      const bucket = buckets[level];
      for (let b = 0; b < bucket.length; b++) {
        const i = bucket[b];
        const node = nodes[i];
        const k = node.feeds.length;
        if (k === 0) continue;
        let newIn = 0;
        let alive = 0;
        let first = -1;
        if (!isLost(i)) {
          for (let j = 0; j < k; j++) {
            if (!isLost(node.feeds[j])) {
              alive++;
              if (first < 0) first = j;
            }
          }
          if (alive === 0) continue; // switched to its generator group
          newIn = (outW[i] + deltaOut[i]) / node.efficiency;
        } else if (failedStamp[i] !== epoch) {
          continue; // lost with all of its feeds: nothing flows upward
        }
        for (let j = 0; j < k; j++) {
          const f = node.feeds[j];
          if (isLost(f)) continue;
          const now =
            alive === 0 ? 0 : node.feedMode === 'transfer' ? (j === first ? newIn : 0) : newIn / alive;
          const change = now - normalDraw(node, j);
          if (change === 0) continue;
          touch(f);
          deltaOut[f] += change;
        }
      }
      // A load that only moves between siblings leaves a rounding residue upstream, not a
      // rise: the threshold is relative to the node's load (1e-12), at least a microwatt.
      for (let b = 0; b < bucket.length; b++) {
        const i = bucket[b];
        if (deltaOut[i] > Math.max(1e-6, outW[i] * 1e-12) && !isLost(i)) onRise(i, outW[i] + deltaOut[i]);
      }
      bucket.length = 0;
    }
    return { lostRacks: lostRacks.sort((a, b) => a - b), reach, touched };
  };

  return {
    run,
    loadW: (i) => (touchStamp[i] === epoch ? outW[i] + deltaOut[i] : outW[i]),
    isLost,
  };
}
