import { SarifBuilder, SarifResultBuilder, SarifRuleBuilder, SarifRunBuilder } from 'node-sarif-builder';
import { Evaluation } from '../evaluate';
import { Rule } from '../policy/rule';

const LEVEL = { error: 'error', warning: 'warning', info: 'note' } as const;

/**
 * The findings as SARIF 2.1.0 (for GitHub code scanning, GitLab, IDEs): one result per
 * finding, located in the app file with the construct path as a logical location, rule
 * metadata with help text, and suppressed findings carried as accepted suppressions with
 * their reason. Deterministic: no timestamps.
 */
export function findingsSarif(
  evaluation: Evaluation,
  rules: readonly Rule[],
  appFile: string,
  version: string,
): string {
  const run = new SarifRunBuilder().initSimple({
    toolDriverName: 'aifactory',
    toolDriverVersion: version,
  });
  delete run.run.tool.driver.informationUri; // the library has no public home page yet
  for (const rule of rules) {
    const r = new SarifRuleBuilder().initSimple({ ruleId: rule.id, shortDescriptionText: rule.description });
    r.rule.fullDescription = { text: rule.help };
    r.rule.help = { text: rule.help };
    r.rule.defaultConfiguration = { level: LEVEL[rule.severity] };
    r.rule.properties = { pack: rule.pack };
    run.addRule(r);
  }
  for (const f of evaluation.findings) {
    const result = new SarifResultBuilder().initSimple({
      level: LEVEL[f.severity],
      messageText: `${f.path}: ${f.message}`,
      ruleId: f.ruleId,
      fileUri: appFile,
      startLine: 1,
    });
    const location = result.result.locations?.[0];
    if (location) location.logicalLocations = [{ fullyQualifiedName: f.path, kind: 'resource' }];
    result.result.properties = { measured: f.measured, limit: f.limit, unit: f.unit };
    if (f.suppressed) {
      result.result.suppressions = [{ kind: 'inSource', status: 'accepted', justification: f.reason ?? '' }];
    }
    run.addResult(result);
  }
  const sarif = new SarifBuilder();
  sarif.addRun(run);
  return sarif.buildSarifJsonString({ indent: true }) + '\n';
}
