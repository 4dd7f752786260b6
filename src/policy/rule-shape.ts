import { Rule, Severity } from './rule';

/** The shape every rule id has, built-in or user: letters, a dash, three digits (`PWR-001`, `ACME-001`). */
export const RULE_ID = /^[A-Z]+-\d{3}$/;

const SEVERITIES: readonly Severity[] = ['error', 'warning', 'info'];

/** True for a value that looks like a rule (an object with an id and a check), valid or not. */
export function looksLikeRule(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && 'id' in x && 'check' in x;
}

/**
 * What is wrong with a user rule, in one phrase, or undefined when it has the `Rule` shape
 * the built-in rules have: id, severity, pack, description, help and check.
 */
export function ruleProblem(x: unknown): string | undefined {
  if (!looksLikeRule(x))
    return 'is not a rule (an object with id, severity, pack, description, help and check)';
  const { id, severity, pack, description, help, check } = x;
  if (typeof id !== 'string' || !RULE_ID.test(id)) return `rule id '${String(id)}' is not like PWR-001`;
  if (!SEVERITIES.includes(severity as Severity)) {
    return `rule ${id}: severity '${String(severity)}' is not one of ${SEVERITIES.join(', ')}`;
  }
  for (const [name, value] of [
    ['pack', pack],
    ['description', description],
    ['help', help],
  ] as const) {
    if (typeof value !== 'string' || value.trim() === '')
      return `rule ${id}: ${name} must be a non-empty string`;
  }
  if (typeof check !== 'function')
    return `rule ${id}: check must be a function (design, analysis) => Violation[]`;
  return undefined;
}

/** True when `x` has the `Rule` shape (`ruleProblem` finds nothing). */
export function isRule(x: unknown): x is Rule {
  return ruleProblem(x) === undefined;
}
