// Allen-Cunneen approximation for G/G/c: the M/M/c waiting time scaled by
// (ca2 + cs2) / 2, with ca2 and cs2 the squared coefficients of variation of the
// inter-arrival and service times. Kept in the M/M/c shape: P(wait) = Erlang C,
// wait | wait ~ exponential with rate (c mu - lambda) / ((ca2 + cs2) / 2).

import { erlangC } from './erlang-c.js';

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
