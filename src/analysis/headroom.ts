import { isUnratedLoad, Plant } from '../model/plant';
import { Contingency } from './contingency';
import { LoadFlow } from './load-flow';

/**
 * Headroom of every component (DESIGN §7): its normal limit and its N-1 safe load, read
 * from the load flow and the N-1 results.
 *
 * - Equipment: the normal limit is its maximum continuous utilization times its 100%
 *   capacity. Its N-1 safe load is the live load on it above which the worst single failure
 *   the analysis found for it would take it past 100% of its rating:
 *   design load x capacity at that worst case / load at that worst case. Every load of the
 *   train is linear in the rack loads (equal shares, losses as a fixed efficiency), so when
 *   the racks below it draw a fraction s of their design power, the worst case carries s
 *   times its design-stage value: the threshold scales with it.
 * - Racks, and cooling loads on the train (loads with no rating of their own): the normal
 *   limit is the load's design power, the budget the train was sized for. Its N-1 safe load
 *   is its design power times the smallest (N-1 safe load / design load) of the equipment
 *   upstream of it: the load above which, with every load drawing alike, the worst single
 *   failure overloads some piece of equipment feeding it.
 *
 * A component that no single failure raises has no N-1 safe load (undefined).
 */
export interface ComponentHeadroom {
  /** Plant node index. */
  readonly node: number;
  /** Load in normal operation at design power, W. */
  readonly designLoadW: number;
  /** Maximum continuous load, W (equipment: maxUtilization x capacity; racks and cooling loads: design power). */
  readonly normalLimitW: number;
  /** Live load above which the worst single failure takes some component past 100% of its rating, W. */
  readonly n1SafeLoadW?: number;
  /** The failed node that limits the N-1 safe load. */
  readonly failure?: number;
  /** The node that failure overloads: the component itself for equipment, the limiting upstream equipment for racks. */
  readonly overloaded?: number;
}

export interface Headroom {
  /** One entry per plant node, in plant order. */
  readonly components: readonly ComponentHeadroom[];
}

/** Normal limits and N-1 safe loads of every node, in O(nodes + feeds). */
export function headroom(plant: Plant, flow: LoadFlow, n1: Contingency): Headroom {
  const { nodes } = plant;
  const n = nodes.length;
  // Per equipment: N-1 safe load / design load (Infinity where no failure raises it).
  const ratio = new Float64Array(n).fill(Infinity);
  // Per node: the smallest ratio on it or upstream of it, and the node that has it.
  const upRatio = new Float64Array(n).fill(Infinity);
  const upNode = new Int32Array(n).fill(-1);
  const components: ComponentHeadroom[] = [];
  for (let i = 0; i < n; i++) {
    const node = nodes[i];
    // Nodes come after all of their feeds: the feeds' upstream minimum is known.
    for (const f of node.feeds) {
      if (upRatio[f] < upRatio[i]) {
        upRatio[i] = upRatio[f];
        upNode[i] = upNode[f];
      }
    }
    const designLoadW = flow.outW[i];
    if (isUnratedLoad(node)) {
      const limited = upNode[i] >= 0;
      components.push({
        node: i,
        designLoadW,
        normalLimitW: node.demandW,
        ...(limited
          ? {
              n1SafeLoadW: node.demandW * upRatio[i],
              failure: n1.worstFailure[upNode[i]],
              overloaded: upNode[i],
            }
          : {}),
      });
      continue;
    }
    const normalLimitW = node.maxUtilization * node.capacityW;
    const worst = n1.worstLoadW[i];
    if (n1.worstUtilization[i] >= 0 && worst > 0 && designLoadW > 0) {
      ratio[i] = n1.worstCapacityW[i] / worst;
      if (ratio[i] < upRatio[i]) {
        upRatio[i] = ratio[i];
        upNode[i] = i;
      }
      components.push({
        node: i,
        designLoadW,
        normalLimitW,
        n1SafeLoadW: designLoadW * ratio[i],
        failure: n1.worstFailure[i],
        overloaded: i,
      });
    } else {
      components.push({ node: i, designLoadW, normalLimitW });
    }
  }
  return { components };
}

/** The lower of a component's normal limit and its N-1 safe load, W. */
export function operatingLimitW(c: ComponentHeadroom): number {
  return c.n1SafeLoadW === undefined ? c.normalLimitW : Math.min(c.normalLimitW, c.n1SafeLoadW);
}
