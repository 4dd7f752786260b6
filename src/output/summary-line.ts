import { Summary } from '../evaluate';
import { fmt } from '../units';

/** The power figures of a design as every report shows them: IT and facility power in MW, PUE. */
export interface PowerFigures {
  /** IT load, e.g. `33 MW` (2 decimals at most). */
  readonly it: string;
  /** Facility power, e.g. `42.9 MW` (2 decimals at most). */
  readonly facility: string;
  /** PUE, e.g. `1.296` (3 decimals at most). */
  readonly pue: string;
}

/**
 * The one place the power figures are formatted: the text summary, `aifactory plan`, the
 * Markdown summary and the HTML report's header all show these strings.
 */
export function powerFigures(s: Pick<Summary, 'itLoadKw' | 'facilityLoadKw' | 'pue'>): PowerFigures {
  return {
    it: `${fmt(s.itLoadKw / 1000, 2)} MW`,
    facility: `${fmt(s.facilityLoadKw / 1000, 2)} MW`,
    pue: fmt(s.pue, 3),
  };
}

/** `IT 33 MW  facility 42.9 MW  PUE 1.3`, the fields joined by `separator`. */
export function powerLine(s: Pick<Summary, 'itLoadKw' | 'facilityLoadKw' | 'pue'>, separator = '  '): string {
  const f = powerFigures(s);
  return [`IT ${f.it}`, `facility ${f.facility}`, `PUE ${f.pue}`].join(separator);
}
