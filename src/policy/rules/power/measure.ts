import { PowerNode } from '../../../model/plant';
import { fmt, W_PER_KW } from '../../../units';

/** A real power in W, expressed in the unit the node is rated in (kW, or kVA through its power factor). */
export function inRatingUnit(node: PowerNode, watts: number): number {
  return node.ratingUnit === 'kVA' ? watts / node.powerFactor / W_PER_KW : watts / W_PER_KW;
}

/** "1,234.5 kVA" */
export function show(node: PowerNode, watts: number): string {
  return `${fmt(inRatingUnit(node, watts))} ${node.ratingUnit}`;
}

/** Power equipment rated for what it carries: not racks, cooling loads or the grid connection (checked on facility power). */
export function isEquipment(node: PowerNode): boolean {
  return node.kind !== 'rack' && node.kind !== 'cooling' && node.kind !== 'grid-connection';
}
