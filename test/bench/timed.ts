import { spawnSync } from 'child_process';
import * as path from 'path';

export const ROOT = path.resolve(__dirname, '../..');

export interface Timed {
  readonly wallMs: number;
  readonly peakRssMb: number;
  readonly stdout: string;
}

/** Runs `node <args>` from the repository root with a preload that reports its peak memory; wall time from spawn to exit. */
export function timed(args: readonly string[], env: NodeJS.ProcessEnv = process.env): Timed {
  const started = process.hrtime.bigint();
  const r = spawnSync(process.execPath, ['-r', path.join(__dirname, 'rss.js'), ...args], {
    cwd: ROOT,
    env,
    maxBuffer: 1 << 28,
  });
  const wallMs = Number(process.hrtime.bigint() - started) / 1e6;
  if (r.status !== 0) throw new Error(`node ${args.join(' ')} exited ${r.status}: ${r.stderr}`);
  const kb = Number(/BENCH_PEAK_RSS_KB=(\d+)/.exec(r.stderr.toString())?.[1]);
  return { wallMs, peakRssMb: kb / 1024, stdout: r.stdout.toString() };
}
