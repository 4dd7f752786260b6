/**
 * A problem in the user's design that is known at construction or model-build time.
 * The message always starts with the construct path (or file / flag) it concerns, so a
 * pipeline log points at the line to fix. The CLI prints it as one line with exit code 2.
 */
export class DesignError extends Error {
  public readonly path: string;

  constructor(path: string, problem: string) {
    // One line whatever the user typed: a line break in an id or a value it quotes is shown escaped.
    super(escapeControl(`${path || '<app>'}: ${problem}`));
    this.name = 'DesignError';
    this.path = path;
  }
}

/** Text with its control characters (line breaks, tabs, NUL, ...) shown as JSON escapes. */
export function escapeControl(text: string): string {
  // eslint-disable-next-line no-control-regex -- control characters are what it replaces
  return text.replace(/[\u0000-\u001f\u007f]/g, (c) => JSON.stringify(c).slice(1, -1));
}
