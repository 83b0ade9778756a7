// The run summary's statistics (summary.json), hand-computed.

import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { quantileSorted } from 'd3-array';
import {
  CountSeries,
  Distribution,
  EXACT_PERIODS,
  LatencyDistribution,
  RELATIVE_ACCURACY,
  Series,
  distributionStats,
  weightedQuantile,
} from '../../src/sim/summary.js';

describe('summary statistics', () => {
  it('weighted quantile: the value where the cumulative weight first reaches q of the total', () => {
    // values 10 (weight 1), 20 (weight 2), 30 (weight 7): total 10
    expect(weightedQuantile([30, 10, 20], [7, 1, 2], 0.5)).toBe(30); // cumulative 1, 3, 10
    expect(weightedQuantile([30, 10, 20], [7, 1, 2], 0.1)).toBe(10);
    expect(weightedQuantile([30, 10, 20], [7, 1, 2], 0.3)).toBe(20);
    expect(weightedQuantile([5, 6], [0, 0], 0.5)).toBeNull();
    expect(weightedQuantile([Infinity, 4], [5, 1], 0.95)).toBe(4); // non-finite values are left out
  });

  it('distribution stats of per-period values (d3-array quantiles, R-7)', () => {
    expect(distributionStats(series([4, 1, 3, 2]))).toEqual({ mean: 2.5, p50: 2.5, p95: 3.85, max: 4 });
    expect(distributionStats(series([]))).toEqual({ mean: 0, p50: 0, p95: 0, max: 0 });
    // past the first buffer (256 values): 1..1000, p50 = 500.5, p95 = 1 + 0.95 x 999 = 950.05
    expect(distributionStats(series(Array.from({ length: 1000 }, (_, i) => 1000 - i)))).toEqual({ mean: 500.5, p50: 500.5, p95: 950.05, max: 1000 });
  });

  it('a series keeps every value in order across its chunks', () => {
    for (const n of [0, 1, 256, 257, 4096, 4097, 10_000]) {
      const input = Array.from({ length: n }, (_, i) => (i * 7919) % 1000 + i / 8);
      const values = series(input).values();
      expect(values.length).toBe(n);
      expect(Array.from(values)).toEqual(input);
    }
  });

  it('a distribution is exact up to EXACT_PERIODS values', () => {
    const values = Array.from({ length: EXACT_PERIODS }, (_, i) => ((i * 7919) % 1000) / 10);
    const d = new Distribution();
    for (const v of values) d.push(v);
    expect(d.stats()).toEqual(distributionStats(series(values)));
    const lat = new LatencyDistribution();
    const weights = values.map((_, i) => (i % 7) * 3);
    for (let i = 0; i < values.length; i++) lat.push(values[i], 2 * values[i], 3 * values[i], weights[i]);
    expect(lat.quantile('p95', 0.95)).toBe(weightedQuantile(values.map((v) => 2 * v), weights, 0.95));
    expect(lat.quantile('p99', 0.99)).toBe(weightedQuantile(values.map((v) => 3 * v), weights, 0.99));
  });

  it('past EXACT_PERIODS values: quantiles within RELATIVE_ACCURACY, mean and max exact, memory bounded', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: 0.5, max: 5000, noNaN: true }), { minLength: EXACT_PERIODS + 1, maxLength: EXACT_PERIODS + 3000 }), (values) => {
        const d = new Distribution();
        for (const v of values) d.push(v);
        expect(d.exactCount).toBe(0);
        const sorted = Float64Array.from(values).sort() as unknown as number[];
        const got = d.stats();
        for (const [q, k] of [[0.5, 'p50'], [0.95, 'p95']] as const) {
          // R-7 interpolates between the order statistics around (n - 1) q; the sketch
          // answers within RELATIVE_ACCURACY of one of them (4-decimal rounding aside)
          const i = Math.floor((sorted.length - 1) * q);
          expect(got[k]).toBeGreaterThanOrEqual(sorted[i] * (1 - RELATIVE_ACCURACY) - 1e-4);
          expect(got[k]).toBeLessThanOrEqual(sorted[i + 1] * (1 + RELATIVE_ACCURACY) + 1e-4);
          expect(Math.abs(got[k] - (quantileSorted(sorted, q) ?? 0))).toBeLessThanOrEqual(RELATIVE_ACCURACY * sorted[i + 1] + (sorted[i + 1] - sorted[i]) + 1e-4);
        }
        expect(got.max).toBe(Math.round(sorted[sorted.length - 1] * 1e4) / 1e4);
        expect(got.mean).toBeCloseTo(values.reduce((a, b) => a + b, 0) / values.length, 3);
      }),
      { numRuns: 10, endOnFailure: true }, // (shrinking arrays this long would take minutes)
    );
  });

  it('past EXACT_PERIODS periods: weighted latency quantiles within RELATIVE_ACCURACY', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.double({ min: 1, max: 2000, noNaN: true }), fc.integer({ min: 0, max: 500 })), { minLength: EXACT_PERIODS + 1, maxLength: EXACT_PERIODS + 2000 }),
        (periods) => {
          const lat = new LatencyDistribution();
          for (const [v, w] of periods) lat.push(v / 2, v, v * 2, w);
          expect(lat.exactCount).toBe(0);
          const values = periods.map(([v]) => v);
          const weights = periods.map(([, w]) => w);
          const total = weights.reduce((a, b) => a + b, 0);
          for (const q of [0.5, 0.95, 0.99]) {
            // the sketch ranks by q (W - 1), weightedQuantile by q W: the answer lies
            // between the values at q W - 1 and q W + 1, give or take the accuracy
            const lo = weightedQuantile(values, weights, Math.max(0, q - 1 / total))!;
            const hi = weightedQuantile(values, weights, Math.min(1, q + 1 / total))!;
            const got = lat.quantile('p95', q)!;
            expect(got).toBeGreaterThanOrEqual(lo * (1 - RELATIVE_ACCURACY));
            expect(got).toBeLessThanOrEqual(hi * (1 + RELATIVE_ACCURACY));
          }
        },
      ),
      { numRuns: 10, endOnFailure: true }, // (shrinking arrays this long would take minutes)
    );
    const none = new LatencyDistribution();
    for (let i = 0; i <= EXACT_PERIODS; i++) none.push(100, 200, 300, 0);
    expect(none.quantile('p95', 0.95)).toBeNull();
  });

  it('count stats with the final value', () => {
    const c = new CountSeries();
    for (const v of [6, 3, 9]) c.push(v);
    expect(c.stats(9)).toEqual({ min: 3, max: 9, mean: 6, final: 9 });
    expect(new CountSeries().stats(2)).toEqual({ min: 2, max: 2, mean: 2, final: 2 });
  });
});

function series(values: number[]): Series {
  const s = new Series();
  for (const v of values) s.push(v);
  return s;
}
