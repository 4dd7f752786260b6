import { Delivery, GpuCluster, GpuOperator } from '../constructs';
import { analyze } from '../src/analysis/analysis';
import { buildDesign } from '../src/model/design';
import { deliveredPlatform } from '../src/operations/delivered-platform';
import { suppress } from '../src/policy/suppressions';
import { evaluate, frame, rack, ups } from './fixtures/tiny';

/** A hall with one 132 kW GB200 rack on a UPS (200 kW), a Terraform-delivered cluster and its GPU Operator. */
function gpuHall(upsKw = 200) {
  const { root, site, hall } = frame();
  const u = ups(site, 'ups-a', upsKw);
  rack(hall, 'r1', 132, [u], false);
  const cluster = new GpuCluster(root, 'gpu', { racks: [hall], delivery: Delivery.terraform() });
  new GpuOperator(cluster, 'gpu-operator');
  return { root, u };
}

describe('design, analysis, delivered platform', () => {
  test('the design is read from the tree alone: plant, platform without power rules, cloud, suppressions', () => {
    const { root, u } = gpuHall();
    suppress(u, 'PWR-002', 'single UPS accepted for the lab hall');
    const design = buildDesign(root);
    expect(design.plant.nodes.filter((n) => n.rack).map((n) => n.path)).toEqual(['site/hall/r1']);
    const [cluster] = design.platform.clusters;
    const [op] = cluster.operators;
    expect([op.path, op.kind, op.resources]).toEqual(['gpu/gpu-operator', 'gpu-operator', []]);
    expect(op.powerRules?.namespace).toBe('gpu-operator');
    expect(cluster.installedCrds).toEqual([]);
    expect(design.cloud.resources).toEqual([]);
    expect([...design.suppressions]).toEqual([
      ['site/ups-a', [{ ruleId: 'PWR-002', reason: 'single UPS accepted for the lab hall' }]],
    ]);
  });

  test("the analysis derives the power rules; the delivered platform adds them to their operator's objects", () => {
    const { root } = gpuHall();
    const design = buildDesign(root);
    const analysis = analyze(design);
    const rules = analysis.powerRules.get('gpu/gpu-operator')!;
    expect(rules.map((o) => [o.kind, o.metadata.name])).toEqual([
      ['PrometheusRule', 'gpu-power-site-hall'],
      ['PrometheusRule', 'gpu-power'],
    ]);
    const delivered = deliveredPlatform(design, analysis);
    const [cluster] = delivered.clusters;
    expect(cluster.operators[0].resources).toEqual(rules);
    expect(cluster.installedCrds).toEqual(['monitoring.coreos.com/PrometheusRule']);
    // Once per analysis: every renderer reads the same objects.
    expect(deliveredPlatform(design, analysis)).toBe(delivered);
    // The design itself is left as read.
    expect(design.platform.clusters[0].operators[0].resources).toEqual([]);
  });

  test('evaluate returns the design and its analysis; suppressions from the design apply', () => {
    // 132 kW on a 150 kW UPS: above its 80% continuous limit (120 kW).
    const { root, u } = gpuHall(150);
    suppress(u, 'PWR-001', 'load test of the lab hall, UPS swapped in Q3');
    const e = evaluate(root);
    expect(e.design.plant.sites.map((s) => s.path)).toEqual(['site']);
    expect(e.analysis.sites[0].itW).toBe(132_000);
    expect(
      e.findings
        .filter((f) => f.ruleId === 'PWR-001')
        .map((f) => [f.path, f.suppressed, f.reason, f.measured, f.limit]),
    ).toEqual([['site/ups-a', true, 'load test of the lab hall, UPS swapped in Q3', 132, 120]]);
  });
});
