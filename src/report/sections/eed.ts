import { Evaluation } from '../../evaluate';
import { Kpi } from '../../operations/eed';
import { fmt } from '../../units';
import { esc } from '../escape';

/** The EU data-centre report (Delegated Regulation (EU) 2024/1364) at design stage, one table per site. */
export function eedSection(evaluation: Evaluation): string {
  const { eed } = evaluation.analysis;
  const parts = [
    '<section id="eed">',
    '<h2>EU data-centre report (Delegated Regulation (EU) 2024/1364)</h2>',
    `<p>${esc(eed.basis)}. Sites of at least ${fmt(eed.thresholdKw, 0)} kW installed IT power report.</p>`,
  ];
  const value = (k: Kpi) =>
    k.value === null
      ? ''
      : typeof k.value === 'number'
        ? fmt(k.value, k.unit === '1' || k.unit === 'L/kWh' ? 4 : 1)
        : esc(k.value);
  for (const s of eed.sites) {
    parts.push(
      `<h3>${esc(s.site)}</h3><table><thead><tr><th>symbol</th><th>KPI</th><th>value</th><th>unit</th><th>basis</th><th>how</th></tr></thead><tbody>` +
        s.kpis
          .map(
            (k) =>
              `<tr><td>${esc(k.symbol)}</td><td>${esc(k.name)}</td><td class="num">${value(k)}</td><td>${esc(k.unit)}</td><td>${k.basis}</td><td>${esc(k.note)}</td></tr>`,
          )
          .join('\n') +
        '</tbody></table>',
    );
  }
  if (eed.sites.length === 0) parts.push('<p>No site reaches the threshold.</p>');
  if (eed.belowThreshold.length > 0) {
    parts.push(`<p>Below the threshold (no report due): ${eed.belowThreshold.map(esc).join(', ')}.</p>`);
  }
  parts.push('</section>');
  return parts.join('\n');
}
