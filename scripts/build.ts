/**
 * `npm run build` (and `prepack`): compiles the library to dist/ with declaration files,
 * then copies the upstream reference data the checks read at run time (src/upstream/**,
 * everything but TypeScript) and the HTML report's browser script (src/report/browser/*.js)
 * next to the compiled modules that read them.
 */
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';

const root = path.resolve(__dirname, '..');
const dist = path.join(root, 'dist');

fs.rmSync(dist, { recursive: true, force: true });
execFileSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', 'tsconfig.build.json'], {
  cwd: root,
  stdio: 'inherit',
});

let copied = 0;
function copyData(rel: string): void {
  const from = path.join(root, rel);
  for (const entry of fs.readdirSync(from, { withFileTypes: true })) {
    const child = path.join(rel, entry.name);
    if (entry.isDirectory()) copyData(child);
    else if (!/\.tsx?$/.test(entry.name)) {
      fs.mkdirSync(path.join(dist, rel), { recursive: true });
      fs.copyFileSync(path.join(root, child), path.join(dist, child));
      copied++;
    }
  }
}
copyData(path.join('src', 'upstream'));
// The HTML report's browser script, read at run time and inlined in the page.
copyData(path.join('src', 'report', 'browser'));
process.stdout.write(
  `built ${path.relative(process.cwd(), dist) || dist}: upstream data files copied: ${copied}\n`,
);
