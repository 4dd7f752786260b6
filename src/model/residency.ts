import { IConstruct } from 'constructs';
import { DesignError } from '../errors';

const RESIDENCY = Symbol.for('aifactory.residency');

/** Jurisdictions allowed where no scope says otherwise: the EU. */
export const DEFAULT_ALLOWED_JURISDICTIONS: readonly string[] = ['EU'];

/** The residency that applies to a construct, and where it comes from. */
export interface ResidencyScope {
  /** Jurisdictions ('EU') or ISO 3166-1 alpha-2 country codes ('CH', 'FR'). */
  readonly allowed: readonly string[];
  /** Path of the scope that set it; undefined: the default (EU). */
  readonly setBy?: string;
}

/**
 * Where the cloud locations of a site or an app may lie (RES-001). `Residency.allow(scope,
 * ['EU', 'CH'])` covers `scope` and everything below it; the nearest ancestor that sets one
 * wins. An entry is a jurisdiction ('EU') or a country code: a location passes when its
 * country or its jurisdiction is listed. Without any, the EU.
 */
export class Residency {
  /** Allows `jurisdictions` for every cloud location at or below `scope`. */
  static allow(scope: IConstruct, jurisdictions: readonly string[]): void {
    const path = scope.node.path;
    if (!Array.isArray(jurisdictions) || jurisdictions.length === 0) {
      throw new DesignError(path, "Residency.allow needs at least one jurisdiction, for example ['EU']");
    }
    for (const j of jurisdictions) {
      if (typeof j !== 'string' || !/^[A-Z]{2,3}$/.test(j)) {
        throw new DesignError(
          path,
          `Residency.allow: '${String(j)}' is not a jurisdiction ('EU') or an ISO 3166-1 alpha-2 country code ('CH')`,
        );
      }
    }
    const holder = scope as unknown as { [RESIDENCY]?: readonly string[] };
    if (holder[RESIDENCY]) {
      throw new DesignError(path, `residency is already set here: ${holder[RESIDENCY].join(', ')}`);
    }
    holder[RESIDENCY] = [...new Set(jurisdictions)];
  }

  /** The residency of the nearest scope at or above `c` that sets one, else the default (EU). */
  static of(c: IConstruct): ResidencyScope {
    for (let s: IConstruct | undefined = c; s; s = s.node.scope) {
      const allowed = (s as unknown as { [RESIDENCY]?: readonly string[] })[RESIDENCY];
      if (allowed) return { allowed, setBy: s.node.path };
    }
    return { allowed: DEFAULT_ALLOWED_JURISDICTIONS };
  }
}
