import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import { evaluate, Evaluation } from '../src/evaluate';
import { ContingencyLevel } from '../src/model/records';
import { checkOutDir, outputTarget, StagedDir } from '../src/output/atomic-dir';
import { findingsJson, reportText } from '../src/output/report';
import { hasErrors } from '../src/policy/engine';
import { stackPlanText } from '../src/output/stack-plan';
import { deployOrderText } from '../src/deploy/deploy-order';
import { loadApp, resolveApp, UsageError } from './load-app';
import { progressFor } from './progress';
import { VERSION } from './package-info';
import { guardExit, oneLine } from './exit-guard';
import { writeReportFile } from './report-file';
import { gitopsRepoPath, hasGitops } from '../src/output/gitops';

export interface Io {
  stdout(text: string): void;
  stderr(text: string): void;
}

const processIo: Io = {
  stdout: (t) => process.stdout.write(t),
  stderr: (t) => process.stderr.write(t),
};

const APP_HELP = "app file, or a directory with main.ts (default: cdktf.json's app in the current directory)";
const EXAMPLE_HELP = 'use the built-in default example (the Essonne site) as APP';
const RULES_HELP = 'a module exporting user rules or packs (repeatable)';
/** A number option: the whole text must be a finite number (`44abc` and `abc` are refused as typed). */
const numberOption = (value: string): number => {
  const n = Number(value);
  if (value.trim() === '' || !Number.isFinite(n))
    throw new InvalidArgumentError(`'${value}' is not a number.`);
  return n;
};
/** The options every command that loads an app shares (plan takes --verbose only). */
const exampleOption = () => new Option('--example', EXAMPLE_HELP);
const rulesOption = () => new Option('--rules <FILE>', RULES_HELP).argParser(collect);
const verboseOption = () => new Option('--verbose', 'print stack traces');
const collect = (value: string, previous: string[] | undefined): string[] => [...(previous ?? []), value];

/** Which app a command checks: APP, `--example`, or cdktf.json's app; plus `--rules` files. */
interface AppSource {
  readonly app: string | undefined;
  readonly example?: boolean;
  readonly rules?: readonly string[];
}

type CheckFormat = 'text' | 'json' | 'sarif' | 'junit';

/** Exit codes (DESIGN §5). */
export const EXIT_OK = 0;
export const EXIT_FINDINGS = 1;
export const EXIT_USAGE = 2;

/**
 * The `aifactory` command. Returns the exit code: 0 no error findings, 1 error findings,
 * 2 bad input or usage (one line on stderr; the stack trace only with --verbose).
 */
export async function run(argv: readonly string[], io: Io = processIo): Promise<number> {
  let code = EXIT_OK;
  let verbose = argv.includes('--verbose');
  const program = new Command('aifactory')
    .description('Typed infrastructure as code for AI factories: synthesize and check a design.')
    .version(VERSION, '-V, --version', 'print the version')
    .exitOverride()
    .configureOutput({
      writeOut: io.stdout,
      writeErr: io.stderr,
      outputError: (s, write) => write(`aifactory: ${s.replace(/^error: /, '')}`),
    })
    .showHelpAfterError(false);

  program
    .command('synth')
    .description('check the design, then write Terraform JSON and reports to DIR (nothing on error findings)')
    .argument('[APP]', APP_HELP)
    .option('-o, --out <DIR>', 'output directory', 'cdktf.out')
    .option(
      '--gitops-out <DIR>',
      'GitOps tree to commit (charts, Argo CD, Flux) (default: gitops beside --out)',
    )
    .addOption(exampleOption())
    .addOption(rulesOption())
    .addOption(verboseOption())
    .action(
      (
        app: string | undefined,
        opts: { out: string; gitopsOut?: string; example?: boolean; rules?: string[]; verbose?: boolean },
      ) => {
        verbose = !!opts.verbose;
        const gitopsOut = opts.gitopsOut ?? path.join(path.dirname(opts.out), 'gitops');
        code = synth({ app, ...opts }, opts.out, io, gitopsOut);
      },
    );

  program
    .command('check')
    .description('run the policy checks only; write nothing but the report')
    .argument('[APP]', APP_HELP)
    .addOption(
      new Option('-f, --format <FORMAT>', 'report format')
        .choices(['text', 'json', 'sarif', 'junit'])
        .default('text'),
    )
    .option('--output <FILE>', 'write the report to FILE instead of stdout')
    .addOption(exampleOption())
    .addOption(rulesOption())
    .addOption(
      new Option(
        '--contingency <LEVEL>',
        "contingency level for every site: 'maintenance' adds one component in maintenance plus any single failure (PWR-014)",
      ).choices(['n-1', 'maintenance']),
    )
    .addOption(verboseOption())
    .action(
      (
        app: string | undefined,
        opts: {
          format: CheckFormat;
          output?: string;
          example?: boolean;
          rules?: string[];
          contingency?: ContingencyLevel;
          verbose?: boolean;
        },
      ) => {
        verbose = !!opts.verbose;
        code = check({ app, ...opts }, opts.format, opts.output, io, opts.contingency);
      },
    );

  program
    .command('plan')
    .description('the largest rack and GPU count of a blueprint that passes every check on a grid connection')
    .requiredOption(
      '-b, --blueprint <ID>',
      'blueprint id (gb200-nvl72, gb300-nvl72, vera-rubin-nvl72, dgx-b300, hypothetical-800vdc)',
    )
    .requiredOption('--grid-mw <N>', 'grid connection, MW', numberOption)
    .option(
      '--pue <X>',
      'declared PUE (facility = IT x PUE) instead of the blueprint cooling plant',
      numberOption,
    )
    .addOption(new Option('-f, --format <FORMAT>', 'output format').choices(['text', 'json']).default('text'))
    .addOption(verboseOption())
    .action(
      (opts: {
        blueprint: string;
        gridMw: number;
        pue?: number;
        format: 'text' | 'json';
        verbose?: boolean;
      }) => {
        verbose = !!opts.verbose;
        const { plan, planText } = planModule();
        const result = plan({ blueprint: opts.blueprint, gridMw: opts.gridMw, pue: opts.pue });
        io.stdout(opts.format === 'json' ? JSON.stringify(result, null, 2) + '\n' : planText(result));
        code = EXIT_OK;
      },
    );

  program
    .command('report')
    .description(
      'write the HTML report (one-line diagram, N-1 worst cases, capacity charts, findings), even with error findings',
    )
    .argument('[APP]', APP_HELP)
    .option('-o, --out <FILE>', 'HTML file to write', 'aifactory-report.html')
    .option('--summary <FILE>', 'also write the Markdown summary (for a pull-request comment)')
    .addOption(exampleOption())
    .addOption(rulesOption())
    .addOption(verboseOption())
    .action(
      (
        app: string | undefined,
        opts: { out: string; summary?: string; example?: boolean; rules?: string[]; verbose?: boolean },
      ) => {
        verbose = !!opts.verbose;
        code = report({ app, ...opts }, opts.out, opts.summary, io);
      },
    );

  try {
    await program.parseAsync(argv as string[], { from: 'user' });
    return code;
  } catch (e) {
    if (e instanceof CommanderError) {
      return e.exitCode === 0 ? EXIT_OK : EXIT_USAGE;
    }
    io.stderr(`aifactory: ${oneLine(e instanceof Error ? e.message : String(e))}\n`);
    if (verbose && e instanceof Error && e.stack) io.stderr(e.stack + '\n');
    return EXIT_USAGE;
  }
}

function synth(source: AppSource, out: string, io: Io, gitopsOut: string): number {
  const file = resolveApp(source.app, source.example);
  checkOutDir(out, file);
  // Where they really are: a link in a parent must not put one inside the other.
  const [o, g] = [outputTarget(out), outputTarget(gitopsOut)];
  const within = (a: string, b: string) => a === b || a.startsWith(b + path.sep);
  if (within(o, g) || within(g, o)) {
    throw new UsageError(
      `--gitops-out ${gitopsOut}: must lie apart from --out ${out} (neither inside the other)`,
    );
  }
  const staged = StagedDir.open(out, file);
  for (const line of staged.repaired) io.stderr(`aifactory: ${out}: ${line}\n`);
  // The GitOps tree is opened (checked, locked, repaired) only for a design that delivers by GitOps.
  let gitops: StagedDir | undefined;
  const discard = () => {
    staged.discard();
    gitops?.discard();
  };
  const progress = progressFor(process.stderr, 4);
  try {
    progress.phase('load app', path.relative(process.cwd(), file));
    const captured = loadApp(file, staged.staging, source.rules);
    progress.phase('model, analysis and checks');
    const { evaluation, plan } = runDesignModule().runDesign(captured, {
      errorFindings: 'throw',
      gitops: (e) => {
        if (hasGitops(e.design.platform)) {
          gitops = StagedDir.open(gitopsOut, file, '--gitops-out');
          for (const line of gitops.repaired) io.stderr(`aifactory: ${gitopsOut}: ${line}\n`);
        }
        // Without GitOps nothing is written there: a folder that does not exist.
        return {
          dir: gitops?.staging ?? path.join(staged.staging, 'no-gitops'),
          repoPath: gitopsRepoPath(gitopsOut),
        };
      },
      appFile: file,
      progress,
    });
    progress.phase('write', out);
    staged.commit();
    gitops?.commit();
    progress.done();
    io.stdout(reportText(evaluation) + stackPlanText(plan));
    io.stdout(`wrote ${out}${gitops ? ` and ${gitopsOut}` : ''}\n`);
    return EXIT_OK;
  } catch (e) {
    progress.done();
    discard();
    if (!(e instanceof runDesignModule().DesignRejected)) throw e;
    const gate = e.gate;
    if (gate.kind === 'error-findings') {
      io.stdout(reportText(e.evaluation));
      io.stderr(`aifactory: error findings: nothing written, ${out} left as it was\n`);
    } else if (gate.kind === 'oversized-stacks') {
      for (const line of gate.lines) io.stderr(`aifactory: ${line}\n`);
      io.stderr(`aifactory: nothing written, ${out} left as it was\n`);
    } else {
      io.stdout(deployOrderText(gate.findings));
      io.stderr(`aifactory: the output would not apply in order: nothing written, ${out} left as it was\n`);
    }
    return EXIT_FINDINGS;
  }
}

// Heavier modules (the HTML report, blueprints, SARIF and JUnit builders) load only for the
// commands that use them, so `check` and usage errors answer fast.
/* eslint-disable @typescript-eslint/no-require-imports */
const reportHtml = (e: Evaluation): string =>
  (require('../src/report/html') as typeof import('../src/report/html')).reportHtml(e);
const summaryMarkdown = (e: Evaluation): string =>
  (require('../src/report/summary-md') as typeof import('../src/report/summary-md')).summaryMarkdown(e);
const planModule = () => require('./plan') as typeof import('./plan');
const runDesignModule = () => require('../stacks/run-design') as typeof import('../stacks/run-design');
const findingsSarif = (...a: Parameters<typeof import('../src/output/sarif').findingsSarif>) =>
  (require('../src/output/sarif') as typeof import('../src/output/sarif')).findingsSarif(...a);
const findingsJunit = (...a: Parameters<typeof import('../src/output/junit').findingsJunit>) =>
  (require('../src/output/junit') as typeof import('../src/output/junit')).findingsJunit(...a);
/* eslint-enable @typescript-eslint/no-require-imports */

/**
 * Runs `fn` with a throwaway directory (the cdktf App creates its outdir when constructed), removed
 * afterwards, also when the app ends the process itself (process.exit, a late throw).
 */
function withScratch<T>(prefix: string, fn: (dir: string) => T): T {
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  const remove = () => fs.rmSync(scratch, { recursive: true, force: true });
  process.on('exit', remove);
  try {
    return fn(scratch);
  } finally {
    process.removeListener('exit', remove);
    remove();
  }
}

/** `aifactory report`: the HTML report alone (and optionally the Markdown summary), even with error findings. */
function report(source: AppSource, out: string, summary: string | undefined, io: Io): number {
  const file = resolveApp(source.app, source.example);
  const evaluation = withScratch('aifactory-report-', (scratch) =>
    evaluate(loadApp(file, path.join(scratch, 'out'), source.rules)),
  );
  const html = reportHtml(evaluation);
  writeReportFile('--out', out, html);
  if (summary) writeReportFile('--summary', summary, summaryMarkdown(evaluation));
  io.stdout(`wrote ${out}${summary ? ` and ${summary}` : ''}\n`);
  return hasErrors(evaluation.findings) ? EXIT_FINDINGS : EXIT_OK;
}

function check(
  source: AppSource,
  format: CheckFormat,
  output: string | undefined,
  io: Io,
  contingencyLevel?: ContingencyLevel,
): number {
  const file = resolveApp(source.app, source.example);
  const progress = progressFor(process.stderr, 2);
  let evaluation: Evaluation;
  try {
    evaluation = withScratch('aifactory-check-', (scratch) => {
      progress.phase('load app', path.relative(process.cwd(), file));
      const captured = loadApp(file, path.join(scratch, 'out'), source.rules);
      progress.phase('model, analysis and checks');
      return evaluate(captured, undefined, contingencyLevel ? { contingencyLevel } : {});
    });
  } finally {
    progress.done();
  }
  const report = {
    text: () => reportText(evaluation),
    json: () => findingsJson(evaluation),
    sarif: () =>
      findingsSarif(evaluation, evaluation.rules, path.relative(process.cwd(), file) || file, VERSION),
    junit: () => findingsJunit(evaluation, evaluation.rules),
  }[format]();
  if (output) {
    writeReportFile('--output', output, report);
  } else {
    io.stdout(report);
  }
  return hasErrors(evaluation.findings) ? EXIT_FINDINGS : EXIT_OK;
}

if (require.main === module) {
  const guard = guardExit((t) => process.stderr.write(t));
  void run(process.argv.slice(2)).then((code) => guard.finish(code));
}
