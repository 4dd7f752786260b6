import { fmt } from '../../units';
import { ColorClass, DiagramData, DiagramElement, Piece, Side, WARN_FRACTION } from '../diagram-data';
import { esc } from '../escape';
import { clip, num, pct, worstText } from '../format';
import { DiagramLayout } from '../layout';
import { COLORS, SIDE_COLORS } from '../style';

/**
 * The one-line diagram section: the legend, the zoom toolbar, the SVG diagram (each piece an
 * element with its construct path in `data-path`, a group with its member count) and the
 * detail panel the browser script fills.
 */
export function diagramSection(data: DiagramData, layout: DiagramLayout, maxElements: number): string {
  if (data.elements.length === 0)
    return '<section id="diagram">\n<h2>One-line diagram</h2>\n<p>No power equipment is modelled.</p>\n</section>';
  const folded =
    data.foldDepth === undefined
      ? `Every piece is drawn (${data.elements.length} elements).`
      : data.elements.some((e) => e.grouped && e.kind !== 'rack')
        ? `More than ${maxElements} pieces: the equipment below level ${data.foldDepth} of the power train (from the grid connection) folds into groups per piece it hangs from, the racks per the pieces they draw from (${data.elements.length} elements); click a group for its members.`
        : `More than ${maxElements} pieces: the racks fold into groups per set of feeds (${data.elements.length} elements); click a group for its members.`;
  const swatch = (c: ColorClass, text: string) =>
    `<span class="swatch"><svg width="14" height="14"><rect width="14" height="14" rx="3" fill="${COLORS[c].fill}" stroke="${COLORS[c].stroke}"/></svg>${text}</span>`;
  const line = (side: Side) =>
    `<span class="swatch"><svg width="22" height="14"><path d="M0 7H22" stroke="${SIDE_COLORS[side]}" stroke-width="2"/></svg>${side} side</span>`;
  const warnPct = fmt(WARN_FRACTION * 100);
  return [
    '<section id="diagram">',
    '<h2>One-line diagram</h2>',
    '<p class="legend">',
    swatch('ok', `below ${warnPct}% of every limit`),
    swatch('warn', `from ${warnPct}% of a limit up to it`),
    swatch('over', 'above a limit'),
    swatch('none', 'rack or cooling load (no rating)'),
    line('A'),
    line('B'),
    `<span class="swatch"><svg width="22" height="14"><path d="M0 7H22" class="edge backup"/></svg>generators back</span>`,
    '</p>',
    `<p class="note">Limits: the maximum continuous utilization in normal operation (PWR-001), 100% of the rating under any single failure (PWR-002), the grid connection for facility power (PWR-003), the usable rating of a generator group (PWR-005). ${esc(folded)}</p>`,
    '<div class="toolbar"><button type="button" data-zoom="fit">Fit</button><button type="button" data-zoom="out">&minus;</button><button type="button" data-zoom="in">+</button><button type="button" data-zoom="1">100%</button></div>',
    '<div class="pane">',
    `<div class="viewport" id="viewport">${svgDiagram(data, layout)}</div>`,
    '<aside id="detail"><p class="hint">Click a piece of equipment or a group for its detail.</p></aside>',
    '</div>',
    '</section>',
  ].join('\n');
}

function svgDiagram(data: DiagramData, layout: DiagramLayout): string {
  const w = Math.ceil(layout.width);
  const h = Math.ceil(layout.height);
  const edges = data.edges.map((e, k) => {
    const pts = layout.routes[k];
    if (pts.length === 0) return '';
    const d = pts.map((p, j) => `${j === 0 ? 'M' : 'L'}${num(p.x)} ${num(p.y)}`).join('');
    const cls = e.kind === 'backup' ? 'edge backup' : `edge${e.side ? ` side-${e.side.toLowerCase()}` : ''}`;
    return `<path class="${cls}" d="${d}"/>`;
  });
  const names = shortNames(data.elements.filter((e) => !e.grouped).map((e) => e.path));
  const boxes = data.elements.map((e) => svgElement(e, layout, names));
  // A dot where a line meets a bus bar inside its span: a connection, not a crossing.
  const dots = layout.junctions.map((j) => {
    const e = data.edges[j.edge];
    const cls =
      e.kind === 'backup' ? 'junction backup' : `junction${e.side ? ` side-${e.side.toLowerCase()}` : ''}`;
    return `<circle class="${cls}" cx="${num(j.x)}" cy="${num(j.y)}" r="2.5"/>`;
  });
  return [
    `<svg id="diagram-svg" width="${w}" height="${h}" viewBox="0 0 ${w} ${h}" data-width="${w}" data-height="${h}" role="img" aria-label="One-line diagram">`,
    `<g class="edges">${edges.join('')}${dots.join('')}</g>`,
    boxes.join('\n'),
    '</svg>',
  ].join('\n');
}

function svgElement(e: DiagramElement, layout: DiagramLayout, names: ReadonlyMap<string, string>): string {
  const b = layout.boxes.get(e.id)!;
  const side = e.side ? ` side-${e.side.toLowerCase()}` : '';
  const attrs = e.grouped
    ? `data-group="${esc(e.path)}" data-members="${e.members.length}"`
    : `data-path="${esc(e.path)}"`;
  // About 6.3 px per character at 11 px, 6 px at 10 px (the name line).
  const lines = boxLines(e, names).map((t, j) => clip(t, Math.floor((b.width - 12) / (j === 1 ? 6 : 6.3))));
  const stack = e.grouped
    ? `<rect class="stack" x="4" y="-4" width="${b.width}" height="${b.height}" rx="4"/>`
    : '';
  return (
    `<g id="el-${e.id}" class="piece c-${e.color}${e.grouped ? ' group' : ''}${side}" data-element="${e.id}" data-kind="${e.kind}" ${attrs} transform="translate(${num(b.x)},${num(b.y)})" tabindex="0">` +
    `<title>${esc(tooltip(e))}</title>${stack}<rect class="box" width="${b.width}" height="${b.height}" rx="4"/>` +
    lines
      .map((t, j) => `<text x="6" y="${14 + j * 13}" class="${LINE_CLASSES[j]}">${esc(t)}</text>`)
      .join('') +
    '</g>'
  );
}

/** The classes of a box's three lines. */
const LINE_CLASSES = ['kind', 'name', 'load'] as const;

/** Three lines: what it is (and its side), its name, its loads. */
function boxLines(e: DiagramElement, names: ReadonlyMap<string, string>): string[] {
  const side = e.side ? ` · ${e.side}` : '';
  const p = e.members[0];
  if (e.grouped) {
    const head = e.name.includes(':') ? e.name.slice(0, e.name.indexOf(':')) : e.name;
    const where = groupWhere(e);
    const load =
      e.utilization === undefined
        ? `${fmt(e.members.reduce((s, m) => s + m.load, 0) / 1000, 2)} MW`
        : `max ${pct(e.utilization)}${e.worst ? ` · N-1 ${pct(e.worst.utilization)}` : ''}`;
    return [`${head}${side}`, where, load];
  }
  const name = names.get(e.path)!;
  if (p.kind === 'rack') return [`rack`, name, `${fmt(p.load)} kW`];
  if (p.capacity === undefined) return [`${p.label}${side}`, name, `${fmt(p.load)} kW`];
  if (p.kind === 'grid-connection' || p.kind === 'generator-group')
    return [p.label, name, `${pct(p.utilization)} of ${fmt(p.capacity!, 2)} ${p.unit}`];
  return [
    `${p.label}${side}`,
    name,
    `${pct(p.utilization)}${p.worst ? ` · N-1 ${pct(p.worst.utilization)}` : ''}`,
  ];
}

/**
 * The name each piece shows: the last two segments of its path, where the parent tells apart
 * the pieces of each block (`block-001/ups-a`, `block-002/ups-a`); more segments where two
 * pieces would still read the same (`hall-1/su-01/r1`, `hall-2/su-01/r1`).
 */
export function shortNames(paths: readonly string[]): Map<string, string> {
  const segments = paths.map((p) => p.split('/'));
  const names = new Map<string, string>();
  const pending = new Set(segments.keys());
  for (let n = 2; pending.size > 0; n++) {
    const counts = new Map<string, number>();
    const at = (i: number) => segments[i].slice(-n).join('/');
    for (const i of pending) counts.set(at(i), (counts.get(at(i)) ?? 0) + 1);
    for (const i of [...pending]) {
      if (counts.get(at(i)) === 1 || n >= segments[i].length) {
        names.set(paths[i], at(i));
        pending.delete(i);
      }
    }
  }
  return names;
}

/** Where a group stands: the end of its common path, or the span of its members below it (`hall-01…hall-02`). */
function groupWhere(e: DiagramElement): string {
  const depth = e.path === '' ? 0 : e.path.split('/').length;
  const first = e.members[0].path.split('/')[depth];
  const last = e.members[e.members.length - 1].path.split('/')[depth];
  return first === last ? e.path.split('/').slice(-2).join('/') : `${first}…${last}`;
}

function tooltip(e: DiagramElement): string {
  if (!e.grouped) return [`${e.members[0].label} ${e.path}`, ...pieceLines(e.members[0])].join('\n');
  const lines = [`${e.name}`, `under ${e.path}`];
  if (e.utilization !== undefined) {
    const top = e.members.reduce((a, m) => ((m.utilization ?? -1) > (a.utilization ?? -1) ? m : a));
    lines.push(`highest utilization ${pct(e.utilization)} (${top.path})`);
  } else {
    lines.push(`${fmt(e.members.reduce((s, m) => s + m.load, 0))} kW design power`);
  }
  if (e.worst) lines.push(`worst N-1: ${pct(e.worst.utilization)}, ${worstText(e.worst, true)}`);
  lines.push('click for the members');
  return lines.join('\n');
}

function pieceLines(p: Piece): string[] {
  if (p.capacity === undefined) return [`${fmt(p.load)} ${p.unit} design power`];
  const what =
    p.kind === 'grid-connection'
      ? 'facility'
      : p.kind === 'generator-group'
        ? 'backed load'
        : 'normal operation';
  const lines = [
    `${what}: ${fmt(p.load)} of ${fmt(p.capacity)} ${p.unit} (${pct(p.utilization)}, limit ${pct(p.limit)})`,
  ];
  if (p.worst) lines.push(`worst N-1: ${worstText(p.worst, false)} (${pct(p.worst.utilization)})`);
  return lines;
}
