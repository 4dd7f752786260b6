import { PackRule } from '../../rule';
import { overCapacity } from './capacity';

/** Liquid heat within CDU capacity, redundancy held in reserve. */
export const COOL_001: PackRule = {
  id: 'COOL-001',
  severity: 'error',
  description: 'Liquid heat of the racks a CDU group serves fits its capacity with N+1 held in reserve.',
  help: "A rack's liquid heat is its design power times its catalog liquid share (GB200 NVL72: 115 of 132 kW). CDU groups are sized per loop with N+1: the heat must fit (units - redundant units) x unit capacity. Fix: add a CDU, or serve fewer racks from the group.",
  check: (design, analysis) => overCapacity(design, analysis, 'liquid', 'liquid heat'),
};
