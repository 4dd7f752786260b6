import { Site, StaticTransferSwitch, Transformer } from '../constructs';
import { analyze } from '../src/analysis/analysis';
import { buildDesign } from '../src/model/design';
import { Plant } from '../src/model/plant';
import { evaluate, findingsOf, frame, rack, ups } from './fixtures/tiny';

const at = (a: { plant: Plant }, p: string) => a.plant.nodes.find((n) => n.path === p)!.index;

describe('2(N+1) UPS: single failure and maintenance plus failure', () => {
  // Each side: 3 x 800 kW modules, 1 redundant (usable 1,600 kW). 16 racks of 132 kW = 2,112 kW,
  // 1,056 kW per side in normal operation (66%).
  const build = () => {
    const { root, site, hall } = frame({ hallKw: 132 });
    const a = ups(site, 'ups-a', 2_400, undefined, 3, 1);
    const b = ups(site, 'ups-b', 2_400, undefined, 3, 1);
    for (let r = 1; r <= 16; r++) rack(hall, `r${r}`, 132, [a, b]);
    return root;
  };

  test('N-1: losing side B leaves all three A modules: 2,112 kW on 2,400 kW (88%), no finding', () => {
    const root = build();
    const e = evaluate(root);
    const a = { ...e.analysis, plant: e.design.plant };
    expect(a.contingency.worstLoadW[at(a, 'site/ups-a')]).toBeCloseTo(2_112_000, 6);
    expect(a.contingency.worstCapacityW[at(a, 'site/ups-a')]).toBe(2_400_000);
    expect(a.contingency.worstUtilization[at(a, 'site/ups-a')]).toBeCloseTo(0.88, 12);
    expect(a.maintenance).toBeUndefined();
    expect(e.findings).toEqual([]);
  });

  test('maintenance level: side B in maintenance and one A module failed: 2,112 kW on 1,600 kW (132%)', () => {
    const e = evaluate(build(), undefined, { contingencyLevel: 'maintenance' });
    expect(findingsOf(e, 'PWR-014')).toEqual([
      ['site/ups-a', 2_112, 1_600, 'kW'],
      ['site/ups-b', 2_112, 1_600, 'kW'],
    ]);
    expect(e.findings.find((f) => f.ruleId === 'PWR-014')!.message).toBe(
      'UPS carries 2,112 kW with site/ups-b in maintenance and one of its 3 units failed, 132% of its 1,600 kW remaining rating (limit 100%)',
    );
    expect(findingsOf(e, 'PWR-002')).toEqual([]);
    expect(e.analysis.maintenance!.pairs).toBe(1); // the two sides interact: one pair
  });

  test('the level can be declared per site: only that site is analysed', () => {
    const root = build();
    new Site(root, 'site2', { country: 'FR', gridConnectionMw: 10, contingencyLevel: 'maintenance' });
    const design = buildDesign(root);
    const a = { ...analyze(design), plant: design.plant };
    expect(a.maintenance!.sites).toEqual([1]);
    expect(a.maintenance!.pairs).toBe(0);
  });
});

describe('distributed redundancy, 4 to make 3', () => {
  // 4 UPS of 1,200 kW; racks on all 6 pairs. With a load P per pair, each UPS carries 3P/2;
  // when one fails, each survivor takes the whole of its pair with the failed one (+P/2): 2P.
  const build = (pairKw: number) => {
    const { root, site, hall } = frame({ hallKw: 1_000 });
    const u = [1, 2, 3, 4].map((i) => ups(site, `ups-${i}`, 1_200));
    for (let i = 0; i < 4; i++)
      for (let j = i + 1; j < 4; j++) rack(hall, `r${i + 1}${j + 1}`, pairKw, [u[i], u[j]]);
    return root;
  };

  test('at 75% (900 kW each) a failure raises each survivor to 1,200 kW: 100%, passes', () => {
    const e = evaluate(build(600));
    const a = { ...e.analysis, plant: e.design.plant };
    for (const i of [1, 2, 3, 4]) {
      expect(a.flow.outW[at(a, `site/ups-${i}`)]).toBe(900_000);
      expect(a.contingency.worstLoadW[at(a, `site/ups-${i}`)]).toBeCloseTo(1_200_000, 6);
    }
    expect(e.findings).toEqual([]);
  });

  test('at 80% (960 kW each) a failure raises each survivor to 1,280 kW: 106.7%, fails naming the loss', () => {
    const e = evaluate(build(640));
    expect(findingsOf(e, 'PWR-001')).toEqual([]); // 960 / 1,200 = 80%, at the limit
    expect(findingsOf(e, 'PWR-002')).toEqual([
      ['site/ups-1', 1_280, 1_200, 'kW'],
      ['site/ups-2', 1_280, 1_200, 'kW'],
      ['site/ups-3', 1_280, 1_200, 'kW'],
      ['site/ups-4', 1_280, 1_200, 'kW'],
    ]);
    expect(e.findings.find((f) => f.path === 'site/ups-1')!.message).toBe(
      'UPS carries 1,280 kW when site/ups-2 fails, 106.7% of its 1,200 kW rating (limit 100%)',
    );
  });
});

describe('block redundancy with a catcher through static transfer switches', () => {
  // 3 blocks: UPS of 1,000 kW each, two STS per block (A and B cords of its racks) with the
  // block's UPS as primary and the catcher UPS as alternate; 4 racks of 200 kW per block.
  const build = (catcherKw: number) => {
    const { root, site, hall } = frame({ hallKw: 200 });
    const catcher = ups(site, 'catcher', catcherKw);
    for (const b of [1, 2, 3]) {
      const primary = ups(site, `ups-${b}`, 1_000);
      const sts = ['a', 'b'].map(
        (side) =>
          new StaticTransferSwitch(site, `sts-${b}${side}`, { ratingKw: 1_000, primary, alternate: catcher }),
      );
      for (let r = 1; r <= 4; r++) rack(hall, `r${b}${r}`, 200, sts);
    }
    return root;
  };

  test('the catcher carries nothing in normal operation and a failed block whole: 800 kW', () => {
    const e = evaluate(build(1_000));
    const a = { ...e.analysis, plant: e.design.plant };
    expect(a.flow.outW[at(a, 'site/catcher')]).toBe(0);
    expect(a.flow.outW[at(a, 'site/ups-2')]).toBe(800_000);
    expect(a.contingency.worstLoadW[at(a, 'site/catcher')]).toBe(800_000);
    expect(a.plant.nodes[a.contingency.worstFailure[at(a, 'site/catcher')]].path).toBe('site/ups-1');
    // An STS lost: its racks move to the block's other STS (800 kW on 1,000); the block's UPS load does not change.
    expect(a.contingency.worstLoadW[at(a, 'site/sts-1b')]).toBe(800_000);
    expect(a.contingency.worstUtilization[at(a, 'site/ups-1')]).toBe(-1);
    expect(e.findings).toEqual([]);
  });

  test('a catcher smaller than a block fails: 800 kW on 700 kW', () => {
    const e = evaluate(build(700));
    expect(findingsOf(e, 'PWR-002')).toEqual([['site/catcher', 800, 700, 'kW']]);
    expect(e.findings.find((f) => f.ruleId === 'PWR-002')!.message).toBe(
      'UPS carries 800 kW when site/ups-1 fails, 114.3% of its 700 kW rating (limit 100%)',
    );
  });
});

describe('maintenance level: failures that do not interact add up at a common node', () => {
  // Two racks of 400 kW, each on its own A chain (transformer and UPS) and on a UPS under one
  // common B transformer of 750 kVA (power factor 1). One A chain lost: 600 kW on it (80%).
  // Both A chains out (one in maintenance, one failed): 800 kW on 750 kVA (106.7%).
  const build = () => {
    const { root, site, hall } = frame({ hallKw: 400 });
    const txB = new Transformer(site, 'tx-b', { ratingKva: 750, efficiency: 1, feeds: [site.grid] });
    for (const i of [1, 2]) {
      const txA = new Transformer(site, `tx-a${i}`, { ratingKva: 1_000, efficiency: 1, feeds: [site.grid] });
      rack(hall, `r${i}`, 400, [ups(site, `ups-a${i}`, 1_000, [txA]), ups(site, `ups-b${i}`, 1_000, [txB])]);
    }
    return root;
  };

  test('N-1 passes at 600 kW; the maintenance level sums the two independent rises: 800 kW', () => {
    const e = evaluate(build(), undefined, { contingencyLevel: 'maintenance' });
    const a = { ...e.analysis, plant: e.design.plant };
    expect(a.contingency.worstLoadW[at(a, 'site/tx-b')]).toBe(600_000);
    expect(findingsOf(e, 'PWR-002')).toEqual([]);
    expect(findingsOf(e, 'PWR-014')).toEqual([['site/tx-b', 800, 750, 'kVA']]);
    expect(e.findings.find((f) => f.ruleId === 'PWR-014')!.message).toBe(
      'transformer carries 800 kVA with site/tx-a1 in maintenance and site/tx-a2 failed, 106.7% of its 750 kVA remaining rating (limit 100%)',
    );
  });
});
