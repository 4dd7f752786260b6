import * as path from 'path';
import { App, AppConfig } from 'cdktf';
import { activeCapture } from '../src/capture';
import { eachNodeLabelFile, hasGitops, OutputFile, writeGitops } from '../src/output/gitops';
import { readStackPlan, StackPlan, stackPlanText } from '../src/output/stack-plan';
import { DEFAULT_MAX_RESOURCES_PER_STACK, MAX_RESOURCES_CONTEXT } from '../constructs/stack-cap';
import { isMaterializable, MATERIALIZE } from '../src/synthesis';
import { makeTerraformTextLiteral } from './literal-text';
import { Evaluation } from '../src/evaluate';
import { writeFile, writeFiles, writeStamp } from '../src/output/atomic-dir';
import { findingsJson, reportText } from '../src/output/report';
import { addRules } from '../src/policy/registry';
import { Rule } from '../src/policy/rule';
import { deployOrderText } from '../src/deploy/deploy-order';
import { githubApplyWorkflow } from '../src/output/github-workflow';
import { eachOperationsFile } from '../src/output/operations';
import { deliveredPlatform } from '../src/operations/delivered-platform';
import { captureTokenStackTraces } from './token-stack-traces';
import { besideOutdir, DesignRejected, DesignRun, GitopsTarget, runDesign } from './run-design';

/**
 * The app of an aifactory design: a cdktf `App` whose `synth()` checks the design first.
 *
 * - Under the `aifactory` command (`synth`, `check`), the command drives: `synth` runs the
 *   same pipeline (`runDesign`) into a staging directory, committed only when every gate passed.
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

  /**
   * Run directly (`npx tsx main.ts`, `cdktf synth`): the one synth pipeline (`runDesign`), its
   * summary on stdout. Returns once everything is written: the cdktf output, the GitOps tree,
   * the reports (the HTML report included) and, last, the ownership stamp. Under the
   * `aifactory` command it does nothing: the command runs the pipeline after loading the app.
   */
  override synth(): void {
    if (activeCapture()) return; // the aifactory command synthesizes after its checks
    const stdout = (text: string) => process.stdout.write(text);
    let run: DesignRun;
    try {
      run = runDesign(this, {
        // Under `cdktf synth` error findings reach cdktf as annotations, which cdktf-cli fails on.
        errorFindings:
          process.env.CDKTF_CONTINUE_SYNTH_ON_ERROR_ANNOTATIONS === undefined ? 'throw' : 'annotate',
        annotate: true,
        onEvaluated: (e) => stdout(reportText(e)),
      });
    } catch (e) {
      if (e instanceof DesignRejected && e.gate.kind !== 'error-findings') {
        stdout(stackPlanText(e.gate.plan));
        if (e.gate.kind === 'deploy-order') process.stderr.write(deployOrderText(e.gate.findings));
      }
      throw e;
    }
    stdout(stackPlanText(run.plan));
    writeStamp(this.outdir);
  }

  /**
   * Writes everything a checked design produces: into the outdir the cdktf output
   * (manifest.json, stacks/), the node label files of GitOps-delivered clusters (node-labels/),
   * reports/findings.json, reports/stacks.json, reports/eed.json and the power rules
   * (reports/prometheus/); into `gitops` (default: `gitops` beside the outdir) the GitOps tree
   * users commit (charts, Argo CD and Flux objects per cluster); and ci/github-actions-apply.yml,
   * the stack plan as a workflow that synthesizes `appFile` (default: the script being run) and
   * applies the stacks in order. `runDesign` calls it after the checks; it runs no checks
   * itself.
   */
  synthesizeDesign(
    evaluation: Evaluation,
    files: readonly OutputFile[] = [],
    gitops: GitopsTarget = besideOutdir(this.outdir),
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
    // One file made and written at a time: the campus' node labels and rule files are 70 MB of text.
    writeFiles(this.outdir, eachNodeLabelFile(platform));
    writeFiles(this.outdir, files);
    writeFile(path.join(this.outdir, 'reports', 'findings.json'), findingsJson(evaluation));
    writeFiles(this.outdir, eachOperationsFile(evaluation));
    const plan = readStackPlan(this.outdir, this.maxResourcesPerStack);
    writeFile(path.join(this.outdir, 'reports', 'stacks.json'), JSON.stringify(plan, null, 2) + '\n');
    const app = appFile && path.relative(process.cwd(), appFile).split(path.sep).join('/');
    const gitopsOut = hasGitops(evaluation.design.platform) ? gitops.repoPath : undefined;
    writeFile(
      path.join(this.outdir, 'ci', 'github-actions-apply.yml'),
      githubApplyWorkflow(plan, { app, gitopsOut }),
    );
    return plan;
  }
}
