// The run summary's statistics (summary.json), hand-computed.

import { describe, it, expect } from 'vitest';
import { countStats, distributionStats, weightedQuantile } from '../../src/sim/summary.js';

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
    expect(distributionStats([1, 2, 3, 4])).toEqual({ mean: 2.5, p50: 2.5, p95: 3.85, max: 4 });
    expect(distributionStats([])).toEqual({ mean: 0, p50: 0, p95: 0, max: 0 });
  });

  it('count stats with the final value', () => {
    expect(countStats([3, 6, 9], 9)).toEqual({ min: 3, max: 9, mean: 6, final: 9 });
    expect(countStats([], 2)).toEqual({ min: 2, max: 2, mean: 2, final: 2 });
  });
});
