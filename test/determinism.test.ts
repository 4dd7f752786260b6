import * as fs from 'fs';
import * as path from 'path';
import { treeHash } from './fixtures/tree-hash';
import { sharedExampleSynth, synthExample } from './fixtures/example-synth';
import { Construct } from 'constructs';
import {
  Busway,
  Delivery,
  DraDriver,
  GpuCluster,
  GpuOperator,
  Hall,
  Kueue,
  Pod,
  Rack,
  Site,
  Tenant,
  Ups,
} from '../constructs';
import { evaluate } from '../src/evaluate';
import { AiFactoryApp, PhysicalStack } from '../stacks';
import { scratchDir } from './fixtures/scratch';

/** The CDK for Terraform engine the suite runs on: `cdktf`, or `cdktn` under `.ci/cdktn.sh` (an npm alias). */
// eslint-disable-next-line @typescript-eslint/no-require-imports
const ENGINE = (require('cdktf/package.json') as { name: string }).name;

let tmp: string;
beforeAll(() => (tmp = scratchDir('aifactory-det-')));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

/** The tree of a synth: the cdktf output and the GitOps tree beside it (if any), as `DIR/out` and `DIR/gitops`. */
const synthTree = (r: { out: string; gitops: string }): Record<string, string> =>
  Object.fromEntries(
    [
      ...Object.entries(treeHash(r.out)).map(([f, h]) => [`out/${f}`, h]),
      ...Object.entries(fs.existsSync(r.gitops) ? treeHash(r.gitops) : {}).map(([f, h]) => [
        `gitops/${f}`,
        h,
      ]),
    ].sort(([a], [b]) => (a < b ? -1 : 1)),
  );

// Each synth is a process of its own, as users run it. The first of the two, and the campus, are
// the synths shared with the other suites of the run (deploy-order reads them too).
describe('byte-identical output', () => {
  test.each(['default', 'essonne-44mw'])('two synths of examples/%s give identical trees', (example) => {
    const a = sharedExampleSynth(example);
    const b = synthExample(example, path.join(tmp, `${example}-b`));
    expect(a.code).toBe(0);
    expect(b.code).toBe(0);
    const ha = synthTree(a);
    expect(Object.keys(ha).length).toBeGreaterThan(2);
    expect(synthTree(b)).toEqual(ha);
  });

  /**
   * The campus is synthesized once (about 20 s of CPU), and compared with the tree of an earlier
   * synth, in another process, another directory and at another time: the committed snapshot of
   * every file's sha256. A change of the campus output that is meant shows here as the files that
   * changed; refresh the snapshot then (`npx jest test/determinism.test.ts -u`).
   */
  // The committed hashes are cdktf's: another engine (the cdktn fork, `.ci/cdktn.sh`) writes its
  // own name and version into manifest.json and every stack, so there the snapshot test is
  // skipped (kept, not obsolete) and a second synth in a process of its own is the earlier synth.
  (ENGINE === 'cdktf' ? test : test.skip)(
    'a synth of examples/campus-1-4gw gives the tree of an earlier synth (committed hashes)',
    () => {
      const a = sharedExampleSynth('campus-1-4gw');
      expect(a.code).toBe(0);
      const ha = synthTree(a);
      expect(Object.keys(ha).length).toBeGreaterThan(2);
      expect(ha).toMatchSnapshot();
    },
  );

  (ENGINE === 'cdktf' ? test.skip : test)(
    `on ${ENGINE}: two synths of examples/campus-1-4gw give identical trees`,
    () => {
      const a = sharedExampleSynth('campus-1-4gw');
      const b = synthExample('campus-1-4gw', path.join(tmp, 'campus-b'));
      expect(a.code).toBe(0);
      expect(b.code).toBe(0);
      const ha = synthTree(a);
      expect(Object.keys(ha).length).toBeGreaterThan(2);
      expect(synthTree(b)).toEqual(ha);
    },
  );

  /**
   * The same design, its independent statements declared in a shuffled order: racks, busways,
   * UPS, halls, operators and tenants. The files must not change.
   */
  test('shuffling the order of independent declarations gives the same files', () => {
    const build = (order: (n: number) => number[]) => {
      const dir = path.join(tmp, `shuffle-${order(3).join('')}`);
      const out = path.join(dir, 'out');
      fs.mkdirSync(dir);
      const app = new AiFactoryApp({ outdir: out });
      const stack = new PhysicalStack(app, 'lab');
      const site = new Site(stack, 'site', { country: 'FR', gridConnectionMw: 5, designPue: 1.25 });
      const halls: Hall[] = [];
      for (const h of order(2))
        halls[h] = new Hall(site, `hall-${h}`, { designKwPerRack: 132, rackPositions: 8 });
      const ups: Ups[] = [];
      for (const u of order(2))
        ups[u] = new Ups(site, `ups-${u}`, { moduleRatingKw: 1_250, modules: 2, feeds: [site.grid] });
      const busways: Busway[] = [];
      for (const i of order(4))
        busways[i] = new Busway(site, `busway-${i}`, { ratingA: 1_000, feeds: [ups[i % 2]] });
      const pods: Construct[] = [];
      for (const h of order(2)) pods[h] = new Pod(halls[h], 'su-1');
      for (const r of order(8)) {
        const h = r % 2;
        new Rack(pods[h], `r${r}`, { system: 'gb200-nvl72', feeds: [busways[h * 2], busways[h * 2 + 1]] });
      }
      const cluster = new GpuCluster(stack, 'cluster', {
        racks: [site],
        delivery: Delivery.gitops({ repoUrl: 'https://git.example.org/lab.git' }),
      });
      const kinds = [
        () => new GpuOperator(cluster, 'gpu'),
        () => new DraDriver(cluster, 'dra'),
        () => new Kueue(cluster, 'kueue'),
      ];
      for (const k of order(3)) kinds[k]();
      const kueue = cluster.node.findChild('kueue') as Kueue;
      const tenants = [
        () => new Tenant(kueue, 'lab-a', { gpuQuota: 144 }),
        () => new Tenant(kueue, 'lab-b', { gpuQuota: 144 }),
      ];
      for (const t of order(2)) tenants[t]();
      const e = evaluate(app);
      expect(e.findings).toEqual([]);
      app.synthesizeDesign(e);
      // The cdktf output and the GitOps tree beside it.
      return treeHash(dir);
    };
    const forward = (n: number) => Array.from({ length: n }, (_, i) => i);
    const backward = (n: number) => forward(n).reverse();
    const interleaved = (n: number) => [
      ...forward(n).filter((i) => i % 2 === 1),
      ...forward(n).filter((i) => i % 2 === 0),
    ];
    const a = build(forward);
    expect(Object.keys(a)).toContain('gitops/cluster/charts/resources/templates/cluster-queue.yaml');
    expect(build(backward)).toEqual(a);
    expect(build(interleaved)).toEqual(a);
  });
});
