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
    const down = s.y < t.y;
    const [sy, ty] = down ? [s.y + s.height, t.y] : [s.y, t.y + t.height];
    if (first.x !== s.x + s.width / 2 || first.y !== sy)
      out.push(`${edge.from}>${edge.to}: starts off its source`);
    if (last.x !== t.x + t.width / 2 || last.y !== ty)
      out.push(`${edge.from}>${edge.to}: ends off its target`);
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
  return [...new Set(out)];
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
    const [a, b, c] = [['a/one', 'a/two', 'a/three'], ['b/one', 'b/two'], ['c/alone']].map((ids) => ({
      left: Math.min(...ids.map((id) => box(id).x)),
      right: Math.max(...ids.map((id) => box(id).x + box(id).width)),
    }));
    expect(b.left - a.right).toBeGreaterThanOrEqual(SPACING.component);
    expect(c.left - b.right).toBeGreaterThanOrEqual(SPACING.component);
    expect(layout.width).toBe(c.right + SPACING.padding);
  });
});
