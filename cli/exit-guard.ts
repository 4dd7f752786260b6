/**
 * No silent pass: an app file runs inside the command's process, and could end that process
 * before the check completes (`process.exit(0)`, an exception thrown from a timer) or change
 * its exit code afterwards. While a command runs, `process.exit` and uncaught errors end the
 * process with exit code 2 and one line on stderr; once the command has its result, a late
 * `process.exit(n)` from the app exits with the command's code instead of `n`.
 */
export interface ExitGuard {
  /** The command finished with `code`: the process exits with it, whatever the app calls later. */
  finish(code: number): void;
  /** Puts `process.exit` and the error handlers back (for in-process callers such as tests). */
  restore(): void;
}

type Exit = (code?: number | string | null) => never;

export function guardExit(stderr: (text: string) => void): ExitGuard {
  const original: Exit = process.exit.bind(process) as Exit;
  let result: number | undefined;
  const fatal = (line: string): never => {
    stderr(`aifactory: ${line}\n`);
    process.exitCode = 2;
    return original(2);
  };
  const exit: Exit = (code) => {
    if (result !== undefined) return original(result);
    return fatal(
      `the app called process.exit(${code ?? ''}) before the check completed: nothing was checked, nothing written`,
    );
  };
  const uncaught = (e: unknown) =>
    fatal(`the app threw after it was loaded: ${oneLine(e instanceof Error ? e.message : String(e))}`);
  process.exit = exit;
  process.on('uncaughtException', uncaught);
  process.on('unhandledRejection', uncaught);
  return {
    finish(code) {
      result = code;
      process.exitCode = code;
    },
    restore() {
      if (process.exit === exit) process.exit = original;
      process.removeListener('uncaughtException', uncaught);
      process.removeListener('unhandledRejection', uncaught);
    },
  };
}

/**
 * Any message as one line: the lines of a multi-line message (cdktf's validation, a
 * compiler's syntax error) joined by spaces, other control characters shown escaped.
 */
export function oneLine(message: string): string {
  return (
    message
      .trim()
      .split(/\s*\r?\n\s*/)
      .join(' ')
      // eslint-disable-next-line no-control-regex -- control characters are what it looks for
      .replace(/[\u0000-\u001f\u007f]/g, (c) => JSON.stringify(c).slice(1, -1))
  );
}
