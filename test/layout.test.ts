import { RootConstruct } from 'constructs';
import { buildCampus } from '../examples/campus-1-4gw/campus';
import { addGpuPlatform } from '../examples/default/platform';
import { buildEssonneSite } from '../examples/essonne-44mw/site';
import { diagramData, DiagramData, DiagramElement } from '../src/report/diagram-data';
import { Box, DiagramLayout, GROUP_SIZE, layoutDiagram, PIECE_SIZE, SPACING } from '../src/report/layout';
import { sideOf } from '../src/model/sides';
import { evaluate } from './fixtures/tiny';

/** The one-line diagram's data of the default example and of the campus (folded to 369 elements). */
function exampleData(): { name: string; data: DiagramData }[] {
  const root = new RootConstruct();
  addGpuPlatform(root, buildEssonneSite(root, { cooling: 'design-pue' }));
  const campus = new RootConstruct();
  buildCampus(campus);
  return [
    { name: 'default example', data: diagramData(evaluate(root)) },
    { name: 'campus', data: diagramData(evaluate(campus)) },
  ];
}

/** A diagram drawn by hand: element paths (a side from the name, as the model gives it) and edges. */
function handmade(paths: string[], edges: [string, string][]): DiagramData {
  const elements = paths.map((p): DiagramElement => ({
    id: p,
    kind: 'ups',
    path: p,
    name: p,
    members: [],
    grouped: false,
    color: 'ok',
    side: sideOf(p),
  }));
  return {
    elements,
    edges: edges.map(([from, to]) => ({ from, to, kind: 'feed' })),
    elementOf: new Map(),
    siteGrid: new Map(),
  };
}

const inside = (b: Box, x: number, y: number) =>
  x > b.x && x < b.x + b.width && y > b.y && y < b.y + b.height;

/**
 * What a reader of the diagram relies on, as a list of what breaks it: every element boxed
 * at its size inside the drawing; no two boxes overlapping or closer than the spacing side
 * by side; every route orthogonal, leaving its source's box at the middle of its bottom
 * edge and entering its target's at the middle of its top edge (for an edge drawn upward,
 * the reverse), crossing no box on the way; two sources' bus bars never sharing a stretch of
 * line.
 */
function faults(data: DiagramData, layout: DiagramLayout): string[] {
  const out: string[] = [];
  const box = (id: string) => layout.boxes.get(id)!;
  for (const e of data.elements) {
    const b = layout.boxes.get(e.id);
    const size = e.grouped ? GROUP_SIZE : PIECE_SIZE;
    if (!b) out.push(`${e.id}: no box`);
    else if (b.width !== size.width || b.height !== size.height)
      out.push(`${e.id}: size ${b.width}x${b.height}`);
    else if (
      b.x < SPACING.padding ||
      b.y < SPACING.padding ||
      b.x + b.width > layout.width ||
      b.y + b.height > layout.height
    )
      out.push(`${e.id}: outside the drawing`);
  }
  const all = data.elements.map((e) => ({ id: e.id, b: box(e.id) }));
  for (let i = 0; i < all.length; i++)
    for (let j = i + 1; j < all.length; j++) {
      const [a, b] = [all[i].b, all[j].b];
      const apartX = a.x + a.width + SPACING.node <= b.x || b.x + b.width + SPACING.node <= a.x;
      const apartY = a.y + a.height <= b.y || b.y + b.height <= a.y;
      if (!apartX && !apartY) out.push(`${all[i].id} and ${all[j].id} overlap`);
    }
  const bars = new Map<number, { from: string; x0: number; x1: number }[]>();
  data.edges.forEach((edge, k) => {
    const route = layout.routes[k];
    const [s, t] = [box(edge.from), box(edge.to)];
    const first = route[0];
    const last = route[route.length - 1];
    // The upper end leaves from the middle of its box's bottom edge; the lower end enters its
    // box's top edge (the middle when one feed enters, else a point of its own).
    const [upper, lower] = s.y < t.y ? [s, t] : [t, s];
    const [top, bottom] = s.y < t.y ? [first, last] : [last, first];
    if (top.x !== upper.x + upper.width / 2 || top.y !== upper.y + upper.height)
      out.push(`${edge.from}>${edge.to}: leaves off the middle of its upper box`);
    if (bottom.x <= lower.x || bottom.x >= lower.x + lower.width || bottom.y !== lower.y)
      out.push(`${edge.from}>${edge.to}: enters off the top of its lower box`);
    for (let j = 1; j < route.length; j++) {
      const [p, q] = [route[j - 1], route[j]];
      if (p.x !== q.x && p.y !== q.y) out.push(`${edge.from}>${edge.to}: slanted segment`);
      for (const { id, b } of all) {
        // Sample the segment: no point strictly inside a box.
        for (let f = 0; f <= 1; f += 1 / 64)
          if (inside(b, p.x + (q.x - p.x) * f, p.y + (q.y - p.y) * f)) {
            out.push(`${edge.from}>${edge.to}: crosses ${id}`);
            f = 2;
          }
      }
      if (p.y === q.y && p.x !== q.x) {
        const list = bars.get(p.y) ?? [];
        list.push({ from: edge.from, x0: Math.min(p.x, q.x), x1: Math.max(p.x, q.x) });
        bars.set(p.y, list);
      }
    }
  });
  for (const [y, list] of bars)
    for (const a of list)
      for (const b of list)
        if (a.from < b.from && a.x0 < b.x1 && b.x0 < a.x1)
          out.push(`bars of ${a.from} and ${b.from} share y ${y}`);
  out.push(...joins(data, layout), ...tees(data, layout));
  return [...new Set(out)];
}

/**
 * Dots: one wherever a line meets its source's bus bar short of the bar's ends (a tee), none
 * elsewhere, so a reader tells a connection from a crossing.
 */
function tees(data: DiagramData, layout: DiagramLayout): string[] {
  const upper = (k: number) => {
    const { from, to } = data.edges[k];
    return layout.boxes.get(from)!.y < layout.boxes.get(to)!.y ? from : to;
  };
  // Per source and height: its horizontal segments, joined where they touch into bars.
  const segments = new Map<string, [number, number][]>();
  layout.routes.forEach((route, k) => {
    for (let j = 1; j < route.length; j++) {
      const [p, q] = [route[j - 1], route[j]];
      if (p.y !== q.y) continue;
      const key = `${upper(k)}@${p.y}`;
      segments.set(key, [...(segments.get(key) ?? []), [Math.min(p.x, q.x), Math.max(p.x, q.x)]]);
    }
  });
  const wanted = new Set<string>();
  for (const [key, list] of segments) {
    const [source, y] = [key.slice(0, key.lastIndexOf('@')), key.slice(key.lastIndexOf('@') + 1)];
    list.sort((p, q) => p[0] - q[0]);
    const bars: { lo: number; hi: number; turns: number[] }[] = [];
    for (const [lo, hi] of list) {
      const last = bars[bars.length - 1];
      if (last && lo <= last.hi) {
        last.hi = Math.max(last.hi, hi);
        last.turns.push(lo, hi);
      } else bars.push({ lo, hi, turns: [lo, hi] });
    }
    for (const bar of bars)
      for (const x of bar.turns) if (x > bar.lo && x < bar.hi) wanted.add(`${source}@${x},${y}`);
  }
  const drawn = new Set(layout.junctions.map((j) => `${upper(j.edge)}@${j.x},${j.y}`));
  return [
    ...[...wanted].filter((w) => !drawn.has(w)).map((w) => `no dot at the tee ${w}`),
    ...[...drawn].filter((d) => !wanted.has(d)).map((d) => `a dot off any tee at ${d}`),
  ];
}

/**
 * Lines of different sources that meet other than by crossing: running along one another, or
 * one ending on the other (a bar ending on another piece's riser). Drawn, either reads as a
 * bus tie that does not exist; two lines may only cross, each passing through.
 */
function joins(data: DiagramData, layout: DiagramLayout): string[] {
  const segments: { from: string; x0: number; y0: number; x1: number; y1: number }[] = [];
  data.edges.forEach((edge, k) => {
    const route = layout.routes[k];
    // The line's source as drawn: its upper end (an edge closing a loop is drawn upward).
    const from = layout.boxes.get(edge.from)!.y < layout.boxes.get(edge.to)!.y ? edge.from : edge.to;
    for (let j = 1; j < route.length; j++) {
      const [p, q] = [route[j - 1], route[j]];
      segments.push({
        from,
        x0: Math.min(p.x, q.x),
        y0: Math.min(p.y, q.y),
        x1: Math.max(p.x, q.x),
        y1: Math.max(p.y, q.y),
      });
    }
  });
  const out: string[] = [];
  for (let i = 0; i < segments.length; i++)
    for (let j = i + 1; j < segments.length; j++) {
      const [a, b] = [segments[i], segments[j]];
      if (a.from === b.from) continue;
      if (a.x1 < b.x0 || b.x1 < a.x0 || a.y1 < b.y0 || b.y1 < a.y0) continue; // apart
      const aVertical = a.x0 === a.x1;
      const bVertical = b.x0 === b.x1;
      // A proper crossing: one vertical, one horizontal, meeting inside both.
      const [v, h] = aVertical ? [a, b] : [b, a];
      const crosses = aVertical !== bVertical && v.x0 > h.x0 && v.x0 < h.x1 && h.y0 > v.y0 && h.y0 < v.y1;
      if (!crosses)
        out.push(`lines of ${a.from} and ${b.from} join at ${Math.max(a.x0, b.x0)},${Math.max(a.y0, b.y0)}`);
    }
  return out;
}

describe('the one-line diagram layout', () => {
  const examples = exampleData();

  test.each(examples.map((e) => [e.name, e.data] as const))(
    '%s: boxes apart, routes orthogonal from bottom to top, crossing no box, bus bars apart',
    (_, data) => {
      const layout = layoutDiagram(data);
      expect(faults(data, layout)).toEqual([]);
      expect(layout.boxes.size).toBe(data.elements.length);
      expect(layout.routes).toHaveLength(data.edges.length);
    },
  );

  test.each(examples.map((e) => [e.name, e.data] as const))(
    '%s: power flows down, each A piece left of its B twin, a piece fed only by one piece that feeds only it stands under it',
    (_, data) => {
      const layout = layoutDiagram(data);
      const box = (id: string) => layout.boxes.get(id)!;
      for (const e of data.edges) expect(box(e.from).y + box(e.from).height).toBeLessThan(box(e.to).y);

      const twins = data.elements.filter((e) => e.side === 'A');
      let pairs = 0;
      for (const a of twins) {
        const b = data.elements.find(
          (o) => o.side === 'B' && o.path === a.path.replace(/([-/])a(\d*)$/, '$1b$2') && o.kind === a.kind,
        );
        if (!b) continue;
        pairs++;
        expect(box(a.id).y).toBe(box(b.id).y);
        expect(box(a.id).x + box(a.id).width).toBeLessThan(box(b.id).x);
      }
      expect(pairs).toBeGreaterThan(10);

      const outs = new Map<string, number>();
      const ins = new Map<string, number>();
      for (const e of data.edges) {
        outs.set(e.from, (outs.get(e.from) ?? 0) + 1);
        ins.set(e.to, (ins.get(e.to) ?? 0) + 1);
      }
      const chains = data.edges.filter((e) => outs.get(e.from) === 1 && ins.get(e.to) === 1);
      expect(chains.length).toBeGreaterThan(10);
      for (const e of chains) {
        const route = layout.routes[data.edges.indexOf(e)];
        expect([route.length, route[0].x]).toEqual([2, route[1].x]);
      }
    },
  );

  test('the same data gives the same layout', () => {
    const [{ data }] = examples;
    expect(JSON.stringify([...layoutDiagram(data).boxes])).toBe(
      JSON.stringify([...layoutDiagram(data).boxes]),
    );
  });

  test('a feed that skips rows passes between the boxes of the rows it skips', () => {
    const data = handmade(
      ['s/grid', 's/tx-a', 's/tx-b', 's/ups-a', 's/ups-b', 's/x', 's/y', 's/rack'],
      [
        ['s/grid', 's/tx-a'],
        ['s/grid', 's/tx-b'],
        ['s/tx-a', 's/ups-a'],
        ['s/tx-b', 's/ups-b'],
        ['s/ups-a', 's/x'],
        ['s/ups-b', 's/y'],
        ['s/x', 's/rack'],
        ['s/y', 's/rack'],
        ['s/grid', 's/rack'],
        ['s/tx-a', 's/rack'],
      ],
    );
    const layout = layoutDiagram(data);
    expect(faults(data, layout)).toEqual([]);
    const rows = new Set(data.elements.map((e) => layout.boxes.get(e.id)!.y));
    expect(rows.size).toBe(5);
    // The skipping feeds bend at least twice: down out of the grid, along a channel, down past the rows.
    expect(layout.routes[8].length).toBeGreaterThanOrEqual(4);
  });

  test('two racks on a 2N pair: each rack entered by its A and B feed at points of their own, no bar ending on the other riser', () => {
    const data = handmade(
      ['s/grid', 's/ups-a', 's/ups-b', 's/r1', 's/r2'],
      [
        ['s/grid', 's/ups-a'],
        ['s/grid', 's/ups-b'],
        ['s/ups-a', 's/r1'],
        ['s/ups-b', 's/r1'],
        ['s/ups-a', 's/r2'],
        ['s/ups-b', 's/r2'],
      ],
    );
    const layout = layoutDiagram(data);
    expect(faults(data, layout)).toEqual([]);
    // Into each rack: A left of B.
    const end = (k: number) => layout.routes[k][layout.routes[k].length - 1].x;
    expect(end(2)).toBeLessThan(end(3));
    expect(end(4)).toBeLessThan(end(5));
    // Dots where each UPS's riser meets its bar between the two racks, and under the grid.
    expect(layout.junctions.map((j) => data.edges[j.edge].from).sort()).toEqual([
      's/grid',
      's/ups-a',
      's/ups-b',
    ]);
  });

  test('a generator group backing both boards of the grid stays apart from the grid lines', () => {
    const data = handmade(
      ['s/generators', 's/grid', 's/mv-a', 's/mv-b', 's/ups-a', 's/ups-b'],
      [
        ['s/grid', 's/mv-a'],
        ['s/grid', 's/mv-b'],
        ['s/generators', 's/mv-a'],
        ['s/generators', 's/mv-b'],
        ['s/mv-a', 's/ups-a'],
        ['s/mv-b', 's/ups-b'],
      ],
    );
    expect(faults(data, layoutDiagram(data))).toEqual([]);
  });

  /**
   * Random power trains from a seed: `designs` of them, each with rows of up to `width` pieces
   * (A and B in turn, two to a block), each piece fed one to three times, from the row just
   * above or, with probability `skip`, from any row above (a feed that skips rows).
   */
  function randomTrains(
    seed: number,
    designs: number,
    levels: [number, number],
    width: number,
    skip: number,
  ) {
    const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    return Array.from({ length: designs }, () => {
      const count = levels[0] + Math.floor(random() * (levels[1] - levels[0] + 1));
      const paths: string[][] = [];
      const edges: [string, string][] = [];
      for (let l = 0; l < count; l++) {
        const pieces = 1 + Math.floor(random() * (l === 0 ? Math.min(3, width) : width));
        paths.push(
          Array.from(
            { length: pieces },
            (_, i) => `t/b${Math.floor(i / 2)}/p${l}-${i % 2 === 0 ? 'a' : 'b'}${i}`,
          ),
        );
        if (l === 0) continue;
        for (const p of paths[l]) {
          const feeds = 1 + Math.floor(random() * 3);
          for (let f = 0; f < feeds; f++) {
            const up = paths[random() < skip ? Math.floor(random() * l) : l - 1];
            edges.push([up[Math.floor(random() * up.length)], p]);
          }
        }
      }
      return handmade(paths.flat(), [...new Map(edges.map((e) => [e.join('>'), e])).values()]);
    });
  }

  test.each([
    ['150 small trains, a feed in three from any row above', 42, 150, [2, 5], 6, 0.3],
    // Designs 1 and 10 of these put a passing feed right under another piece's riser (now moved aside).
    ['40 deeper trains, every other feed from any row above', 43, 40, [3, 6], 8, 0.5],
  ] as const)(
    'random power trains (seeded), %s: no fault a reader would trip on',
    (_, seed, designs, levels, width, skip) => {
      const found: string[] = [];
      randomTrains(seed, designs, [...levels], width, skip).forEach((data, n) =>
        found.push(...faults(data, layoutDiagram(data)).map((f) => `design ${n}: ${f}`)),
      );
      expect(found).toEqual([]);
    },
  );

  test('separate trains are packed in rows toward the aspect ratio elkjs gave, in model order', () => {
    const paths: string[] = [];
    const edges: [string, string][] = [];
    for (let s = 10; s < 40; s++) {
      paths.push(`site-${s}/grid`, `site-${s}/ups-a`, `site-${s}/ups-b`, `site-${s}/r1`);
      edges.push(
        [`site-${s}/grid`, `site-${s}/ups-a`],
        [`site-${s}/grid`, `site-${s}/ups-b`],
        [`site-${s}/ups-a`, `site-${s}/r1`],
        [`site-${s}/ups-b`, `site-${s}/r1`],
      );
    }
    const data = handmade(paths, edges);
    const layout = layoutDiagram(data);
    expect(faults(data, layout)).toEqual([]);
    expect(layout.width / layout.height).toBeGreaterThan(1);
    expect(layout.width / layout.height).toBeLessThan(2.5);
    const grids = Array.from({ length: 30 }, (_, s) => layout.boxes.get(`site-${s + 10}/grid`)!);
    // Reading order: left to right, then the next row.
    for (let s = 1; s < grids.length; s++)
      expect(
        grids[s].y > grids[s - 1].y || (grids[s].y === grids[s - 1].y && grids[s].x > grids[s - 1].x),
      ).toBe(true);
  });

  test('a loop is drawn with the edge that closes it upward; separate trains stand apart', () => {
    const data = handmade(
      ['a/one', 'a/two', 'a/three', 'b/one', 'b/two', 'c/alone'],
      [
        ['a/one', 'a/two'],
        ['a/two', 'a/three'],
        ['a/three', 'a/one'],
        ['b/one', 'b/two'],
      ],
    );
    const layout = layoutDiagram(data);
    expect(faults(data, layout)).toEqual([]);
    const box = (id: string) => layout.boxes.get(id)!;
    expect(box('a/three').y).toBeGreaterThan(box('a/one').y);
    const trains = [['a/one', 'a/two', 'a/three'], ['b/one', 'b/two'], ['c/alone']].map((ids) => ({
      left: Math.min(...ids.map((id) => box(id).x)),
      right: Math.max(...ids.map((id) => box(id).x + box(id).width)),
      top: Math.min(...ids.map((id) => box(id).y)),
      bottom: Math.max(...ids.map((id) => box(id).y + box(id).height)),
    }));
    for (const [i, j] of [
      [0, 1],
      [0, 2],
      [1, 2],
    ]) {
      const [p, q] = [trains[i], trains[j]];
      const apart = Math.max(q.left - p.right, p.left - q.right, q.top - p.bottom, p.top - q.bottom);
      expect(apart).toBeGreaterThanOrEqual(SPACING.component);
    }
    expect(layout.width).toBe(Math.max(...trains.map((t) => t.right)) + SPACING.padding);
    expect(layout.height).toBe(Math.max(...trains.map((t) => t.bottom)) + SPACING.padding);
  });
});
