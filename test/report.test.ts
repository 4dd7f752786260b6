import { RootConstruct } from 'constructs';
import { Cdu, Hall, Transformer } from '../constructs';
import { buildCampus } from '../examples/campus-1-4gw/campus';
import { addGpuPlatform } from '../examples/default/platform';
import { buildEssonneSite } from '../examples/essonne-44mw/site';
import { Evaluation } from '../src/evaluate';
import { colorOf, diagramData, DiagramData, elementFor, worstCase } from '../src/report/diagram-data';
import { sideOf } from '../src/model/sides';
import { reportHtml } from '../src/report/html';
import { shortNames } from '../src/report/sections/diagram';
import { summaryMarkdown } from '../src/report/summary-md';
import { headroomEntries } from '../src/output/headroom-json';
import { evaluate, findingsOf, frame, rack, ups } from './fixtures/tiny';

/** The default example's design (examples/default/main.ts) without the cdktf stack. */
function defaultExample(): Evaluation {
  const root = new RootConstruct();
  addGpuPlatform(root, buildEssonneSite(root, { cooling: 'design-pue' }));
  return evaluate(root);
}

/**
 * The campus example's design (examples/campus-1-4gw, 12,153 pieces), built and evaluated once
 * for the tests that only read it: each build and evaluation took about 1.5 s.
 */
let campusEvaluation: Evaluation | undefined;
function campus(): Evaluation {
  if (!campusEvaluation) {
    const root = new RootConstruct();
    buildCampus(root);
    campusEvaluation = evaluate(root);
  }
  return campusEvaluation;
}

const byPath = (d: DiagramData, path: string) => d.elements.find((e) => e.id === d.elementOf.get(path))!;

/** A transformer at 100% efficiency and PF 1 feeding one non-redundant rack of `kw`. */
function transformerDesign(kw: number) {
  const { root, site, hall } = frame();
  const tx = new Transformer(site, 'tx', { ratingKva: 1000, efficiency: 1, feeds: [site.grid] });
  rack(hall, 'r1', kw, [ups(site, 'ups', 5000, [tx])], false);
  return evaluate(root);
}

/** Two 100 kW UPS feeding one dual-corded rack of `kw`: each carries half, the whole under N-1. */
function pairDesign(kw: number) {
  const { root, site, hall } = frame();
  rack(hall, 'r1', kw, [ups(site, 'ups-a', 100), ups(site, 'ups-b', 100)]);
  return evaluate(root);
}

describe('color classes: green below 80% of a limit, amber up to it, red above', () => {
  test('colorOf at the boundaries, normal load against the maximum continuous utilization', () => {
    expect(colorOf(0.639, 0.8)).toBe('ok');
    expect(colorOf(0.64, 0.8)).toBe('warn'); // 80% of the 80% limit
    expect(colorOf(0.8, 0.8)).toBe('warn'); // at the limit: no PWR-001 finding
    expect(colorOf(0.8001, 0.8)).toBe('over');
    expect(colorOf(0.5, 0.8, 0.79)).toBe('ok');
    expect(colorOf(0.5, 0.8, 0.8)).toBe('warn');
    expect(colorOf(0.5, 0.8, 1)).toBe('warn');
    expect(colorOf(0.5, 0.8, 1.001)).toBe('over');
    expect(colorOf(undefined, 1)).toBe('none');
  });

  test('a transformer in normal operation: 639 kVA green, 640 and 800 amber, 801 red with its PWR-001', () => {
    const color = (kw: number) => byPath(diagramData(transformerDesign(kw)), 'site/tx').color;
    expect([639, 640, 800, 801].map(color)).toEqual(['ok', 'warn', 'warn', 'over']);
    expect(findingsOf(transformerDesign(800), 'PWR-001')).toEqual([]);
    expect(findingsOf(transformerDesign(801), 'PWR-001')).toEqual([['site/tx', 801, 800, 'kVA']]);
    const tx = byPath(diagramData(transformerDesign(640)), 'site/tx').members[0];
    expect([tx.load, tx.capacity, tx.unit, tx.utilization, tx.limit]).toEqual([640, 1000, 'kVA', 0.64, 0.8]);
  });

  test('a 2N pair under N-1: 79 kW green, 80 and 100 kW amber, 101 kW red with its PWR-002', () => {
    const color = (kw: number) => byPath(diagramData(pairDesign(kw)), 'site/ups-a').color;
    expect([79, 80, 100, 101].map(color)).toEqual(['ok', 'warn', 'warn', 'over']);
    expect(findingsOf(pairDesign(100), 'PWR-002')).toEqual([]);
    expect(findingsOf(pairDesign(101), 'PWR-002')).toHaveLength(2);
  });

  test('racks have no rating; the grid connection is colored by facility power against its contract', () => {
    const e = defaultExample();
    const d = diagramData(e);
    const grid = byPath(d, 'bruyeres/grid').members[0];
    // 42.9 MW of 44 MW: 97.5%, within 80% of the PWR-003 limit of 100%.
    expect([grid.load, grid.capacity, grid.unit, grid.color]).toEqual([42.9, 44, 'MW', 'warn']);
    expect(grid.utilization).toBeCloseTo(0.975, 12);
    expect(d.elements.filter((x) => x.kind === 'rack').every((x) => x.color === 'none')).toBe(true);
    const gen = byPath(d, 'bruyeres/building-1/mv-01/generators').members[0];
    expect([gen.capacity, gen.unit]).toEqual([35_000, 'kW']);
    expect(gen.load).toBeCloseTo(33_000 / 0.97 / 0.99, 6);
  });

  test('a cooling group on the train is a load without a rating: its design power drawn, no utilization, no N-1 case', () => {
    const { root, site, hall } = frame();
    const a = ups(site, 'ups-a', 300);
    const b = ups(site, 'ups-b', 300);
    rack(hall, 'r1', 120, [a, b]);
    new Cdu(site, 'cdus-a', {
      unitCapacityKw: 200,
      units: 2,
      supplyTemperatureC: 30,
      serves: [hall],
      unitPowerKw: 8,
      feeds: [a],
    });
    const e = evaluate(root);
    const cdu = byPath(diagramData(e), 'site/cdus-a');
    expect(cdu.color).toBe('none');
    expect(cdu.utilization).toBeUndefined();
    expect(cdu.worst).toBeUndefined();
    expect(cdu.members[0]).toMatchObject({ load: 8, unit: 'kW' });
    expect(cdu.members[0].capacity).toBeUndefined();
    const html = reportHtml(e);
    // Its box shows its load, and nothing infinite reaches the page (JSON would make it null).
    expect(html).toMatch(/data-path="site\/cdus-a"[^]*?<text x="6" y="40" class="load">8 kW<\/text>/);
    expect(html).not.toMatch(/∞|Infinity/);
    const detail = /<script type="application\/json" id="report-data">(.*?)<\/script>/s.exec(html)![1];
    expect(detail).not.toMatch(/null/);
    // In findings.json and `check --format json`, its limit is its design power, as for a rack (was null).
    const entry = headroomEntries(e.design, e.analysis).find((h) => h.path === 'site/cdus-a')!;
    expect([entry.designLoadKw, entry.normalLimitKw, entry.n1SafeLoadKw]).toEqual([8, 8, expect.any(Number)]);
    expect(entry.headroomKw).toBeLessThanOrEqual(0);
  });

  test('sides from the names: ups-a, busway-su001-b2, switchgear-a; none for racks', () => {
    expect(['x/ups-a', 'x/busway-su001-b2', 'x/switchgear-a', 'x/r01', 'x/grid', 'a'].map(sideOf)).toEqual([
      'A',
      'B',
      'A',
      undefined,
      undefined,
      'A',
    ]);
  });
});

describe('worst N-1 cases, in the units the findings use', () => {
  test('2N pair too small: each side carries 120 of 100 kW when the other fails, as PWR-002 says', () => {
    const e = pairDesign(120);
    const a = byPath(diagramData(e), 'site/ups-a');
    expect(a.worst).toEqual({
      failure: 'site/ups-b',
      ownUnit: false,
      load: 120,
      limit: 100,
      unit: 'kW',
      utilization: 1.2,
      path: 'site/ups-a',
    });
    expect(a.color).toBe('over');
    expect(findingsOf(e, 'PWR-002')[0]).toEqual(['site/ups-a', a.worst!.load, a.worst!.limit, a.worst!.unit]);
  });

  test('a module group without reserve: the worst case is one of its own units lost', () => {
    const { root, site, hall } = frame();
    rack(hall, 'r1', 75, [ups(site, 'ups', 100, undefined, 2, 0)], false);
    const w = byPath(diagramData(evaluate(root)), 'site/ups').worst!;
    expect([w.failure, w.ownUnit, w.load, w.limit, w.utilization]).toEqual(['site/ups', true, 75, 50, 1.5]);
  });

  test('the default example: the block transformer at 91.7% of 2,500 kVA when the B switchgear fails', () => {
    const w = worstCase(defaultExample())!;
    expect(w.path).toBe('bruyeres/building-1/mv-01/block-001/transformer-a');
    expect(w.failure).toBe('bruyeres/building-1/mv-01/switchgear-b');
    expect(w.unit).toBe('kVA');
    expect(w.limit).toBeCloseTo(2500, 9);
    expect(w.load).toBeCloseTo((16 * 132) / 0.97 / 0.95, 6);
    expect(w.utilization).toBeCloseTo((16 * 132) / 0.97 / 0.95 / 2500, 12);
  });
});

describe('folding at scale', () => {
  /** grid, tx-a and tx-b, two UPS per side, racks r1-r3 on (a1, b1) and r4-r6 on (a2, b2). */
  function twoPairs() {
    const { root, site, hall } = frame();
    const tx = ['a', 'b'].map(
      (s) => new Transformer(site, `tx-${s}`, { ratingKva: 5000, feeds: [site.grid] }),
    );
    const u = (s: number, k: number) => ups(site, `ups-${'ab'[s]}${k}`, 1000, [tx[s]]);
    const pairs = [1, 2].map((k) => [u(0, k), u(1, k)]);
    for (let r = 1; r <= 6; r++) rack(hall, `r${r}`, 100 + r, pairs[r <= 3 ? 0 : 1]);
    return evaluate(root);
  }

  test('under the limit every piece is drawn; just over it racks fold by the feeds they share', () => {
    const e = twoPairs();
    expect(diagramData(e).elements).toHaveLength(13);
    expect(diagramData(e).foldDepth).toBeUndefined();
    const d = diagramData(e, { maxElements: 9 });
    expect(d.foldDepth).toBe(2);
    const groups = d.elements.filter((x) => x.grouped);
    expect(groups.map((g) => [g.name, g.path, g.members.map((m) => m.path)])).toEqual([
      ['3 racks', 'site/hall', ['site/hall/r1', 'site/hall/r2', 'site/hall/r3']],
      ['3 racks', 'site/hall', ['site/hall/r4', 'site/hall/r5', 'site/hall/r6']],
    ]);
    const edgesOf = (id: string) => d.edges.filter((x) => x.to === id).map((x) => [x.from, x.side]);
    expect(edgesOf(groups[0].id)).toEqual([
      [d.elementOf.get('site/ups-a1'), 'A'],
      [d.elementOf.get('site/ups-b1'), 'B'],
    ]);
  });

  test('one level up the UPS fold per transformer, with their count, side and highest utilization', () => {
    const e = twoPairs();
    const d = diagramData(e, { maxElements: 8 });
    expect(d.foldDepth).toBe(1);
    expect(d.elements.map((x) => [x.name, x.side ?? null])).toEqual([
      ['grid', null],
      ['tx-a', 'A'],
      ['tx-b', 'B'],
      ['2 UPS', 'A'],
      ['2 UPS', 'B'],
      ['6 racks', null],
    ]);
    const [, , , upsA] = d.elements;
    // ups-a2 carries r4..r6: (104 + 105 + 106) / 2 kW of 1,000 kW.
    expect(upsA.utilization).toBeCloseTo(157.5 / 1000, 12);
    expect(upsA.worst!.path).toBe('site/ups-a2');
    expect(upsA.worst!.load).toBeCloseTo(315, 9);
    expect(d.edges.map((x) => [x.from, x.to, x.kind])).toEqual([
      ['n0', 'n1', 'feed'],
      ['n0', 'n2', 'feed'],
      ['n1', 'g0', 'feed'],
      ['n2', 'g1', 'feed'],
      ['g0', 'g2', 'feed'],
      ['g1', 'g2', 'feed'],
    ]);
  });

  test('the default example (491 pieces) folds its racks by busway pair: 304 elements', () => {
    const d = diagramData(defaultExample());
    expect(d.foldDepth).toBe(6);
    const groups = d.elements.filter((x) => x.grouped);
    expect(groups.every((g) => g.kind === 'rack')).toBe(true);
    // 31 full SUs of 8 racks on 2 busway pairs, and the last SU's 2 racks on one pair.
    expect(groups.map((g) => g.members.length)).toEqual([...Array(62).fill(4), 2]);
    // The mechanical train (issue 15): 2 HV/MV and 2 MV/LV transformers, 2 switchgear, 2 boards,
    // 2 UPS, the 2 CDU groups drawing from them, and its generator group.
    expect(d.elements).toHaveLength(1 + 34 + 2 + 32 + 32 + 126 + 63 + 1 + 13);
  });

  test('the campus (12,153 pieces) draws at most 400 elements; each group has its count and worst loads', () => {
    const e = campus();
    const { plant } = e.design;
    const { flow, contingency } = e.analysis;
    const d = diagramData(e);
    expect(plant.nodes.length + plant.generators.length).toBe(12_153);
    expect(d.elements.length).toBeLessThanOrEqual(400);
    expect(d.elements).toHaveLength(369);
    expect(d.foldDepth).toBe(2);
    // Every piece is in exactly one element.
    expect(d.elements.reduce((s, x) => s + x.members.length, 0)).toBe(12_153);

    const a = byPath(d, 'fouju/building-01/mv-01/block-001/ups-a');
    expect(a.grouped).toBe(true);
    expect(a.name).toBe('84 pieces: 12 transformers, 12 switchboards, 12 UPS, 48 busways');
    expect(a.side).toBe('A');
    const members = plant.nodes.filter((n) => d.elementOf.get(n.path) === a.id);
    expect(members).toHaveLength(84);
    const highest = Math.max(...members.map((n) => flow.outW[n.index] / n.capacityW));
    expect(a.utilization).toBe(highest);
    expect(a.utilization).toBeCloseTo((8 * 142) / 2500, 12); // a GB300 block's UPS side: 1,136 kW of 2,500 kW
    // The campus's most loaded piece is now a Vera Rubin block's UPS side: 8 x 227 kW of 3,750 kW usable.
    expect(e.highest).toEqual({
      path: 'fouju/building-05/mv-01/block-001/ups-a',
      label: 'UPS',
      utilization: (8 * 227) / 3750,
    });
    expect(a.worst!.utilization).toBe(Math.max(...members.map((n) => contingency.worstUtilization[n.index])));
    expect(a.color).toBe('warn'); // N-1 90.9%

    const racks = byPath(d, 'fouju/building-01/hall-01/su-001/r01');
    expect([racks.name, racks.path, racks.color]).toEqual(['192 racks', 'fouju/building-01', 'none']);
    expect(d.edges.filter((x) => x.to === racks.id).map((x) => x.from)).toEqual([
      a.id,
      d.elementOf.get('fouju/building-01/mv-01/block-001/ups-b'),
    ]);
  });
});

describe('HTML report', () => {
  const overloaded = () => {
    const { root, site, hall } = frame({ gridMw: 0.2, designPue: 1.5 });
    rack(hall, 'r1', 120, [ups(site, 'ups-a', 100), ups(site, 'ups-b', 100)]);
    const other = new Hall(site, 'hall-2', { designKwPerRack: 500, rackPositions: 1 });
    rack(other, 'r2', 10, [ups(site, 'ups-c', 100)], false);
    rack(other, 'r3', 10, [ups(site, 'ups-c2', 100)], false);
    new Cdu(site, 'cdu', { unitCapacityKw: 50, units: 2, supplyTemperatureC: 30, serves: [hall] });
    return evaluate(root);
  };

  test('deterministic: the same design gives the same bytes', () => {
    const a = reportHtml(defaultExample());
    expect(reportHtml(defaultExample())).toBe(a);
    expect(a.length).toBeGreaterThan(100_000);
  });

  test('box names: the last two path segments, more where two pieces would read the same', () => {
    const paths = [
      'paris/hall-1/su-01/r1',
      'paris/hall-2/su-01/r1',
      'paris/hall-1/su-01/r2',
      'paris/block-001/ups-a',
      'paris/block-002/ups-a',
      'lyon/grid',
      'paris/grid',
    ];
    const names = shortNames(paths);
    expect(paths.map((p) => names.get(p))).toEqual([
      'hall-1/su-01/r1',
      'hall-2/su-01/r1',
      'su-01/r2',
      'block-001/ups-a',
      'block-002/ups-a',
      'lyon/grid',
      'paris/grid',
    ]);
  });

  test('self-contained: no external script, style, font, image or link', async () => {
    const html = await reportHtml(defaultExample());
    expect(html).not.toMatch(/<script[^>]+src=/i);
    expect(html).not.toMatch(/<link\b/i);
    expect(html).not.toMatch(/<img\b|<iframe\b|@import|url\(/i);
    expect(html).not.toMatch(/(src|href)="(https?:)?\/\//i);
    expect(html).not.toMatch(/https?:\/\//);
    expect(html.startsWith('<!doctype html>')).toBe(true);
  });

  test('one SVG element per diagram element, with its path, color class and tooltip', async () => {
    const e = defaultExample();
    const html = await reportHtml(e);
    const d = diagramData(e);
    const drawn = [...html.matchAll(/<g id="el-([a-z0-9]+)" class="piece c-(\w+)[^"]*" data-element="\1"/g)];
    expect(drawn.map((m) => [m[1], m[2]])).toEqual(d.elements.map((x) => [x.id, x.color]));
    expect(html).toContain(
      'data-path="bruyeres/building-1/mv-01/block-001/transformer-a" transform="translate(',
    );
    expect(html).toContain(
      'worst N-1: 2,291.9 of 2,500 kVA when bruyeres/building-1/mv-01/switchgear-b fails (91.7%)',
    );
  });

  test('every finding links to its piece: the element itself, its group, the grid of its site or its cooling row', async () => {
    const e = overloaded();
    const d = diagramData(e);
    expect(e.findings.map((f) => [f.ruleId, f.path])).toEqual([
      ['COOL-001', 'site/cdu'],
      ['COOL-005', 'site'],
      ['PWR-002', 'site/ups-a'],
      ['PWR-002', 'site/ups-b'],
      ['PWR-003', 'site'],
      ['PWR-007', 'site/hall-2'],
    ]);
    const html = await reportHtml(e);
    const links = [
      ...html.matchAll(/<a href="#([^"]+)" class="goto"(?: data-target="([^"]+)")? data-member="([^"]+)">/g),
    ];
    const grid = `el-${d.elementOf.get('site/grid')}`;
    expect(links.map((m) => [m[3], m[1]])).toEqual([
      ['site/cdu', `cool-${e.design.plant.coolers[0].index}`],
      ['site', grid],
      ['site/ups-a', `el-${d.elementOf.get('site/ups-a')}`],
      ['site/ups-b', `el-${d.elementOf.get('site/ups-b')}`],
      ['site', grid],
      ['site/hall-2', `el-${d.elementOf.get('site/hall-2/r2')}`],
    ]);
    for (const [, anchor] of links) expect(html).toContain(`id="${anchor}"`);
    expect(html).toMatch(
      /<g id="el-n\d+" class="piece c-over[^"]*" data-element="n\d+" data-kind="ups" data-path="site\/ups-a"/,
    );
  });

  test('a folded member links to its group', () => {
    const d = diagramData(campus());
    const id = elementFor(d, 'fouju/building-03/mv-02/block-013/switchboard-b')!;
    const group = d.elements.find((x) => x.id === id)!;
    expect([group.grouped, group.side, group.path, group.members.length]).toEqual([
      true,
      'B',
      'fouju/building-03/mv-02',
      84,
    ]);
    expect(group.members.map((m) => m.path)).toContain('fouju/building-03/mv-02/block-013/switchboard-b');
    // A hall is no piece: it links to the group of the first rack standing in it.
    const hall = d.elements.find((x) => x.id === elementFor(d, 'fouju/building-03/hall-02'))!;
    expect(hall.kind).toBe('rack');
    expect(hall.members.some((m) => m.path.startsWith('fouju/building-03/hall-02/'))).toBe(true);
  });

  test('the campus report stays under 2 MB thanks to folding', async () => {
    const html = await reportHtml(campus());
    expect(Buffer.byteLength(html)).toBeLessThan(2_000_000);
    expect(html.match(/data-element="/g)).toHaveLength(369);
  });

  test('a design without power equipment still renders', async () => {
    const html = await reportHtml(evaluate(new RootConstruct()));
    expect(html).toContain('No power equipment is modelled.');
    expect(html).toContain('No findings: every check passes.');
  });
});

describe('Markdown summary', () => {
  test('the default example', () => {
    expect(summaryMarkdown(defaultExample())).toBe(
      [
        '### aifactory: the design passes every check',
        '',
        '| sites | racks | GPUs | IT | facility | PUE |',
        '|---:|---:|---:|---:|---:|---:|',
        '| 1 | 250 | 18,000 | 33 MW | 42.9 MW | 1.3 |',
        '',
        '- **Highest utilization** in normal operation: 45.8% of the rating, transformer `bruyeres/building-1/mv-01/block-001/transformer-a`',
        '- **Worst N-1 case**: 91.7%, `bruyeres/building-1/mv-01/block-001/transformer-a` carries 2,291.9 of 2,500 kVA when `bruyeres/building-1/mv-01/switchgear-b` fails',
        '- **Findings**: 0 error(s), 0 warning(s), 0 info, 0 suppressed',
        '',
      ].join('\n'),
    );
  });

  test('an overloaded design: its errors in a table, 20 rows then how many more', () => {
    const { root, site, hall } = frame();
    for (let i = 1; i <= 25; i++) {
      const id = String(i).padStart(2, '0');
      rack(hall, `r${id}`, 90, [ups(site, `ups-${id}`, 100)], false);
    }
    const md = summaryMarkdown(evaluate(root));
    expect(md.split('\n').slice(0, 10)).toEqual([
      '### aifactory: 25 error finding(s): the design does not pass',
      '',
      '| sites | racks | GPUs | IT | facility | PUE |',
      '|---:|---:|---:|---:|---:|---:|',
      '| 1 | 25 | 1,800 | 2.25 MW | 2.25 MW | 1 |',
      '',
      '- **Highest utilization** in normal operation: 90% of the rating, UPS `site/ups-01`',
      '- **Worst N-1 case**: no single failure raises a load',
      '- **Findings**: 25 error(s), 0 warning(s), 0 info, 0 suppressed',
      '',
    ]);
    const rows = md.split('\n').filter((l) => l.startsWith('| PWR-001 |'));
    expect(rows).toHaveLength(20);
    expect(rows[0]).toBe(
      '| PWR-001 | `site/ups-01` | 90 | 80 | kW | UPS carries 90 kW in normal operation, above 80% of its 100 kW rating (80 kW) |',
    );
    expect(md.endsWith('\nand 5 more\n')).toBe(true);
  });
});
