// The fast-path building blocks against hand-computed values (docs/notes/performance-libs.md):
// Newton tail quantiles, the weighted water level, Erlang C with many servers, and the
// uniformTaskStats contract of the fluid model.
import { describe, expect, it } from 'vitest';
import { erlangC, tailQuantile, type TailWithDensity } from '../../../src/workload/queueing/index.js';
import { waterLevel } from '../../../src/workload/service/water-level.js';
import { build, runPeriod } from './harness.js';

/** P(X > t) = e^{-rate t} (M/M/1 sojourn with rate = mu - lambda). */
function exponentialTail(rate: number): TailWithDensity {
  return {
    density: 0,
    tailAt(t) {
      const e = t < 0 ? 1 : Math.exp(-rate * t);
      this.density = t < 0 ? 0 : rate * e;
      return e;
    },
  };
}

describe('tailQuantile (safeguarded Newton)', () => {
  it('M/M/1 sojourn, mu - lambda = 0.003 /ms: p95 = ln 20 / 0.003, from any start', () => {
    const want = Math.log(20) / 0.003;
    for (const guess of [NaN, 1, want * 0.999, want * 50, 1e9]) {
      expect(tailQuantile(exponentialTail(0.003), 0.05, 0, guess, 100) / want).toBeCloseTo(1, 6);
    }
  });

  it('a jump (fixed service 10 ms: tail 1 before 10, 0 after): the quantile is the jump', () => {
    const fixed: TailWithDensity = { density: 0, tailAt: (t) => (t < 10 ? 1 : 0) };
    expect(tailQuantile(fixed, 0.5, 0, NaN, 40)).toBeCloseTo(10, 4);
    expect(tailQuantile(fixed, 0.01, 0, 3, 40)).toBeCloseTo(10, 4);
  });

  it('a shifted mixture: half exp(1/10 ms) after 0, half exp(1/10 ms) after 1000 ms; p75 solves 0.5 e^{-(t-1000)/10} = 0.25', () => {
    const mix: TailWithDensity = {
      density: 0,
      tailAt(t) {
        const a = t < 0 ? 1 : Math.exp(-t / 10);
        const b = t < 1000 ? 1 : Math.exp(-(t - 1000) / 10);
        this.density = 0.5 * (t < 0 ? 0 : a / 10) + 0.5 * (t < 1000 ? 0 : b / 10);
        return 0.5 * a + 0.5 * b;
      },
    };
    expect(tailQuantile(mix, 0.25, 0, NaN, 40)).toBeCloseTo(1000 + 10 * Math.log(2), 4);
  });
});

describe('waterLevel (least-outstanding water-filling)', () => {
  it('levels [0, 2, 5], 4 arrivals: the two lowest fill to (4 + 0 + 2) / 2 = 3 <= 5', () => {
    expect(waterLevel(Float64Array.from([5, 0, 2]), 3, 0, 0, 4)).toBe(3);
  });
  it('a cohort of 3 at level 1 and one task at 4: 6 arrivals -> (6 + 3) / 3 = 3; 12 -> (12 + 3 + 4) / 4 = 4.75', () => {
    expect(waterLevel(Float64Array.from([4]), 1, 1, 3, 6)).toBe(3);
    expect(waterLevel(Float64Array.from([4]), 1, 1, 3, 12)).toBe(4.75);
  });
  it('no arrivals: exactly the lowest level (no rounding noise); nothing at all: 0', () => {
    expect(waterLevel(new Float64Array(0), 0, -0.3, 7, 0)).toBe(-0.3);
    expect(waterLevel(new Float64Array(0), 0, 0, 0, 5)).toBe(0);
  });
});

describe('erlangC with many servers (truncated reciprocal recursion)', () => {
  // Independent: C = P(X = c) c/(c-a) / (P(X <= c-1) + P(X = c) c/(c-a)), X ~ Poisson(a), in logs.
  function erlangCBySum(c: number, a: number): number {
    const logTerm = (k: number) => k * Math.log(a) - a - lgammaInt(k + 1);
    let m = -Infinity;
    for (let k = 0; k < c; k++) m = Math.max(m, logTerm(k));
    let below = 0;
    for (let k = 0; k < c; k++) below += Math.exp(logTerm(k) - m);
    const top = Math.exp(logTerm(c) - m) * (c / (c - a));
    return top / (below + top);
  }
  function lgammaInt(n: number): number {
    let s = 0;
    for (let k = 2; k < n; k++) s += Math.log(k);
    return s;
  }
  it('c = 800 at a = 480, 700, 784 and c = 3000 at a = 2900 match the Poisson-sum formula', () => {
    for (const [c, a] of [[800, 480], [800, 700], [800, 784], [3000, 2900]]) {
      expect(erlangC(c, a) / erlangCBySum(c, a)).toBeCloseTo(1, 9);
    }
  });
});

describe('fluid uniformTaskStats', () => {
  const web = {
    type: 'http' as const,
    perTask: { capacityRps: 100, concurrency: 4, serviceTime: { distribution: 'exponential' as const, mean: 40 }, memoryMiB: { base: 350, perRps: 0.8 } },
    maxQueuePerTask: 100,
  };
  it('3 tasks in rotation all period at 60 rps: every perTask entry is the one shared object (20 rps each)', () => {
    const { sim, model } = build(web, 60);
    for (const id of ['a', 'b', 'c']) model.setInRotation(id, true, 0);
    model.endPeriod(0, 60_000); // first period: tasks are new
    sim.run(120_000);
    const s = model.endPeriod(60_000, 120_000);
    expect(s.uniformTaskStats).not.toBeNull();
    expect(s.uniformTaskStats!.requests).toBeCloseTo(20 * 60, 9); // 60 rps / 3 x 60 s
    expect(s.uniformTaskStats!.memoryMiB).toBeCloseTo(350 + 0.8 * 20, 9);
    expect(s.perTask.size).toBe(3);
    for (const v of s.perTask.values()) expect(v).toBe(s.uniformTaskStats);
  });
  it('a task joining mid-period makes the period non-uniform; the next full period is uniform again', () => {
    const { sim, model } = build(web, 60);
    model.setInRotation('a', true, 0);
    model.setInRotation('b', true, 0);
    runPeriod(sim, model, 0, 60_000);
    model.setInRotation('c', true, 90_000);
    const mid = runPeriod(sim, model, 60_000, 120_000);
    expect(mid.uniformTaskStats).toBeNull();
    // c: 20 rps x 30 s; a and b: 30 rps x 30 s + 20 rps x 30 s
    expect(mid.perTask.get('c')!.requests).toBeCloseTo(600, 9);
    expect(mid.perTask.get('a')!.requests).toBeCloseTo(1500, 9);
    sim.run(180_000);
    const next = model.endPeriod(120_000, 180_000);
    expect(next.uniformTaskStats!.requests).toBeCloseTo(1200, 9);
    for (const v of next.perTask.values()) expect(v).toBe(next.uniformTaskStats);
  });
});
