/**
 * `npm run bench` (second part): end-to-end `aifactory synth` of the default example, the
 * 44 MW example and the 1.4 GW campus, each in its own process: wall time and peak memory,
 * resources and stacks; and two baselines on the same output, also in their own processes:
 * plain cdktf synthesizing the same blocks without this library's model and checks, and
 * JSON.stringify of the same cdk.tf.json content (the floor). `--write` updates
 * docs/benchmarks.md.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { ROOT as root, timed, TS } from './timed';

const examples = ['default', 'essonne-44mw', 'campus-1-4gw'];

const rows = examples.map((example) => {
  const out = fs.mkdtempSync(path.join(os.tmpdir(), `aifactory-bench-${example}-`));
  try {
    const synth = timed([
      path.join(root, 'bin', 'aifactory.js'),
      'synth',
      `examples/${example}`,
      '--out',
      out,
    ]);
    const plan = JSON.parse(fs.readFileSync(path.join(out, 'reports', 'stacks.json'), 'utf8')) as {
      stacks: { resources: number }[];
    };
    const plain = timed([...TS, path.join(__dirname, 'plain-cdktf.ts'), out]);
    const floor = JSON.parse(timed([...TS, path.join(__dirname, 'stringify.ts'), out]).stdout) as {
      ms: number;
      bytes: number;
    };
    const files = (dir: string): number =>
      fs
        .readdirSync(dir, { withFileTypes: true })
        .reduce((n, e) => n + (e.isDirectory() ? files(path.join(dir, e.name)) : 1), 0);
    return {
      example,
      synth,
      plain,
      floor,
      resources: plan.stacks.reduce((n, s) => n + s.resources, 0),
      stacks: plan.stacks.length,
      files: files(out),
    };
  } finally {
    fs.rmSync(out, { recursive: true, force: true });
  }
});

const f = (x: number, d = 0) =>
  x.toLocaleString('en-US', { maximumFractionDigits: d, minimumFractionDigits: d });
const lines = [
  '| example | resources | stacks | files | `aifactory synth` CPU | wall | peak RSS | plain cdktf, same blocks: CPU | peak RSS | ratio (CPU) | JSON.stringify floor |',
  '|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
  ...rows.map(
    (r) =>
      `| ${r.example} | ${f(r.resources)} | ${r.stacks} | ${f(r.files)} | ${f(r.synth.cpuMs / 1000, 2)} s | ${f(r.synth.wallMs / 1000, 2)} s | ${f(r.synth.peakRssMb)} MB | ${f(r.plain.cpuMs / 1000, 2)} s | ${f(r.plain.peakRssMb)} MB | x${f(r.synth.cpuMs / r.plain.cpuMs, 2)} | ${f(r.floor.ms)} ms (${f(r.floor.bytes / 1e6, 1)} MB) |`,
  ),
  '',
  'CPU (user + system) and peak RSS are those of the process that does the work, on both sides (TypeScript loaded in that process with `-r tsx/cjs`, included).',
];
const table = lines.join('\n') + '\n';
process.stdout.write(table);

if (process.argv.includes('--write')) {
  const doc = path.join(root, 'docs', 'benchmarks.md');
  const text = fs.readFileSync(doc, 'utf8');
  const begin = '<!-- bench:synth:begin -->';
  const end = '<!-- bench:synth:end -->';
  const i = text.indexOf(begin);
  const j = text.indexOf(end);
  if (i < 0 || j < 0) throw new Error(`${doc}: markers ${begin} / ${end} not found`);
  fs.writeFileSync(doc, text.slice(0, i + begin.length) + '\n' + table + text.slice(j));
  process.stdout.write(`updated ${path.relative(root, doc)}\n`);
}
