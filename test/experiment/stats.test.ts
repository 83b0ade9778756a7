import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { confidenceHalfWidth, mean, pairedDifference, sampleStandardDeviation, summarizeSample, summaryFromInterval, isSignificant, isSameEveryTime } from '../../src/experiment/stats.js';
import { studentTQuantile } from '../../src/experiment/student-t.js';

describe('Student t quantile', () => {
  // Reference values from a printed t table (e.g. NIST/SEMATECH e-Handbook 1.3.6.7.2).
  const table: [number, number, number][] = [
    [0.975, 1, 12.706],
    [0.975, 2, 4.303],
    [0.975, 3, 3.182],
    [0.975, 4, 2.776],
    [0.975, 9, 2.262],
    [0.975, 29, 2.045],
    [0.975, 100, 1.984],
    [0.95, 10, 1.812],
    [0.995, 5, 4.032],
    [0.9995, 20, 3.85],
  ];
  for (const [p, df, t] of table) {
    it(`t(${p}, ${df}) = ${t}`, () => expect(studentTQuantile(p, df)).toBeCloseTo(t, 3));
  }
  it('t(0.975, 3) to 6 digits: 3.182446', () => expect(studentTQuantile(0.975, 3)).toBeCloseTo(3.182446, 6));
  it('df = 1 is the Cauchy quantile tan(pi (p - 1/2))', () => expect(studentTQuantile(0.9, 1)).toBeCloseTo(Math.tan(Math.PI * 0.4), 10));
  it('approaches the normal quantile 1.959964 for large df', () => expect(studentTQuantile(0.975, 9999)).toBeCloseTo(1.96, 3));
  it('is symmetric: t(p) = -t(1-p)', () => {
    fc.assert(fc.property(fc.double({ min: 0.001, max: 0.999, noNaN: true }), fc.integer({ min: 1, max: 200 }), (p, df) => {
      expect(studentTQuantile(p, df)).toBeCloseTo(-studentTQuantile(1 - p, df), 8);
    }));
  });
  it('rejects p outside (0, 1) and fractional df', () => {
    expect(() => studentTQuantile(1, 3)).toThrow(/strictly between 0 and 1/);
    expect(() => studentTQuantile(0.975, 2.5)).toThrow(/whole degrees of freedom/);
  });
});

describe('confidence intervals over replications', () => {
  it('10, 12, 14, 16: mean 13, sd 2.582, t(0.975, 3) = 3.182, half-width 4.108', () => {
    const xs = [10, 12, 14, 16];
    // sd = sqrt(((-3)^2 + (-1)^2 + 1^2 + 3^2) / 3) = sqrt(20/3) = 2.5820
    // half-width = 3.1824 * 2.5820 / sqrt(4) = 4.1085
    expect(mean(xs)).toBe(13);
    expect(sampleStandardDeviation(xs)).toBeCloseTo(2.582, 3);
    expect(confidenceHalfWidth(xs)).toBeCloseTo(4.1085, 4); // 4.108 to the 3 digits the hand example gives
    expect(summarizeSample(xs)).toMatchObject({ n: 4, mean: 13 });
  });

  it('one replication has no interval (NaN), and missing values are left out', () => {
    expect(Number.isNaN(confidenceHalfWidth([5]))).toBe(true);
    expect(summarizeSample([10, NaN, 12, 14, 16]).n).toBe(4);
  });

  it('paired difference: baselines 10, 20, 30, 40 and variants 11, 22, 31, 42 -> diffs 1, 2, 1, 2', () => {
    // mean 1.5; sd = sqrt(4 * 0.25 / 3) = 0.57735; half-width = 3.1824 * 0.57735 / 2 = 0.91869
    const d = pairedDifference([10, 20, 30, 40], [11, 22, 31, 42]);
    expect(d.mean).toBe(1.5);
    expect(d.sd).toBeCloseTo(0.57735, 5);
    expect(d.ci95).toBeCloseTo(0.91869, 4);
    expect(isSignificant(d)).toBe(true);
    // The unpaired intervals overlap heavily: the CRN payoff.
    expect(confidenceHalfWidth([10, 20, 30, 40])).toBeGreaterThan(10);
  });

  it('the half-width does not change when every value shifts by a constant', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -1000, max: 1000 }), { minLength: 2, maxLength: 20 }), fc.integer({ min: -1000, max: 1000 }), (xs, c) => {
        expect(confidenceHalfWidth(xs.map((x) => x + c))).toBeCloseTo(confidenceHalfWidth(xs), 6);
      }),
    );
  });
});

describe('a difference that is the same in every replication', () => {
  it('is not significant, however many replications: sd 0, half-width 0', () => {
    // compare-quickstart --replications 2: scaling activities 5, 6 against 7, 8 -> -2, -2
    const d = pairedDifference([7, 8], [5, 6]);
    expect(d).toEqual({ n: 2, mean: -2, sd: 0, ci95: 0 });
    expect(isSignificant(d)).toBe(false);
    expect(isSameEveryTime(d)).toBe(true);
    expect(isSameEveryTime(pairedDifference([7, 8], [5, 7]))).toBe(false);
    expect(isSameEveryTime(pairedDifference([7], [5]))).toBe(false); // one replication: no spread to tell
  });

  it('is exactly constant even where the sum has a rounding error (0.1 three times)', () => {
    // 0.1 + 0.1 + 0.1 = 0.30000000000000004: summed and divided, the mean is not 0.1 and the sd not 0
    const s = summarizeSample([0.1, 0.1, NaN, 0.1]);
    expect(s).toEqual({ n: 3, mean: 0.1, sd: 0, ci95: 0 });
    expect(isSignificant(s)).toBe(false);
  });

  it('a difference with a spread is judged by its interval as before', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -50, max: 50 }), { minLength: 2, maxLength: 12 }), (xs) => {
        const s = summarizeSample(xs);
        const varies = xs.some((x) => x !== xs[0]);
        expect(isSameEveryTime(s)).toBe(!varies);
        expect(isSignificant(s)).toBe(varies && Math.abs(s.mean) > s.ci95);
      }),
    );
  });
});

describe('a summary read back from a table (summaryFromInterval)', () => {
  it('recovers the sd from the half-width, exactly 0 for a zero-width interval, and decides significance as on the original', () => {
    // n = 5, sd = 2: half-width t(0.975, 4) x 2 / sqrt(5) = 2.776445 x 0.894427 = 2.483330
    const s = summaryFromInterval(5, 3, 2.48333);
    expect(s.sd).toBeCloseTo(2, 5);
    expect(isSignificant(s)).toBe(true);
    expect(isSignificant(summaryFromInterval(5, 2, 2.48333))).toBe(false);
    const same = summaryFromInterval(8, -2, 0);
    expect(same.sd).toBe(0);
    expect(isSignificant(same)).toBe(false);
    expect(isSameEveryTime(same)).toBe(true);
    // one value, or no count (a file written before the counts): no sd, nothing to test
    expect(summaryFromInterval(1, 5, NaN).sd).toBeNaN();
    expect(isSignificant(summaryFromInterval(NaN, 5, 0.1))).toBe(false);
  });
});

describe('a difference equal in every replication up to floating-point noise', () => {
  // compare scenarios/binpack-vs-spread.yaml: cost spread 4.576, 4.576, 4.5696 and binpack 2.48, 2.48, 2.4736;
  // the differences in doubles are -2.0959999999999996, -2.0959999999999996, -2.0960000000000005 (sd 1.35e-15 when summed)
  it('is the same every time (sd 0, half-width 0), not significant', () => {
    const spread = [4.576, 4.576, 4.5696];
    const binpack = [2.48, 2.48, 2.4736];
    expect(binpack.map((b, k) => b - spread[k])).toEqual([-2.0959999999999996, -2.0959999999999996, -2.0960000000000005]);
    const d = pairedDifference(spread, binpack);
    expect(d.n).toBe(3);
    expect(d.mean).toBeCloseTo(-2.096, 12);
    expect(d.sd).toBe(0);
    expect(d.ci95).toBe(0);
    expect(isSignificant(d)).toBe(false);
    expect(isSameEveryTime(d)).toBe(true);
  });

  it('a half-width of noise read back from a file is not significant either', () => {
    // paired.csv written before the fix: binpack,spread,-2.096,1.35111e-15
    expect(isSignificant(summaryFromInterval(3, -2.096, 1.35111e-15))).toBe(false);
  });

  it('a real spread, however small against the mean but above the tolerance, is still tested', () => {
    const d = summarizeSample([1000, 1000.001, 1000.002]);
    expect(d.sd).toBeGreaterThan(0);
    expect(isSameEveryTime(d)).toBe(false);
  });
});
