import Ajv from 'ajv';
import type { RegExpEngine } from 'ajv/dist/types';

/**
 * CRD patterns are Go (RE2) regular expressions. Kueue's AdmissionCheck CRD writes one as
 * `^(?i)[a-z]([-a-z0-9]*[a-z0-9])?$` (prometheus-operator's PrometheusRule has two more, for
 * `query_offset` and `partial_response_strategy`): the inline flag `(?i)` is not JavaScript syntax, so ajv cannot
 * compile it. It is dropped before the pattern reaches `RegExp`, and the whole pattern is then matched
 * case-insensitively (the copied CRDs only use it right after `^`, where it covers the whole pattern).
 *
 * `code` is how a compiled validator module (src/upstream/validators/, see compiled-validators.ts)
 * imports it: from that folder.
 */
export const goRegExp: RegExpEngine = Object.assign(
  (pattern: string, flags: string) =>
    pattern.includes('(?i)')
      ? new RegExp(pattern.split('(?i)').join(''), `${flags}i`)
      : new RegExp(pattern, flags),
  { code: 'require("../crd-ajv").goRegExp' },
);

/**
 * The ajv instance CRD schemas compile with, at run time and when the validator modules are
 * generated (`source: true` keeps the code for ajv's standalone output); the same options both ways.
 * Formats (`int32`, `date-time`, ...) are not checked; `strict: false` because CRD schemas carry
 * keywords ajv's strict mode rejects (such as `default` under `anyOf`). `optimize: false`: the same
 * checks, compiled in half the time (the code optimizer's passes cost more than they save in one
 * `check`; NicClusterPolicy's schema alone took 150 ms).
 */
export function crdAjv(options: { readonly source?: boolean } = {}): Ajv {
  return new Ajv({
    allErrors: true,
    strict: false,
    validateFormats: false,
    code: { regExp: goRegExp, optimize: false, source: options.source ?? false },
  });
}
