// The run's latency percentiles (summary.json's latencyMs) as the service models keep them:
// quantiles of every request served over the run, checked against M/M/c by hand
// (../mmc-sojourn.ts) and against the mixture of the periods' distributions.

import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { RandomStreams, Simulator } from '../../../src/engine/index.js';
import { createServiceLoadModel, LatencyRecorder, type ServiceLoadModel, type ServiceWorkloadConfig } from '../../../src/workload/service/index.js';
import { LatencyGroups } from '../../../src/workload/service/fluid-latency.js';
import { FluidRunLatency, MAX_CELLS } from '../../../src/workload/service/fluid-run-latency.js';
import { serviceShape } from '../../../src/workload/service/service-shape.js';
import { mixtureQuantile, type MMc } from '../mmc-sojourn.js';

const PERIOD = 60_000;
const HOUR = 3_600_000;

/** 2 tasks x concurrency 4, exponential 50 ms, random routing: each task an M/M/4 queue. */
function config(fidelity: 'fluid' | 'request'): ServiceWorkloadConfig {
  return { type: 'http', perTask: { concurrency: 4, serviceTime: { distribution: 'exponential', mean: 50 } }, maxQueuePerTask: 1000, fidelity, routing: 'random' };
}

function run(fidelity: 'fluid' | 'request', rate: (t: number) => number, durationMs: number, seed = 1): { model: ServiceLoadModel; periodP95: number[] } {
  const sim = new Simulator();
  // a rate constant within each period: the mean over a period is its rate at the start
  const trace = { rateAt: rate, meanRate: (from: number) => rate(from) };
  const model = createServiceLoadModel(config(fidelity), { sim, trace, streams: new RandomStreams(seed), serviceName: 'web', fargate: false });
  model.setInRotation('a', true, 0);
  model.setInRotation('b', true, 0);
  const periodP95: number[] = [];
  for (let t = 0; t < durationMs; t += PERIOD) {
    sim.run(t + PERIOD);
    const s = model.endPeriod(t, t + PERIOD);
    if (s.latencyP95Ms !== null) periodP95.push(s.latencyP95Ms);
  }
  return { model, periodP95 };
}

/** One task's M/M/4 queue at `rps` for the whole service (random routing halves it). */
function perTask(rps: number): MMc {
  return { lambda: rps / 2 / 1000, mu: 1 / 50, c: 4 };
}

const QS = [0.5, 0.95, 0.99] as const;

describe('run latency percentiles: steady M/M/4 (2 tasks, 120 rps, rho 0.75)', () => {
  // theta = c mu - lambda = 0.08 - 0.06 = 0.02 /ms = mu, so P(T > t) = e^(-mu t) (1 + C mu t)
  // with C = C(4, 3) = 13.5 / 26.5: p95 at mu t = 4.128 -> 206.4 ms, p99 at 6.006 -> 300.3 ms.
  const hand = QS.map((p) => mixtureQuantile([{ weight: 1, queue: perTask(120) }], p));

  it('the hand values', () => {
    expect(hand[1]).toBeCloseTo(206.4, 1);
    expect(hand[2]).toBeCloseTo(300.3, 1);
  });

  it('fluid: 6 h of one-minute periods give the M/M/4 quantiles (relative 1e-6)', () => {
    const { model } = run('fluid', () => 120, 6 * HOUR);
    QS.forEach((p, i) => expect(Math.abs(model.runLatencyQuantile(p)! / hand[i] - 1)).toBeLessThan(1e-6));
  });

  it('request fidelity: 2 h (864 000 requests) within 2 % (p50, p95) and 3 % (p99) of the M/M/4 quantiles', () => {
    // a quantile of the per-period p95s (the old summary) read 233 ms over 6 h: +13 %
    const { model } = run('request', () => 120, 2 * HOUR);
    expect(Math.abs(model.runLatencyQuantile(0.5)! / hand[0] - 1)).toBeLessThan(0.02);
    expect(Math.abs(model.runLatencyQuantile(0.95)! / hand[1] - 1)).toBeLessThan(0.02);
    expect(Math.abs(model.runLatencyQuantile(0.99)! / hand[2] - 1)).toBeLessThan(0.03);
  });

  it('no request served: null', () => {
    for (const fidelity of ['fluid', 'request'] as const) {
      const { model } = run(fidelity, () => 0, 5 * PERIOD);
      expect(model.runLatencyQuantile(0.95)).toBeNull();
    }
  });
});

describe('run latency percentiles: a step from 48 to 144 rps after 1 h (rho 0.3, then 0.9)', () => {
  // the run's requests: 48 x 3600 in the first hour, 144 x 3600 in the second (weights 1/4, 3/4)
  const parts = [
    { weight: 48 * 3600, queue: perTask(48) },
    { weight: 144 * 3600, queue: perTask(144) },
  ];
  const hand = QS.map((p) => mixtureQuantile(parts, p));

  it('the hand values: p50 85.6, p95 372.6, p99 573.7 ms', () => {
    expect(hand.map((x) => Math.round(x * 10) / 10)).toEqual([85.6, 372.6, 573.7]);
  });

  it('fluid: the quantiles of the mixture of the two hours (relative 1e-6)', () => {
    const { model } = run('fluid', (t) => (t < HOUR ? 48 : 144), 2 * HOUR);
    QS.forEach((p, i) => expect(Math.abs(model.runLatencyQuantile(p)! / hand[i] - 1)).toBeLessThan(1e-6));
  });
});

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

  it('property: the run p95 lies between the least and greatest per-period p95 (and is the exact mixture\'s within 0.2 %)', () => {
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
        // groups merged within a 2 % cell take the cell's mean parameters: a second-order
        // error, not bounded by 0.1 % (a CI run found 0.100002 %), so 0.2 % here
        const got = run.quantile(sh, 0.95, 200)!;
        expect(Math.abs(got / exact - 1)).toBeLessThan(2e-3);
        expect(got).toBeGreaterThanOrEqual(lo * (1 - 2e-3));
        expect(got).toBeLessThanOrEqual(hi * (1 + 2e-3));
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

  it('a truncated wait\'s negative-weight group is kept, in a cell of its own sign (finite buffer): the run quantiles are the period\'s', () => {
    // those who do not wait; the "cut" shape: Exp less a shifted copy of negative weight; a fit
    const g = groupsOf([
      [400, 0, 0, Infinity],
      [500, 0, 1, 0.02],
      [-200, 30, 1, 0.02],
      [300, 10, 1, 0.05],
    ]);
    const run = new FluidRunLatency();
    for (let i = 0; i < 1_000; i++) run.add(g);
    expect(run.count).toBe(4);
    for (const p of QS) expect(Math.abs(run.quantile(shape, p, 200)! / g.quantile(shape, p, 200)! - 1)).toBeLessThan(1e-9);
  });

  /** Periods of finite-buffer waits (M/M/4/4+N at rho 0.5-1, N 2-14): cut pairs in every period. */
  function finiteBufferPeriods(runLatency: FluidRunLatency, exact: LatencyGroups, periods: number): void {
    const g = new LatencyGroups();
    for (let i = 0; i < periods; i++) {
      const rho = 0.5 + 0.5 * ((i * 0.6180339887) % 1);
      g.reset();
      g.add(1000, (rho * 4) / 50, 4, 1, 1, 50, 2 + (i % 5) * 3);
      runLatency.add(g);
      for (let k = 0; k < g.count; k++) exact.addGroup(g.weight[k], g.shift[k], g.pWait[k], g.theta[k]);
    }
  }

  it('a truncated wait\'s cut pair is one compound group: a steady finite buffer is exact, its pair in one cell', () => {
    const g = new LatencyGroups();
    g.add(1000, 3.8 / 50, 4, 1, 1, 50, 5); // rho 0.95, 5 places: not waiting, cut pair, fit
    let pairs = 0;
    for (let k = 0; k < g.count; k++) if (g.cutQ[k] > 0) pairs++;
    expect(pairs).toBe(1);
    const run = new FluidRunLatency();
    for (let i = 0; i < 1_000; i++) run.add(g);
    expect(run.count).toBe(g.count - 1);
    for (const p of QS) expect(Math.abs(run.quantile(shape, p, 200)! / g.quantile(shape, p, 200)! - 1)).toBeLessThan(1e-9);
  });

  it('coarse cells keep each cut pair together: the mixture stays a distribution and close to the exact one', () => {
    // Kept apart, the pairs' two signed parts merged with different neighbours: forced to 16
    // cells p95 / p99 read +37 % / +74 %, at 64 cells p99.9 +6.9 % (round 14's known limit).
    for (const [cells, tol] of [
      [MAX_CELLS, 1e-3],
      [64, 0.05],
      [16, 0.1],
    ] as const) {
      const run = new FluidRunLatency(1.02, cells);
      const exact = new LatencyGroups();
      finiteBufferPeriods(run, exact, 20_000);
      for (const p of [0.5, 0.95, 0.99, 0.999]) expect(Math.abs(run.quantile(shape, p, 200)! / exact.quantile(shape, p, 200)! - 1)).toBeLessThan(tol);
      // the mixture the quantiles were solved on: a tail that never rises and never goes below 0
      const mixture = (run as unknown as { mixture: LatencyGroups }).mixture;
      let previous = 1;
      for (let t = 0; t <= 5_000; t += 2.5) {
        const tail = mixture.tail(shape, t);
        expect(tail).toBeLessThanOrEqual(previous + 1e-12);
        expect(tail).toBeGreaterThanOrEqual(-1e-12);
        previous = tail;
      }
    }
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

describe('LatencyRecorder.addTo (request fidelity\'s run recorder)', () => {
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
