/**
 * The largest n >= 1 for which `passes(n)` holds, assuming passing is monotone (more load
 * never clears a finding). It starts from a guess, gallops to bracket the boundary, then
 * bisects: about 2 log2(distance from the guess) evaluations. Returns 0 when n = 1 fails.
 * Every answer comes from `passes`, never from the guess.
 */
export function largestPassing(passes: (n: number) => boolean, guess = 1, max = 1_000_000): number {
  let lo: number; // passes
  let hi: number; // fails
  let start = Math.min(Math.max(1, Math.floor(guess)), max);
  if (passes(start)) {
    lo = start;
    let step = 1;
    for (;;) {
      const next = Math.min(lo + step, max);
      if (next === lo) return lo;
      if (!passes(next)) {
        hi = next;
        break;
      }
      lo = next;
      step *= 2;
    }
  } else {
    hi = start;
    let step = 1;
    for (;;) {
      const next = Math.max(hi - step, 0);
      if (next === 0) {
        lo = 0;
        break;
      }
      if (passes(next)) {
        lo = next;
        break;
      }
      hi = next;
      step *= 2;
    }
    start = lo;
  }
  while (hi - lo > 1) {
    const mid = Math.floor((lo + hi) / 2);
    if (passes(mid)) lo = mid;
    else hi = mid;
  }
  return lo;
}
