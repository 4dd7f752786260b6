import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { run } from '../cli/main';
import { writeReportFile } from '../cli/report-file';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'aifactory-report-file-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

async function cli(...argv: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await run(argv, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t) });
  return { code, stdout, stderr };
}

describe('report files a flag names: never overwrite what aifactory did not write', () => {
  const report = 'sites 1  racks 250  GPUs 18,000\nIT 33 MW\n';

  test.each([
    ['main.ts', "import { App } from 'cdktf';\n"],
    ['cdktf.json', '{\n  "language": "typescript",\n  "app": "npx ts-node main.ts"\n}\n'],
    ['package.json', '{\n  "name": "x"\n}\n'],
  ])('an existing %s is refused with one line naming the flag, and left as it was', (name, text) => {
    const file = path.join(tmp, name);
    fs.writeFileSync(file, text);
    expect(() => writeReportFile('--output', file, report)).toThrow(
      `--output ${file}: exists and is not an aifactory report of this kind; refusing to overwrite it`,
    );
    expect(fs.readFileSync(file, 'utf8')).toBe(text);
  });

  test('an earlier report of the same kind is replaced; of another kind, refused', () => {
    const file = path.join(tmp, 'findings.txt');
    writeReportFile('--output', file, report);
    writeReportFile('--output', file, report.replace('250', '251'));
    expect(fs.readFileSync(file, 'utf8')).toContain('racks 251');
    expect(() => writeReportFile('--output', file, '{\n  "summary": {}\n}\n')).toThrow(
      'refusing to overwrite it',
    );
  });

  test('a directory is refused as not a regular file', () => {
    expect(() => writeReportFile('--out', tmp, '<!doctype html>\n<html>')).toThrow(
      `--out ${tmp}: exists and is not a regular file; refusing to replace it`,
    );
  });

  test('check --output onto the app file: exit 2, one line, the file unchanged', async () => {
    const app = path.join(tmp, 'app.ts');
    fs.writeFileSync(app, "console.log('mine');\n");
    const r = await cli('check', '--example', '--output', app);
    expect([r.code, r.stderr]).toEqual([
      2,
      `aifactory: --output ${app}: exists and is not an aifactory report of this kind; refusing to overwrite it\n`,
    ]);
    expect(fs.readFileSync(app, 'utf8')).toBe("console.log('mine');\n");
  });
});

describe('command-line values checked before anything runs', () => {
  test('--gitops-out inside or equal to --out: exit 2, one line', async () => {
    const out = path.join(tmp, 'out');
    for (const gitops of [out, path.join(out, 'gitops')]) {
      const r = await cli('synth', '--example', '--out', out, '--gitops-out', gitops);
      expect([r.code, r.stderr]).toEqual([
        2,
        `aifactory: --gitops-out ${gitops}: must lie apart from --out ${out} (neither inside the other)\n`,
      ]);
    }
    expect(fs.existsSync(out)).toBe(false);
  });

  test('plan --grid-mw takes a whole number, not a prefix of one', async () => {
    const r = await cli('plan', '--blueprint', 'gb200-nvl72', '--grid-mw', '44abc');
    expect([r.code, r.stderr]).toEqual([
      2,
      "aifactory: option '--grid-mw <N>' argument '44abc' is invalid. '44abc' is not a number.\n",
    ]);
  });
});
