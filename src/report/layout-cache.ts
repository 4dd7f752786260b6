import { createHash } from 'crypto';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

/**
 * Diagram layouts by shape: ELK's layered layout is most of the CPU of writing the report
 * (about half of `synth` of the default example), and the same graph always gives the same
 * layout. A layout is kept in memory and in a per-user directory, keyed by a hash of
 * everything ELK reads (its version, the options, the nodes with their sizes and the edges,
 * in order), so a design whose diagram has not changed skips the layout. A missing,
 * unreadable or malformed entry is computed again; a directory that cannot be written is
 * no error. `AIFACTORY_CACHE_DIR` moves the directory; `AIFACTORY_CACHE_DIR=off` turns the
 * cache off (every layout is computed).
 */

/** What is kept of a layout: plain numbers and the element ids. */
export interface CachedLayout {
  readonly width: number;
  readonly height: number;
  /** [element id, x, y, width, height] */
  readonly boxes: readonly (readonly [string, number, number, number, number])[];
  /** Edge routes as flat [x0, y0, x1, y1, ...] lists. */
  readonly routes: readonly (readonly number[])[];
}

/** Layouts read or written by this process, by file. */
const memory = new Map<string, CachedLayout>();

/** The key of an ELK input: a SHA-256 of its JSON with the ELK version. */
export function layoutKey(elkVersion: string, input: unknown): string {
  return createHash('sha256').update(elkVersion).update('\0').update(JSON.stringify(input)).digest('hex');
}

function cacheDir(): string | undefined {
  const configured = process.env.AIFACTORY_CACHE_DIR;
  if (configured === 'off') return undefined;
  const uid = typeof process.getuid === 'function' ? process.getuid() : 'user';
  return configured || path.join(os.tmpdir(), `aifactory-cache-${uid}`);
}

/**
 * The directory only when it is this user's own: a real directory (not a link), owned by the
 * user and writable by no one else, so another user of a shared temporary folder cannot plant
 * layouts (a falsified diagram). Created with mode 0700 when missing.
 */
function ownDir(dir: string): boolean {
  try {
    fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
    const st = fs.lstatSync(dir);
    const uid = typeof process.getuid === 'function' ? process.getuid() : st.uid;
    return st.isDirectory() && st.uid === uid && (st.mode & 0o022) === 0;
  } catch {
    return false;
  }
}

const finite = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

/** The entry read back only when every value has the shape written: numbers where numbers go. */
function valid(x: unknown): x is CachedLayout {
  const l = x as CachedLayout;
  return (
    typeof l === 'object' &&
    l !== null &&
    finite(l.width) &&
    finite(l.height) &&
    Array.isArray(l.boxes) &&
    l.boxes.every(
      (b) => Array.isArray(b) && b.length === 5 && typeof b[0] === 'string' && b.slice(1).every(finite),
    ) &&
    Array.isArray(l.routes) &&
    l.routes.every((r) => Array.isArray(r) && r.every(finite))
  );
}

/** The layout of `key`, from memory or disk; undefined when it is not kept. */
export function cachedLayout(key: string): CachedLayout | undefined {
  const dir = cacheDir();
  if (!dir) return undefined;
  const file = path.join(dir, `layout-${key}.json`);
  const known = memory.get(file);
  if (known) return known;
  if (!ownDir(dir)) return undefined;
  try {
    const read: unknown = JSON.parse(fs.readFileSync(file, 'utf8'));
    if (!valid(read)) return undefined;
    memory.set(file, read);
    return read;
  } catch {
    return undefined;
  }
}

/** Keeps `layout` under `key`, in memory and (written whole, then renamed) on disk. */
export function keepLayout(key: string, layout: CachedLayout): void {
  const dir = cacheDir();
  if (!dir) return;
  const file = path.join(dir, `layout-${key}.json`);
  memory.set(file, layout);
  const tmp = `${file}.${process.pid}.tmp`;
  if (!ownDir(dir)) return;
  try {
    fs.writeFileSync(tmp, JSON.stringify(layout));
    fs.renameSync(tmp, file);
  } catch {
    fs.rmSync(tmp, { force: true });
  }
}
