import { runDeployRules } from '../policy/deploy-rule';
import { Finding } from '../policy/rule';
import { DEPLOY_ORDER_PACK } from '../policy/rules/deploy-order';
import { readDeployPlans } from './read-output';

/**
 * The deploy-order pack over a synthesized output (`outdir`, and the GitOps tree `gitopsDir`), read
 * from the files alone: what `synth` checks before it keeps anything.
 */
export function deployOrderFindings(outdir: string, gitopsDir?: string): Finding[] {
  return runDeployRules(readDeployPlans(outdir, gitopsDir), DEPLOY_ORDER_PACK);
}

/** Deploy-order findings as lines, the way the other findings print. */
export function deployOrderText(findings: readonly Finding[]): string {
  return findings
    .map((f) => `${f.severity.toUpperCase().padEnd(7)} ${f.ruleId} ${f.path}: ${f.message}\n`)
    .join('');
}
