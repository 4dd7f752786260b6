/**
 * The floor: JSON.stringify of the same cdk.tf.json content (already parsed), as one would
 * write it with no construct tree at all. Argument: an aifactory output directory.
 */
import * as fs from 'fs';
import * as path from 'path';
import { performance } from 'perf_hooks';

const src = process.argv[2];
const manifest = JSON.parse(fs.readFileSync(path.join(src, 'manifest.json'), 'utf8'));
const docs = Object.values(manifest.stacks).map((s) =>
  JSON.parse(
    fs.readFileSync(path.join(src, (s as { synthesizedStackPath: string }).synthesizedStackPath), 'utf8'),
  ),
);
const t0 = performance.now();
let bytes = 0;
for (const d of docs) bytes += JSON.stringify(d, null, 2).length;
const ms = performance.now() - t0;
process.stdout.write(JSON.stringify({ bytes, ms }) + '\n');
