/**
 * cdktf records where every token was created (a `Lazy`, a resource attribute reference, ...)
 * as a full stack trace, whatever `stackTraces: false` says; the trace only ever names a
 * token's origin in an error message. At campus scale that capture costs about a tenth of
 * the synth and a quarter of its peak memory, and it changes nothing in the output.
 *
 * `captureTokenStackTraces(false)` skips it: `Error.captureStackTrace` (public) is wrapped
 * once, and the wrapper leaves the target untouched (an empty trace, `creationStack` is
 * `[]`) only when the call comes from cdktf's own capture helpers, recognized by identity
 * (`captureStackTrace` in cdktf 0.21, `captureCreationStack` too in its fork cdktn 0.24).
 * Every other caller gets the original behaviour. If the helpers are not where cdktf keeps
 * them (another version), nothing is patched and tokens keep their traces.
 */

type Capture = (target: object, below?: Function) => void; // eslint-disable-line @typescript-eslint/no-unsafe-function-type

let helpers: ReadonlySet<unknown> | undefined;
let skip = false;

/** cdktf's capture helpers, or an empty set when this cdktf keeps none where expected. */
function cdktfHelpers(): ReadonlySet<unknown> {
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const mod = require('cdktf/lib/tokens/private/stack-trace') as Record<string, unknown>;
    return new Set([mod.captureStackTrace, mod.captureCreationStack].filter((f) => typeof f === 'function'));
  } catch {
    return new Set();
  }
}

/**
 * Whether cdktf captures a stack trace per token from now on in this process (the last app
 * constructed decides; `AiFactoryApp` passes its `stackTraces` setting).
 */
export function captureTokenStackTraces(on: boolean): void {
  skip = !on;
  if (helpers !== undefined) return;
  helpers = cdktfHelpers();
  if (helpers.size === 0) return;
  const known = helpers;
  const original: Capture = Error.captureStackTrace.bind(Error);
  const wrapper: Capture = (target, below) => {
    if (skip && known.has(below)) return;
    // Without `below`, hide this wrapper's own frame as the original would hide nothing.
    original(target, below ?? wrapper);
  };
  Error.captureStackTrace = wrapper;
}
