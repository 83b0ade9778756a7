// Accumulates the run's headline figures (summary.json) as periods go by: running sums,
// and compact per-period series (8 bytes a value) where a quantile needs them all.

import { quantileSorted, mean } from 'd3-array';

/** A growing series of numbers in a Float64Array (doubling), read back as a view. */
export class Series {
  private data = new Float64Array(256);
  length = 0;

  push(v: number): void {
    if (this.length === this.data.length) {
      const next = new Float64Array(this.data.length * 2);
      next.set(this.data);
      this.data = next;
    }
    this.data[this.length++] = v;
  }

  /** The values pushed so far (a view: valid until the next push). */
  values(): Float64Array {
    return this.data.subarray(0, this.length);
  }
}

/** min, max and mean of a count over the periods, kept as running figures. */
export class CountSeries {
  private n = 0;
  private sum = 0;
  private min = Infinity;
  private max = -Infinity;

  push(v: number): void {
    this.n++;
    this.sum += v;
    if (v < this.min) this.min = v;
    if (v > this.max) this.max = v;
  }

  stats(final: number): { min: number; max: number; mean: number; final: number } {
    if (this.n === 0) return { min: final, max: final, mean: final, final };
    return { min: this.min, max: this.max, mean: round(this.sum / this.n), final };
  }
}

export class ServiceSummary {
  readonly desired = new CountSeries();
  readonly cpu = new Series();
  readonly memory = new Series();
  /** Per period p50/p95/p99 latency and the requests served, for weighted quantiles. */
  readonly latencyP50 = new Series();
  readonly latencyP95 = new Series();
  readonly latencyP99 = new Series();
  readonly latencyWeight = new Series();
  offered = 0;
  served = 0;
  dropped = 0;
  sloViolationMs = 0;
  scaleOut = 0;
  scaleIn = 0;
}

export function distributionStats(series: Series): { mean: number; p50: number; p95: number; max: number } {
  if (series.length === 0) return { mean: 0, p50: 0, p95: 0, max: 0 };
  // d3's quantileSorted reads a typed array as it reads an array; its typings say number[]
  const sorted = series.values().slice().sort() as unknown as number[];
  return {
    mean: round(mean(sorted) ?? 0),
    p50: round(quantileSorted(sorted, 0.5) ?? 0),
    p95: round(quantileSorted(sorted, 0.95) ?? 0),
    max: round(sorted[sorted.length - 1]),
  };
}

/**
 * The q-quantile of per-period latency quantiles, each period weighted by the requests it
 * served (an approximation of the run's request-level quantile; see docs/assumptions.md).
 */
export function weightedQuantile(values: ArrayLike<number>, weights: ArrayLike<number>, q: number): number | null {
  const order: number[] = [];
  let total = 0;
  for (let i = 0; i < values.length; i++) {
    if (weights[i] > 0 && Number.isFinite(values[i])) {
      order.push(i);
      total += weights[i];
    }
  }
  if (total === 0) return null;
  // -1/0/1 rather than a difference: small integers, no number boxed per comparison
  order.sort((a, b) => (values[a] < values[b] ? -1 : values[a] > values[b] ? 1 : 0));
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
