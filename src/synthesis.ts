import { Evaluation } from './evaluate';

/**
 * Constructs that render their Terraform resources only once the whole tree is known and
 * checked (cdk8s-plus style: racks or tenants added after construction still land in the
 * output). `AiFactoryApp` calls this on every such construct before it synthesizes.
 */
export const MATERIALIZE = Symbol.for('aifactory.materialize');

export interface Materializable {
  /**
   * Renders the construct's resources; may return a late step that `AiFactoryApp` runs once
   * every construct has rendered (sizing decisions that depend on what the others added).
   */
  [MATERIALIZE](evaluation: Evaluation): (() => void) | void;
}

export function isMaterializable(x: unknown): x is Materializable {
  return typeof (x as Partial<Materializable>)[MATERIALIZE] === 'function';
}
