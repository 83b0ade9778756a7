// Service CPUUtilization and MemoryUtilization in a period a task left RUNNING in: the task
// counts, once, over the part of the period it was RUNNING (aws-behaviour §5: "Total CPU
// units used by tasks in service" over "CPU units specified in the task definition x number
// of tasks", AmazonECS/latest/developerguide/service_utilization.html; the metrics are
// collected for the service's tasks in the RUNNING state, available-metrics.html), the same
// rule as for a task that started in the period (partial-period-utilization.test.ts). A
// period in which every task left still has its datapoint.

import { describe, it, expect } from 'vitest';
import { runKeepingRows } from '../helpers.js';

/**
 * 2 Fargate tasks RUNNING at 30 s; a scheduled action sets the capacity to `to` at 210 s
 * (3.5 min), in the period [180, 240 s) (the row of time 180 s).
 */
function scenario(fidelity: 'fluid' | 'request', to: number, workload = true) {
  return {
    name: 'left',
    start: '2026-03-02T00:00:00Z',
    duration: '5m',
    cluster: { availabilityZones: ['us-east-1a'] },
    taskDefinitions: {
      web: {
        cpu: 256, memory: 512, networkMode: 'awsvpc', requiresCompatibilities: ['FARGATE'],
        containerDefinitions: { app: { cpu: 256, memory: 512 } },
        startup: { imagePull: '20s', containerStart: '10s' },
      },
    },
    services: {
      web: {
        taskDefinition: 'web', desiredCount: 2, launchType: 'FARGATE',
        // 4 slots / 50 ms = 80 rps a task; 64 rps offered: 32 each (0.4 busy), 64 on one (0.8)
        ...(workload
          ? { fidelity, workload: { type: 'http', requestRate: 64, perTask: { concurrency: 4, cpuBaseline: 10, memoryMiB: { base: 256, perRps: 1 }, serviceTime: { distribution: 'fixed', value: '50ms' } }, maxQueuePerTask: 1000 } }
          : {}),
        autoScaling: {
          minCapacity: 2, maxCapacity: 2,
          scheduledActions: { down: { schedule: 'at(2026-03-02T00:03:30)', scalableTargetAction: { minCapacity: to, maxCapacity: to } } },
        },
      },
    },
  };
}

describe.each(['fluid', 'request'] as const)('%s: tasks that left RUNNING during the period', (fidelity) => {
  // request: Poisson arrivals, ~1000-2000 requests a task over 30-60 s
  const tol = fidelity === 'fluid' ? 1e-6 : 2.5;

  it('2 tasks, one stops 30 s into [180, 240 s): (b over its 30 s + a over 60 s) / 2 = (46 + 64) / 2 = 55 % CPU, memory (288 + 304) / 2 / 512', () => {
    const r = runKeepingRows(scenario(fidelity, 1), { seed: 1 });
    const stopped = r.tasks.filter((t) => t.stopReason === 'scale-in');
    expect(stopped.length).toBe(1);
    const row = r.timeseries.find((x) => x.time === 180_000)!;
    expect(row.runningCount).toBe(1);
    // b: 30 s at 32 rps -> 10 + 90 x 0.4 = 46 %; a: 30 s at 32 rps then 30 s at 64 rps ->
    // 48 rps over the minute -> 10 + 90 x 0.6 = 64 % (the old figure, a alone: 64)
    expect(Math.abs(row.cpuUtilization! - 55)).toBeLessThan(tol);
    // memory: b 256 + 32 = 288 MiB, a 256 + 48 = 304 MiB, of 512
    expect(Math.abs(row.memoryUtilization! - ((288 + 304) / 2 / 512) * 100)).toBeLessThan(tol);
    // the period before: both over the whole minute
    const before = r.timeseries.find((x) => x.time === 120_000)!;
    expect(Math.abs(before.cpuUtilization! - 46)).toBeLessThan(tol);
    // the period after: a alone, 64 rps
    const after = r.timeseries.find((x) => x.time === 240_000)!;
    expect(Math.abs(after.cpuUtilization! - 82)).toBeLessThan(tol);
  });

  it('every task stops 30 s into [180, 240 s): the period has a datapoint, the tasks over their 30 s: 46 %', () => {
    const r = runKeepingRows(scenario(fidelity, 0), { seed: 1 });
    const row = r.timeseries.find((x) => x.time === 180_000)!;
    expect(row.runningCount).toBe(0);
    expect(row.cpuUtilization).not.toBeNull();
    expect(Math.abs(row.cpuUtilization! - 46)).toBeLessThan(tol);
    expect(Math.abs(row.memoryUtilization! - (288 / 512) * 100)).toBeLessThan(tol);
    // the next period: no task ran in it, no datapoint
    expect(r.timeseries.find((x) => x.time === 240_000)!.cpuUtilization).toBeNull();
  });
});

it('a service without a workload: the tasks that left read the baseline (0 %), and the period has its datapoint', () => {
  const r = runKeepingRows(scenario('fluid', 0, false), { seed: 1 });
  const row = r.timeseries.find((x) => x.time === 180_000)!;
  expect(row.runningCount).toBe(0);
  expect(row.cpuUtilization).toBe(0);
  expect(r.timeseries.find((x) => x.time === 240_000)!.cpuUtilization).toBeNull();
});
