import { IConstruct } from 'constructs';
import { Evaluation } from './evaluate';
import { OutputFile } from './output/gitops';
import { StackPlan } from './output/stack-plan';

/**
 * How the `aifactory` command takes over an app file's synthesis: while a capture is
 * active, every `AiFactoryApp` constructed registers here and writes into the capture's
 * staging directory, and its `synth()` defers to the command, which checks first and
 * synthesizes only a design without error findings. The key is global (Symbol.for) so an
 * app that loads its own copy of the library is captured too.
 */
const KEY = Symbol.for('aifactory.capture');

export interface CapturedApp extends IConstruct {
  /** Writes the whole output of a checked design: to the app's outdir (cdktf, reports) and to the GitOps tree `gitops.dir`. */
  synthesizeDesign(
    evaluation: Evaluation,
    files?: readonly OutputFile[],
    gitops?: { readonly dir: string; readonly repoPath: string },
    appFile?: string,
  ): StackPlan;
  readonly outdir: string;
}

export interface Capture {
  readonly outdir: string;
  readonly apps: CapturedApp[];
}

type Holder = { [KEY]?: Capture };

export function activeCapture(): Capture | undefined {
  return (globalThis as Holder)[KEY];
}

/** Runs `fn` with a capture active, and returns the apps it constructed. */
export function capture(outdir: string, fn: () => void): CapturedApp[] {
  const holder = globalThis as Holder;
  const previous = holder[KEY];
  const c: Capture = { outdir, apps: [] };
  holder[KEY] = c;
  try {
    fn();
  } finally {
    holder[KEY] = previous;
  }
  return c.apps;
}
