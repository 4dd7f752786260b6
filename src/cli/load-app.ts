import * as fs from 'fs';
import * as path from 'path';
import { capture, CapturedApp } from '../capture';

/** A problem with the command line or its inputs: exit code 2, one line. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

/** The default example, synthesized when no APP is given. */
export const DEFAULT_APP = path.resolve(__dirname, '../../examples/default/main.ts');

/** Resolves APP: a file, or a directory holding `main.ts` (or `main.js`). */
export function resolveApp(app: string | undefined): string {
  if (app === undefined) return DEFAULT_APP;
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
 */
export function loadApp(file: string, outdir: string): CapturedApp {
  const rel = path.relative(process.cwd(), file) || file;
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
  return apps[0];
}

/** An error thrown while running the app file; the message names the file. */
export class AppError extends Error {
  constructor(
    readonly file: string,
    override readonly cause: unknown,
  ) {
    // One line: compilers (esbuild, tsc) report a syntax error over several lines.
    const text = cause instanceof Error ? cause.message : String(cause);
    super(
      `${file}: ${text
        .trim()
        .split(/\s*\n\s*/)
        .join(' ')}`,
    );
    this.name = 'AppError';
    if (cause instanceof Error && cause.stack) this.stack = `${this.name}: ${this.message}\n${cause.stack}`;
  }
}
