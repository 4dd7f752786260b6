import { Analysis } from '../analysis/analysis';
import { Design } from '../model/design';
import { DesignError } from '../errors';
import { Suppressions } from '../model/suppressions';
import { round } from '../units';
import { ALL_RULES } from './packs';
import { Finding, Rule, Severity, Violation } from './rule';

const BUILT_IN: ReadonlySet<Rule> = new Set(ALL_RULES);

/** The finding of a rule's violation: measured value and limit rounded, suppressed when a reason is given. */
export function finding(rule: Pick<Rule, 'id' | 'severity'>, v: Violation, reason?: string): Finding {
  return {
    ruleId: rule.id,
    severity: rule.severity,
    path: v.path,
    message: v.message,
    measured: v.measured === undefined ? null : round(v.measured),
    limit: v.limit === undefined ? null : round(v.limit),
    unit: v.unit ?? null,
    suppressed: reason !== undefined,
    reason: reason ?? null,
  };
}

/**
 * A rule's violations; a rule that throws (a user rule reading a field that is not there, such
 * as one written for the one-argument `check` of 0.1) is one line naming it, not a bare TypeError.
 */
function checked(rule: Rule, design: Design, analysis: Analysis): readonly Violation[] {
  try {
    return rule.check(design, analysis);
  } catch (e) {
    if (e instanceof DesignError) throw e;
    const why = e instanceof Error ? e.message : String(e);
    // The signature hint is for user rules; a built-in rule that throws is aifactory's bug.
    const hint = BUILT_IN.has(rule)
      ? ''
      : ' (check takes (design, analysis); up to 0.1.0 it took one argument: docs/custom-rules.md)';
    throw new DesignError('', `rule ${rule.id} (pack ${rule.pack}) failed: ${why}${hint}`);
  }
}

const SEVERITY_ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/**
 * Runs the rules over a design and its analysis. A suppression on a construct covers findings of its rule
 * on that construct and everything below it; suppressed findings stay in the list, marked,
 * with their reason. Findings are sorted (severity, rule, path) so reports are deterministic.
 */
export function runRules(design: Design, analysis: Analysis, rules: readonly Rule[]): Finding[] {
  const { suppressions } = design;
  const findings: Finding[] = [];
  for (const rule of rules) {
    for (const v of checked(rule, design, analysis)) {
      findings.push(finding(rule, v, suppressionFor(suppressions, v.path, rule.id)));
    }
  }
  return findings.sort(
    (a, b) =>
      SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] ||
      cmp(a.ruleId, b.ruleId) ||
      cmp(a.path, b.path) ||
      cmp(a.message, b.message),
  );
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function suppressionFor(suppressions: Suppressions, path: string, ruleId: string): string | undefined {
  if (suppressions.size === 0) return undefined;
  // The construct itself, then each ancestor path.
  for (let p = path; ;) {
    const s = suppressions.get(p)?.find((x) => x.ruleId === ruleId);
    if (s) return s.reason;
    const cut = p.lastIndexOf('/');
    if (cut < 0) return suppressions.get('')?.find((x) => x.ruleId === ruleId)?.reason;
    p = p.slice(0, cut);
  }
}

/** True when an unsuppressed error finding is present: the design must not be deployed. */
export function hasErrors(findings: readonly Finding[]): boolean {
  return findings.some((f) => f.severity === 'error' && !f.suppressed);
}
