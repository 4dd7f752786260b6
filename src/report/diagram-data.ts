import { Analysis } from '../analysis/analysis';
import { Design } from '../model/design';
import { Evaluation } from '../evaluate';
import { isUnratedLoad, NodeKind, PowerNode } from '../model/plant';
import { Side } from '../model/sides';
import { inRatingUnit } from '../policy/rules/power/measure';
import { exceeds, LIMIT_TOLERANCE, toKw, toMw } from '../units';

/**
 * The data behind the one-line diagram: one element per drawn piece of equipment (or per
 * group of folded pieces) and the edges between them, each element with its utilization in
 * normal operation, its worst N-1 case and a color class.
 *
 * Color classes (the same for every piece; see {@link colorOf}):
 * - `over` (red): above a limit a rule checks: normal load above the maximum continuous
 *   utilization (PWR-001), above 100% under N-1 (PWR-002); for a grid connection, facility
 *   power above the contracted capacity (PWR-003); for a generator group, backed load above
 *   its usable rating (PWR-005).
 * - `warn` (amber): within {@link WARN_FRACTION} (80%) of one of those limits, up to and
 *   including the limit: normal load from 80% of the maximum continuous utilization (64% of
 *   the rating at the default 80%), or an N-1 load from 80% of the rating.
 * - `ok` (green): below both. `none`: racks and cooling loads on the train, which have no
 *   rating (their design power is drawn).
 *
 * Folding (see {@link FOLD_LIMIT}): when every piece drawn would exceed the limit, pieces
 * below a depth of the power train fold into groups. Depth d keeps every piece of equipment
 * whose level (longest distance from the grid connection) is at most d; a piece below it
 * folds with the pieces that reach the same drawn pieces upstream ("anchors"): racks with
 * racks, equipment with equipment. At the deepest depth only racks fold, by the feeds they
 * share (the racks of a busway pair); one level up, the busways fold per UPS; and so on. The
 * deepest depth whose element count fits the limit is chosen. A group of one is drawn as its
 * piece. A group carries its member count, its highest utilization and its worst N-1 case.
 */
export interface DiagramData {
  readonly elements: readonly DiagramElement[];
  readonly edges: readonly DiagramEdge[];
  /** The depth below which equipment folds; undefined when nothing folds. */
  readonly foldDepth?: number;
  /** Element id by construct path, for every piece (folded or not). */
  readonly elementOf: ReadonlyMap<string, string>;
  /** The element of each site's grid connection, by site path. */
  readonly siteGrid: ReadonlyMap<string, string>;
}

/** Color class of a piece or a group: see {@link DiagramData}. */
export type ColorClass = 'ok' | 'warn' | 'over' | 'none';

/** A piece drawn, or its kind: power node kinds plus generator groups. */
export type PieceKind = NodeKind | 'generator-group';

/** Share of a limit from which a piece turns amber. */
export const WARN_FRACTION = 0.8;

/** Most elements drawn before pieces fold into groups. */
export const FOLD_LIMIT = 400;

export interface WorstCase {
  /** Path of the failed component; for the loss of one of the piece's own units, its own path. */
  readonly failure: string;
  /** True when the case is one of the piece's own parallel units lost. */
  readonly ownUnit: boolean;
  /** Load at that case, in `unit`. */
  readonly load: number;
  /** Capacity at that case (100% of the rating of the units left), in `unit`. */
  readonly limit: number;
  readonly unit: string;
  /** load / limit. */
  readonly utilization: number;
  /** The piece that carries it (for a group, the member). */
  readonly path: string;
}

/** One piece of equipment, a rack or a generator group, with its loads in the units the findings use. */
export interface Piece {
  readonly path: string;
  readonly kind: PieceKind;
  /** Human name of the kind ("UPS", "transformer"). */
  readonly label: string;
  /** Load in normal operation, in `unit` (racks: their design power). */
  readonly load: number;
  /** 100% capacity in `unit`; undefined for racks. */
  readonly capacity?: number;
  /** kW, kVA (equipment), MW (grid connection: facility power against the contract). */
  readonly unit: string;
  /** load / capacity; undefined for racks. */
  readonly utilization?: number;
  /** The limit of `utilization` in normal operation (maximum continuous utilization; 1 for grid and generators). */
  readonly limit?: number;
  readonly worst?: WorstCase;
  readonly color: ColorClass;
  readonly side?: Side;
  readonly gpus: number;
}

export type { Side } from '../model/sides';

export interface DiagramElement {
  /** `n<node index>`, `gen<generator index>` or `g<group number>`: stable for one design. */
  readonly id: string;
  /** The kind of the piece or of every member of the group; `equipment` for a group of several kinds. */
  readonly kind: PieceKind | 'equipment';
  /** The piece's path, or the longest common path of the group's members. */
  readonly path: string;
  /** The last path segment; for a group its count and kinds ("16 racks", "66 pieces: 12 UPS, 54 busways"). */
  readonly name: string;
  /** The piece, or the group's members in path order (never empty). */
  readonly members: readonly Piece[];
  /** True for a group (more than one member). */
  readonly grouped: boolean;
  /** Highest normal utilization among the members; undefined for racks. */
  readonly utilization?: number;
  /** Worst N-1 case among the members. */
  readonly worst?: WorstCase;
  /** Worst color among the members. */
  readonly color: ColorClass;
  readonly side?: Side;
}

export interface DiagramEdge {
  readonly from: string;
  readonly to: string;
  /** `feed`: power flows from `from` to `to`; `backup`: a generator group backs `to`. */
  readonly kind: 'feed' | 'backup';
  readonly side?: Side;
}

export interface DiagramOptions {
  /** Most elements drawn before folding; default {@link FOLD_LIMIT}. */
  readonly maxElements?: number;
}

const SEVERITY: Record<ColorClass, number> = { none: 0, ok: 1, warn: 2, over: 3 };

/**
 * The color class of a piece: `over` above a limit, `warn` from {@link WARN_FRACTION} of a
 * limit, `ok` below. `utilization` is measured against `limit` (the maximum continuous
 * utilization), `n1` (the worst N-1 utilization) against 100%.
 */
export function colorOf(utilization: number | undefined, limit: number, n1?: number): ColorClass {
  if (utilization === undefined) return 'none';
  const worst = n1 ?? 0;
  if (exceeds(utilization, limit) || exceeds(worst, 1)) return 'over';
  if (
    utilization >= WARN_FRACTION * limit * (1 - LIMIT_TOLERANCE) ||
    worst >= WARN_FRACTION * (1 - LIMIT_TOLERANCE)
  )
    return 'warn';
  return 'ok';
}

/** The diagram data of an evaluation: pieces, folded into groups above `maxElements`, and edges. */
export function diagramData(evaluation: Evaluation, options: DiagramOptions = {}): DiagramData {
  const maxElements = options.maxElements ?? FOLD_LIMIT;
  const { plant } = evaluation.design;
  const pieces = plant.nodes.map((node) => nodePiece(evaluation, node));
  const genPieces = plant.generators.map((_, g) => generatorPiece(evaluation, g));

  const maxEquipmentLevel = plant.nodes.reduce((m, n) => (n.kind === 'rack' ? m : Math.max(m, n.level)), 0);
  let foldDepth: number | undefined;
  let keys: (string | undefined)[] = plant.nodes.map(() => undefined);
  if (plant.nodes.length + plant.generators.length > maxElements) {
    for (let depth = maxEquipmentLevel; depth >= 0; depth--) {
      foldDepth = depth;
      keys = foldKeys(evaluation, depth);
      if (countElements(keys) + plant.generators.length <= maxElements) break;
    }
  }

  // Members per group key, in node (level, path) order; a group of one is drawn as its piece.
  // Groups are numbered in the order of their first member.
  const byKey = new Map<string, number[]>();
  keys.forEach((k, i) => {
    if (k === undefined) return;
    const members = byKey.get(k);
    if (members) members.push(i);
    else byKey.set(k, [i]);
  });
  const groupOf = new Int32Array(plant.nodes.length).fill(-1);
  const groups = [...byKey.values()].filter((m) => m.length > 1);
  groups.sort((a, b) => a[0] - b[0]);
  groups.forEach((members, g) => members.forEach((i) => (groupOf[i] = g)));

  const elements: DiagramElement[] = [];
  const elementOf = new Map<string, string>();
  const idOfNode = (i: number) => (groupOf[i] >= 0 ? `g${groupOf[i]}` : `n${i}`);
  for (const node of plant.nodes) {
    if (groupOf[node.index] >= 0) continue;
    elements.push(single(`n${node.index}`, pieces[node.index]));
  }
  groups.forEach((members, g) =>
    elements.push(
      group(
        `g${g}`,
        members.map((i) => pieces[i]),
      ),
    ),
  );
  genPieces.forEach((p, g) => elements.push(single(`gen${g}`, p)));
  for (const node of plant.nodes) elementOf.set(node.path, idOfNode(node.index));
  plant.generators.forEach((gen, g) => elementOf.set(gen.path, `gen${g}`));

  const edges: DiagramEdge[] = [];
  const seen = new Set<string>();
  const sideOfElement = new Map(elements.map((e) => [e.id, e.side]));
  const addEdge = (from: string, to: string, kind: DiagramEdge['kind']) => {
    const key = `${from}>${to}>${kind}`;
    if (from === to || seen.has(key)) return;
    seen.add(key);
    edges.push({ from, to, kind, side: sideOfElement.get(from) });
  };
  for (const node of plant.nodes) {
    for (const f of node.feeds) addEdge(idOfNode(f), idOfNode(node.index), 'feed');
  }
  plant.generators.forEach((gen, g) => {
    for (const b of gen.backs) addEdge(`gen${g}`, idOfNode(b), 'backup');
  });
  const siteGrid = new Map<string, string>();
  for (const node of plant.nodes) {
    const site = plant.sites[node.site].path;
    if (node.kind === 'grid-connection' && !siteGrid.has(site)) siteGrid.set(site, idOfNode(node.index));
  }
  return { elements, edges, foldDepth, elementOf, siteGrid };
}

/**
 * The element a construct path points at in the diagram (a finding's path, for example): its
 * piece or the group holding it; for a site, its grid connection; for any other scope (a hall,
 * a building), the element of the first piece under it. Undefined when nothing drawn relates to it.
 */
export function elementFor(data: DiagramData, path: string): string | undefined {
  const direct = data.elementOf.get(path) ?? data.siteGrid.get(path);
  if (direct) return direct;
  const prefix = `${path}/`;
  for (const [p, id] of data.elementOf) if (p.startsWith(prefix)) return id;
  return undefined;
}

/**
 * The group key of every node at fold depth `depth`: undefined for equipment at or above it
 * (drawn), else the kind of member (rack or equipment) and its anchors, the drawn pieces its
 * feeds lead up to.
 */
function foldKeys({ design: { plant } }: Evaluation, depth: number): (string | undefined)[] {
  const anchors: number[][] = [];
  const keys: (string | undefined)[] = [];
  for (const node of plant.nodes) {
    if (node.kind !== 'rack' && node.level <= depth) {
      anchors.push([node.index]);
      keys.push(undefined);
      continue;
    }
    const set = new Set<number>();
    for (const f of node.feeds) for (const a of anchors[f]) set.add(a);
    const sorted = [...set].sort((a, b) => a - b);
    anchors.push(sorted);
    // A piece without feeds is its own anchor: it never folds with unrelated pieces.
    const own = sorted.length === 0 ? `self ${node.index}` : sorted.join(',');
    keys.push(`${node.kind === 'rack' ? 'rack' : 'equipment'} ${own}`);
  }
  return keys;
}

function countElements(keys: readonly (string | undefined)[]): number {
  let drawn = 0;
  const distinct = new Set<string>();
  for (const k of keys) {
    if (k === undefined) drawn++;
    else distinct.add(k);
  }
  return drawn + distinct.size;
}

function nodePiece({ design, analysis }: Evaluation, node: PowerNode): Piece {
  const { flow, sites } = analysis;
  const i = node.index;
  const gpus = node.rack ? node.rack.system.spec.gpus : 0;
  if (isUnratedLoad(node)) {
    // A load with no rating of its own: its design power, no utilization to color.
    return {
      path: node.path,
      kind: node.kind,
      label: node.label,
      load: toKw(node.demandW),
      unit: 'kW',
      color: 'none',
      side: node.side,
      gpus,
    };
  }
  if (node.kind === 'grid-connection') {
    // The grid connection is checked on facility power (PWR-003), which holds cooling and other loads.
    const site = sites[node.site];
    const load = toMw(site.facilityW);
    const capacity = toMw(node.capacityW);
    const utilization = site.facilityW / node.capacityW;
    return {
      path: node.path,
      kind: node.kind,
      label: node.label,
      load,
      capacity,
      unit: 'MW',
      utilization,
      limit: 1,
      color: colorOf(utilization, 1),
      gpus,
    };
  }
  const utilization = flow.outW[i] / node.capacityW;
  const worst = worstOf(design, analysis, node);
  return {
    path: node.path,
    kind: node.kind,
    label: node.label,
    load: inRatingUnit(node, flow.outW[i]),
    capacity: inRatingUnit(node, node.capacityW),
    unit: node.ratingUnit,
    utilization,
    limit: node.maxUtilization,
    worst,
    color: colorOf(utilization, node.maxUtilization, worst?.utilization),
    side: node.side,
    gpus,
  };
}

/** The worst N-1 case of a piece of equipment, in its rating unit; undefined when no failure raised its load. */
function worstOf({ plant }: Design, { contingency }: Analysis, node: PowerNode): WorstCase | undefined {
  const i = node.index;
  const failed = contingency.worstFailure[i];
  if (contingency.worstUtilization[i] < 0 || failed < 0) return undefined;
  return {
    failure: plant.nodes[failed].path,
    ownUnit: failed === i,
    load: inRatingUnit(node, contingency.worstLoadW[i]),
    limit: inRatingUnit(node, contingency.worstCapacityW[i]),
    unit: node.ratingUnit,
    utilization: contingency.worstUtilization[i],
    path: node.path,
  };
}

/** The worst N-1 case of the whole design: the piece of equipment loaded most by a single failure. */
export function worstCase({ design, analysis }: Evaluation): WorstCase | undefined {
  let worst: WorstCase | undefined;
  for (const node of design.plant.nodes) {
    if (isUnratedLoad(node) || node.kind === 'grid-connection') continue;
    const w = worstOf(design, analysis, node);
    if (w && (!worst || w.utilization > worst.utilization)) worst = w;
  }
  return worst;
}

/** A generator group: the normal input of everything it backs against (units - redundant) x unit rating (PWR-005). */
function generatorPiece({ design: { plant }, analysis: { flow } }: Evaluation, g: number): Piece {
  const gen = plant.generators[g];
  let backedW = 0;
  for (const b of gen.backs) backedW += flow.inW[b];
  const utilization = backedW / gen.usableW;
  return {
    path: gen.path,
    kind: 'generator-group',
    label: 'generator group',
    load: toKw(backedW),
    capacity: toKw(gen.usableW),
    unit: 'kW',
    utilization,
    limit: 1,
    color: colorOf(utilization, 1),
    gpus: 0,
  };
}

function single(id: string, piece: Piece): DiagramElement {
  return {
    id,
    kind: piece.kind,
    path: piece.path,
    name: piece.path.slice(piece.path.lastIndexOf('/') + 1),
    members: [piece],
    grouped: false,
    utilization: piece.utilization,
    worst: piece.worst,
    color: piece.color,
    side: piece.side,
  };
}

/** A group of `members` given in node order (upstream first), which orders the kinds in its name. */
function group(id: string, members: Piece[]): DiagramElement {
  const counts = new Map<string, number>();
  for (const m of members) counts.set(m.label, (counts.get(m.label) ?? 0) + 1);
  members.sort((a, b) => compare(a.path, b.path));
  let utilization: number | undefined;
  let worst: WorstCase | undefined;
  let color: ColorClass = 'none';
  for (const m of members) {
    if (m.utilization !== undefined && (utilization === undefined || m.utilization > utilization))
      utilization = m.utilization;
    if (m.worst && (!worst || m.worst.utilization > worst.utilization)) worst = m.worst;
    if (SEVERITY[m.color] > SEVERITY[color]) color = m.color;
  }
  const sides = new Set(members.map((m) => m.side));
  const kinds = [...counts].map(([label, n]) => `${n} ${plural(label, n)}`).join(', ');
  const name = counts.size === 1 ? kinds : `${members.length} pieces: ${kinds}`;
  return {
    id,
    kind: counts.size === 1 ? members[0].kind : 'equipment',
    path: commonPath(members.map((m) => m.path)),
    name,
    members,
    grouped: true,
    utilization,
    worst,
    color,
    side: sides.size === 1 ? members[0].side : undefined,
  };
}

/** "racks", "UPS", "switchgear". */
function plural(label: string, n: number): string {
  if (n === 1 || label === 'UPS' || label === 'switchgear') return label;
  return `${label}s`;
}

/** The longest common sequence of path segments. */
export function commonPath(paths: readonly string[]): string {
  let common = paths[0].split('/');
  for (const p of paths) {
    const s = p.split('/');
    let k = 0;
    while (k < common.length && k < s.length && common[k] === s[k]) k++;
    common = common.slice(0, k);
  }
  return common.join('/');
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
