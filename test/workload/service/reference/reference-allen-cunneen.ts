// REFERENCE ONLY (tests): Erlang C and Allen-Cunneen before issue 8.
// Erlang C: the probability that an arrival to an M/M/c queue has to wait.

/**
 * P(wait) for c servers and offered load a = lambda / mu (Erlang units), a < c.
 * Computed through the Erlang B recursion, which is stable for thousands of servers.
 * Returns 1 when a >= c (the queue is unstable: everyone waits).
 */
export function erlangC(c: number, a: number): number {
  if (!(c >= 1)) throw new Error(`erlangC: expected at least 1 server, found ${c}`);
  if (a <= 0) return 0;
  if (a >= c) return 1;
  let b = 1;
  for (let k = 1; k <= c; k++) b = (a * b) / (k + a * b);
  return b / (1 - (a / c) * (1 - b));
}
// Allen-Cunneen approximation for G/G/c: the M/M/c waiting time scaled by
// (ca2 + cs2) / 2, with ca2 and cs2 the squared coefficients of variation of the
// inter-arrival and service times. Kept in the M/M/c shape: P(wait) = Erlang C,
// wait | wait ~ exponential with rate (c mu - lambda) / ((ca2 + cs2) / 2).


export interface WaitShape {
  /** Probability of waiting at all. */
  pWait: number;
  /** Rate of the exponential wait of those who wait (Infinity: no wait). */
  theta: number;
}

/** The approximate waiting-time shape; lambda and meanService in consistent units, rho < 1. */
export function allenCunneenWait(
  lambda: number,
  meanService: number,
  c: number,
  ca2: number,
  cs2: number,
  out: WaitShape = { pWait: 0, theta: Infinity },
): WaitShape {
  const k = (ca2 + cs2) / 2;
  const mu = 1 / meanService;
  if (lambda <= 0 || k <= 1e-12) {
    out.pWait = 0;
    out.theta = Infinity;
    return out;
  }
  out.pWait = erlangC(c, lambda / mu);
  out.theta = (c * mu - lambda) / k;
  return out;
}

/** Allen-Cunneen mean wait: C / (c mu - lambda) x (ca2 + cs2) / 2. */
export function allenCunneenMeanWait(lambda: number, meanService: number, c: number, ca2: number, cs2: number): number {
  const mu = 1 / meanService;
  if (lambda >= c * mu) return Infinity;
  return (erlangC(c, lambda / mu) / (c * mu - lambda)) * ((ca2 + cs2) / 2);
}
