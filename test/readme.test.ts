import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';

const root = path.resolve(__dirname, '..');

/** The README's app-file example is real: it runs through `aifactory check` and passes. */
test('the README app file example passes every check', () => {
  const readme = fs.readFileSync(path.join(root, 'README.md'), 'utf8');
  const block = /## The app file[\s\S]*?```ts\n([\s\S]*?)```/.exec(readme)?.[1];
  expect(block).toBeDefined();
  const source = block!.replace(/from 'aifactory\/(\w+)'/g, "from '../../$1'");
  const dir = fs.mkdtempSync(path.join(root, 'test', '.readme-'));
  try {
    // Inside the repo so its relative imports resolve, e.g. test/.readme-x/main.ts -> ../../stacks.
    fs.writeFileSync(path.join(dir, 'main.ts'), source);
    const r = spawnSync(
      process.execPath,
      [path.join(root, 'bin', 'aifactory.js'), 'check', dir, '--format', 'json'],
      {
        cwd: root,
        encoding: 'utf8',
      },
    );
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const doc = JSON.parse(r.stdout);
    expect(doc.summary).toMatchObject({ racks: 8, gpus: 576, itLoadKw: 1056, facilityLoadKw: 1320 });
    expect(doc.findings).toEqual([]);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
