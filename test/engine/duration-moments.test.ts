// Moments of durations as sampleDuration draws them: a normal is clipped at 0, so its
// duration is the rectified normal Y = max(X, 0), X ~ N(mu, sd^2). With a = mu / sd:
//   E[Y]   = mu Phi(a) + sd phi(a)
//   E[Y^2] = (mu^2 + sd^2) Phi(a) + mu sd phi(a)
// Hand-computed for mu 50, sd 60 (a = 5/6): Phi(5/6) = 0.7976716, phi(5/6) = 0.2819119,
//   E[Y]   = 50 x 0.7976716 + 60 x 0.2819119 = 39.88358 + 16.91471 = 56.79829 ms
//   E[Y^2] = 6100 x 0.7976716 + 3000 x 0.2819119 = 4865.797 + 845.736 = 5711.533
//   Var    = 5711.533 - 56.79829^2 = 2485.49, scv = 2485.49 / 3226.05 = 0.77044
// (the unclipped normal would say 50 ms and scv 1.44).

import { describe, it, expect } from 'vitest';
import { durationMean, durationScv, RandomStreams, sampleDuration } from '../../src/engine/index.js';

describe('durationMean / durationScv of a normal: the rectified normal max(X, 0)', () => {
  const nm = { distribution: 'normal' as const, mean: 50, sd: 60 };

  it('mean 50, sd 60: E = 56.798 ms, scv = 0.7704 (hand-computed above)', () => {
    expect(durationMean(nm)).toBeCloseTo(56.79829, 3);
    expect(durationScv(nm)).toBeCloseTo(0.77044, 4);
  });

  it('agrees with a numerical integral of max(x, 0) against the normal density (Simpson, independent of the erfc fit)', () => {
    const density = (x: number) => Math.exp(-0.5 * ((x - 50) / 60) ** 2) / (60 * Math.sqrt(2 * Math.PI));
    const steps = 20_000;
    const hi = 50 + 12 * 60;
    const h = hi / steps;
    let m1 = 0;
    let m2 = 0;
    for (let i = 0; i <= steps; i++) {
      const x = i * h;
      const w = i === 0 || i === steps ? 1 : i % 2 === 1 ? 4 : 2;
      m1 += w * x * density(x);
      m2 += w * x * x * density(x);
    }
    m1 *= h / 3;
    m2 *= h / 3;
    expect(durationMean(nm)).toBeCloseTo(m1, 4);
    expect(durationScv(nm)).toBeCloseTo((m2 - m1 * m1) / (m1 * m1), 5);
  });

  it('is what sampleDuration draws: 200 000 draws average 56.8 ms', () => {
    const rng = new RandomStreams(3).stream('normal-duration');
    const n = 200_000;
    let s = 0;
    let s2 = 0;
    for (let i = 0; i < n; i++) {
      const x = sampleDuration(nm, rng);
      s += x;
      s2 += x * x;
    }
    const m = s / n;
    expect(Math.abs(m / 56.79829 - 1)).toBeLessThan(0.005);
    expect(Math.abs((s2 / n - m * m) / (m * m) / 0.77044 - 1)).toBeLessThan(0.02);
  });

  it('far from 0 it is the normal itself: mean 50, sd 10 (a = 5) gives 50 and 0.04', () => {
    expect(durationMean({ distribution: 'normal', mean: 50, sd: 10 })).toBeCloseTo(50, 4);
    expect(durationScv({ distribution: 'normal', mean: 50, sd: 10 })).toBeCloseTo(0.04, 5);
  });

  it('sd 0 is a point mass at max(mean, 0)', () => {
    expect(durationMean({ distribution: 'normal', mean: 40, sd: 0 })).toBe(40);
    expect(durationScv({ distribution: 'normal', mean: 40, sd: 0 })).toBe(0);
  });

  it('the other distributions keep their moments: exponential 40 -> 40, scv 1; uniform [20, 60] -> 40, scv 1/12', () => {
    expect(durationMean({ distribution: 'exponential', mean: 40 })).toBe(40);
    expect(durationScv({ distribution: 'exponential', mean: 40 })).toBe(1);
    expect(durationMean({ distribution: 'uniform', min: 20, max: 60 })).toBe(40);
    expect(durationScv({ distribution: 'uniform', min: 20, max: 60 })).toBeCloseTo(1 / 12, 12);
  });
});
