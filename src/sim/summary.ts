// Accumulates the run's headline figures (summary.json) as periods go by: running sums,
// and per-period values where a quantile needs them (CPU and memory; the run's latency
// percentiles come from the service model, over every request served:
// ServiceLoadModel.runLatencyQuantile). Those are kept exactly for the first EXACT_PERIODS
// periods (8 bytes a value); a longer run moves them into a DDSketch, whose size depends on
// the range of the values, not on their number: memory stays bounded however long the run
// (quantile-sketch.ts reads the quantiles from it by the same rules).

import { quantileSorted, mean } from 'd3-array';
import { newSketch, sketchQuantile, type QuantileSketch } from './quantile-sketch.js';

export { RELATIVE_ACCURACY } from './quantile-sketch.js';

/** Periods a service's quantiles are computed exactly over (2^13: 5.7 days of one-minute periods). */
export const EXACT_PERIODS = 8192;

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
    // the final value counts for min and max: a change at the very end (after the last
    // period row) must not leave max below final
    return { min: Math.min(this.min, final), max: Math.max(this.max, final), mean: round(this.sum / this.n), final };
  }
}

/**
 * mean, p50, p95 and max of per-period values: exact (distributionStats) for up to
 * EXACT_PERIODS values, then from running figures and a sketch.
 */
export class Distribution {
  private exact: Series | null = new Series();
  private sketch: QuantileSketch | null = null;
  private sum = 0;
  private n = 0;
  private max = -Infinity;

  /** A period's value; a non-finite one is left out. */
  push(v: number): void {
    if (!Number.isFinite(v)) return;
    this.n++;
    this.sum += v;
    if (v > this.max) this.max = v;
    if (this.exact !== null) {
      if (this.exact.length < EXACT_PERIODS) return this.exact.push(v);
      this.sketch = newSketch();
      for (const x of this.exact.values()) this.sketch.accept(x);
      this.exact = null;
    }
    this.sketch!.accept(v);
  }

  /** Values kept one by one (at most EXACT_PERIODS; 0 once the sketch took over). */
  get exactCount(): number {
    return this.exact?.length ?? 0;
  }

  /** All four null when no value was pushed (no datapoint: a "no data", not a 0). */
  stats(): DistributionStats {
    if (this.exact !== null) return distributionStats(this.exact);
    const sketch = this.sketch!;
    return { mean: round(this.sum / this.n), p50: round(sketchQuantile(sketch, 0.5)), p95: round(sketchQuantile(sketch, 0.95)), max: round(this.max) };
  }
}

export class ServiceSummary {
  readonly desired = new CountSeries();
  readonly cpu = new Distribution();
  readonly memory = new Distribution();
  offered = 0;
  served = 0;
  dropped = 0;
  sloViolationMs = 0;
  scaleOut = 0;
  scaleIn = 0;
}

/** mean/p50/p95/max of per-period values; each null when there was none. */
export type DistributionStats = { mean: number; p50: number; p95: number; max: number } | { mean: null; p50: null; p95: null; max: null };

export function distributionStats(series: Series): DistributionStats {
  if (series.length === 0) return { mean: null, p50: null, p95: null, max: null };
  // d3's quantileSorted reads a typed array as it reads an array; its typings say number[]
  const sorted = series.values().slice().sort() as unknown as number[];
  return {
    mean: round(mean(sorted) ?? 0),
    p50: round(quantileSorted(sorted, 0.5) ?? 0),
    p95: round(quantileSorted(sorted, 0.95) ?? 0),
    max: round(sorted[sorted.length - 1]),
  };
}

export function round(x: number, digits = 4): number {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}
