import * as path from 'path';
import { App, AppConfig } from 'cdktf';
import { DesignError } from '../src/errors';
import { activeCapture } from '../src/capture';
import { gitopsRepoPath, nodeLabelFiles, OutputFile, writeGitops } from '../src/output/gitops';
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
import { addRules } from '../src/policy/registry';
import { Rule } from '../src/policy/rule';
import { annotateFindings } from './annotations';
import { deployOrderFindings, deployOrderText } from '../src/deploy/deploy-order';
import { githubApplyWorkflow } from '../src/output/github-workflow';
import { operationsFiles } from '../src/output/operations';
import { deliveredPlatform } from '../src/operations/delivered-platform';
import { captureTokenStackTraces } from './token-stack-traces';

/**
 * The app of an aifactory design: a cdktf `App` whose `synth()` checks the design first.
 *
 * - Under the `aifactory` command (`synth`, `check`), the command drives: it checks, and
 *   synthesizes into a staging directory only when no error finding remains.
 * - Run directly (`cdktf synth`, or `npx tsx main.ts`), `synth()` runs the same checks,
 *   prints the summary to stdout, throws on error findings and otherwise writes the cdktf
 *   output plus `reports/findings.json`. Under `cdktf synth` (which sets
 *   CDKTF_CONTINUE_SYNTH_ON_ERROR_ANNOTATIONS) error findings do not throw: they reach
 *   cdktf as error annotations, which cdktf-cli prints and fails on.
 *
 * Run directly, findings are attached to their constructs as cdktf annotations (in
 * manifest.json); the aifactory command reports them itself.
 */
export interface AiFactoryAppConfig extends AppConfig {
  /**
   * Cap of Terraform resources per stack: emitters that can shard (node labels, NetBox
   * inventory) split across stacks below it, and `synth` fails on a stack above it.
   * @default 2000
   */
  readonly maxResourcesPerStack?: number;
  /**
   * User rules (the `Rule` shape of the built-in ones; a pack is an array of them), run
   * with the built-in rules by every check of this app and listed in every report.
   * @default - the built-in rules only
   */
  readonly rules?: readonly Rule[];
}

export class AiFactoryApp extends App {
  readonly maxResourcesPerStack: number;

  constructor(config: AiFactoryAppConfig = {}) {
    const capture = activeCapture();
    // No construct stack traces by default: capturing one per element (through tsx's source
    // maps) dominates synth time at campus scale and adds nothing to the output.
    const base = { stackTraces: false, ...config };
    super(capture ? { ...base, outdir: capture.outdir } : base);
    captureTokenStackTraces(base.stackTraces !== false);
    this.maxResourcesPerStack = config.maxResourcesPerStack ?? DEFAULT_MAX_RESOURCES_PER_STACK;
    this.node.setContext(MAX_RESOURCES_CONTEXT, this.maxResourcesPerStack);
    capture?.apps.push(this);
    this.addRules(...(config.rules ?? []));
  }

  /** Registers user rules (or the rules of a pack) with the built-in ones; see `rules`. */
  addRules(...rules: Rule[]): void {
    addRules(this, rules);
  }

  override synth(): void {
    if (activeCapture()) return; // the aifactory command synthesizes after its checks
    const evaluation = evaluate(this);
    annotateFindings(this, evaluation.findings);
    process.stdout.write(summaryText(evaluation) + findingsText(evaluation));
    const errors = evaluation.findings.filter((f) => f.severity === 'error' && !f.suppressed).length;
    if (
      hasErrors(evaluation.findings) &&
      process.env.CDKTF_CONTINUE_SYNTH_ON_ERROR_ANNOTATIONS === undefined
    ) {
      throw new DesignError('', `${errors} error finding(s): nothing synthesized`);
    }
    const plan = this.synthesizeDesign(evaluation, [
      { path: 'reports/summary.md', text: summaryMarkdown(evaluation) },
    ]);
    process.stdout.write(stackPlanText(plan));
    // Run directly, cdktf has written its output by now: an oversized stack fails the synth
    // (the aifactory command checks in a staging directory and writes nothing instead).
    const over = oversizedStacks(plan);
    if (over.length > 0) throw new DesignError('', over.join('; '));
    const order = deployOrderFindings(this.outdir, this.defaultGitops().dir);
    if (hasErrors(order)) {
      process.stderr.write(deployOrderText(order));
      throw new DesignError('', 'the output would not apply in order (deploy-order findings above)');
    }
    // The HTML report's layout is asynchronous: written before the process exits.
    // The ownership stamp last, listing every file, as the aifactory command writes it.
    void reportHtml(evaluation).then((html) => {
      writeFile(path.join(this.outdir, 'reports', 'index.html'), html);
      writeStamp(this.outdir);
    });
  }

  /**
   * Writes everything a checked design produces: into the outdir the cdktf output
   * (manifest.json, stacks/), the node label files of GitOps-delivered clusters (node-labels/),
   * reports/findings.json, reports/stacks.json, reports/eed.json and the power rules
   * (reports/prometheus/); into `gitops` (default: `gitops` beside the outdir) the GitOps tree
   * users commit (charts, Argo CD and Flux objects per cluster); and ci/github-actions-apply.yml,
   * the stack plan as a workflow that synthesizes `appFile` (default: the script being run) and
   * applies the stacks in order. The aifactory command calls it after its checks; it runs no
   * checks itself.
   */
  synthesizeDesign(
    evaluation: Evaluation,
    files: readonly OutputFile[] = [],
    gitops: { readonly dir: string; readonly repoPath: string } = this.defaultGitops(),
    appFile: string | undefined = process.argv[1],
  ): StackPlan {
    const late: (() => void)[] = [];
    for (const c of this.node.findAll()) {
      if (!isMaterializable(c)) continue;
      const step = c[MATERIALIZE](evaluation);
      if (step) late.push(step);
    }
    for (const step of late) step();
    makeTerraformTextLiteral(this);
    super.synth();
    const platform = deliveredPlatform(evaluation.design, evaluation.analysis);
    writeGitops(gitops.dir, platform, { repoPath: gitops.repoPath });
    for (const f of [...nodeLabelFiles(platform), ...files])
      writeFile(path.join(this.outdir, f.path), f.text);
    writeFile(path.join(this.outdir, 'reports', 'findings.json'), findingsJson(evaluation));
    for (const f of operationsFiles(evaluation)) writeFile(path.join(this.outdir, f.path), f.text);
    const plan = readStackPlan(this.outdir, this.maxResourcesPerStack);
    writeFile(path.join(this.outdir, 'reports', 'stacks.json'), JSON.stringify(plan, null, 2) + '\n');
    const app = appFile && path.relative(process.cwd(), appFile).split(path.sep).join('/');
    writeFile(path.join(this.outdir, 'ci', 'github-actions-apply.yml'), githubApplyWorkflow(plan, { app }));
    return plan;
  }

  /** The GitOps tree beside the outdir: `gitops` next to `cdktf.out`. */
  private defaultGitops(): { dir: string; repoPath: string } {
    const dir = path.join(path.dirname(this.outdir), 'gitops');
    return { dir, repoPath: gitopsRepoPath(dir) };
  }
}
