// Test helpers, by hand from the M/M/c formulas (not from src): the sojourn-time tail of an
// M/M/c queue and quantiles of mixtures of such tails by bisection. Times in ms.
//
// Erlang C: C(c, a) = (a^c / c!) / (1 - rho) / (sum_{k<c} a^k / k! + (a^c / c!) / (1 - rho)),
// a = lambda / mu, rho = a / c. A request waits with probability C, and its wait is then
// Exp(theta), theta = c mu - lambda; its service is Exp(mu). So
//   P(T > t) = (1 - C) e^(-mu t) + C P(Exp(theta) + Exp(mu) > t),
//   P(Exp(theta) + Exp(mu) > t) = (theta e^(-mu t) - mu e^(-theta t)) / (theta - mu),
// and (1 + mu t) e^(-mu t) when theta = mu.

export interface MMc {
  /** Arrival rate, per ms. */
  lambda: number;
  /** Service rate of one slot, per ms. */
  mu: number;
  c: number;
}

export function erlangCBySum(c: number, a: number): number {
  let sum = 0;
  let term = 1; // a^k / k!
  for (let k = 0; k < c; k++) {
    sum += term;
    term *= a / (k + 1);
  }
  const top = term / (1 - a / c); // a^c / c! / (1 - rho)
  return top / (sum + top);
}

export function mmcSojournTail(q: MMc, t: number): number {
  const { lambda, mu, c } = q;
  const C = erlangCBySum(c, lambda / mu);
  const theta = c * mu - lambda;
  const conv = Math.abs(theta - mu) < 1e-12 * mu ? (1 + mu * t) * Math.exp(-mu * t) : (theta * Math.exp(-mu * t) - mu * Math.exp(-theta * t)) / (theta - mu);
  return (1 - C) * Math.exp(-mu * t) + C * conv;
}

/** The p-quantile of a mixture of M/M/c sojourn times (weights need not sum to 1), by bisection. */
export function mixtureQuantile(parts: { weight: number; queue: MMc }[], p: number): number {
  const total = parts.reduce((s, x) => s + x.weight, 0);
  const tail = (t: number) => parts.reduce((s, x) => s + x.weight * mmcSojournTail(x.queue, t), 0) / total;
  let lo = 0;
  let hi = 1;
  while (tail(hi) > 1 - p) hi *= 2;
  for (let i = 0; i < 200; i++) {
    const mid = 0.5 * (lo + hi);
    if (tail(mid) > 1 - p) lo = mid;
    else hi = mid;
  }
  return 0.5 * (lo + hi);
}
