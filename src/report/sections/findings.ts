import { Evaluation } from '../../evaluate';
import { fmt } from '../../units';
import { DiagramData } from '../diagram-data';
import { esc } from '../escape';
import { findingTarget } from '../report-data';

/** The findings table, each path linked to its element in the diagram or its cooling group's chart row. */
export function findingsSection(evaluation: Evaluation, data: DiagramData): string {
  const { findings, design } = evaluation;
  const coolerAt = new Map(design.plant.coolers.map((c) => [c.path, c.index]));
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
