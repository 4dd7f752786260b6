import { dutyOf } from '../analysis/cooling';
import { Evaluation } from '../evaluate';
import { Finding } from '../policy/rule';
import { fmt, toMw } from '../units';
import {
  ColorClass,
  colorOf,
  DiagramData,
  diagramData,
  DiagramElement,
  elementFor,
  FOLD_LIMIT,
  Piece,
  Side,
  WARN_FRACTION,
  worstCase,
  WorstCase,
} from './diagram-data';
import { esc } from './escape';
import { DiagramLayout, layoutDiagram } from './layout';
import { eedSection, headroomSection } from './operations-html';
import { powerFigures } from '../output/summary-line';

/** Fill and stroke of each color class, in the diagram and the charts. */
export const COLORS: Record<ColorClass, { readonly fill: string; readonly stroke: string }> = {
  ok: { fill: '#d3efdc', stroke: '#2e7d4f' },
  warn: { fill: '#ffe2a8', stroke: '#b7791f' },
  over: { fill: '#f7c1bb', stroke: '#c0392b' },
  none: { fill: '#e8ebf0', stroke: '#6b7785' },
};

/** Stroke of the feeds leaving an A-side and a B-side piece. */
export const SIDE_COLORS: Record<Side, string> = { A: '#2f6db5', B: '#8a4fb0' };

export interface ReportOptions {
  /** Heading of the page. @default 'aifactory report' */
  readonly title?: string;
  /** Most elements drawn before folding. @default FOLD_LIMIT (400) */
  readonly maxElements?: number;
}

/**
 * The HTML report: one self-contained page (inline CSS, SVG and script; nothing loaded from
 * the network) with the totals, the one-line diagram (each piece an SVG element with its
 * construct path in `data-path`, colored by {@link colorOf}; a click opens its detail, or
 * the members of a group), the capacity charts and the findings, each linked to its element.
 * The same evaluation always gives the same bytes.
 */
export async function reportHtml(evaluation: Evaluation, options: ReportOptions = {}): Promise<string> {
  const title = options.title ?? 'aifactory report';
  const data = diagramData(evaluation, { maxElements: options.maxElements });
  const layout = await layoutDiagram(data);
  return [
    '<!doctype html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${esc(title)}</title>`,
    `<style>${css()}</style>`,
    '</head>',
    '<body>',
    header(evaluation, title),
    diagramSection(data, layout, options.maxElements ?? FOLD_LIMIT),
    capacitySection(evaluation),
    headroomSection(evaluation),
    eedSection(evaluation),
    findingsSection(evaluation, data),
    `<script type="application/json" id="report-data">${detailJson(data)}</script>`,
    `<script>${SCRIPT}</script>`,
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

function header(evaluation: Evaluation, title: string): string {
  const { summary: s, highest, findings } = evaluation;
  const worst = worstCase(evaluation);
  const count = (sev: string) => findings.filter((f) => f.severity === sev && !f.suppressed).length;
  const suppressed = findings.filter((f) => f.suppressed).length;
  const power = powerFigures(s);
  const stats: [string, string][] = [
    ['sites', fmt(s.sites, 0)],
    ['racks', fmt(s.racks, 0)],
    ['GPUs', fmt(s.gpus, 0)],
    ['IT', power.it],
    ['facility', power.facility],
    ['PUE', power.pue],
    ['errors', String(count('error'))],
    ['warnings', String(count('warning'))],
  ];
  return [
    '<header>',
    `<h1>${esc(title)}</h1>`,
    `<dl class="stats">${stats.map(([k, v]) => `<div><dt>${k}</dt><dd>${v}</dd></div>`).join('')}</dl>`,
    '<p class="extremes">',
    highest
      ? `Highest utilization in normal operation: <b>${fmt(highest.utilization * 100)}%</b> (${esc(highest.label)} ${esc(highest.path)}).`
      : 'No equipment.',
    worst ? ` Worst N-1 case: <b>${fmt(worst.utilization * 100)}%</b>: ${esc(worstText(worst, true))}.` : '',
    ` Findings: ${count('error')} error(s), ${count('warning')} warning(s), ${count('info')} info, ${suppressed} suppressed.`,
    '</p>',
    '</header>',
  ].join('\n');
}

function diagramSection(data: DiagramData, layout: DiagramLayout, maxElements: number): string {
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
    swatch('none', 'rack'),
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
  const boxes = data.elements.map((e) => svgElement(e, layout));
  return [
    `<svg id="diagram-svg" width="${w}" height="${h}" viewBox="0 0 ${w} ${h}" data-width="${w}" data-height="${h}" role="img" aria-label="One-line diagram">`,
    `<g class="edges">${edges.join('')}</g>`,
    boxes.join('\n'),
    '</svg>',
  ].join('\n');
}

function svgElement(e: DiagramElement, layout: DiagramLayout): string {
  const b = layout.boxes.get(e.id)!;
  const side = e.side ? ` side-${e.side.toLowerCase()}` : '';
  const attrs = e.grouped
    ? `data-group="${esc(e.path)}" data-members="${e.members.length}"`
    : `data-path="${esc(e.path)}"`;
  // About 6.3 px per character at 11 px, 6 px at 10 px (the name line).
  const lines = boxLines(e).map((t, j) => clip(t, Math.floor((b.width - 12) / (j === 1 ? 6 : 6.3))));
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
function boxLines(e: DiagramElement): string[] {
  const side = e.side ? ` · ${e.side}` : '';
  const p = e.members[0];
  if (e.grouped) {
    const head = e.name.includes(':') ? e.name.slice(0, e.name.indexOf(':')) : e.name;
    const where = groupWhere(e);
    const load =
      e.kind === 'rack'
        ? `${fmt(e.members.reduce((s, m) => s + m.load, 0) / 1000, 2)} MW`
        : `max ${pct(e.utilization)}${e.worst ? ` · N-1 ${pct(e.worst.utilization)}` : ''}`;
    return [`${head}${side}`, where, load];
  }
  // The parent tells apart the pieces of each block (block-001/ups-a, block-002/ups-a).
  const name = e.path.split('/').slice(-2).join('/');
  if (p.kind === 'rack') return [`rack`, name, `${fmt(p.load)} kW`];
  if (p.kind === 'grid-connection' || p.kind === 'generator-group')
    return [p.label, name, `${pct(p.utilization)} of ${fmt(p.capacity!, 2)} ${p.unit}`];
  return [
    `${p.label}${side}`,
    name,
    `${pct(p.utilization)}${p.worst ? ` · N-1 ${pct(p.worst.utilization)}` : ''}`,
  ];
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

/** "1,234 of 2,500 kVA when a/b fails", with the piece's path first when `withPath`. */
function worstText(w: WorstCase, withPath: boolean): string {
  const cause = w.ownUnit ? 'with one of its units lost' : `when ${w.failure} fails`;
  return `${withPath ? `${w.path} carries ` : ''}${fmt(w.load)} of ${fmt(w.limit)} ${w.unit} ${cause}`;
}

interface ChartRow {
  readonly label: string;
  readonly value: number;
  /** Drawn as a tick; the bar is colored against it. */
  readonly capacity?: number;
  readonly text: string;
  readonly color: ColorClass | 'it' | 'gpu';
  readonly id?: string;
}

const CHART = { label: 250, bar: 520, text: 230, row: 22 } as const;

/** A horizontal bar chart; `marker` draws a vertical line across every row (the grid connection). */
function barChart(rows: readonly ChartRow[], marker?: { value: number; label: string }): string {
  const max =
    Math.max(...rows.map((r) => Math.max(r.value, r.capacity ?? 0)), marker?.value ?? 0) * 1.04 || 1;
  const x = (v: number) => CHART.label + (v / max) * CHART.bar;
  const top = marker ? 18 : 4;
  const width = CHART.label + CHART.bar + CHART.text;
  const height = top + rows.length * CHART.row + 4;
  const body = rows.map((r, k) => {
    const y = top + k * CHART.row;
    const fill = r.color === 'it' || r.color === 'gpu' ? '' : ` c-${r.color}`;
    const tick =
      r.capacity === undefined
        ? ''
        : `<path class="capacity" d="M${num(x(r.capacity))} ${y + 1}V${y + CHART.row - 3}"/>`;
    return (
      `<g class="row${fill}${r.color === 'it' ? ' it' : ''}${r.color === 'gpu' ? ' gpu' : ''}"${r.id ? ` id="${r.id}"` : ''}>` +
      `<title>${esc(`${r.label}: ${r.text}`)}</title>` +
      `<text x="${CHART.label - 8}" y="${y + 15}" text-anchor="end">${esc(clip(r.label, 40))}</text>` +
      `<rect class="bar" x="${CHART.label}" y="${y + 3}" width="${num(Math.max(0, x(r.value) - CHART.label))}" height="${CHART.row - 7}"/>` +
      tick +
      `<text x="${CHART.label + CHART.bar + 8}" y="${y + 15}">${esc(r.text)}</text></g>`
    );
  });
  const line = marker
    ? `<path class="marker" d="M${num(x(marker.value))} 14V${height}"/><text class="marker-label" x="${num(x(marker.value))}" y="11" text-anchor="middle">${esc(marker.label)}</text>`
    : '';
  return `<svg class="chart" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">${body.join('')}${line}</svg>`;
}

function capacitySection(evaluation: Evaluation): string {
  const { plant, sites, cooling } = evaluation.analysis;
  const parts = ['<section id="capacity">', '<h2>Capacity</h2>'];

  // Buildings: the path segment below the site.
  const buildings = plant.sites.map(() => new Map<string, { itW: number; gpus: number; racks: number }>());
  for (const node of plant.nodes) {
    if (!node.rack) continue;
    const sitePath = plant.sites[node.site].path;
    const rest = node.path.slice(sitePath.length + 1).split('/');
    const name = rest.length > 1 ? rest[0] : '(site)';
    const b = buildings[node.site].get(name) ?? { itW: 0, gpus: 0, racks: 0 };
    b.itW += node.demandW;
    b.gpus += node.rack.system.spec.gpus;
    b.racks++;
    buildings[node.site].set(name, b);
  }

  parts.push('<h3>Power against the grid connection</h3>');
  for (const site of plant.sites) {
    const load = sites[site.index];
    const grid = toMw(site.gridConnectionW);
    const rows: ChartRow[] = [
      { label: `${site.name}: IT`, value: toMw(load.itW), text: `${fmt(toMw(load.itW), 2)} MW`, color: 'it' },
      {
        label: `${site.name}: facility`,
        value: toMw(load.facilityW),
        capacity: grid,
        text: `${fmt(toMw(load.facilityW), 2)} of ${fmt(grid, 2)} MW (PUE ${fmt(load.pue, 3)})`,
        color: colorOf(load.facilityW / site.gridConnectionW, 1),
      },
    ];
    for (const [name, b] of [...buildings[site.index]].sort(byKey)) {
      const facility = toMw(b.itW * load.pue);
      rows.push({ label: `${name}: IT`, value: toMw(b.itW), text: `${fmt(toMw(b.itW), 2)} MW`, color: 'it' });
      rows.push({
        label: `${name}: facility at site PUE`,
        value: facility,
        text: `${fmt(facility, 2)} MW`,
        color: 'none',
      });
    }
    parts.push(barChart(rows, { value: grid, label: `grid connection ${fmt(grid, 2)} MW` }));
  }

  parts.push('<h3>GPUs per building</h3>');
  const gpuRows: ChartRow[] = [];
  for (const site of plant.sites) {
    for (const [name, b] of [...buildings[site.index]].sort(byKey)) {
      gpuRows.push({
        label: plant.sites.length > 1 ? `${site.name}: ${name}` : name,
        value: b.gpus,
        text: `${fmt(b.gpus, 0)} GPUs, ${fmt(b.racks, 0)} racks`,
        color: 'gpu',
      });
    }
  }
  parts.push(gpuRows.length > 0 ? barChart(gpuRows) : '<p>No racks.</p>');

  parts.push('<h3>Cooling: heat against capacity</h3>');
  if (plant.coolers.length === 0) {
    parts.push('<p>No cooling equipment is modelled.</p>');
  } else {
    const dutyName = {
      liquid: 'liquid (CDUs)',
      air: 'air (air handlers)',
      rejection: 'heat rejection',
    } as const;
    for (const site of plant.sites) {
      const own = plant.coolers.filter((c) => c.site === site.index);
      if (own.length === 0) continue;
      const totals: ChartRow[] = [];
      for (const duty of ['liquid', 'air', 'rejection'] as const) {
        const of = own.filter((c) => dutyOf(c.kind) === duty);
        if (of.length === 0) continue;
        const heat = of.reduce((s, c) => s + cooling.heatW[c.index], 0);
        const usable = of.reduce((s, c) => s + c.usableW, 0);
        totals.push(coolingRow(`${site.name}: ${dutyName[duty]}`, heat, usable));
      }
      parts.push(barChart(totals));
      const rows = own.map((c) => ({
        ...coolingRow(c.path.slice(site.path.length + 1), cooling.heatW[c.index], c.usableW),
        id: `cool-${c.index}`,
      }));
      parts.push(
        `<details><summary>${own.length} cooling group(s) of ${esc(site.name)}</summary>${barChart(rows)}</details>`,
      );
    }
  }
  parts.push('</section>');
  return parts.join('\n');
}

function coolingRow(label: string, heatW: number, usableW: number): ChartRow {
  return {
    label,
    value: toMw(heatW),
    capacity: toMw(usableW),
    text: `${fmt(toMw(heatW), 2)} of ${fmt(toMw(usableW), 2)} MW`,
    color: colorOf(heatW / usableW, 1),
  };
}

function findingsSection(evaluation: Evaluation, data: DiagramData): string {
  const { findings, analysis } = evaluation;
  const coolerAt = new Map(analysis.plant.coolers.map((c) => [c.path, c.index]));
  const rows = findings.map((f) => {
    const target = findingTarget(data, coolerAt, f);
    const path = target
      ? `<a href="#${target.anchor}" class="goto"${target.element ? ` data-target="${target.element}"` : ''} data-member="${esc(f.path)}">${esc(f.path)}</a>`
      : esc(f.path);
    return (
      `<tr class="sev-${f.severity}${f.suppressed ? ' suppressed' : ''}"${target?.element ? ` data-target="${target.element}"` : ''}>` +
      `<td>${esc(f.ruleId)}</td><td>${f.severity}</td><td>${path}</td><td>${esc(f.message)}</td>` +
      `<td class="num">${f.measured === null ? '' : fmt(f.measured, 2)}</td><td class="num">${f.limit === null ? '' : fmt(f.limit, 2)}</td>` +
      `<td>${esc(f.unit ?? '')}</td><td>${f.suppressed ? esc(f.reason ?? '') : ''}</td></tr>`
    );
  });
  return [
    '<section id="findings">',
    `<h2>Findings (${findings.length})</h2>`,
    findings.length === 0
      ? '<p>No findings: every check passes.</p>'
      : '<table><thead><tr><th>rule</th><th>severity</th><th>path</th><th>message</th><th>measured</th><th>limit</th><th>unit</th><th>suppression reason</th></tr></thead><tbody>' +
        rows.join('\n') +
        '</tbody></table>',
    '</section>',
  ].join('\n');
}

/** Where a finding links: its element in the diagram, else its cooling group's chart row. */
export function findingTarget(
  data: DiagramData,
  coolerAt: ReadonlyMap<string, number>,
  f: Finding,
): { anchor: string; element?: string } | undefined {
  const element = elementFor(data, f.path);
  if (element) return { anchor: `el-${element}`, element };
  const cooler = coolerAt.get(f.path);
  return cooler === undefined ? undefined : { anchor: `cool-${cooler}` };
}

/**
 * The members of every element for the detail panel, compact: paths as a table of
 * (parent, segment) pairs, members as arrays of numbers.
 */
function detailJson(data: DiagramData): string {
  const paths: [number, string][] = [];
  const pathIds = new Map<string, number>();
  const pathId = (p: string): number => {
    const known = pathIds.get(p);
    if (known !== undefined) return known;
    const cut = p.lastIndexOf('/');
    const parent = cut < 0 ? -1 : pathId(p.slice(0, cut));
    paths.push([parent, p.slice(cut + 1)]);
    pathIds.set(p, paths.length - 1);
    return paths.length - 1;
  };
  const labels: string[] = [];
  const units: string[] = [];
  const indexIn = (list: string[], v: string) => {
    const i = list.indexOf(v);
    return i >= 0 ? i : list.push(v) - 1;
  };
  const r = (v: number, d = 1) => Math.round(v * 10 ** d) / 10 ** d;
  const elements = data.elements.map((e) => {
    const members = e.members.map((m) => {
      const row: (number | number[])[] = [
        pathId(m.path),
        indexIn(labels, m.label),
        indexIn(units, m.unit),
        r(m.load),
      ];
      if (m.capacity !== undefined) row.push(r(m.capacity), r(m.utilization!, 4), r(m.limit!, 4));
      if (m.worst)
        row.push([
          pathId(m.worst.failure),
          m.worst.ownUnit ? 1 : 0,
          r(m.worst.load),
          r(m.worst.limit),
          r(m.worst.utilization, 4),
        ]);
      return row;
    });
    return [e.id, e.name, pathId(e.path), members];
  });
  return JSON.stringify({ paths, labels, units, elements }).replace(/</g, '\\u003c');
}

function css(): string {
  const classes = (Object.keys(COLORS) as ColorClass[])
    .map(
      (c) =>
        `.c-${c} .box,.c-${c} .stack,.row.c-${c} .bar{fill:${COLORS[c].fill};stroke:${COLORS[c].stroke}}` +
        `.c-${c} .kind{fill:${COLORS[c].stroke}}`,
    )
    .join('');
  return [
    'body{font:14px/1.4 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:0;color:#1d2733;background:#f7f8fa}',
    'header,section{padding:12px 24px}h1{font-size:22px;margin:4px 0 8px}h2{font-size:18px;margin:8px 0}h3{font-size:15px;margin:12px 0 4px}',
    '.stats{display:flex;flex-wrap:wrap;gap:8px;margin:0}.stats div{background:#fff;border:1px solid #d5dae1;border-radius:6px;padding:4px 12px}',
    '.stats dt{font-size:11px;color:#5b6776;text-transform:uppercase}.stats dd{margin:0;font-size:18px;font-weight:600}',
    '.extremes{margin:10px 0 0}.legend{display:flex;flex-wrap:wrap;gap:14px;margin:4px 0}.swatch{display:inline-flex;gap:6px;align-items:center}',
    '.note{color:#4a5564;font-size:13px;margin:4px 0 8px;max-width:1100px}',
    '.toolbar{margin:4px 0}.toolbar button{font:inherit;margin-right:4px;padding:2px 10px;border:1px solid #b8c0cb;border-radius:4px;background:#fff;cursor:pointer}',
    '.pane{display:flex;gap:12px;align-items:stretch}',
    '.viewport{flex:1;min-width:0;max-height:620px;min-height:240px;overflow:auto;background:#fff;border:1px solid #d5dae1;border-radius:6px;cursor:grab}',
    '#detail{width:360px;flex:none;max-height:620px;overflow:auto;background:#fff;border:1px solid #d5dae1;border-radius:6px;padding:8px 12px;font-size:13px;box-sizing:border-box}',
    '#detail h4{margin:4px 0;font-size:14px;word-break:break-all}#detail table{font-size:12px}#detail tr.focus{background:#fff3c4}.hint{color:#6b7785}',
    '.piece{cursor:pointer}.piece text{font:11px system-ui,sans-serif;fill:#1d2733;pointer-events:none}.piece text.kind{font-weight:600}.piece text.name{font-size:10px}',
    '.box,.stack{stroke-width:1.2}.piece.hl .box{stroke:#111;stroke-width:3.5}.piece:focus{outline:none}.piece:focus .box{stroke-width:2.5}',
    `.edge{fill:none;stroke:#8792a0;stroke-width:1.2}.edge.side-a{stroke:${SIDE_COLORS.A}}.edge.side-b{stroke:${SIDE_COLORS.B}}.edge.backup{stroke:#6b7785;stroke-dasharray:5 4}`,
    classes,
    '.chart{display:block;max-width:100%;height:auto}.chart text{font:12px system-ui,sans-serif;fill:#1d2733}',
    '.row.it .bar{fill:#9db8d9;stroke:#2f6db5}.row.gpu .bar{fill:#c7b6dd;stroke:#6c4a9a}.row .bar{stroke-width:1}',
    '.capacity{stroke:#1d2733;stroke-width:2}.marker{stroke:#c0392b;stroke-width:1.5;stroke-dasharray:4 3}.marker-label{fill:#c0392b;font-size:11px}',
    '.row.hl .bar{stroke:#111;stroke-width:3}',
    'table{border-collapse:collapse;background:#fff}th,td{border:1px solid #d5dae1;padding:3px 8px;text-align:left;vertical-align:top}',
    'td.num{text-align:right;font-variant-numeric:tabular-nums}',
    `tr.sev-error td:nth-child(2){color:${COLORS.over.stroke};font-weight:600}tr.sev-warning td:nth-child(2){color:${COLORS.warn.stroke};font-weight:600}`,
    'tr.suppressed{color:#6b7785}',
  ].join('\n');
}

/**
 * The page's behavior: zoom and pan of the diagram, the detail panel of an element (a
 * group's members, worst N-1 first), and the findings' links, which select their element.
 */
const SCRIPT = `
(function () {
  var data = JSON.parse(document.getElementById('report-data').textContent);
  var cache = [];
  function path(i) {
    if (i < 0) return '';
    if (cache[i] === undefined) {
      var p = data.paths[i];
      cache[i] = p[0] < 0 ? p[1] : path(p[0]) + '/' + p[1];
    }
    return cache[i];
  }
  var byId = {};
  data.elements.forEach(function (e) { byId[e[0]] = e; });
  var svg = document.getElementById('diagram-svg');
  if (!svg) return;
  var vp = document.getElementById('viewport');
  var detail = document.getElementById('detail');
  var W = +svg.getAttribute('data-width'), H = +svg.getAttribute('data-height'), scale = 1;
  function zoom(s, cx, cy) {
    s = Math.max(0.05, Math.min(2, s));
    cx = cx === undefined ? vp.clientWidth / 2 : cx;
    cy = cy === undefined ? vp.clientHeight / 2 : cy;
    var x = (vp.scrollLeft + cx) / scale, y = (vp.scrollTop + cy) / scale;
    scale = s;
    svg.setAttribute('width', String(Math.round(W * s)));
    svg.setAttribute('height', String(Math.round(H * s)));
    vp.scrollLeft = x * s - cx;
    vp.scrollTop = y * s - cy;
  }
  function fit() { zoom(Math.min(1, vp.clientWidth / W, vp.clientHeight / H)); }
  document.querySelectorAll('[data-zoom]').forEach(function (b) {
    b.addEventListener('click', function () {
      var z = b.getAttribute('data-zoom');
      if (z === 'fit') fit(); else if (z === 'in') zoom(scale * 1.25); else if (z === 'out') zoom(scale / 1.25); else zoom(1);
    });
  });
  vp.addEventListener('wheel', function (ev) {
    if (!ev.ctrlKey) return;
    ev.preventDefault();
    var r = vp.getBoundingClientRect();
    zoom(scale * (ev.deltaY < 0 ? 1.15 : 1 / 1.15), ev.clientX - r.left, ev.clientY - r.top);
  }, { passive: false });
  var drag = null;
  vp.addEventListener('mousedown', function (ev) { drag = { x: ev.clientX, y: ev.clientY, l: vp.scrollLeft, t: vp.scrollTop, moved: false }; });
  window.addEventListener('mousemove', function (ev) {
    if (!drag) return;
    var dx = ev.clientX - drag.x, dy = ev.clientY - drag.y;
    if (Math.abs(dx) + Math.abs(dy) > 3) drag.moved = true;
    vp.scrollLeft = drag.l - dx;
    vp.scrollTop = drag.t - dy;
  });
  window.addEventListener('mouseup', function () { setTimeout(function () { drag = null; }, 0); });

  function fmt(v, d) { return v.toLocaleString('en-US', { maximumFractionDigits: d === undefined ? 1 : d }); }
  function pct(u) { return fmt(u * 100) + '%'; }
  function el(tag, text, cls) {
    var e = document.createElement(tag);
    if (text !== undefined) e.textContent = text;
    if (cls) e.className = cls;
    return e;
  }
  function member(m) {
    var o = { path: path(m[0]), label: data.labels[m[1]], unit: data.units[m[2]], load: m[3] };
    if (m.length > 4) { o.capacity = m[4]; o.utilization = m[5]; o.limit = m[6]; }
    if (m.length > 7) o.worst = { failure: path(m[7][0]), own: m[7][1] === 1, load: m[7][2], limit: m[7][3], utilization: m[7][4] };
    return o;
  }
  function worstText(w, unit) {
    return fmt(w.load) + ' of ' + fmt(w.limit) + ' ' + unit + ' (' + pct(w.utilization) + ') ' +
      (w.own ? 'with one of its units lost' : 'when ' + w.failure + ' fails');
  }
  function show(id, focus) {
    var e = byId[id];
    detail.textContent = '';
    var members = e[3].map(member), prefix = path(e[2]);
    detail.appendChild(el('h4', members.length > 1 ? e[1] : members[0].label + ' ' + e[1]));
    detail.appendChild(el('p', (members.length > 1 ? 'under ' : '') + prefix));
    if (members.length === 1) {
      var m = members[0];
      var what = m.label === 'grid connection' ? 'facility' : m.label === 'generator group' ? 'backed load' : 'normal operation';
      if (m.capacity === undefined) detail.appendChild(el('p', fmt(m.load) + ' ' + m.unit + ' design power'));
      else {
        detail.appendChild(el('p', what + ': ' + fmt(m.load) + ' of ' + fmt(m.capacity) + ' ' + m.unit + ' (' + pct(m.utilization) + ', limit ' + pct(m.limit) + ')'));
        if (m.worst) detail.appendChild(el('p', 'worst N-1: ' + worstText(m.worst, m.unit)));
      }
      return;
    }
    members.sort(function (a, b) {
      return ((b.worst ? b.worst.utilization : -1) - (a.worst ? a.worst.utilization : -1)) ||
        ((b.utilization || 0) - (a.utilization || 0)) || (a.path < b.path ? -1 : a.path > b.path ? 1 : 0);
    });
    var rated = members.some(function (m) { return m.capacity !== undefined; });
    var table = el('table'), head = el('tr');
    (rated ? ['member', 'normal', 'worst N-1'] : ['member', 'design power']).forEach(function (h) { head.appendChild(el('th', h)); });
    table.appendChild(head);
    var focused = null;
    members.forEach(function (m) {
      var tr = el('tr');
      tr.appendChild(el('td', m.label + ' ' + (prefix ? m.path.slice(prefix.length + 1) : m.path)));
      tr.appendChild(el('td', m.capacity === undefined ? fmt(m.load) + ' ' + m.unit : pct(m.utilization) + ' of ' + fmt(m.capacity) + ' ' + m.unit));
      if (rated) tr.appendChild(el('td', m.worst ? worstText(m.worst, m.unit) : ''));
      if (m.path === focus) { tr.className = 'focus'; focused = tr; }
      table.appendChild(tr);
    });
    detail.appendChild(table);
    if (focused) focused.scrollIntoView({ block: 'nearest' });
  }
  var selected = null;
  function select(id, focus, scroll) {
    if (selected) selected.classList.remove('hl');
    selected = document.getElementById('el-' + id);
    selected.classList.add('hl');
    show(id, focus);
    if (scroll) {
      var b = selected.getBBox(), t = selected.transform.baseVal.consolidate().matrix;
      vp.scrollLeft = (t.e + b.width / 2) * scale - vp.clientWidth / 2;
      vp.scrollTop = (t.f + b.height / 2) * scale - vp.clientHeight / 2;
      document.getElementById('diagram').scrollIntoView({ block: 'start' });
    }
  }
  svg.addEventListener('click', function (ev) {
    if (drag && drag.moved) return;
    var g = ev.target.closest('[data-element]');
    if (g) select(g.getAttribute('data-element'));
  });
  svg.addEventListener('keydown', function (ev) {
    var g = ev.target.closest('[data-element]');
    if (g && (ev.key === 'Enter' || ev.key === ' ')) { ev.preventDefault(); select(g.getAttribute('data-element')); }
  });
  document.querySelectorAll('a.goto').forEach(function (a) {
    a.addEventListener('click', function (ev) {
      var id = a.getAttribute('data-target');
      if (id) { ev.preventDefault(); select(id, a.getAttribute('data-member'), true); return; }
      var row = document.querySelector(a.getAttribute('href'));
      if (row) {
        var d = row.closest('details');
        if (d) d.open = true;
        document.querySelectorAll('.row.hl').forEach(function (r) { r.classList.remove('hl'); });
        row.classList.add('hl');
      }
    });
  });
  // Opens at 100%, centred on the (first) grid connection.
  var first = document.querySelector('[data-kind="grid-connection"]');
  zoom(1);
  if (first) {
    var t = first.transform.baseVal.consolidate().matrix;
    vp.scrollLeft = t.e + first.getBBox().width / 2 - vp.clientWidth / 2;
  }
})();
`;

function pct(u: number | undefined): string {
  return u === undefined ? '' : `${fmt(u * 100)}%`;
}

/** Coordinates with at most one decimal, for compact and stable SVG. */
function num(v: number): string {
  return String(Math.round(v * 10) / 10);
}

function clip(text: string, chars: number): string {
  return text.length <= chars ? text : `…${text.slice(text.length - chars + 1)}`;
}

function byKey<T>(a: [string, T], b: [string, T]): number {
  return a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0;
}
