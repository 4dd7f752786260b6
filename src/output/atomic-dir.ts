import * as fs from 'fs';
import * as path from 'path';

/**
 * Builds an output directory beside its final place and swaps it in whole: a synth that
 * fails for any reason leaves the previous directory as it was, and a reader never sees a
 * half-written tree.
 */
export class StagedDir {
  readonly staging: string;
  private readonly old: string;

  constructor(readonly target: string) {
    const dir = path.dirname(path.resolve(target));
    const base = path.basename(target);
    this.staging = path.join(dir, `.${base}.staging-${process.pid}`);
    this.old = path.join(dir, `.${base}.old-${process.pid}`);
    fs.rmSync(this.staging, { recursive: true, force: true });
    fs.mkdirSync(this.staging, { recursive: true });
  }

  /** Replaces the target with the staged tree. */
  commit(): void {
    fs.rmSync(this.old, { recursive: true, force: true });
    const exists = fs.existsSync(this.target);
    if (exists) fs.renameSync(this.target, this.old);
    try {
      fs.renameSync(this.staging, this.target);
    } catch (e) {
      if (exists) fs.renameSync(this.old, this.target);
      throw e;
    }
    fs.rmSync(this.old, { recursive: true, force: true });
  }

  /** Drops the staged tree; the target is untouched. */
  discard(): void {
    fs.rmSync(this.staging, { recursive: true, force: true });
  }
}

/** Writes a file, creating its directory. */
export function writeFile(file: string, content: string): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, content);
}
