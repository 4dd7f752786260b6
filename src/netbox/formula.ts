import { PowerNode } from '../model/plant';

/** The electrical fields of a NetBox power feed, as the inventory writes them. */
export interface FeedCircuit {
  readonly supply: 'ac' | 'dc';
  readonly phase: 'single-phase' | 'three-phase';
  /** Volts: line-to-line for three-phase, the bus voltage for DC. */
  readonly voltage: number;
  readonly amperage: number;
  /** Whole percent, 1-100. */
  readonly maxPercentUtilization: number;
}

/** The factor NetBox uses for sqrt(3) (PowerFeed.save()). */
export const NETBOX_SQRT3 = 1.732;

/**
 * Available power of a feed in VA, computed as NetBox computes it when it saves a power
 * feed: kva = |V| x A x max_utilization / 100, times 1.732 for three-phase, then Python's
 * round() (half to even).
 */
export function netboxAvailablePowerVa(feed: FeedCircuit): number {
  const va = Math.abs(feed.voltage) * feed.amperage * (feed.maxPercentUtilization / 100);
  return roundHalfEven(feed.phase === 'three-phase' ? va * NETBOX_SQRT3 : va);
}

/**
 * The model's limit for a circuit in VA: its rating at its maximum continuous utilization,
 * in apparent power for kVA-rated equipment (kVA x max utilization) and in real power for
 * kW-rated (DC) equipment (V x A x max utilization).
 */
export function modelLimitVa(node: PowerNode): number {
  return (node.capacityW / node.powerFactor) * node.maxUtilization;
}

/** Python 3's round(): to the nearest integer, ties to even. */
export function roundHalfEven(x: number): number {
  const f = Math.floor(x);
  const d = x - f;
  if (d > 0.5) return f + 1;
  if (d < 0.5) return f;
  return f % 2 === 0 ? f : f + 1;
}
