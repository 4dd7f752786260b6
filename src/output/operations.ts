import { Evaluation } from '../evaluate';
import { globalPowerRules } from '../operations/power-rules';
import { eachRuleFile, prometheusRules, ruleFileText } from '../operations/rule-files';
import type { OutputFile } from './gitops';
import { deliveredPlatform } from '../operations/delivered-platform';

/** `reports/eed.json`: the EU data-centre report at design stage, two-space indent, trailing newline. */
export function eedJson(evaluation: Evaluation): string {
  return JSON.stringify(evaluation.analysis.eed, null, 2) + '\n';
}

/**
 * What a checked design gives operations: `reports/eed.json`; each cluster's power rules in
 * Prometheus' rule-file form (`reports/prometheus/<cluster>.rules.json`, what `promtool check
 * rules` reads); and `reports/prometheus/global.rules.json` for a global ruler, where
 * equipment or a site spans several clusters.
 */
export function operationsFiles(evaluation: Evaluation): OutputFile[] {
  return [...eachOperationsFile(evaluation)];
}

/** The files of {@link operationsFiles}, made one at a time as they are asked for (a writer holds one at once). */
export function* eachOperationsFile(evaluation: Evaluation): Generator<OutputFile> {
  const { plant } = evaluation.design;
  const { flow, headroom, sites } = evaluation.analysis;
  const platform = deliveredPlatform(evaluation.design, evaluation.analysis);
  yield { path: 'reports/eed.json', text: eedJson(evaluation) };
  yield* eachRuleFile(platform);
  const monitored = platform.clusters.filter(
    (c) => prometheusRules(c.operators.flatMap((op) => op.resources)).length > 0,
  );
  const groups = globalPowerRules(
    plant,
    { flow, headroom, sitePue: sites.map((s) => s.pue) },
    monitored.map((c) => ({ name: c.name, racks: c.racks, nodes: c.nodes })),
  );
  if (groups.length > 0) {
    yield {
      path: 'reports/prometheus/global.rules.json',
      text: ruleFileText(groups),
    };
  }
}
