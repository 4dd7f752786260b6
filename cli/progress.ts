import { SingleBar } from 'cli-progress';

/** Phases of a long command, shown on a terminal. */
export interface Progress {
  /** Enters a phase; `detail` says what it counts (for example "6,656 racks"). */
  phase(name: string, detail?: string): void;
  done(): void;
}

const SILENT: Progress = { phase: () => {}, done: () => {} };

/**
 * A progress bar over the command's phases on stderr, only when stderr is a terminal and
 * not in CI; silent when piped or in CI, so logs and redirected output stay clean.
 */
export function progressFor(
  stream: NodeJS.WriteStream | { isTTY?: boolean; write: (s: string) => boolean; columns?: number },
  phases: number,
  env: NodeJS.ProcessEnv = process.env,
): Progress {
  if (!stream.isTTY || env.CI) return SILENT;
  const bar = new SingleBar({
    stream: stream as NodeJS.WriteStream,
    format: 'aifactory {bar} {value}/{total} {phase}',
    hideCursor: true,
    clearOnComplete: true,
    noTTYOutput: false,
    barsize: 20,
  });
  let started = false;
  let step = 0;
  return {
    phase(name, detail) {
      const label = detail ? `${name} (${detail})` : name;
      if (!started) {
        bar.start(phases, 0, { phase: label });
        started = true;
      } else {
        bar.update(++step, { phase: label });
      }
    },
    done() {
      if (started) bar.stop();
    },
  };
}
