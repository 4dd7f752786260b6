import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { buildEssonneSite } from '../examples/essonne-44mw/site';
import { Delivery, DraDriver, GpuCluster, GpuOperator, Kueue } from '../constructs';
import { evaluate } from '../src/evaluate';
import { oversizedStacks, StackPlan, stackPlanText } from '../src/output/stack-plan';
import { packShards } from '../src/planning/shards';
import { AiFactoryApp, PhysicalStack } from '../stacks';

describe('shards', () => {
  test('units are packed in order, whole, within the cap; a unit above the cap stands alone', () => {
    const units = [10, 30, 50, 20, 120, 5].map((size, i) => ({ key: `u${i}`, size }));
    expect(packShards(units, 60)).toEqual([
      { keys: ['u0', 'u1'], size: 40 },
      { keys: ['u2'], size: 50 },
      { keys: ['u3'], size: 20 },
      { keys: ['u4'], size: 120 },
      { keys: ['u5'], size: 5 },
    ]);
  });
});

describe('Terraform delivery sharded under the cap of resources per stack', () => {
  function synth(cap: number) {
    const out = fs.mkdtempSync(path.join(os.tmpdir(), 'aifactory-shard-'));
    try {
      const app = new AiFactoryApp({ outdir: out, maxResourcesPerStack: cap });
      const stack = new PhysicalStack(app, 'lab');
      const site = buildEssonneSite(stack, { racks: 16, gridConnectionMw: 10, cooling: 'design-pue' });
      const cluster = new GpuCluster(stack, 'cluster', {
        name: 'lab-gpu',
        racks: [site],
        delivery: Delivery.terraform(),
      });
      new GpuOperator(cluster, 'gpu');
      const plan: StackPlan = app.synthesizeDesign(evaluate(app));
      const labels = plan.stacks.flatMap((s) => {
        const tf = JSON.parse(fs.readFileSync(path.join(out, s.workingDirectory, 'cdk.tf.json'), 'utf8'));
        return Object.values(tf.resource?.kubernetes_labels ?? {}).map(
          (l) => (l as { metadata: { name: string } }).metadata.name,
        );
      });
      return {
        plan,
        labels,
        written: JSON.parse(fs.readFileSync(path.join(out, 'reports', 'stacks.json'), 'utf8')),
      };
    } finally {
      fs.rmSync(out, { recursive: true, force: true });
    }
  }

  test('under a high cap, the platform stack holds everything', () => {
    const { plan, labels } = synth(2_000);
    // The GPU Operator's release and namespace, its 2 PrometheusRules (racks, equipment), the labels.
    expect(plan.stacks.map((s) => [s.name, s.resources])).toEqual([
      ['lab', 0],
      ['lab-lab-gpu-platform', 4 + 16 * 18],
    ]);
    expect(labels).toHaveLength(288);
  });

  test('node labels move to shard stacks of whole scalable units, each within the cap, all in one wave', () => {
    const { plan, labels, written } = synth(200);
    expect(plan.stacks.map((s) => [s.name, s.resources, s.wave])).toEqual([
      ['lab', 0, 0],
      ['lab-lab-gpu-labels-01', 144, 0],
      ['lab-lab-gpu-labels-02', 144, 0],
      ['lab-lab-gpu-platform', 4, 0],
    ]);
    expect(new Set(labels).size).toBe(288);
    expect(oversizedStacks(plan)).toEqual([]);
    expect(written).toEqual(JSON.parse(JSON.stringify(plan)));
    expect(stackPlanText(plan)).toBe(
      'stacks 4 in 1 apply wave(s), 292 resources, largest 144 (cap 200)\n' +
        'wave 1: lab, lab-lab-gpu-labels-01, lab-lab-gpu-labels-02, lab-lab-gpu-platform\n',
    );
  });

  test('a scalable unit larger than the cap is reported, naming the stack', () => {
    const { plan } = synth(100);
    expect(oversizedStacks(plan)).toEqual([
      'stack lab-lab-gpu-labels-01 holds 144 resources > cap 100 per stack',
      'stack lab-lab-gpu-labels-02 holds 144 resources > cap 100 per stack',
    ]);
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
