// The run summary's statistics (summary.json), hand-computed.

import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { quantileSorted } from 'd3-array';
import {
  CountSeries,
  Distribution,
  EXACT_PERIODS,
  RELATIVE_ACCURACY,
  Series,
  distributionStats,
} from '../../src/sim/summary.js';

describe('summary statistics', () => {
  it('distribution stats of per-period values (d3-array quantiles, R-7)', () => {
    expect(distributionStats(series([4, 1, 3, 2]))).toEqual({ mean: 2.5, p50: 2.5, p95: 3.85, max: 4 });
    expect(distributionStats(series([]))).toEqual({ mean: null, p50: null, p95: null, max: null }); // no datapoint: no data, not 0
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
  });

  it('past EXACT_PERIODS values: R-7 quantiles within RELATIVE_ACCURACY, mean and max exact, no values kept', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: 0, max: 5000, noNaN: true }), { minLength: EXACT_PERIODS + 1, maxLength: EXACT_PERIODS + 3000 }), (values) => {
        const d = new Distribution();
        for (const v of values) d.push(v);
        expect(d.exactCount).toBe(0);
        const sorted = Float64Array.from(values).sort() as unknown as number[];
        const got = d.stats();
        for (const [q, k] of [[0.5, 'p50'], [0.95, 'p95']] as const) {
          // each order statistic within the accuracy, so their interpolation too (4 decimals aside)
          const exact = quantileSorted(sorted, q)!;
          expect(Math.abs(got[k]! - exact)).toBeLessThanOrEqual(RELATIVE_ACCURACY * exact + 1e-4);
        }
        expect(got.max).toBe(Math.round(sorted[sorted.length - 1] * 1e4) / 1e4);
        expect(got.mean).toBeCloseTo(values.reduce((a, b) => a + b, 0) / values.length, 3);
      }),
      { numRuns: 10, endOnFailure: true }, // (shrinking arrays this long would take minutes)
    );
  });

  it('the switch to the sketch: 8 192 values exact, 8 193 sketched; gaps interpolated as R-7 does; equal values exact', () => {
    const at = (n: number, f: (i: number) => number) => {
      const d = new Distribution();
      for (let i = 0; i < n; i++) d.push(f(i));
      return d;
    };
    const wave = (i: number) => 40 + 30 * Math.sin(i / 50);
    const exact = at(EXACT_PERIODS, wave);
    expect(exact.exactCount).toBe(EXACT_PERIODS);
    expect(exact.stats()).toEqual(distributionStats(series(Array.from({ length: EXACT_PERIODS }, (_, i) => wave(i)))));
    expect(at(EXACT_PERIODS + 1, wave).exactCount).toBe(0);
    // 4 097 fives then 4 097 sixties: rank h = 8 193 / 2 = 4 096.5, between a 5 and a 60
    const gap = at(2 * 4097, (i) => (i < 4097 ? 5 : 60)).stats();
    expect(Math.abs(gap.p50! - 32.5)).toBeLessThanOrEqual(RELATIVE_ACCURACY * 32.5);
    // every value 7.3: a bin's middle is not 7.3, the value seen is
    expect(at(EXACT_PERIODS + 1, () => 7.3).stats()).toEqual({ mean: 7.3, p50: 7.3, p95: 7.3, max: 7.3 });
    // values over any range: a bounded number of bins, the quantiles still right
    const wideValue = (i: number) => (i === 0 ? 5e-324 : i === 1 ? 1e-300 : i === 2 ? 1e12 : 50 + (i % 100));
    const wideExact = quantileSorted(Array.from({ length: EXACT_PERIODS + 3 }, (_, i) => wideValue(i)).sort((x, y) => x - y), 0.5)!;
    expect(Math.abs(at(EXACT_PERIODS + 3, wideValue).stats().p50! - wideExact)).toBeLessThanOrEqual(RELATIVE_ACCURACY * wideExact + 1e-4);
    // non-finite values are left out
    const odd = at(EXACT_PERIODS + 10, (i) => (i % 1000 === 0 ? Infinity : i % 1000 === 1 ? NaN : 2));
    expect(odd.stats()).toEqual({ mean: 2, p50: 2, p95: 2, max: 2 });
  });

  it('count stats with the final value', () => {
    const c = new CountSeries();
    for (const v of [6, 3, 9]) c.push(v);
    expect(c.stats(9)).toEqual({ min: 3, max: 9, mean: 6, final: 9 });
    expect(new CountSeries().stats(2)).toEqual({ min: 2, max: 2, mean: 2, final: 2 });
  });

  it('a final value outside the period rows widens min and max, not the mean (a scale out at the very end: max 6 with final 8 read as a bug)', () => {
    const c = new CountSeries();
    for (const v of [3, 6, 6]) c.push(v);
    expect(c.stats(8)).toEqual({ min: 3, max: 8, mean: 5, final: 8 });
    expect(c.stats(2)).toEqual({ min: 2, max: 6, mean: 5, final: 2 });
  });
});

function series(values: number[]): Series {
  const s = new Series();
  for (const v of values) s.push(v);
  return s;
}
