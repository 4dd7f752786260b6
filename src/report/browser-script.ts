import { readFileSync } from 'fs';
import * as path from 'path';

/** The header comment of `browser/report.js`, which the page does not carry. */
const HEADER = /^\/\*\*[\s\S]*?\*\/\n/;

let script: string | undefined;

/**
 * The report page's script: `browser/report.js`, a plain browser script linted by ESLint,
 * read once and inlined in the page (without its header comment). `npm run build` copies
 * it next to the compiled module (scripts/build.ts), so it ships in the package.
 */
export function browserScript(): string {
  script ??= readFileSync(path.join(__dirname, 'browser', 'report.js'), 'utf8').replace(HEADER, '');
  return script;
}
