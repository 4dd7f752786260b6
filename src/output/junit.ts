import builder from 'junit-report-builder';
import { Evaluation } from '../evaluate';
import { Rule } from '../policy/rule';

/**
 * The findings as JUnit XML (for CI test reports): a test suite per rule, a test case per
 * rule and construct it found something on (an error finding fails it, a suppressed one is
 * skipped with its reason, warnings and infos pass with their message), and one passing case
 * for a rule that found nothing.
 */
export function findingsJunit(evaluation: Evaluation, rules: readonly Rule[]): string {
  const report = builder.newBuilder();
  for (const rule of rules) {
    const suite = report.testSuite().name(`${rule.id} ${rule.description}`);
    const findings = evaluation.findings.filter((f) => f.ruleId === rule.id);
    if (findings.length === 0) suite.testCase().className(rule.id).name('no findings');
    for (const f of findings) {
      const c = suite.testCase().className(rule.id).name(f.path);
      const text = `${f.message}${f.unit ? ` (measured ${f.measured} ${f.unit}, limit ${f.limit} ${f.unit})` : ''}`;
      if (f.suppressed) c.skipped().standardOutput(`suppressed: ${f.reason}; ${text}`);
      else if (f.severity === 'error') c.failure(text, rule.id);
      else c.standardOutput(`${f.severity}: ${text}`);
    }
  }
  return report.build() + '\n';
}
