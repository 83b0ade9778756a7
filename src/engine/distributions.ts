// The distributions of the scenario format, sampled from a RandomStream. All values in
// the caller's unit (ecsim uses milliseconds for durations).

import { normalDensity, normalTail } from './normal.js';
import type { RandomStream } from './random.js';

export type Distribution =
  | { distribution: 'fixed'; value: number }
  | { distribution: 'uniform'; min: number; max: number }
  | { distribution: 'exponential'; mean: number }
  | { distribution: 'normal'; mean: number; sd: number }
  | { distribution: 'lognormal'; median: number; p95: number };

/** z such that P(Z <= z) = 0.95 for a standard normal Z. */
export const Z95 = 1.6448536269514722;

export function sample(d: Distribution, rng: RandomStream): number {
  switch (d.distribution) {
    case 'fixed':
      return d.value;
    case 'uniform':
      return d.min + (d.max - d.min) * rng.next();
    case 'exponential':
      return -d.mean * Math.log(1 - rng.next());
    case 'normal':
      return d.mean + d.sd * standardNormal(rng);
    case 'lognormal': {
      const { mu, sigma } = lognormalParams(d.median, d.p95);
      return Math.exp(mu + sigma * standardNormal(rng));
    }
  }
}

/**
 * A duration: a draw clipped at 0 (a normal distribution can go negative), so a normal
 * duration is the rectified normal max(X, 0); durationMean and durationScv are its moments.
 */
export function sampleDuration(d: Distribution, rng: RandomStream): number {
  const x = sample(d, rng);
  return x > 0 ? x : 0;
}

/** mu and sigma of the underlying normal for a lognormal given its median and 95th percentile. */
export function lognormalParams(median: number, p95: number): { mu: number; sigma: number } {
  const mu = Math.log(median);
  return { mu, sigma: (Math.log(p95) - mu) / Z95 };
}

/** Mean of the duration sampleDuration draws (used by both fidelities' service rates). */
export function durationMean(d: Distribution): number {
  switch (d.distribution) {
    case 'fixed':
      return d.value;
    case 'uniform':
      return (d.min + d.max) / 2;
    case 'exponential':
      return d.mean;
    case 'normal':
      return rectifiedNormal(d.mean, d.sd).mean;
    case 'lognormal': {
      const { mu, sigma } = lognormalParams(d.median, d.p95);
      return Math.exp(mu + (sigma * sigma) / 2);
    }
  }
}

/** Squared coefficient of variation (variance / mean^2) of the duration sampleDuration draws. */
export function durationScv(d: Distribution): number {
  switch (d.distribution) {
    case 'fixed':
      return 0;
    case 'uniform': {
      const m = (d.min + d.max) / 2;
      return m === 0 ? 0 : (d.max - d.min) ** 2 / 12 / (m * m);
    }
    case 'exponential':
      return 1;
    case 'normal': {
      const { mean: m, variance } = rectifiedNormal(d.mean, d.sd);
      return m > 0 ? variance / (m * m) : 0;
    }
    case 'lognormal': {
      const { sigma } = lognormalParams(d.median, d.p95);
      return Math.exp(sigma * sigma) - 1;
    }
  }
}

/**
 * Mean and variance of max(X, 0) for X normal(mu, sd), with a = mu / sd:
 * E = mu Phi(a) + sd phi(a), E[Y^2] = (mu^2 + sd^2) Phi(a) + mu sd phi(a).
 */
function rectifiedNormal(mu: number, sd: number): { mean: number; variance: number } {
  if (!(sd > 0)) return { mean: Math.max(mu, 0), variance: 0 };
  const a = mu / sd;
  const cdf = normalTail(-a);
  const pdf = normalDensity(a);
  const m = mu * cdf + sd * pdf;
  const second = (mu * mu + sd * sd) * cdf + mu * sd * pdf;
  return { mean: m, variance: Math.max(0, second - m * m) };
}

/** Box-Muller, one draw of two (keeps each draw independent of call parity). */
function standardNormal(rng: RandomStream): number {
  const u1 = 1 - rng.next(); // (0, 1]
  const u2 = rng.next();
  return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
}
