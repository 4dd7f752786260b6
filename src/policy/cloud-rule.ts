import { CloudModel } from '../model/cloud';
import { PackRule, Violation } from './rule';

/** A rule over the cloud model (`buildCloud`), with the fields of a `Rule` but its pack (`definePack` gives it). */
export interface CloudRule extends Omit<PackRule, 'check'> {
  check(cloud: CloudModel): Violation[];
}

/** The standard `Rule` of a cloud rule: it reads the design's cloud model. */
export function cloudRule(rule: CloudRule): PackRule {
  return {
    id: rule.id,
    severity: rule.severity,
    description: rule.description,
    help: rule.help,
    check: (design) => rule.check(design.cloud),
  };
}
