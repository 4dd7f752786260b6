import * as path from 'path';
import { CapturedApp } from '../src/capture';
import { DesignError } from '../src/errors';
import { evaluate, Evaluation } from '../src/evaluate';
import { hasErrors } from '../src/policy/engine';
import { Finding } from '../src/policy/rule';
import { deployOrderFindings } from '../src/deploy/deploy-order';
import { writeFile } from '../src/output/atomic-dir';
import { gitopsRepoPath, OutputFile } from '../src/output/gitops';
import { oversizedStacks, StackPlan } from '../src/output/stack-plan';
import { reportHtml } from '../src/report/html';
import { summaryMarkdown } from '../src/report/summary-md';
import { annotateFindings } from './annotations';

/** Where the GitOps tree users commit is written, and the path it has in their repository. */
export interface GitopsTarget {
  readonly dir: string;
  readonly repoPath: string;
}

/** Where a design run writes, and what its error findings do. */
export interface RunDesignOptions {
  /**
   * What unsuppressed error findings do:
   * - `'throw'`: nothing is synthesized; a {@link DesignRejected} carries the evaluation
   *   (the `aifactory` command, an app run directly with `npx tsx main.ts`).
   * - `'annotate'`: they reach cdktf as error annotations, which cdktf-cli prints and fails
   *   on, and the output is written (`cdktf synth`, which sets CDKTF_CONTINUE_SYNTH_ON_ERROR_ANNOTATIONS).
   */
  readonly errorFindings: 'throw' | 'annotate';
  /**
   * Attach every finding to its construct as a cdktf annotation (in manifest.json): errors
   * as errors, warnings as warnings, infos and suppressed findings as infos.
   * @default - true with `errorFindings: 'annotate'`, false otherwise
   */
  readonly annotate?: boolean;
  /**
   * The GitOps tree, asked for once the design passed its checks: the command opens (and
   * locks) that directory only for a design that delivers by GitOps.
   * @default - `gitops` beside the app's outdir
   */
  readonly gitops?: (evaluation: Evaluation) => GitopsTarget;
  /**
   * The app file the generated apply workflow synthesizes.
   * @default - the script being run (process.argv[1])
   */
  readonly appFile?: string;
  /**
   * Told the evaluation as soon as it is made, before any gate (a direct run prints its
   * summary there, so it shows also when synthesis fails).
   * @default - nothing
   */
  readonly onEvaluated?: (evaluation: Evaluation) => void;
  /**
   * Told each phase as it begins (the command's progress bar).
   * @default - nothing
   */
  readonly progress?: { phase(name: string, detail?: string): void };
}

/** A design that passed every gate and is written. */
export interface DesignRun {
  readonly evaluation: Evaluation;
  readonly plan: StackPlan;
}

/** Why a design run stopped before its output was complete. */
export type Gate =
  /** Unsuppressed error findings (with `errorFindings: 'throw'`): nothing was synthesized. */
  | { readonly kind: 'error-findings' }
  /** A stack above the resource cap: `lines` name each one. */
  | { readonly kind: 'oversized-stacks'; readonly plan: StackPlan; readonly lines: readonly string[] }
  /** The written output would not apply in order: the deploy-order pack's error findings. */
  | { readonly kind: 'deploy-order'; readonly plan: StackPlan; readonly findings: readonly Finding[] };

/**
 * A design stopped by one of the pipeline's gates. A `DesignError` (its name and message
 * are what a direct run has always printed); `gate` says which gate, `evaluation` what was
 * checked, so a caller reports it its own way.
 */
export class DesignRejected extends DesignError {
  declare readonly evaluation: Evaluation;
  declare readonly gate: Gate;

  constructor(evaluation: Evaluation, gate: Gate) {
    super('', problem(evaluation, gate));
    // Not enumerable: Node prints an uncaught error's own enumerable fields, and a direct run
    // that stops on error findings must print its message, not the whole design.
    Object.defineProperty(this, 'evaluation', { value: evaluation, enumerable: false });
    Object.defineProperty(this, 'gate', { value: gate, enumerable: false });
  }
}

function problem(evaluation: Evaluation, gate: Gate): string {
  switch (gate.kind) {
    case 'error-findings': {
      const errors = evaluation.findings.filter((f) => f.severity === 'error' && !f.suppressed).length;
      return `${errors} error finding(s): nothing synthesized`;
    }
    case 'oversized-stacks':
      return gate.lines.join('; ');
    case 'deploy-order':
      return 'the output would not apply in order (deploy-order findings above)';
  }
}

/**
 * The one synth pipeline: check -> gate -> write -> gate. Evaluates the app's design (model,
 * analysis, every rule), stops on error findings (or annotates them), writes the cdktf
 * output and everything a checked design produces (`synthesizeDesign`: Terraform JSON, GitOps
 * tree, reports, operations files, apply workflow) into the app's outdir, then stops on a
 * stack above its resource cap or an output that would not apply in order. The `aifactory`
 * command (into its staging directory), `AiFactoryApp.synth()` run directly and `cdktf synth`
 * all run it. Gates throw a {@link DesignRejected}; anything else thrown is a real error.
 *
 * The app may come from another copy of the library (an app with its own install): only its
 * `synthesizeDesign` and `outdir` are used.
 */
export function runDesign(app: CapturedApp, options: RunDesignOptions): DesignRun {
  const evaluation = evaluate(app);
  if (options.annotate ?? options.errorFindings === 'annotate') annotateFindings(app, evaluation.findings);
  options.onEvaluated?.(evaluation);
  if (hasErrors(evaluation.findings) && options.errorFindings === 'throw') {
    throw new DesignRejected(evaluation, { kind: 'error-findings' });
  }
  const gitops = options.gitops?.(evaluation) ?? besideOutdir(app.outdir);
  options.progress?.phase('synthesize', `${evaluation.summary.racks.toLocaleString('en-US')} racks`);
  const summary: OutputFile = { path: 'reports/summary.md', text: summaryMarkdown(evaluation) };
  const plan = app.synthesizeDesign(evaluation, [summary], gitops, options.appFile ?? process.argv[1]);
  const lines = oversizedStacks(plan);
  if (lines.length > 0) throw new DesignRejected(evaluation, { kind: 'oversized-stacks', plan, lines });
  // The deploy-order pack reads what was just written, as Terraform, Flux and Argo CD would.
  const order = deployOrderFindings(app.outdir, gitops.dir);
  if (hasErrors(order)) throw new DesignRejected(evaluation, { kind: 'deploy-order', plan, findings: order });
  writeFile(path.join(app.outdir, 'reports', 'index.html'), reportHtml(evaluation));
  return { evaluation, plan };
}

/** The GitOps tree beside the outdir: `gitops` next to `cdktf.out`. */
export function besideOutdir(outdir: string): GitopsTarget {
  const dir = path.join(path.dirname(outdir), 'gitops');
  return { dir, repoPath: gitopsRepoPath(dir) };
}
