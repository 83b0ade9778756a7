// `requests_queued` (PeriodStats.waiting) is the requests WAITING at the period end, not in
// service (docs/outputs.md), in both fidelities: http, the tasks' queues; queue services,
// the visible messages. PeriodStats.queued keeps "accepted, not completed" for the
// conservation check (waiting + in service in request fidelity).

import { describe, it, expect } from 'vitest';
import { build, runPeriod } from './harness.js';

const overloaded = (fidelity: 'fluid' | 'request') => ({
  type: 'http' as const,
  perTask: { concurrency: 4, serviceTime: { distribution: 'exponential' as const, mean: 40 } },
  maxQueuePerTask: 200,
  fidelity,
  routing: 'random' as const,
});

describe('requests waiting at the period end', () => {
  it('one http task at rho 1.5 (150/s against 4 / 40 ms = 100/s), queue capped at 200: both fidelities report the full queue waiting (request fidelity: within a few departures of it); the 4 in service are not counted', () => {
    const f = build(overloaded('fluid'), 150);
    f.model.setInRotation('a', true, 0);
    const fs = runPeriod(f.sim, f.model, 0, 60_000);
    expect(fs.waiting).toBeCloseTo(200, 9);
    expect(fs.queued).toBeCloseTo(200, 9);
    const r = build(overloaded('request'), 150, 4);
    r.model.setInRotation('a', true, 0);
    const rs = runPeriod(r.sim, r.model, 0, 60_000);
    // 50 requests/s more than served for 60 s: the queue is (nearly) full at the end, and
    // with a request waiting all 4 slots are busy (FIFO per task)
    expect(rs.waiting).toBeGreaterThan(190);
    expect(rs.waiting).toBeLessThanOrEqual(200);
    expect(rs.queued - rs.waiting).toBe(4);
  });

  it('request fidelity, service longer than the period (fixed 100 s, concurrency 2): of N arrivals, 2 are in service and N - 2 wait', () => {
    const { sim, model } = build({ type: 'http', perTask: { concurrency: 2, serviceTime: { distribution: 'fixed', value: 100_000 } }, maxQueuePerTask: 1000, fidelity: 'request', routing: 'random' }, 0.5, 2);
    model.setInRotation('a', true, 0);
    const s = runPeriod(sim, model, 0, 60_000);
    expect(s.served).toBe(0);
    expect(s.offered).toBeGreaterThan(2);
    expect(s.queued).toBe(s.offered);
    expect(s.waiting).toBe(s.offered - 2);
  });

  it('queue services: waiting = the visible messages (backlog), in-flight ones excluded', () => {
    const worker = (fidelity: 'fluid' | 'request') => ({ type: 'queue' as const, perTask: { concurrency: 4, serviceTime: { distribution: 'fixed' as const, value: 200 } }, fidelity });
    for (const fidelity of ['fluid', 'request'] as const) {
      const { sim, model } = build(worker(fidelity), 40, 3);
      model.setInRotation('w', true, 0);
      const s = runPeriod(sim, model, 0, 60_000);
      expect(s.waiting, fidelity).toBe(s.backlog);
      // 40/s against 4 / 0.2 s = 20/s: about 1200 wait
      expect(s.waiting, fidelity).toBeGreaterThan(1000);
      if (fidelity === 'request') expect(s.queued - s.waiting).toBe(4);
    }
  });
});

describe('timeseries.csv requests_queued', () => {
  it('is the waiting count: for a request-fidelity queue worker it equals backlog (in-flight messages excluded)', async () => {
    const { runKeepingRows } = await import('../../helpers.js');
    const r = runKeepingRows(
      {
        name: 'waiting',
        duration: '10m',
        cluster: { availabilityZones: ['us-east-1a'], capacityProviders: { ec2: { autoScalingGroup: { instanceTypes: ['m5.large'], minSize: 1, maxSize: 1, desiredCapacity: 1, launchDelay: '1s' } } } },
        taskDefinitions: { w: { cpu: 256, memory: 512, networkMode: 'bridge', containerDefinitions: { app: { cpu: 256, memory: 512 } }, startup: { imagePull: '1s', containerStart: '1s' } } },
        services: { w: { taskDefinition: 'w', desiredCount: 1, launchType: 'EC2', fidelity: 'request', workload: { type: 'queue', requestRate: 40, perTask: { concurrency: 4, serviceTime: { distribution: 'fixed', value: '200ms' } } } } },
      },
      { seed: 1 },
    );
    expect(r.timeseries.length).toBe(10);
    for (const row of r.timeseries) {
      expect(row.queued).toBe(row.backlog);
      expect(row.queued).toBeGreaterThan(0);
    }
  });
});
