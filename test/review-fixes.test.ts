import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { RootConstruct } from 'constructs';
import {
  Building,
  DgxB300Building,
  Gb200Nvl72Building,
  GB200_NVL72_ASSUMPTIONS,
  Gb300Nvl72Building,
} from '../blueprints';
import { buildEssonneSite } from '../examples/essonne-44mw/site';
import { Delivery, DraDriver, GpuCluster, GpuOperator, Kueue, Rack, Site, Tenant } from '../constructs';
import { analyze } from '../src/analysis/analysis';
import { evaluate } from '../src/evaluate';
import { buildDesign } from '../src/model/design';
import { oversizedStacks } from '../src/output/stack-plan';
import { AiFactoryApp, PhysicalStack } from '../stacks';
import { frame, rack } from './fixtures/tiny';

describe('N-1: a load that only moves between siblings is no rise upstream', () => {
  test('the grid connection of a 1,024-rack GB300 building keeps no worst case (145 MW moving between sides)', () => {
    const root = new RootConstruct();
    const site = new Site(root, 'site', { country: 'FR', gridConnectionMw: 1_000 });
    new Gb300Nvl72Building(site, 'b', { racks: 1_024 });
    const design = buildDesign(root);
    const an = { ...analyze(design), plant: design.plant };
    const grid = an.plant.nodes.find((n) => n.kind === 'grid-connection')!;
    expect(an.contingency.worstUtilization[grid.index]).toBe(-1);
    const tx = an.plant.nodes.find((n) => n.path === 'site/b/mv-01/block-001/transformer-a')!;
    expect(an.contingency.worstUtilization[tx.index]).toBeGreaterThan(0.5);
  });
});

describe('Kubernetes names', () => {
  test('node names stay valid label values (<= 63 characters) with long site and rack names', () => {
    const root = new RootConstruct();
    const site = new Site(root, 'saint-quentin-en-yvelines-south', { country: 'FR', gridConnectionMw: 100 });
    new DgxB300Building(site, 'building-with-a-long-name', { racks: 16 });
    new GpuCluster(root, 'cluster', { racks: [site], delivery: Delivery.terraform() });
    const e = evaluate(root);
    const nodes = e.design.platform.clusters[0].nodes;
    expect(nodes).toHaveLength(64);
    for (const n of nodes) {
      expect(n.name.length).toBeLessThanOrEqual(63);
      expect(n.name).toMatch(/^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/);
      for (const v of [...Object.values(n.labels), ...Object.values(n.kubeletLabels)])
        expect(v.length).toBeLessThanOrEqual(63);
    }
    expect(new Set(nodes.map((n) => n.name)).size).toBe(64);
  });

  test('two tenants whose names normalize alike are refused, naming the path', () => {
    const f = frame();
    rack(f.hall, 'r1', 132, []);
    const cluster = new GpuCluster(f.root, 'cluster', { racks: [f.hall], delivery: Delivery.terraform() });
    const kueue = new Kueue(cluster, 'kueue');
    // Ids are normalized into names; an explicit name must already be a DNS-1123 label (issue 12).
    new Tenant(kueue, 'lab', { gpuQuota: 8 });
    new Tenant(kueue, 'Lab', { gpuQuota: 8 });
    expect(() => evaluate(f.root)).toThrow(
      "cluster/kueue/lab: tenant name 'lab' is already used in this cluster by cluster/kueue/Lab",
    );
    expect(() => new Tenant(kueue, 'other', { name: 'Lab', gpuQuota: 8 })).toThrow(
      'cluster/kueue/other: name must be a DNS-1123 label (at most 63 characters of a-z, 0-9 and \'-\', starting and ending with a letter or digit), got "Lab"',
    );
  });

  test('two racks whose names normalize alike are refused, naming both', () => {
    const f = frame();
    rack(f.hall, 'a', 10, []);
    new Rack(f.hall, 'b', { system: 'gb200-nvl72', name: 'r_1' });
    new Rack(f.hall, 'c', { system: 'gb200-nvl72', name: 'r-1' });
    new GpuCluster(f.root, 'cluster', { racks: [f.hall], delivery: Delivery.terraform() });
    expect(() => evaluate(f.root)).toThrow(/gives the same Kubernetes name 'site-r-1' as site\/hall\//);
  });
});

describe('Terraform delivery of two clusters in one stack', () => {
  function synth(order: 'ab' | 'ba') {
    const out = fs.mkdtempSync(path.join(os.tmpdir(), 'aifactory-two-'));
    try {
      const app = new AiFactoryApp({ outdir: out, maxResourcesPerStack: 150 });
      const stack = new PhysicalStack(app, 'lab');
      buildEssonneSite(stack, { racks: 16, gridConnectionMw: 10, cooling: 'design-pue' });
      const su = (n: string) => stack.node.findAll().find((c) => c.node.path.endsWith(`hall-01/${n}`))!;
      const make = {
        a: () => new GpuCluster(stack, 'a', { racks: [su('su-001')], delivery: Delivery.terraform() }),
        b: () => {
          const c = new GpuCluster(stack, 'b', { racks: [su('su-002')], delivery: Delivery.terraform() });
          new GpuOperator(c, 'gpu');
          new DraDriver(c, 'dra');
          new Kueue(c, 'kueue');
        },
      };
      for (const k of order) make[k as 'a' | 'b']();
      const plan = app.synthesizeDesign(evaluate(app));
      const platform = JSON.parse(
        fs.readFileSync(path.join(out, 'stacks', 'lab-a-platform', 'cdk.tf.json'), 'utf8'),
      );
      return { plan, backend: platform.terraform.backend.local.path };
    } finally {
      fs.rmSync(out, { recursive: true, force: true });
    }
  }

  // Issue 13: each cluster's platform has stacks of its own, so its labels count against its own
  // platform stack only (before, both clusters' resources shared the stack 'lab' and a's labels sharded).
  test('each cluster gets its own platform stacks, whatever the declaration order; their state paths are relative', () => {
    const ab = synth('ab');
    const ba = synth('ba');
    expect(oversizedStacks(ab.plan)).toEqual([]);
    expect(ab.plan.stacks.map((s) => [s.name, s.resources, s.wave])).toEqual([
      ['lab', 0, 0],
      // a: no operator, its 144 node labels within the cap of 150.
      ['lab-a-platform', 8 * 18, 0],
      // b: 3 releases + 4 namespaces + the GPU Operator's 2 power PrometheusRules + 144 labels
      // = 153 > 150: the labels shard.
      ['lab-b-labels-01', 8 * 18, 0],
      ['lab-b-platform', 3 + 4 + 2, 0],
      // 8 ComputeDomains, a Topology and a ResourceFlavor, after the releases.
      ['lab-b-resources', 8 + 2, 1],
    ]);
    expect(ab.plan.stacks.map((s) => [s.name, s.resources])).toEqual(
      ba.plan.stacks.map((s) => [s.name, s.resources]),
    );
    expect(ab.backend).toBe('../../../terraform.lab-a-platform.tfstate');
  });
});

describe('blueprint sizing', () => {
  test('an IT capacity that is an exact number of racks keeps them all (31 x 132 kW = 4.092 MW)', () => {
    const root = new RootConstruct();
    const site = new Site(root, 'site', { country: 'FR', gridConnectionMw: 10 });
    expect(new Gb200Nvl72Building(site, 'b', { itCapacityMw: 4.092 }).racks).toHaveLength(31);
  });

  test('halls hold whole scalable units', () => {
    const root = new RootConstruct();
    const site = new Site(root, 'site', { country: 'FR', gridConnectionMw: 10 });
    expect(
      () => new Building(site, 'b', { ...GB200_NVL72_ASSUMPTIONS, racksPerHall: 20 }, { racks: 40 }),
    ).toThrow(
      'site/b: racksPerHall (20) must be a multiple of racksPerSu (8): a scalable unit stands in one hall',
    );
  });
});
