import { Plant, PowerNode } from '../model/plant';

/**
 * What survives the loss of the grid at each node: 'uninterruptible' when every path from
 * the node up to a source crosses stored energy (a UPS, energy storage, equipment that
 * declares an autonomy); 'generator' when every path crosses equipment a generator group
 * backs. A node can be both (a UPS below a generator-backed board) or neither (raw utility).
 */
export interface SupplyClass {
  readonly uninterruptible: Uint8Array;
  readonly generatorBacked: Uint8Array;
}

export function holdsEnergy(node: PowerNode): boolean {
  return node.kind === 'ups' || node.kind === 'energy-storage' || node.autonomyMinutes !== undefined;
}

export function supplyClass(plant: Plant): SupplyClass {
  const n = plant.nodes.length;
  const uninterruptible = new Uint8Array(n);
  const generatorBacked = new Uint8Array(n);
  // Nodes are in topological order: every feed is classified before its loads.
  for (const node of plant.nodes) {
    const i = node.index;
    const k = node.feeds.length;
    uninterruptible[i] = holdsEnergy(node) || (k > 0 && node.feeds.every((f) => uninterruptible[f])) ? 1 : 0;
    generatorBacked[i] =
      node.backupGenerator !== undefined || (k > 0 && node.feeds.every((f) => generatorBacked[f])) ? 1 : 0;
  }
  return { uninterruptible, generatorBacked };
}
