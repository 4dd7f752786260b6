import { Construct } from 'constructs';
import { DesignError } from '../../src/errors';
import { dnsLabel } from '../../src/kubernetes/names';
import { CohortSpec } from '../../src/model/tenancy';
import { positive } from '../../src/units';

export interface CohortProps {
  /**
   * Cohort name (a DNS label), unique in the app.
   * @default - the construct id
   */
  readonly name?: string;
  /**
   * The cohort this one belongs to (a programme inside a national facility).
   * @default - none: a root cohort
   */
  readonly parent?: Cohort;
  /**
   * Share of the parent's unused quota this cohort gets against its siblings (Kueue fair sharing).
   * @default - Kueue's default weight, 1
   */
  readonly fairSharingWeight?: number;
}

/**
 * An organisation or programme that holds several tenants (AI Factory France for its
 * startups, a university for its labs): a Kueue `Cohort`. Tenants in it borrow each
 * other's unused GPUs within their borrowing and lending limits, shared by fair-sharing
 * weight. Declare it anywhere in the app and give it to the tenants (`cohort`); it is
 * emitted, with its parents, on every cluster where one of its tenants has a queue.
 */
export class Cohort extends Construct {
  readonly spec: CohortSpec;

  constructor(scope: Construct, id: string, props: CohortProps = {}) {
    super(scope, id);
    if (props.parent !== undefined && !(props.parent instanceof Cohort)) {
      throw new DesignError(this.node.path, 'parent must be a Cohort');
    }
    const weight = props.fairSharingWeight;
    this.spec = {
      path: this.node.path,
      name: dnsLabel(props.name ?? id),
      ...(weight !== undefined
        ? { fairSharingWeight: positive(this.node.path, 'fairSharingWeight', weight) }
        : {}),
      ...(props.parent ? { parent: props.parent.spec } : {}),
    };
  }
}
