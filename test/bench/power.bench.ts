/**
 * `npm run bench`: builds and checks 100, 1,000 and 10,000 GB200 NVL72 racks on the default
 * example's full 2N power train, each size in its own process, and prints wall time and
 * peak memory: the phases in-process (tree, model, load flow + N-1, rules), then the whole
 * `aifactory check` command as a user runs it. `--write` also updates docs/benchmarks.md.
 */
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { ROOT as root, timed } from './timed';

const sizes = [100, 1_000, 10_000];

interface Phases {
  racks: number;
  nodes: number;
  cases: number;
  errors: number;
  buildTreeMs: number;
  modelMs: number;
  analysisMs: number;
  rulesMs: number;
  checkAfterTreeMs: number;
  peakRssMb: number;
}

const tsx = path.join(root, 'node_modules', 'tsx', 'dist', 'cli.mjs');
const phases: Phases[] = sizes.map((n) =>
  JSON.parse(
    execFileSync(process.execPath, [tsx, path.join(__dirname, 'phases.ts'), String(n)], {
      cwd: root,
    }).toString(),
  ),
);

const aifactory = path.join(root, 'bin', 'aifactory.js');
const command = sizes.map((n) => ({
  racks: n,
  ...timed([aifactory, 'check', path.join(__dirname, 'campus.ts'), '--format', 'json'], {
    ...process.env,
    BENCH_RACKS: String(n),
  }),
}));

// The 1.4 GW campus example (examples/campus-1-4gw): the whole check command.
const campus = (() => {
  const t = timed([aifactory, 'check', 'examples/campus-1-4gw', '--format', 'json']);
  const summary = JSON.parse(t.stdout).summary;
  return { ...t, racks: summary.racks as number, facilityMw: summary.facilityLoadKw / 1000 };
})();

const f = (x: number, d = 0) =>
  x.toLocaleString('en-US', { maximumFractionDigits: d, minimumFractionDigits: d });
const lines = [
  `Machine: ${os.cpus().length} cores (${os.cpus()[0]?.model.trim()}), ${f(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}.`,
  '',
  '| racks | power nodes | N-1 cases | build tree | model | load flow + N-1 | rules | check after tree | peak RSS (phases) | `aifactory check` wall | peak RSS (check) |',
  '|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
  ...phases.map((p, i) => {
    const c = command[i];
    return `| ${f(p.racks)} | ${f(p.nodes)} | ${f(p.cases)} | ${f(p.buildTreeMs)} ms | ${f(p.modelMs)} ms | ${f(p.analysisMs)} ms | ${f(p.rulesMs)} ms | ${f(p.checkAfterTreeMs)} ms | ${f(p.peakRssMb)} MB | ${f(c.wallMs)} ms | ${f(c.peakRssMb)} MB |`;
  }),
  '',
  `Growth of "check after tree" from 1,000 to 10,000 racks: x${f(phases[2].checkAfterTreeMs / phases[1].checkAfterTreeMs, 1)} for x10 racks.`,
  `Error findings: ${phases.map((p) => p.errors).join(', ')} (every size passes every check).`,
  '',
  `1.4 GW campus example (examples/campus-1-4gw: ${f(campus.racks)} racks, ${f(campus.facilityMw)} MW facility), whole \`aifactory check\`: ${f(campus.wallMs)} ms wall, ${f(campus.peakRssMb)} MB peak RSS.`,
];
const table = lines.join('\n') + '\n';
process.stdout.write(table);

if (process.argv.includes('--write')) {
  const doc = path.join(root, 'docs', 'benchmarks.md');
  const text = fs.readFileSync(doc, 'utf8');
  const begin = '<!-- bench:power:begin -->';
  const end = '<!-- bench:power:end -->';
  const i = text.indexOf(begin);
  const j = text.indexOf(end);
  if (i < 0 || j < 0) throw new Error(`${doc}: markers ${begin} / ${end} not found`);
  fs.writeFileSync(doc, text.slice(0, i + begin.length) + '\n' + table + text.slice(j));
  process.stdout.write(`updated ${path.relative(root, doc)}\n`);
}
