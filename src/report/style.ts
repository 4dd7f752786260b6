import { ColorClass, Side } from './diagram-data';

/** Fill and stroke of each color class, in the diagram and the charts. */
export const COLORS: Record<ColorClass, { readonly fill: string; readonly stroke: string }> = {
  ok: { fill: '#d3efdc', stroke: '#2e7d4f' },
  warn: { fill: '#ffe2a8', stroke: '#b7791f' },
  over: { fill: '#f7c1bb', stroke: '#c0392b' },
  none: { fill: '#e8ebf0', stroke: '#6b7785' },
};

/** Stroke of the feeds leaving an A-side and a B-side piece. */
export const SIDE_COLORS: Record<Side, string> = { A: '#2f6db5', B: '#8a4fb0' };

/** The report's stylesheet, inlined in its `<style>` element. */
export function css(): string {
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
    `.edge{fill:none;stroke:#8792a0;stroke-width:1.2}.edge.side-a{stroke:${SIDE_COLORS.A}}.edge.side-b{stroke:${SIDE_COLORS.B}}.edge.backup{stroke:#6b7785;stroke-dasharray:5 4}.junction{fill:#8792a0}.junction.side-a{fill:${SIDE_COLORS.A}}.junction.side-b{fill:${SIDE_COLORS.B}}.junction.backup{fill:#6b7785}`,
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
