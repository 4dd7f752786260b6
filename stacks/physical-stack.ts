import { Construct } from 'constructs';
import { stackId } from '../src/model/ids';
import { Lazy, LocalBackend, TerraformBackend, TerraformOutput, TerraformStack } from 'cdktf';
import { siteLoads } from '../src/analysis/analysis';
import { loadFlow } from '../src/analysis/load-flow';
import { buildPlant } from '../src/model/plant';
import { summarize, Summary } from '../src/evaluate';

const OUTPUTS: readonly { key: keyof Summary; name: string; description: string }[] = [
  { key: 'sites', name: 'sites', description: 'Sites in this stack' },
  { key: 'racks', name: 'racks', description: 'Racks in this stack' },
  { key: 'gpus', name: 'gpus', description: 'GPUs in this stack' },
  { key: 'itLoadKw', name: 'it_load_kw', description: 'IT load at rack design power, kW' },
  {
    key: 'facilityLoadKw',
    name: 'facility_load_kw',
    description: 'Facility power (IT x design PUE, or train input + other loads), kW',
  },
  { key: 'pue', name: 'pue', description: 'Power usage effectiveness (ISO/IEC 30134-2)' },
];

/**
 * A Terraform stack holding the physical design (sites, halls, power trains, racks). Its
 * `cdk.tf.json` carries the capacity summary of what it holds as Terraform outputs,
 * computed when the stack is synthesized, so racks added after construction count.
 */
export class PhysicalStack extends TerraformStack {
  private cached?: Summary;

  constructor(scope: Construct, id: string) {
    super(scope, stackId(scope, id));
    for (const o of OUTPUTS) {
      new TerraformOutput(this, o.name, {
        description: o.description,
        value: Lazy.numberValue({ produce: () => this.summary()[o.key] }),
      });
    }
  }

  /**
   * Without a backend of the app's choosing, state stays local, beside the output directory
   * (as cdktf's default puts it in the working directory), but written as a relative path:
   * cdktf's default is absolute and would make the output differ from machine to machine.
   */
  override ensureBackendExists(): TerraformBackend {
    const existing = this.node.findAll().find((c): c is TerraformBackend => TerraformBackend.isBackend(c));
    return existing ?? new LocalBackend(this, { path: `../../../terraform.${this.node.id}.tfstate` });
  }

  /** The capacity summary of the sites in this stack (computed once, at synthesis). */
  summary(): Summary {
    if (!this.cached) {
      const plant = buildPlant(this);
      this.cached = summarize(siteLoads(plant, loadFlow(plant)));
    }
    return this.cached;
  }
}
