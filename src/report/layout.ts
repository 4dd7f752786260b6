import { DiagramData, DiagramElement } from './diagram-data';

/** Where the layout put an element: its top-left corner and size, in SVG user units. */
export interface Box {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

export interface Point {
  readonly x: number;
  readonly y: number;
}

export interface DiagramLayout {
  readonly width: number;
  readonly height: number;
  /** Box by element id. */
  readonly boxes: ReadonlyMap<string, Box>;
  /** The route of each edge (same order as `DiagramData.edges`): orthogonal polyline from source to target. */
  readonly routes: readonly (readonly Point[])[];
}

/** Size of a box for one piece. */
export const PIECE_SIZE = { width: 152, height: 44 } as const;
/** Size of a box for a group (drawn with a stacked edge). */
export const GROUP_SIZE = { width: 164, height: 52 } as const;

/** Spacing, in SVG user units. */
export const SPACING = {
  /** Around the drawing. */
  padding: 12,
  /** Between boxes side by side, and between a box and a line passing through its row. */
  node: 14,
  /** Between lines passing through a row side by side. */
  line: 10,
  /** Between separate power trains (connected components), side by side. */
  component: 48,
  /** Least height between two rows of boxes. */
  row: 44,
  /** From a row of boxes to the nearest bus bar below or above it. */
  rowToBus: 14,
  /** Between bus bars stacked in one channel. */
  bus: 10,
} as const;

/** Rounds of placement: each moves every row toward the pieces above it, then below it. */
const ROUNDS = 4;

/**
 * The one-line diagram's layout, drawn the way a single-line diagram of a power train reads:
 * rows from the grid connection down to the racks (each piece one row below the lowest piece
 * feeding it, a source such as a generator group one row above what it backs), the pieces of
 * a row in model order (see {@link modelOrder}: the pieces of a block together, each A piece
 * left of its B twin), each piece centered under what feeds it and over what it feeds as far
 * as the row allows, and the feeds of one piece drawn as one bus bar in the channel below it,
 * a bar of its own where bars would overlap. A feed that skips rows passes through them
 * between the boxes. Separate power trains stand side by side.
 *
 * A purpose-built layered layout (Sugiyama's frame: layering, ordering, placement, routing):
 * the order is fixed by the model, so there is no crossing minimization to search, and the
 * placement is an exact least-squares fit per row (pool-adjacent-violators), so the layout
 * takes milliseconds where elkjs, which drew the diagram before, took over a second, and
 * depends on nothing but the diagram data: the same data always gives the same layout.
 */
export function layoutDiagram(data: DiagramData): DiagramLayout {
  const order = modelOrder(data);
  const rank = new Map(order.map((e, i) => [e.id, i]));
  const edges = data.edges
    .map((e, k) => ({ k, from: rank.get(e.from), to: rank.get(e.to) }))
    .filter((e): e is { k: number; from: number; to: number } => e.from !== undefined && e.to !== undefined);
  const routes: Point[][] = data.edges.map(() => []);
  const boxes = new Map<string, Box>();
  let left: number = SPACING.padding;
  let bottom: number = SPACING.padding;
  for (const component of components(order.length, edges)) {
    const drawn = layoutComponent(component, order, edges);
    for (const [i, box] of drawn.boxes) boxes.set(order[i].id, shift(box, left, SPACING.padding));
    for (const [k, route] of drawn.routes)
      routes[k] = route.map((p) => ({ x: p.x + left, y: p.y + SPACING.padding }));
    left += drawn.width + SPACING.component;
    bottom = Math.max(bottom, SPACING.padding + drawn.height);
  }
  const width = order.length === 0 ? 2 * SPACING.padding : left - SPACING.component + SPACING.padding;
  return { width, height: bottom + SPACING.padding, boxes, routes };
}

const shift = (b: Box, dx: number, dy: number): Box => ({ ...b, x: b.x + dx, y: b.y + dy });

interface Edge {
  /** Index into `data.edges`. */
  readonly k: number;
  /** Ranks (model order) of its ends. */
  readonly from: number;
  readonly to: number;
}

/** The connected components, each as its element ranks in model order, ordered by their first element. */
function components(n: number, edges: readonly Edge[]): number[][] {
  const parent = Array.from({ length: n }, (_, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) i = parent[i] = parent[parent[i]];
    return i;
  };
  for (const e of edges) {
    const a = find(e.from);
    const b = find(e.to);
    if (a !== b) parent[Math.max(a, b)] = Math.min(a, b);
  }
  const byRoot = new Map<number, number[]>();
  for (let i = 0; i < n; i++) {
    const root = find(i);
    const members = byRoot.get(root);
    if (members) members.push(i);
    else byRoot.set(root, [i]);
  }
  return [...byRoot.values()];
}

/** An item of a row: an element (its rank) or a point where a feed passes through the row. */
interface Item {
  readonly element?: number;
  readonly width: number;
  readonly height: number;
  /** Items this one connects to in the row above and the row below. */
  readonly up: Item[];
  readonly down: Item[];
  /** Left edge within the component, set by placement. */
  x: number;
  /** Position in its row, set by ordering. */
  slot: number;
}

const center = (item: Item) => item.x + item.width / 2;

interface DrawnComponent {
  readonly width: number;
  readonly height: number;
  readonly boxes: ReadonlyMap<number, Box>;
  readonly routes: ReadonlyMap<number, Point[]>;
}

function layoutComponent(
  members: readonly number[],
  order: readonly DiagramElement[],
  all: readonly Edge[],
): DrawnComponent {
  const inside = new Set(members);
  const edges = all.filter((e) => inside.has(e.from) && e.from !== e.to);
  const downward = orient(members, edges);
  const row = rows(members, edges, downward);
  const rowCount = Math.max(...members.map((i) => row.get(i)!)) + 1;

  // Items: each element in its row, and a pass-through point in every row a feed skips.
  const items = new Map<number, Item>();
  const rowItems: Item[][] = Array.from({ length: rowCount }, () => []);
  for (const i of members) {
    const size = order[i].grouped ? GROUP_SIZE : PIECE_SIZE;
    const item: Item = {
      element: i,
      width: size.width,
      height: size.height,
      up: [],
      down: [],
      x: 0,
      slot: 0,
    };
    items.set(i, item);
    rowItems[row.get(i)!].push(item);
  }
  /** The items of each edge from its upper end down to its lower end. */
  const chains = new Map<number, Item[]>();
  for (const e of edges) {
    const [upper, lower] = downward.has(e.k) ? [e.from, e.to] : [e.to, e.from];
    const chain = [items.get(upper)!];
    for (let r = row.get(upper)! + 1; r < row.get(lower)!; r++) {
      const pass: Item = { width: 0, height: 0, up: [], down: [], x: 0, slot: 0 };
      rowItems[r].push(pass);
      chain.push(pass);
    }
    chain.push(items.get(lower)!);
    for (let j = 1; j < chain.length; j++) {
      chain[j - 1].down.push(chain[j]);
      chain[j].up.push(chain[j - 1]);
    }
    chains.set(e.k, chain);
  }

  const ordered = rowItems.map(orderRow);
  place(ordered);
  // Whole units from the left edge: centers (box widths are even) and bus bars on whole units.
  const minX = Math.min(...ordered.flatMap((r) => r.map((item) => Math.round(item.x))));
  for (const r of ordered) for (const item of r) item.x = Math.round(item.x) - minX;

  // Rows top-down, each as high as its highest box, with a channel below holding its bus bars.
  const heights = ordered.map((r) => Math.max(0, ...r.map((item) => item.height)));
  const buses = ordered.map((r) => busBars(r));
  const tops: number[] = [];
  let y = 0;
  ordered.forEach((_, r) => {
    tops.push(y);
    const bars = buses[r].count;
    const channel = Math.max(SPACING.row, 2 * SPACING.rowToBus + Math.max(0, bars - 1) * SPACING.bus);
    y += heights[r] + (r < rowCount - 1 ? channel : 0);
  });
  const barY = (r: number, bar: number) => {
    const channelTop = tops[r] + heights[r];
    const used = Math.max(0, buses[r].count - 1) * SPACING.bus;
    return channelTop + (tops[r + 1] - channelTop - used) / 2 + bar * SPACING.bus;
  };

  const boxes = new Map<number, Box>();
  for (const item of items.values())
    boxes.set(item.element!, {
      x: item.x,
      y: tops[row.get(item.element!)!],
      width: item.width,
      height: item.height,
    });
  const routes = new Map<number, Point[]>();
  for (const e of edges) {
    const chain = chains.get(e.k)!;
    const r0 = row.get(chain[0].element!)!;
    const points: Point[] = [{ x: center(chain[0]), y: tops[r0] + chain[0].height }];
    chain.forEach((item, j) => {
      if (j === 0) return;
      const r = r0 + j;
      const bar = buses[r - 1].bar.get(chain[j - 1]);
      if (bar !== undefined) {
        points.push(
          { x: center(chain[j - 1]), y: barY(r - 1, bar) },
          { x: center(item), y: barY(r - 1, bar) },
        );
      }
      points.push({ x: center(item), y: tops[r] });
    });
    const route = straighten(points);
    routes.set(e.k, downward.has(e.k) ? route : route.reverse());
  }
  const width = Math.max(...ordered.flatMap((r) => r.map((item) => item.x + item.width)));
  return { width, height: y, boxes, routes };
}

/**
 * The edges that point down (from upper to lower row): all of them in a power train, which is
 * acyclic; in a graph with a loop, the edges that close it (found depth-first in model order)
 * point up and are drawn as if reversed.
 */
function orient(members: readonly number[], edges: readonly Edge[]): Set<number> {
  const out = new Map<number, Edge[]>();
  for (const e of edges) {
    const list = out.get(e.from);
    if (list) list.push(e);
    else out.set(e.from, [e]);
  }
  const state = new Map<number, 'open' | 'done'>();
  const downward = new Set<number>();
  for (const start of members) {
    if (state.has(start)) continue;
    const stack: { node: number; next: number }[] = [{ node: start, next: 0 }];
    state.set(start, 'open');
    while (stack.length > 0) {
      const top = stack[stack.length - 1];
      const list = out.get(top.node) ?? [];
      if (top.next === list.length) {
        state.set(top.node, 'done');
        stack.pop();
        continue;
      }
      const e = list[top.next++];
      const seen = state.get(e.to);
      if (seen === 'open') continue; // closes a loop: drawn reversed
      downward.add(e.k);
      if (seen === undefined) {
        state.set(e.to, 'open');
        stack.push({ node: e.to, next: 0 });
      }
    }
  }
  return downward;
}

/**
 * The row of each element: one below the lowest of the pieces feeding it (the longest path
 * from the top); then a piece fed by nothing (a generator group, a second grid connection)
 * moves down to just above the highest piece it feeds.
 */
function rows(
  members: readonly number[],
  edges: readonly Edge[],
  downward: ReadonlySet<number>,
): Map<number, number> {
  const above = new Map<number, number[]>();
  const below = new Map<number, number[]>();
  const link = (map: Map<number, number[]>, key: number, value: number) => {
    const list = map.get(key);
    if (list) list.push(value);
    else map.set(key, [value]);
  };
  for (const e of edges) {
    const [upper, lower] = downward.has(e.k) ? [e.from, e.to] : [e.to, e.from];
    link(above, lower, upper);
    link(below, upper, lower);
  }
  // Kahn's order, in model order among the ready.
  const waiting = new Map(members.map((i) => [i, above.get(i)?.length ?? 0]));
  const ready = members.filter((i) => waiting.get(i) === 0);
  const row = new Map<number, number>();
  for (let q = 0; q < ready.length; q++) {
    const i = ready[q];
    row.set(i, Math.max(-1, ...(above.get(i) ?? []).map((u) => row.get(u)!)) + 1);
    for (const v of below.get(i) ?? []) {
      const left = waiting.get(v)! - 1;
      waiting.set(v, left);
      if (left === 0) ready.push(v);
    }
  }
  for (const i of members) {
    const fed = below.get(i);
    if ((above.get(i)?.length ?? 0) === 0 && fed) row.set(i, Math.min(...fed.map((v) => row.get(v)!)) - 1);
  }
  return row;
}

/**
 * A row's items in order: its elements in model order, and each pass-through point where the
 * item above it stands among the elements' feeds (the mean slot of what feeds them), so a
 * line passing through crosses as few others as the model order allows.
 */
function orderRow(items: Item[]): Item[] {
  const key = (item: Item) =>
    item.up.length === 0 ? undefined : item.up.reduce((s, u) => s + u.slot, 0) / item.up.length;
  const elements = items.filter((item) => item.element !== undefined);
  elements.sort((a, b) => a.element! - b.element!);
  const passes = items
    .filter((item) => item.element === undefined)
    .map((item, n) => ({ item, key: key(item)!, n }))
    .sort((a, b) => a.key - b.key || a.n - b.n);
  const ordered: Item[] = [];
  let p = 0;
  for (const element of elements) {
    const k = key(element);
    while (k !== undefined && p < passes.length && passes[p].key < k) ordered.push(passes[p++].item);
    ordered.push(element);
  }
  while (p < passes.length) ordered.push(passes[p++].item);
  ordered.forEach((item, slot) => (item.slot = slot));
  return ordered;
}

/** The space between two neighbours of a row. */
const gap = (a: Item, b: Item) =>
  a.element === undefined && b.element === undefined ? SPACING.line : SPACING.node;

/**
 * Places every row: first packed from the left, then in rounds, each row moved (downward
 * sweep) to stand centered under what feeds it, then (upward sweep) over what it feeds.
 */
function place(ordered: readonly Item[][]): void {
  for (const r of ordered) {
    let x = 0;
    r.forEach((item, j) => {
      item.x = x;
      x += item.width + (j + 1 < r.length ? gap(item, r[j + 1]) : 0);
    });
  }
  for (let round = 0; round < ROUNDS; round++) {
    for (let r = 1; r < ordered.length; r++) fit(ordered[r], (item) => item.up);
    for (let r = ordered.length - 2; r >= 0; r--) fit(ordered[r], (item) => item.down);
  }
}

/**
 * Moves a row's items as near as the order and the spacing allow to the mean center of their
 * neighbours (an item without any stays where it is): the least-squares fit under
 * `x[j+1] >= x[j] + width[j] + gap`, exact by pool-adjacent-violators on the positions less
 * their packed offsets.
 */
function fit(row: readonly Item[], neighbours: (item: Item) => readonly Item[]): void {
  const offsets: number[] = [];
  let offset = 0;
  row.forEach((item, j) => {
    offsets.push(offset);
    offset += item.width + (j + 1 < row.length ? gap(item, row[j + 1]) : 0);
  });
  // Blocks of pooled targets, each the sum and count of the targets of consecutive items.
  const blocks: { sum: number; count: number }[] = [];
  row.forEach((item, j) => {
    const n = neighbours(item);
    const wanted = n.length === 0 ? center(item) : n.reduce((s, u) => s + center(u), 0) / n.length;
    blocks.push({ sum: wanted - item.width / 2 - offsets[j], count: 1 });
    while (blocks.length > 1) {
      const last = blocks[blocks.length - 1];
      const before = blocks[blocks.length - 2];
      if (before.sum / before.count <= last.sum / last.count) break;
      before.sum += last.sum;
      before.count += last.count;
      blocks.pop();
    }
  });
  let j = 0;
  for (const block of blocks) {
    const y = block.sum / block.count;
    for (let c = 0; c < block.count; c++, j++) row[j].x = y + offsets[j];
  }
}

/**
 * The bus bars of the channel below a row: one per item whose feeds reach more than its own
 * center, numbered so that bars whose spans overlap stand at different heights (first fit,
 * from the left).
 */
function busBars(row: readonly Item[]): { count: number; bar: Map<Item, number> } {
  const spans = row
    .filter((item) => item.down.some((d) => center(d) !== center(item)))
    .map((item) => {
      const xs = [center(item), ...item.down.map(center)];
      return { item, from: Math.min(...xs), to: Math.max(...xs) };
    })
    .sort((a, b) => a.from - b.from || a.to - b.to);
  const ends: number[] = [];
  const bar = new Map<Item, number>();
  for (const span of spans) {
    let b = ends.findIndex((end) => end + SPACING.bus <= span.from);
    if (b < 0) b = ends.push(span.to) - 1;
    else ends[b] = span.to;
    bar.set(span.item, b);
  }
  return { count: ends.length, bar };
}

/** The route without repeated points or points in the middle of a straight run. */
function straighten(points: readonly Point[]): Point[] {
  const out: Point[] = [];
  for (const p of points) {
    const last = out[out.length - 1];
    if (last && last.x === p.x && last.y === p.y) continue;
    const before = out[out.length - 2];
    if (
      before &&
      last &&
      ((before.x === last.x && last.x === p.x) || (before.y === last.y && last.y === p.y))
    )
      out[out.length - 1] = p;
    else out.push(p);
  }
  return out;
}

/**
 * Elements in the order each row keeps: by path with the side taken out of the name, then
 * side, so the pieces of a block stand together and each A piece stands left of its B twin
 * (`block-001/ups-a`, `block-001/ups-b`, `block-002/ups-a`, ...).
 */
function modelOrder(data: DiagramData): DiagramElement[] {
  const key = (e: DiagramElement) => {
    const sideless = e.side ? e.path.replace(/([-/])[ab](\d*)$/, '$1$2') : e.path;
    return `${sideless}\u0000${e.side ?? ''}`;
  };
  const keys = new Map(data.elements.map((e) => [e.id, key(e)]));
  return [...data.elements].sort((a, b) => {
    const ka = keys.get(a.id)!;
    const kb = keys.get(b.id)!;
    return ka < kb ? -1 : ka > kb ? 1 : 0;
  });
}
