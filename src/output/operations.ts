import { Evaluation } from '../evaluate';
import { ruleFiles } from '../operations/rule-files';
import type { OutputFile } from './gitops';

/** `reports/eed.json`: the EU data-centre report at design stage, two-space indent, trailing newline. */
export function eedJson(evaluation: Evaluation): string {
  return JSON.stringify(evaluation.analysis.eed, null, 2) + '\n';
}

/**
 * What a checked design gives operations: `reports/eed.json` and the clusters' power rules in
 * Prometheus' rule-file form (`reports/prometheus/<cluster>.rules.yaml`, what `promtool check rules` reads).
 */
export function operationsFiles(evaluation: Evaluation): OutputFile[] {
  return [
    { path: 'reports/eed.json', text: eedJson(evaluation) },
    ...ruleFiles(evaluation.analysis.platform),
  ];
}
