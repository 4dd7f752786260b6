import { IConstruct } from 'constructs';
import { DesignError } from '../errors';
import { Suppression, SUPPRESSION_METADATA } from '../model/suppressions';
import { RULE_ID } from './rule-shape';

export { SUPPRESSION_METADATA, suppressionsOf } from '../model/suppressions';
export type { Suppression } from '../model/suppressions';

export const MIN_REASON_LENGTH = 10;

/**
 * Accepts the findings of `ruleId` on `scope` and everything below it. The reason is
 * mandatory (at least 10 characters) and every report shows it: a suppressed finding is
 * never silent (as in cdk-nag). The design reads it back (`buildDesign`).
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
