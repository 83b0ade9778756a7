// Fluid http: a queue that fills stays FIFO. What is served after the fill is first the
// queue the fill found (its head carried from before, then the arrivals that built it, each
// at the queue it found on arrival), then the requests admitted behind the full queue; a
// queue that ends full carries what each of its requests found (backlog-path.ts).
// Hand-computed: one task of 4 slots, fixed 100 ms (mu = 40/s), maxQueuePerTask 1 000,
// 80/s from an empty queue, 10 s periods. The queue grows by 40/s and fills at 25 s. The
// request arriving at t' < 25 s found 40 t' ahead (D = 40 t' + 1 departures, a wait of
// D / 40 = t' + 0.025 s) and, FIFO at 40/s, is served when the departures 40 t reach its
// arrival number 80 t': at t = 2 t'. So a period [t0, t0 + 10 s) up to 50 s serves the
// arrivals of [t0 / 2, t0 / 2 + 5 s): mean wait t0 / 2 + 2.5 + 0.025 s. From 50 s on it
// serves requests admitted behind the full queue: 1 000 ahead, 25 s (+- one departure).
import { describe, it, expect } from 'vitest';
import { RandomStreams, Simulator } from '../../../src/engine/index.js';
import { createServiceLoadModel, type ServiceWorkloadConfig } from '../../../src/workload/service/index.js';
import { backlogSeen, newBacklogSeen } from '../../../src/workload/service/backlog-path.js';
import { constantTrace, runPeriod } from './harness.js';

describe('fluid http: FIFO waits across a queue filling to maxQueuePerTask', () => {
  it('80/s into one task of 40/s, cap 1 000, 10 s periods: each period reads the waits its requests had', () => {
    const cfg: ServiceWorkloadConfig = { type: 'http', perTask: { concurrency: 4, serviceTime: { distribution: 'fixed', value: 100 } }, maxQueuePerTask: 1000 };
    const sim = new Simulator();
    const model = createServiceLoadModel(cfg, { sim, trace: constantTrace(80), streams: new RandomStreams(1), serviceName: 'svc', fargate: true });
    model.setInRotation('t', true, 0);
    const runs = [];
    for (let t = 0; t < 80_000; t += 10_000) runs.push(runPeriod(sim, model, t, t + 10_000));
    for (const s of runs) expect(s.served).toBeCloseTo(400, 6);
    // before the fill: 2.5, 7.5 s (+ 0.025)
    expect(runs[0].meanWaitMs! / 1000).toBeCloseTo(2.525, 1);
    expect(runs[1].meanWaitMs! / 1000).toBeCloseTo(7.525, 1);
    // the fill period (20-30 s) and the ones after serve the arrivals of 10-15 s, 15-20 s,
    // 20-25 s: 12.5, 17.5, 22.5 s (+ 0.025). (Read at the full queue's law they showed 18.1
    // and 25.0 s for the first two.)
    expect(runs[2].meanWaitMs! / 1000).toBeCloseTo(12.525, 1);
    expect(runs[3].meanWaitMs! / 1000).toBeCloseTo(17.525, 1);
    expect(runs[4].meanWaitMs! / 1000).toBeCloseTo(22.525, 1);
    // only requests admitted behind the full queue: 1 000 ahead, 25 s +- 1 / 40 s
    for (const s of runs.slice(5)) {
      expect(Math.abs(s.meanWaitMs! / 1000 - 25)).toBeLessThanOrEqual(0.026);
    }
    // fixed service: the waits of a period are about uniform over its 5 s: p50 about the
    // mean + 0.1 s of service, p99 about its top (the slices' fitted shapes err a little)
    expect(runs[3].latencyP50Ms! / 1000).toBeGreaterThan(17.525 + 0.1 - 0.2);
    expect(runs[3].latencyP50Ms! / 1000).toBeLessThan(17.525 + 0.1 + 0.2);
    expect(runs[3].latencyP99Ms! / 1000).toBeLessThan(20.025 + 0.1 + 0.3);
  });

  it('backlogSeen: the fill period serves its head first, and the queue it leaves full keeps its segments', () => {
    // q0 800 carried as one segment D 401 -> 801 (the arrivals of 10-20 s above), 800
    // arrivals over 10 000 ms at 0.04/ms, cap 1 000: full at 5 000 ms; 400 served, all of
    // the head (D 401 -> 601: mean 501, variance 200^2 / 12), none at the full queue's law.
    // Left: the head's other 400 (601 -> 801), the 400 arrivals of 0-5 000 ms (found 800
    // up to 1 000: D 801 -> 1 001), and the 200 admitted behind the full queue.
    const o = newBacklogSeen();
    backlogSeen(800, 800, 0.04, 10_000, 1000, o, { front: 0, frontFirst: 0, frontLast: 0, backFirst: 401, backLast: 801, full: 0 });
    expect(o.lineServed).toBeCloseTo(400, 9);
    expect(o.headServed).toBeCloseTo(400, 9);
    expect(o.headDepartures).toBeCloseTo(501, 9);
    expect(o.headDeparturesVar).toBeCloseTo(40000 / 12, 9);
    expect(o.fullServed).toBeCloseTo(0, 9);
    expect(o.end.front).toBeCloseTo(400, 9);
    expect(o.end.frontFirst).toBeCloseTo(601, 9);
    expect(o.end.frontLast).toBeCloseTo(801, 9);
    expect(o.end.backFirst).toBeCloseTo(801, 9);
    expect(o.end.backLast).toBeCloseTo(1001, 9);
    expect(o.end.full).toBeCloseTo(200, 9);
    // the next 10 s, held full: the front's 400 served (mean 701); left the back's 400 and
    // 600 admitted behind the full queue
    const p = { ...o.end };
    backlogSeen(1000, 800, 0.04, 10_000, 1000, o, p);
    expect(o.frontServed).toBeCloseTo(400, 9);
    expect(o.frontDepartures).toBeCloseTo(701, 9);
    expect(o.fullServed).toBeCloseTo(0, 9);
    expect(o.end.front).toBeCloseTo(400, 9);
    expect(o.end.frontFirst).toBeCloseTo(801, 9);
    expect(o.end.frontLast).toBeCloseTo(1001, 9);
    expect(o.end.full).toBeCloseTo(600, 9);
    // then 20 s at 40/s (a drain at the rate, the queue held): 800 served, the 400 of D
    // 801 -> 1 001, then 400 of those admitted behind the full queue, read as queued
    // behind it: D 1 001
    const r = { ...o.end };
    backlogSeen(1000, 800, 0.04, 20_000, 1000, o, r);
    expect(o.frontServed).toBeCloseTo(400, 9);
    expect(o.frontDepartures).toBeCloseTo(901, 9);
    expect(o.headServed).toBeCloseTo(800, 9);
    expect(o.headDepartures).toBeCloseTo(1001, 9);
    expect(o.headDeparturesVar).toBeCloseTo(0, 9);
    expect(o.fullServed).toBe(0);
    // a 40 s period from the same start: the 800 queued, then the 400 arrivals of 0-5 s,
    // then 400 of the 1 400 admitted behind the full queue at its law (x = 1/2: E[free]
    // = 2, D = 999); the last 1 000 admitted are left
    backlogSeen(800, 3200, 0.04, 40_000, 1000, o, { front: 0, frontFirst: 0, frontLast: 0, backFirst: 401, backLast: 801, full: 0 });
    expect(o.headServed).toBeCloseTo(800, 9);
    expect(o.lineServed).toBeCloseTo(1200, 9);
    expect(o.lineDepartures).toBeCloseTo(901, 9);
    expect(o.fullServed).toBeCloseTo(400, 9);
    expect(o.fullDepartures).toBeCloseTo(999, 6);
    expect(o.end.backFirst).toBe(0);
    expect(o.end.full).toBeCloseTo(1000, 9);
  });
});

describe('fluid http: a queue that ended full drains FIFO (front, back, then those admitted at the cap)', () => {
  // Hand-computed: as above (one task of 40/s, cap 1 000, 10 s periods), 80/s from 0 to
  // 30 s, then 0/s. At 30 s the queue holds arrivals #1 201-#2 000 (came at 15-25 s, found
  // 40 t' ahead: D 601 -> 1 001), then the 200 admitted behind the full queue at 25-30 s
  // (1 000 ahead). FIFO at 40/s: 30-40 s serves #1 201-#1 600 (D 601 -> 801: mean wait
  // 701 / 40 = 17.525 s), 40-50 s #1 601-#2 000 (D 801 -> 1 001: 22.525 s), 50-55 s the 200
  // admitted at the cap: 25 to 25.025 s (found 999 or 1 000 ahead); no request waits more
  // than 1 001 / 40 = 25.025 s, so none has a latency above 25.125 s (fixed 100 ms service).
  it('80/s then 0/s: each drain period reads its own requests, none above cap + 1 departures', () => {
    const cfg: ServiceWorkloadConfig = { type: 'http', perTask: { concurrency: 4, serviceTime: { distribution: 'fixed', value: 100 } }, maxQueuePerTask: 1000 };
    const sim = new Simulator();
    const rate = (t: number): number => (t < 30_000 ? 80 : 0);
    const integral = (t: number): number => (Math.min(t, 30_000) * 80) / 1000;
    const trace = { rateAt: rate, meanRate: (a: number, b: number) => (b > a ? ((integral(b) - integral(a)) * 1000) / (b - a) : rate(a)) };
    const model = createServiceLoadModel(cfg, { sim, trace, streams: new RandomStreams(1), serviceName: 'svc', fargate: true });
    model.setInRotation('t', true, 0);
    const runs = [];
    for (let t = 0; t < 60_000; t += 10_000) runs.push(runPeriod(sim, model, t, t + 10_000));
    expect(runs[3].served).toBeCloseTo(400, 6);
    expect(runs[4].served).toBeCloseTo(400, 6);
    // (the model holds the full queue at the chain's mean, 999.5: half a request fewer)
    expect(Math.abs(runs[5].served - 200)).toBeLessThanOrEqual(0.5);
    expect(runs[3].meanWaitMs! / 1000).toBeCloseTo(17.525, 2);
    expect(runs[4].meanWaitMs! / 1000).toBeCloseTo(22.525, 2);
    expect(runs[5].meanWaitMs! / 1000).toBeGreaterThanOrEqual(25 - 1e-6);
    expect(runs[5].meanWaitMs! / 1000).toBeLessThanOrEqual(25.025 + 1e-6);
    // p99: the line parts' at most the top latency, 25.125 s; the last 199.5, held at the
    // chain's mean 999.5, at D 1 000.5 (queued behind it, as the chain's admitted requests
    // found about 999.5 - 1 ahead) take the model's noise of the first departure (a shift
    // of 1 000.5 / 40 - 1 / 40 s and an exponential of mean 1 / 40 s, fluid-latency.ts
    // addBacklogged): p99 25.1125 - 0.025 + 0.025 ln 100 = 25.203 s (before: a joined line
    // past 1 001 read 26.78 s)
    expect(runs[3].latencyP99Ms! / 1000).toBeLessThanOrEqual(20.125 + 0.01);
    expect(runs[4].latencyP99Ms! / 1000).toBeLessThanOrEqual(25.125 + 0.01);
    expect(runs[5].latencyP99Ms! / 1000).toBeCloseTo(25.0875 + 0.025 * Math.log(100), 2);
  });

  it('backlogSeen: front and back joined as the front, those admitted at the cap a flat back at cap + 1', () => {
    // the queue at 30 s above: front 400 (D 601 -> 801), back 400 (801 -> 1 001), 200
    // admitted at the cap; 0/s. Front and back lie on one line: joined 800 of D 601 -> 1 001.
    const o = newBacklogSeen();
    backlogSeen(1000, 0, 0.04, 10_000, 1000, o, { front: 400, frontFirst: 601, frontLast: 801, backFirst: 801, backLast: 1001, full: 200 });
    expect(o.frontServed).toBeCloseTo(400, 9);
    expect(o.frontDepartures).toBeCloseTo(701, 9);
    expect(o.end.front).toBeCloseTo(400, 9);
    expect(o.end.frontFirst).toBeCloseTo(801, 9);
    expect(o.end.frontLast).toBeCloseTo(1001, 9);
    expect(o.end.backFirst).toBeCloseTo(1001, 9);
    expect(o.end.backLast).toBeCloseTo(1001, 9);
    expect(o.end.full).toBe(0);
    // 40-50 s: #1 601-#2 000 (mean 901), then 50-60 s the 200 at 1 001
    backlogSeen(600, 0, 0.04, 10_000, 1000, o, { ...o.end });
    expect(o.frontServed).toBeCloseTo(400, 9);
    expect(o.frontDepartures).toBeCloseTo(901, 9);
    expect(o.frontDeparturesVar).toBeCloseTo(40000 / 12, 6);
    backlogSeen(200, 0, 0.04, 10_000, 1000, o, { ...o.end });
    expect(o.headServed).toBeCloseTo(200, 9);
    expect(o.frontDepartures * o.frontServed + o.headDepartures * (o.headServed - o.frontServed)).toBeCloseTo(200 * 1001, 6);
    // the whole drain in one 25 s period: 400 x 701 + 400 x 901 + 200 x 1 001 (mean 841),
    // the line part (front then back) 800 of mean 801 and the tail 200 at 1 001
    backlogSeen(1000, 0, 0.04, 25_000, 1000, o, { front: 400, frontFirst: 601, frontLast: 801, backFirst: 801, backLast: 1001, full: 200 });
    expect(o.frontServed).toBeCloseTo(800, 9);
    expect(o.frontDepartures).toBeCloseTo(801, 9);
    expect(o.headServed).toBeCloseTo(1000, 9);
    expect(o.headDepartures).toBeCloseTo(1001, 9);
  });

  it('backlogSeen: a joined line keeps its mean and ends at most at the largest D of its parts', () => {
    // front 10 at D 501, back 890 at D 1 001, 100 at the cap: not on one line. Joined from 501
    // the mean (10 x 501 + 890 x 1 001) / 900 = 995.44 would end at 1 489.9; it ends at 1 001
    // (no request of them found more than 1 000 ahead), from 2 x 995.44 - 1 001 = 989.89.
    const o = newBacklogSeen();
    const mean = (10 * 501 + 890 * 1001) / 900;
    backlogSeen(1000, 0, 0.04, 22_500, 1000, o, { front: 10, frontFirst: 501, frontLast: 501, backFirst: 1001, backLast: 1001, full: 100 });
    expect(o.frontServed).toBeCloseTo(900, 9);
    expect(o.frontDepartures).toBeCloseTo(mean, 9);
    expect(o.frontDeparturesVar).toBeCloseTo((2 * (1001 - mean)) ** 2 / 12, 6);
    expect(o.end.front).toBeCloseTo(100, 9);
    expect(o.end.frontFirst).toBeCloseTo(1001, 9);
    // the end join (the back segment and a building period's arrivals): back 100 at D 1,
    // then 1 000 arrivals in 1 s into 0.01/ms behind a front of 100 (10 served): D 201 ->
    // 1 191. Mean (100 x 1 + 1 000 x 696) / 1 100 = 632.82; from 1 it would end at 1 264.6,
    // past the arrivals' last 1 191: it ends there, from 2 x 632.82 - 1 191.
    backlogSeen(200, 1000, 0.01, 1000, 10_000, o, { front: 100, frontFirst: 150, frontLast: 150, backFirst: 1, backLast: 1, full: 0 });
    const m2 = (100 * 1 + 1000 * 696) / 1100;
    expect(o.end.front).toBeCloseTo(90, 9);
    expect(o.end.backLast).toBeCloseTo(1191, 9);
    expect(o.end.backFirst).toBeCloseTo(2 * m2 - 1191, 9);
  });

  it('backlogSeen: a queue held at the chain\'s mean below the cap drains its requests at that mean + 1', () => {
    // 999.5 held (below the cap 1 000: the chain's mean b), all admitted behind the full
    // buffer. The chain's admitted requests found about b - 1 ahead (free places j >= 1
    // geometric of ratio x: K - 1 / (1 - x) ahead, and b = K - x / (1 - x)): D = b + 1 =
    // 1 000.5 is the fluid's reading of 'the queue found + 1', cap + 1 = 1 001 is long
    const o = newBacklogSeen();
    backlogSeen(999.5, 0, 0.04, 10_000, 1000, o, { front: 0, frontFirst: 0, frontLast: 0, backFirst: 0, backLast: 0, full: 999.5 });
    expect(o.headServed).toBeCloseTo(400, 9);
    expect(o.headDepartures).toBeCloseTo(1000.5, 9);
    expect(o.headDeparturesVar).toBeCloseTo(0, 9);
  });
});
