import { PackRule } from '../../rule';
import { overCapacity } from './capacity';

/** Air heat within air handler capacity, redundancy held in reserve. */
export const COOL_002: PackRule = {
  id: 'COOL-002',
  severity: 'error',
  description:
    'Air heat of the racks an air handler group serves fits its capacity with redundancy held in reserve.',
  help: "The share of a rack's heat that liquid does not take (GB200 NVL72: 17 of 132 kW) goes to air. Air handlers are sized with N+1: the air heat must fit (units - redundant units) x unit capacity. Fix: add air handlers.",
  check: (design, analysis) => overCapacity(design, analysis, 'air', 'air heat'),
};
