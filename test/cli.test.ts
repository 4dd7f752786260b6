// The command's logic runs in this process through `run(argv, io)`; the tests about the bin
// itself (its exit codes, usage errors before any app loads) run it as a real process.
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { treeHash } from './fixtures/tree-hash';
import { binCli, ROOT as root, runCli } from './fixtures/run-cli';

const app = (name: string) => path.join('test', 'fixtures', 'apps', `${name}.ts`);
const cli = (...args: string[]) => runCli(root, args);
const bin = (...args: string[]) => binCli(root, args);

let tmp: string;
beforeAll(() => (tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'aifactory-cli-'))));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

/** `synth --out tmp/out` of the default example, run once and read by every test that needs it. */
let defaultSynth: ReturnType<typeof cli> | undefined;
const synthDefault = () => (defaultSynth ??= cli('synth', '--out', path.join(tmp, 'out')));

describe('aifactory check', () => {
  test('default example: text summary, exit 0', async () => {
    const r = await cli('check');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('racks 250  GPUs 18,000');
    expect(r.stdout).toContain('IT 33 MW  facility 42.9 MW  PUE 1.3');
    expect(r.stdout).toContain('findings: 0 error(s), 0 warning(s), 0 info, 0 suppressed');
    expect(r.stderr).toBe('');
  });

  test('--format json prints exactly the DESIGN §5 document, with the headroom of every component', async () => {
    const r = await cli('check', '--format', 'json');
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout);
    expect(Object.keys(doc)).toEqual(['summary', 'findings', 'headroom']);
    expect(doc.summary).toEqual({
      sites: 1,
      racks: 250,
      gpus: 18000,
      itLoadKw: 33000,
      facilityLoadKw: 42900,
      pue: 1.3,
    });
    expect(doc.findings).toEqual([]);
    const ups = doc.headroom.find(
      (h: { path: string }) => h.path === 'essonne/bruyeres/building-1/mv-01/block-001/ups-a',
    );
    // 2N UPS of 2,500 kW carrying 1,056 kW: 2,112 kW when the B side fails, so safe up to 1,250 kW.
    expect(ups).toEqual({
      path: 'essonne/bruyeres/building-1/mv-01/block-001/ups-a',
      kind: 'ups',
      designLoadKw: 1056,
      normalLimitKw: 2000,
      n1SafeLoadKw: 1250,
      headroomKw: 194,
      failure: 'essonne/bruyeres/building-1/mv-01/switchgear-b',
      overloaded: 'essonne/bruyeres/building-1/mv-01/block-001/ups-a',
    });
  });

  test('--contingency maintenance: a 2(N+1) UPS passes N-1 and fails one module out with the other side in maintenance', async () => {
    expect((await cli('check', app('two-n-plus-one'), '--format', 'json')).code).toBe(0);
    const r = await cli('check', app('two-n-plus-one'), '--format', 'json', '--contingency', 'maintenance');
    expect(r.code).toBe(1);
    expect(
      JSON.parse(r.stdout).findings.map((f: { ruleId: string; message: string }) => [f.ruleId, f.message]),
    ).toEqual([
      [
        'PWR-014',
        'UPS carries 2,112 kW with lab/site/ups-b in maintenance and one of its 3 units failed, 132% of its 1,600 kW remaining rating (limit 100%)',
      ],
      [
        'PWR-014',
        'UPS carries 2,112 kW with lab/site/ups-a in maintenance and one of its 3 units failed, 132% of its 1,600 kW remaining rating (limit 100%)',
      ],
    ]);
    expect((await cli('check', app('two-n-plus-one'), '--contingency', 'all')).stderr).toBe(
      "aifactory: option '--contingency <LEVEL>' argument 'all' is invalid. Allowed choices are n-1, maintenance.\n",
    );
  });

  test('error findings: exit 1, every field of a finding', async () => {
    const r = await cli('check', app('overloaded'), '--format', 'json');
    expect(r.code).toBe(1);
    const doc = JSON.parse(r.stdout);
    expect(doc.findings[0]).toEqual({
      ruleId: 'PWR-002',
      severity: 'error',
      path: 'lab/site/ups-a',
      message: 'UPS carries 132 kW when lab/site/ups-b fails, 132% of its 100 kW rating (limit 100%)',
      measured: 132,
      limit: 100,
      unit: 'kW',
      suppressed: false,
      reason: null,
    });
    expect(Object.keys(doc.findings[0])).toEqual([
      'ruleId',
      'severity',
      'path',
      'message',
      'measured',
      'limit',
      'unit',
      'suppressed',
      'reason',
    ]);
  });

  test('--output writes the report to a file and nothing to stdout', async () => {
    const file = path.join(tmp, 'reports', 'check.json');
    const r = await cli('check', '--format', 'json', '--output', file);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('');
    expect(JSON.parse(fs.readFileSync(file, 'utf8')).summary.racks).toBe(250);
  });

  test('--format sarif: SARIF 2.1.0, one result per finding, rule help, suppressions carried', async () => {
    const r = await cli('check', app('suppressed'), '--format', 'sarif');
    expect(r.code).toBe(1); // ups-b's finding is not suppressed
    const sarif = JSON.parse(r.stdout);
    expect(sarif.version).toBe('2.1.0');
    const run = sarif.runs[0];
    expect(run.tool.driver.name).toBe('aifactory');
    const rule = run.tool.driver.rules.find((x: { id: string }) => x.id === 'PWR-002');
    expect(rule.help.text).toMatch(/^Every component is removed in turn/);
    expect(rule.defaultConfiguration.level).toBe('error');
    expect(
      run.results.map(
        (x: { ruleId: string; locations: { logicalLocations: { fullyQualifiedName: string }[] }[] }) => [
          x.ruleId,
          x.locations[0].logicalLocations[0].fullyQualifiedName,
        ],
      ),
    ).toEqual([
      ['PWR-002', 'lab/site/ups-a'],
      ['PWR-002', 'lab/site/ups-b'],
    ]);
    expect(run.results[0].locations[0].physicalLocation.artifactLocation.uri).toBe(app('suppressed'));
    expect(run.results[0].suppressions).toEqual([
      {
        kind: 'inSource',
        status: 'accepted',
        justification: 'pilot rack: load capped at 100 kW by the BMS until the second UPS arrives',
      },
    ]);
    expect(run.results[1].suppressions).toBeUndefined();
    expect(run.results[0].properties).toEqual({ measured: 132, limit: 100, unit: 'kW' });
  });

  test('--format junit --output FILE: a failure per error finding, a skip per suppressed one', async () => {
    const file = path.join(tmp, 'junit.xml');
    const r = await cli('check', app('suppressed'), '--format', 'junit', '--output', file);
    expect(r.code).toBe(1);
    const xml = fs.readFileSync(file, 'utf8');
    const suites = xml.match(/<testsuite /g)!.length;
    expect(xml).toMatch(new RegExp(`<testsuites tests="${suites + 1}" failures="1" errors="0" skipped="1">`));
    expect(xml).toContain('<testcase classname="PWR-002" name="lab/site/ups-b">');
    expect(xml).toContain('<failure message="UPS carries 132 kW when lab/site/ups-a fails');
    expect(xml).toMatch(
      /<testcase classname="PWR-002" name="lab\/site\/ups-a">\s*<skipped\/>\s*<system-out>\s*<!\[CDATA\[suppressed: pilot rack/,
    );
    expect(xml).toContain('<testcase classname="PWR-001" name="no findings"/>');
  });

  test('APP may be an example directory', async () => {
    expect((await cli('check', 'examples/default')).code).toBe(0);
  });
});

describe('bad input: one line on stderr, exit 2, no stack trace unless --verbose', () => {
  test.each([
    [['check', 'missing.ts'], 'aifactory: APP not found: missing.ts\n'],
    [
      ['check', app('no-app')],
      `aifactory: ${app('no-app')}: the app creates no AiFactoryApp (new AiFactoryApp() from 'aifactory/stacks')\n`,
    ],
    [
      ['check', app('throws')],
      `aifactory: ${app('throws')}: lab/site/busway-a1: ratingA must be a finite number > 0, got 0\n`,
    ],
    [
      ['check', '--format', 'xml'],
      "aifactory: option '-f, --format <FORMAT>' argument 'xml' is invalid. Allowed choices are text, json, sarif, junit.\n",
    ],
    [['check', '--frobnicate'], "aifactory: unknown option '--frobnicate'\n"],
    [['deploy'], "aifactory: unknown command 'deploy'\n"],
    [['synth', '--out'], "aifactory: option '-o, --out <DIR>' argument missing\n"],
  ])('%j', async (args, stderr) => {
    const r = await cli(...args);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(stderr);
    expect(r.stdout).toBe('');
  });

  test('no command prints the usage and exits 2 (the bin, a real process)', () => {
    const r = bin();
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('Usage: aifactory');
  });

  test('--verbose adds the stack trace', async () => {
    const r = await cli('check', app('throws'), '--verbose');
    expect(r.code).toBe(2);
    expect(r.stderr.split('\n')[0]).toBe(
      `aifactory: ${app('throws')}: lab/site/busway-a1: ratingA must be a finite number > 0, got 0`,
    );
    expect(r.stderr).toMatch(/at new Busway/);
  });
});

describe('aifactory plan', () => {
  test('prints the largest passing size and the check that binds first', async () => {
    const r = await cli('plan', '--blueprint', 'gb200-nvl72', '--grid-mw', '44');
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(
      [
        'blueprint gb200-nvl72 on a 44 MW grid connection (PUE from the blueprint cooling plant)',
        'fits 256 racks (32 SUs), 18,432 GPUs: IT 33.79 MW, facility 43.79 MW, PUE 1.296',
        '264 racks fail PWR-003: facility 45.18 MW > grid 44 MW',
        'the same 256 racks per redundancy topology (installed per IT MW, N-1):',
        '  2n                    UPS 2.37 MW, MV/LV transformers or rectifiers 2.37 MVA; N-1 passes (worst 92.6%); 0 error(s) in all',
        '  distributed-redundant UPS 1.78 MW, MV/LV transformers or rectifiers 1.78 MVA; N-1 passes (worst 91.7%); 0 error(s) in all',
        '  block-redundant       UPS 2.96 MW, MV/LV transformers or rectifiers 2.96 MVA; N-1 passes (worst 77.3%); 0 error(s) in all',
        '',
      ].join('\n'),
    );
  });

  test('--pue declares the PUE instead of the cooling plant; --format json', async () => {
    const r = await cli('plan', '-b', 'gb200-nvl72', '--grid-mw', '44', '--pue', '1.3', '--format', 'json');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({
      sus: 32,
      racks: 256,
      gpus: 18_432,
      pue: 1.3,
      binding: { ruleId: 'PWR-003' },
    });
  });

  test.each([
    [
      ['plan', '--blueprint', 'gb400', '--grid-mw', '44'],
      "aifactory: --blueprint: unknown blueprint 'gb400'; known: gb200-nvl72, gb300-nvl72, vera-rubin-nvl72, dgx-b300, hypothetical-800vdc\n",
    ],
    [
      ['plan', '--blueprint', 'gb200-nvl72', '--grid-mw', '0'],
      'aifactory: --grid-mw must be a number > 0, got 0\n',
    ],
    [
      ['plan', '--blueprint', 'gb200-nvl72', '--grid-mw', '1e6'],
      'aifactory: --grid-mw must be at most 2000 (one site on one grid connection), got 1000000\n',
    ],
    [
      ['plan', '--blueprint', 'gb200-nvl72', '--grid-mw', 'lots'],
      "aifactory: option '--grid-mw <N>' argument 'lots' is invalid. 'lots' is not a number.\n",
    ],
    [['plan', '--grid-mw', '44'], "aifactory: required option '-b, --blueprint <ID>' not specified\n"],
  ])('%j exits 2', async (args, stderr) => {
    const r = await cli(...args);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(stderr);
  });
});

describe('aifactory report', () => {
  test('writes the HTML report and the Markdown summary even with error findings, exit 1', async () => {
    const html = path.join(tmp, 'report', 'index.html');
    const md = path.join(tmp, 'report', 'summary.md');
    const r = await cli('report', app('overloaded'), '--out', html, '--summary', md);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe(`wrote ${html} and ${md}\n`);
    const page = fs.readFileSync(html, 'utf8');
    expect(page).toMatch(/^<!doctype html>/i);
    expect(page).toContain('data-path="lab/site/ups-a"');
    expect(page).not.toMatch(/<script src|<link [^>]*href="http/);
    expect(fs.readFileSync(md, 'utf8')).toMatch(
      /^### aifactory: 2 error finding\(s\): the design does not pass/,
    );
  });

  test('the default example: exit 0 and the same report synth writes', async () => {
    const html = path.join(tmp, 'default-report.html');
    expect((await cli('report', '--out', html)).code).toBe(0);
    const out = path.join(tmp, 'out');
    expect((await synthDefault()).code).toBe(0);
    expect(fs.readFileSync(html, 'utf8')).toBe(
      fs.readFileSync(path.join(out, 'reports', 'index.html'), 'utf8'),
    );
  });
});

describe('aifactory synth', () => {
  test('writes the cdktf output, the capacity outputs and reports/findings.json', async () => {
    const out = path.join(tmp, 'out');
    const r = await synthDefault();
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`wrote ${out}`);
    expect(r.stdout).toContain(`wrote ${out} and ${path.join(tmp, 'gitops')}\n`);
    expect(Object.keys(treeHash(out)).sort()).toEqual([
      '.aifactory-output',
      'ci/github-actions-apply.yml',
      'manifest.json',
      'node-labels/essonne-ai.json',
      'reports/eed.json',
      'reports/findings.json',
      'reports/index.html',
      'reports/prometheus/essonne-ai.rules.json',
      'reports/stacks.json',
      'reports/summary.md',
      'stacks/essonne/cdk.tf.json',
    ]);
    // The GitOps tree beside --out, where users commit it, stamped as aifactory's like --out.
    expect(Object.keys(treeHash(path.join(tmp, 'gitops'))).sort()).toEqual([
      '.aifactory-output',
      'essonne-ai/argocd/apps/platform.yaml',
      'essonne-ai/argocd/apps/resources.yaml',
      'essonne-ai/argocd/root.yaml',
      'essonne-ai/charts/platform/Chart.yaml',
      'essonne-ai/charts/platform/templates/namespace.yaml',
      'essonne-ai/charts/platform/templates/network-policy.yaml',
      'essonne-ai/charts/platform/templates/priority-class.yaml',
      'essonne-ai/charts/platform/templates/prometheus-rule.yaml',
      'essonne-ai/charts/platform/templates/resource-quota.yaml',
      'essonne-ai/charts/platform/values.yaml',
      'essonne-ai/charts/resources/Chart.yaml',
      'essonne-ai/charts/resources/templates/cluster-queue.yaml',
      'essonne-ai/charts/resources/templates/compute-domain.yaml',
      'essonne-ai/charts/resources/templates/local-queue.yaml',
      'essonne-ai/charts/resources/templates/nic-cluster-policy.yaml',
      'essonne-ai/charts/resources/templates/node-feature-rule.yaml',
      'essonne-ai/charts/resources/templates/resource-flavor.yaml',
      'essonne-ai/charts/resources/templates/topology.yaml',
      'essonne-ai/charts/resources/values.yaml',
      'essonne-ai/flux/releases/platform.yaml',
      'essonne-ai/flux/releases/resources.yaml',
      'essonne-ai/flux/sync.yaml',
    ]);
    const tf = JSON.parse(fs.readFileSync(path.join(out, 'stacks/essonne/cdk.tf.json'), 'utf8'));
    const values = Object.fromEntries(
      Object.entries(tf.output).map(([k, v]) => [k, (v as { value: number }).value]),
    );
    expect(values).toEqual({
      sites: 1,
      racks: 250,
      gpus: 18000,
      it_load_kw: 33000,
      facility_load_kw: 42900,
      pue: 1.3,
    });
    expect(tf.terraform.backend.local.path).toBe('../../../terraform.essonne.tfstate');
    const report = JSON.parse(fs.readFileSync(path.join(out, 'reports/findings.json'), 'utf8'));
    expect(report).toEqual(JSON.parse((await cli('check', '--format', 'json')).stdout));
  });

  test('output is byte-identical from run to run, the GitOps tree too', async () => {
    const a = path.join(tmp, 'a');
    const b = path.join(tmp, 'b');
    expect((await cli('synth', '--out', a, '--gitops-out', path.join(`${a}-tree`, 'gitops'))).code).toBe(0);
    expect((await cli('synth', '--out', b, '--gitops-out', path.join(`${b}-tree`, 'gitops'))).code).toBe(0);
    expect(treeHash(a)).toEqual(treeHash(b));
    expect(treeHash(path.join(`${a}-tree`, 'gitops'))).toEqual(treeHash(path.join(`${b}-tree`, 'gitops')));
    expect((await cli('synth', '--out', a, '--gitops-out', path.join(`${a}-tree`, 'gitops'))).code).toBe(0);
    expect(treeHash(a)).toEqual(treeHash(b));
    expect(treeHash(path.join(`${a}-tree`, 'gitops'))).toEqual(treeHash(path.join(`${b}-tree`, 'gitops')));
  });

  test.each([
    ['error findings', 'overloaded', 1],
    ['an app that throws', 'throws', 2],
  ])('%s: exit code, earlier output untouched, no staging left behind', async (_name, fixture, code) => {
    const out = path.join(tmp, `keep-${fixture}`);
    // An earlier output: the default example's synth, copied.
    expect((await synthDefault()).code).toBe(0);
    fs.cpSync(path.join(tmp, 'out'), out, { recursive: true });
    const before = treeHash(out);
    // The bin as a real process: its exit code is the command's.
    const r = bin('synth', app(fixture), '--out', out);
    expect(r.code).toBe(code);
    expect(treeHash(out)).toEqual(before);
    expect(fs.readdirSync(tmp).filter((f) => f.includes('staging'))).toEqual([]);
    if (code === 1)
      expect(r.stderr).toBe(`aifactory: error findings: nothing written, ${out} left as it was\n`);
  });
});

describe('cdktf synth compatibility (cdktf.json runs the default example directly)', () => {
  const tsx = path.join(root, 'node_modules', 'tsx', 'dist', 'cli.mjs');
  const direct = (file: string, outdir: string) =>
    spawnSync(process.execPath, [tsx, file], {
      cwd: root,
      encoding: 'utf8',
      env: { ...process.env, CDKTF_OUTDIR: outdir },
    });

  test('the default example synthesizes on its own, checks included', async () => {
    const out = path.join(tmp, 'direct');
    const r = direct('examples/default/main.ts', out);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('findings: 0 error(s)');
    const viaCli = path.join(tmp, 'out');
    await synthDefault();
    expect(treeHash(out)).toEqual(treeHash(viaCli));
    const cdktfJson = JSON.parse(fs.readFileSync(path.join(root, 'cdktf.json'), 'utf8'));
    expect(cdktfJson.app).toBe('npx tsx examples/default/main.ts');
  });

  test('an app with error findings refuses to synthesize on its own', async () => {
    const out = path.join(tmp, 'direct-bad');
    const r = direct(app('overloaded'), out);
    expect(r.status).not.toBe(0);
    expect(r.stderr).toContain('<app>: 2 error finding(s): nothing synthesized');
    expect(fs.existsSync(path.join(out, 'stacks', 'lab', 'cdk.tf.json'))).toBe(false);
  });
});
