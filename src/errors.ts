/**
 * A problem in the user's design that is known at construction or model-build time.
 * The message always starts with the construct path (or file / flag) it concerns, so a
 * pipeline log points at the line to fix. The CLI prints it as one line with exit code 2.
 */
export class DesignError extends Error {
  public readonly path: string;

  constructor(path: string, problem: string) {
    // A construct id may hold a line break (refused, but named in the refusal): shown escaped, one line.
    // eslint-disable-next-line no-control-regex -- control characters are what it replaces
    const shownPath = path.replace(/[\u0000-\u001f\u007f]/g, (c) => JSON.stringify(c).slice(1, -1));
    super(`${shownPath || '<app>'}: ${problem}`);
    this.name = 'DesignError';
    this.path = path;
  }
}
