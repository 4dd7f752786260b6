import { Plant, PowerNode } from '../model/plant';

/**
 * For every node, the distinct values it and the nodes above it contribute (`own(node)`: its
 * own value, or undefined), its own first, then its feeds' in feed order: small lists (a few
 * per rack). A node with one feed and nothing of its own shares its feed's list, so a branch
 * holds one array, not one per node. Nodes are in topological order (feeds first): one pass.
 */
export function upstreamValues(
  plant: Pick<Plant, 'nodes'>,
  own: (node: PowerNode) => number | undefined,
): readonly (readonly number[])[] {
  const lists = new Array<readonly number[]>(plant.nodes.length);
  for (const node of plant.nodes) {
    const mine = own(node);
    if (mine === undefined && node.feeds.length === 1) {
      lists[node.index] = lists[node.feeds[0]];
      continue;
    }
    const list: number[] = mine === undefined ? [] : [mine];
    for (const f of node.feeds) for (const x of lists[f]) if (!list.includes(x)) list.push(x);
    lists[node.index] = list;
  }
  return lists;
}
