import { Cdu, Chillers, GeneratorGroup, Transformer } from '../constructs';
import { evaluate, findingsOf, frame, rack, ups } from './fixtures/tiny';

/**
 * A hand-checked hall with its cooling on the power train (power factor 1, lossless
 * equipment): 8 dual-corded racks of 100 kW (800 kW IT) on UPS A and B of 1,000 kW, each
 * under its own 5,000 kVA transformer; N+1 CDUs whose duty unit draws 15 kW; N+1 chillers taking the
 * 800 kW of heat at COP 4 (200 kW) fed from both transformers; N+1 generators of 400 kW
 * (800 kW usable) backing the transformers: enough for the IT load, not for the chillers.
 */
function hall(opts: { cduOn?: 'ups' | 'board'; chillersOn?: 'backed' | 'unbacked' } = {}) {
  const { root, site, hall } = frame({ hallKw: 100 });
  const tx = ['a', 'b'].map(
    (side) => new Transformer(site, `tx-${side}`, { ratingKva: 5_000, efficiency: 1, feeds: [site.grid] }),
  );
  const a = ups(site, 'ups-a', 1_000, [tx[0]]);
  const b = ups(site, 'ups-b', 1_000, [tx[1]]);
  for (let r = 1; r <= 8; r++) rack(hall, `r${r}`, 100, [a, b]);
  new Cdu(site, 'cdu', {
    unitCapacityKw: 1_000,
    units: 2,
    unitPowerKw: 15,
    supplyTemperatureC: 25,
    serves: [hall],
    feeds: opts.cduOn === 'board' ? tx : [a, b],
  });
  const unbacked = () =>
    new Transformer(site, 'tx-unbacked', { ratingKva: 1_000, efficiency: 1, feeds: [site.grid] });
  new Chillers(site, 'chillers', {
    unitCapacityKw: 500,
    units: 3,
    cop: 4,
    serves: [hall],
    feeds: opts.chillersOn === 'unbacked' ? [unbacked()] : tx,
  });
  new GeneratorGroup(site, 'generators', { unitRatingKw: 400, units: 3, backs: tx });
  return root;
}

const at = (e: ReturnType<typeof evaluate>, p: string) =>
  e.design.plant.nodes.find((n) => n.path === p)!.index;

describe('cooling on the power train', () => {
  test('the CDU pumps and chillers load the train: UPS 407.5 kW each, transformers 507.5 kW, facility 1,015 kW', () => {
    const e = evaluate(hall());
    const { flow, contingency, sites } = e.analysis;
    expect(flow.outW[at(e, 'site/ups-a')]).toBeCloseTo(407_500, 6); // 400 kW of racks + half of 15 kW
    expect(flow.outW[at(e, 'site/tx-a')]).toBeCloseTo(507_500, 6); // 407.5 kW of UPS + half of 200 kW of chillers
    expect(contingency.worstLoadW[at(e, 'site/ups-b')]).toBeCloseTo(815_000, 6); // the pumps move with the racks
    expect(sites[0].coolingW).toBeCloseTo(215_000, 6);
    expect(sites[0].facilityW).toBeCloseTo(1_015_000, 6); // not 1,230 kW: the cooling is counted once
    expect(sites[0].pue).toBeCloseTo(1.26875, 12);
  });

  test('generators that cover the IT load but not the chillers fail PWR-005 by the kW missing', () => {
    const e = evaluate(hall());
    expect(findingsOf(e, 'PWR-005')).toEqual([['site/generators', 1_015, 800, 'kW']]);
    expect(e.findings.find((f) => f.ruleId === 'PWR-005')!.message).toBe(
      'generators must carry 1,015 kW of backed load, above the 800 kW of 2 of 3 units (1 redundant): 215 kW short',
    );
    expect(e.findings.map((f) => f.ruleId)).toEqual(['PWR-005']);
  });

  test('CDU pumps on a board without UPS fail PWR-011, naming the racks at risk', () => {
    const e = evaluate(hall({ cduOn: 'board' }));
    expect(findingsOf(e, 'PWR-011')).toEqual([['site/cdu', 8, 0, 'racks']]);
    expect(e.findings.find((f) => f.ruleId === 'PWR-011')!.message).toBe(
      'CDU group (15 kW) is fed from site/tx-a, site/tx-b, not uninterruptible (UPS) supply: 8 rack(s) at risk on loss of the grid (first: site/hall/r1)',
    );
  });

  test('a cooling group that draws power with no feed is a PWR-015 warning', () => {
    const { root, site, hall } = frame({ hallKw: 100 });
    const u = ['a', 'b'].map((s) => ups(site, `ups-${s}`, 1_000));
    for (let r = 1; r <= 8; r++) rack(hall, `r${r}`, 100, u);
    new Chillers(site, 'chillers', { unitCapacityKw: 500, units: 3, cop: 4, serves: [hall] });
    const e = evaluate(root);
    expect(e.findings.map((f) => [f.ruleId, f.severity, f.path, f.message])).toEqual([
      [
        'PWR-015',
        'warning',
        'site/chillers',
        'chiller group draws 200 kW with no feed on the power train: counted in facility power only, not on generators, UPS or N-1',
      ],
    ]);
    expect(e.analysis.sites[0].facilityW).toBeCloseTo(1_000_000, 6); // 800 kW IT + 200 kW at facility level
  });

  test('chillers on a board no generator backs fail PWR-011', () => {
    const e = evaluate(hall({ chillersOn: 'unbacked' }));
    expect(e.findings.filter((f) => f.ruleId === 'PWR-011').map((f) => f.message)).toEqual([
      'chiller group (200 kW) is fed from site/tx-unbacked, not generator-backed supply: 8 rack(s) at risk on loss of the grid (first: site/hall/r1)',
    ]);
    // The generators now carry 815 kW: 15 kW short.
    expect(findingsOf(e, 'PWR-005')).toEqual([['site/generators', 815, 800, 'kW']]);
  });
});
