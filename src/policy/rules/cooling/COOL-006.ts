import { PackRule } from '../../rule';
import { overCapacity } from './capacity';

/** Heat rejection within capacity, redundancy held in reserve. */
export const COOL_006: PackRule = {
  id: 'COOL-006',
  severity: 'error',
  description:
    'Heat of the racks a chiller or dry cooler group serves fits its capacity with N+1 held in reserve.',
  help: "All of a rack's heat ends at the heat rejection plant. Chillers and dry coolers are sized N+1 (reference designs: N+1 chillers): the heat must fit (units - redundant units) x unit capacity. Fix: add units.",
  check: (design, analysis) => overCapacity(design, analysis, 'rejection', 'heat'),
};
