import { CloudModel } from '../model/cloud';
import { Rule, Violation } from './rule';

/** A rule over the cloud model (`buildCloud`), with the fields of a `Rule`. */
export interface CloudRule extends Omit<Rule, 'check'> {
  check(cloud: CloudModel): Violation[];
}

/** The standard `Rule` of a cloud rule: it reads the design's cloud model. */
export function cloudRule(rule: CloudRule): Rule {
  return {
    id: rule.id,
    severity: rule.severity,
    pack: rule.pack,
    description: rule.description,
    help: rule.help,
    check: (design) => rule.check(design.cloud),
  };
}
