import { IConstruct } from 'constructs';
import { analyze, Analysis, AnalysisOptions, SiteLoad } from './analysis/analysis';
import { buildDesign, Design } from './model/design';
import { checkIds } from './model/ids';
import { runRules } from './policy/engine';
import { rulesFor } from './policy/registry';
import { Finding, Rule } from './policy/rule';
import { round, toKw } from './units';

/** The capacity summary of DESIGN §5, in the units the JSON report uses. */
export interface Summary {
  readonly sites: number;
  readonly racks: number;
  readonly gpus: number;
  readonly itLoadKw: number;
  readonly facilityLoadKw: number;
  readonly pue: number;
}

export interface Utilization {
  readonly path: string;
  readonly label: string;
  /** Load as a fraction of the 100% rating. */
  readonly utilization: number;
}

export interface Evaluation {
  /** The plain design read from the tree: plant, platform, cloud, suppressions. */
  readonly design: Design;
  /** The results: load flow, N-1, cooling, site loads, power rules. */
  readonly analysis: Analysis;
  readonly findings: readonly Finding[];
  readonly summary: Summary;
  /** The most loaded piece of equipment in normal operation, against its 100% rating. */
  readonly highest?: Utilization;
  /** The rules that ran (built-in and user), for the reports that list rules (SARIF, JUnit). */
  readonly rules: readonly Rule[];
}

/**
 * Reads the design under `root` once, analyses it (load flow, N-1) and runs the rules over
 * both: by default the built-in ones plus the user rules registered on `root`.
 */
export function evaluate(
  root: IConstruct,
  rules: readonly Rule[] = rulesFor(root),
  options: AnalysisOptions = {},
): Evaluation {
  checkIds(root);
  const design = buildDesign(root);
  const analysis = analyze(design, options);
  return {
    design,
    analysis,
    findings: runRules(design, analysis, rules),
    summary: summarize(analysis.sites),
    highest: highest(design, analysis),
    rules,
  };
}

/** Totals over the sites' loads. */
export function summarize(sites: readonly SiteLoad[]): Summary {
  let racks = 0;
  let gpus = 0;
  let itW = 0;
  let facilityW = 0;
  for (const s of sites) {
    racks += s.racks;
    gpus += s.gpus;
    itW += s.itW;
    facilityW += s.facilityW;
  }
  return {
    sites: sites.length,
    racks,
    gpus,
    itLoadKw: round(toKw(itW)),
    facilityLoadKw: round(toKw(facilityW)),
    pue: itW > 0 ? round(facilityW / itW, 4) : 0,
  };
}

function highest({ plant }: Design, { flow }: Analysis): Utilization | undefined {
  let best: Utilization | undefined;
  for (const node of plant.nodes) {
    if (node.rack || node.kind === 'grid-connection') continue;
    const u = flow.outW[node.index] / node.capacityW;
    if (!best || u > best.utilization) best = { path: node.path, label: node.label, utilization: u };
  }
  return best;
}
