// Student's t quantile for whole degrees of freedom, for confidence intervals over
// replications. No small, well-kept npm package was installed, so: the exact closed form
// of the t distribution for integer df (Abramowitz & Stegun 26.7.3 and 26.7.4), inverted
// by bisection to full double precision.

/** The p-quantile of Student's t with `df` (a whole number >= 1) degrees of freedom. */
export function studentTQuantile(p: number, df: number): number {
  if (!(p > 0 && p < 1)) throw new Error(`t quantile: expected a probability strictly between 0 and 1, found ${p}`);
  if (!Number.isInteger(df) || df < 1) throw new Error(`t quantile: expected whole degrees of freedom >= 1, found ${df}`);
  if (p === 0.5) return 0;
  const target = Math.abs(2 * p - 1);
  let lo = 0;
  let hi = 1;
  while (centralProbability(hi, df) < target) {
    lo = hi;
    hi *= 2;
    if (hi > 1e300) break;
  }
  for (let i = 0; i < 200 && hi - lo > 1e-15 * hi; i++) {
    const mid = (lo + hi) / 2;
    if (centralProbability(mid, df) < target) lo = mid;
    else hi = mid;
  }
  const t = (lo + hi) / 2;
  return p < 0.5 ? -t : t;
}

/** A(t | df) = P(|T| <= t) for t >= 0 (A&S 26.7.3 odd df, 26.7.4 even df). */
export function centralProbability(t: number, df: number): number {
  const theta = Math.atan(t / Math.sqrt(df));
  const cos = Math.cos(theta);
  const cos2 = cos * cos;
  const sin = Math.sin(theta);
  if (df % 2 === 1) {
    if (df === 1) return (2 / Math.PI) * theta;
    let term = cos;
    let sum = cos;
    for (let k = 1; k <= (df - 3) / 2; k++) {
      term *= (cos2 * (2 * k)) / (2 * k + 1);
      sum += term;
    }
    return (2 / Math.PI) * (theta + sin * sum);
  }
  let term = 1;
  let sum = 1;
  for (let k = 1; k <= (df - 2) / 2; k++) {
    term *= (cos2 * (2 * k - 1)) / (2 * k);
    sum += term;
  }
  return sin * sum;
}
