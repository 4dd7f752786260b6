import { IConstruct } from 'constructs';
import { TerraformElement } from 'cdktf';
import { terraformLiteralDeep } from '../src/terraform-literal';

const DONE = Symbol.for('aifactory.terraform-literal');

/** The synth under way (see `makeTerraformTextLiteral`); undefined outside one. */
let session: object | undefined;

/**
 * Makes every string that the Terraform elements under `root` write read literally by
 * Terraform (`$${`, `%%{`), whatever construct or prop it came from, before cdktf resolves
 * its tokens: references (tokens) stay references, user text stays text
 * (src/terraform-literal.ts). Idempotent. For the JSON output (`cdk.tf.json`), which is all
 * aifactory writes; cdktf's HCL output is not covered.
 *
 * Until the returned function is called (when the synth is over), each element's block is
 * made once: cdktf asks every element for it twice per synth (once to find cross-stack
 * references, once to write it) and resolves what it gets without changing it, so the second
 * ask gets the first block (half the work for the campus' 19,000 NetBox resources). Outside a
 * synth every ask makes it anew.
 */
export function makeTerraformTextLiteral(root: IConstruct): () => void {
  const current = (session = {});
  for (const c of root.node.findAll()) {
    if (!TerraformElement.isTerraformElement(c)) continue;
    const el = c as TerraformElement & { [DONE]?: true };
    if (el[DONE]) continue;
    el[DONE] = true;
    const toTerraform = el.toTerraform.bind(el);
    let kept: { readonly session: object; readonly block: unknown } | undefined;
    el.toTerraform = () => {
      if (session !== undefined && kept?.session === session) return kept.block;
      const block = terraformLiteralDeep(toTerraform());
      kept = session === undefined ? undefined : { session, block };
      return block;
    };
  }
  return () => {
    if (session === current) session = undefined;
  };
}
