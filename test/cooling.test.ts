import { AirHandler, Cdu, Chillers, DryCoolers, Hall, Rack, Site } from '../constructs';
import { evaluate, findingsOf, frame, rack, ups } from './fixtures/tiny';

/** Two GB200 racks of 132 kW (115 kW liquid, 17 kW air each) in a 2N frame. */
function twoRacks(props: { gridMw?: number; designPue?: number } = {}) {
  const f = frame({ gridMw: props.gridMw ?? 10, designPue: props.designPue });
  const a = ups(f.site, 'a', 1000);
  const b = ups(f.site, 'b', 1000);
  rack(f.hall, 'r1', 132, [a, b]);
  rack(f.hall, 'r2', 132, [a, b]);
  return f;
}

describe('cooling pack', () => {
  test('COOL-001 liquid heat against CDU capacity with N+1', () => {
    const ok = twoRacks();
    new Cdu(ok.site, 'cdu', { unitCapacityKw: 230, units: 2, supplyTemperatureC: 30, serves: [ok.hall] });
    expect(findingsOf(evaluate(ok.root), 'COOL-001')).toEqual([]); // 230 kW liquid = 230 usable
    const bad = twoRacks();
    new Cdu(bad.site, 'cdu', { unitCapacityKw: 200, units: 2, supplyTemperatureC: 30, serves: [bad.hall] });
    const e = evaluate(bad.root);
    expect(findingsOf(e, 'COOL-001')).toEqual([['site/cdu', 230, 200, 'kW']]);
    expect(e.findings[0].message).toBe(
      'liquid heat 230 kW > 200 kW of 1 of 2 units (1 redundant) for 2 racks',
    );
  });

  test('COOL-002 air heat against air handler capacity', () => {
    const ok = twoRacks();
    new AirHandler(ok.site, 'air', { unitCapacityKw: 34, units: 2, serves: [ok.hall] });
    expect(findingsOf(evaluate(ok.root), 'COOL-002')).toEqual([]);
    const nPlus1 = twoRacks();
    new AirHandler(nPlus1.site, 'air', { unitCapacityKw: 30, units: 3, serves: [nPlus1.hall] });
    expect(findingsOf(evaluate(nPlus1.root), 'COOL-002')).toEqual([]); // 34 kW on 2 x 30 usable
    const worse = twoRacks();
    new AirHandler(worse.site, 'air', { unitCapacityKw: 30, units: 2, serves: [worse.hall] });
    expect(findingsOf(evaluate(worse.root), 'COOL-002')).toEqual([['site/air', 34, 30, 'kW']]);
  });

  test('COOL-003 supply temperature only where the rack publishes a limit', () => {
    const f = twoRacks();
    new Cdu(f.site, 'cdu', { unitCapacityKw: 500, units: 2, supplyTemperatureC: 50, serves: [f.hall] });
    expect(findingsOf(evaluate(f.root), 'COOL-003')).toEqual([]); // GB200: no published limit
    const vr = frame();
    new Cdu(vr.site, 'cdu', { unitCapacityKw: 500, units: 2, supplyTemperatureC: 50, serves: [vr.hall] });
    const feeds = [ups(vr.site, 'a', 1000), ups(vr.site, 'b', 1000)];
    new Rack(vr.hall, 'vr', { system: 'vera-rubin-nvl72', feeds });
    expect(findingsOf(evaluate(vr.root), 'COOL-003')).toEqual([['site/cdu', 50, 45, 'C']]);
  });

  test('COOL-004 computed PUE against the design PUE target; facility from the plant', () => {
    const build = (cop: number) => {
      const f = twoRacks({ designPue: 1.3 });
      new Chillers(f.site, 'chillers', { unitCapacityKw: 300, units: 2, cop, serves: [f.site] });
      return evaluate(f.root);
    };
    // 264 kW of heat; UPS and the grid at 100%: facility = 264 + 264 / COP.
    const good = build(4);
    expect(good.summary.facilityLoadKw).toBeCloseTo(264 + 66, 6);
    expect(good.summary.pue).toBeCloseTo(1.25, 6);
    expect(findingsOf(good, 'COOL-004')).toEqual([]);
    expect(findingsOf(build(2.5), 'COOL-004')).toEqual([['site', 1.4, 1.3, 'PUE']]);
  });

  test('COOL-005 racks whose heat no group serves, once the site models that duty', () => {
    expect(findingsOf(evaluate(twoRacks().root), 'COOL-005')).toEqual([]); // no cooling modelled
    const f = twoRacks();
    const other = new Hall(f.site, 'other', { designKwPerRack: 200, rackPositions: 4 });
    rack(other, 'r3', 132, [ups(f.site, 'c', 500), ups(f.site, 'd', 500)]);
    new Cdu(f.site, 'cdu', { unitCapacityKw: 500, units: 2, supplyTemperatureC: 30, serves: [f.hall] });
    const e = evaluate(f.root);
    expect(findingsOf(e, 'COOL-005')).toEqual([['site', 1, 0, 'racks']]);
    expect(e.findings.find((x) => x.ruleId === 'COOL-005')!.message).toBe(
      '1 rack(s) have liquid heat no CDU group serves (first: site/other/r3)',
    );
  });

  test('COOL-006 heat rejection capacity, and a rack served twice shares its heat', () => {
    const f = twoRacks();
    new DryCoolers(f.site, 'dc-1', { unitCapacityKw: 100, units: 2, cop: 16.5, serves: [f.site] });
    new DryCoolers(f.site, 'dc-2', { unitCapacityKw: 100, units: 2, cop: 16.5, serves: [f.hall] });
    const e = evaluate(f.root);
    expect(findingsOf(e, 'COOL-006')).toEqual([
      ['site/dc-1', 132, 100, 'kW'],
      ['site/dc-2', 132, 100, 'kW'],
    ]);
    const ok = twoRacks();
    new DryCoolers(ok.site, 'dc', { unitCapacityKw: 300, units: 2, cop: 16.5, serves: [ok.site] });
    expect(findingsOf(evaluate(ok.root), 'COOL-006')).toEqual([]);
  });

  test('a group cannot serve another site', () => {
    const f = twoRacks();
    const other = new Site(f.root, 'other', { country: 'DE', gridConnectionMw: 1 });
    expect(
      () => new Cdu(f.site, 'cdu', { unitCapacityKw: 1, units: 2, supplyTemperatureC: 30, serves: [other] }),
    ).toThrow('site/cdu: cannot serve other: it is not in the same site');
  });
});
