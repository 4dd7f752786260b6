import { Analysis } from '../analysis/analysis';
import { CloudModel, EMPTY_CLOUD } from '../model/cloud';
import { Rule, Violation } from './rule';

/** A rule over the cloud model (`buildCloud`), with the fields of a `Rule`. */
export interface CloudRule extends Omit<Rule, 'check'> {
  check(cloud: CloudModel): Violation[];
}

/**
 * The standard `Rule` of a cloud rule: it reads `analysis.cloud` (the `CloudModel` that
 * `analyze` builds alongside the plant); an analysis without one has no cloud resources.
 */
export function cloudRule(rule: CloudRule): Rule {
  return {
    id: rule.id,
    severity: rule.severity,
    pack: rule.pack,
    description: rule.description,
    help: rule.help,
    check: (analysis: Analysis) => rule.check((analysis as { cloud?: CloudModel }).cloud ?? EMPTY_CLOUD),
  };
}
