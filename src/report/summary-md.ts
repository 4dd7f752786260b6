import { Evaluation } from '../evaluate';
import { Finding, Severity } from '../policy/rule';
import { fmt } from '../units';
import { powerFigures } from '../output/summary-line';
import { worstCase } from './diagram-data';
import { mdCode, mdText } from './markdown';

/** Most error findings listed in the summary's table; the rest are counted. */
export const SUMMARY_MAX_ERRORS = 20;

/**
 * A short Markdown summary for a pull-request comment or a CI job summary: the totals, the
 * highest utilization, the worst N-1 case, the findings by severity and a table of the error
 * findings (at most {@link SUMMARY_MAX_ERRORS} rows, then how many more). Suppressed findings
 * are counted apart and never listed as errors. Deterministic, with a trailing newline.
 */
export function summaryMarkdown(evaluation: Evaluation): string {
  const { summary: s, highest, findings } = evaluation;
  const active = (sev: Severity) => findings.filter((f) => f.severity === sev && !f.suppressed);
  const errors = active('error');
  const suppressed = findings.filter((f) => f.suppressed).length;
  const worst = worstCase(evaluation);
  const power = powerFigures(s);
  const lines = [
    `### aifactory: ${verdict(errors.length, active('warning').length)}`,
    '',
    '| sites | racks | GPUs | IT | facility | PUE |',
    '|---:|---:|---:|---:|---:|---:|',
    `| ${fmt(s.sites, 0)} | ${fmt(s.racks, 0)} | ${fmt(s.gpus, 0)} | ${power.it} | ${power.facility} | ${power.pue} |`,
    '',
    highest
      ? `- **Highest utilization** in normal operation: ${fmt(highest.utilization * 100)}% of the rating, ${mdText(highest.label)} ${mdCode(highest.path)}`
      : '- **Highest utilization**: no equipment',
    worst
      ? `- **Worst N-1 case**: ${fmt(worst.utilization * 100)}%, ${mdCode(worst.path)} carries ${fmt(worst.load)} of ${fmt(worst.limit)} ${worst.unit} ${worst.ownUnit ? 'with one of its units lost' : `when ${mdCode(worst.failure)} fails`}`
      : '- **Worst N-1 case**: no single failure raises a load',
    `- **Findings**: ${errors.length} error(s), ${active('warning').length} warning(s), ${active('info').length} info, ${suppressed} suppressed`,
  ];
  if (errors.length > 0) {
    lines.push('', '| rule | path | measured | limit | unit | message |', '|---|---|---:|---:|---|---|');
    for (const f of errors.slice(0, SUMMARY_MAX_ERRORS)) lines.push(errorRow(f));
    if (errors.length > SUMMARY_MAX_ERRORS) lines.push('', `and ${errors.length - SUMMARY_MAX_ERRORS} more`);
  }
  return lines.join('\n') + '\n';
}

function verdict(errors: number, warnings: number): string {
  if (errors > 0) return `${errors} error finding(s): the design does not pass`;
  return `the design passes every check${warnings > 0 ? ` (${warnings} warning(s))` : ''}`;
}

function errorRow(f: Finding): string {
  const n = (v: number | null) => (v === null ? '' : fmt(v, 2));
  return `| ${mdText(f.ruleId)} | ${mdCode(f.path)} | ${n(f.measured)} | ${n(f.limit)} | ${mdText(f.unit ?? '')} | ${mdText(f.message)} |`;
}
