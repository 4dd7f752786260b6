import { IConstruct } from 'constructs';
import { TerraformElement } from 'cdktf';
import { terraformLiteralDeep } from '../src/terraform-literal';

const DONE = Symbol.for('aifactory.terraform-literal');

/**
 * Makes every string that the Terraform elements under `root` write read literally by
 * Terraform (`$${`, `%%{`), whatever construct or prop it came from, before cdktf resolves
 * its tokens: references (tokens) stay references, user text stays text
 * (src/terraform-literal.ts). Idempotent. For the JSON output (`cdk.tf.json`), which is all
 * aifactory writes; cdktf's HCL output is not covered.
 */
export function makeTerraformTextLiteral(root: IConstruct): void {
  for (const c of root.node.findAll()) {
    if (!TerraformElement.isTerraformElement(c)) continue;
    const el = c as TerraformElement & { [DONE]?: true };
    if (el[DONE]) continue;
    el[DONE] = true;
    const toTerraform = el.toTerraform.bind(el);
    el.toTerraform = () => terraformLiteralDeep(toTerraform());
  }
}
