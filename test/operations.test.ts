import { RootConstruct } from 'constructs';
import { buildEssonneSite } from '../examples/essonne-44mw/site';
import { Chillers, Delivery, EnergyReporting, GpuCluster, GpuOperator, Site } from '../constructs';
import { gpuPowerShare } from '../src/catalog/gpu-power-share';
import { RackSystem } from '../src/catalog/rack-systems';
import { erf, pue, ref, wue } from '../src/operations/eed';
import { packObjects, RuleGroup } from '../src/operations/power-rules';
import { prometheusRules } from '../src/operations/rule-files';
import { headroomEntries } from '../src/output/headroom-json';
import { findingsJson } from '../src/output/report';
import { reportHtml } from '../src/report/html';
import { evaluate, frame, rack, ups } from './fixtures/tiny';
import { deliveredPlatform } from '../src/operations/delivered-platform';

describe('headroom: normal limit and N-1 safe load', () => {
  // 2N: two 100 kW UPS (continuous limit 80%), two racks of 30 kW, each on both.
  const { root, site, hall } = frame();
  const a = ups(site, 'ups-a', 100);
  const b = ups(site, 'ups-b', 100);
  rack(hall, 'r1', 30, [a, b]);
  rack(hall, 'r2', 40, [a, b]);
  const e = evaluate(root);
  const entries = headroomEntries(e.design, e.analysis);
  const at = (p: string) => entries.find((x) => x.path === p)!;

  test('a UPS of a 2N pair: 35 kW in normal operation, 70 kW when its twin fails: safe up to 50 kW', () => {
    expect(at('site/ups-a')).toEqual({
      path: 'site/ups-a',
      kind: 'ups',
      designLoadKw: 35,
      normalLimitKw: 80,
      // 35 kW x 100 kW / 70 kW: at a live 50 kW, losing ups-b puts 100 kW on it.
      n1SafeLoadKw: 50,
      headroomKw: 15,
      failure: 'site/ups-b',
      overloaded: 'site/ups-a',
    });
  });

  test("a rack's N-1 safe load: its design power x the tightest upstream ratio (100/70)", () => {
    expect(at('site/hall/r2')).toEqual({
      path: 'site/hall/r2',
      kind: 'rack',
      designLoadKw: 40,
      normalLimitKw: 40,
      n1SafeLoadKw: 57.143,
      headroomKw: 0,
      failure: 'site/ups-b',
      overloaded: 'site/ups-a',
    });
  });

  test('the grid connection, raised by no single failure, has no N-1 safe load', () => {
    expect(at('site/grid')).toMatchObject({ designLoadKw: 70, n1SafeLoadKw: null, failure: null });
  });

  test('check --format json lists the headroom of every node after the findings', () => {
    const doc = JSON.parse(findingsJson(e));
    expect(Object.keys(doc)).toEqual(['summary', 'findings', 'headroom']);
    expect(doc.headroom).toHaveLength(e.design.plant.nodes.length);
    expect(doc.headroom).toEqual(entries);
  });
});

describe('EU data-centre report formulas (Annex III), worked examples', () => {
  test('PUE = EDC / EIT: 13,140,000 kWh over 10,512,000 kWh is 1.25', () => {
    // 1,200 kW IT and 1,500 kW facility all year.
    expect(pue(1_500 * 8_760, 1_200 * 8_760)).toBe(1.25);
  });
  test('WUE = WIN / EIT: 21,024 m3 over 10,512 MWh is 2 L/kWh', () => {
    expect(wue(21_024, 10_512)).toBe(2);
  });
  test('ERF = EREUSE / EDC: 2,628,000 kWh reused of 13,140,000 kWh is 0.2', () => {
    expect(erf(2_628_000, 13_140_000)).toBe(0.2);
  });
  test('REF = ERES-TOT / EDC: 9,855,000 kWh renewable of 13,140,000 kWh is 0.75', () => {
    expect(ref(9_855_000, 13_140_000)).toBe(0.75);
  });
});

describe('EU data-centre report of the seed designs', () => {
  const kpis = (root: RootConstruct) => {
    const e = evaluate(root);
    return { e, byKey: new Map(e.analysis.eed.sites[0]?.kpis.map((k) => [k.symbol, k])) };
  };

  test('default example (design PUE 1.3): PUE and EDC declared, water not determined, renewables not determined', () => {
    const root = new RootConstruct();
    buildEssonneSite(root, { cooling: 'design-pue' });
    const { byKey } = kpis(root);
    expect(byKey.get('PDIT')).toMatchObject({
      value: 33_000,
      unit: 'kW',
      basis: 'computed',
      designEstimate: true,
    });
    expect(byKey.get('EIT')).toMatchObject({ value: 33_000 * 8_760, unit: 'kWh', basis: 'computed' });
    expect(byKey.get('EDC')).toMatchObject({ value: 33_000 * 8_760 * 1.3, unit: 'kWh', basis: 'declared' });
    expect(byKey.get('PUE')).toMatchObject({ value: 1.3, unit: '1', basis: 'declared' });
    expect(byKey.get('WUE')).toMatchObject({ value: null, unit: 'L/kWh', basis: 'not determined' });
    expect(byKey.get('ERF')).toMatchObject({ value: 0, basis: 'computed' });
    expect(byKey.get('REF')).toMatchObject({ value: null, basis: 'not determined' });
    expect(byKey.get('redundancy-electrical-high-voltage')).toMatchObject({ value: '2N', basis: 'computed' });
    expect(byKey.get('redundancy-electrical-low-voltage-line-up')).toMatchObject({ value: '2N' });
    expect(byKey.get('redundancy-electrical-rack')).toMatchObject({ value: '2N (2 cords)' });
    expect(byKey.get('redundancy-cooling-rack')).toMatchObject({ value: 'N+1', basis: 'computed' });
  });

  test('Essonne with its chiller plant: PUE computed; WUE 0 from chillers; declared reuse and renewables', () => {
    const root = new RootConstruct();
    const site = buildEssonneSite(root, { cooling: 'plant' });
    new EnergyReporting(Site.of(site), 'eed', { renewableShare: 0.6, reusedHeatShare: 0.2 });
    const { e, byKey } = kpis(root);
    const load = e.analysis.sites[0];
    const eit = 33_000 * 8_760;
    const edc = (load.facilityW / 1000) * 8_760;
    expect(byKey.get('PUE')).toMatchObject({ value: Math.round((edc / eit) * 1e4) / 1e4, basis: 'computed' });
    expect(byKey.get('PUE')!.value).toBeGreaterThan(1);
    expect(byKey.get('WIN')).toMatchObject({ value: 0, unit: 'm3', basis: 'computed' });
    expect(byKey.get('WUE')).toMatchObject({ value: 0, basis: 'computed' });
    expect(byKey.get('EREUSE')).toMatchObject({ value: Math.round(0.2 * eit), basis: 'declared' });
    expect(byKey.get('ERF')).toMatchObject({
      value: Math.round(((0.2 * eit) / edc) * 1e4) / 1e4,
      basis: 'declared',
    });
    expect(byKey.get('REF')).toMatchObject({ value: 0.6, basis: 'declared' });
  });

  test('declared water of an evaporative plant: WUE = 1.8 L/kWh x rejected heat / IT energy', () => {
    const { root, site, hall } = frame();
    const a = ups(site, 'ups-a', 1_000);
    rack(hall, 'r1', 600, [a], false);
    new Chillers(site, 'chillers', {
      unitCapacityKw: 700,
      units: 2,
      redundantUnits: 1,
      cop: 5,
      serves: [hall],
    });
    new EnergyReporting(site, 'eed', { waterLitresPerKwhHeat: { chiller: 1.8 } });
    const { byKey } = kpis(root);
    // 600 kW of heat all year x 1.8 L/kWh = 9,460.8 m3; over 5,256 MWh of IT energy.
    expect(byKey.get('WIN')).toMatchObject({ value: 9_460.8, basis: 'computed' });
    expect(byKey.get('WUE')).toMatchObject({ value: 1.8 });
    expect(byKey.get('redundancy-cooling-room')).toMatchObject({ value: 'N+1' });
    expect(byKey.get('redundancy-electrical-rack')).toMatchObject({ value: 'N' });
  });

  test('a site below 500 kW of IT power reports nothing and is listed as below the threshold', () => {
    const { root, site, hall } = frame();
    rack(hall, 'r1', 499, [ups(site, 'ups-a', 1_000)], false);
    const e = evaluate(root);
    expect(e.analysis.eed.sites).toEqual([]);
    expect(e.analysis.eed.belowThreshold).toEqual(['site']);
  });

  test('bad declarations: one line naming the construct path', () => {
    const { site } = frame();
    expect(() => new EnergyReporting(site, 'eed', { renewableShare: 1.5 })).toThrow(
      'site/eed: renewableShare must be a number in (0, 1], got 1.5',
    );
    expect(() => new EnergyReporting(site, 'eed2', { waterLitresPerKwhHeat: { chiller: -1 } })).toThrow(
      'site/eed2: waterLitresPerKwhHeat.chiller must be a finite number >= 0, got -1',
    );
  });
});

describe('packObjects: PrometheusRules within the size limit', () => {
  const make = (name: string, groups: RuleGroup[]) => ({
    apiVersion: 'monitoring.coreos.com/v1',
    kind: 'PrometheusRule',
    metadata: { name },
    spec: { groups },
  });
  const rules = (n: number, tag: string) =>
    Array.from({ length: n }, (_, i) => ({ record: `r:${tag}`, expr: `vector(${i})`.padEnd(500, ' ') }));

  test('under the limit: one object with the name given, groups unchanged', () => {
    const groups = [{ name: 'a', rules: rules(3, 'a') }];
    expect(packObjects('x', groups, make, 100_000)).toEqual([make('x', groups)]);
  });

  test('over it: objects x-01, x-02, ... each within the limit, the rules in order, a split group continued as <group>-2', () => {
    const groups = [
      { name: 'a', rules: rules(30, 'a') },
      { name: 'b', rules: rules(30, 'b') },
    ];
    const objects = packObjects('x', groups, make, 10_000);
    // 60 rules of 527 bytes in objects of at most 8,000 bytes of rules (10,000 less 2,000 for the rest): 15 a piece.
    expect(JSON.stringify(groups[0].rules[0]).length + 1).toBe(527);
    expect(objects.map((o) => o.metadata.name)).toEqual(['x-01', 'x-02', 'x-03', 'x-04']);
    expect(objects.map((o) => o.spec.groups.map((g) => [g.name, g.rules.length]))).toEqual([
      [['a', 15]],
      [['a-2', 15]],
      [['b', 15]],
      [['b-2', 15]],
    ]);
    for (const o of objects) expect(JSON.stringify(o).length).toBeLessThanOrEqual(10_000);
    const flat = objects.flatMap((o) => o.spec.groups.flatMap((g) => g.rules));
    expect(flat).toEqual([...groups[0].rules, ...groups[1].rules]);
    const names = objects.flatMap((o) => o.spec.groups.map((g) => g.name));
    expect(new Set(names).size).toBe(names.length);
    expect(names).toEqual(['a', 'a-2', 'b', 'b-2']);
  });
});

describe('GpuOperator prometheusRules settings', () => {
  const cluster = () => {
    const { root, site, hall } = frame();
    rack(hall, 'r1', 132, [ups(site, 'ups-a', 200)], false);
    return { root, cluster: new GpuCluster(root, 'gpu', { racks: [hall], delivery: Delivery.terraform() }) };
  };

  test('namespace, labels, node label and for reach the PrometheusRules and the exporter ServiceMonitor', () => {
    const { root, cluster: c } = cluster();
    new GpuOperator(c, 'gpu-operator', {
      prometheusRules: {
        namespace: 'monitoring',
        labels: { release: 'kps' },
        nodeLabel: 'Hostname',
        for: '5m',
      },
    });
    const e = evaluate(root);
    const [model] = deliveredPlatform(e.design, e.analysis).clusters;
    const op = model.operators[0];
    const rules = prometheusRules(op.resources);
    expect(rules.map((r) => [r.metadata.name, r.metadata.namespace, r.metadata.labels])).toEqual([
      ['gpu-power-site-hall', 'monitoring', { 'app.kubernetes.io/part-of': 'aifactory', release: 'kps' }],
      ['gpu-power', 'monitoring', { 'app.kubernetes.io/part-of': 'aifactory', release: 'kps' }],
    ]);
    const [record, budget] = rules[0].spec.groups[0].rules;
    expect(record.expr).toBe(
      'sum(DCGM_FI_DEV_POWER_USAGE{Hostname=~"site-hall-r1-n(01|02|03|04|05|06|07|08|09|10|11|12|13|14|15|16|17|18)"}) / 0.654545454545455',
    );
    expect(budget.for).toBe('5m');
    expect(op.values.dcgmExporter).toMatchObject({
      serviceMonitor: { additionalLabels: { release: 'kps' }, relabelings: [{ targetLabel: 'Hostname' }] },
    });
  });

  test('prometheusRules: false emits none', () => {
    const { root, cluster: c } = cluster();
    new GpuOperator(c, 'gpu-operator', { prometheusRules: false });
    const e = evaluate(root);
    expect(deliveredPlatform(e.design, e.analysis).clusters[0].operators[0].resources).toEqual([]);
  });

  test('bad settings: one line naming the construct path', () => {
    const { cluster: c } = cluster();
    expect(() => new GpuOperator(c, 'a', { prometheusRules: { nodeLabel: 'node-name' } })).toThrow(
      "gpu/a: prometheusRules.nodeLabel must be a Prometheus label name ([a-zA-Z_][a-zA-Z0-9_]*), got 'node-name'",
    );
    expect(() => new GpuOperator(c, 'b', { prometheusRules: { for: 'soon' } })).toThrow(
      "gpu/b: prometheusRules.for must be a Prometheus duration such as '2m', got 'soon'",
    );
  });
});

describe('GPU share of rack design power (catalog)', () => {
  test('GPUs x GPU power / rack design power, per system, with unverified figures marked', () => {
    expect(
      RackSystem.list().map((s) => {
        const g = gpuPowerShare(s);
        return [s.id, g.gpuW, Math.round(g.share * 1e4) / 1e4, g.unverified, g.source.read];
      }),
    ).toEqual([
      ['gb200-nvl72', 1_200, 0.6545, false, '2026-11-28'], // 72 x 1.2 kW / 132 kW
      ['gb300-nvl72', 1_400, 0.7099, false, '2026-11-28'], // 72 x 1.4 kW / 142 kW
      ['vera-rubin-nvl72', 1_800, 0.5709, true, '2026-11-28'], // 72 x 1.8 kW / 227 kW
      ['dgx-b300', 1_100, 0.6286, true, '2026-11-28'], // 32 x 1.1 kW / 56 kW
      ['hypothetical-800vdc', 1_800, 0.5709, true, '2026-11-28'], // as Vera Rubin: 72 x 1.8 kW / 227 kW
    ]);
  });
});

describe('HTML report sections', () => {
  test('headroom table (least headroom first) and the EU report with each KPI basis', async () => {
    const { root, site, hall } = frame({ designPue: 1.25 });
    const a = ups(site, 'ups-a', 1_000);
    const b = ups(site, 'ups-b', 1_000);
    rack(hall, 'r1', 300, [a, b]);
    rack(hall, 'r2', 300, [a, b]);
    const html = await reportHtml(evaluate(root));
    const section = (id: string) => new RegExp(`<section id="${id}">[\\s\\S]*?</section>`).exec(html)![0];
    const headroom = section('headroom');
    expect(headroom).toContain('<caption>3 of 3 pieces of equipment, least headroom first (kW)</caption>');
    // 2N: each UPS 300 kW in normal operation, 600 kW when its twin fails: N-1 safe load 500 kW.
    expect(headroom).toContain(
      '<tr><td>site/ups-a</td><td>ups</td><td class="num">300</td><td class="num">800</td><td class="num">500</td><td class="num">200</td><td>site/ups-b</td></tr>',
    );
    const eed = section('eed');
    expect(eed).toContain(
      '<tr><td>PUE</td><td>power usage effectiveness</td><td class="num">1.25</td><td>1</td><td>declared</td><td>EDC / EIT = the declared design PUE</td></tr>',
    );
    expect(eed).toContain(
      '<td>REF</td><td>renewable energy factor</td><td class="num"></td><td>1</td><td>not determined</td>',
    );
  }, 60_000);
});
