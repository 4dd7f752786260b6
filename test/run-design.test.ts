// The one synth pipeline (stacks/run-design.ts) as a direct run uses it, in process.
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { Hall, Rack, Site, Ups } from '../constructs';
import { AiFactoryApp, PhysicalStack } from '../stacks';
import { DesignRejected, runDesign } from '../stacks/run-design';

let tmp: string;
beforeAll(() => (tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'aifactory-run-design-'))));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

/** One rack on a 2N pair of `upsKw` UPS. */
function lab(outdir: string, upsKw: number): AiFactoryApp {
  fs.mkdirSync(path.dirname(outdir), { recursive: true });
  const app = new AiFactoryApp({ outdir });
  const site = new Site(new PhysicalStack(app, 'lab'), 'site', {
    country: 'FR',
    gridConnectionMw: 1,
    designPue: 1.2,
  });
  const hall = new Hall(site, 'hall', { designKwPerRack: 150, rackPositions: 1 });
  const a = new Ups(site, 'ups-a', { moduleRatingKw: upsKw, feeds: [site.grid] });
  const b = new Ups(site, 'ups-b', { moduleRatingKw: upsKw, feeds: [site.grid] });
  new Rack(hall, 'r1', { system: 'gb200-nvl72', feeds: [a, b] });
  return app;
}

const quietly = <T>(fn: () => T): T => {
  const stdout = jest.spyOn(process.stdout, 'write').mockImplementation(() => true);
  try {
    return fn();
  } finally {
    stdout.mockRestore();
  }
};

test('synth() returns with everything written, the HTML report and the ownership stamp included', () => {
  const out = path.join(tmp, 'direct', 'cdktf.out');
  const app = lab(out, 200);
  quietly(() => app.synth());
  expect(fs.existsSync(path.join(out, 'stacks', 'lab', 'cdk.tf.json'))).toBe(true);
  expect(fs.readFileSync(path.join(out, 'reports', 'summary.md'), 'utf8')).toMatch(
    /^### aifactory: the design passes/,
  );
  expect(fs.readFileSync(path.join(out, 'reports', 'index.html'), 'utf8')).toMatch(/^<!doctype html>/i);
  const stamp = JSON.parse(fs.readFileSync(path.join(out, '.aifactory-output'), 'utf8'));
  expect(stamp.files).toContain('reports/index.html');
});

test('error findings with errorFindings: throw: a DesignRejected naming the count, nothing synthesized', () => {
  const out = path.join(tmp, 'rejected', 'cdktf.out');
  const app = lab(out, 100);
  let thrown: unknown;
  try {
    runDesign(app, { errorFindings: 'throw' });
  } catch (e) {
    thrown = e;
  }
  expect(thrown).toBeInstanceOf(DesignRejected);
  const rejected = thrown as DesignRejected;
  expect(rejected.message).toBe('<app>: 2 error finding(s): nothing synthesized');
  expect(rejected.gate).toEqual({ kind: 'error-findings' });
  expect(rejected.evaluation.findings.map((f) => [f.ruleId, f.path])).toEqual([
    ['PWR-002', 'lab/site/ups-a'],
    ['PWR-002', 'lab/site/ups-b'],
  ]);
  expect(fs.existsSync(path.join(out, 'stacks', 'lab', 'cdk.tf.json'))).toBe(false);
  expect(fs.existsSync(path.join(out, 'reports'))).toBe(false);
  // Node prints an uncaught error's own enumerable fields: a direct run prints the message, not the design.
  expect(Object.keys(rejected)).not.toContain('evaluation');
  expect(Object.keys(rejected)).not.toContain('gate');
});

test("errorFindings: 'annotate' (cdktf synth): the output is written and the errors are cdktf error annotations", () => {
  const out = path.join(tmp, 'annotated', 'cdktf.out');
  // What cdktf-cli sets for the app it runs (read when the App is made); without it cdktf throws on error annotations.
  process.env.CDKTF_CONTINUE_SYNTH_ON_ERROR_ANNOTATIONS = 'true';
  try {
    const app = lab(out, 100);
    const run = runDesign(app, { errorFindings: 'annotate' });
    expect(run.plan.stacks.map((s) => s.name)).toEqual(['lab']);
  } finally {
    delete process.env.CDKTF_CONTINUE_SYNTH_ON_ERROR_ANNOTATIONS;
  }
  const manifest = JSON.parse(fs.readFileSync(path.join(out, 'manifest.json'), 'utf8'));
  const annotations = manifest.stacks.lab.annotations.map((a: { level: string; message: string }) => [
    a.level,
    a.message.split(':')[0],
  ]);
  expect(annotations).toEqual([
    ['@cdktf/error', 'PWR-002'],
    ['@cdktf/error', 'PWR-002'],
  ]);
  expect(fs.existsSync(path.join(out, 'reports', 'index.html'))).toBe(true);
});
