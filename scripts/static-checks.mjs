// package.json's "typecheck" and "lint" (ESLint, then Prettier's check) at the same time: one after
// the other they took about 20 s of wall time on a 2-core machine, mostly one core each. The
// commands are read from those two scripts ("lint" split at its `&&`), so they stay the ones
// `npm run typecheck` and `npm run lint` run. Each command's output is printed whole when it
// ends, under the command, so outputs never interleave; the exit code is 1 if any of them failed.
// Usage: node scripts/static-checks.mjs (`npm test` runs it before jest).
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { delimiter, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const { scripts } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const checks = [scripts.typecheck, ...scripts.lint.split(' && ')].map((c) => c.trim());
// As under `npm run`: the local binaries first.
const env = { ...process.env, PATH: [join(root, 'node_modules', '.bin'), process.env.PATH].join(delimiter) };

function run(command) {
  const started = Date.now();
  return new Promise((resolve) => {
    const child = spawn(command, { cwd: root, env, shell: true, stdio: ['ignore', 'pipe', 'pipe'] });
    const chunks = [];
    child.stdout.on('data', (c) => chunks.push(c));
    child.stderr.on('data', (c) => chunks.push(c));
    let ended = false;
    const done = (code, error) => {
      if (ended) return;
      ended = true;
      const seconds = ((Date.now() - started) / 1000).toFixed(1);
      const output = Buffer.concat(chunks).toString('utf8').trimEnd();
      const status =
        code === 0 ? 'ok' : error ? `failed to start: ${error.message}` : `FAILED (exit ${code})`;
      process.stdout.write(`> ${command}: ${status}, ${seconds} s\n`);
      if (output) process.stdout.write(`${output}\n`);
      resolve(code === 0);
    };
    child.on('error', (e) => done(null, e));
    child.on('close', (code, signal) => done(code ?? (signal ? 128 : 1)));
  });
}

const results = await Promise.all(checks.map(run));
const failed = checks.filter((_, i) => !results[i]);
if (failed.length > 0) {
  process.stdout.write(`static checks failed: ${failed.join('; ')}\n`);
  process.exit(1);
}
