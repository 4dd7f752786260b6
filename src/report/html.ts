import { Evaluation } from '../evaluate';
import { browserScript } from './browser-script';
import { diagramData, FOLD_LIMIT } from './diagram-data';
import { esc } from './escape';
import { layoutDiagram } from './layout';
import { detailJson } from './report-data';
import { capacitySection } from './sections/capacity';
import { diagramSection } from './sections/diagram';
import { eedSection } from './sections/eed';
import { findingsSection } from './sections/findings';
import { header } from './sections/header';
import { headroomSection } from './sections/headroom';
import { css } from './style';

export interface ReportOptions {
  /** Heading of the page. @default 'aifactory report' */
  readonly title?: string;
  /** Most elements drawn before folding. @default FOLD_LIMIT (400) */
  readonly maxElements?: number;
}

/**
 * The HTML report: one self-contained page (inline CSS, SVG and script; nothing loaded from
 * the network) with the totals, the one-line diagram (each piece an SVG element with its
 * construct path in `data-path`, colored by `colorOf`; a click opens its detail, or
 * the members of a group), the capacity charts and the findings, each linked to its element.
 * The same evaluation always gives the same bytes.
 */
export function reportHtml(evaluation: Evaluation, options: ReportOptions = {}): string {
  const title = options.title ?? 'aifactory report';
  const data = diagramData(evaluation, { maxElements: options.maxElements });
  const layout = layoutDiagram(data);
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
    `<script>\n${browserScript()}</script>`,
    '</body>',
    '</html>',
    '',
  ].join('\n');
}
