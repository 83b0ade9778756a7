// timeseries.csv's request_count_per_target: the period's RequestCountPerTarget datapoint,
// "the total number of requests received by the target group, divided by the number of
// healthy targets in the target group. If there are no healthy targets in the target group,
// it is divided by the total number of registered targets"; not reported when no request
// flows (elasticloadbalancing/latest/application/load-balancer-cloudwatch-metrics.html).
// The same datapoint the alarms see (test/sim/fail-open-metrics.test.ts compares the two
// period by period); empty without a load balancer (no target group, no metric).

import { describe, it, expect } from 'vitest';
import { oneGroupScenario, runKeepingRows } from '../helpers.js';

function scenario(rate: unknown, opts: { loadBalancer?: boolean; desiredCount?: number; autoScaling?: unknown } = {}) {
  return oneGroupScenario({
    name: 'rcpt-column',
    duration: '10m',
    instances: 1,
    routing: opts.loadBalancer === false ? undefined : 'round-robin',
    service: {
      desiredCount: opts.desiredCount ?? 2,
      workload: { type: 'http', requestRate: rate, perTask: { concurrency: 4, serviceTime: { distribution: 'exponential', mean: '20ms' } } },
      ...(opts.autoScaling ? { autoScaling: opts.autoScaling } : {}),
    },
  });
}

describe('timeseries request_count_per_target', () => {
  it('2 healthy targets, a constant 100 requests/s: 100 x 60 s / 2 = 3000 per target in each period once both are healthy', () => {
    const r = runKeepingRows(scenario(100), { seed: 1 });
    const rows = r.timeseries.filter((x) => x.time >= 180_000);
    expect(rows.length).toBe(7);
    for (const row of rows) {
      expect(row.runningCount).toBe(2);
      expect(row.requestCountPerTarget).toBeCloseTo(3000, 6);
    }
  });

  it('the same with a policy scaling on it (ALBRequestCountPerTarget, target above the load: no scaling)', () => {
    const autoScaling = { minCapacity: 2, maxCapacity: 2, policies: { rc: { policyType: 'TargetTrackingScaling', predefinedMetricType: 'ALBRequestCountPerTarget', targetValue: 100000 } } };
    const r = runKeepingRows(scenario(100, { autoScaling }), { seed: 1 });
    for (const row of r.timeseries.filter((x) => x.time >= 180_000)) expect(row.requestCountPerTarget).toBeCloseTo(3000, 6);
  });

  it('no request flowing: empty (no datapoint), not 0', () => {
    const r = runKeepingRows(scenario({ step: { from: 100, to: 0, at: '3m' } }), { seed: 1 });
    const after = r.timeseries.filter((x) => x.time >= 240_000);
    expect(after.length).toBe(6);
    for (const row of after) expect(row.requestCountPerTarget).toBeNull();
    expect(r.timeseries.find((x) => x.time === 120_000)!.requestCountPerTarget).toBeCloseTo(3000, 6);
  });

  it('a service without a load balancer has no target group: empty', () => {
    const r = runKeepingRows(scenario(100, { loadBalancer: false }), { seed: 1 });
    expect(r.timeseries.length).toBe(10);
    for (const row of r.timeseries) expect(row.requestCountPerTarget).toBeNull();
    expect(r.timeseries.at(-1)!.requestsServed).toBeGreaterThan(0);
  });
});
