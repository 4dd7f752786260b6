import { RootConstruct } from 'constructs';
import { blueprint, BLUEPRINTS, Topology } from '../blueprints';
import { Site } from '../constructs';
import { evaluate, Evaluation } from '../src/evaluate';
import { hasErrors } from '../src/policy/engine';
import { installedCapacity, Installed } from '../src/planning/installed';
import { largestPassing } from '../src/planning/search';
import { fmt } from '../src/units';
import { powerLine } from '../src/output/summary-line';
import { UsageError } from './load-app';

/** The largest grid connection `plan` lays out, MW. */
export const MAX_GRID_MW = 2_000;

export interface PlanOptions {
  readonly blueprint: string;
  readonly gridMw: number;
  /** Declared PUE: facility = IT x PUE and no heat rejection plant; undefined: the blueprint's plant. */
  readonly pue?: number;
}

export interface PlanResult {
  readonly blueprint: string;
  readonly gridMw: number;
  readonly pue: number | null;
  /** Scalable units, racks and GPUs of the largest design that passes every check. */
  readonly sus: number;
  readonly racks: number;
  readonly gpus: number;
  readonly itLoadKw: number;
  readonly facilityLoadKw: number;
  readonly designPue: number;
  /** The first error finding of one more SU: the check that binds first. */
  readonly binding: { readonly racks: number; readonly ruleId: string; readonly message: string } | null;
  /**
   * The same racks on the same grid in each redundancy topology: installed UPS and
   * transformer capacity per IT MW, and the N-1 result (PWR-002 and PWR-004 findings).
   */
  readonly topologies: readonly TopologyResult[];
}

export interface TopologyResult extends Installed {
  readonly topology: Topology;
  /** PWR-002 and PWR-004 error findings: 0 when the topology passes N-1. */
  readonly n1Findings: number;
  /** Every error finding of the design. */
  readonly errors: number;
}

const TOPOLOGIES: readonly Topology[] = ['2n', 'distributed-redundant', 'block-redundant'];

/**
 * Capacity planning: the largest number of scalable units of a blueprint that passes every
 * check on a grid connection, found by running the real checks (not a formula).
 */
export function plan(options: PlanOptions): PlanResult {
  const b = BLUEPRINTS.find((x) => x.id === options.blueprint);
  if (!b) {
    throw new UsageError(
      `--blueprint: unknown blueprint '${options.blueprint}'; known: ${BLUEPRINTS.map((x) => x.id).join(', ')}`,
    );
  }
  if (!(options.gridMw > 0) || !Number.isFinite(options.gridMw)) {
    throw new UsageError(`--grid-mw must be a number > 0, got ${options.gridMw}`);
  }
  // One site on one grid connection: the plan lays out every rack, so its time and memory
  // grow with the grid (about 25 s at 2 GW; 1e6 MW would exhaust the heap).
  if (options.gridMw > MAX_GRID_MW) {
    throw new UsageError(
      `--grid-mw must be at most ${MAX_GRID_MW} (one site on one grid connection), got ${options.gridMw}`,
    );
  }
  if (options.pue !== undefined && !(options.pue >= 1 && Number.isFinite(options.pue))) {
    throw new UsageError(`--pue must be a number >= 1, got ${options.pue}`);
  }
  const perSu = b.assumptions.racksPerSu;
  const cache = new Map<number, Evaluation>();
  const at = (sus: number, topology?: Topology): Evaluation => {
    let e = topology ? undefined : cache.get(sus);
    if (!e) {
      const root = new RootConstruct();
      const site = new Site(root, 'site', {
        country: 'FR',
        gridConnectionMw: options.gridMw,
        designPue: options.pue,
      });
      blueprint(b.id).build(site, 'building', {
        racks: sus * perSu,
        ...(options.pue !== undefined ? { heatRejection: 'none' as const } : {}),
        ...(topology ? { topology } : {}),
      });
      e = evaluate(root);
      if (!topology) cache.set(sus, e);
    }
    return e;
  };
  const passes = (sus: number) => !hasErrors(at(sus).findings);
  // A first guess from one SU's real facility power; the answer itself comes from the checks.
  const one = at(1).summary;
  const guess = one.facilityLoadKw > 0 ? (options.gridMw * 1000) / one.facilityLoadKw : 1;
  const sus = largestPassing(passes, guess);
  const best = sus > 0 ? at(sus).summary : undefined;
  const next = at(sus + 1);
  const first = next.findings.find((f) => f.severity === 'error' && !f.suppressed);
  return {
    blueprint: b.id,
    gridMw: options.gridMw,
    pue: options.pue ?? null,
    sus,
    racks: best?.racks ?? 0,
    gpus: best?.gpus ?? 0,
    itLoadKw: best?.itLoadKw ?? 0,
    facilityLoadKw: best?.facilityLoadKw ?? 0,
    designPue: best?.pue ?? 0,
    binding: first ? { racks: next.summary.racks, ruleId: first.ruleId, message: first.message } : null,
    topologies:
      sus > 0
        ? TOPOLOGIES.map((topology): TopologyResult => {
            const e = at(sus, topology);
            const errors = e.findings.filter((f) => f.severity === 'error' && !f.suppressed);
            return {
              topology,
              ...installedCapacity(e.design, e.analysis),
              n1Findings: errors.filter((f) => f.ruleId === 'PWR-002' || f.ruleId === 'PWR-004').length,
              errors: errors.length,
            };
          })
        : [],
  };
}

export function planText(r: PlanResult): string {
  const cooling = r.pue === null ? 'PUE from the blueprint cooling plant' : `declared PUE ${r.pue}`;
  const lines = [`blueprint ${r.blueprint} on a ${fmt(r.gridMw, 3)} MW grid connection (${cooling})`];
  lines.push(
    r.sus > 0
      ? `fits ${fmt(r.racks, 0)} racks (${fmt(r.sus, 0)} SUs), ${fmt(r.gpus, 0)} GPUs: ${powerLine({ itLoadKw: r.itLoadKw, facilityLoadKw: r.facilityLoadKw, pue: r.designPue }, ', ')}`
      : 'fits nothing: one scalable unit already fails',
  );
  if (r.binding)
    lines.push(`${fmt(r.binding.racks, 0)} racks fail ${r.binding.ruleId}: ${r.binding.message}`);
  if (r.topologies.length > 0) {
    lines.push(`the same ${fmt(r.racks, 0)} racks per redundancy topology (installed per IT MW, N-1):`);
    for (const t of r.topologies) {
      const n1 =
        t.n1Findings === 0
          ? `N-1 passes (worst ${fmt(t.worstN1 * 100)}%)`
          : `N-1 fails (${t.n1Findings} PWR-002/PWR-004 findings, worst ${fmt(t.worstN1 * 100)}%)`;
      lines.push(
        `  ${t.topology.padEnd(21)} UPS ${fmt(t.upsPerItMw, 2)} MW, MV/LV transformers or rectifiers ${fmt(t.transformerMvaPerItMw, 2)} MVA; ${n1}; ${t.errors} error(s) in all`,
      );
    }
  }
  return lines.join('\n') + '\n';
}
