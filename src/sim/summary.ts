// Accumulates the run's headline figures (summary.json) as periods go by: small
// per-period arrays and running sums, never the raw series.

import { quantile, mean, max as d3max, min as d3min } from 'd3-array';

export class ServiceSummary {
  readonly desired: number[] = [];
  readonly cpu: number[] = [];
  readonly memory: number[] = [];
  /** Per period p50/p95/p99 latency and the requests served, for weighted quantiles. */
  readonly latencyP50: number[] = [];
  readonly latencyP95: number[] = [];
  readonly latencyP99: number[] = [];
  readonly latencyWeight: number[] = [];
  offered = 0;
  served = 0;
  dropped = 0;
  sloViolationMs = 0;
  scaleOut = 0;
  scaleIn = 0;
}

export function distributionStats(values: number[]): { mean: number; p50: number; p95: number; max: number } {
  if (values.length === 0) return { mean: 0, p50: 0, p95: 0, max: 0 };
  const sorted = Float64Array.from(values).sort();
  return {
    mean: round(mean(sorted) ?? 0),
    p50: round(quantile(sorted, 0.5) ?? 0),
    p95: round(quantile(sorted, 0.95) ?? 0),
    max: round(d3max(sorted) ?? 0),
  };
}

export function countStats(values: number[], final: number): { min: number; max: number; mean: number; final: number } {
  if (values.length === 0) return { min: final, max: final, mean: final, final };
  return { min: d3min(values) ?? 0, max: d3max(values) ?? 0, mean: round(mean(values) ?? 0), final };
}

/**
 * The q-quantile of per-period latency quantiles, each period weighted by the requests it
 * served (an approximation of the run's request-level quantile; see docs/assumptions.md).
 */
export function weightedQuantile(values: readonly number[], weights: readonly number[], q: number): number | null {
  const order: number[] = [];
  let total = 0;
  for (let i = 0; i < values.length; i++) {
    if (weights[i] > 0 && Number.isFinite(values[i])) {
      order.push(i);
      total += weights[i];
    }
  }
  if (total === 0) return null;
  order.sort((a, b) => values[a] - values[b]);
  let acc = 0;
  for (const i of order) {
    acc += weights[i];
    if (acc >= q * total) return values[i];
  }
  return values[order[order.length - 1]];
}

export function round(x: number, digits = 4): number {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}
