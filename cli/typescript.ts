/** True for a file name `require` can load only with a TypeScript loader. */
export function isTypeScript(file: string): boolean {
  return /\.[mc]?tsx?$/.test(file);
}

/**
 * Lets `require` load a TypeScript app file through tsx. The compiled command needs it
 * for .ts apps only; from source (this repository, jest) .ts already loads.
 */
export function registerTypeScript(): void {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- node's loader table, to see whether .ts loads already
  const extensions = (require('module') as { _extensions: Record<string, unknown> })._extensions;
  if (extensions['.ts']) return;
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- tsx loads only when a .ts app needs it
  (require('tsx/cjs/api') as { register(): unknown }).register();
}
