import { IConstruct } from 'constructs';
import { DesignError } from '../errors';

const SUPPRESSIONS = Symbol.for('aifactory.suppressions');

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
  if (!/^[A-Z]+-\d{3}$/.test(ruleId)) {
    throw new DesignError(path, `suppression names rule '${ruleId}', which is not a rule id like PWR-001`);
  }
  if (typeof reason !== 'string' || reason.trim().length < MIN_REASON_LENGTH) {
    throw new DesignError(
      path,
      `suppression of ${ruleId} needs a reason of at least ${MIN_REASON_LENGTH} characters`,
    );
  }
  const holder = scope as unknown as { [SUPPRESSIONS]?: Suppression[] };
  (holder[SUPPRESSIONS] ??= []).push({ ruleId, reason: reason.trim() });
}

export function suppressionsOf(scope: IConstruct): readonly Suppression[] {
  return (scope as unknown as { [SUPPRESSIONS]?: Suppression[] })[SUPPRESSIONS] ?? [];
}
