import type { ElkExtendedEdge, ElkNode } from 'elkjs/lib/elk-api';
import { DiagramData, DiagramElement } from './diagram-data';
import { cachedLayout, CachedLayout, keepLayout, layoutKey } from './layout-cache';

/** The version of elkjs, part of the cache key: another version may lay out differently. */
// eslint-disable-next-line @typescript-eslint/no-require-imports
const ELK_VERSION = (require('elkjs/package.json') as { version: string }).version;

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

const OPTIONS: Record<string, string> = {
  'elk.algorithm': 'layered',
  'elk.direction': 'DOWN',
  'elk.edgeRouting': 'ORTHOGONAL',
  'elk.spacing.nodeNode': '14',
  'elk.spacing.componentComponent': '48',
  'elk.layered.spacing.nodeNodeBetweenLayers': '44',
  'elk.layered.spacing.edgeNodeBetweenLayers': '14',
  // Keep the model order below within each layer: each A piece left of its B twin, block by block.
  'elk.layered.considerModelOrder.strategy': 'NODES_AND_EDGES',
  'elk.layered.nodePlacement.strategy': 'NETWORK_SIMPLEX',
  'elk.layered.mergeEdges': 'true',
  'elk.layered.crossingMinimization.forceNodeModelOrder': 'true',
  'elk.padding': '[top=12,left=12,bottom=12,right=12]',
};

/**
 * Lays the diagram out with ELK's layered algorithm, from the grid connection down to the
 * racks, with the pieces of a block side by side (A left of B) and edges merged where they
 * leave a piece, so a fan-out reads as a bus bar. ELK is deterministic for the same input,
 * so a layout is computed once per distinct graph (see layout-cache.ts).
 */
export async function layoutDiagram(data: DiagramData): Promise<DiagramLayout> {
  const graph: ElkNode = {
    id: 'root',
    layoutOptions: OPTIONS,
    children: modelOrder(data).map((e) => ({ id: e.id, ...(e.grouped ? GROUP_SIZE : PIECE_SIZE) })),
    edges: data.edges.map((edge, k): ElkExtendedEdge => ({
      id: `e${k}`,
      sources: [edge.from],
      targets: [edge.to],
    })),
  };
  const key = layoutKey(ELK_VERSION, graph);
  const cached = cachedLayout(key);
  const kept = cached && fits(cached, graph) ? cached : await elkLayout(graph, key);
  return {
    width: kept.width,
    height: kept.height,
    boxes: new Map(kept.boxes.map(([id, x, y, width, height]) => [id, { x, y, width, height }])),
    routes: kept.routes.map((r) => {
      const points: Point[] = [];
      for (let i = 0; i < r.length; i += 2) points.push({ x: r[i], y: r[i + 1] });
      return points;
    }),
  };
}

/** A kept layout is used only when it places every node of the graph and routes every edge. */
function fits(kept: CachedLayout, graph: ElkNode): boolean {
  const boxed = new Set(kept.boxes.map(([id]) => id));
  const nodes = graph.children ?? [];
  return (
    kept.boxes.length === nodes.length &&
    nodes.every((n) => boxed.has(n.id)) &&
    kept.routes.length === (graph.edges ?? []).length
  );
}

/** Runs ELK on `graph` and keeps the result under `key`. */
async function elkLayout(graph: ElkNode, key: string): Promise<CachedLayout> {
  // Loaded only when a layout is computed: about 1.5 MB of script to parse.
  const { default: ELK } = await import('elkjs/lib/elk.bundled.js');
  const out = await new ELK().layout(graph);
  const layout: CachedLayout = {
    width: out.width ?? 0,
    height: out.height ?? 0,
    boxes: (out.children ?? []).map((c) => [c.id, c.x ?? 0, c.y ?? 0, c.width ?? 0, c.height ?? 0] as const),
    routes: (out.edges ?? []).map((edge) => {
      const s = edge.sections?.[0];
      return s ? [s.startPoint, ...(s.bendPoints ?? []), s.endPoint].flatMap((p) => [p.x, p.y]) : [];
    }),
  };
  keepLayout(key, layout);
  return layout;
}

/**
 * Elements in the order ELK keeps within each layer: by path with the side taken out of the
 * name, then side, so the pieces of a block stand together and each A piece stands left of
 * its B twin (`block-001/ups-a`, `block-001/ups-b`, `block-002/ups-a`, ...).
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
