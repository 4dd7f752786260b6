import { DeployPlan } from '../deploy/plan';
import { finding } from './engine';
import { Finding, Rule, Violation } from './rule';

/** A rule over a deploy plan read from the emitted output (`src/deploy/`), with the fields of a `Rule`. */
export interface DeployRule extends Omit<Rule, 'check'> {
  check(plan: DeployPlan): Violation[];
}

/**
 * Runs the deploy-order rules over every plan of a synthesized output. Findings name the emitted
 * object (its construct path, or its file in the GitOps tree); they cannot be suppressed: an
 * object applied too early fails on a real environment whatever the reason.
 */
export function runDeployRules(plans: readonly DeployPlan[], rules: readonly DeployRule[]): Finding[] {
  const findings: Finding[] = [];
  for (const rule of rules) {
    for (const plan of plans) {
      for (const v of rule.check(plan)) findings.push(finding(rule, v));
    }
  }
  return findings;
}

/** A deploy-order rule as its file states it: `definePack` gives it its pack. */
export type DeployPackRule = Omit<DeployRule, 'pack'>;
