import { RootConstruct } from 'constructs';
import { Gb300Nvl72Building } from '../blueprints';
import { analyze } from '../src/analysis/analysis';
import { buildDesign } from '../src/model/design';
import { buildPlant } from '../src/model/plant';
import { GeneratorGroup, Site, Transformer, Ups } from '../constructs';
import { evaluate, findingsOf, frame, rack, ups } from './fixtures/tiny';

const pathIndex = (root: Parameters<typeof buildPlant>[0]) => {
  const design = buildDesign(root);
  const a = { ...analyze(design), plant: design.plant };
  const at = (p: string) => a.plant.nodes.find((n) => n.path === p)!.index;
  return { a, at };
};

describe('N-1 on hand-checked designs', () => {
  test('2N pair: each side carries the whole rack when the other fails', () => {
    const { root, site, hall } = frame();
    const a = ups(site, 'ups-a', 100);
    const b = ups(site, 'ups-b', 100);
    rack(hall, 'r1', 70, [a, b]);
    const { a: an, at } = pathIndex(root);
    expect(an.flow.outW[at('site/ups-a')]).toBeCloseTo(35_000);
    expect(an.contingency.worstLoadW[at('site/ups-a')]).toBeCloseTo(70_000);
    expect(an.contingency.worstFailure[at('site/ups-a')]).toBe(at('site/ups-b'));
    expect(an.contingency.worstUtilization[at('site/ups-b')]).toBeCloseTo(0.7);
    expect(an.contingency.lostSupply).toHaveLength(0);
    expect(evaluate(root).findings).toEqual([]);
  });

  test('2N pair too small for the whole load: PWR-002 on both sides at 120%', () => {
    const { root, site, hall } = frame();
    const a = ups(site, 'ups-a', 100);
    const b = ups(site, 'ups-b', 100);
    rack(hall, 'r1', 120, [a, b]);
    const e = evaluate(root);
    expect(findingsOf(e, 'PWR-002')).toEqual([
      ['site/ups-a', 120, 100, 'kW'],
      ['site/ups-b', 120, 100, 'kW'],
    ]);
    expect(e.findings.find((f) => f.path === 'site/ups-a')!.message).toBe(
      'UPS carries 120 kW when site/ups-b fails, 120% of its 100 kW rating (limit 100%)',
    );
    expect(findingsOf(e, 'PWR-001')).toEqual([]); // 60 kW = 60% in normal operation
  });

  test('three UPS in distributed redundancy: a failure moves half of two loads onto each survivor', () => {
    // Loads of P on the pairs (1,2), (2,3), (3,1): each UPS carries P in normal operation,
    // and 1.5 P when one of the others fails.
    const build = (p: number) => {
      const { root, site, hall } = frame();
      const u = [1, 2, 3].map((i) => ups(site, `ups-${i}`, 100));
      rack(hall, 'r12', p, [u[0], u[1]]);
      rack(hall, 'r23', p, [u[1], u[2]]);
      rack(hall, 'r31', p, [u[2], u[0]]);
      return root;
    };
    const { a, at } = pathIndex(build(60));
    for (const i of [1, 2, 3]) {
      expect(a.flow.outW[at(`site/ups-${i}`)]).toBeCloseTo(60_000);
      expect(a.contingency.worstLoadW[at(`site/ups-${i}`)]).toBeCloseTo(90_000);
    }
    expect(evaluate(build(60)).findings).toEqual([]);
    expect(findingsOf(evaluate(build(70)), 'PWR-002')).toEqual([
      ['site/ups-1', 105, 100, 'kW'],
      ['site/ups-2', 105, 100, 'kW'],
      ['site/ups-3', 105, 100, 'kW'],
    ]);
  });

  test('N+1 module group: usable rating excludes the reserve; a group without reserve fails on one module', () => {
    const nPlus1 = frame();
    rack(nPlus1.hall, 'r1', 75, [ups(nPlus1.site, 'ups', 150, undefined, 3, 1)], false);
    const { a, at } = pathIndex(nPlus1.root);
    expect(a.plant.nodes[at('site/ups')].capacityW).toBeCloseTo(100_000);
    // One of three 50 kW modules lost: 75 kW on 100 kW.
    expect(a.contingency.worstUtilization[at('site/ups')]).toBeCloseTo(0.75);
    expect(evaluate(nPlus1.root).findings).toEqual([]);

    const noReserve = frame();
    rack(noReserve.hall, 'r1', 75, [ups(noReserve.site, 'ups', 100, undefined, 2, 0)], false);
    const e = evaluate(noReserve.root);
    expect(findingsOf(e, 'PWR-002')).toEqual([['site/ups', 75, 50, 'kW']]);
    expect(e.findings[0].message).toBe(
      'UPS carries 75 kW with one of its 2 units lost, 150% of its 50 kW rating (limit 100%)',
    );
  });

  test('losses flow upstream: a transformer above a 97% UPS carries its load / 0.97', () => {
    const { root, site, hall } = frame();
    const tx = new Transformer(site, 'tx', { ratingKva: 1000, efficiency: 0.98, feeds: [site.grid] });
    const u = ups(site, 'ups', 500, [tx]);
    const u97 = new Ups(site, 'ups97', {
      moduleRatingKw: 500,
      efficiency: 0.97,
      feeds: [tx],
    });
    rack(hall, 'r1', 97, [u], false);
    rack(hall, 'r2', 97, [u97], false);
    const { a, at } = pathIndex(root);
    expect(a.flow.outW[at('site/tx')]).toBeCloseTo(97_000 + 100_000, 6);
    expect(a.flow.inW[at('site/grid')]).toBeCloseTo(197_000 / 0.98, 6);
  });

  test('single-corded rack: every component on its only path is a single point of failure (PWR-004)', () => {
    const { root, site, hall } = frame();
    const tx = new Transformer(site, 'tx', { ratingKva: 1000, feeds: [site.grid] });
    const u = ups(site, 'ups', 500, [tx]);
    rack(hall, 'r1', 100, [u]);
    const e = evaluate(root);
    expect(findingsOf(e, 'PWR-004')).toEqual([
      ['site/tx', 1, 0, 'racks'],
      ['site/ups', 1, 0, 'racks'],
    ]);
  });

  test('equipment backed by generators switches over instead of being lost', () => {
    const build = (withGenerators: boolean) => {
      const { root, site, hall } = frame();
      const tx = new Transformer(site, 'hv', { ratingKva: 10_000, feeds: [site.grid] });
      const mv = ups(site, 'mv', 5_000, [tx]);
      const a = ups(site, 'a', 1_000, [mv]);
      const b = ups(site, 'b', 1_000, [mv]);
      rack(hall, 'r1', 500, [a, b]);
      if (withGenerators) {
        new GeneratorGroup(site, 'gen', { unitRatingKw: 600, units: 2, redundantUnits: 1, backs: [mv] });
      }
      return root;
    };
    expect(findingsOf(evaluate(build(false)), 'PWR-004').map((f) => f[0])).toEqual(['site/hv', 'site/mv']);
    // With generators the HV transformer is no longer a single point of failure; the MV board still is.
    expect(findingsOf(evaluate(build(true)), 'PWR-004').map((f) => f[0])).toEqual(['site/mv']);
  });
});

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
