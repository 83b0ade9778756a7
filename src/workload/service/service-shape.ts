// The service-time distribution in the form the fluid latency model needs: its exact
// tail P(S > t) and density, and a table of quantiles to convolve with an exponential wait.
// Everything that does not depend on t (lognormal mu/sigma, rates) is computed once here.

import { lognormalParams, type Distribution } from '../../engine/index.js';
import { normalDensity, normalQuantile, normalTail } from '../../engine/index.js';

const TABLE_SIZE = 64;

export interface ServiceShape {
  dist: Distribution;
  /** Multiplier applied to every sample (see resolve-config.ts). */
  stretch: number;
  /** Exponential service: rate 1/ms (closed-form convolution); 0 otherwise. */
  expRate: number;
  /** Quantiles at (k + 0.5) / TABLE_SIZE, ms, ascending. */
  table: Float64Array;
  /** Lognormal: mu and sigma of log(S / stretch); 0 otherwise. */
  lnMu: number;
  lnSigma: number;
}

export function serviceShape(given: Distribution, stretch: number): ServiceShape {
  const dist = pointMassOf(given);
  const table = new Float64Array(TABLE_SIZE);
  for (let k = 0; k < TABLE_SIZE; k++) table[k] = stretch * quantile(dist, (k + 0.5) / TABLE_SIZE);
  const expRate = dist.distribution === 'exponential' ? 1 / (dist.mean * stretch) : 0;
  const ln = dist.distribution === 'lognormal' ? lognormalParams(dist.median, dist.p95) : { mu: 0, sigma: 0 };
  return { dist, stretch, expRate, table, lnMu: ln.mu, lnSigma: ln.sigma };
}

/**
 * A distribution with no spread as the point mass it is: a lognormal with p95 == median has
 * sigma 0 and its tail (log x - mu) / sigma would be 0/0; a normal with sd 0 likewise.
 */
function pointMassOf(d: Distribution): Distribution {
  if (d.distribution === 'lognormal' && !(lognormalParams(d.median, d.p95).sigma > 0)) return { distribution: 'fixed', value: d.median };
  if (d.distribution === 'normal' && !(d.sd > 0)) return { distribution: 'fixed', value: Math.max(0, d.mean) };
  if (d.distribution === 'uniform' && d.max === d.min) return { distribution: 'fixed', value: d.min };
  return d;
}

/** P(S > t), S already stretched; negative draws (normal) count as 0. */
export function serviceTail(shape: ServiceShape, t: number): number {
  if (t < 0) return 1;
  const d = shape.dist;
  const x = t / shape.stretch;
  switch (d.distribution) {
    case 'fixed':
      return x < d.value ? 1 : 0;
    case 'uniform':
      return x < d.min ? 1 : x >= d.max ? 0 : (d.max - x) / (d.max - d.min);
    case 'exponential':
      return Math.exp(-x / d.mean);
    case 'normal':
      return d.sd > 0 ? normalTail((x - d.mean) / d.sd) : x < d.mean ? 1 : 0;
    case 'lognormal':
      return x <= 0 ? 1 : normalTail((Math.log(x) - shape.lnMu) / shape.lnSigma);
  }
}

/** serviceTail(shape, t), and its density (-d/dt) at t written to out.density. */
export function serviceTailDensity(shape: ServiceShape, t: number, out: { density: number }): number {
  if (t < 0) {
    out.density = 0;
    return 1;
  }
  const d = shape.dist;
  if (d.distribution === 'exponential') {
    const e = Math.exp(-t / shape.stretch / d.mean);
    out.density = e * shape.expRate;
    return e;
  }
  if (d.distribution === 'lognormal') {
    const x = t / shape.stretch;
    if (x <= 0) {
      out.density = 0;
      return 1;
    }
    const z = (Math.log(x) - shape.lnMu) / shape.lnSigma;
    out.density = normalDensity(z) / (shape.lnSigma * t);
    return normalTail(z);
  }
  out.density = serviceDensity(shape, t);
  return serviceTail(shape, t);
}

/** Density of S at t (-d/dt of serviceTail), per ms; 0 at the jumps of fixed/degenerate laws. */
export function serviceDensity(shape: ServiceShape, t: number): number {
  if (t < 0) return 0;
  const d = shape.dist;
  const s = shape.stretch;
  const x = t / s;
  switch (d.distribution) {
    case 'fixed':
      return 0;
    case 'uniform':
      return x < d.min || x >= d.max ? 0 : 1 / ((d.max - d.min) * s);
    case 'exponential':
      return Math.exp(-x / d.mean) / (d.mean * s);
    case 'normal':
      return d.sd > 0 ? normalDensity((x - d.mean) / d.sd) / (d.sd * s) : 0;
    case 'lognormal':
      return x <= 0 ? 0 : normalDensity((Math.log(x) - shape.lnMu) / shape.lnSigma) / (shape.lnSigma * x * s);
  }
}

/** P(S <= t) quantile of the unstretched distribution, clamped at 0. */
function quantile(d: Distribution, p: number): number {
  switch (d.distribution) {
    case 'fixed':
      return d.value;
    case 'uniform':
      return d.min + (d.max - d.min) * p;
    case 'exponential':
      return -d.mean * Math.log(1 - p);
    case 'normal':
      return Math.max(0, d.mean + d.sd * normalQuantile(p));
    case 'lognormal': {
      const { mu, sigma } = lognormalParams(d.median, d.p95);
      return Math.exp(mu + sigma * normalQuantile(p));
    }
  }
}

/**
 * P(W + S > t) where W is 0 with probability 1 - pWait and exponential(theta) otherwise,
 * independent of S. Exponential S: closed form; otherwise S is taken as the quantile table
 * (TABLE_SIZE equally likely atoms) inside the convolution. The reference form; the fluid
 * model evaluates the same function faster through WaitPlusService (wait-plus-service.ts).
 */
export function waitPlusServiceTail(shape: ServiceShape, pWait: number, theta: number, t: number): number {
  const noWait = serviceTail(shape, t);
  if (pWait <= 0) return noWait;
  let conv: number;
  const mu = shape.expRate;
  if (mu > 0) {
    const es = Math.exp(-mu * t);
    conv = Math.abs(theta - mu) < 1e-9 * mu ? (1 + mu * t) * es : (theta * es - mu * Math.exp(-theta * t)) / (theta - mu);
  } else {
    const q = shape.table;
    let s = 0;
    for (let k = 0; k < q.length; k++) s += q[k] > t ? 1 : Math.exp(-theta * (t - q[k]));
    conv = s / q.length;
  }
  return (1 - pWait) * noWait + pWait * conv;
}
