// Latency distributions over a run, as the service models keep them: the mixture of the
// fluid periods' latency groups, and periods' latency recorders merged into one.

import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { LatencyRecorder } from '../../../src/workload/service/index.js';
import { LatencyGroups } from '../../../src/workload/service/fluid-latency.js';
import { FluidRunLatency, MAX_CELLS } from '../../../src/workload/service/fluid-run-latency.js';
import { serviceShape } from '../../../src/workload/service/service-shape.js';

const QS = [0.5, 0.95, 0.99] as const;

describe('the fluid run mixture (FluidRunLatency)', () => {
  const shape = serviceShape({ distribution: 'exponential', mean: 50 }, 1);
  const lognormal = serviceShape({ distribution: 'lognormal', median: 40, p95: 120 }, 1);

  /** A period's groups: [weight, shift, pWait, theta] each. */
  const group = fc.tuple(
    fc.double({ min: 1, max: 1000, noNaN: true }),
    fc.oneof(fc.constant(0), fc.double({ min: 1, max: 5000, noNaN: true })),
    fc.oneof(fc.constant(0), fc.constant(1), fc.double({ min: 0.001, max: 1, noNaN: true })),
    fc.double({ min: 1e-4, max: 0.5, noNaN: true }),
  );
  const periods = fc.array(fc.array(group, { minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 60 });

  function groupsOf(gs: [number, number, number, number][]): LatencyGroups {
    const g = new LatencyGroups();
    for (const [w, s, pw, th] of gs) g.addGroup(w, s, pw, th);
    return g;
  }

  it('property: the run p95 lies between the least and greatest per-period p95 (and is the exact mixture\'s within 0.1 %)', () => {
    fc.assert(
      fc.property(periods, fc.boolean(), (ps, ln) => {
        const sh = ln ? lognormal : shape;
        const run = new FluidRunLatency();
        const all = new LatencyGroups();
        let lo = Infinity;
        let hi = -Infinity;
        for (const gs of ps) {
          const g = groupsOf(gs);
          const q = g.quantile(sh, 0.95, 200)!;
          lo = Math.min(lo, q);
          hi = Math.max(hi, q);
          run.add(g);
          for (const [w, s, pw, th] of gs) all.addGroup(w, s, pw, th);
        }
        const exact = all.quantile(sh, 0.95, 200)!;
        // a mixture's quantile lies between its parts' (the Newton solve's tolerance aside)
        expect(exact).toBeGreaterThanOrEqual(lo * (1 - 1e-6));
        expect(exact).toBeLessThanOrEqual(hi * (1 + 1e-6));
        // groups merged within a 2 % cell take the cell's mean parameters: a second-order error
        const got = run.quantile(sh, 0.95, 200)!;
        expect(Math.abs(got / exact - 1)).toBeLessThan(1e-3);
        expect(got).toBeGreaterThanOrEqual(lo * (1 - 1e-3));
        expect(got).toBeLessThanOrEqual(hi * (1 + 1e-3));
      }),
      { numRuns: 200 },
    );
  });

  it('a steady load is one cell holding the period\'s group: the run quantiles are the period\'s', () => {
    const g = groupsOf([
      [700, 0, 0.4, 0.01],
      [300, 120, 1, 0.02],
    ]);
    const run = new FluidRunLatency();
    for (let i = 0; i < 10_000; i++) run.add(g);
    expect(run.count).toBe(2);
    for (const p of QS) expect(Math.abs(run.quantile(shape, p, 200)! / g.quantile(shape, p, 200)! - 1)).toBeLessThan(1e-9);
  });

  it(`memory is bounded: past ${MAX_CELLS} cells the grid coarsens, the quantiles stay close to the exact mixture`, () => {
    const run = new FluidRunLatency();
    const all = new LatencyGroups();
    // 100 000 periods whose waits and backlogs wander over a wide range, unrelated
    for (let i = 0; i < 100_000; i++) {
      const x = (i * 0.6180339887) % 1;
      const y = (i * 0.4142135624) % 1;
      const pw = 0.02 + 0.9 * x;
      const th = 0.001 * 50 ** y;
      const shift = i % 3 === 0 ? 10 * 300 ** x : 0;
      run.addGroup(1 + (i % 7), shift, shift > 0 ? 1 : pw, th);
      all.addGroup(1 + (i % 7), shift, shift > 0 ? 1 : pw, th);
    }
    expect(run.count).toBeLessThanOrEqual(MAX_CELLS);
    expect(run.level).toBeGreaterThan(0);
    // (cells 2^4 times as wide: 37 %; groups this scattered are the worst case, the month's stay within 1e-6)
    for (const p of QS) expect(Math.abs(run.quantile(shape, p, 200)! / all.quantile(shape, p, 200)! - 1)).toBeLessThan(0.03);
    // a small table coarsens further and still sums every weight into some cell
    const small = new FluidRunLatency(1.02, 16);
    for (let i = 0; i < 1000; i++) small.addGroup(1, 0, 0.5, 0.001 * 1.01 ** i);
    expect(small.count).toBeLessThanOrEqual(16);
    const all2 = new LatencyGroups();
    for (let i = 0; i < 1000; i++) all2.addGroup(1, 0, 0.5, 0.001 * 1.01 ** i);
    expect(Math.abs(small.quantile(shape, 0.95, 200)! / all2.quantile(shape, 0.95, 200)! - 1)).toBeLessThan(0.05);
  });
});

describe('LatencyRecorder.addTo (a run-long recorder)', () => {
  it('period by period gives what one recorder of every value gives (exact up to 65 536 values, then the histogram)', () => {
    let seed = 7;
    const rnd = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
    for (const perPeriod of [1000, 30_000, 100_000]) {
      const one = new LatencyRecorder();
      const run = new LatencyRecorder();
      const period = new LatencyRecorder();
      for (let k = 0; k < 6; k++) {
        for (let i = 0; i < perPeriod; i++) {
          const v = 5 + 400 * rnd() ** 4;
          one.record(v);
          period.record(v);
        }
        period.prepare();
        period.addTo(run);
        period.reset();
      }
      one.prepare();
      run.prepare();
      expect(run.count).toBe(one.count);
      for (const p of [0.01, 0.5, 0.95, 0.99, 0.999]) expect(run.quantile(p)).toBe(one.quantile(p));
      expect(run.mean! / one.mean! - 1).toBeCloseTo(0, 12);
    }
  });
});
