/**
 * cdktf Aspects run after cdktf's preparing pass and before it writes each stack: what an
 * Aspect changes on an element under AiFactoryApp must reach cdk.tf.json, as in a plain cdktf
 * App (an element's block is made when cdktf asks for it, never kept from the preparing pass).
 */
import * as fs from 'fs';
import * as path from 'path';
import { Aspects, IAspect, TerraformElement, TerraformVariable } from 'cdktf';
import { IConstruct } from 'constructs';
import { Busway, Hall, Rack, Site, Ups } from '../constructs';
import { AiFactoryApp, PhysicalStack } from '../stacks';
import { scratchDir } from './fixtures/scratch';

class Override implements IAspect {
  visit(node: IConstruct): void {
    if (node instanceof TerraformVariable) node.addOverride('description', 'set by an aspect');
    if (TerraformElement.isTerraformElement(node) && node.node.id === 'note')
      node.addOverride('sensitive', true);
  }
}

test('what an Aspect changes on an element reaches cdk.tf.json under AiFactoryApp', () => {
  const outdir = path.join(scratchDir('aifactory-aspects-'), 'out');
  try {
    const app = new AiFactoryApp({ outdir });
    const stack = new PhysicalStack(app, 'lab');
    const site = new Site(stack, 'site', { country: 'FR', gridConnectionMw: 1, designPue: 1.2 });
    const hall = new Hall(site, 'hall', { designKwPerRack: 150, rackPositions: 1 });
    const [busA, busB] = ['a', 'b'].map(
      (s) =>
        new Busway(site, `busway-${s}`, {
          ratingA: 800,
          feeds: [new Ups(site, `ups-${s}`, { moduleRatingKw: 200, feeds: [site.grid] })],
        }),
    );
    new Rack(hall, 'r1', { system: 'gb200-nvl72', feeds: [busA, busB] });
    new TerraformVariable(stack, 'note', { type: 'string', description: 'original' });
    Aspects.of(stack).add(new Override()); // cdktf 0.21 applies the aspects of a stack and its children
    app.synth();
    const tf = JSON.parse(fs.readFileSync(path.join(outdir, 'stacks', 'lab', 'cdk.tf.json'), 'utf8')) as {
      variable: Record<string, { description: string; sensitive?: boolean }>;
    };
    expect(tf.variable.note).toEqual({ description: 'set by an aspect', sensitive: true, type: 'string' });
  } finally {
    fs.rmSync(path.dirname(outdir), { recursive: true, force: true });
  }
});
