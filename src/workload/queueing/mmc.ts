// M/M/c closed forms built on Erlang C: waiting time W is 0 with probability 1 - C and
// exponential with rate c*mu - lambda otherwise; sojourn = W + an exponential(mu) service.

import { erlangC } from './erlang-c.js';

/** Mean time in queue: C / (c mu - lambda). */
export function mmcMeanWait(lambda: number, mu: number, c: number): number {
  if (lambda >= c * mu) return Infinity;
  return erlangC(c, lambda / mu) / (c * mu - lambda);
}

/** P(W > t) = C exp(-(c mu - lambda) t). */
export function mmcWaitTail(lambda: number, mu: number, c: number, t: number): number {
  if (lambda >= c * mu) return 1;
  return erlangC(c, lambda / mu) * Math.exp(-(c * mu - lambda) * t);
}

/** p-quantile of W: 0 when p <= 1 - C, else ln(C / (1 - p)) / (c mu - lambda). */
export function mmcWaitQuantile(lambda: number, mu: number, c: number, p: number): number {
  if (lambda >= c * mu) return Infinity;
  const pw = erlangC(c, lambda / mu);
  if (p <= 1 - pw) return 0;
  return Math.log(pw / (1 - p)) / (c * mu - lambda);
}

/**
 * P(W + S > t) for W = 0 w.p. 1 - pWait, exponential(theta) w.p. pWait, and S
 * exponential(mu): the M/M/c sojourn tail when pWait = C and theta = c mu - lambda.
 */
export function waitPlusExpTail(pWait: number, theta: number, mu: number, t: number): number {
  const es = Math.exp(-mu * t);
  if (pWait <= 0) return es;
  let conv: number; // P(Exp(theta) + Exp(mu) > t)
  if (Math.abs(theta - mu) < 1e-9 * mu) conv = (1 + mu * t) * es;
  else conv = (theta * es - mu * Math.exp(-theta * t)) / (theta - mu);
  return (1 - pWait) * es + pWait * conv;
}

/** P(sojourn > t) in M/M/c. */
export function mmcSojournTail(lambda: number, mu: number, c: number, t: number): number {
  if (lambda >= c * mu) return 1;
  return waitPlusExpTail(erlangC(c, lambda / mu), c * mu - lambda, mu, t);
}

/** p-quantile of the M/M/c sojourn time (solved numerically on the closed-form tail). */
export function mmcSojournQuantile(lambda: number, mu: number, c: number, p: number): number {
  if (lambda >= c * mu) return Infinity;
  const pw = erlangC(c, lambda / mu);
  const theta = c * mu - lambda;
  return solveTail((t) => waitPlusExpTail(pw, theta, mu, t), 1 - p, 1 / mu);
}

/** Smallest t with tail(t) <= target for a non-increasing tail; `scale` is a typical size of t. */
export function solveTail(tail: (t: number) => number, target: number, scale: number): number {
  if (tail(0) <= target) return 0;
  let hi = scale > 0 ? scale : 1;
  for (let i = 0; i < 200 && tail(hi) > target; i++) hi *= 2;
  let lo = 0;
  for (let i = 0; i < 50; i++) {
    const mid = 0.5 * (lo + hi);
    if (tail(mid) > target) lo = mid;
    else hi = mid;
    if (hi - lo <= 1e-7 * hi) break;
  }
  return 0.5 * (lo + hi);
}
