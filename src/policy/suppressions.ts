import { IConstruct } from 'constructs';
import { DesignError } from '../errors';

import { RULE_ID } from './rule-shape';

/**
 * The node metadata type of a suppression: `scope.node.metadata` holds one entry of this
 * type, with `{ ruleId, reason }` as data, per suppression, so any construct tool can read
 * them (cdk-nag keeps its suppressions in node metadata too).
 */
export const SUPPRESSION_METADATA = 'aifactory:suppression';

export interface Suppression {
  readonly ruleId: string;
  readonly reason: string;
}

export const MIN_REASON_LENGTH = 10;

/**
 * Accepts the findings of `ruleId` on `scope` and everything below it. The reason is
 * mandatory (at least 10 characters) and every report shows it: a suppressed finding is
 * never silent (as in cdk-nag).
 */
export function suppress(scope: IConstruct, ruleId: string, reason: string): void {
  const path = scope.node.path;
  if (!RULE_ID.test(ruleId)) {
    throw new DesignError(path, `suppression names rule '${ruleId}', which is not a rule id like PWR-001`);
  }
  if (typeof reason !== 'string' || reason.trim().length < MIN_REASON_LENGTH) {
    throw new DesignError(
      path,
      `suppression of ${ruleId} needs a reason of at least ${MIN_REASON_LENGTH} characters`,
    );
  }
  const suppression: Suppression = { ruleId, reason: reason.trim() };
  scope.node.addMetadata(SUPPRESSION_METADATA, suppression);
}

/** The suppressions on `scope` itself (not its ancestors), in the order they were made. */
export function suppressionsOf(scope: IConstruct): readonly Suppression[] {
  const out: Suppression[] = [];
  for (const entry of scope.node.metadata) {
    if (entry.type === SUPPRESSION_METADATA && isSuppression(entry.data)) out.push(entry.data);
  }
  return out;
}

function isSuppression(data: unknown): data is Suppression {
  if (typeof data !== 'object' || data === null) return false;
  const { ruleId, reason } = data as Record<string, unknown>;
  return typeof ruleId === 'string' && typeof reason === 'string';
}
