import { ColorClass } from './diagram-data';
import { esc } from './escape';
import { clip, num } from './format';

/** A row of a bar chart. */
export interface ChartRow {
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
export function barChart(rows: readonly ChartRow[], marker?: { value: number; label: string }): string {
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
