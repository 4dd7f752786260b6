import { RootConstruct } from 'constructs';
import {
  BLUEPRINTS,
  blueprint,
  BlueprintProps,
  Building,
  Gb200Nvl72Building,
  GB200_NVL72_ASSUMPTIONS,
} from '../blueprints';
import { Site } from '../constructs';
import { plan } from '../cli/plan';
import { evaluate } from '../src/evaluate';

function build(id: string, racks: number, gridMw: number, props: Partial<BlueprintProps> = {}) {
  const root = new RootConstruct();
  const site = new Site(root, 'site', { country: 'FR', gridConnectionMw: gridMw });
  blueprint(id).build(site, 'building', { racks, ...props });
  return evaluate(root);
}
const errors = (e: ReturnType<typeof evaluate>) =>
  e.findings
    .filter((f) => f.severity === 'error')
    .map((f) => [f.ruleId, f.path, f.measured, f.limit, f.unit]);

describe.each(BLUEPRINTS.map((b) => [b.id]))('blueprint %s', (id) => {
  const b = blueprint(id);
  const perSu = b.assumptions.racksPerSu;

  test('documents its assumptions with sources', () => {
    expect(b.assumptions.sources.length).toBeGreaterThan(1);
    expect(b.assumptions.system).toBe(b.system);
  });

  test('a nominal size (two MV groups and a partial SU) passes every check', () => {
    const racks = 2 * b.assumptions.blocksPerMvGroup * b.assumptions.susPerBlock * perSu + 3;
    const e = build(id, racks, 10_000);
    expect(errors(e)).toEqual([]);
    expect(e.summary.racks).toBe(racks);
    expect(e.summary.gpus).toBe(racks * b.system.spec.gpus);
  });

  test('plan returns the boundary: its answer passes and one more SU fails PWR-003 with its figures', () => {
    const r = plan({ blueprint: id, gridMw: 30 });
    expect(r.sus).toBeGreaterThan(0);
    expect(r.racks).toBe(r.sus * perSu);
    expect(errors(build(id, r.sus * perSu, 30))).toEqual([]);
    const over = build(id, (r.sus + 1) * perSu, 30);
    const facilityMw = over.summary.facilityLoadKw / 1000;
    expect(errors(over)).toEqual([['PWR-003', 'site', expect.closeTo(facilityMw, 3), 30, 'MW']]);
    expect(r.binding).toEqual({
      racks: (r.sus + 1) * perSu,
      ruleId: 'PWR-003',
      message: `facility ${facilityMw.toLocaleString('en-US', { maximumFractionDigits: 2 })} MW > grid 30 MW`,
    });
  });
});

describe('blueprint specifics', () => {
  test('GB200: one SU past fixed CDU capacity fails COOL-001 with liquid heat against N+1 capacity', () => {
    // 2 CDUs of 2.5 MW, N+1: 2.5 MW usable. 2 SUs = 16 x 115 kW = 1.84 MW; 3 SUs = 2.76 MW.
    expect(errors(build('gb200-nvl72', 16, 100, { cduUnitsPerHall: 2 }))).toEqual([]);
    expect(errors(build('gb200-nvl72', 24, 100, { cduUnitsPerHall: 2 }))).toEqual([
      ['COOL-001', 'site/building/cdu-hall-01', 2760, 2500, 'kW'],
    ]);
  });

  test('GB300: fully liquid, no air handlers; 3,150 kVA block transformers', () => {
    const e = build('gb300-nvl72', 64, 100);
    expect(e.design.plant.coolers.map((c) => c.kind).sort()).toEqual(['cdu', 'chiller']);
    const tx = e.design.plant.nodes.find((n) => n.path === 'site/building/mv-01/block-001/transformer-a')!;
    expect(tx.capacityW).toBeCloseTo(3_150_000 * 0.95);
  });

  test('Vera Rubin: an AC rack on a 2N AC chain with UPS, 45 C water, dry coolers', () => {
    const e = build('vera-rubin-nvl72', 32, 100);
    const kinds = new Set(e.design.plant.nodes.map((n) => n.kind));
    expect(kinds.has('ups')).toBe(true);
    expect(kinds.has('rectifier')).toBe(false);
    expect(e.design.plant.coolers.find((c) => c.kind === 'cdu')!.supplyTemperatureC).toBe(45);
    expect(e.design.plant.coolers.find((c) => c.kind === 'dry-cooler')!.cop).toBe(4.39);
    // Warmer than the rack accepts: COOL-003 at 46 C > 45 C.
    expect(errors(build('vera-rubin-nvl72', 8, 100, { cduSupplyC: 46 }))).toEqual([
      ['COOL-003', 'site/building/cdu-hall-01', 46, 45, 'C'],
    ]);
    // The AC rack on the 800 VDC chain is refused, once per cord.
    const dc = errors(build('vera-rubin-nvl72', 8, 100, { distribution: 'dc-800v' }));
    expect(dc.filter((f) => f[0] === 'PWR-012')).toHaveLength(16);
  });

  test('hypothetical 800 VDC: rectifier and energy storage instead of transformer and UPS, ride-through checked', () => {
    const e = build('hypothetical-800vdc', 32, 100);
    const kinds = new Set(
      e.design.plant.nodes.filter((n) => !n.path.includes('/mechanical/')).map((n) => n.kind),
    );
    expect(kinds.has('ups')).toBe(false);
    expect(kinds.has('rectifier')).toBe(true);
    expect(kinds.has('energy-storage')).toBe(true);
    const busway = e.design.plant.nodes.find((n) => n.kind === 'busway')!;
    expect([busway.ratingUnit, busway.capacityW, busway.output, busway.voltageV]).toEqual([
      'kW',
      1_280_000,
      'dc',
      800,
    ]);
    // 3 s of storage at its 4,000 kW rating, carrying half a block in normal operation
    // (16 x 227 kW / 2 = 1,816 kW): 3 x 4,000 / 1,816 = 6.6 s, less than the 10 s generator transfer.
    const short = build('hypothetical-800vdc', 16, 100, { upsAutonomyMinutes: 0.05 });
    expect(
      errors(short)
        .filter((f) => f[0] === 'PWR-013')
        .map((f) => [f[1], f[2], f[3]]),
    ).toEqual([
      ['site/building/mv-01/block-001/energy-storage-a', expect.closeTo(6.608, 3), 10],
      ['site/building/mv-01/block-001/energy-storage-b', expect.closeTo(6.608, 3), 10],
    ]);
  });

  test('DGX B300: air cooled by default; liquid needs a heat split', () => {
    const e = build('dgx-b300', 32, 100);
    expect(e.design.plant.coolers.map((c) => c.kind).sort()).toEqual(['air-handler', 'chiller']);
    const root = new RootConstruct();
    const site = new Site(root, 'site', { country: 'FR', gridConnectionMw: 100 });
    expect(() =>
      blueprint('dgx-b300').build(site, 'b', { racks: 16, cooling: 'liquid' } as BlueprintProps),
    ).toThrow(
      "site/b: cooling 'liquid' needs liquidFraction: the catalog has no sourced heat split for a liquid-cooled DGX B300",
    );
  });

  test.each([['distributed-redundant'], ['block-redundant']] as const)(
    'GB200 in %s: two MV groups pass every check, and N-1 fails when the heads are too small',
    (topology) => {
      const racks = 2 * 16 * 2 * 8;
      const e = build('gb200-nvl72', racks, 10_000, { topology });
      expect(errors(e)).toEqual([]);
      expect(e.summary.racks).toBe(racks);
      const kinds = new Set(e.design.plant.nodes.map((n) => n.kind));
      expect(kinds.has('sts')).toBe(topology === 'block-redundant');
    },
  );

  test('distributed redundant with UPS of 2 x 1,000 kW: a survivor carries 2,112 kW on 2,000 kW', () => {
    const small = build('gb200-nvl72', 48, 100, { topology: 'distributed-redundant', upsModuleKw: 1_000 });
    expect(
      errors(small)
        .filter((f) => f[0] === 'PWR-002')
        .map((f) => [f[1], f[2], f[3]]),
    ).toEqual(
      [1, 2, 3, 4].map((i) => [`site/building/mv-01/block-001/ups-${i}`, expect.closeTo(2_112, 6), 2_000]),
    );
  });

  test('block redundant: a block of one SU (80% of a head) on its UPS, the catcher takes a failed block whole', () => {
    const e = build('gb200-nvl72', 40, 100, { topology: 'block-redundant' });
    const at = (p: string) => e.design.plant.nodes.find((n) => n.path === `site/building/mv-01/${p}`)!.index;
    expect(e.analysis.flow.outW[at('block-001/ups-p')]).toBeCloseTo(1_056_000, 3);
    expect(e.analysis.flow.outW[at('catcher-01/ups-r')]).toBe(0);
    expect(e.analysis.contingency.worstLoadW[at('catcher-01/ups-r')]).toBeCloseTo(1_056_000, 3);
    // 5 blocks: catchers for blocks 1-4 and for block 5.
    expect(e.design.plant.nodes.filter((n) => n.path.endsWith('/ups-r')).length).toBe(2);
  });

  test('distributed redundant: a head carries 3/4 of a 2N side; its loss raises the others to a 2N side', () => {
    // 4 heads for 3 blocks of 16 racks of 132 kW: 6,336 kW, 1,584 kW per head, 2,112 kW after a loss.
    const e = build('gb200-nvl72', 48, 100, { topology: 'distributed-redundant' });
    const ups = e.design.plant.nodes.filter((n) => n.kind === 'ups' && n.path.includes('/block-001/'));
    expect(ups.map((n) => n.path.split('/').pop())).toEqual(['ups-1', 'ups-2', 'ups-3', 'ups-4']);
    for (const u of ups) {
      expect(e.analysis.flow.outW[u.index]).toBeCloseTo(1_584_000, 3);
      expect(e.analysis.contingency.worstLoadW[u.index]).toBeCloseTo(2_112_000, 3);
    }
  });

  test('an IT capacity becomes the largest whole number of racks within it', () => {
    expect(build('gb200-nvl72', undefined as unknown as number, 100, { itCapacityMw: 1 }).summary.racks).toBe(
      7,
    );
  });

  test('an unknown blueprint id lists the known ones', () => {
    expect(() => blueprint('gb400')).toThrow(
      "unknown blueprint 'gb400'; known: gb200-nvl72, gb300-nvl72, vera-rubin-nvl72, dgx-b300, hypothetical-800vdc",
    );
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
