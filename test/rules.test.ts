import { Busway, GeneratorGroup, Hall, Rack, Transformer, Ups } from '../constructs';
import { suppress } from '../src/policy/suppressions';
import { definePack } from '../src/policy/pack';
import { ALL_RULES } from '../src/policy/packs';
import { DEPLOY_ORDER_PACK } from '../src/policy/rules/deploy-order';
import { evaluate, findingsOf, frame, rack, ups } from './fixtures/tiny';

const ruleIds = (e: ReturnType<typeof evaluate>) => [...new Set(e.findings.map((f) => f.ruleId))];

describe('power pack: one compliant and one non-compliant case per rule', () => {
  test('rules are one per file, ids unique, each with description and help', () => {
    const ids = ALL_RULES.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const r of ALL_RULES) {
      expect(r.id).toMatch(/^(PWR|COOL|K8S|SCW|RES)-\d{3}$/);
      expect(r.description.length).toBeGreaterThan(20);
      expect(r.help.length).toBeGreaterThan(60);
    }
  });

  test('PWR-001 normal overload at 80% of a kVA rating, losses of the stages below included', () => {
    const build = (rackKw: number) => {
      const { root, site, hall } = frame();
      const tx = new Transformer(site, 'tx', { ratingKva: 1000, efficiency: 1, feeds: [site.grid] });
      const u = ups(site, 'ups', 2000, [tx]);
      rack(hall, 'r1', rackKw, [u], false);
      return root;
    };
    expect(findingsOf(evaluate(build(800)), 'PWR-001')).toEqual([]); // exactly 80%
    const e = evaluate(build(850));
    expect(findingsOf(e, 'PWR-001')).toEqual([['site/tx', 850, 800, 'kVA']]);
    expect(e.findings.find((f) => f.ruleId === 'PWR-001')!.message).toBe(
      'transformer carries 850 kVA in normal operation, above 80% of its 1,000 kVA rating (800 kVA)',
    );
  });

  test('PWR-001 uses the power factor: 900 kW at PF 0.9 is 1,000 kVA', () => {
    const { root, site, hall } = frame();
    const tx = new Transformer(site, 'tx', {
      ratingKva: 1200,
      efficiency: 1,
      powerFactor: 0.9,
      feeds: [site.grid],
    });
    rack(hall, 'r1', 900, [ups(site, 'ups', 2000, [tx])], false);
    expect(findingsOf(evaluate(root), 'PWR-001')).toEqual([['site/tx', 1000, 960, 'kVA']]);
  });

  test('PWR-001 maxUtilization per node overrides the site default', () => {
    const { root, site, hall } = frame();
    const tx = new Transformer(site, 'tx', {
      ratingKva: 1000,
      efficiency: 1,
      maxUtilization: 0.9,
      feeds: [site.grid],
    });
    rack(hall, 'r1', 850, [ups(site, 'ups', 2000, [tx])], false);
    expect(findingsOf(evaluate(root), 'PWR-001')).toEqual([]);
  });

  test('PWR-003 facility power (IT x design PUE) above the grid connection', () => {
    const build = (rackKw: number) => {
      const { root, site, hall } = frame({ gridMw: 1, designPue: 1.5 });
      rack(hall, 'r1', rackKw, [ups(site, 'a', 2000), ups(site, 'b', 2000)]);
      return root;
    };
    expect(findingsOf(evaluate(build(600)), 'PWR-003')).toEqual([]);
    const e = evaluate(build(700));
    expect(findingsOf(e, 'PWR-003')).toEqual([['site', 1.05, 1, 'MW']]);
    expect(e.findings[0].message).toBe('facility 1.05 MW > grid 1 MW');
  });

  test('PWR-003 without a design PUE: train input (IT + losses) plus other loads', () => {
    const { root, site, hall } = frame({ gridMw: 1 });
    rack(
      hall,
      'r1',
      970,
      [new Ups(site, 'u', { moduleRatingKw: 2000, efficiency: 0.97, feeds: [site.grid] })],
      false,
    );
    const e = evaluate(root);
    expect(e.summary.facilityLoadKw).toBe(1000);
    expect(findingsOf(e, 'PWR-003')).toEqual([]);
  });

  test('PWR-004 loss of supply under N-1; a rack that does not require redundancy is accepted', () => {
    const build = (requiresRedundancy: boolean) => {
      const { root, site, hall } = frame();
      rack(hall, 'r1', 10, [ups(site, 'ups', 100)], requiresRedundancy);
      return root;
    };
    expect(findingsOf(evaluate(build(false)), 'PWR-004')).toEqual([]);
    const e = evaluate(build(true));
    expect(findingsOf(e, 'PWR-004')).toEqual([['site/ups', 1, 0, 'racks']]);
    expect(e.findings[0].message).toContain('site/hall/r1');
  });

  test('PWR-005 generator group below the backed load with its redundancy', () => {
    const build = (units: number) => {
      const { root, site, hall } = frame();
      const mv = ups(site, 'mv', 1000);
      rack(hall, 'r1', 120, [ups(site, 'a', 200, [mv]), ups(site, 'b', 200, [mv])]);
      new GeneratorGroup(site, 'gen', { unitRatingKw: 100, units, redundantUnits: 1, backs: [mv] });
      return root;
    };
    expect(findingsOf(evaluate(build(3)), 'PWR-005')).toEqual([]);
    const e = evaluate(build(2));
    expect(findingsOf(e, 'PWR-005')).toEqual([['site/gen', 120, 100, 'kW']]);
    expect(e.findings.find((f) => f.ruleId === 'PWR-005')!.message).toBe(
      'generators must carry 120 kW of backed load, above the 100 kW of 1 of 2 units (1 redundant): 20 kW short',
    );
  });

  test('PWR-006 rack design power above the hall design density', () => {
    const { root, site } = frame();
    const hall = new Hall(site, 'h2', { designKwPerRack: 130, rackPositions: 10 });
    const feeds = [ups(site, 'a', 1000), ups(site, 'b', 1000)];
    new Rack(hall, 'gb200', { system: 'gb200-nvl72', feeds });
    expect(findingsOf(evaluate(root), 'PWR-006')).toEqual([['site/h2/gb200', 132, 130, 'kW']]);
    new Rack(hall, 'dgx', { system: 'dgx-b300', feeds });
    expect(findingsOf(evaluate(root), 'PWR-006')).toHaveLength(1);
  });

  test('PWR-007 more racks than rack positions', () => {
    const { root, site, hall } = frame({ positions: 2 });
    const feeds = [ups(site, 'a', 1000), ups(site, 'b', 1000)];
    rack(hall, 'r1', 10, feeds);
    rack(hall, 'r2', 10, feeds);
    expect(findingsOf(evaluate(root), 'PWR-007')).toEqual([]);
    rack(hall, 'r3', 10, feeds);
    expect(findingsOf(evaluate(root), 'PWR-007')).toEqual([['site/hall', 3, 2, 'racks']]);
  });

  test('PWR-008 rack without feeds', () => {
    const { root, site, hall } = frame();
    rack(hall, 'fed', 10, [ups(site, 'a', 100), ups(site, 'b', 100)]);
    expect(findingsOf(evaluate(root), 'PWR-008')).toEqual([]);
    rack(hall, 'unfed', 10, []);
    expect(findingsOf(evaluate(root), 'PWR-008')).toEqual([['site/hall/unfed', 0, 1, 'feeds']]);
  });

  test('PWR-009 equipment without upstream supply', () => {
    const { root, site, hall } = frame();
    const floating = new Busway(site, 'floating', { ratingA: 400 });
    rack(hall, 'r1', 50, [floating], false);
    const e = evaluate(root);
    expect(findingsOf(e, 'PWR-009')).toEqual([['site/floating', 50, 0, 'kW']]);
    floating.addFeed(ups(site, 'ups', 100));
    expect(findingsOf(evaluate(root), 'PWR-009')).toEqual([]);
  });

  test('PWR-010 equipment that feeds nothing is a warning, not an error', () => {
    const { root, site, hall } = frame();
    const spare = ups(site, 'spare', 100);
    rack(hall, 'r1', 10, [ups(site, 'a', 100), ups(site, 'b', 100)]);
    const e = evaluate(root);
    expect(findingsOf(e, 'PWR-010')).toEqual([['site/spare', 0, 1, 'loads']]);
    expect(e.findings.find((f) => f.ruleId === 'PWR-010')!.severity).toBe('warning');
    rack(hall, 'r2', 10, [spare], false);
    expect(ruleIds(evaluate(root))).toEqual([]);
  });
});

describe('suppressions', () => {
  const overloaded = () => {
    const { root, site, hall } = frame();
    const a = ups(site, 'ups-a', 100);
    const b = ups(site, 'ups-b', 100);
    rack(hall, 'r1', 120, [a, b]);
    return { root, site, a, b };
  };

  test('a suppressed finding stays in the report with its reason and no longer fails the design', () => {
    const { root, a } = overloaded();
    suppress(a, 'PWR-002', 'temporary: second UPS module arrives in Q3');
    const e = evaluate(root);
    const fa = e.findings.find((f) => f.path === 'site/ups-a')!;
    expect(fa).toMatchObject({ suppressed: true, reason: 'temporary: second UPS module arrives in Q3' });
    const fb = e.findings.find((f) => f.path === 'site/ups-b')!;
    expect(fb.suppressed).toBe(false);
  });

  test('a suppression on a scope covers everything below it, for its rule only', () => {
    const other = overloaded();
    suppress(other.site, 'PWR-010', 'spare equipment is expected on this site');
    expect(evaluate(other.root).findings.filter((f) => f.suppressed)).toEqual([]);

    const { root, site } = overloaded();
    suppress(site, 'PWR-002', 'accepted for the pilot phase by the design authority');
    const e = evaluate(root);
    expect(e.findings.filter((f) => f.ruleId === 'PWR-002').map((f) => [f.path, f.suppressed])).toEqual([
      ['site/ups-a', true],
      ['site/ups-b', true],
    ]);
  });

  test('a reason shorter than 10 characters or a malformed rule id is refused, naming the path', () => {
    const { a } = overloaded();
    expect(() => suppress(a, 'PWR-002', 'because')).toThrow(
      'site/ups-a: suppression of PWR-002 needs a reason of at least 10 characters',
    );
    expect(() => suppress(a, 'pwr2', 'a long enough reason')).toThrow(
      "site/ups-a: suppression names rule 'pwr2'",
    );
  });
});

describe('definePack', () => {
  const rule = (id: string) => ({
    id,
    severity: 'info' as const,
    description: 'd',
    help: 'h',
    check: () => [],
  });

  test('gives every rule the pack name; the built-in packs carry theirs', () => {
    expect(
      definePack('ACME', 'acme', [rule('ACME-001'), rule('ACME-002')]).map((r) => [r.id, r.pack]),
    ).toEqual([
      ['ACME-001', 'acme'],
      ['ACME-002', 'acme'],
    ]);
    const prefixes: Record<string, string> = {
      PWR: 'power',
      COOL: 'cooling',
      K8S: 'kubernetes',
      SCW: 'scaleway',
      RES: 'residency',
    };
    for (const r of ALL_RULES) expect(r.pack).toBe(prefixes[r.id.split('-')[0]]);
    expect(DEPLOY_ORDER_PACK.map((r) => [r.id, r.pack])).toEqual([
      ['DEP-001', 'deploy-order'],
      ['DEP-002', 'deploy-order'],
      ['DEP-003', 'deploy-order'],
    ]);
  });

  test('refuses a rule whose id has another prefix, and a rule listed twice', () => {
    expect(() => definePack('ACME', 'acme', [rule('PWR-001')])).toThrow(
      "pack acme: rule PWR-001 is not like ACME-001, the pack's prefix",
    );
    expect(() => definePack('ACME', 'acme', [rule('ACME-001'), rule('ACME-001')])).toThrow(
      'pack acme: rule ACME-001 is listed twice',
    );
  });
});
