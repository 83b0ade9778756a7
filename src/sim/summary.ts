// Accumulates the run's headline figures (summary.json) as periods go by: running sums,
// and compact per-period series (8 bytes a value) where a quantile needs them all.

import { quantileSorted, mean } from 'd3-array';

const CHUNK = 4096;

/**
 * A growing series of numbers, 8 bytes a value, in fixed-size chunks: no copying as it
 * grows and at most one chunk unused (a doubling array leaves up to half unused).
 */
export class Series {
  private readonly chunks: Float64Array[] = [];
  private last = new Float64Array(256); // the first chunk starts small (short runs)
  private fill = 0;
  length = 0;

  push(v: number): void {
    if (this.fill === this.last.length) this.nextChunk();
    this.last[this.fill++] = v;
    this.length++;
  }

  private nextChunk(): void {
    if (this.chunks.length === 0 && this.last.length < CHUNK) {
      // the small first chunk grows to CHUNK before chunks are added
      const bigger = new Float64Array(Math.min(CHUNK, this.last.length * 4));
      bigger.set(this.last);
      this.last = bigger;
      return;
    }
    this.chunks.push(this.last);
    this.last = new Float64Array(CHUNK);
    this.fill = 0;
  }

  /** The values pushed so far, in order (a view of the last chunk when there is one chunk, else a copy). */
  values(): Float64Array {
    if (this.chunks.length === 0) return this.last.subarray(0, this.fill);
    const out = new Float64Array(this.length);
    let at = 0;
    for (const c of this.chunks) {
      out.set(c, at);
      at += c.length;
    }
    out.set(this.last.subarray(0, this.fill), at);
    return out;
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
