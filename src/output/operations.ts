import { Evaluation } from '../evaluate';
import { globalPowerRules } from '../operations/power-rules';
import { prometheusRules, ruleFiles, ruleFileText } from '../operations/rule-files';
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
  const { plant } = evaluation.design;
  const { flow, headroom, sites } = evaluation.analysis;
  const platform = deliveredPlatform(evaluation.design, evaluation.analysis);
  const files: OutputFile[] = [
    { path: 'reports/eed.json', text: eedJson(evaluation) },
    ...ruleFiles(platform),
  ];
  const monitored = platform.clusters.filter(
    (c) => prometheusRules(c.operators.flatMap((op) => op.resources)).length > 0,
  );
  const groups = globalPowerRules(
    plant,
    { flow, headroom, sitePue: sites.map((s) => s.pue) },
    monitored.map((c) => ({ name: c.name, racks: c.racks, nodes: c.nodes })),
  );
  if (groups.length > 0) {
    files.push({
      path: 'reports/prometheus/global.rules.json',
      text: ruleFileText(groups),
    });
  }
  return files;
}
