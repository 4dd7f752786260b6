import { Plant } from '../model/plant';

/**
 * Normal-operation load flow, from the racks up to the grid connections. A node's output
 * is its own demand plus what its loads draw from it; its input is output / efficiency
 * (losses flow upstream), shared equally among its feeds, or drawn from the first feed
 * alone for a 'transfer' load (a static transfer switch on its primary source).
 */
export interface LoadFlow {
  /** Real power delivered by each node, W. */
  readonly outW: Float64Array;
  /** Real power drawn by each node from its feeds, W (outW / efficiency). */
  readonly inW: Float64Array;
  /** 1 when a path of feeds leads from the node to a grid connection. */
  readonly supplied: Uint8Array;
}

export function loadFlow(plant: Plant): LoadFlow {
  const { nodes } = plant;
  const n = nodes.length;
  const outW = new Float64Array(n);
  const inW = new Float64Array(n);
  const supplied = new Uint8Array(n);
  // Nodes are in topological order (feeds first): walk backwards so loads come before feeds.
  for (let i = n - 1; i >= 0; i--) {
    const node = nodes[i];
    const out = outW[i] + node.demandW;
    outW[i] = out;
    const input = out / node.efficiency;
    inW[i] = input;
    const k = node.feeds.length;
    if (k === 0) continue;
    if (node.feedMode === 'transfer') {
      outW[node.feeds[0]] += input; // from its primary only
      continue;
    }
    const share = input / k;
    for (let j = 0; j < k; j++) outW[node.feeds[j]] += share;
  }
  for (let i = 0; i < n; i++) {
    const node = nodes[i];
    if (node.kind === 'grid-connection') {
      supplied[i] = 1;
      continue;
    }
    for (const f of node.feeds) {
      if (supplied[f]) {
        supplied[i] = 1;
        break;
      }
    }
  }
  return { outW, inW, supplied };
}
