import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { App, TerraformStack } from 'cdktf';
import { Construct, RootConstruct } from 'constructs';
import { Site, Ups } from '../constructs';
import { evaluate } from '../src/evaluate';
import { ACME_001 } from '../examples/custom-rule/ACME-001';
import { loadRules } from '../cli/load-rules';
import { addRules, rulesFor } from '../src/policy/registry';
import { ALL_RULES } from '../src/policy/packs';
import { suppress, suppressionsOf, SUPPRESSION_METADATA } from '../src/policy/suppressions';
import { runCli } from './fixtures/run-cli';

const root = path.resolve(__dirname, '..');
const tsx = path.join(root, 'node_modules', 'tsx', 'dist', 'cli.mjs');
const example = path.join(root, 'examples', 'custom-rule');
const ruleFile = path.join('examples', 'custom-rule', 'ACME-001.ts');

const BUSWAY_A = "busway carries 528.0 kW, above ACME's 40% of its rating (437.0 kW)";

/** The command in this process (`run(argv, io)`): the rule's findings in each format are its logic. */
const cli = (...args: string[]) => runCli(root, args);

/** The ```ts blocks of a Markdown file, in order. */
function tsBlocks(file: string): string[] {
  const text = fs.readFileSync(path.join(root, file), 'utf8');
  return [...text.matchAll(/```ts\n([\s\S]*?)```/g)].map((m) => m[1]);
}

let tmp: string;
beforeAll(() => (tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'aifactory-rule-'))));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

test('docs/custom-rules.md shows the example files word for word (package imports for relative ones)', () => {
  const [rule, main] = tsBlocks('docs/custom-rules.md');
  const relative = (s: string) =>
    s.replace(/from 'aifactory'/g, "from '../..'").replace(/from 'aifactory\/(\w+)'/g, "from '../../$1'");
  expect(relative(rule)).toBe(fs.readFileSync(path.join(example, 'ACME-001.ts'), 'utf8'));
  expect(relative(main)).toBe(fs.readFileSync(path.join(example, 'main.ts'), 'utf8'));
});

describe('a user rule given with --rules to an app that does not register it (the README app file)', () => {
  let dir: string;
  beforeAll(() => {
    const readme = fs.readFileSync(path.join(root, 'README.md'), 'utf8');
    const block = /## The app file[\s\S]*?```ts\n([\s\S]*?)```/.exec(readme)![1];
    dir = fs.mkdtempSync(path.join(root, 'test', '.readme-rule-'));
    fs.writeFileSync(path.join(dir, 'main.ts'), block.replace(/from 'aifactory\/(\w+)'/g, "from '../../$1'"));
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
  const paths = ['paris/paris-1/busway-a', 'paris/paris-1/busway-b'];

  test('text: the warnings, counted in the summary; exit 0 (a warning does not block)', async () => {
    const r = await cli('check', dir, '--rules', ruleFile);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('findings: 0 error(s), 2 warning(s), 0 info, 0 suppressed\n');
    for (const p of paths) expect(r.stdout).toContain(`WARNING ACME-001 ${p}: ${BUSWAY_A}\n`);
  });

  test('without --rules the same app has no finding', async () => {
    expect((await cli('check', dir, '--format', 'json')).stdout).toContain('"findings": []');
  });

  test('JSON: every field of the finding', async () => {
    const doc = JSON.parse((await cli('check', dir, '--rules', ruleFile, '--format', 'json')).stdout);
    expect(doc.findings).toEqual(
      paths.map((p) => ({
        ruleId: 'ACME-001',
        severity: 'warning',
        path: p,
        message: BUSWAY_A,
        measured: 528,
        limit: 437.031,
        unit: 'kW',
        suppressed: false,
        reason: null,
      })),
    );
  });

  test('SARIF: the rule among the driver rules, a warning result per busway', async () => {
    const sarif = JSON.parse((await cli('check', dir, '--rules', ruleFile, '--format', 'sarif')).stdout);
    const run = sarif.runs[0];
    const rule = run.tool.driver.rules.find((r: { id: string }) => r.id === 'ACME-001');
    expect(rule.shortDescription.text).toBe(ACME_001.description);
    expect(run.tool.driver.rules).toHaveLength(ALL_RULES.length + 1);
    const results = run.results.filter((r: { ruleId: string }) => r.ruleId === 'ACME-001');
    expect(results.map((r: { level: string }) => r.level)).toEqual(['warning', 'warning']);
    expect(results[0].message.text).toContain(BUSWAY_A);
  });

  test('JUnit: a test case for the rule', async () => {
    const xml = (await cli('check', dir, '--rules', ruleFile, '--format', 'junit')).stdout;
    // One test case per built-in rule (none has a finding: "no findings") plus one per ACME-001 finding (two busways).
    expect(xml).toContain(
      `<testsuites tests="${ALL_RULES.length + paths.length}" failures="0" errors="0" skipped="0">`,
    );
    expect(xml).toContain(
      '<testsuite name="ACME-001 Busways carry at most 40% of their rating in normal operation (ACME derating)." tests="2" failures="0" errors="0" skipped="0">\n' +
        '    <testcase classname="ACME-001" name="paris/paris-1/busway-a">\n' +
        `      <system-out><![CDATA[warning: ${BUSWAY_A} (measured 528 kW, limit 437.031 kW)]]></system-out>`,
    );
  });
});

test('an app that registers the rule: cdktf annotations in manifest.json when run directly (as cdktf synth does)', () => {
  const out = path.join(tmp, 'direct');
  const r = spawnSync(process.execPath, [tsx, path.join(example, 'main.ts')], {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, CDKTF_OUTDIR: out },
  });
  expect(r.stderr).toBe('');
  expect(r.status).toBe(0);
  expect(r.stdout).toContain('findings: 0 error(s), 2 warning(s), 0 info, 0 suppressed\n');
  const manifest = JSON.parse(fs.readFileSync(path.join(out, 'manifest.json'), 'utf8'));
  expect(manifest.stacks.acme.annotations).toEqual(
    ['a', 'b'].map((side) => ({
      constructPath: `acme/acme-1/busway-${side}`,
      level: '@cdktf/warn',
      message: `ACME-001: ${BUSWAY_A}`,
    })),
  );
});

test('under cdktf synth (CDKTF_CONTINUE_SYNTH_ON_ERROR_ANNOTATIONS) error findings are error annotations, not a stack trace', () => {
  const out = path.join(tmp, 'cdktf-errors');
  const r = spawnSync(process.execPath, [tsx, path.join('test', 'fixtures', 'apps', 'overloaded.ts')], {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, CDKTF_OUTDIR: out, CDKTF_CONTINUE_SYNTH_ON_ERROR_ANNOTATIONS: 'true' },
  });
  expect(r.stderr).toBe('');
  expect(r.status).toBe(0);
  const manifest = JSON.parse(fs.readFileSync(path.join(out, 'manifest.json'), 'utf8'));
  const errors = manifest.stacks.lab.annotations.filter((a: { level: string }) => a.level === '@cdktf/error');
  expect(errors[0]).toEqual({
    constructPath: 'lab/site/ups-a',
    level: '@cdktf/error',
    message: 'PWR-002: UPS carries 132 kW when lab/site/ups-b fails, 132% of its 100 kW rating (limit 100%)',
  });
});

describe('registering rules', () => {
  const appWith = () => new App({ outdir: path.join(tmp, 'unused') });

  test('the app runs the built-in rules, then the user rules in id order', () => {
    const app = appWith();
    const second = { ...ACME_001, id: 'ACME-002' };
    addRules(app, [second, ACME_001, ACME_001]);
    expect(
      rulesFor(app)
        .map((r) => r.id)
        .slice(ALL_RULES.length),
    ).toEqual(['ACME-001', 'ACME-002']);
    expect(rulesFor(appWith())).toBe(ALL_RULES);
  });

  test.each([
    [{ ...ACME_001, id: 'PWR-001' }, 'rule PWR-001 is a built-in rule id; give the user rule its own id'],
    [{ ...ACME_001, id: 'acme-1' }, "rule id 'acme-1' is not like PWR-001"],
    [
      { ...ACME_001, severity: 'fatal' },
      "rule ACME-001: severity 'fatal' is not one of error, warning, info",
    ],
    [{ ...ACME_001, help: ' ' }, 'rule ACME-001: help must be a non-empty string'],
  ])('refused with the app path: %#', (rule, message) => {
    const app = appWith();
    expect(() => addRules(app, [rule as typeof ACME_001])).toThrow(`<app>: ${message}`);
  });

  test('a rule written for the one-argument check of 0.1 fails in one line naming it, not with a bare TypeError', () => {
    const root = new RootConstruct();
    const site = new Site(root, 'site', { country: 'FR', gridConnectionMw: 1 });
    new Ups(site, 'ups', { moduleRatingKw: 200, feeds: [site.grid] });
    const old = {
      ...ACME_001,
      // check({ plant, flow }): `flow` now comes in the second argument, so it is undefined here.
      check: ({ flow }: { flow?: { outW: Float64Array } }) => (flow!.outW.length > 0 ? [] : []),
    } as unknown as typeof ACME_001;
    expect(() => evaluate(root, [old])).toThrow(
      "<app>: rule ACME-001 (pack acme) failed: Cannot read properties of undefined (reading 'outW') (check takes (design, analysis); up to 0.1.0 it took one argument: docs/custom-rules.md)",
    );
  });

  test('a built-in rule that fails is one line naming it, without the user-rule signature hint', () => {
    const root = new RootConstruct();
    const site = new Site(root, 'site', { country: 'FR', gridConnectionMw: 1 });
    new Ups(site, 'ups', { moduleRatingKw: 200, feeds: [site.grid] });
    const builtIn = ALL_RULES[0];
    const spy = jest.spyOn(builtIn, 'check').mockImplementation(() => {
      throw new TypeError('broken');
    });
    try {
      expect(() => evaluate(root, ALL_RULES)).toThrow(
        new RegExp(`^<app>: rule ${builtIn.id} \\(pack ${builtIn.pack}\\) failed: broken$`),
      );
    } finally {
      spy.mockRestore();
    }
  });

  test('the same id twice with different definitions is refused', () => {
    const app = appWith();
    addRules(app, [ACME_001]);
    expect(() => addRules(app, [{ ...ACME_001 }])).toThrow(
      '<app>: rule ACME-001 is registered twice with different definitions',
    );
  });

  test('--rules: a rule, a pack and a default export load; a module without rules is refused naming the file', () => {
    const rule = (id: string) =>
      `{ id: '${id}', severity: 'info', pack: 'acme', description: 'd', help: 'h', check: () => [] }`;
    const write = (name: string, text: string) => {
      fs.writeFileSync(path.join(tmp, name), text);
      return path.join(tmp, name);
    };
    const one = write('one.js', `exports.ACME_001 = ${rule('ACME-001')};`);
    const pack = write('pack.js', `exports.default = [${rule('ACME-002')}, ${rule('ACME-003')}];`);
    const none = write('none.js', 'exports.helper = 1;');
    const bad = write('bad.js', `module.exports = { ...${rule('ACME-004')}, check: 1 };`);
    expect(loadRules([one, pack]).map((r) => r.id)).toEqual(['ACME-001', 'ACME-002', 'ACME-003']);
    expect(() => loadRules([none])).toThrow(
      `--rules ${none}: exports no rule (an object with id, severity, pack, description, help and check) or pack`,
    );
    expect(() => loadRules([bad])).toThrow(
      `--rules ${bad}: rule ACME-004: check must be a function (design, analysis) => Violation[]`,
    );
    expect(() => loadRules(['missing.ts'])).toThrow('--rules missing.ts: file not found');
    const builtIn = write('builtin.js', `exports.R = ${rule('PWR-001')};`);
    expect(() => loadRules([builtIn])).toThrow(
      `--rules ${builtIn}: rule PWR-001 is a built-in rule id; give the user rule its own id`,
    );
  });
});

test('a suppression is node metadata any construct tool can read', () => {
  const app = new App({ outdir: path.join(tmp, 'unused') });
  const c = new Construct(new TerraformStack(app, 's'), 'ups');
  suppress(c, 'PWR-002', '  pilot rack capped at 100 kW  ');
  expect(c.node.metadata.map(({ type, data }) => ({ type, data }))).toEqual([
    { type: SUPPRESSION_METADATA, data: { ruleId: 'PWR-002', reason: 'pilot rack capped at 100 kW' } },
  ]);
  expect(SUPPRESSION_METADATA).toBe('aifactory:suppression');
  expect(suppressionsOf(c)).toEqual([{ ruleId: 'PWR-002', reason: 'pilot rack capped at 100 kW' }]);
});
