import { IConstruct } from 'constructs';

/**
 * The node metadata type of a suppression: `scope.node.metadata` holds one entry of this
 * type, with `{ ruleId, reason }` as data, per suppression, so any construct tool can read
 * them (cdk-nag keeps its suppressions in node metadata too). `suppress()` (src/policy)
 * writes them; the design reads them.
 */
export const SUPPRESSION_METADATA = 'aifactory:suppression';

export interface Suppression {
  readonly ruleId: string;
  readonly reason: string;
}

/** The suppressions of a design: construct path -> the suppressions on that construct itself. */
export type Suppressions = ReadonlyMap<string, readonly Suppression[]>;

/** The suppressions on `scope` itself (not its ancestors), in the order they were made. */
export function suppressionsOf(scope: IConstruct): readonly Suppression[] {
  const out: Suppression[] = [];
  for (const entry of scope.node.metadata) {
    if (entry.type === SUPPRESSION_METADATA && isSuppression(entry.data)) out.push(entry.data);
  }
  return out;
}

/** Every suppression under `root` (itself included), by construct path. */
export function readSuppressions(root: IConstruct): Suppressions {
  const suppressions = new Map<string, readonly Suppression[]>();
  for (const c of root.node.findAll()) {
    const s = suppressionsOf(c);
    if (s.length > 0) suppressions.set(c.node.path, s);
  }
  return suppressions;
}

function isSuppression(data: unknown): data is Suppression {
  if (typeof data !== 'object' || data === null) return false;
  const { ruleId, reason } = data as Record<string, unknown>;
  return typeof ruleId === 'string' && typeof reason === 'string';
}
