import { Analysis } from '../analysis/analysis';
import { Design } from '../model/design';

export type Severity = 'error' | 'warning' | 'info';

/** What a rule reports; the engine adds the rule's id and severity and any suppression. */
export interface Violation {
  /** Construct path of the thing at fault. */
  readonly path: string;
  /** One line with the measured value, the limit and the unit. */
  readonly message: string;
  readonly measured?: number;
  readonly limit?: number;
  readonly unit?: string;
}

export interface Rule {
  /** `PACK-NNN`, for example `PWR-001`. */
  readonly id: string;
  readonly severity: Severity;
  readonly pack: string;
  /** One line: what the rule demands. */
  readonly description: string;
  /** A paragraph: why, and how to fix a finding. */
  readonly help: string;
  /** The violations in a design (plant, platform, cloud) given its analysis (load flow, N-1, cooling, sites). */
  check(design: Design, analysis: Analysis): Violation[];
}

/** A built-in rule as its file states it: `definePack` gives it its pack. */
export type PackRule = Omit<Rule, 'pack'>;

export interface Finding {
  readonly ruleId: string;
  readonly severity: Severity;
  readonly path: string;
  readonly message: string;
  readonly measured: number | null;
  readonly limit: number | null;
  readonly unit: string | null;
  readonly suppressed: boolean;
  readonly reason: string | null;
}
