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
