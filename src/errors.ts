/**
 * A problem in the user's design that is known at construction or model-build time.
 * The message always starts with the construct path (or file / flag) it concerns, so a
 * pipeline log points at the line to fix. The CLI prints it as one line with exit code 2.
 */
export class DesignError extends Error {
  public readonly path: string;

  constructor(path: string, problem: string) {
    super(`${path || '<app>'}: ${problem}`);
    this.name = 'DesignError';
    this.path = path;
  }
}
