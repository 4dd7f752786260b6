import * as fs from 'fs';
import * as path from 'path';
import { capture, CapturedApp } from '../src/capture';
import { cdktfJsonApp } from './cdktf-json';
import { PACKAGE_ROOT } from './package-info';
import { UsageError } from './usage-error';
import { isTypeScript, registerTypeScript } from './typescript';
import { loadRules } from './load-rules';
import { addRules } from '../src/policy/registry';

export { UsageError };

/**
 * The default example (the Essonne site), run with `--example`, or without APP in this
 * repository (its cdktf.json names it). Its source in a checkout, compiled in the package.
 */
export const DEFAULT_APP =
  [
    path.join(PACKAGE_ROOT, 'examples', 'default', 'main.ts'),
    path.join(PACKAGE_ROOT, 'dist', 'examples', 'default', 'main.js'),
  ].find((f) => fs.existsSync(f)) ?? path.join(PACKAGE_ROOT, 'examples', 'default', 'main.ts');

/**
 * Resolves APP: a file, or a directory holding `main.ts` (or `main.js`). Without APP, the
 * app file of `cdktf.json` in the current directory (as `cdktf synth` would run it), or
 * the default example when `example` is set.
 */
export function resolveApp(app: string | undefined, example = false): string {
  if (app !== undefined && example) throw new UsageError(`give either APP (${app}) or --example, not both`);
  if (example) return DEFAULT_APP;
  if (app === undefined) {
    const fromCdktfJson = cdktfJsonApp(process.cwd());
    if (fromCdktfJson) return fromCdktfJson;
    throw new UsageError(
      `no APP given and no cdktf.json in ${process.cwd()}: pass an app file, or --example for the built-in example`,
    );
  }
  const p = path.resolve(app);
  if (!fs.existsSync(p)) throw new UsageError(`APP not found: ${app}`);
  const st = fs.statSync(p);
  if (st.isDirectory()) {
    for (const main of ['main.ts', 'main.js']) {
      const f = path.join(p, main);
      if (fs.existsSync(f)) return f;
    }
    throw new UsageError(`APP directory ${app} has no main.ts or main.js`);
  }
  // A FIFO, socket or device would block the loader or feed it endless bytes.
  if (!st.isFile()) throw new UsageError(`APP ${app} is not a regular file`);
  return p;
}

/**
 * Runs an app file with a capture active, so its `AiFactoryApp` writes into `outdir` and
 * leaves synthesis to the command. The file runs fresh each time (not from the module cache).
 * The user rules of `ruleFiles` (`--rules`) are registered on the app, after those it registers itself.
 */
export function loadApp(file: string, outdir: string, ruleFiles: readonly string[] = []): CapturedApp {
  const rel = path.relative(process.cwd(), file) || file;
  if (isTypeScript(file) || ruleFiles.some(isTypeScript)) registerTypeScript();
  const apps = capture(outdir, () => {
    delete require.cache[file];
    try {
      // Loading the user's app file is what this function is for.
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      require(file);
    } catch (e) {
      throw new AppError(rel, e);
    }
  });
  if (apps.length === 0) {
    throw new UsageError(
      `${rel}: the app creates no AiFactoryApp (new AiFactoryApp() from 'aifactory/stacks')`,
    );
  }
  if (apps.length > 1)
    throw new UsageError(`${rel}: the app creates ${apps.length} AiFactoryApps; expected one`);
  addRules(apps[0], loadRules(ruleFiles));
  return apps[0];
}

/** An error thrown while running the app file; the message names the file. */
export class AppError extends Error {
  constructor(
    readonly file: string,
    override readonly cause: unknown,
  ) {
    // One line: compilers (esbuild, tsc) report a syntax error over several lines.
    // Node's "Cannot find module" lists the require stack (internal paths) after it: dropped.
    const text = (cause instanceof Error ? cause.message : String(cause)).replace(
      /\nRequire stack:[\s\S]*$/,
      '',
    );
    // The package itself not found from the app's folder: Node resolves it from there, not from the bin.
    const hint = /^Cannot find module '(?:aifactory|cdktf|constructs)(?:\/[^']*)?'/.test(text)
      ? ` (Node looks for it from the app file's folder up: install it in a node_modules there or above, or set NODE_PATH to yours)`
      : '';
    super(
      `${file}: ${text
        .trim()
        .split(/\s*\n\s*/)
        .join(' ')}${hint}`,
    );
    this.name = 'AppError';
    if (cause instanceof Error && cause.stack) this.stack = `${this.name}: ${this.message}\n${cause.stack}`;
  }
}
