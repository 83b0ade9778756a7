// summary.json's latencyMs: quantiles of every request served over the run (the mixture of
// the periods' latency distributions weighted by requests), not quantiles of the per-period
// quantiles. Hand values from the M/M/c formulas (../workload/mmc-sojourn.ts).

import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { runKeepingRows } from '../helpers.js';
import { mixtureQuantile, type MMc } from '../workload/mmc-sojourn.js';

/** 2 EC2 tasks x concurrency 4, exponential 50 ms, random routing: each task an M/M/4 queue. */
function scenario(requestRate: unknown, duration: string, fidelity: 'fluid' | 'request' = 'fluid') {
  return {
    name: 'mix',
    start: '2026-03-02T00:00:00Z',
    duration,
    cluster: {
      availabilityZones: ['us-east-1a'],
      capacityProviders: { ec2: { autoScalingGroup: { instanceTypes: ['m5.xlarge'], minSize: 2, maxSize: 2, desiredCapacity: 2, launchDelay: '0s' } } },
    },
    taskDefinitions: {
      web: { cpu: 256, memory: 512, networkMode: 'bridge', containerDefinitions: { app: { cpu: 256, memory: 512 } }, startup: { imagePull: '0s', containerStart: '0s' } },
    },
    services: {
      web: {
        taskDefinition: 'web',
        desiredCount: 2,
        launchType: 'EC2',
        fidelity,
        loadBalancer: { routing: 'random', deregistrationDelay: '0s', healthCheck: { interval: '5s' } },
        workload: { type: 'http', requestRate, perTask: { concurrency: 4, serviceTime: { distribution: 'exponential', mean: '50ms' } }, maxQueuePerTask: 1000 },
      },
    },
  };
}

function perTask(rps: number): MMc {
  return { lambda: rps / 2 / 1000, mu: 1 / 50, c: 4 };
}

describe('summary latencyMs', () => {
  it('a step from 48 to 144 rps at 1 h of 2 h (fluid): the quantiles of the two hours\' mixture, p50 85.6 / p95 372.6 / p99 573.7 ms', () => {
    const r = runKeepingRows(scenario({ step: { from: 48, to: 144, at: '1h' } }, '2h'), { seed: 1 });
    // the tasks take traffic after their first health check (5 s, ALB's least interval): the
    // first hour serves a little less than 48 x 3600; the weights are the requests served, as
    // the run's are
    const rows = r.timeseries;
    const first = rows.filter((x) => x.time < 3_600_000).reduce((s, x) => s + x.requestsServed, 0);
    const second = rows.filter((x) => x.time >= 3_600_000).reduce((s, x) => s + x.requestsServed, 0);
    expect(first / (48 * 3600)).toBeCloseTo(1, 2);
    expect(second).toBeCloseTo(144 * 3600, 6);
    const parts = [
      { weight: first, queue: perTask(48) },
      { weight: second, queue: perTask(144) },
    ];
    const lat = (r.summary.services as any).web.latencyMs;
    const hand = [0.5, 0.95, 0.99].map((p) => mixtureQuantile(parts, p));
    // the two hours at weights 1 : 3 (as offered): the figures of the title
    const offered = [{ weight: 1, queue: perTask(48) }, { weight: 3, queue: perTask(144) }];
    expect([0.5, 0.95, 0.99].map((p) => Math.round(mixtureQuantile(offered, p) * 10) / 10)).toEqual([85.6, 372.6, 573.7]);
    // the served weights (5 s less of the first hour) move them by under 0.1 ms
    for (let i = 0; i < 3; i++) expect(Math.abs(hand[i] - mixtureQuantile(offered, [0.5, 0.95, 0.99][i]))).toBeLessThan(0.1);
    expect(Math.abs(lat.p50 - hand[0])).toBeLessThanOrEqual(0.006);
    expect(Math.abs(lat.p95 - hand[1])).toBeLessThanOrEqual(0.006);
    expect(Math.abs(lat.p99 - hand[2])).toBeLessThanOrEqual(0.006);
  });

  it('steady 120 rps (rho 0.75), request fidelity over 1 h: p95 within 2 % of Erlang C\'s 206.4 ms', () => {
    const r = runKeepingRows(scenario(120, '1h', 'request'), { seed: 3 });
    const hand = mixtureQuantile([{ weight: 1, queue: perTask(120) }], 0.95);
    expect(hand).toBeCloseTo(206.4, 1);
    expect(Math.abs((r.summary.services as any).web.latencyMs.p95 / hand - 1)).toBeLessThan(0.02);
  });

  it('property: the run p95 lies between the least and greatest per-period p95 (fluid; request fidelity within its 0.25 % histogram)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 1000 }),
        fc.constantFrom('fluid' as const, 'request' as const),
        fc.double({ min: 5, max: 150, noNaN: true }),
        fc.double({ min: 5, max: 200, noNaN: true }),
        (seed, fidelity, low, high) => {
          // a diurnal swing over 20 minutes (rho = rate / 160: up to 1.25, a backlog that builds and drains)
          const rate = { diurnal: { min: Math.min(low, high), max: Math.max(low, high), peakAt: '00:10', period: '20m' } };
          const r = runKeepingRows(scenario(rate, '20m', fidelity), { seed });
          const p95s = r.timeseries.map((x) => x.latencyP95Ms).filter((x): x is number => x !== null);
          const p95 = (r.summary.services as any).web.latencyMs.p95 as number;
          const slack = fidelity === 'fluid' ? 1e-4 : 2.5e-3;
          expect(p95).toBeGreaterThanOrEqual(Math.min(...p95s) * (1 - slack) - 0.005);
          expect(p95).toBeLessThanOrEqual(Math.max(...p95s) * (1 + slack) + 0.005);
        },
      ),
      { numRuns: 12 },
    );
  });
});
