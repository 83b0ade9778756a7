import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { downsampleMinMax } from '../../../src/output/report/charts/downsample.js';

const series = (ys: number[]) => ({ x: Float64Array.from(ys, (_, i) => i * 60), y: Float64Array.from(ys) });

describe('downsampleMinMax (min/max-preserving thinning for drawing)', () => {
  it('keeps a short series as it is', () => {
    const s = series([1, 2, 3]);
    expect(downsampleMinMax(s.x, s.y, 10).y).toBe(s.y);
  });

  it('keeps each bucket\'s min and max in time order: [5,1,9,3 | 2,8,4,6] -> 1,9 | 2,8', () => {
    const s = series([5, 1, 9, 3, 2, 8, 4, 6]);
    const out = downsampleMinMax(s.x, s.y, 4);
    expect([...out.y]).toEqual([1, 9, 2, 8]);
    expect([...out.x]).toEqual([60, 120, 240, 300]);
  });

  it('never exceeds the budget, keeps the global min and max, and stays in time order (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.double({ min: -1e6, max: 1e6, noNaN: true }), fc.constant(NaN)), { minLength: 1, maxLength: 3000 }), fc.integer({ min: 4, max: 500 }), (ys, max) => {
        const s = series(ys);
        const out = downsampleMinMax(s.x, s.y, max);
        expect(out.x.length).toBeLessThanOrEqual(max);
        for (let i = 1; i < out.x.length; i++) expect(out.x[i]).toBeGreaterThan(out.x[i - 1]);
        const finite = ys.filter((v) => !Number.isNaN(v));
        const kept = [...out.y].filter((v) => !Number.isNaN(v));
        if (finite.length) {
          expect(kept).toContain(Math.min(...finite));
          expect(kept).toContain(Math.max(...finite));
        }
        // A gap in the data stays a gap in the drawing.
        if (ys.some(Number.isNaN)) expect([...out.y].some(Number.isNaN)).toBe(true);
      }),
      { numRuns: 150 },
    );
  });
});
