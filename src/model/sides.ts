import { IConstruct } from 'constructs';
import { DesignError } from '../errors';

/**
 * Sides of a redundant power train. A 2N design has an A and a B side: every piece of
 * equipment (and every cooling group drawing from the train) stands on one of them or on
 * neither, and a dual-corded rack draws from one feed of each. Both are registered once,
 * by the constructs, and recorded in the plant (`PowerNode.side`, `RackInfo.feedSides`),
 * where the report and the NetBox inventory read them.
 */
export type Side = 'A' | 'B';

/**
 * The side a construct's name states, for constructs that do not declare one: a last path
 * segment ending in `a` or `b`, alone or after a '-', optionally followed by digits
 * (`ups-a`, `busway-su001-b2`, `switchgear-a`); undefined otherwise (`r01`, `grid`).
 */
export function sideOf(name: string): Side | undefined {
  const m = /(?:^|-)([ab])\d*$/.exec(name.slice(name.lastIndexOf('/') + 1));
  if (!m) return undefined;
  return m[1] === 'a' ? 'A' : 'B';
}

/** The letter of a load's feed by its position among the load's feeds: A, B, C, ... */
export function feedLetter(position: number): string {
  return String.fromCharCode(65 + position);
}

/**
 * The side `c` stands on: the one declared (checked), else the one its id states
 * ({@link sideOf}); undefined: neither.
 */
export function sideOfConstruct(c: IConstruct, declared: Side | undefined): Side | undefined {
  if (declared === undefined) return sideOf(c.node.id);
  if (declared !== 'A' && declared !== 'B') {
    throw new DesignError(c.node.path, `side must be 'A' or 'B', got ${JSON.stringify(declared)}`);
  }
  return declared;
}
