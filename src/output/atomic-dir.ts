import * as fs from 'fs';
import * as path from 'path';
import { isMap } from '../upstream/key-path';

/**
 * The stamp `synth` writes into every output directory, beside `manifest.json`: the
 * directory is aifactory output, and these are the files aifactory wrote there. A later
 * synth replaces a directory only when it carries this stamp and holds nothing else
 * (docs/architecture.md, "Output contract").
 */
export const STAMP = '.aifactory-output';

/** A problem with `--out`: the CLI prints the message as one line, exit 2. */
export class OutputDirError extends Error {
  constructor(flag: string, out: string, problem: string) {
    super(`${flag} ${out}: ${problem}`);
    this.name = 'OutputDirError';
  }
}

/** Points where a test can make the process kill itself (SIGKILL), to prove the crash guarantee. */
export type CrashPoint = 'locked' | 'staged' | 'between-renames' | 'swapped';

/**
 * Test hook: with `AIFACTORY_TEST_CRASH_AT=<point>` the process kills itself with SIGKILL at
 * that point of the swap, as a power cut or `kill -9` would. Used only by test/output-dir.test.ts.
 */
function crashPoint(point: CrashPoint): void {
  if (process.env.AIFACTORY_TEST_CRASH_AT === point) process.kill(process.pid, 'SIGKILL');
}

/** The names, beside DIR, of the lock and of the trees a synth keeps while it swaps. */
function siblings(target: string) {
  const dir = path.dirname(target);
  const base = path.basename(target);
  return {
    dir,
    base,
    lock: path.join(dir, `.${base}.aifactory-lock`),
    staging: path.join(dir, `.${base}.aifactory-staging`),
    old: path.join(dir, `.${base}.aifactory-old`),
    /** `.DIR.staging-PID` and `.DIR.old-PID`, left by aifactory 0.1 when it was killed. */
    legacy: new RegExp(`^\\.${escapeRegExp(base)}\\.(staging|old)-\\d+$`),
  };
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** `a` is `b` or one of its ancestors. */
function isSameOrAncestor(a: string, b: string): boolean {
  const rel = path.relative(a, b);
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
}

/**
 * Where an output directory really is: its parents' symbolic links resolved, DIR itself not
 * (a link at DIR is refused, not followed).
 */
export function outputTarget(out: string): string {
  const abs = path.resolve(out);
  return path.join(realish(path.dirname(abs)), path.basename(abs));
}

/** The real path of `p`, following symbolic links in its existing ancestors. */
function realish(p: string): string {
  const missing: string[] = [];
  let cur = p;
  for (;;) {
    try {
      return path.join(fs.realpathSync(cur), ...missing.reverse());
    } catch {
      const parent = path.dirname(cur);
      if (parent === cur) return p;
      missing.push(path.basename(cur));
      cur = parent;
    }
  }
}

/** The errno text of a filesystem error, without the stack: `permission denied (EACCES)`. */
export function errnoText(e: unknown): string {
  const err = e as NodeJS.ErrnoException;
  if (err && typeof err.code === 'string' && typeof err.message === 'string') {
    const m = /^[A-Z]+: ([^,]*)/.exec(err.message);
    return `${m ? m[1] : err.message} (${err.code})`;
  }
  return e instanceof Error ? e.message : String(e);
}

/** Every file under `dir`, relative, sorted, with `/` separators. */
function listFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string, rel: string) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const r = rel ? `${rel}/${e.name}` : e.name;
      if (e.isDirectory()) walk(path.join(d, e.name), r);
      else out.push(r);
    }
  };
  walk(dir, '');
  return out.sort();
}

/**
 * What `terraform init` writes into a stack's folder when users apply in place
 * (`terraform -chdir=cdktf.out/stacks/<stack> init`, as the README and docs/ci.md do): the
 * provider cache and the dependency lock file. They are Terraform's, not aifactory's: never
 * listed in the stamp, never a reason to refuse the folder, and carried into the new tree for
 * the stacks it still has (a stack that is gone takes its own with it).
 */
const TERRAFORM_WORKING_FILES = /^stacks\/[^/]+\/(?:\.terraform\/.+|\.terraform\.lock\.hcl)$/;
const TERRAFORM_WORKING_ENTRIES = ['.terraform', '.terraform.lock.hcl'];

/**
 * Every file aifactory 0.1 wrote into an output directory, before the stamp existed (read off
 * its synth of each example): cdktf's manifest and stacks, four reports, the Helm charts and
 * the GitOps folders inside the output.
 */
const LEGACY_FILES = [
  /^manifest\.json$/,
  /^stacks\/[^/]+\/cdk\.tf\.json$/,
  TERRAFORM_WORKING_FILES,
  /^reports\/(?:findings\.json|index\.html|stacks\.json|summary\.md)$/,
  /^helm\/[^/]+\/(?:Chart\.yaml|values\.yaml|templates\/[^/]+\.yaml)$/,
  /^gitops\/[^/]+\/[^/]+\.(?:yaml|json)$/,
];

/**
 * Why `dir`, which has no stamp, is not what aifactory 0.1 wrote (undefined when it is): a
 * file 0.1 never wrote, or a manifest.json that is not cdktf's. With `whole`, manifest.json
 * must be there (an output directory); a tree a killed 0.1 left beside it may lack it.
 */
function notLegacy(dir: string, whole: boolean): string | undefined {
  const files = listFiles(dir);
  const foreign = files.find((f) => !LEGACY_FILES.some((re) => re.test(f)));
  if (foreign !== undefined) return `holds ${foreign}, which aifactory did not write`;
  if (!files.includes('manifest.json')) return whole ? 'has no manifest.json' : undefined;
  try {
    const manifest: unknown = JSON.parse(fs.readFileSync(path.join(dir, 'manifest.json'), 'utf8'));
    if (isMap(manifest) && typeof manifest.version === 'string' && isMap(manifest.stacks)) return undefined;
  } catch {
    // not JSON: not cdktf's
  }
  return "holds a manifest.json that is not cdktf's";
}

/** Writes the ownership stamp into `dir`, listing every file there (deterministic bytes). */
export function writeStamp(dir: string): void {
  const files = listFiles(dir).filter((f) => f !== STAMP && !TERRAFORM_WORKING_FILES.test(f));
  const doc = {
    generator: 'aifactory',
    note: 'aifactory synth replaces this directory whole, and only while it holds exactly these files. Keep nothing else here.',
    files,
  };
  fs.writeFileSync(path.join(dir, STAMP), JSON.stringify(doc, null, 2) + '\n');
}

/** True when `dir` holds folders only, down to the bottom: no file, no link, nothing to lose. */
function onlyFolders(dir: string): boolean {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .every((e) => e.isDirectory() && onlyFolders(path.join(dir, e.name)));
}

/**
 * Why `dir` (an existing directory) may not be replaced, or undefined when it may: empty (or
 * empty folders only, as cdktf's `App` leaves an outdir when a direct run stops before it
 * writes), or aifactory output holding only the files its stamp lists (or, without a stamp,
 * only files aifactory 0.1 wrote, cdktf's manifest.json among them).
 */
function notOwned(dir: string, flag: string): string | undefined {
  const entries = fs.readdirSync(dir);
  if (entries.length === 0 || onlyFolders(dir)) return undefined;
  const stampFile = path.join(dir, STAMP);
  if (!fs.existsSync(stampFile)) {
    // Output of aifactory 0.1, if every file is one it wrote; where it looks like it, why not.
    const why = notLegacy(dir, true);
    if (why === undefined) return undefined;
    const looksLike = entries.includes('manifest.json') ? `; it ${why}` : '';
    return `is a non-empty directory that aifactory did not write (no ${STAMP} stamp${looksLike}); refusing to replace it`;
  }
  let listed: Set<string>;
  try {
    const doc = JSON.parse(fs.readFileSync(stampFile, 'utf8')) as { generator?: unknown; files?: unknown };
    if (doc.generator !== 'aifactory' || !Array.isArray(doc.files)) throw new Error('bad stamp');
    listed = new Set(doc.files.map(String));
  } catch {
    return `has an unreadable ${STAMP} stamp; refusing to replace it`;
  }
  const terraformOutput = flag !== GITOPS_FLAG;
  const extra = listFiles(dir).find(
    (f) => f !== STAMP && !listed.has(f) && !(terraformOutput && TERRAFORM_WORKING_FILES.test(f)),
  );
  if (extra !== undefined) {
    return `holds ${extra}, which aifactory did not write; move it away first (synth replaces the directory whole)`;
  }
  // The two trees aifactory writes, told apart by cdktf's manifest.json: a mistyped flag must
  // not replace the GitOps tree users commit with Terraform output, nor the other way round.
  const terraform = listed.has('manifest.json');
  if (flag === GITOPS_FLAG && terraform) {
    return "holds aifactory's Terraform output (manifest.json), not its GitOps tree; refusing to replace it";
  }
  if (flag !== GITOPS_FLAG && !terraform) {
    return "holds aifactory's GitOps tree (no manifest.json), not its Terraform output; refusing to replace it";
  }
  return undefined;
}

/** The flag naming the GitOps tree's directory; any other names the Terraform output's. */
const GITOPS_FLAG = '--gitops-out';

/**
 * Checks that `out` may be replaced by synth output, before anything is touched: not empty,
 * not the filesystem root, the current directory or an ancestor of it or of the app file,
 * not a file or a symbolic link, and either absent, empty or aifactory output.
 */
export function checkOutDir(out: string, appFile: string | undefined, flag = '--out'): string {
  const fail = (problem: string) => new OutputDirError(flag, JSON.stringify(out), problem);
  if (out.trim() === '') throw new OutputDirError(flag, "''", 'must name a directory');
  // eslint-disable-next-line no-control-regex -- control characters are what it looks for
  if (/[\u0000-\u001f\u007f]/.test(out)) throw fail('must not contain control characters');
  const target = outputTarget(out);
  if (path.parse(target).root === target) throw fail('is the filesystem root; refusing to replace it');
  if (isSameOrAncestor(target, realish(process.cwd()))) {
    throw fail('is the current directory or one of its ancestors; refusing to replace it');
  }
  if (appFile !== undefined && isSameOrAncestor(target, realish(path.resolve(appFile)))) {
    throw fail('holds the app file; refusing to replace it');
  }
  // Output inside output: the outer tree would no longer be aifactory's alone (and a GitOps
  // tree users commit would hold Terraform output, or the other way round).
  for (let up = path.dirname(target); path.dirname(up) !== up; up = path.dirname(up)) {
    if (fs.existsSync(path.join(up, STAMP))) {
      throw fail(
        `lies inside ${up}, which aifactory wrote (its ${STAMP} stamp); give a directory outside it`,
      );
    }
  }
  let st: fs.Stats;
  try {
    st = fs.lstatSync(target);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return target;
    throw fail(errnoText(e));
  }
  if (st.isSymbolicLink()) throw fail('is a symbolic link; give the directory it points to');
  if (!st.isDirectory()) throw fail('exists and is not a directory; refusing to replace it');
  const why = notOwned(target, flag);
  if (why) throw fail(why);
  return target;
}

/**
 * A lock file beside DIR, created exclusively, holding the owner's pid: one synth writes a
 * DIR at a time. The lock of a process that no longer runs (killed) is taken over.
 */
class Lock {
  private held = false;

  constructor(
    private readonly file: string,
    private readonly describe: (problem: string) => Error,
  ) {}

  acquire(): void {
    for (let attempt = 0; attempt < 3; attempt++) {
      try {
        fs.writeFileSync(this.file, `${process.pid} ${startTime(process.pid) ?? ''}\n`, { flag: 'wx' });
        this.held = true;
        return;
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw this.describe(errnoText(e));
      }
      const owner = readPid(this.file);
      if (owner !== undefined && owner !== process.pid && alive(owner, readStart(this.file))) {
        throw this.describe(
          `another aifactory synth (pid ${owner}) is writing it; run again when it has finished`,
        );
      }
      // Stale: its owner is gone. Move it aside, and delete it only if it is still the stale one.
      const aside = `${this.file}.stale-${process.pid}`;
      try {
        fs.renameSync(this.file, aside);
      } catch {
        continue;
      }
      if (readPid(aside) === owner) fs.rmSync(aside, { force: true });
      else fs.renameSync(aside, this.file);
    }
    throw this.describe('could not take its lock (other synths keep starting); run again');
  }

  release(): void {
    if (!this.held) return;
    this.held = false;
    if (readPid(this.file) === process.pid) fs.rmSync(this.file, { force: true });
  }
}

function readPid(file: string): number | undefined {
  try {
    const n = Number.parseInt(fs.readFileSync(file, 'utf8'), 10);
    return Number.isInteger(n) && n > 0 ? n : undefined;
  } catch {
    return undefined;
  }
}

/** The lock owner's start time, as the lock recorded it. */
function readStart(file: string): string | undefined {
  try {
    return fs.readFileSync(file, 'utf8').trim().split(' ')[1] || undefined;
  } catch {
    return undefined;
  }
}

/** A process's start time in clock ticks since boot (Linux `/proc/PID/stat`, field 22), or undefined elsewhere. */
function startTime(pid: number): string | undefined {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19];
  } catch {
    return undefined;
  }
}

/**
 * The lock's owner still runs: its pid exists and, where the lock recorded it, started at the
 * same time (a pid reused by another process after a kill does not hold the lock).
 */
function alive(pid: number, start: string | undefined): boolean {
  try {
    process.kill(pid, 0);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EPERM') return false;
  }
  if (start === undefined) return true;
  const now = startTime(pid);
  return now === undefined || now === start;
}

/**
 * Builds an output directory beside its final place and swaps it in whole (docs/architecture.md,
 * "Output contract"):
 * 1. `open` checks that DIR may be replaced, takes the lock `.DIR.aifactory-lock`, and repairs
 *    what a killed synth left: DIR missing with `.DIR.aifactory-old` present means a kill
 *    between the two renames, and the old tree is renamed back; then every leftover
 *    staging or old tree of DIR is deleted;
 * 2. the synth writes into `.DIR.aifactory-staging`;
 * 3. `commit` stamps the staged tree, renames DIR to `.DIR.aifactory-old`, renames the
 *    staging to DIR, moves Terraform's working files from the old tree into the new one
 *    (Terraform output only), deletes the old tree and releases the lock. A run that finds
 *    both DIR and the old tree (a kill after the swap) moves them first.
 * A kill at any instant leaves DIR complete (old or new), or missing with the complete old
 * tree beside it, which the next synth renames back before anything else.
 */
export class StagedDir {
  readonly staging: string;
  readonly target: string;
  private readonly old: string;
  private readonly lock: Lock;
  private readonly onExit = () => this.discard();
  /** What the repair found and did, for one line on stderr; empty when there was nothing to do. */
  readonly repaired: string[] = [];

  /** Checks `out`, locks it, repairs what an interrupted synth left, and creates an empty staging tree. */
  static open(out: string, appFile?: string, flag = '--out'): StagedDir {
    return new StagedDir(out, checkOutDir(out, appFile, flag), flag);
  }

  private constructor(
    readonly out: string,
    target: string,
    private readonly flag: string,
  ) {
    this.target = target;
    const s = siblings(target);
    this.staging = s.staging;
    this.old = s.old;
    const fail = (problem: string) => new OutputDirError(flag, JSON.stringify(out), problem);
    try {
      fs.mkdirSync(s.dir, { recursive: true });
    } catch (e) {
      throw fail(errnoText(e));
    }
    this.lock = new Lock(s.lock, fail);
    this.lock.acquire();
    process.on('exit', this.onExit);
    try {
      crashPoint('locked');
      this.repair();
      // Checked again under the lock: a concurrent run may have changed DIR before we held it.
      checkOutDir(out, undefined, flag);
      fs.mkdirSync(this.staging);
    } catch (e) {
      this.discard();
      throw e instanceof OutputDirError ? e : fail(errnoText(e));
    }
  }

  private repair(): void {
    const s = siblings(this.target);
    const exists = (p: string) => {
      try {
        fs.lstatSync(p);
        return true;
      } catch {
        return false;
      }
    };
    // A folder named like 0.1's leftovers is removed only when it holds only what 0.1 wrote.
    const legacy = fs
      .readdirSync(s.dir)
      .filter((f) => s.legacy.test(f) && notLegacy(path.join(s.dir, f), false) === undefined);
    if (!exists(this.target)) {
      const olds = [s.old, ...legacy.filter((f) => f.includes('.old-')).map((f) => path.join(s.dir, f))];
      const old = olds.find(exists);
      if (old) {
        fs.renameSync(old, this.target);
        this.repaired.push(
          `restored the previous output from ${path.basename(old)} (a synth was killed mid-swap)`,
        );
      }
    }
    // Killed after the swap: the new tree is in place, and Terraform's working files are still in the old one.
    if (exists(this.target) && exists(s.old) && this.flag !== GITOPS_FLAG)
      carryTerraformWorkingFiles(s.old, this.target);
    for (const p of [s.staging, s.old, ...legacy.map((f) => path.join(s.dir, f))]) {
      if (!exists(p)) continue;
      fs.rmSync(p, { recursive: true, force: true });
      this.repaired.push(`removed ${path.basename(p)} left by an interrupted synth`);
    }
  }

  /** Stamps the staged tree and replaces the target with it; releases the lock. */
  commit(): void {
    const fail = (e: unknown) => new OutputDirError(this.flag, JSON.stringify(this.out), errnoText(e));
    try {
      writeStamp(this.staging);
      const exists = fs.existsSync(this.target);
      crashPoint('staged');
      if (exists) fs.renameSync(this.target, this.old);
      crashPoint('between-renames');
      try {
        fs.renameSync(this.staging, this.target);
      } catch (e) {
        if (exists) fs.renameSync(this.old, this.target);
        throw e;
      }
      crashPoint('swapped');
      // A kill from here leaves them in the old tree, where the next run's repair takes them from.
      if (exists && this.flag !== GITOPS_FLAG) carryTerraformWorkingFiles(this.old, this.target);
      fs.rmSync(this.old, { recursive: true, force: true });
    } catch (e) {
      this.discard();
      throw fail(e);
    }
    this.close();
  }

  /** Drops the staged tree; the target is untouched. Releases the lock. */
  discard(): void {
    fs.rmSync(this.staging, { recursive: true, force: true });
    this.close();
  }

  private close(): void {
    process.removeListener('exit', this.onExit);
    this.lock.release();
  }
}

/**
 * Moves what `terraform init` left in the stack folders of `from` (the tree just replaced) into
 * the same stack folders of `to`, where they exist; each entry moves whole, so a kill leaves
 * every one in one tree or the other.
 */
function carryTerraformWorkingFiles(from: string, to: string): void {
  const stacks = path.join(from, 'stacks');
  if (!fs.existsSync(stacks)) return;
  for (const stack of fs.readdirSync(stacks)) {
    const into = path.join(to, 'stacks', stack);
    if (!fs.existsSync(into)) continue;
    for (const entry of TERRAFORM_WORKING_ENTRIES) {
      const src = path.join(stacks, stack, entry);
      if (fs.existsSync(src) && !fs.existsSync(path.join(into, entry)))
        fs.renameSync(src, path.join(into, entry));
    }
  }
}

/** Writes a file, creating its directory. */
export function writeFile(file: string, content: string): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, content);
}

/**
 * Writes files at their paths under `dir`, each as it comes, creating each directory once
 * per call (the campus' GitOps tree is a thousand files in a few hundred folders).
 */
export function writeFiles(
  dir: string,
  files: Iterable<{ readonly path: string; readonly text: string }>,
): void {
  const made = new Set<string>();
  for (const f of files) {
    const file = path.join(dir, f.path);
    const parent = path.dirname(file);
    if (!made.has(parent)) {
      fs.mkdirSync(parent, { recursive: true });
      made.add(parent);
    }
    fs.writeFileSync(file, f.text);
  }
}
