import { Platform } from '../kubernetes/platform';
import { K8sObject } from '../kubernetes/objects';
import type { OutputFile } from '../output/gitops';
import type { RuleGroup } from './power-rules';

/** A `monitoring.coreos.com/v1` PrometheusRule. */
export interface PrometheusRule extends K8sObject {
  readonly spec: { readonly groups: readonly RuleGroup[] };
}

export function isPrometheusRule(o: K8sObject): o is PrometheusRule {
  return (
    o.apiVersion === 'monitoring.coreos.com/v1' &&
    o.kind === 'PrometheusRule' &&
    Array.isArray(o.spec?.groups)
  );
}

/** The PrometheusRule objects of a cluster's operators. */
export function prometheusRules(objects: readonly K8sObject[]): PrometheusRule[] {
  return objects.filter(isPrometheusRule);
}

/**
 * `reports/prometheus/<cluster>.rules.json`: every rule group of a cluster's PrometheusRules in
 * the rule-file form Prometheus and `promtool check rules` read (the objects' `spec.groups`),
 * for a Prometheus that is not run by prometheus-operator and for CI. JSON is YAML, which
 * Prometheus reads rule files as, and it writes 20 to 40 times faster than YAML: a campus has
 * tens of thousands of rules.
 */
export function ruleFiles(platform: Platform): OutputFile[] {
  return [...eachRuleFile(platform)];
}

/** The files of {@link ruleFiles}, made one at a time as they are asked for (a writer holds one at once). */
export function* eachRuleFile(platform: Platform): Generator<OutputFile> {
  for (const c of platform.clusters) {
    const rules = prometheusRules(c.operators.flatMap((op) => op.resources));
    if (rules.length === 0) continue;
    const groups = rules.flatMap((r) => r.spec.groups);
    yield {
      path: `reports/prometheus/${c.name}.rules.json`,
      text: ruleFileText(groups),
    };
  }
}

/** A rule file's text: `{ "groups": [...] }`, two-space indent, trailing newline. */
export function ruleFileText(groups: readonly RuleGroup[]): string {
  return JSON.stringify({ groups }, null, 2) + '\n';
}
