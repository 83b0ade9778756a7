// Quantiles of a continuous-time tail P(X > t) by safeguarded Newton: Newton steps on
// tail(t) - target using the density, kept inside a bracket [lo, hi] that every evaluation
// narrows; a step that leaves the bracket (or a jump in the tail) falls back to doubling /
// bisection, and before an upper bound is known no step goes further than doubling the distance from lo. From a warm start (last period's answer) it needs 2-4 evaluations where
// plain bisection needs ~60.

/** A tail function that reports its density at the last point asked. */
export interface TailWithDensity {
  /** P(X > t); also sets `density` to -d/dt P(X > t) at t (>= 0). */
  tailAt(t: number): number;
  density: number;
}

/** Newton steps shorter than this (relative) end the search. */
const STEP_TOL = 1e-7;
/** A bracket narrower than this (relative) ends the search (jumps in the tail). */
const BRACKET_TOL = 1e-7;
const MAX_NEWTON = 40;
const MAX_ITER = 300;

/**
 * Smallest t >= lo with tail(t) <= target, for a non-increasing tail with tail(lo) > target.
 * `guess` is where to start (NaN: lo + scale); `scale` > 0 a typical size of t - lo.
 */
export function tailQuantile(f: TailWithDensity, target: number, lo: number, guess: number, scale: number): number {
  const step0 = scale > 0 ? scale : 1;
  let a = lo;
  let b = Infinity;
  let x = guess > lo && guess < Infinity ? guess : lo + step0;
  for (let i = 0; i < MAX_ITER; i++) {
    const r = f.tailAt(x) - target;
    if (r > 0) a = x;
    else if (r < 0) b = x;
    else return x;
    const d = f.density;
    let next = d > 0 && i < MAX_NEWTON ? x + r / d : NaN;
    let newton = true;
    if (b === Infinity) {
      // No upper bound yet: at most double the distance from lo (or add `scale`) per step;
      // a tiny density must not throw the search to 1e200.
      const far = x + Math.max(x - lo, step0);
      if (!(next > a && next < far)) {
        next = far;
        newton = false;
      }
    } else if (!(next > a && next < b)) {
      next = 0.5 * (a + b);
      newton = false;
    }
    if (newton && Math.abs(next - x) <= STEP_TOL * Math.abs(next)) return next;
    if (b !== Infinity && b - a <= BRACKET_TOL * b) return 0.5 * (a + b);
    x = next;
  }
  return b === Infinity ? x : 0.5 * (a + b);
}
