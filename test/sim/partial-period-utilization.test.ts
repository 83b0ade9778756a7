// Service CPUUtilization in the period a task starts: each task's utilization is the CPU it
// used over the CPU it reserved while it ran (aws-behaviour §5; "CPU units used by tasks in
// service" over "CPU units specified in the task definition x number of tasks",
// AmazonECS/latest/developerguide/service_utilization.html), so a task saturated for every
// second it runs reads 100 % in its first period, not 100 % x the share of the minute it ran.

import { describe, it, expect } from 'vitest';
import { runKeepingRows } from '../helpers.js';

function scenario(fidelity: 'fluid' | 'request', applicationStart: string) {
  return {
    name: 'partial',
    start: '2026-03-02T00:00:00Z',
    duration: '3m',
    cluster: { availabilityZones: ['us-east-1a'] },
    taskDefinitions: {
      web: {
        cpu: 256, memory: 512, networkMode: 'awsvpc', requiresCompatibilities: ['FARGATE'],
        containerDefinitions: { app: { cpu: 256, memory: 512 } },
        startup: { imagePull: '20s', containerStart: '10s', applicationStart },
      },
    },
    services: {
      web: {
        taskDefinition: 'web', desiredCount: 1, launchType: 'FARGATE', fidelity,
        // 4 slots / 50 ms = 80 rps per task, 400 rps offered: saturated whenever in rotation
        workload: { type: 'http', requestRate: 400, perTask: { concurrency: 4, cpuBaseline: 10, serviceTime: { distribution: 'fixed', value: '50ms' } }, maxQueuePerTask: 1000 },
      },
    },
  };
}

describe.each(['fluid', 'request'] as const)('%s: the first period of a task', (fidelity) => {
  const tol = fidelity === 'fluid' ? 1e-6 : 0.2;

  it('saturated from RUNNING (R s into its period) to the period end: 100 %, not 100 x (60 - R) / 60', () => {
    const r = runKeepingRows(scenario(fidelity, '0s'), { seed: 1 });
    const k = Math.floor(r.tasks[0].running! / 60_000); // the period it became RUNNING in
    const R = r.tasks[0].running! / 1000 - 60 * k;
    expect(R).toBeGreaterThan(1);
    expect(R).toBeLessThan(59);
    expect(Math.abs(r.timeseries[k].cpuUtilization! - 100)).toBeLessThan(tol);
    expect(Math.abs(r.timeseries[k + 1].cpuUtilization! - 100)).toBeLessThan(tol);
  });

  it('RUNNING R s into a period, serving from R + 15 s: 10 + 90 x (60 - R - 15) / (60 - R) % (the 15 s at the baseline count)', () => {
    const r = runKeepingRows(scenario(fidelity, '15s'), { seed: 1 });
    const k = Math.floor(r.tasks[0].running! / 60_000);
    const R = r.tasks[0].running! / 1000 - 60 * k; // s into period k
    expect(R + 15).toBeLessThan(59);
    const want = 10 + (90 * (60 - R - 15)) / (60 - R);
    expect(Math.abs(r.timeseries[k].cpuUtilization! - want)).toBeLessThan(tol);
    expect(Math.abs(r.timeseries[k + 1].cpuUtilization! - 100)).toBeLessThan(tol);
  });
});
