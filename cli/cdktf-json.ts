import * as fs from 'fs';
import * as path from 'path';
import { UsageError } from './usage-error';

/**
 * The app file that `cdktf.json` in `dir` runs, or undefined without a `cdktf.json`.
 * Its `app` is a command (`npx ts-node main.ts`, `npx tsx src/main.ts`, `node main.js`);
 * the app file is its last argument that names an existing .ts or .js file.
 */
export function cdktfJsonApp(dir: string): string | undefined {
  const file = path.join(dir, 'cdktf.json');
  if (!fs.existsSync(file)) return undefined;
  let app: unknown;
  try {
    app = (JSON.parse(fs.readFileSync(file, 'utf8')) as { app?: unknown }).app;
  } catch (e) {
    throw new UsageError(`${file}: ${e instanceof Error ? e.message : String(e)}`);
  }
  if (typeof app !== 'string') throw new UsageError(`${file}: no "app" command to find the app file in`);
  const candidates = app
    .split(/\s+/)
    .filter((t) => /\.(ts|mts|cts|js|mjs|cjs)$/.test(t))
    .map((t) => path.resolve(dir, t))
    .filter((f) => fs.existsSync(f) && fs.statSync(f).isFile());
  const found = candidates[candidates.length - 1];
  if (!found) throw new UsageError(`${file}: app "${app}" names no existing .ts or .js app file`);
  return found;
}
