import { RootConstruct } from 'constructs';
import { buildEssonneSite } from '../examples/essonne-44mw/site';
import { buildCampus } from '../examples/campus-1-4gw/campus';
import { evaluate } from '../src/evaluate';

describe('default example: 44 MW Essonne site at design PUE 1.3', () => {
  const root = new RootConstruct();
  buildEssonneSite(root, { cooling: 'design-pue' });
  const e = evaluate(root);
  const { plant } = e.design;
  const { flow, contingency } = e.analysis;
  const byKind = (k: string) => plant.nodes.filter((n) => n.kind === k);
  const at = (p: string) => plant.nodes.find((n) => n.path === p)!;

  test('250 GB200 NVL72 racks, 18,000 GPUs, 33 MW IT, 42.9 MW at PUE 1.3 within 44 MW', () => {
    expect(e.summary).toEqual({
      sites: 1,
      racks: 250,
      gpus: 18_000,
      itLoadKw: 33_000,
      facilityLoadKw: 42_900,
      pue: 1.3,
    });
    expect(e.findings).toEqual([]);
  });

  test('2N train: 2 HV/MV and 32 MV/LV transformers, 32 UPS, 126 busways, dual-corded racks', () => {
    const it = (k: string) => byKind(k).filter((n) => !n.path.includes('/mechanical/'));
    expect(it('transformer')).toHaveLength(2 + 32);
    expect(it('switchgear')).toHaveLength(2);
    expect(it('ups')).toHaveLength(32);
    // The mechanical train for the CDU pumps (no heat rejection here: the design PUE covers it).
    expect(byKind('transformer').length - it('transformer').length).toBe(4);
    expect(byKind('ups').length - it('ups').length).toBe(2);
    // 31 full SUs x 2 pairs + 1 pair for the last SU's 2 racks.
    expect(byKind('busway')).toHaveLength((31 * 2 + 1) * 2);
    expect(byKind('rack').every((r) => r.feeds.length === 2)).toBe(true);
    expect(plant.halls.map((h) => [h.racks.length, h.rackPositions])).toEqual([
      [128, 128],
      [122, 122],
    ]);
  });

  test('loads by hand: a block of 16 racks on its MV/LV transformer, in normal operation and under N-1', () => {
    const tx = at('bruyeres/building-1/mv-01/block-001/transformer-a');
    // Normal: half of 16 x 132 kW through a 97% UPS = 1,088.66 kW, / PF 0.95 = 1,145.96 kVA of 2,500.
    expect(flow.outW[tx.index] / 1000).toBeCloseTo((8 * 132) / 0.97, 6);
    // B side lost: the whole block, 2,177.32 kW = 2,291.91 kVA, 91.7% of 2,500 kVA.
    expect(contingency.worstLoadW[tx.index] / 1000).toBeCloseTo((16 * 132) / 0.97, 6);
    expect(contingency.worstUtilization[tx.index]).toBeCloseTo((16 * 132) / 0.97 / 0.95 / 2500, 9);
  });

  test('generators sized by the blueprint: 14 + 1 x 2,500 kW carry the backed load of both MV boards', () => {
    const g = plant.generators.find((x) => x.path === 'bruyeres/building-1/mv-01/generators')!;
    const backed = g.backs.reduce((s, i) => s + flow.inW[i], 0);
    expect(backed / 1000).toBeCloseTo(33_000 / 0.97 / 0.99, 3);
    expect([g.units, g.redundantUnits, g.usableW / 1000]).toEqual([15, 1, 35_000]);
  });

  test('the CDU pumps are on the mechanical UPS, backed by the mechanical generators', () => {
    // 6 duty CDUs per hall x 31.25 kW = 375 kW of pumps, through a 97% UPS and a 99% transformer.
    const g = plant.generators.find((x) => x.path === 'bruyeres/building-1/mechanical/generators')!;
    const backed = g.backs.reduce((s, i) => s + flow.inW[i], 0);
    expect(backed / 1000).toBeCloseTo(375 / 0.97 / 0.99, 6);
    expect([g.units, g.redundantUnits]).toEqual([2, 1]);
  });

  test('every single failure is survivable: highest N-1 load is the block transformer at 91.7%', () => {
    let worst = 0;
    plant.nodes.forEach((n) => (worst = Math.max(worst, contingency.worstUtilization[n.index])));
    expect(worst).toBeCloseTo((16 * 132) / 0.97 / 0.95 / 2500, 9);
    expect(contingency.cases).toBe(
      plant.nodes.filter((n) => n.kind !== 'rack' && n.kind !== 'cooling' && n.kind !== 'grid-connection')
        .length,
    );
  });
});

describe('essonne-44mw example: the same site with its chiller plant', () => {
  const root = new RootConstruct();
  buildEssonneSite(root);
  const e = evaluate(root);

  test('PUE computed from the plant, under the 1.3 target, within 44 MW: cooling on the train', () => {
    const site = e.analysis.sites[0];
    // IT: 33 MW / (0.97 x 0.99 x 0.99). Chillers: 33 MW / 4.39 through the mechanical MV/LV and
    // HV/MV transformers (0.99 x 0.99). CDU pumps: 2 halls x 6 duty x 31.25 kW through the
    // mechanical UPS (0.97) and the same two transformers.
    const itKw = 33_000 / 0.97 / 0.99 / 0.99;
    const chillersKw = 33_000 / 4.39;
    const pumpsKw = 2 * 6 * 31.25;
    const trainKw = itKw + (chillersKw + pumpsKw / 0.97) / 0.99 / 0.99;
    expect(site.trainInputW / 1000).toBeCloseTo(trainKw, 3);
    expect(site.coolingW / 1000).toBeCloseTo(chillersKw + pumpsKw, 3);
    expect(e.summary.facilityLoadKw).toBeCloseTo(trainKw, 2); // 42,775.5 kW: cooling counted once
    expect(e.summary.pue).toBeCloseTo(1.2962, 4);
    expect(e.findings).toEqual([]);
  });

  test('N+1 cooling sized to the heat: CDUs per hall, chillers per building', () => {
    const groups = e.design.plant.coolers.map((c) => [c.path, c.units, c.racks.length]);
    // Hall 1: 128 x 115 kW liquid = 14.72 MW -> 6 + 1 CDUs; 128 x 17 kW air = 2.18 MW -> 5 + 1 air handlers.
    expect(groups).toEqual([
      ['bruyeres/building-1/air-hall-01', 6, 128],
      ['bruyeres/building-1/air-hall-02', 6, 122],
      ['bruyeres/building-1/cdu-hall-01', 7, 128],
      ['bruyeres/building-1/cdu-hall-02', 7, 122],
      ['bruyeres/building-1/chillers', 20, 250],
    ]);
  });
});

describe('campus-1-4gw example', () => {
  const root = new RootConstruct();
  buildCampus(root);
  const e = evaluate(root);

  test('6,144 racks in phased buildings use most of 1.4 GW and pass every check', () => {
    expect(e.summary.racks).toBe(6_144);
    expect(e.summary.gpus).toBe(442_368);
    expect(e.summary.facilityLoadKw / 1_400_000).toBeGreaterThan(0.95);
    expect(e.summary.facilityLoadKw).toBeLessThanOrEqual(1_400_000);
    expect(e.findings.filter((f) => f.severity === 'error')).toEqual([]);
  });
});
