import fc from 'fast-check';
import { IConstruct, RootConstruct } from 'constructs';
import { Cdu, GeneratorGroup, Hall, Rack, Site, StaticTransferSwitch, Ups } from '../constructs';
import { PowerEquipment } from '../constructs/power-equipment';
import { analyze, AnalysisOptions } from '../src/analysis/analysis';
import { evaluate } from '../src/evaluate';
import { buildDesign } from '../src/model/design';

/**
 * A random layered power train: each level has its own efficiency and units that each draw
 * from one to three units of the level above; racks draw from one or two units of the last
 * level. Every path from a rack to the grid crosses each level once, so the grid must carry
 * exactly sum(rack load) / product(level efficiencies).
 */
const design = fc.record({
  levels: fc.array(
    fc.record({
      efficiency: fc.double({ min: 0.85, max: 1, noNaN: true }),
      units: fc.integer({ min: 1, max: 5 }),
      ratingKw: fc.integer({ min: 50, max: 2_000 }),
      feedPicks: fc.array(fc.array(fc.nat(), { minLength: 1, maxLength: 3 }), { minLength: 5, maxLength: 5 }),
      /** Per unit: a static transfer switch (primary, alternate) where it has two feeds or more. */
      transfer: fc.array(fc.boolean(), { minLength: 5, maxLength: 5 }),
      /** Modules per unit (N+1 when more than one): a surviving group counts all of them under N-1. */
      modules: fc.integer({ min: 1, max: 3 }),
    }),
    { minLength: 1, maxLength: 4 },
  ),
  racks: fc.array(
    fc.record({
      kw: fc.integer({ min: 1, max: 300 }),
      feeds: fc.array(fc.nat(), { minLength: 1, maxLength: 2 }),
    }),
    { minLength: 1, maxLength: 25 },
  ),
  /** Index of a second-level unit (first level if there is one level) that a generator group backs, if any. */
  backed: fc.option(fc.nat(), { nil: undefined }),
  /** A CDU group whose pumps draw from one or two units of the last level: a load on the train. */
  cdu: fc.option(
    fc.record({
      kw: fc.integer({ min: 1, max: 50 }),
      feeds: fc.array(fc.nat(), { minLength: 1, maxLength: 2 }),
    }),
    {
      nil: undefined,
    },
  ),
});
type Design = typeof design extends fc.Arbitrary<infer T> ? T : never;

function build(d: Design, scale = 1): RootConstruct {
  const root = new RootConstruct();
  const site = new Site(root, 'site', { country: 'FR', gridConnectionMw: 50, designPue: 1.2 });
  const hall = new Hall(site, 'hall', { designKwPerRack: 250, rackPositions: 30 });
  let above: PowerEquipment[] = [site.grid];
  d.levels.forEach((level, l) => {
    const units: PowerEquipment[] = [];
    for (let u = 0; u < level.units; u++) {
      const feeds = [...new Set(level.feedPicks[u].map((p) => above[p % above.length]))];
      units.push(
        level.transfer[u] && feeds.length >= 2
          ? new StaticTransferSwitch(site, `l${l}-u${u}`, {
              ratingKw: level.ratingKw,
              primary: feeds[0],
              alternate: feeds[1],
            })
          : new Ups(site, `l${l}-u${u}`, {
              moduleRatingKw: level.ratingKw,
              modules: level.modules,
              redundantModules: level.modules > 1 ? 1 : 0,
              efficiency: level.efficiency,
              feeds,
            }),
      );
    }
    if (l === Math.min(1, d.levels.length - 1) && d.backed !== undefined) {
      new GeneratorGroup(site, 'gen', {
        unitRatingKw: 1_000,
        units: 3,
        backs: [units[d.backed % units.length]],
      });
    }
    above = units;
  });
  d.racks.forEach((r, i) => {
    const feeds = [...new Set(r.feeds.map((p) => above[p % above.length]))];
    new Rack(hall, `r${i}`, { system: 'gb200-nvl72', designPowerKw: r.kw * scale, feeds });
  });
  if (d.cdu) {
    const feeds = [...new Set(d.cdu.feeds.map((p) => above[p % above.length]))];
    new Cdu(site, 'cdu', {
      unitCapacityKw: 10_000,
      units: 2,
      unitPowerKw: d.cdu.kw * scale,
      supplyTemperatureC: 30,
      serves: [hall],
      feeds,
    });
  }
  return root;
}

/** The analysis of a tree's design, with its plant beside it. */
function analyzeTree(root: IConstruct, options?: AnalysisOptions) {
  const design = buildDesign(root);
  return { ...analyze(design, options), plant: design.plant };
}

describe('properties', () => {
  test('power is conserved: grid load = sum of rack loads / product of efficiencies', () => {
    fc.assert(
      fc.property(design, (d) => {
        const a = analyzeTree(build(d));
        const grid = a.plant.nodes.find((n) => n.kind === 'grid-connection')!;
        const racksW = d.racks.reduce((s, r) => s + r.kw * 1000, 0) + (d.cdu ? d.cdu.kw * 1000 : 0);
        // A static transfer switch has no losses: a level's efficiency is exact only without one.
        if (d.levels.some((l) => l.transfer.some((t) => t))) return;
        const eff = d.levels.reduce((p, l) => p * l.efficiency, 1);
        expect(a.flow.outW[grid.index]).toBeCloseTo(racksW / eff, 6);
      }),
      { numRuns: 200 },
    );
  });

  test('adding load never clears a finding', () => {
    fc.assert(
      fc.property(design, fc.double({ min: 1, max: 3, noNaN: true }), (d, scale) => {
        const key = (f: { ruleId: string; path: string }) => `${f.ruleId} ${f.path}`;
        const before = evaluate(build(d)).findings.map(key);
        const after = new Set(evaluate(build(d, scale)).findings.map(key));
        for (const k of before) expect(after).toContain(k);
      }),
      { numRuns: 200 },
    );
  });

  test('incremental N-1 equals a brute-force recomputation of every single failure', () => {
    fc.assert(
      fc.property(design, (d) => {
        const a = analyzeTree(build(d));
        const ref = bruteForceN1(a);
        a.plant.nodes.forEach((n) => {
          const got = a.contingency.worstUtilization[n.index];
          expect(got < 0 ? -1 : got).toBeCloseTo(ref.worst[n.index], 9);
        });
        expect(a.contingency.lostSupply.map((l) => [l.failed, l.racks])).toEqual(ref.lost);
      }),
      { numRuns: 300 },
    );
  });

  test('maintenance plus single failure equals a brute-force recomputation of every pair', () => {
    fc.assert(
      fc.property(design, (d) => {
        const a = analyzeTree(build(d), { contingencyLevel: 'maintenance' });
        const ref = bruteForcePairs(a);
        a.plant.nodes.forEach((n) => {
          if (n.kind === 'rack' || n.kind === 'cooling' || n.kind === 'grid-connection') return;
          // Pairs where one component does not matter are N-1 cases: the level adds to them.
          const got = Math.max(
            a.maintenance!.worstUtilization[n.index],
            a.contingency.worstUtilization[n.index],
          );
          expect(got < 0 ? -1 : got).toBeCloseTo(ref[n.index], 9);
        });
      }),
      { numRuns: 150 },
    );
  });
});

/** The load flow with the `dead` components out: the brute-force way, whole graph. */
function flowWithout(a: ReturnType<typeof analyzeTree>, failed: readonly number[]) {
  const { nodes } = a.plant;
  const dead = nodes.map(() => false);
  for (const n of nodes) {
    dead[n.index] =
      failed.includes(n.index) ||
      (n.feeds.length > 0 && n.feeds.every((f) => dead[f]) && n.backupGenerator === undefined);
  }
  const out = new Array<number>(nodes.length).fill(0);
  for (let i = nodes.length - 1; i >= 0; i--) {
    const n = nodes[i];
    if (dead[i]) continue;
    out[i] += n.demandW;
    const alive = n.feeds.filter((f) => !dead[f]);
    const draws = n.feedMode === 'transfer' ? alive.slice(0, 1) : alive;
    for (const f of draws) out[f] += out[i] / n.efficiency / draws.length;
  }
  return { dead, out };
}

/**
 * Every pair of components (a piece of equipment, or one unit of a parallel group) out at
 * once, each recomputed over the whole graph. O(N^3).
 */
function bruteForcePairs(a: ReturnType<typeof analyzeTree>) {
  const { nodes } = a.plant;
  const normal = a.flow.outW;
  const worst = new Array<number>(nodes.length).fill(-1);
  const keep = (i: number, u: number) => (worst[i] = Math.max(worst[i], u));
  const failable = nodes.filter(
    (n) => n.kind !== 'rack' && n.kind !== 'cooling' && n.kind !== 'grid-connection',
  );
  const measure = (failed: number[]) => {
    const { dead, out } = flowWithout(a, failed);
    for (const n of failable) {
      if (dead[n.index]) continue;
      if (out[n.index] > normal[n.index] + 1e-6) keep(n.index, out[n.index] / n.installedW);
      // One unit of this group out as the other component of the pair.
      if (failed.length === 1 && n.units > 1) keep(n.index, out[n.index] / ((n.units - 1) * n.unitCapacityW));
    }
  };
  for (const x of failable) {
    measure([x.index]); // with a unit of a group, or a component that changes nothing
    for (const y of failable) if (y.index > x.index) measure([x.index, y.index]);
    // Units alone: one of this group, or two of it.
    if (x.units > 1) keep(x.index, normal[x.index] / ((x.units - 1) * x.unitCapacityW));
    if (x.units > 2) keep(x.index, normal[x.index] / ((x.units - 2) * x.unitCapacityW));
  }
  return worst;
}

/**
 * The textbook way: for each failure, recompute the whole load flow without it. O(N^2).
 * A shared load splits equally among its live feeds; a transfer load draws all from its first
 * live feed. Surviving equipment is measured against every unit it has installed.
 */
function bruteForceN1(a: ReturnType<typeof analyzeTree>) {
  const { nodes } = a.plant;
  const worst = new Array<number>(nodes.length).fill(-1);
  const lost: [number, number[]][] = [];
  for (const c of nodes) {
    if (c.kind === 'rack' || c.kind === 'cooling' || c.kind === 'grid-connection') continue;
    if (c.units > 1)
      worst[c.index] = Math.max(worst[c.index], a.flow.outW[c.index] / ((c.units - 1) * c.unitCapacityW));
    const dead = nodes.map(() => false);
    for (const n of nodes) {
      dead[n.index] =
        n.index === c.index ||
        (n.feeds.length > 0 && n.feeds.every((f) => dead[f]) && n.backupGenerator === undefined);
    }
    const out = new Array<number>(nodes.length).fill(0);
    for (let i = nodes.length - 1; i >= 0; i--) {
      const n = nodes[i];
      if (dead[i]) continue;
      out[i] += n.demandW;
      const alive = n.feeds.filter((f) => !dead[f]);
      const draws = n.feedMode === 'transfer' ? alive.slice(0, 1) : alive;
      for (const f of draws) out[f] += out[i] / n.efficiency / draws.length;
    }
    for (const n of nodes) {
      if (dead[n.index] || n.rack || out[n.index] <= a.flow.outW[n.index] + 1e-6) continue;
      worst[n.index] = Math.max(worst[n.index], out[n.index] / (n.units * n.unitCapacityW));
    }
    const racks = nodes.filter((n) => n.rack?.requiresRedundancy && dead[n.index]).map((n) => n.index);
    if (racks.length > 0) lost.push([c.index, racks]);
  }
  return { worst, lost };
}
