import { Busway, EnergyStorage, GeneratorGroup, Rack, Rectifier, Transformer, Ups } from '../constructs';
import { evaluate, findingsOf, frame } from './fixtures/tiny';

describe('AC and DC (PWR-012)', () => {
  const build = (system: string) => {
    const { root, site, hall } = frame({ hallKw: 200 });
    const rect = ['a', 'b'].map(
      (s) => new Rectifier(site, `rect-${s}`, { ratingKw: 1_000, outputVoltageV: 800, feeds: [site.grid] }),
    );
    const bus = rect.map(
      (r, i) =>
        new Busway(site, `busway-${'ab'[i]}`, { ratingA: 1_000, voltageV: 800, phases: 'dc', feeds: [r] }),
    );
    new Rack(hall, 'r1', { system, designPowerKw: 142, feeds: bus });
    return root;
  };

  test('a GB300 NVL72 (415 VAC power shelves) on an 800 VDC busway fails, once per feed', () => {
    const e = evaluate(build('gb300-nvl72'));
    expect(e.findings.filter((f) => f.ruleId === 'PWR-012').map((f) => [f.path, f.message])).toEqual([
      [
        'site/hall/r1',
        'rack (NVIDIA GB300 NVL72) takes AC but its feed site/busway-a (busway) delivers 800 VDC',
      ],
      [
        'site/hall/r1',
        'rack (NVIDIA GB300 NVL72) takes AC but its feed site/busway-b (busway) delivers 800 VDC',
      ],
    ]);
  });

  test('an AC busway on a rectifier fails: the busway takes AC, the rectifier delivers 800 VDC', () => {
    const { root, site, hall } = frame();
    const rect = new Rectifier(site, 'rect', { ratingKw: 1_000, outputVoltageV: 800, feeds: [site.grid] });
    const bus = new Busway(site, 'bus', { ratingA: 1_000, feeds: [rect] });
    new Rack(hall, 'r1', { system: 'gb300-nvl72', feeds: [bus], requiresRedundancy: false });
    expect(
      evaluate(root)
        .findings.filter((f) => f.ruleId === 'PWR-012')
        .map((f) => f.message),
    ).toEqual(['busway takes AC but its feed site/rect (rectifier) delivers 800 VDC']);
  });

  test('a DC busway needs an explicit voltage', () => {
    const { site } = frame();
    expect(() => new Busway(site, 'dc', { ratingA: 1_000, phases: 'dc' })).toThrow(
      "site/dc: a DC busway needs an explicit voltageV (for example 800); phases 'dc' has no default voltage",
    );
  });
});

describe('ride-through (PWR-013)', () => {
  // A 1,000 kW UPS with 0.2 min (12 s) at its rating, loaded to 600 kW: 12 x 1,000 / 600 = 20 s.
  const build = (autonomyMinutes: number, transferSeconds: number) => {
    const { root, site, hall } = frame({ hallKw: 600 });
    const tx = new Transformer(site, 'tx', { ratingKva: 2_000, efficiency: 1, feeds: [site.grid] });
    const u = new Ups(site, 'ups', { moduleRatingKw: 1_000, efficiency: 1, autonomyMinutes, feeds: [tx] });
    new Rack(hall, 'r1', {
      system: 'gb300-nvl72',
      designPowerKw: 600,
      feeds: [u],
      requiresRedundancy: false,
    });
    new GeneratorGroup(site, 'gen', { unitRatingKw: 1_000, units: 2, transferSeconds, backs: [tx] });
    return root;
  };

  test('20 s of battery at the load covers a 15 s start and transfer', () => {
    expect(findingsOf(evaluate(build(0.2, 15)), 'PWR-013')).toEqual([]);
  });

  test('battery autonomy below the generator start and transfer time fails with the seconds', () => {
    const e = evaluate(build(0.2, 25));
    expect(findingsOf(e, 'PWR-013')).toEqual([['site/ups', 20, 25, 's']]);
    expect(e.findings.find((f) => f.ruleId === 'PWR-013')!.message).toBe(
      'UPS rides through 20 s at its 600 kW load (0.2 min at 1,000 kW), less than the 25 s site/gen takes to start and carry the load',
    );
  });

  test('energy storage on an 800 VDC chain is checked the same way', () => {
    const { root, site, hall } = frame({ hallKw: 600 });
    const rect = new Rectifier(site, 'rect', {
      ratingKw: 1_000,
      outputVoltageV: 800,
      efficiency: 1,
      feeds: [site.grid],
    });
    const ess = new EnergyStorage(site, 'ess', {
      ratingKw: 1_000,
      autonomyMinutes: 0.1,
      voltageV: 800,
      efficiency: 1,
      feeds: [rect],
    });
    const bus = new Busway(site, 'bus', { ratingA: 1_000, voltageV: 800, phases: 'dc', feeds: [ess] });
    new Rack(hall, 'r1', {
      system: 'gb300-nvl72',
      designPowerKw: 500,
      feeds: [bus],
      requiresRedundancy: false,
    });
    new GeneratorGroup(site, 'gen', { unitRatingKw: 1_000, units: 2, backs: [rect] });
    const e = evaluate(root);
    // 6 s x 1,000 / 500 = 12 s >= 10 s (NFPA 110 Type 10 default).
    expect(findingsOf(e, 'PWR-013')).toEqual([]);
    // The rack is AC: a GB300 on this chain is refused.
    expect(findingsOf(e, 'PWR-012')).toHaveLength(1);
  });
});
