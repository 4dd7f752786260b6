import { spawnSync } from 'child_process';
import * as path from 'path';

export const ROOT = path.resolve(__dirname, '../..');

/** Arguments that run a TypeScript file in the measured process itself. */
export const TS = ['-r', 'tsx/cjs'];

export interface Timed {
  readonly wallMs: number;
  readonly peakRssMb: number;
  /** CPU time (user + system) of the working process. */
  readonly cpuMs: number;
  readonly stdout: string;
}

/**
 * Runs `node <args>` from the repository root with a preload that reports its peak memory and CPU
 * time; wall time from spawn to exit. TypeScript runs in the same process (`-r tsx/cjs`), never
 * through tsx's CLI, which would measure a parent that waits for the child doing the work.
 */
export function timed(args: readonly string[], env: NodeJS.ProcessEnv = process.env): Timed {
  const started = process.hrtime.bigint();
  const r = spawnSync(process.execPath, ['-r', path.join(__dirname, 'rss.js'), ...args], {
    cwd: ROOT,
    env,
    maxBuffer: 1 << 28,
  });
  const wallMs = Number(process.hrtime.bigint() - started) / 1e6;
  if (r.status !== 0) throw new Error(`node ${args.join(' ')} exited ${r.status}: ${r.stderr}`);
  const err = r.stderr.toString();
  const kb = Number(/BENCH_PEAK_RSS_KB=(\d+)/.exec(err)?.[1]);
  const cpuMs = Number(/BENCH_CPU_MS=([\d.]+)/.exec(err)?.[1]);
  return { wallMs, peakRssMb: kb / 1024, cpuMs, stdout: r.stdout.toString() };
}
