/**
 * `npm run bench`: the performance figures of issue 18, printed and written to
 * docs/benchmarks.md (between `<!-- bench:begin -->` and `<!-- bench:end -->`). Every figure
 * is measured in a process of its own, on the process that does the work (`timed`: CPU user +
 * system and peak RSS from inside it, TypeScript loaded in it), `RUNS` times, min and median:
 *
 * 1. the 1.4 GW campus `aifactory synth`, compiled (the package's bin on dist/, the example
 *    transpiled beside it) and from the TypeScript sources, against plain cdktf synthesizing
 *    the same Terraform blocks with the same typed bindings (plain-cdktf.ts), the ratio, and
 *    the floor: serializing and writing the same output files (floor.ts);
 * 2. growth: the campus at 1/4, 1/2 and full size (campus-scaled.ts), the power check after
 *    the tree (model, load flow + N-1, rules; phases.ts) and the whole `aifactory check` at
 *    10,000, 20,000 and 40,000 racks, compiled (campus.ts as the JavaScript app a user of the
 *    package writes), and at 40,000 from the TypeScript sources;
 * 3. the default example's `synth` and `check` as users run them: compiled JavaScript
 *    (`npm run build`, then the `aifactory` bin of the package on dist/), and from the
 *    TypeScript sources (the bin in this checkout).
 *
 * Options: `--quick` one run each instead of three; `--no-build` keeps the dist/ there is;
 * `--no-write` leaves docs/benchmarks.md alone. About 6 minutes on an idle 2-core machine.
 */
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as ts from 'typescript';
import { ROOT as root, timed, Timed, TS } from './timed';

const RUNS = process.argv.includes('--quick') ? 1 : 3;
const bin = path.join(root, 'bin', 'aifactory.js');
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'aifactory-bench-'));
const log = (s: string) => process.stderr.write(`bench: ${s}\n`);

interface Stat {
  readonly min: number;
  readonly median: number;
}
const stat = (xs: number[]): Stat => {
  const s = [...xs].sort((a, b) => a - b);
  return { min: s[0], median: s[Math.floor(s.length / 2)] };
};
interface Runs {
  readonly cpuS: Stat;
  readonly rssMb: Stat;
  readonly wallS: Stat;
  readonly last: Timed;
}
/** `RUNS` measurements of one command; `cpuMs` overrides the process's CPU (a baseline that reports its own share). */
function runs(
  label: string,
  run: (i: number) => Timed,
  cpuMs?: (t: Timed) => number,
  rssMb?: (t: Timed) => number,
): Runs {
  const all: Timed[] = [];
  for (let i = 0; i < RUNS; i++) {
    log(`${label} (${i + 1}/${RUNS})`);
    all.push(run(i));
  }
  return {
    cpuS: stat(all.map((t) => (cpuMs ? cpuMs(t) : t.cpuMs) / 1000)),
    rssMb: stat(all.map((t) => (rssMb ? rssMb(t) : t.peakRssMb))),
    wallS: stat(all.map((t) => t.wallMs / 1000)),
    last: all[all.length - 1],
  };
}
const json = <T>(t: Timed) => JSON.parse(t.stdout) as T;
/** The environment of every measured run. */
const ENV: NodeJS.ProcessEnv = { ...process.env };

// The compiled package, as installed: `npm run build`, then the bin beside a copy of dist/, no
// TypeScript sources, so it runs the compiled library (the campus, the whole check and the default example).
if (!process.argv.includes('--no-build')) {
  log('npm run build');
  execFileSync('npm', ['run', 'build', '--silent'], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
}
const pkg = path.join(tmp, 'package');
fs.mkdirSync(path.join(pkg, 'bin'), { recursive: true });
fs.copyFileSync(bin, path.join(pkg, 'bin', 'aifactory.js'));
fs.copyFileSync(path.join(root, 'package.json'), path.join(pkg, 'package.json'));
fs.cpSync(path.join(root, 'dist'), path.join(pkg, 'dist'), { recursive: true }); // a copy: a link would resolve to this checkout, examples/*.ts included
fs.symlinkSync(path.join(root, 'node_modules'), path.join(pkg, 'node_modules'));
const compiledBin = path.join(pkg, 'bin', 'aifactory.js');
/**
 * The whole check's app as a user of the compiled package writes it: JavaScript requiring the
 * package's stacks and the Essonne site builder it ships (campus.ts, compiled by hand).
 */
const campusApp = path.join(tmp, 'campus-app.js');
fs.writeFileSync(
  campusApp,
  [
    `const { AiFactoryApp, PhysicalStack } = require(${JSON.stringify(path.join(pkg, 'dist', 'stacks'))});`,
    `const { buildEssonneSite } = require(${JSON.stringify(path.join(pkg, 'dist', 'examples', 'essonne-44mw', 'site'))});`,
    'const racks = Number(process.env.BENCH_RACKS);',
    'const app = new AiFactoryApp();',
    `buildEssonneSite(new PhysicalStack(app, 'campus'), { racks, gridConnectionMw: Math.ceil((racks * 132 * 1.3) / 1000 / 0.95), cooling: 'design-pue' });`,
    'app.synth();',
    '',
  ].join('\n'),
);

/**
 * The campus example compiled into the package beside the default example the package ships
 * (dist/examples/), each file transpiled as `npm run build` compiles the others: a user's
 * compiled app against the compiled library.
 */
const campusDir = path.join(pkg, 'dist', 'examples', 'campus-1-4gw');
fs.mkdirSync(campusDir, { recursive: true });
for (const file of fs
  .readdirSync(path.join(root, 'examples', 'campus-1-4gw'))
  .filter((f) => f.endsWith('.ts'))) {
  const source = fs.readFileSync(path.join(root, 'examples', 'campus-1-4gw', file), 'utf8');
  const { outputText } = ts.transpileModule(source, {
    compilerOptions: {
      module: ts.ModuleKind.CommonJS,
      target: ts.ScriptTarget.ES2022,
      esModuleInterop: true,
    },
  });
  fs.writeFileSync(path.join(campusDir, file.replace(/\.ts$/, '.js')), outputText);
}

// 1. The campus synth, its baseline and the floor.
const campusOut = (i: number) => path.join(tmp, `campus-${i}`, 'out');
const campus = runs('campus synth (compiled)', (i) =>
  timed([compiledBin, 'synth', path.join(campusDir, 'main.js'), '--out', campusOut(i)], ENV),
);
const campusSources = runs('campus synth (TypeScript sources)', (i) => {
  const dir = path.join(tmp, `campus-sources-${i}`);
  try {
    return timed([bin, 'synth', 'examples/campus-1-4gw', '--out', path.join(dir, 'out')], ENV);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
const out = campusOut(RUNS - 1);
const plan = JSON.parse(fs.readFileSync(path.join(out, 'reports', 'stacks.json'), 'utf8')) as {
  stacks: { resources: number }[];
};
const countFiles = (dir: string): number =>
  fs
    .readdirSync(dir, { withFileTypes: true })
    .reduce((n, e) => n + (e.isDirectory() ? countFiles(path.join(dir, e.name)) : 1), 0);
const campusFiles = countFiles(path.dirname(out));
interface Plain {
  typed: number;
  raw: number;
  blocks: number;
  differ: number;
  synthCpuMs: number;
  inputCpuMs: number;
  peakRssMb: number;
}
const plain = runs(
  'plain cdktf, same blocks',
  () => timed([...TS, path.join(__dirname, 'plain-cdktf.ts'), out]),
  (t) => json<Plain>(t).synthCpuMs,
  (t) => json<Plain>(t).peakRssMb,
);
const plainInfo = json<Plain>(plain.last);
if (plainInfo.differ > 0)
  throw new Error(`plain cdktf: ${plainInfo.differ} of ${plainInfo.blocks} blocks differ from aifactory's`);
interface Floor {
  files: number;
  bytes: number;
  cpuMs: number;
}
const floor = runs(
  'floor: serialize and write the same files',
  () => timed([...TS, path.join(__dirname, 'floor.ts'), out]),
  (t) => json<Floor>(t).cpuMs,
);
const floorInfo = json<Floor>(floor.last);
for (let i = 0; i < RUNS; i++) fs.rmSync(path.dirname(campusOut(i)), { recursive: true, force: true });

// 2. Growth.
const fractions = [0.25, 0.5, 1];
const scaled = fractions.map((fraction) =>
  runs(`campus at ${fraction}`, (i) => {
    const dir = path.join(tmp, `scaled-${fraction}-${i}`);
    try {
      return timed([bin, 'synth', path.join(__dirname, 'campus-scaled.ts'), '--out', path.join(dir, 'out')], {
        ...ENV,
        BENCH_CAMPUS_FRACTION: String(fraction),
      });
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }),
);
const sizes = [10_000, 20_000, 40_000];
interface Phases {
  racks: number;
  nodes: number;
  cases: number;
  errors: number;
  buildTreeCpuMs: number;
  checkAfterTreeCpuMs: number;
  peakRssMb: number;
}
const phases = sizes.map((n) => {
  const r = runs(
    `power check after the tree, ${n} racks`,
    () => timed([...TS, path.join(__dirname, 'phases.ts'), String(n)]),
    (t) => json<Phases>(t).checkAfterTreeCpuMs,
  );
  return { ...r, info: json<Phases>(r.last) };
});
const checks = sizes.map((n) =>
  runs(`aifactory check, ${n} racks (compiled)`, () =>
    timed([compiledBin, 'check', campusApp, '--format', 'json'], { ...ENV, BENCH_RACKS: String(n) }),
  ),
);
const sourceCheck = runs(`aifactory check, ${sizes[2]} racks (TypeScript sources)`, () =>
  timed([bin, 'check', path.join(__dirname, 'campus.ts'), '--format', 'json'], {
    ...ENV,
    BENCH_RACKS: String(sizes[2]),
  }),
);

// 3. The default example, compiled (the package's bin on dist/) and from the sources.
const defaultRun = (b: string, command: 'synth' | 'check', env: NodeJS.ProcessEnv, i: number): Timed => {
  const dir = path.join(tmp, `default-${command}-${i}`);
  try {
    return timed(
      [b, command, '--example', ...(command === 'synth' ? ['--out', path.join(dir, 'out')] : [])],
      env,
    );
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
};
const defaults = [
  ['compiled', compiledBin],
  ['TypeScript sources', bin],
].flatMap(([how, b]) =>
  (['synth', 'check'] as const).map((command) => ({
    how,
    command,
    r: runs(`default example ${command} (${how})`, (i) => defaultRun(b, command, ENV, i)),
  })),
);
fs.rmSync(tmp, { recursive: true, force: true });

// The report.
const f = (x: number, d = 0) =>
  x.toLocaleString('en-US', { maximumFractionDigits: d, minimumFractionDigits: d });
const s = (x: Stat, d = 2, unit = ' s') => `${f(x.min, d)}${unit} / ${f(x.median, d)}${unit}`;
const growth = (xs: Runs[], i: number) => `x${f(xs[i].cpuS.min / xs[i - 1].cpuS.min, 2)}`;
const ok = (yes: boolean) => (yes ? 'met' : '**not met**');
const ratio = campus.cpuS.min / plain.cpuS.min;
const defaultCompiled = (command: string) =>
  defaults.find((d) => d.how === 'compiled' && d.command === command)!.r;
const lines = [
  `Measured ${new Date().toISOString().slice(0, 10)} by \`npm run bench\` on ${os.cpus().length} cores (${os.cpus()[0]?.model.trim()}), ${f(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}; ${RUNS} runs each, min / median. CPU is user + system of the process that does the work, peak RSS its own (TypeScript loaded in it), both sides alike. The machine may be shared: CPU seconds, not wall time, are the figures to compare.`,
  '',
  '### 1.4 GW campus synth against plain cdktf',
  '',
  '| | CPU min / median | peak RSS min / median | wall min |',
  '|---|---:|---:|---:|',
  `| \`aifactory synth examples/campus-1-4gw\`, compiled (${f(plan.stacks.reduce((n, x) => n + x.resources, 0))} resources, ${plan.stacks.length} stacks, ${f(campusFiles)} files) | ${s(campus.cpuS)} | ${s(campus.rssMb, 0, ' MB')} | ${f(campus.wallS.min, 1)} s |`,
  `| the same from the TypeScript sources (the app and the library through tsx) | ${s(campusSources.cpuS)} | ${s(campusSources.rssMb, 0, ' MB')} | ${f(campusSources.wallS.min, 1)} s |`,
  `| plain cdktf, same ${f(plainInfo.blocks)} blocks, same typed bindings (${f(plainInfo.typed)} typed, ${f(plainInfo.raw)} raw; 0 differ) | ${s(plain.cpuS)} | ${s(plain.rssMb, 0, ' MB')} | ${f(plain.wallS.min, 1)} s |`,
  `| floor: serialize and write the same ${f(floorInfo.files)} files (${f(floorInfo.bytes / 1e6, 0)} MB) | ${s(floor.cpuS)} | | |`,
  '',
  `Ratio (CPU, min against min, compiled against the baseline, which leaves out loading its input too): **x${f(ratio, 2)}** the plain-cdktf baseline (target at most x1.5: ${ok(ratio <= 1.5)}; x${f(campusSources.cpuS.min / plain.cpuS.min, 2)} from the TypeScript sources); peak RSS ${f(campus.rssMb.min)} MB (target at most 600 MB: ${ok(campus.rssMb.min <= 600)}).`,
  '',
  '### Growth',
  '',
  '| case | size | CPU min / median | growth (CPU min) | peak RSS min |',
  '|---|---:|---:|---:|---:|',
  ...scaled.map(
    (r, i) =>
      `| campus synth (campus-scaled.ts) | ${fractions[i] === 1 ? 'full' : `1/${1 / fractions[i]}`} (${f(6 * 1024 * fractions[i])} racks) | ${s(r.cpuS)} | ${i === 0 ? '' : growth(scaled, i)} | ${f(r.rssMb.min)} MB |`,
  ),
  ...phases.map(
    (r, i) =>
      `| power check after the tree (model, load flow + N-1 over ${f(r.info.cases)} cases, rules) | ${f(sizes[i])} racks | ${s(r.cpuS)} | ${i === 0 ? '' : growth(phases, i)} | ${f(r.rssMb.min)} MB |`,
  ),
  ...checks.map(
    (r, i) =>
      `| whole \`aifactory check\`, compiled (process start to exit) | ${f(sizes[i])} racks | ${s(r.cpuS)} | ${i === 0 ? '' : growth(checks, i)} | ${f(r.rssMb.min)} MB |`,
  ),
  `| whole \`aifactory check\`, TypeScript sources (the app and the library through tsx) | ${f(sizes[2])} racks | ${s(sourceCheck.cpuS)} | | ${f(sourceCheck.rssMb.min)} MB |`,
  '',
  `Linear growth (x2 size at most x2.1 CPU): campus ${ok([1, 2].every((i) => scaled[i].cpuS.min / scaled[i - 1].cpuS.min <= 2.1))}, power check ${ok([1, 2].every((i) => phases[i].cpuS.min / phases[i - 1].cpuS.min <= 2.1))}. Whole check of 40,000 racks, compiled, ${f(checks[2].cpuS.min, 2)} s CPU (target at most 3 s: ${ok(checks[2].cpuS.min <= 3)}; ${f(sourceCheck.cpuS.min, 2)} s from the TypeScript sources). Error findings at 10k / 20k / 40k racks: ${phases.map((p) => p.info.errors).join(' / ')}.`,
  '',
  '### Default example',
  '',
  '| command | how | CPU min / median | peak RSS min | wall min |',
  '|---|---|---:|---:|---:|',
  ...defaults.map(
    (d) =>
      `| \`aifactory ${d.command} --example\` | ${d.how} | ${s(d.r.cpuS)} | ${f(d.r.rssMb.min)} MB | ${f(d.r.wallS.min, 2)} s |`,
  ),
  '',
  `Compiled: \`synth\` ${f(defaultCompiled('synth').cpuS.min, 2)} s CPU (target at most 1.5 s: ${ok(defaultCompiled('synth').cpuS.min <= 1.5)}); \`check\` ${f(defaultCompiled('check').cpuS.min, 2)} s CPU (target at most 1 s: ${ok(defaultCompiled('check').cpuS.min <= 1)}).`,
];
const table = lines.join('\n') + '\n';
process.stdout.write(table);

if (!process.argv.includes('--no-write')) {
  const doc = path.join(root, 'docs', 'benchmarks.md');
  const text = fs.readFileSync(doc, 'utf8');
  const begin = '<!-- bench:begin -->';
  const end = '<!-- bench:end -->';
  const i = text.indexOf(begin);
  const j = text.indexOf(end);
  if (i < 0 || j < 0) throw new Error(`${doc}: markers ${begin} / ${end} not found`);
  fs.writeFileSync(doc, text.slice(0, i + begin.length) + '\n' + table + text.slice(j));
  process.stdout.write(`updated ${path.relative(root, doc)}\n`);
}
