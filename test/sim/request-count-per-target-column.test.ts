// timeseries.csv's request_count_per_target: the period's RequestCountPerTarget datapoint,
// "the total number of requests received by the target group, divided by the number of
// healthy targets in the target group. If there are no healthy targets in the target group,
// it is divided by the total number of registered targets"
// (elasticloadbalancing/latest/application/load-balancer-cloudwatch-metrics.html); 0 in a
// period with no request while a target is registered (a RUNNING task, healthy or not:
// divided by the registered targets when none is healthy; target tracking sees "real 0
// values" of ALBRequestCountPerTarget: application-auto-scaling-target-tracking.html),
// empty with none registered.
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

  it('no request flowing, 2 healthy targets: 0 (a real 0, as target tracking sees ALBRequestCountPerTarget), not empty', () => {
    const r = runKeepingRows(scenario({ step: { from: 100, to: 0, at: '3m' } }), { seed: 1 });
    const after = r.timeseries.filter((x) => x.time >= 240_000);
    expect(after.length).toBe(6);
    for (const row of after) expect(row.requestCountPerTarget).toBe(0);
    expect(r.timeseries.find((x) => x.time === 120_000)!.requestCountPerTarget).toBeCloseTo(3000, 6);
  });

  it('no request flowing, 2 registered targets none of which is healthy (application starting for 5 min): 0, divided by the registered targets', () => {
    // tasks RUNNING at ~2 s; their application answers from ~302 s, so every health check
    // fails until then: the targets are unhealthy (the grace period keeps ECS from replacing
    // them), registered all the same. 0 requests / 2 registered targets = 0 in each period.
    const base = scenario(0);
    (base.taskDefinitions.web.startup as Record<string, string>).applicationStart = '300s';
    (base.services.web as Record<string, unknown>).healthCheckGracePeriodSeconds = 600;
    base.duration = '5m';
    const r = runKeepingRows(base, { seed: 1 });
    expect(r.timeseries.map((x) => [x.time / 1000, x.runningCount, x.requestCountPerTarget])).toEqual([
      [0, 2, 0],
      [60, 2, 0],
      [120, 2, 0],
      [180, 2, 0],
      [240, 2, 0],
    ]);
    // no target healthy within the run: the load balancer failed open to the 2 and never stopped
    const failOpen = r.events.filter((e) => e.type === 'target-group-fail-open').map((e) => e.message);
    expect(failOpen.length).toBe(1);
    expect(failOpen[0]).toMatch(/has no healthy target/);
  });

  it('no request flowing and no registered target (desired count 0): empty (no datapoint)', () => {
    const r = runKeepingRows(scenario(0, { desiredCount: 0 }), { seed: 1 });
    expect(r.timeseries.length).toBe(10);
    for (const row of r.timeseries) expect(row.requestCountPerTarget).toBeNull();
  });

  // 8 tasks, a constant 128 requests/s, a scheduled action cutting to 4 at 00:10:30: 4 tasks
  // leave rotation and RUNNING 30 s into the period [600 s, 660 s). The target group received
  // 128 x 60 = 7680 requests in that period, 4 targets healthy at its end: 7680 / 4 = 1920
  // (not the 4 remaining tasks' 4 x (30 x 16 + 30 x 32) / 4 = 1440). Before: 7680 / 8 = 960;
  // after: 1920. With a 20 s deregistration delay the same: a draining target takes no new
  // request, and those it was routed before count.
  function scaleIn(fidelity: 'fluid' | 'request', deregistrationDelay: string) {
    const base = scenario(128, {
      desiredCount: 8,
      autoScaling: { minCapacity: 8, maxCapacity: 8, scheduledActions: { shrink: { schedule: 'at(2026-03-02T00:10:30)', scalableTargetAction: { minCapacity: 4, maxCapacity: 4 } } } },
    });
    const web = base.services.web as Record<string, any>;
    web.fidelity = fidelity;
    web.loadBalancer = { ...web.loadBalancer, deregistrationDelay };
    web.workload.perTask.serviceTime.mean = '100ms';
    web.workload.maxQueuePerTask = 100;
    base.duration = '12m';
    return runKeepingRows(base, { seed: 3 });
  }

  for (const delay of ['0s', '20s']) {
    it(`fluid, tasks scaled in 30 s into a period (deregistration delay ${delay}): their requests count, 7680 / 4 healthy = 1920`, () => {
      const r = scaleIn('fluid', delay);
      const at = (s: number) => r.timeseries.find((x) => x.time === s * 1000)!;
      expect(at(540).runningCount).toBe(8);
      expect(at(540).requestCountPerTarget).toBeCloseTo(960, 6);
      expect(at(600).runningCount).toBe(4);
      expect(at(600).requestCountPerTarget).toBeCloseTo(1920, 6);
      expect(at(660).requestCountPerTarget).toBeCloseTo(1920, 6);
    });
  }

  it('request fidelity, the same: every request that arrived in the period over the 4 healthy targets', () => {
    const r = scaleIn('request', '0s');
    const row = r.timeseries.find((x) => x.time === 600_000)!;
    expect(row.runningCount).toBe(4);
    // request_rate: the period's arrivals / 60 s; every one of them was routed to a target
    // (a task in rotation all the period long)
    expect(row.requestCountPerTarget).toBeCloseTo((row.requestRate * 60) / 4, 6);
    expect(row.requestRate * 60).toBeGreaterThan(7000);
  });

  // 4 tasks, a constant 128 requests/s, a scheduled action setting min and max to 0 at
  // 00:10:30: in the period [600 s, 660 s) the target group received 128 x 30 = 3840 requests,
  // all routed to the 4 tasks before they left; at the period's end no target is healthy and
  // none is registered, so AWS's rule (divide by the healthy targets, or by the registered
  // ones when none is healthy) has nothing to divide by: no datapoint, empty, and an alarm
  // sees missing data. The period before: 128 x 60 / 4 = 1920.
  it('requests only to tasks that left, no target at the period end: empty (no datapoint)', () => {
    const base = scenario(128, {
      desiredCount: 4,
      autoScaling: { minCapacity: 4, maxCapacity: 4, scheduledActions: { off: { schedule: 'at(2026-03-02T00:10:30)', scalableTargetAction: { minCapacity: 0, maxCapacity: 0 } } } },
    });
    const web = base.services.web as Record<string, any>;
    web.workload.perTask.serviceTime.mean = '100ms';
    web.workload.maxQueuePerTask = 100;
    base.duration = '12m';
    const r = runKeepingRows(base, { seed: 3 });
    const at = (s: number) => r.timeseries.find((x) => x.time === s * 1000)!;
    expect(at(540).runningCount).toBe(4);
    expect(at(540).requestCountPerTarget).toBeCloseTo(1920, 6);
    expect(at(600).runningCount).toBe(0);
    expect(at(600).requestRate).toBeCloseTo(128, 6);
    expect(at(600).requestCountPerTarget).toBeNull();
    expect(at(660).requestCountPerTarget).toBeNull();
  });

  it('a service without a load balancer has no target group: empty', () => {
    const r = runKeepingRows(scenario(100, { loadBalancer: false }), { seed: 1 });
    expect(r.timeseries.length).toBe(10);
    for (const row of r.timeseries) expect(row.requestCountPerTarget).toBeNull();
    expect(r.timeseries.at(-1)!.requestsServed).toBeGreaterThan(0);
  });
});
