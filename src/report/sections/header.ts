import { Evaluation } from '../../evaluate';
import { fmt } from '../../units';
import { worstCase } from '../diagram-data';
import { esc } from '../escape';
import { worstText } from '../format';
import { powerFigures } from '../../output/summary-line';

/** The page header: the title, the totals and the highest utilization, the worst N-1 case and the findings by severity. */
export function header(evaluation: Evaluation, title: string): string {
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
