import * as path from 'path';
import { App, AppConfig } from 'cdktf';
import { DesignError } from '../src/errors';
import { activeCapture } from '../src/capture';
import { OutputFile, writeGitops } from '../src/output/gitops';
import { reportHtml } from '../src/report/html';
import { summaryMarkdown } from '../src/report/summary-md';
import { oversizedStacks, readStackPlan, StackPlan, stackPlanText } from '../src/output/stack-plan';
import { DEFAULT_MAX_RESOURCES_PER_STACK, MAX_RESOURCES_CONTEXT } from '../constructs/stack-cap';
import { isMaterializable, MATERIALIZE } from '../src/synthesis';
import { makeTerraformTextLiteral } from './literal-text';
import { evaluate, Evaluation } from '../src/evaluate';
import { hasErrors } from '../src/policy/engine';
import { writeFile, writeStamp } from '../src/output/atomic-dir';
import { findingsJson, findingsText, summaryText } from '../src/output/report';

/**
 * The app of an aifactory design: a cdktf `App` whose `synth()` checks the design first.
 *
 * - Under the `aifactory` command (`synth`, `check`), the command drives: it checks, and
 *   synthesizes into a staging directory only when no error finding remains.
 * - Run directly (`cdktf synth`, or `npx tsx main.ts`), `synth()` runs the same checks,
 *   prints them to stderr, throws on error findings and otherwise writes the cdktf output
 *   plus `reports/findings.json`.
 */
export interface AiFactoryAppConfig extends AppConfig {
  /**
   * Cap of Terraform resources per stack: emitters that can shard (node labels, NetBox
   * inventory) split across stacks below it, and `synth` fails on a stack above it.
   * @default 2000
   */
  readonly maxResourcesPerStack?: number;
}

export class AiFactoryApp extends App {
  readonly maxResourcesPerStack: number;

  constructor(config: AiFactoryAppConfig = {}) {
    const capture = activeCapture();
    // No construct stack traces by default: capturing one per element (through tsx's source
    // maps) dominates synth time at campus scale and adds nothing to the output.
    const base = { stackTraces: false, ...config };
    super(capture ? { ...base, outdir: capture.outdir } : base);
    this.maxResourcesPerStack = config.maxResourcesPerStack ?? DEFAULT_MAX_RESOURCES_PER_STACK;
    this.node.setContext(MAX_RESOURCES_CONTEXT, this.maxResourcesPerStack);
    capture?.apps.push(this);
  }

  override synth(): void {
    if (activeCapture()) return; // the aifactory command synthesizes after its checks
    const evaluation = evaluate(this);
    process.stderr.write(summaryText(evaluation) + findingsText(evaluation));
    const errors = evaluation.findings.filter((f) => f.severity === 'error' && !f.suppressed).length;
    if (hasErrors(evaluation.findings)) {
      throw new DesignError('', `${errors} error finding(s): nothing synthesized`);
    }
    const plan = this.synthesizeDesign(evaluation, [
      { path: 'reports/summary.md', text: summaryMarkdown(evaluation) },
    ]);
    process.stderr.write(stackPlanText(plan));
    // Run directly, cdktf has written its output by now: an oversized stack fails the synth
    // (the aifactory command checks in a staging directory and writes nothing instead).
    const over = oversizedStacks(plan);
    if (over.length > 0) throw new DesignError('', over.join('; '));
    // The HTML report's layout is asynchronous: written before the process exits.
    // The ownership stamp last, listing every file, as the aifactory command writes it.
    void reportHtml(evaluation).then((html) => {
      writeFile(path.join(this.outdir, 'reports', 'index.html'), html);
      writeStamp(this.outdir);
    });
  }

  /**
   * Writes everything a checked design produces into the outdir: the cdktf output
   * (manifest.json, stacks/), the Helm charts (helm/) and GitOps manifests (gitops/) of
   * GitOps-delivered clusters, and reports/findings.json. The aifactory command calls it
   * after its checks; it runs no checks itself.
   */
  synthesizeDesign(evaluation: Evaluation, files: readonly OutputFile[] = []): StackPlan {
    const late: (() => void)[] = [];
    for (const c of this.node.findAll()) {
      if (!isMaterializable(c)) continue;
      const step = c[MATERIALIZE](evaluation);
      if (step) late.push(step);
    }
    for (const step of late) step();
    makeTerraformTextLiteral(this);
    super.synth();
    writeGitops(this.outdir, evaluation.analysis.platform);
    for (const f of files) writeFile(path.join(this.outdir, f.path), f.text);
    writeFile(path.join(this.outdir, 'reports', 'findings.json'), findingsJson(evaluation));
    const plan = readStackPlan(this.outdir, this.maxResourcesPerStack);
    writeFile(path.join(this.outdir, 'reports', 'stacks.json'), JSON.stringify(plan, null, 2) + '\n');
    return plan;
  }
}
