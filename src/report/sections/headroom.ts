import { Evaluation } from '../../evaluate';
import { headroomEntries, HeadroomEntry } from '../../output/headroom-json';
import { fmt } from '../../units';
import { esc } from '../escape';

/** Pieces of equipment listed in the headroom table, least headroom first. */
export const HEADROOM_ROWS = 40;

/**
 * The headroom section: the power equipment with the least headroom (the lower of its
 * continuous limit and its N-1 safe load, minus its design load), and the racks' range of
 * N-1 safe loads. The same limits are the thresholds of the Prometheus alerts.
 */
export function headroomSection(evaluation: Evaluation): string {
  const entries = headroomEntries(evaluation.design, evaluation.analysis);
  const equipment = entries
    .filter((e) => e.kind !== 'rack' && e.kind !== 'cooling')
    .map((e) => ({ e, ratio: (e.designLoadKw + e.headroomKw) / e.designLoadKw }))
    .filter((x) => x.e.designLoadKw > 0)
    .sort((a, b) => a.ratio - b.ratio || (a.e.path < b.e.path ? -1 : 1));
  const racks = entries.filter((e) => e.kind === 'rack' && e.n1SafeLoadKw !== null);
  const parts = [
    '<section id="headroom">',
    '<h2>Headroom: normal limit and N-1 safe load</h2>',
    '<p>N-1 safe load: the live load above which the worst single failure the analysis found would take a component past 100% of its rating (loads scaled alike). These limits are the thresholds of the Prometheus alerts.</p>',
  ];
  if (racks.length > 0) {
    const lo = racks.reduce((m, r) => (r.n1SafeLoadKw! < m.n1SafeLoadKw! ? r : m));
    const hi = racks.reduce((m, r) => (r.n1SafeLoadKw! > m.n1SafeLoadKw! ? r : m));
    parts.push(
      `<p>Racks: N-1 safe load ${fmt(lo.n1SafeLoadKw!, 1)} kW (${esc(lo.path)}, ${esc(lo.failure ?? '')} failing overloads ${esc(lo.overloaded ?? '')})` +
        (hi.n1SafeLoadKw === lo.n1SafeLoadKw ? '' : ` to ${fmt(hi.n1SafeLoadKw!, 1)} kW (${esc(hi.path)})`) +
        ` against design power of ${fmt(lo.designLoadKw, 1)} kW.</p>`,
    );
  }
  if (equipment.length === 0) {
    parts.push('<p>No loaded power equipment.</p>');
  } else {
    const row = ({ e }: { e: HeadroomEntry }) =>
      `<tr${e.headroomKw < 0 ? ' class="sev-error"' : ''}><td>${esc(e.path)}</td><td>${esc(e.kind)}</td>` +
      `<td class="num">${fmt(e.designLoadKw, 1)}</td><td class="num">${fmt(e.normalLimitKw, 1)}</td>` +
      `<td class="num">${e.n1SafeLoadKw === null ? '' : fmt(e.n1SafeLoadKw, 1)}</td><td class="num">${fmt(e.headroomKw, 1)}</td>` +
      `<td>${esc(e.failure ?? '')}</td></tr>`;
    parts.push(
      `<table><caption>${Math.min(HEADROOM_ROWS, equipment.length)} of ${equipment.length} pieces of equipment, least headroom first (kW)</caption>` +
        '<thead><tr><th>equipment</th><th>kind</th><th>design load</th><th>continuous limit</th><th>N-1 safe load</th><th>headroom</th><th>worst failure</th></tr></thead><tbody>' +
        equipment.slice(0, HEADROOM_ROWS).map(row).join('\n') +
        '</tbody></table>',
    );
  }
  parts.push('</section>');
  return parts.join('\n');
}
