// Fluid queue services: a message served behind the shared backlog waits since it arrived
// (FIFO), however the backlog built. Hand-computed from the cumulative curves: the message
// served at t is number S(t) (departures so far) and arrived when the arrivals A first
// reached S(t); its wait is t - A^-1(S(t)).
import { describe, it, expect } from 'vitest';
import { RandomStreams, Simulator } from '../../../src/engine/index.js';
import { createServiceLoadModel, type ServiceWorkloadConfig } from '../../../src/workload/service/index.js';
import { ArrivalCurve, MAX_POINTS } from '../../../src/workload/service/arrival-curve.js';
import { runPeriod } from './harness.js';

/** Piecewise-constant rate (msg/s): `rates[i]` from `at[i]` ms on. */
function stepTrace(at: number[], rates: number[]) {
  const rateAt = (t: number) => {
    let r = rates[0];
    for (let i = 0; i < at.length; i++) if (t >= at[i]) r = rates[i];
    return r;
  };
  const integral = (t: number) => {
    let s = 0;
    for (let i = 0; i < at.length; i++) {
      const end = i + 1 < at.length ? Math.min(t, at[i + 1]) : t;
      if (end > at[i]) s += rates[i] * (end - at[i]);
    }
    return s;
  };
  return { rateAt, meanRate: (from: number, to: number) => (to > from ? (integral(to) - integral(from)) / (to - from) : rateAt(from)) };
}

function build(config: ServiceWorkloadConfig, trace: ReturnType<typeof stepTrace>) {
  const sim = new Simulator();
  const model = createServiceLoadModel(config, { sim, trace, streams: new RandomStreams(1), serviceName: 'svc', fargate: true });
  return { sim, model };
}

const MIN = 60_000;

describe('fluid queue service: FIFO waits behind a backlog', () => {
  it('built with no worker, drained by one: the message served at t arrived at S(t) / a', () => {
    // a = 10 msg/s for 300 s with no worker: 3 000 waiting, no arrivals after. One worker of
    // 4 slots, fixed 200 ms (mu = 20 msg/s) from 300 s: S(t) = 20 (t - 300), arrived at
    // S / 10 = 2 (t - 300), waited 600 - t s; drained at 450 s.
    const worker: ServiceWorkloadConfig = { type: 'queue', perTask: { concurrency: 4, serviceTime: { distribution: 'fixed', value: 200 } } };
    const { sim, model } = build(worker, stepTrace([0, 300_000], [10, 0]));
    for (let i = 0; i < 5; i++) runPeriod(sim, model, i * MIN, (i + 1) * MIN);
    model.setInRotation('w', true, 5 * MIN);
    // 300-360 s: waits uniform over [240, 300] s; + 0.2 s of service
    let s = runPeriod(sim, model, 5 * MIN, 6 * MIN);
    expect(s.served).toBeCloseTo(1200, 9);
    expect(s.latencyP50Ms! / 1000).toBeGreaterThan(270.2 * 0.995);
    expect(s.latencyP50Ms! / 1000).toBeLessThan(270.2 * 1.005);
    expect(s.latencyP95Ms! / 1000).toBeGreaterThan(297.2 * 0.995);
    expect(s.latencyP95Ms! / 1000).toBeLessThan(297.2 * 1.01);
    expect(s.meanWaitMs! / 1000).toBeCloseTo(270, 0);
    // 360-420 s: [180, 240] s
    s = runPeriod(sim, model, 6 * MIN, 7 * MIN);
    expect(s.latencyP95Ms! / 1000).toBeGreaterThan(237.2 * 0.995);
    expect(s.latencyP95Ms! / 1000).toBeLessThan(237.2 * 1.01);
    // 420-480 s: 600 served over 420-450 s, waits [150, 180] s; then empty, no arrivals
    s = runPeriod(sim, model, 7 * MIN, 8 * MIN);
    expect(s.served).toBeCloseTo(600, 6);
    expect(s.latencyP95Ms! / 1000).toBeGreaterThan(178.7 * 0.995);
    expect(s.latencyP95Ms! / 1000).toBeLessThan(178.7 * 1.01);
  });

  it('a backlog that spans two arrival rates keeps both (the older part is served first); a quiet start is skipped', () => {
    // No arrivals for the first minute (a queue idle before its batch). No worker: 10/s for
    // 1-3 min, 30/s for 3-5 min (A = 1 200 at 180 s, 4 800 at 300 s), none after; one worker
    // of 20/s (4 slots, fixed 200 ms) from 300 s.
    // 5-6 min: S = 20 (t - 300) from 0 to 1 200, arrived 60 + S / 10: waits 540 - t, [180, 240] s
    // (the first message served arrived at 60 s, not at 0: the quiet minute is no wait).
    // 6-7 min: S 1 200-2 400, arrived 180 + (S - 1 200) / 30 = 180 + 2 (t - 360) / 3:
    // waits 180 + (t - 360) / 3, [180, 200] s.
    const worker: ServiceWorkloadConfig = { type: 'queue', perTask: { concurrency: 4, serviceTime: { distribution: 'fixed', value: 200 } } };
    const { sim, model } = build(worker, stepTrace([0, MIN, 3 * MIN, 5 * MIN], [0, 10, 30, 0]));
    for (let i = 0; i < 5; i++) runPeriod(sim, model, i * MIN, (i + 1) * MIN);
    model.setInRotation('w', true, 5 * MIN);
    let s = runPeriod(sim, model, 5 * MIN, 6 * MIN);
    expect(s.latencyP95Ms! / 1000).toBeGreaterThan(237.2 * 0.995);
    expect(s.latencyP95Ms! / 1000).toBeLessThan(237.2 * 1.01);
    expect(s.latencyP99Ms! / 1000).toBeLessThan(240.2 * 1.01);
    s = runPeriod(sim, model, 6 * MIN, 7 * MIN);
    expect(s.latencyP95Ms! / 1000).toBeGreaterThan(199.2 * 0.995);
    expect(s.latencyP95Ms! / 1000).toBeLessThan(199.2 * 1.01);
    expect(s.meanWaitMs! / 1000).toBeCloseTo(190, 0);
  });

  it('a backlog built under another arrival rate (the reviewer case, minutes 6 and 29)', () => {
    // 2 workers x 4 slots, exponential 200 ms: 40 msg/s, from 6 min. Arrivals 20/s, 60/s from
    // 15 min, 0 from 25 min. A(15 min) = 18 000, A(25 min) = 54 000.
    // 6-7 min: S = 40 (t - 360) from 0, arrived S / 20 = 2 (t - 360): waits 720 - t, [300, 360] s.
    // The backlog (7 200 at 6 min, -20/s) empties at 12 min; 15-25 min it builds at +20/s to
    // 12 000, drained at 40/s from 25 min to 30 min. 29-30 min: S from 51 600 to 54 000,
    // arrived 900 + (S - 18 000) / 60 s = 1 460-1 500 s: waits [280, 300] s.
    const worker: ServiceWorkloadConfig = { type: 'queue', perTask: { concurrency: 4, serviceTime: { distribution: 'exponential', mean: 200 } } };
    const { sim, model } = build(worker, stepTrace([0, 15 * MIN, 25 * MIN], [20, 60, 0]));
    const p95: number[] = [];
    for (let i = 0; i < 30; i++) {
      if (i === 6) {
        model.setInRotation('w1', true, 6 * MIN);
        model.setInRotation('w2', true, 6 * MIN);
      }
      p95.push(runPeriod(sim, model, i * MIN, (i + 1) * MIN).latencyP95Ms! / 1000);
    }
    // uniform waits' 95th percentile (+ a little service time and the departures' spread)
    expect(p95[6]).toBeGreaterThan(357 * 0.995);
    expect(p95[6]).toBeLessThan(357 * 1.01);
    expect(p95[29]).toBeGreaterThan(299 * 0.995);
    expect(p95[29]).toBeLessThan(299 * 1.01);
    // 27-28 min: S 46 800-49 200, arrived 1 380-1 420 s, waits [240, 260] s
    expect(p95[27]).toBeGreaterThan(259 * 0.995);
    expect(p95[27]).toBeLessThan(259 * 1.01);
    // 20-21 min, building: S = 18 000 + 40 (t - 900) (the backlog emptied at 12 min),
    // arrived 900 + 2 (t - 900) / 3: waits (t - 900) / 3, [100, 120] s
    expect(p95[20]).toBeGreaterThan(119 * 0.995);
    expect(p95[20]).toBeLessThan(119 * 1.01);
  });
});

describe('ArrivalCurve', () => {
  it('A^-1: the first time the arrivals pass x (a period with none is skipped)', () => {
    const c = new ArrivalCurve();
    c.push(0, 0);
    c.push(60_000, 600); // 10/s
    c.push(120_000, 600); // none
    c.push(180_000, 2400); // 30/s
    expect(c.timeOf(300)).toBeCloseTo(30_000, 9);
    // the message after the 600th is the first of the third minute
    expect(c.timeOf(600)).toBeCloseTo(120_000, 9);
    expect(c.timeOf(900)).toBeCloseTo(130_000, 9);
    c.prune(900);
    expect(c.length).toBe(2);
    expect(c.timeOf(900)).toBeCloseTo(130_000, 9);
    // a quiet first minute: the first message arrived at 60 s, and once none is waiting the
    // quiet stretch is dropped
    const q = new ArrivalCurve();
    q.push(0, 0);
    q.push(60_000, 0);
    q.push(120_000, 600);
    expect(q.timeOf(0)).toBe(60_000);
    q.prune(0);
    expect(q.length).toBe(2);
  });

  it('periods at one rate are one segment; memory stays bounded when the rate changes every period', () => {
    const steady = new ArrivalCurve();
    for (let i = 0; i <= 10_000; i++) steady.push(i * 60_000, i * 600);
    expect(steady.length).toBe(2);
    expect(steady.timeOf(600 * 5000 + 300)).toBeCloseTo(5000 * 60_000 + 30_000, 3);
    const varying = new ArrivalCurve();
    let a = 0;
    for (let i = 0; i <= 100_000; i++) {
      varying.push(i * 60_000, a);
      a += i % 2 === 0 ? 600 : 1200;
    }
    expect(varying.length).toBeLessThanOrEqual(MAX_POINTS);
    // coarsened, still monotone and through kept points: the first message, and the last
    expect(varying.timeOf(0)).toBe(0);
    expect(varying.timeOf(a - 600)).toBe(100_000 * 60_000);
  });
});
