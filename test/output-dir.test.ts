import { ChildProcess, spawn, spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { runCli } from './fixtures/run-cli';
import { treeHash } from './fixtures/tree-hash';

// The output contract (docs/architecture.md): synth replaces only what it wrote, a kill at
// any moment leaves DIR complete or repairable by the next run, concurrent synths are
// serialized, and a run that did not complete its check never exits 0.
//
// Real processes (`cli`) only where the process is under test: kills, the exit guard, locks
// held by other processes, two synths racing, the loader's one-line errors. The refusals and
// repairs are the command's logic: in process (`inProcess`, `run(argv, io)`).

const root = path.resolve(__dirname, '..');
const bin = path.join(root, 'bin', 'aifactory.js');
const app = (name: string) => path.join(root, 'test', 'fixtures', 'apps', `${name}.ts`);
const SMALL = app('small');
const SMALL_B = app('small-b');

function cli(args: string[], opts: { cwd?: string; env?: Record<string, string> } = {}) {
  const r = spawnSync(process.execPath, [bin, ...args], {
    cwd: opts.cwd ?? root,
    encoding: 'utf8',
    env: { ...process.env, FORCE_COLOR: '0', ...opts.env },
  });
  return { code: r.status, signal: r.signal, stdout: r.stdout, stderr: r.stderr };
}

/** The command in this process, from `cwd` (the repository by default). */
const inProcess = (args: string[], cwd = root) => runCli(cwd, args);

/** `synth --example --out OUT --gitops-out TREE` in this process (the default example delivers by GitOps). */
const synthExample = (out: string, tree: string) =>
  inProcess(['synth', '--example', '--out', out, '--gitops-out', tree]);

let tmp: string;
let treeA: Record<string, string>;
let treeB: Record<string, string>;

beforeAll(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'aifactory-outdir-'));
  const a = path.join(tmp, 'ref-a');
  const b = path.join(tmp, 'ref-b');
  expect(cli(['synth', SMALL, '--out', a]).code).toBe(0);
  expect(cli(['synth', SMALL_B, '--out', b]).code).toBe(0);
  treeA = treeHash(a);
  treeB = treeHash(b);
  expect(treeA).not.toEqual(treeB);
});
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

/**
 * A fresh folder holding DIR = the output of `small` (the old tree): a copy of the reference
 * synth (its bytes, stamp included, are what `synth SMALL --out DIR` writes; the stamp holds no path).
 */
function project(name: string): { dir: string; out: string } {
  const dir = path.join(tmp, name);
  fs.mkdirSync(dir);
  const out = path.join(dir, 'out');
  oldTree(out);
  return { dir, out };
}

/** DIR back to the old tree, as `synth SMALL --out DIR` leaves it. */
function oldTree(out: string): void {
  fs.rmSync(out, { recursive: true, force: true });
  fs.cpSync(path.join(tmp, 'ref-a'), out, { recursive: true });
  expect(treeHash(out)).toEqual(treeA);
}

/** Entries beside DIR other than DIR itself: leftovers of a synth. */
const leftovers = (dir: string) => fs.readdirSync(dir).filter((f) => f !== 'out');

describe('synth replaces only a directory it wrote', () => {
  test('what terraform init leaves in a stack folder (applied in place, as the README does) is kept, never a reason to refuse', async () => {
    const { out } = project('terraform-init');
    const [stack] = fs.readdirSync(path.join(out, 'stacks'));
    const dir = path.join(out, 'stacks', stack);
    fs.mkdirSync(path.join(dir, '.terraform', 'providers'), { recursive: true });
    fs.writeFileSync(path.join(dir, '.terraform', 'providers', 'plugin'), 'binary');
    fs.writeFileSync(path.join(dir, '.terraform.lock.hcl'), '# lock\n');
    const r = await inProcess(['synth', SMALL_B, '--out', out]);
    expect([r.code, r.stderr]).toEqual([0, '']);
    expect(fs.readFileSync(path.join(dir, '.terraform', 'providers', 'plugin'), 'utf8')).toBe('binary');
    expect(fs.readFileSync(path.join(dir, '.terraform.lock.hcl'), 'utf8')).toBe('# lock\n');
    // The rest is the new tree, and the stamp lists only what aifactory wrote.
    const hash = treeHash(out);
    for (const f of Object.keys(hash)) if (f.includes('.terraform')) delete hash[f];
    expect(hash).toEqual(treeB);
    const stamp = JSON.parse(fs.readFileSync(path.join(out, '.aifactory-output'), 'utf8')) as {
      files: string[];
    };
    expect(stamp.files.filter((f) => f.includes('.terraform'))).toEqual([]);
    // Anything else beside them is still refused.
    fs.writeFileSync(path.join(dir, 'notes.txt'), 'mine');
    const again = await inProcess(['synth', SMALL, '--out', out]);
    expect(again.code).toBe(2);
    expect(again.stderr).toContain(`holds stacks/${stack}/notes.txt, which aifactory did not write`);
  });

  test('a link in a parent cannot put --gitops-out inside --out, and output never nests in output: refused, nothing touched', async () => {
    const dir = path.join(tmp, 'nested');
    fs.mkdirSync(dir);
    const [out, gitops] = [path.join(dir, 'out'), path.join(dir, 'gitops')];
    expect((await synthExample(out, gitops)).code).toBe(0);
    const before = [treeHash(out), treeHash(gitops)];
    fs.symlinkSync(out, path.join(dir, 'lnk'));
    const viaLink = await synthExample(out, path.join(dir, 'lnk', 'g'));
    expect([viaLink.code, viaLink.stderr]).toEqual([
      2,
      `aifactory: --gitops-out ${path.join(dir, 'lnk', 'g')}: must lie apart from --out ${out} (neither inside the other)\n`,
    ]);
    const inTree = await synthExample(path.join(gitops, 'tf'), path.join(dir, 'g2'));
    expect([inTree.code, inTree.stderr]).toEqual([
      2,
      `aifactory: --out ${JSON.stringify(path.join(gitops, 'tf'))}: lies inside ${gitops}, which aifactory wrote (its .aifactory-output stamp); give a directory outside it\n`,
    ]);
    const inOutput = await synthExample(path.join(dir, 'o2'), path.join(out, 'reports', 'g'));
    expect(inOutput.code).toBe(2);
    expect(inOutput.stderr).toContain(`lies inside ${out}, which aifactory wrote`);
    expect([treeHash(out), treeHash(gitops)]).toEqual(before);
    expect(fs.readdirSync(dir).sort()).toEqual(['gitops', 'lnk', 'out']);
  });

  test('the GitOps tree and the Terraform output are not mistaken for each other: a swapped flag is refused, nothing touched', async () => {
    const dir = path.join(tmp, 'swapped');
    const [out, gitops] = [path.join(dir, 'out'), path.join(dir, 'gitops')];
    expect((await synthExample(out, gitops)).code).toBe(0);
    const before = [treeHash(out), treeHash(gitops)];
    const intoTree = await synthExample(gitops, path.join(dir, 'g2'));
    expect([intoTree.code, intoTree.stderr]).toEqual([
      2,
      `aifactory: --out ${JSON.stringify(gitops)}: holds aifactory's GitOps tree (no manifest.json), not its Terraform output; refusing to replace it\n`,
    ]);
    const intoOutput = await inProcess([
      'synth',
      '--example',
      '--out',
      path.join(dir, 'o2'),
      '--gitops-out',
      out,
    ]);
    expect(intoOutput.code).toBe(2);
    expect(intoOutput.stderr).toContain(
      `--gitops-out ${JSON.stringify(out)}: holds aifactory's Terraform output (manifest.json), not its GitOps tree; refusing to replace it`,
    );
    expect([treeHash(out), treeHash(gitops)]).toEqual(before);
    // Each flag on its own tree still replaces it.
    expect((await synthExample(out, gitops)).code).toBe(0);
  });

  test('the stamp lists every file synth wrote, and a second synth replaces the directory', async () => {
    const { dir, out } = project('stamp');
    const stamp = JSON.parse(fs.readFileSync(path.join(out, '.aifactory-output'), 'utf8'));
    expect(stamp.generator).toBe('aifactory');
    expect(stamp.files).toEqual(Object.keys(treeA).filter((f) => f !== '.aifactory-output'));
    const r = await inProcess(['synth', SMALL_B, '--out', out]);
    expect(r.code).toBe(0);
    expect(treeHash(out)).toEqual(treeB);
    expect(leftovers(dir)).toEqual([]);
  });

  /** A tree shaped as aifactory 0.1 wrote it (no stamp): cdktf's manifest, a stack, the reports, a chart, a GitOps folder. */
  function legacyTree(out: string): void {
    const files: Record<string, string> = {
      'manifest.json':
        '{"version":"0.21.0","stacks":{"lab":{"synthesizedStackPath":"stacks/lab/cdk.tf.json"}}}',
      'stacks/lab/cdk.tf.json': '{}',
      'reports/index.html': '<!doctype html>',
      'reports/summary.md': '#',
      'helm/lab/Chart.yaml': 'name: lab',
      'helm/lab/templates/namespace.yaml': 'kind: Namespace',
      'gitops/lab/node-labels.json': '{}',
    };
    for (const [f, text] of Object.entries(files)) {
      fs.mkdirSync(path.dirname(path.join(out, f)), { recursive: true });
      fs.writeFileSync(path.join(out, f), text);
    }
  }

  test('output of aifactory 0.1 (no stamp) is replaced only when every file is one 0.1 wrote', async () => {
    const dir = path.join(tmp, 'legacy-output');
    const ok = path.join(dir, 'ok');
    legacyTree(ok);
    const r = await inProcess(['synth', SMALL, '--out', ok]);
    expect([r.code, r.stderr]).toEqual([0, '']);
    expect(treeHash(ok)).toEqual(treeA);

    // A note of the user's among the reports: refused, named, kept.
    const noted = path.join(dir, 'noted');
    legacyTree(noted);
    fs.writeFileSync(path.join(noted, 'reports', 'q3.txt'), 'Q3 numbers\n');
    const before = treeHash(noted);
    const refused = await inProcess(['synth', SMALL, '--out', noted]);
    expect([refused.code, refused.stderr]).toEqual([
      2,
      `aifactory: --out ${JSON.stringify(noted)}: is a non-empty directory that aifactory did not write (no .aifactory-output stamp; it holds reports/q3.txt, which aifactory did not write); refusing to replace it\n`,
    ]);
    expect(treeHash(noted)).toEqual(before);

    // Another tool's manifest.json with reports beside it (the review's web app): refused, kept.
    const webApp = path.join(dir, 'web-app');
    fs.mkdirSync(path.join(webApp, 'reports'), { recursive: true });
    fs.writeFileSync(path.join(webApp, 'manifest.json'), '{"name":"my web app"}\n');
    fs.writeFileSync(path.join(webApp, 'reports', 'summary.md'), 'mine\n');
    const app2 = await inProcess(['synth', SMALL, '--out', webApp]);
    expect(app2.code).toBe(2);
    expect(app2.stderr).toContain("holds a manifest.json that is not cdktf's");
    expect(fs.readFileSync(path.join(webApp, 'reports', 'summary.md'), 'utf8')).toBe('mine\n');
  });

  test('an outdir of empty folders only (cdktf leaves one when a direct run stops early) is replaced', async () => {
    const dir = path.join(tmp, 'empty-folders');
    const out = path.join(dir, 'cdktf.out');
    fs.mkdirSync(path.join(out, 'stacks', 'lab'), { recursive: true });
    const r = await inProcess(['synth', SMALL, '--out', out]);
    expect([r.code, r.stderr]).toEqual([0, '']);
    expect(treeHash(out)).toEqual(treeA);
    // A single file anywhere below makes it a directory aifactory did not write.
    const other = path.join(dir, 'other');
    fs.mkdirSync(path.join(other, 'stacks'), { recursive: true });
    fs.writeFileSync(path.join(other, 'stacks', 'notes.txt'), 'mine\n');
    const refused = await inProcess(['synth', SMALL, '--out', other]);
    expect(refused.code).toBe(2);
    expect(fs.readFileSync(path.join(other, 'stacks', 'notes.txt'), 'utf8')).toBe('mine\n');
  });

  test.each([
    [
      'the current directory',
      '.',
      'is the current directory or one of its ancestors; refusing to replace it',
    ],
    [
      'an ancestor of the current directory',
      '..',
      'is the current directory or one of its ancestors; refusing to replace it',
    ],
    ['the filesystem root', '/', 'is the filesystem root; refusing to replace it'],
  ])('--out %s: exit 2, one line, nothing deleted', async (_name, out, problem) => {
    const dir = path.join(tmp, `cwd-${_name.replace(/\W+/g, '-')}`);
    fs.mkdirSync(path.join(dir, 'src'), { recursive: true });
    fs.writeFileSync(path.join(dir, 'README.md'), 'mine\n');
    fs.writeFileSync(path.join(dir, 'package.json'), '{}\n');
    const before = treeHash(dir);
    const r = await inProcess(['synth', SMALL, '--out', out], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`aifactory: --out ${JSON.stringify(out)}: ${problem}\n`);
    expect(treeHash(dir)).toEqual(before);
    expect(fs.readdirSync(dir).sort()).toEqual(['README.md', 'package.json', 'src']);
  });

  test('--out "$PWD" in a project folder keeps README, src/ and package.json', async () => {
    const dir = path.join(tmp, 'pwd');
    fs.mkdirSync(path.join(dir, 'src'), { recursive: true });
    fs.writeFileSync(path.join(dir, 'README.md'), 'mine\n');
    const r = await inProcess(['synth', SMALL, '--out', dir], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(
      `aifactory: --out ${JSON.stringify(dir)}: is the current directory or one of its ancestors; refusing to replace it\n`,
    );
    expect(fs.readdirSync(dir).sort()).toEqual(['README.md', 'src']);
  });

  test('--out the folder holding the app file: exit 2', async () => {
    const dir = path.join(tmp, 'appdir');
    fs.mkdirSync(dir);
    fs.copyFileSync(SMALL, path.join(dir, 'main.ts'));
    const r = await inProcess(['synth', path.join(dir, 'main.ts'), '--out', dir]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(
      `aifactory: --out ${JSON.stringify(dir)}: holds the app file; refusing to replace it\n`,
    );
    expect(fs.readdirSync(dir)).toEqual(['main.ts']);
  });

  test('--out an existing file: exit 2, the file kept byte for byte', async () => {
    const file = path.join(tmp, 'some-file');
    fs.writeFileSync(file, 'precious\n');
    const r = await inProcess(['synth', SMALL, '--out', file]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(
      `aifactory: --out ${JSON.stringify(file)}: exists and is not a directory; refusing to replace it\n`,
    );
    expect(fs.readFileSync(file, 'utf8')).toBe('precious\n');
  });

  test('--out a non-empty folder that aifactory did not write: exit 2, kept', async () => {
    const dir = path.join(tmp, 'foreign');
    fs.mkdirSync(dir);
    fs.writeFileSync(path.join(dir, 'notes.txt'), 'mine\n');
    const r = await inProcess(['synth', SMALL, '--out', dir]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(
      `aifactory: --out ${JSON.stringify(dir)}: is a non-empty directory that aifactory did not write (no .aifactory-output stamp); refusing to replace it\n`,
    );
    expect(fs.readdirSync(dir)).toEqual(['notes.txt']);
  });

  test('a file added to aifactory output is not deleted: exit 2 naming it', async () => {
    const { out } = project('extra');
    fs.writeFileSync(path.join(out, 'stacks', 'keep.txt'), 'mine\n');
    const r = await inProcess(['synth', SMALL_B, '--out', out]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(
      `aifactory: --out ${JSON.stringify(out)}: holds stacks/keep.txt, which aifactory did not write; move it away first (synth replaces the directory whole)\n`,
    );
    expect(fs.readFileSync(path.join(out, 'stacks', 'keep.txt'), 'utf8')).toBe('mine\n');
  });

  test('--out a symbolic link: exit 2, the link and its target kept', async () => {
    const { dir, out } = project('link');
    const link = path.join(dir, 'link');
    fs.symlinkSync(out, link);
    const r = await inProcess(['synth', SMALL_B, '--out', link]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(
      `aifactory: --out ${JSON.stringify(link)}: is a symbolic link; give the directory it points to\n`,
    );
    expect(fs.readlinkSync(link)).toBe(out);
    expect(treeHash(out)).toEqual(treeA);
  });

  test("--out '': exit 2, one line naming the flag", async () => {
    const r = await inProcess(['synth', SMALL, '--out', '']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe("aifactory: --out '': must name a directory\n");
  });

  test('a name too long: exit 2, one line naming --out and the errno', async () => {
    const out = path.join(tmp, 'x'.repeat(300));
    const r = await inProcess(['synth', SMALL, '--out', out]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`aifactory: --out ${JSON.stringify(out)}: name too long (ENAMETOOLONG)\n`);
  });
});

describe('concurrent synths into one DIR', () => {
  test('a live lock: the second synth fails at once with one line, DIR untouched', () => {
    const { dir, out } = project('locked');
    fs.writeFileSync(path.join(dir, '.out.aifactory-lock'), `${process.pid}\n`);
    const r = cli(['synth', SMALL_B, '--out', out]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(
      `aifactory: --out ${JSON.stringify(out)}: another aifactory synth (pid ${process.pid}) is writing it; run again when it has finished\n`,
    );
    expect(treeHash(out)).toEqual(treeA);
    expect(leftovers(dir)).toEqual(['.out.aifactory-lock']);
  });

  test('a lock whose pid now belongs to another process (other start time) is taken over', () => {
    const { dir, out } = project('reused-pid');
    fs.writeFileSync(path.join(dir, '.out.aifactory-lock'), `${process.pid} 1\n`);
    const r = cli(['synth', SMALL_B, '--out', out]);
    expect(r.code).toBe(0);
    expect(treeHash(out)).toEqual(treeB);
    expect(leftovers(dir)).toEqual([]);
  });

  test('a lock left by a killed synth is taken over', () => {
    const { dir, out } = project('stale-lock');
    const dead = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], {
      encoding: 'utf8',
    });
    fs.writeFileSync(path.join(dir, '.out.aifactory-lock'), `${dead.stdout}\n`);
    const r = cli(['synth', SMALL_B, '--out', out]);
    expect(r.code).toBe(0);
    expect(treeHash(out)).toEqual(treeB);
    expect(leftovers(dir)).toEqual([]);
  });

  test('two synths at once: one writes, the other writes after it or fails with one line; never an orphaned tree', async () => {
    const { dir, out } = project('race');
    const run = (file: string) =>
      new Promise<{ code: number | null; stderr: string }>((resolve) => {
        const p = spawn(process.execPath, [bin, 'synth', file, '--out', out], { cwd: root });
        let stderr = '';
        p.stderr.on('data', (d) => (stderr += d));
        p.on('close', (code) => resolve({ code, stderr }));
      });
    const [a, b] = await Promise.all([run(SMALL_B), run(SMALL_B)]);
    for (const r of [a, b]) {
      if (r.code === 2) expect(r.stderr).toMatch(/another aifactory synth \(pid \d+\) is writing it/);
      else expect(r.code).toBe(0);
    }
    expect([a.code, b.code]).toContain(0);
    expect(treeHash(out)).toEqual(treeB);
    expect(leftovers(dir)).toEqual([]);
  }, 60_000);
});

/** DIR after a kill: the complete old tree, the complete new one, or missing with the old tree beside it. */
function expectCompleteOrRepairable(dir: string, out: string): void {
  if (fs.existsSync(out)) {
    expect([treeA, treeB]).toContainEqual(treeHash(out));
  } else {
    expect(treeHash(path.join(dir, '.out.aifactory-old'))).toEqual(treeA);
  }
}

/** The next synth repairs, then writes: DIR is the new tree and nothing is left beside it. */
async function expectNextRunRepairs(dir: string, out: string): Promise<void> {
  const r = await inProcess(['synth', SMALL_B, '--out', out]);
  expect(r.code).toBe(0);
  expect(treeHash(out)).toEqual(treeB);
  expect(leftovers(dir)).toEqual([]);
}

describe('a kill -9 at any moment leaves DIR complete, and the next run removes every leftover', () => {
  test.each(['locked', 'staged', 'between-renames', 'swapped'])(
    'killed at %s (injected SIGKILL)',
    async (point) => {
      const { dir, out } = project(`crash-${point}`);
      const r = cli(['synth', SMALL_B, '--out', out], { env: { AIFACTORY_TEST_CRASH_AT: point } });
      expect(r.signal).toBe('SIGKILL');
      expectCompleteOrRepairable(dir, out);
      if (point === 'between-renames') {
        // The window the swap cannot close: DIR missing, both trees beside it.
        expect(fs.existsSync(out)).toBe(false);
        expect(leftovers(dir).sort()).toEqual([
          '.out.aifactory-lock',
          '.out.aifactory-old',
          '.out.aifactory-staging',
        ]);
      }
      if (point === 'swapped') expect(treeHash(out)).toEqual(treeB);
      await expectNextRunRepairs(dir, out);
    },
    60_000,
  );

  test('killed between the renames, the next run restores the old tree first and says so', async () => {
    const { dir, out } = project('crash-restore');
    cli(['synth', SMALL_B, '--out', out], { env: { AIFACTORY_TEST_CRASH_AT: 'between-renames' } });
    // The next run is refused by the check (error findings), yet repairs DIR before anything else.
    const r = await inProcess(['synth', app('overloaded'), '--out', out]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(
      `aifactory: ${out}: restored the previous output from .out.aifactory-old (a synth was killed mid-swap)\n`,
    );
    expect(r.stderr).toContain(
      `aifactory: ${out}: removed .out.aifactory-staging left by an interrupted synth\n`,
    );
    expect(treeHash(out)).toEqual(treeA);
    expect(leftovers(dir)).toEqual([]);
  }, 60_000);

  test('leftovers of aifactory 0.1 (.DIR.staging-PID, .DIR.old-PID) are removed by the next run', async () => {
    const { dir, out } = project('legacy');
    fs.mkdirSync(path.join(dir, '.out.staging-4242', 'stacks'), { recursive: true });
    fs.mkdirSync(path.join(dir, '.out.old-4242'));
    await expectNextRunRepairs(dir, out);
  });

  test("a folder of the user's merely named like 0.1's leftovers is left alone", async () => {
    const { dir, out } = project('legacy-lookalike');
    const backup = path.join(dir, '.out.old-20240101');
    fs.mkdirSync(backup);
    fs.writeFileSync(path.join(backup, 'backup.txt'), 'backup\n');
    const r = await inProcess(['synth', SMALL_B, '--out', out]);
    expect([r.code, r.stderr]).toEqual([0, '']);
    expect(treeHash(out)).toEqual(treeB);
    expect(fs.readFileSync(path.join(backup, 'backup.txt'), 'utf8')).toBe('backup\n');
  });

  test.each(['staged', 'swapped'])(
    "killed at %s, Terraform's working files survive into the next tree",
    async (point) => {
      const { dir, out } = project(`crash-terraform-${point}`);
      const [stack] = fs.readdirSync(path.join(out, 'stacks'));
      const lock = path.join(out, 'stacks', stack, '.terraform.lock.hcl');
      fs.mkdirSync(path.join(out, 'stacks', stack, '.terraform'));
      fs.writeFileSync(path.join(out, 'stacks', stack, '.terraform', 'plugin'), 'binary');
      fs.writeFileSync(lock, '# lock\n');
      const r = cli(['synth', SMALL_B, '--out', out], { env: { AIFACTORY_TEST_CRASH_AT: point } });
      expect(r.signal).toBe('SIGKILL');
      const next = await inProcess(['synth', SMALL_B, '--out', out]);
      expect(next.code).toBe(0);
      const hash = treeHash(out);
      for (const f of Object.keys(hash)) if (f.includes('.terraform')) delete hash[f];
      expect(hash).toEqual(treeB);
      expect(leftovers(dir)).toEqual([]);
      expect(fs.readFileSync(lock, 'utf8')).toBe('# lock\n');
      expect(fs.readFileSync(path.join(out, 'stacks', stack, '.terraform', 'plugin'), 'utf8')).toBe('binary');
    },
    60_000,
  );

  /** Spawns a synth and SIGKILLs it when `when` first holds (polled every 2 ms). */
  function killWhen(out: string, when: () => boolean): Promise<boolean> {
    return new Promise((resolve) => {
      const child: ChildProcess = spawn(process.execPath, [bin, 'synth', SMALL_B, '--out', out], {
        cwd: root,
        stdio: 'ignore',
      });
      let killed = false;
      const timer = setInterval(() => {
        if (!killed && when()) {
          killed = true;
          child.kill('SIGKILL');
        }
      }, 2);
      child.on('close', () => {
        clearInterval(timer);
        resolve(killed);
      });
    });
  }

  test.each([
    ['the lock is taken', (dir: string) => fs.existsSync(path.join(dir, '.out.aifactory-lock'))],
    ['the staging tree exists', (dir: string) => fs.existsSync(path.join(dir, '.out.aifactory-staging'))],
  ])(
    'a real kill -9 from outside once %s',
    async (_name, when) => {
      const { dir, out } = project(`kill-${_name.replace(/\W+/g, '-')}`);
      const killed = await killWhen(out, () => when(dir));
      expect(killed).toBe(true);
      expectCompleteOrRepairable(dir, out);
      await expectNextRunRepairs(dir, out);
    },
    60_000,
  );

  test('real kills -9 from outside at 20%, 40%, 60%, 80% and 95% of a synth', async () => {
    const { dir, out } = project('kill-timed');
    const t0 = Date.now();
    expect(cli(['synth', SMALL_B, '--out', out]).code).toBe(0);
    const duration = Date.now() - t0;
    let kills = 0;
    for (const fraction of [0.2, 0.4, 0.6, 0.8, 0.95]) {
      oldTree(out); // back to the old tree
      const start = Date.now();
      if (await killWhen(out, () => Date.now() - start >= fraction * duration)) kills++;
      expectCompleteOrRepairable(dir, out);
      await expectNextRunRepairs(dir, out);
    }
    expect(kills).toBeGreaterThanOrEqual(3);
  }, 120_000);
});

describe('no silent pass: a run whose check did not complete never exits 0', () => {
  test('an app calling process.exit(0) while it loads: exit 2, one line, nothing written', () => {
    const { dir, out } = project('exits');
    const r = cli(['synth', app('exits'), '--out', out]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(
      'aifactory: the app called process.exit(0) before the check completed: nothing was checked, nothing written\n',
    );
    expect(treeHash(out)).toEqual(treeA);
    expect(leftovers(dir)).toEqual([]);
  });

  test('an app calling process.exit(0) while synth writes (from a cdktf aspect): exit 2, DIR as it was', () => {
    const { dir, out } = project('exits-late');
    const r = cli(['synth', app('exits-late'), '--out', out]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('aifactory: the app called process.exit(0) before the check completed');
    expect(treeHash(out)).toEqual(treeA);
    expect(leftovers(dir)).toEqual([]);
  });

  test('check and report: an app calling process.exit(0) exits 2 and leaves no scratch folder', () => {
    const scratch = fs.mkdtempSync(path.join(tmp, 'tmpdir-'));
    for (const args of [
      ['check', app('exits')],
      ['report', app('exits'), '--out', path.join(tmp, 'x.html')],
    ]) {
      const r = cli(args, { env: { TMPDIR: scratch } });
      expect([r.code, r.stdout]).toEqual([2, '']);
    }
    expect(fs.readdirSync(scratch).filter((f) => f.startsWith('aifactory-'))).toEqual([]);
    expect(fs.existsSync(path.join(tmp, 'x.html'))).toBe(false);
  });

  test('an app with a syntax error: one line naming the file, exit 2', () => {
    const file = path.join(tmp, 'broken.ts');
    fs.writeFileSync(file, 'const x = ;\n');
    const r = cli(['check', file], { cwd: tmp });
    expect(r.code).toBe(2);
    expect(r.stderr.split('\n')).toHaveLength(2);
    expect(r.stderr).toMatch(/^aifactory: broken\.ts: .*broken\.ts:1:10: ERROR: Unexpected ";"\n$/);
  });

  test('an app importing a missing module: one line naming the file and the module, no require stack', () => {
    const file = path.join(tmp, 'missing-import.ts');
    fs.writeFileSync(file, "import './nope';\n");
    const r = cli(['check', file], { cwd: tmp });
    expect([r.code, r.stderr]).toEqual([2, "aifactory: missing-import.ts: Cannot find module './nope'\n"]);
  });

  test('an app in a folder that cannot resolve the package: the line says where Node looks', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'aifactory-elsewhere-'));
    try {
      const file = path.join(dir, 'site.ts');
      fs.writeFileSync(
        file,
        "import { AiFactoryApp } from 'aifactory/stacks';\nnew AiFactoryApp().synth();\n",
      );
      const r = cli(['check', file], { cwd: dir });
      expect([r.code, r.stderr]).toEqual([
        2,
        "aifactory: site.ts: Cannot find module 'aifactory/stacks' (Node looks for it from the app file's folder up: install it in a node_modules there or above, or set NODE_PATH to yours)\n",
      ]);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  test('a FIFO as APP: exit 2 at once, one line', async () => {
    const fifo = path.join(tmp, 'app.fifo');
    if (spawnSync('mkfifo', [fifo]).status !== 0) return; // no mkfifo on this system
    const r = await inProcess(['check', fifo]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`aifactory: APP ${fifo} is not a regular file\n`);
  });
});

describe('every error is one line on stderr naming the file, construct path or flag, exit 2', () => {
  test('report --out a directory: one line naming the flag, refused as not a regular file', async () => {
    const dir = path.join(tmp, 'report-dir');
    fs.mkdirSync(dir);
    const r = await inProcess(['report', SMALL, '--out', dir]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(
      `aifactory: --out ${dir}: exists and is not a regular file; refusing to replace it\n`,
    );
  });

  const header = `import { TerraformStack } from '${root}/node_modules/cdktf';
import { AiFactoryApp, PhysicalStack } from '${root}/stacks';
import { Delivery, DraDriver, GpuCluster, Hall, Rack, Site, Ups } from '${root}/constructs';
const app = new AiFactoryApp();
`;
  test.each([
    [
      'a stack id ..',
      `new PhysicalStack(app, '..');`,
      `aifactory: app.ts: <app>: stack id ".." is a relative path\n`,
    ],
    [
      'a plain TerraformStack id with a line break',
      `new TerraformStack(app, 'a\\nb');`,
      `aifactory: app.ts: Cannot create TerraformStack with id "a b". It contains a whitespace character. Please remove any whitespace characters in your TerraformStack id, like so: "ab"\n`,
    ],
    [
      'a Helm action in computeDomainNamespace',
      `const site = new Site(new PhysicalStack(app, 'lab'), 'site', { country: 'FR', gridConnectionMw: 1 });
const hall = new Hall(site, 'hall', { designKwPerRack: 150, rackPositions: 1 });
const ups = new Ups(site, 'ups', { moduleRatingKw: 200, feeds: [site.grid] });
const cluster = new GpuCluster(site, 'c', { racks: [new Rack(hall, 'r', { system: 'gb200-nvl72', feeds: [ups] })], delivery: Delivery.gitops({ repoUrl: 'https://git.example.org/x.git' }) });
new DraDriver(cluster, 'dra', { computeDomainNamespace: '{{ exec "id" }}\\nkind: Secret' });`,
      `aifactory: app.ts: lab/site/c/dra: computeDomainNamespace must be a DNS-1123 label (at most 63 characters of a-z, 0-9 and '-', starting and ending with a letter or digit), got "{{ exec \\"id\\" }}\\nkind: Secret"\n`,
    ],
    [
      'a literal cluster token from the environment',
      `new GpuCluster(new TerraformStack(app, 'k'), 'c', { racks: [], delivery: Delivery.terraform(), connection: { host: 'https://k', token: process.env.HOME ?? 'x', clusterCaCertificate: 'PEM' } });`,
      `aifactory: app.ts: k/c: connection.token must be a Terraform reference (a Kapsule cluster's platformTarget.token, or a sensitive TerraformVariable's stringValue), not a literal: it would be written in clear into cdk.tf.json; leave connection out to take the token from the environment (KUBE_TOKEN)\n`,
    ],
  ])('%s', async (_name, body, stderr) => {
    const dir = path.join(tmp, `err-${_name.replace(/\W+/g, '-')}`);
    fs.mkdirSync(dir);
    fs.writeFileSync(path.join(dir, 'app.ts'), `${header}${body}\napp.synth();\n`);
    const r = await inProcess(['synth', 'app.ts', '--out', 'out'], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(stderr);
    expect(fs.readdirSync(dir)).toEqual(['app.ts']);
  });
});
