/**
 * `npx tsx test/bench/netbox.bench.ts`: NetBox inventory size and synthesis time for the
 * essonne-44mw example (250 racks) and a 1,000-rack GB200 NVL72 building (8 halls), at
 * rack level and in full detail, in one stack (the cap of resources per stack lifted) and
 * sharded by building and by hall within the default cap of 2,000 resources per stack. Each
 * case runs in its own process; it prints Terraform resources (total and in the largest
 * stack), the time to read the site and build the constructs, `app.synth()` time, output
 * size and peak memory.
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { performance } from 'perf_hooks';
import { App } from 'cdktf';
import { NetboxInventory } from '../../constructs/netbox';
import { buildEssonneSite } from '../../examples/essonne-44mw/site';
import { PhysicalStack } from '../../stacks';
import { NetboxStack } from '../../stacks/netbox-stack';
import { gridFor } from './campus-size';

interface Result {
  racks: number;
  detail: 'racks' | 'full';
  shardBy: 'none' | 'building' | 'hall';
  stacks: number;
  resources: number;
  largestStack: number;
  byType: Record<string, number>;
  constructMs: number;
  synthMs: number;
  outputMb: number;
  peakRssMb: number;
}

function runCase(racks: number, detail: 'racks' | 'full', shardBy: 'none' | 'building' | 'hall'): Result {
  const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'aifactory-netbox-bench-'));
  try {
    const app = new App({ outdir });
    const site = buildEssonneSite(new PhysicalStack(app, 'site'), {
      racks,
      gridConnectionMw: gridFor(racks),
      cooling: 'design-pue',
    });
    const t0 = performance.now();
    // One stack: the cap of 2,000 resources per stack lifted to measure it; sharded: within the default cap.
    if (shardBy === 'none') {
      new NetboxInventory(new NetboxStack(app, 'netbox'), 'netbox', {
        site,
        detail,
        maxResourcesPerStack: 1e6,
      });
    } else {
      NetboxStack.sharded(app, 'netbox', { site, detail, shardBy });
    }
    const t1 = performance.now();
    app.synth();
    const t2 = performance.now();
    const manifest = JSON.parse(fs.readFileSync(path.join(outdir, 'manifest.json'), 'utf8')) as {
      stacks: Record<string, { synthesizedStackPath: string }>;
    };
    const byType: Record<string, number> = {};
    let resources = 0;
    let largestStack = 0;
    let bytes = 0;
    let stacks = 0;
    for (const [name, s] of Object.entries(manifest.stacks)) {
      if (name === 'site') continue;
      stacks++;
      const file = path.join(outdir, s.synthesizedStackPath);
      bytes += fs.statSync(file).size;
      const json = JSON.parse(fs.readFileSync(file, 'utf8')) as { resource?: Record<string, object> };
      let inStack = 0;
      for (const [type, byName] of Object.entries(json.resource ?? {})) {
        const n = Object.keys(byName).length;
        byType[type] = (byType[type] ?? 0) + n;
        inStack += n;
      }
      resources += inStack;
      largestStack = Math.max(largestStack, inStack);
    }
    return {
      racks,
      detail,
      shardBy,
      stacks,
      resources,
      largestStack,
      byType,
      constructMs: t1 - t0,
      synthMs: t2 - t1,
      outputMb: bytes / 2 ** 20,
      peakRssMb: process.resourceUsage().maxRSS / 1024,
    };
  } finally {
    fs.rmSync(outdir, { recursive: true, force: true });
  }
}

if (process.argv[2] === '--case') {
  const [racks, detail, shardBy] = process.argv.slice(3);
  process.stdout.write(
    JSON.stringify(
      runCase(Number(racks), detail as 'racks' | 'full', shardBy as 'none' | 'building' | 'hall'),
    ),
  );
} else {
  const tsx = path.resolve(__dirname, '../../node_modules/tsx/dist/cli.mjs');
  const cases: [number, string, string][] = [
    [250, 'racks', 'none'],
    [250, 'full', 'none'],
    [1_000, 'racks', 'none'],
    [1_000, 'full', 'none'],
    [1_000, 'racks', 'building'],
    [1_000, 'full', 'building'],
    [1_000, 'full', 'hall'],
  ];
  const f = (x: number, d = 0) =>
    x.toLocaleString('en-US', { maximumFractionDigits: d, minimumFractionDigits: d });
  const lines = [
    `Machine: ${os.cpus().length} cores (${os.cpus()[0]?.model.trim()}), Node ${process.version}.`,
    '',
    '| racks | detail | sharded by | stacks | resources | largest stack | devices | power ports | power feeds | read + constructs | `app.synth()` | output | peak RSS |',
    '|---:|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
  ];
  for (const [racks, detail, shardBy] of cases) {
    const r = spawnSync(process.execPath, [tsx, __filename, '--case', String(racks), detail, shardBy], {
      encoding: 'utf8',
      maxBuffer: 1 << 26,
    });
    if (r.status !== 0) throw new Error(`case ${racks} ${detail} ${shardBy}: ${r.stderr}`);
    const x = JSON.parse(r.stdout) as Result;
    lines.push(
      `| ${f(x.racks)} | ${x.detail} | ${x.shardBy} | ${x.stacks} | ${f(x.resources)} | ${f(x.largestStack)} | ` +
        `${f(x.byType.netbox_device ?? 0)} | ${f(x.byType.netbox_device_power_port ?? 0)} | ${f(x.byType.netbox_power_feed ?? 0)} | ` +
        `${f(x.constructMs)} ms | ${f(x.synthMs)} ms | ${f(x.outputMb, 1)} MB | ${f(x.peakRssMb)} MB |`,
    );
  }
  process.stdout.write(lines.join('\n') + '\n');
}
