// REFERENCE ONLY (tests): before issue 8.
// The service-time distribution in the form the fluid latency model needs: its exact
// tail P(S > t), and a table of quantiles to convolve with an exponential wait.

import { lognormalParams, type Distribution } from '../../../../src/engine/index.js';
import { normalQuantile, normalTail } from '../../../../src/engine/index.js';

const TABLE_SIZE = 64;

export interface ServiceShape {
  dist: Distribution;
  /** Multiplier applied to every sample (see resolve-config.ts). */
  stretch: number;
  /** Exponential service: rate 1/ms (closed-form convolution); 0 otherwise. */
  expRate: number;
  /** Quantiles at (k + 0.5) / TABLE_SIZE, ms, ascending. */
  table: Float64Array;
}

export function serviceShape(dist: Distribution, stretch: number): ServiceShape {
  const table = new Float64Array(TABLE_SIZE);
  for (let k = 0; k < TABLE_SIZE; k++) table[k] = stretch * quantile(dist, (k + 0.5) / TABLE_SIZE);
  const expRate = dist.distribution === 'exponential' ? 1 / (dist.mean * stretch) : 0;
  return { dist, stretch, expRate, table };
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
    case 'lognormal': {
      if (x <= 0) return 1;
      const { mu, sigma } = lognormalParams(d.median, d.p95);
      return normalTail((Math.log(x) - mu) / sigma);
    }
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
 * (TABLE_SIZE equally likely atoms) inside the convolution.
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
