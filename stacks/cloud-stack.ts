import { Construct } from 'constructs';
import { stackId } from '../src/model/ids';
import { Lazy, LocalBackend, TerraformBackend, TerraformOutput, TerraformStack } from 'cdktf';
import { ScalewayAccount, ScalewayAccountProps } from '../constructs/scaleway/account';
import { buildCloud, CloudTotals } from '../src/model/cloud';

const OUTPUTS: readonly { key: keyof CloudTotals; name: string; description: string }[] = [
  {
    key: 'gpusMin',
    name: 'cloud_gpus_min',
    description: 'Cloud GPUs at the fewest instances (autoscaling minimums)',
  },
  {
    key: 'gpusMax',
    name: 'cloud_gpus_max',
    description: 'Cloud GPUs at the most instances (autoscaling maximums)',
  },
  {
    key: 'estimatedPowerKwMax',
    name: 'cloud_estimated_power_kw_max',
    description:
      'ESTIMATED power of the cloud GPU instances at their maximum count, kW (GPU TDP x 1.25 host overhead)',
  },
];

export type CloudStackProps = ScalewayAccountProps;

/**
 * A Terraform stack holding cloud GPU capacity on Scaleway: the provider configured from the
 * environment (or sensitive variables, `credentials: 'variables'`), and outputs with the cloud
 * GPU count and estimated power, computed at synthesis. State stays local, beside the output
 * directory as a relative path, unless a backend such as `ScalewayStateBackend` is added.
 */
export class CloudStack extends TerraformStack {
  readonly account: ScalewayAccount;
  private cached?: CloudTotals;

  constructor(scope: Construct, id: string, props: CloudStackProps = {}) {
    super(scope, stackId(scope, id));
    this.account = new ScalewayAccount(this, 'scaleway', props);
    for (const o of OUTPUTS) {
      new TerraformOutput(this, o.name, {
        description: o.description,
        value: Lazy.numberValue({ produce: () => this.totals()[o.key] }),
      });
    }
  }

  /** Same relative local state as `PhysicalStack`, unless the app sets a backend. */
  override ensureBackendExists(): TerraformBackend {
    const existing = this.node.findAll().find((c): c is TerraformBackend => TerraformBackend.isBackend(c));
    return existing ?? new LocalBackend(this, { path: `../../../terraform.${this.node.id}.tfstate` });
  }

  /** Cloud GPUs and estimated power of this stack (computed once, at synthesis). */
  totals(): CloudTotals {
    this.cached ??= buildCloud(this).totals;
    return this.cached;
  }
}
