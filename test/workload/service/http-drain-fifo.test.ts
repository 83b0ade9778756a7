// Fluid http: a per-task backlog that drains is served FIFO, so a request waits for the
// queue it found on arrival, not for the queue left behind it when it is served
// (backlog-path.ts; notes/service-model.md, row i). Hand-computed: a queue of B waiting at
// t0 (held at the cap: each of them queued behind a full queue accepting at mu, so waited
// (B + 1) / mu), arrivals at lambda < mu after t0: the request arriving at t0 + u waits
// (B + lambda u) / mu - u until the queue empties at u = B / (mu - lambda).
import { describe, it, expect } from 'vitest';
import { RandomStreams, Simulator } from '../../../src/engine/index.js';
import { createServiceLoadModel, type ServiceWorkloadConfig } from '../../../src/workload/service/index.js';
import { backlogSeen, newBacklogSeen } from '../../../src/workload/service/backlog-path.js';
import { runPeriod } from './harness.js';

const MIN = 60_000;

describe('fluid http: FIFO waits while a backlog drains', () => {
  it('backlogSeen: the head part (queued at the start) waits q0 + 1, the rest from q0 + 1 down to 1', () => {
    // 100 waiting, lambda 0.05/ms, rate 0.1/ms: empty after 100 / 0.05 = 2 000 ms. The 100
    // queued are served over the first 1 000 ms, each D = 101; the 100 that arrive over
    // 0-2 000 ms are served over 1 000-2 000 ms: the one arriving at u is served when the
    // departures 0.1 u' reach 100 + 0.05 u, so waited (100 + 0.05 u) / 0.1 - u = 1000 - u / 2
    // ms: D = wait x rate + 1 from 101 down to 1, uniform (mean 51, variance 100^2 / 12).
    const o = newBacklogSeen();
    backlogSeen(100, 3000, 0.1, 60_000, 100, o);
    expect(o.lineServed).toBeCloseTo(200, 9);
    expect(o.headServed).toBeCloseTo(100, 9);
    expect(o.headDepartures).toBeCloseTo(101, 9);
    expect(o.lineDepartures).toBeCloseTo(51, 9);
    expect(o.lineDeparturesVar).toBeCloseTo(10000 / 12, 9);
    expect(o.fullServed).toBe(0);
    // cut by the period end at 1 500 ms: 100 head, then 50 of the rest, the last waiting
    // 1000 - 1000 / 2 = 500 ms (D 51): D uniform over [51, 101]
    backlogSeen(100, 75, 0.1, 1500, 100, o);
    expect(o.lineServed).toBeCloseTo(150, 9);
    expect(o.headServed).toBeCloseTo(100, 9);
    expect(o.lineDepartures).toBeCloseTo(76, 9);
    expect(o.lineDeparturesVar).toBeCloseTo(2500 / 12, 9);
    // no arrivals: only the head part, all served by 1 000 ms
    backlogSeen(100, 0, 0.1, 60_000, 100, o);
    expect(o.lineServed).toBeCloseTo(100, 9);
    expect(o.headServed).toBeCloseTo(100, 9);
  });

  it('a full queue of 1 000 drained at 40/s under 20/s of arrivals: the drain minute: p50, p95, p99 and mean wait', () => {
    // One task, 4 slots, fixed 100 ms (mu = 40/s), maxQueuePerTask 1 000; 50/s for 10 min
    // (the queue full) then 20/s. Minute 10-11: the 1 000 queued are served over 0-25 s, each
    // waited 1 001 / 40 = 25.0 s; the 1 000 arriving over 0-50 s are served over 25-50 s, the
    // one arriving at u waited (1 000 + 20 u) / 40 - u = 25 - u / 2 s (uniform over 0-25 s);
    // the 200 of 50-60 s find no queue (rho 0.5, fixed service: about no wait). Sorted: 200
    // at ~0, 1 000 uniform over 0-25 s, 1 000 at 25 s; + 0.1 s of service each.
    // p50 (request 1 100): 900 / 1 000 of 25 s = 22.5 s; p95 (2 090) and p99: the head's 25.0 s. Before the FIFO drain (D = q(t) + 1 at the
    // departure) p50 read about 12 s.
    const cfg: ServiceWorkloadConfig = {
      type: 'http',
      perTask: { concurrency: 4, serviceTime: { distribution: 'fixed', value: 100 } },
      maxQueuePerTask: 1000,
    };
    const rate = (t: number) => (t < 10 * MIN ? 50 : 20);
    const integral = (t: number) => (t < 10 * MIN ? 50 * t : 50 * 10 * MIN + 20 * (t - 10 * MIN)) / 1000;
    const trace = { rateAt: rate, meanRate: (a: number, b: number) => (b > a ? ((integral(b) - integral(a)) * 1000) / (b - a) : rate(a)) };
    const sim = new Simulator();
    const model = createServiceLoadModel(cfg, { sim, trace, streams: new RandomStreams(1), serviceName: 'svc', fargate: true });
    model.setInRotation('t', true, 0);
    let s = runPeriod(sim, model, 0, MIN);
    for (let i = 1; i < 10; i++) s = runPeriod(sim, model, i * MIN, (i + 1) * MIN);
    // full, or held at the chain's mean (998 here) and then read as full (D = 1 001)
    const b = s.queued;
    expect(b).toBeGreaterThan(990);
    s = runPeriod(sim, model, 10 * MIN, 11 * MIN);
    expect(s.served).toBeCloseTo(b + 1200, 6);
    expect(s.latencyP50Ms! / 1000).toBeGreaterThan(22.6 * 0.98);
    expect(s.latencyP50Ms! / 1000).toBeLessThan(22.6 * 1.02);
    // mean wait: (1 000 x 1 001 / 40 + 1 000 x 501 / 40) / 2 200 = 17.07 s (the 200 ~0)
    expect(s.meanWaitMs! / 1000).toBeGreaterThan(17.07 * 0.99);
    expect(s.meanWaitMs! / 1000).toBeLessThan(17.07 * 1.01);
    expect(s.latencyP95Ms! / 1000).toBeGreaterThan(25.1 * 0.99);
    expect(s.latencyP95Ms! / 1000).toBeLessThan(25.1 * 1.02);
    expect(s.latencyP99Ms! / 1000).toBeLessThan(25.1 * 1.03);
  });
});
