import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { paretoFront } from '../../src/experiment/pareto.js';

const p = (cost: number, sloViolationMinutes: number) => ({ cost, sloViolationMinutes });

describe('paretoFront (cost and SLO violation minutes, both minimised)', () => {
  it('marks the non-dominated points', () => {
    // (1,10) and (5,2) trade off; (3,3) is between them; (4,12) is beaten by (1,10); (5,3) by (5,2).
    expect(paretoFront([p(1, 10), p(5, 2), p(3, 3), p(4, 12), p(5, 3)])).toEqual([true, true, true, false, false]);
  });
  it('equal points are all on the front; a point beaten on one figure and tied on the other is not', () => {
    expect(paretoFront([p(2, 2), p(2, 2), p(2, 3)])).toEqual([true, true, false]);
  });
  it('a point with a missing figure is not on the front and dominates nothing', () => {
    expect(paretoFront([p(NaN, 0), p(1, 1)])).toEqual([false, true]);
  });
  it('no front point is dominated, and every other point is dominated by a front point', () => {
    fc.assert(
      fc.property(fc.array(fc.record({ cost: fc.integer({ min: 0, max: 20 }), sloViolationMinutes: fc.integer({ min: 0, max: 20 }) }), { minLength: 1, maxLength: 30 }), (pts) => {
        const front = paretoFront(pts);
        const dominates = (a: (typeof pts)[0], b: (typeof pts)[0]) =>
          a.cost <= b.cost && a.sloViolationMinutes <= b.sloViolationMinutes && (a.cost < b.cost || a.sloViolationMinutes < b.sloViolationMinutes);
        pts.forEach((x, i) => {
          expect(pts.some((y) => dominates(y, x))).toBe(!front[i]);
        });
        expect(front.some(Boolean)).toBe(true);
      }),
    );
  });
});
