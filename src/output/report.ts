import { Evaluation } from '../evaluate';
import { fmt } from '../units';
import { headroomEntries } from './headroom-json';
import { powerLine } from './summary-line';

/**
 * The findings document of DESIGN §5, as printed by `check --format json` and written to
 * `reports/findings.json`, with the headroom of every component (DESIGN §7). Keys in a fixed
 * order, two-space indent, trailing newline.
 */
export function findingsJson(evaluation: Evaluation): string {
  const { summary: s } = evaluation;
  const doc = {
    summary: {
      sites: s.sites,
      racks: s.racks,
      gpus: s.gpus,
      itLoadKw: s.itLoadKw,
      facilityLoadKw: s.facilityLoadKw,
      pue: s.pue,
    },
    findings: evaluation.findings.map((f) => ({
      ruleId: f.ruleId,
      severity: f.severity,
      path: f.path,
      message: f.message,
      measured: f.measured,
      limit: f.limit,
      unit: f.unit,
      suppressed: f.suppressed,
      reason: f.reason,
    })),
    headroom: headroomEntries(evaluation.design, evaluation.analysis),
  };
  return JSON.stringify(doc, null, 2) + '\n';
}

/** The capacity summary as a few lines of text. */
export function summaryText(evaluation: Evaluation): string {
  const { summary: s, highest, findings } = evaluation;
  const count = (sev: string, suppressed = false) =>
    findings.filter((f) => f.severity === sev && f.suppressed === suppressed).length;
  const suppressed = findings.filter((f) => f.suppressed).length;
  const cloud = evaluation.design.cloud.totals;
  const range = (a: number, b: number, digits = 0) =>
    a === b ? fmt(a, digits) : `${fmt(a, digits)}-${fmt(b, digits)}`;
  const lines = [
    `sites ${s.sites}  racks ${fmt(s.racks, 0)}  GPUs ${fmt(s.gpus, 0)}`,
    powerLine(s),
    ...(cloud.gpusMax > 0
      ? [
          `cloud GPUs ${range(cloud.gpusMin, cloud.gpusMax)}  estimated ${range(cloud.estimatedPowerKwMin, cloud.estimatedPowerKwMax, 1)} kW (an estimate, not a provider figure)`,
        ]
      : []),
    highest
      ? `highest utilization ${fmt(highest.utilization * 100)}% (${highest.label} ${highest.path})`
      : 'highest utilization: no equipment',
    `findings: ${count('error')} error(s), ${count('warning')} warning(s), ${count('info')} info, ${suppressed} suppressed`,
  ];
  return lines.join('\n') + '\n';
}

/** The text report: the capacity summary, then the findings (`check`, `synth`, a direct run). */
export function reportText(evaluation: Evaluation): string {
  return summaryText(evaluation) + findingsText(evaluation);
}

/** Findings as text, one per line, suppressed ones with their reason. */
export function findingsText(evaluation: Evaluation): string {
  return evaluation.findings
    .map((f) => {
      const head = `${f.severity.toUpperCase().padEnd(7)} ${f.ruleId} ${f.path}: ${f.message}`;
      return f.suppressed ? `${head} [suppressed: ${f.reason}]` : head;
    })
    .map((l) => l + '\n')
    .join('');
}
