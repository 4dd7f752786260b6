/**
 * The floor: serializing and writing the same output with no construct tree, model or check
 * at all. Argument: an aifactory output directory (and its GitOps tree beside it, when there
 * is one). Every file is read first (not measured); then, measured (CPU of this process): each
 * JSON file parsed beforehand is serialized again as cdktf writes it (`JSON.stringify(_, null,
 * 2)`), every other file's text taken as is, and all written to a fresh directory. Prints one
 * JSON line.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

const out = process.argv[2];
const trees = [out, path.join(path.dirname(out), 'gitops')].filter((d) => fs.existsSync(d));
const files: { rel: string; json?: unknown; text?: string }[] = [];
const walk = (root: string, d: string) => {
  for (const e of fs.readdirSync(d, { withFileTypes: true })) {
    const p = path.join(d, e.name);
    if (e.isDirectory()) walk(root, p);
    else {
      const rel = path.join(path.basename(root), path.relative(root, p));
      const text = fs.readFileSync(p, 'utf8');
      files.push(e.name.endsWith('.json') ? { rel, json: JSON.parse(text) } : { rel, text });
    }
  }
};
for (const t of trees) walk(t, t);
const dest = fs.mkdtempSync(path.join(os.tmpdir(), 'aifactory-floor-'));
const before = process.cpuUsage();
let bytes = 0;
for (const f of files) {
  const text = f.text ?? JSON.stringify(f.json, null, 2);
  const file = path.join(dest, f.rel);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, text);
  bytes += Buffer.byteLength(text);
}
const cpu = process.cpuUsage(before);
fs.rmSync(dest, { recursive: true, force: true });
process.stdout.write(
  JSON.stringify({ files: files.length, bytes, cpuMs: (cpu.user + cpu.system) / 1000 }) + '\n',
);
