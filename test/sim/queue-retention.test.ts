// SQS message retention (workload.messageRetentionPeriod, SQS's MessageRetentionPeriod:
// default 345,600 s = 4 days, 60 s to 1,209,600 s = 14 days, CreateQueue; "Amazon SQS
// automatically deletes messages left in a queue longer than the retention period
// configured for the queue", DeleteMessage). The expired messages leave the visible count and
// are counted dropped.
//
// Hand computation (constant lambda = 10 messages/s, no worker, retention R): at the end of
// minute k (t = 60k s) the messages left are those sent in (t - R, t]: min(600k, 10 R); the
// dropped ones those sent by t - R: 10 (t - R) in all once t > R, so per period 600 once
// the plateau is reached. R = 60 s: backlog 600 from the first minute, dropped 0, then 600
// a minute (10 x (t - 60) in all). R = 90 s: backlog 600, then 900 (10 x 90); dropped 0,
// 300 (the 300 sent in [0, 30 s)), then 600 a minute.

import { describe, it, expect } from 'vitest';
import { runKeepingRows } from '../helpers.js';

function scenario(retention: string | undefined, fidelity: 'fluid' | 'request' = 'fluid', duration = '10m') {
  return {
    name: 'queue-retention',
    seed: 1,
    start: '2026-03-02T06:00:00Z',
    duration,
    cluster: { availabilityZones: ['us-east-1a'], capacityProviders: { FARGATE: {} } },
    taskDefinitions: {
      worker: {
        cpu: 512,
        memory: 1024,
        networkMode: 'awsvpc',
        requiresCompatibilities: ['FARGATE'],
        containerDefinitions: { worker: { cpu: 512, memory: 1024 } },
        startup: { imagePull: '15s', containerStart: '3s' },
      },
    },
    services: {
      worker: {
        taskDefinition: 'worker',
        desiredCount: 0,
        launchType: 'FARGATE',
        fidelity,
        workload: {
          type: 'queue',
          requestRate: { constant: 10 },
          perTask: { concurrency: 4, serviceTime: { distribution: 'exponential', mean: '200ms' } },
          ...(retention !== undefined ? { messageRetentionPeriod: retention } : {}),
        },
      },
    },
  };
}

const close = (a: number, b: number) => Math.abs(a - b) <= 1e-6 * Math.max(1, Math.abs(b));

describe('messageRetentionPeriod: fluid fidelity, no worker, 10 messages/s', () => {
  it('R = 60 s: the backlog plateaus at 10 x 60 = 600; dropped 600 a minute from the second minute, 10 x (t - 60) in all', () => {
    const r = runKeepingRows(scenario('60s'), { seed: 1 });
    expect(r.timeseries.length).toBe(10);
    r.timeseries.forEach((x, k) => {
      expect(close(x.backlog!, 600)).toBe(true);
      expect(close(x.requestsDropped, k === 0 ? 0 : 600)).toBe(true);
      expect(x.requestsServed).toBe(0);
    });
    // over 10 minutes: 6000 sent, 10 x (600 - 60) = 5400 expired, 600 left
    expect((r.summary.services.worker as any).requests.dropped).toBe(5400);
  });

  it('R = 90 s (not a whole number of periods): 600 then 900 = 10 x 90 visible; dropped 0, 300, then 600 a minute', () => {
    const r = runKeepingRows(scenario('90s'), { seed: 1 });
    expect(r.timeseries.map((x) => Math.round(x.backlog! * 1e6) / 1e6)).toEqual([600, 900, 900, 900, 900, 900, 900, 900, 900, 900]);
    expect(r.timeseries.map((x) => Math.round(x.requestsDropped * 1e6) / 1e6)).toEqual([0, 300, 600, 600, 600, 600, 600, 600, 600, 600]);
    expect((r.summary.services.worker as any).requests.dropped).toBe(10 * (600 - 90));
  });

  it('default (4 days): nothing expires in 10 minutes, the backlog grows 600 a minute', () => {
    const r = runKeepingRows(scenario(undefined), { seed: 1 });
    expect(r.timeseries.map((x) => x.backlog)).toEqual([600, 1200, 1800, 2400, 3000, 3600, 4200, 4800, 5400, 6000]);
    expect((r.summary.services.worker as any).requests.dropped).toBe(0);
  });

  it('default 4 days over 5 days: the backlog plateaus at 10 x 345 600 = 3 456 000, dropped 10 x (5 d - 4 d) = 864 000', () => {
    const r = runKeepingRows(scenario(undefined, 'fluid', '5d'), { seed: 1 });
    const last = r.timeseries[r.timeseries.length - 1];
    expect(close(last.backlog!, 3_456_000)).toBe(true);
    expect((r.summary.services.worker as any).requests.dropped).toBe(864_000);
    // before day 4 ends nothing is dropped
    const day4 = 345_600_000;
    expect(r.timeseries.filter((x) => x.time + 60_000 <= day4).every((x) => x.requestsDropped === 0)).toBe(true);
  });
});

describe('messageRetentionPeriod: request fidelity, no worker', () => {
  it('R = 60 s, one 60 s period: the messages left at a period end are exactly those sent in it, the dropped those of the period before', () => {
    const r = runKeepingRows(scenario('60s', 'request'), { seed: 1 });
    const sent = r.timeseries.map((x) => Math.round(x.requestRate * 60));
    r.timeseries.forEach((x, k) => {
      expect(x.backlog).toBe(sent[k]);
      expect(x.requestsDropped).toBe(k === 0 ? 0 : sent[k - 1]);
    });
    // Poisson arrivals at 10/s: about 600 a minute
    expect(sent.every((n) => n > 500 && n < 700)).toBe(true);
    const total = sent.reduce((a, b) => a + b, 0);
    expect((r.summary.services.worker as any).requests.dropped).toBe(total - sent[sent.length - 1]);
  });
});

// One worker of 4 slots x 200 ms (20 messages/s) under 30 messages/s, R = 60 s. FIFO: the
// worker takes the oldest messages, which reach R first, so once the queue is full of a
// minute's arrivals every message younger than R still waits (30 x 60 = 1800 visible), the
// worker serves 20 x 60 = 1200 a minute, each after waiting R (no message is served older),
// and the other 10 x 60 = 600 a minute expire. Fluid fidelity gives these figures exactly
// once the worker runs the whole minute; request fidelity within its noise.
describe('messageRetentionPeriod with a worker too slow for the queue: both fidelities', () => {
  const withWorker = (fidelity: 'fluid' | 'request') => {
    const s = scenario('60s', fidelity, '20m') as any;
    s.services.worker.desiredCount = 1;
    s.services.worker.workload.requestRate = { constant: 30 };
    return runKeepingRows(s, { seed: 1 }).timeseries.slice(3);
  };

  it('fluid: 1800 visible, 1200 served and 600 expired a minute; waits capped at R', () => {
    for (const x of withWorker('fluid')) {
      expect(close(x.backlog!, 1800)).toBe(true);
      expect(close(x.requestsServed, 1200)).toBe(true);
      expect(close(x.requestsDropped, 600)).toBe(true);
      // every wait capped at R (60 s; uncapped, FIFO over a period-end expiry, they ran to
      // 80 s: p95 79.6 s), plus the fluid model's spread of the departures behind it (1200
      // at 20/s: sd sqrt(1201) / 20 = 1.7 s, 1.645 sd = 2.9 s) and the 200 ms service:
      // about 63.5 s, where request fidelity, which serves no message older than R, reads 60.5
      expect(x.latencyP95Ms!).toBeGreaterThan(60_000);
      expect(x.latencyP95Ms!).toBeLessThan(64_000);
    }
  });

  it('request: the same figures averaged over 17 minutes (within 5 %), and no message served after waiting more than R', () => {
    const rows = withWorker('request');
    const mean = (f: (x: (typeof rows)[number]) => number) => rows.reduce((a, x) => a + f(x), 0) / rows.length;
    expect(Math.abs(mean((x) => x.backlog!) - 1800)).toBeLessThan(90);
    expect(Math.abs(mean((x) => x.requestsServed) - 1200)).toBeLessThan(60);
    expect(Math.abs(mean((x) => x.requestsDropped) - 600)).toBeLessThan(30);
    for (const x of rows) expect(x.latencyP95Ms!).toBeLessThan(61_000);
  });
});
