// Which app the command runs: APP, cdktf.json's app in the current directory, or --example;
// and --version. The command runs in this process (`run(argv, io)`); --version through the bin.
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { cdktfJsonApp } from '../cli/cdktf-json';
import { DEFAULT_APP, resolveApp } from '../cli/load-app';
import { binCli, ROOT as root, runCli } from './fixtures/run-cli';

const version: string = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')).version;

let tmp: string;
beforeAll(() => (tmp = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'aifactory-src-')))));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

function project(name: string, cdktfJson: unknown, files: Record<string, string> = {}): string {
  const dir = path.join(tmp, name);
  fs.mkdirSync(dir, { recursive: true });
  if (cdktfJson !== undefined) fs.writeFileSync(path.join(dir, 'cdktf.json'), JSON.stringify(cdktfJson));
  for (const [f, text] of Object.entries(files)) fs.writeFileSync(path.join(dir, f), text);
  return dir;
}

const cli = (cwd: string, ...args: string[]) => runCli(cwd, args);

test('--version prints the package version (the bin, a real process)', () => {
  expect(binCli(tmp, ['--version'])).toEqual({ code: 0, stdout: `${version}\n`, stderr: '' });
});

test("without APP, the app file of cdktf.json's app command (the last .ts or .js argument that exists)", () => {
  const dir = project('ts-node', { app: 'npx ts-node --prefer-ts-exts src/main.ts' });
  fs.mkdirSync(path.join(dir, 'src'));
  fs.writeFileSync(path.join(dir, 'src', 'main.ts'), '');
  expect(cdktfJsonApp(dir)).toBe(path.join(dir, 'src', 'main.ts'));
  expect(cdktfJsonApp(project('node', { app: 'node main.js' }, { 'main.js': '' }))).toBe(
    path.join(tmp, 'node', 'main.js'),
  );
  expect(cdktfJsonApp(project('none', undefined))).toBeUndefined();
});

test('in this repository, cdktf.json names the default example', () => {
  expect(cdktfJsonApp(root)).toBe(path.join(root, 'examples', 'default', 'main.ts'));
  expect(DEFAULT_APP).toBe(path.join(root, 'examples', 'default', 'main.ts'));
  expect(resolveApp(undefined, true)).toBe(DEFAULT_APP);
});

test.each([
  [{ app: 'npx ts-node missing.ts' }, 'app "npx ts-node missing.ts" names no existing .ts or .js app file'],
  [{ language: 'typescript' }, 'no "app" command to find the app file in'],
])('a cdktf.json whose app cannot be found is refused naming the file: %j', (json, message) => {
  const dir = project(`bad-${Object.keys(json)[0]}`, json);
  expect(() => cdktfJsonApp(dir)).toThrow(`${path.join(dir, 'cdktf.json')}: ${message}`);
});

test('no APP and no cdktf.json: exit 2, one line saying what to pass', async () => {
  const dir = project('empty', undefined);
  expect(await cli(dir, 'check')).toEqual({
    code: 2,
    stdout: '',
    stderr: `aifactory: no APP given and no cdktf.json in ${dir}: pass an app file, or --example for the built-in example\n`,
  });
});

test('APP and --example together: exit 2', async () => {
  const r = await cli(root, 'check', 'examples/default', '--example');
  expect(r.code).toBe(2);
  expect(r.stderr).toBe('aifactory: give either APP (examples/default) or --example, not both\n');
});

test("an app from cdktf.json is checked from the project's directory", async () => {
  const stacks = path.join(root, 'stacks');
  const constructs = path.join(root, 'constructs');
  const dir = project(
    'project',
    { app: 'npx ts-node main.ts' },
    {
      'main.ts': [
        `import { AiFactoryApp, PhysicalStack } from ${JSON.stringify(stacks)};`,
        `import { Hall, Rack, Site, Ups } from ${JSON.stringify(constructs)};`,
        'const app = new AiFactoryApp();',
        "const site = new Site(new PhysicalStack(app, 'lab'), 'site', { country: 'FR', gridConnectionMw: 1, designPue: 1.2 });",
        "const hall = new Hall(site, 'hall', { designKwPerRack: 150, rackPositions: 1 });",
        "const ups = new Ups(site, 'ups', { moduleRatingKw: 200, modules: 2, redundantModules: 1, feeds: [site.grid] });",
        "new Rack(hall, 'r1', { system: 'gb200-nvl72', feeds: [ups], requiresRedundancy: false });",
        'app.synth();',
        '',
      ].join('\n'),
    },
  );
  const r = await cli(dir, 'check', '--format', 'json');
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  expect(JSON.parse(r.stdout).findings).toEqual([]);
  expect(JSON.parse(r.stdout).summary).toEqual({
    sites: 1,
    racks: 1,
    gpus: 72,
    itLoadKw: 132,
    facilityLoadKw: 158.4,
    pue: 1.2,
  });
});
