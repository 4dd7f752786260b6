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
  /**
   * Where a line meets a bus bar inside its span (a tee, drawn as a dot): the riser of the bar's
   * source, and each feed leaving the bar short of its ends. Each with the edge it belongs to.
   */
  readonly junctions: readonly Junction[];
}

export interface Junction extends Point {
  /** Index into `DiagramData.edges`. */
  readonly edge: number;
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
 * a bar of its own where bars would overlap. A box fed by several pieces is entered at a
 * point of its own for each (A left of B), so lines of different sources only ever cross. A
 * feed that skips rows passes through them between the boxes. Separate power trains are
 * packed in rows.
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
  const junctions: Junction[] = [];
  const drawn = components(order.length, edges).map((c) => layoutComponent(c, order, edges));
  let width = 0;
  let height = 0;
  for (const { component, x, y } of pack(drawn)) {
    const [dx, dy] = [x + SPACING.padding, y + SPACING.padding];
    for (const [i, box] of component.boxes) boxes.set(order[i].id, { ...box, x: box.x + dx, y: box.y + dy });
    for (const [k, route] of component.routes) routes[k] = route.map((p) => ({ x: p.x + dx, y: p.y + dy }));
    for (const j of component.junctions) junctions.push({ x: j.x + dx, y: j.y + dy, edge: j.edge });
    width = Math.max(width, x + component.width);
    height = Math.max(height, y + component.height);
  }
  return {
    width: width + 2 * SPACING.padding,
    height: height + 2 * SPACING.padding,
    boxes,
    routes,
    junctions,
  };
}

/** The width to height ratio separate power trains are packed toward (elkjs's default, which drew them before). */
const ASPECT_RATIO = 1.6;

/**
 * Separate power trains (a campus of sites, a generator backing nothing) in rows, in model
 * order, each row as wide as the drawing allows: the widest train, or the width that gives
 * the whole drawing about {@link ASPECT_RATIO} if that is wider.
 */
function pack(drawn: readonly DrawnComponent[]): { component: DrawnComponent; x: number; y: number }[] {
  const gap = SPACING.component;
  let area = 0;
  let widest = 0;
  for (const c of drawn) {
    area += (c.width + gap) * (c.height + gap);
    widest = Math.max(widest, c.width);
  }
  const rowWidth = Math.max(widest, Math.sqrt(area * ASPECT_RATIO));
  const placed: { component: DrawnComponent; x: number; y: number }[] = [];
  let [x, y, rowHeight] = [0, 0, 0];
  for (const component of drawn) {
    if (x > 0 && x + component.width > rowWidth) [x, y, rowHeight] = [0, y + rowHeight + gap, 0];
    placed.push({ component, x, y });
    x += component.width + gap;
    rowHeight = Math.max(rowHeight, component.height);
  }
  return placed;
}

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
  readonly junctions: readonly Junction[];
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
  const rowCount = members.reduce((m, i) => Math.max(m, row.get(i)! + 1), 0);

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
  let minX = Infinity;
  for (const r of ordered) for (const item of r) minX = Math.min(minX, Math.round(item.x));
  for (const r of ordered) for (const item of r) item.x = Math.round(item.x) - minX;
  clearRisers(ordered);

  // Each channel: where every feed enters the row below, then its bus bars.
  const entries = ordered.map((r) => entryPoints(r));
  const buses = ordered.map((r, k) => busBars(r, entries[k]));
  // Rows top-down, each as high as its highest box, with a channel below holding its bus bars.
  const tops: number[] = [];
  const heights: number[] = [];
  let y = 0;
  ordered.forEach((r, k) => {
    let height = 0;
    for (const item of r) height = Math.max(height, item.height);
    tops.push(y);
    heights.push(height);
    const channel = Math.max(
      SPACING.row,
      2 * SPACING.rowToBus + Math.max(0, buses[k].count - 1) * SPACING.bus,
    );
    y += height + (k < rowCount - 1 ? channel : 0);
  });
  const barY = (r: number, bar: number) => {
    const channelTop = tops[r] + heights[r];
    const used = Math.max(0, buses[r].count - 1) * SPACING.bus;
    return channelTop + (tops[r + 1] - channelTop - used) / 2 + bar * SPACING.bus;
  };

  const boxes = new Map<number, Box>();
  let width = 0;
  for (const item of items.values()) {
    const { x, width: w, height: h } = item;
    boxes.set(item.element!, { x, y: tops[row.get(item.element!)!], width: w, height: h });
  }
  for (const r of ordered) for (const item of r) width = Math.max(width, item.x + item.width);
  const routes = new Map<number, Point[]>();
  const junctions: Junction[] = [];
  const tees = new Set<string>();
  const tee = (x: number, y: number, span: { from: number; to: number }, edge: number) => {
    const key = `${x},${y}`;
    if (x > span.from && x < span.to && !tees.has(key)) {
      tees.add(key);
      junctions.push({ x, y, edge });
    }
  };
  for (const e of edges) {
    const chain = chains.get(e.k)!;
    const r0 = row.get(chain[0].element!)!;
    const points: Point[] = [{ x: center(chain[0]), y: tops[r0] + chain[0].height }];
    for (let j = 1; j < chain.length; j++) {
      const [from, to, r] = [chain[j - 1], chain[j], r0 + j - 1];
      const entry = entries[r].get(from)!.get(to)!;
      const bar = buses[r].bar.get(from);
      if (bar !== undefined) {
        const [at, span] = [barY(r, bar), buses[r].span.get(from)!];
        points.push({ x: center(from), y: at }, { x: entry, y: at });
        tee(center(from), at, span, e.k);
        tee(entry, at, span, e.k);
      }
      points.push({ x: entry, y: tops[r + 1] });
    }
    const route = straighten(points);
    routes.set(e.k, downward.has(e.k) ? route : route.reverse());
  }
  return { width, height: y, boxes, routes, junctions };
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
    row.set(
      i,
      (above.get(i) ?? []).reduce((m, u) => Math.max(m, row.get(u)! + 1), 0),
    );
    for (const v of below.get(i) ?? []) {
      const left = waiting.get(v)! - 1;
      waiting.set(v, left);
      if (left === 0) ready.push(v);
    }
  }
  for (const i of members) {
    const fed = below.get(i);
    if ((above.get(i)?.length ?? 0) === 0 && fed)
      row.set(
        i,
        fed.reduce((m, v) => Math.min(m, row.get(v)! - 1), Infinity),
      );
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

/** The least room a pass-through point moved aside keeps from its neighbours in the row. */
const ASIDE_ROOM = 4;

/**
 * A pass-through point standing right under another item's riser (the line down from the
 * middle of its bottom) would draw the two lines as one: it moves aside by a few units, as
 * far as its neighbours in the row leave room.
 */
function clearRisers(ordered: readonly Item[][]): void {
  for (let k = 1; k < ordered.length; k++) {
    const risers = new Set<number>();
    for (const item of ordered[k - 1]) if (item.down.length > 0) risers.add(center(item));
    const row = ordered[k];
    row.forEach((item, j) => {
      if (item.element !== undefined || !risers.has(item.x) || center(item.up[0]) === item.x) return;
      const lo = j > 0 ? row[j - 1].x + row[j - 1].width + ASIDE_ROOM : 0;
      const hi = j + 1 < row.length ? row[j + 1].x - ASIDE_ROOM : Infinity;
      for (const d of [3, -3, 6, -6, 9, -9]) {
        const x = item.x + d;
        if (x >= lo && x <= hi && !risers.has(x)) {
          item.x = x;
          return;
        }
      }
    });
  }
}

/** Where each feed leaving a row enters the row below: by the item it leaves, then the item it enters. */
type Entries = Map<Item, Map<Item, number>>;

/**
 * Where the feeds leaving `row` enter the row below. A box fed by one item is entered at the
 * middle of its top; a box fed by several (a rack on an A and a B busway) at points spread
 * evenly across its top, in the order of the items feeding it, so each feed stays a line of
 * its own; a pass-through point where it stands. An entry never stands under another item's
 * riser (its line down from the middle of its bottom), which would draw the two as joined:
 * it moves aside along the box.
 */
function entryPoints(row: readonly Item[]): Entries {
  const risers = new Set<number>();
  const into = new Map<Item, Item[]>();
  for (const item of row) {
    if (item.down.length > 0) risers.add(center(item));
    for (const d of item.down) {
      const from = into.get(d);
      if (!from) into.set(d, [item]);
      else if (!from.includes(item)) from.push(item);
    }
  }
  const entries: Entries = new Map(row.map((item) => [item, new Map<Item, number>()]));
  for (const [target, from] of into) {
    if (target.element === undefined) {
      for (const u of from) entries.get(u)!.set(target, center(target));
      continue;
    }
    from.sort((a, b) => center(a) - center(b));
    const taken = new Set<number>();
    from.forEach((u, i) => {
      let x = Math.round(target.x + (target.width * (i + 1)) / (from.length + 1));
      const clear = (at: number) =>
        !taken.has(at) &&
        (at === center(u) || !risers.has(at)) &&
        at > target.x &&
        at < target.x + target.width;
      for (let step = 1; !clear(x) && step < target.width; step++) {
        const candidate = x + (step % 2 === 1 ? (step + 1) / 2 : -step / 2) * 3;
        if (clear(candidate)) x = candidate;
      }
      taken.add(x);
      entries.get(u)!.set(target, x);
    });
  }
  return entries;
}

/**
 * The bus bars of the channel below a row: one per item whose feeds enter anywhere but under
 * its own riser, numbered so that bars whose spans overlap stand at different heights (first
 * fit, from the left).
 */
function busBars(
  row: readonly Item[],
  entries: Entries,
): { count: number; bar: Map<Item, number>; span: Map<Item, { from: number; to: number }> } {
  const spans: { item: Item; from: number; to: number }[] = [];
  for (const item of row) {
    const c = center(item);
    let [from, to] = [c, c];
    for (const x of entries.get(item)!.values()) [from, to] = [Math.min(from, x), Math.max(to, x)];
    if (from !== to) spans.push({ item, from, to });
  }
  spans.sort((a, b) => a.from - b.from || a.to - b.to);
  const ends: number[] = [];
  const bar = new Map<Item, number>();
  for (const span of spans) {
    let b = ends.findIndex((end) => end + SPACING.bus <= span.from);
    if (b < 0) b = ends.push(span.to) - 1;
    else ends[b] = span.to;
    bar.set(span.item, b);
  }
  return { count: ends.length, bar, span: new Map(spans.map((x) => [x.item, x])) };
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
