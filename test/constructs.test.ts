import { RootConstruct } from 'constructs';
import {
  Busway,
  GeneratorGroup,
  Hall,
  Rack,
  Row,
  Site,
  Switchboard,
  Switchgear,
  Transformer,
  Ups,
} from '../constructs';
import { RackSystem } from '../src/catalog/rack-systems';
import { buildPlant } from '../src/model/plant';
import { modelOf, record } from '../src/model/records';
import { threePhaseAmps, threePhaseKva } from '../src/units';
import { frame, rack, ups } from './fixtures/tiny';

describe('ratings and conversions', () => {
  test('three-phase busway: kVA = sqrt(3) x V x A', () => {
    const { site } = frame();
    const b = new Busway(site, 'b', { ratingA: 1000, voltageV: 415 });
    expect(b.ratingKva).toBeCloseTo(718.8, 1);
    expect(new Busway(site, 'dc', { ratingA: 1000, voltageV: 800, phases: 'dc' }).ratingKva).toBe(800);
    expect(new Busway(site, 'one', { ratingA: 100, voltageV: 230, phases: 1 }).ratingKva).toBeCloseTo(23);
    expect(new Switchgear(site, 'mv', { ratingA: 1250, voltageKv: 20 }).ratingKva).toBeCloseTo(43_301, 0);
    expect(new Switchboard(site, 'lv', { ratingA: 4000 }).ratingKva).toBeCloseTo(2_875.2, 1);
  });

  test('kVA-rated equipment carries kVA x PF in kW; the site default PF is 0.95', () => {
    const root = new RootConstruct();
    const site = new Site(root, 's', { country: 'FR', gridConnectionMw: 10 });
    new Transformer(site, 't', { ratingKva: 1000, feeds: [site.grid] });
    new Transformer(site, 't2', { ratingKva: 1000, powerFactor: 0.9, feeds: [site.grid] });
    const plant = buildPlant(root);
    expect(plant.nodes.find((n) => n.path === 's/t')!.capacityW).toBeCloseTo(950_000);
    expect(plant.nodes.find((n) => n.path === 's/t2')!.capacityW).toBeCloseTo(900_000);
  });

  test('UPS usable rating: (modules - redundant) x module', () => {
    const { site } = frame();
    expect(new Ups(site, 'u', { moduleRatingKw: 1250, modules: 3, redundantModules: 1 }).usableKw).toBe(2500);
    expect(new GeneratorGroup(site, 'g', { unitRatingKw: 2500, units: 16 }).usableKw).toBe(37_500);
  });

  test('catalog: every system carries its numbers and at least one source', () => {
    for (const s of RackSystem.list()) {
      const spec = s.spec;
      expect(spec.gpus).toBeGreaterThan(0);
      expect(spec.designKw).toBeGreaterThanOrEqual(spec.nominalKw);
      if (spec.peakKw !== undefined) expect(spec.peakKw).toBeGreaterThanOrEqual(spec.designKw);
      expect(spec.liquidFraction).toBeGreaterThanOrEqual(0);
      expect(spec.liquidFraction).toBeLessThanOrEqual(1);
      expect(spec.sources.length).toBeGreaterThan(0);
      for (const src of spec.sources) expect(src.read).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    }
    expect(RackSystem.GB200_NVL72.spec).toMatchObject({
      gpus: 72,
      cpus: 36,
      computeNodes: 18,
      designKw: 132,
    });
    expect(RackSystem.GB300_NVL72.spec.designKw).toBe(142);
    expect(RackSystem.GB200_NVL72.multiNodeNvlink).toBe(true);
    expect(RackSystem.DGX_B300_RACK.multiNodeNvlink).toBe(false);
  });
});

describe('invalid input throws at construction with the construct path', () => {
  const cases: [string, (f: ReturnType<typeof frame>) => unknown, string][] = [
    [
      'zero rating',
      ({ site }) => new Transformer(site, 't', { ratingKva: 0 }),
      'site/t: ratingKva must be a finite number > 0, got 0',
    ],
    [
      'negative rating',
      ({ site }) => new Busway(site, 'b', { ratingA: -5 }),
      'site/b: ratingA must be a finite number > 0, got -5',
    ],
    [
      'non-finite rating',
      ({ site }) => new Ups(site, 'u', { moduleRatingKw: NaN }),
      'site/u: moduleRatingKw must be a finite number > 0, got NaN',
    ],
    [
      'infinite rating',
      ({ site }) => new Ups(site, 'u', { moduleRatingKw: Infinity }),
      'site/u: moduleRatingKw must be a finite number > 0, got Infinity',
    ],
    [
      'efficiency above 1',
      ({ site }) => new Ups(site, 'u', { moduleRatingKw: 10, efficiency: 1.2 }),
      'site/u: efficiency must be a number in (0, 1], got 1.2',
    ],
    [
      'redundant modules >= modules',
      ({ site }) => new Ups(site, 'u', { moduleRatingKw: 10, modules: 2, redundantModules: 2 }),
      'site/u: redundantModules (2) must be fewer than modules (2)',
    ],
    [
      'fractional module count',
      ({ site }) => new Ups(site, 'u', { moduleRatingKw: 10, modules: 1.5 }),
      'site/u: modules must be a whole number >= 1, got 1.5',
    ],
    [
      'unknown catalog id',
      ({ hall }) => new Rack(hall, 'r', { system: 'gb400-nvl576' }),
      "site/hall/r: unknown rack system 'gb400-nvl576'; known: gb200-nvl72, gb300-nvl72, vera-rubin-nvl72, dgx-b300",
    ],
    [
      'rack outside a hall',
      ({ site }) => new Rack(site, 'r', { system: 'gb200-nvl72' }),
      'site/r: a rack must stand inside a Hall',
    ],
    [
      'equipment outside a site',
      ({ root }) => new Ups(root, 'u', { moduleRatingKw: 10 }),
      'u: UPS must be declared inside a Site',
    ],
    [
      'bad country',
      ({ root }) => new Site(root, 's2', { country: 'France', gridConnectionMw: 1 }),
      "s2: country must be an ISO 3166-1 alpha-2 code such as 'FR', got 'France'",
    ],
    [
      'grid of zero MW',
      ({ root }) => new Site(root, 's2', { country: 'FR', gridConnectionMw: 0 }),
      's2/grid: contractedMw must be a finite number > 0, got 0',
    ],
    [
      'PUE below 1',
      ({ root }) => new Site(root, 's2', { country: 'FR', gridConnectionMw: 1, designPue: 0.9 }),
      's2: designPue must be >= 1, got 0.9',
    ],
    [
      'hall without positions',
      ({ site }) => new Hall(site, 'h', { designKwPerRack: 100, rackPositions: 0 }),
      'site/h: rackPositions must be a whole number >= 1, got 0',
    ],
    [
      'feed to itself',
      ({ site }) => {
        const u = ups(site, 'u', 10);
        u.addFeed(u);
      },
      'site/u: cannot feed itself',
    ],
    [
      'same feed twice',
      ({ site, hall }) => {
        const u = ups(site, 'u', 10);
        rack(hall, 'r', 1, [u, u]);
      },
      'site/hall/r: is already fed from site/u',
    ],
    [
      'feed to the grid connection',
      ({ site }) => site.grid.addFeed(),
      'site/grid: a grid connection is a source and takes no feed',
    ],
  ];
  test.each(cases)('%s', (_name, make, message) => {
    const f = frame();
    expect(() => make(f)).toThrow(message);
  });

  test('a cycle in the power graph', () => {
    const { site } = frame();
    const a = ups(site, 'a', 10);
    const b = ups(site, 'b', 10, [a]);
    const c = ups(site, 'c', 10, [b]);
    expect(() => a.addFeed(c)).toThrow(
      'site/a: feeding it from site/c would close a cycle in the power graph (site/c is already fed through site/a)',
    );
  });

  test('a rack fed from equipment of another site', () => {
    const { root, hall } = frame();
    const other = new Site(root, 'other', { country: 'DE', gridConnectionMw: 10 });
    const u = ups(other, 'u', 10);
    expect(() => rack(hall, 'r', 1, [u])).toThrow(
      'site/hall/r: cannot be fed from other/u: it stands in site other, not site',
    );
  });

  test('generators backing equipment of another site', () => {
    const { root, site } = frame();
    const other = new Site(root, 'other', { country: 'DE', gridConnectionMw: 10 });
    expect(
      () => new GeneratorGroup(site, 'g', { unitRatingKw: 1, units: 2, backs: [ups(other, 'u', 10)] }),
    ).toThrow('site/g: cannot back other/u: it stands in another site');
  });

  test('duplicate names: construct ids in one scope, site names in an app, rack names in a site', () => {
    const { root, site, hall } = frame();
    ups(site, 'u', 10);
    expect(() => ups(site, 'u', 10)).toThrow(/There is already a Construct with name 'u' in Site \[site\]/);

    new Site(root, 'again', { name: 'site', country: 'FR', gridConnectionMw: 1 });
    expect(() => buildPlant(root)).toThrow("site: site name 'site' is already used by again");

    const f = frame();
    const row1 = new Row(f.hall, 'row-1');
    const row2 = new Row(f.hall, 'row-2');
    new Rack(row1, 'r1', { system: 'gb200-nvl72', name: 'A01' });
    new Rack(row2, 'r1', { system: 'gb200-nvl72' });
    expect(() => buildPlant(f.root)).not.toThrow();
    new Rack(row2, 'r2', { system: 'gb200-nvl72', name: 'A01' });
    expect(() => buildPlant(f.root)).toThrow(
      "site/hall/row-2/r2: rack name 'A01' is already used in this site by site/hall/row-1/r1",
    );
    void hall;
  });

  test('default rack names follow the layout below the site', () => {
    const { hall } = frame();
    const row = new Row(hall, 'row-03');
    expect(new Rack(row, 'r07', { system: RackSystem.GB300_NVL72 }).rackName).toBe('hall-row-03-r07');
  });
});

describe('sides, registered once by the constructs and read from the plant', () => {
  test("equipment takes its declared side, else its id's; a rack's feeds are A, B in the order added", () => {
    const { root, site, hall } = frame();
    const a = ups(site, 'ups-a1', 1000);
    const b = new Ups(site, 'ups-north', { moduleRatingKw: 1000, side: 'B', feeds: [site.grid] });
    new Rack(hall, 'r1', { system: 'gb200-nvl72', feeds: [a, b] });
    const plant = buildPlant(root);
    const node = (path: string) => plant.nodes.find((n) => n.path === path)!;
    expect([node('site/ups-a1').side, node('site/ups-north').side, node('site/grid').side]).toEqual([
      'A',
      'B',
      undefined,
    ]);
    expect(node('site/hall/r1').rack!.feedSides).toEqual(['A', 'B']);
  });

  test("a declared side other than 'A' or 'B' is refused with the construct path", () => {
    const { site } = frame();
    expect(() => new Ups(site, 'u', { moduleRatingKw: 10, side: 'C' as never })).toThrow(
      `site/u: side must be 'A' or 'B', got "C"`,
    );
  });
});

describe('the shared helpers', () => {
  test('three-phase rating both ways: 4,000 A at 415 V = 2,875.2 kVA, and back', () => {
    expect(threePhaseKva(415, 4000)).toBeCloseTo(2_875.2, 1);
    expect(threePhaseAmps(threePhaseKva(415, 4000), 415)).toBeCloseTo(4000, 9);
    expect(threePhaseAmps(3_150, 415)).toBeCloseTo(4_382.3, 1);
  });

  test('record(): the kind at once, the record when the model is read, one registration per construct', () => {
    const { site, hall } = frame();
    const row = new Row(hall, 'row-1');
    expect(modelOf(row, 'layout')).toEqual({ kind: 'layout', level: 'row', name: 'row-1' });
    expect(modelOf(row, 'hall')).toBeUndefined();
    expect(modelOf(site, 'site')).toMatchObject({ kind: 'site', maxUtilization: 0.8, powerFactor: 1 });
    expect(() => record(row, 'layout', () => ({ level: 'pod', name: 'x' }))).toThrow(
      'site/hall/row-1: registers what it models twice',
    );
  });
});
