// The run summary's statistics (summary.json), hand-computed.

import { describe, it, expect } from 'vitest';
import { CountSeries, Series, distributionStats, weightedQuantile } from '../../src/sim/summary.js';

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
