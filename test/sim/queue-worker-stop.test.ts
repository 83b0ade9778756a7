// A queue worker that stops partway through a minute serves no message that arrives after it
// left: the fluid model updates the shared queue piece by piece between the workers' starts
// and stops (fluid-model.ts queueSplit). A scheduled action sets min = max capacity at
// 00:10:10, so the service scales in 10 s into the minute [600, 660) s.
// Hand computation: a worker has 4 slots x exponential 200 ms = 20 messages/s, CPU 25 % per
// busy slot (cpuBaseline 0), busy slots = served x 0.2 s / the time it ran.
//   1 worker -> 0 at 5 msg/s: 0-10 s 50 arrive, served at once; 10-60 s 250 arrive, none
//   served: 50 served, 250 visible, CPU 50 x 0.2 / 10 = 1 slot = 25 %.
//   2 workers -> 1 at 30 msg/s: 0-10 s 300 served (150 each); 10-60 s 1 500 arrive, 1 000
//   served: 1 300, 500 visible; CPU (75 + 1 150 x 0.2 / 60 x 25) / 2 = 85.42 %.
// (One total over the minute: 200 served, 100 left, 100 %; 1 400, 400, 100 %.)
// Request fidelity agrees within its Poisson noise (mean over 4 seeds).
import { describe, it, expect } from 'vitest';
import { runKeepingRows } from '../helpers.js';

function scenario(rate: number, before: number, after: number, fidelity: 'fluid' | 'request') {
  return {
    name: 'queue-worker-stop',
    seed: 1,
    start: '2026-01-05T00:00:00Z',
    duration: '12m',
    cluster: { availabilityZones: ['us-east-1a'], capacityProviders: { FARGATE: {} } },
    taskDefinitions: {
      w: { cpu: 256, memory: 512, networkMode: 'awsvpc', requiresCompatibilities: ['FARGATE'], containerDefinitions: { app: { memory: 512 } } },
    },
    services: {
      w: {
        taskDefinition: 'w',
        desiredCount: before,
        launchType: 'FARGATE',
        fidelity,
        workload: { type: 'queue', requestRate: rate, perTask: { concurrency: 4, serviceTime: { distribution: 'exponential', mean: '200ms' } } },
        autoScaling: {
          minCapacity: before,
          maxCapacity: before,
          policies: {},
          scheduledActions: { stop: { schedule: 'at(2026-01-05T00:10:10)', scalableTargetAction: { minCapacity: after, maxCapacity: after } } },
        },
      },
    },
  };
}

/** The minute [600, 660) s: served, visible, CPU. */
function stopMinute(rate: number, before: number, after: number, fidelity: 'fluid' | 'request', seed = 1) {
  const r = runKeepingRows(scenario(rate, before, after, fidelity), { seed });
  const row = r.timeseries.find((x) => x.time === 600_000)!;
  return { served: row.requestsServed, backlog: row.backlog!, cpu: row.cpuUtilization! };
}

function meanOverSeeds(rate: number, before: number, after: number) {
  const runs = [1, 2, 3, 4].map((seed) => stopMinute(rate, before, after, 'request', seed));
  const mean = (k: 'served' | 'backlog' | 'cpu') => runs.reduce((s, x) => s + x[k], 0) / runs.length;
  return { served: mean('served'), backlog: mean('backlog'), cpu: mean('cpu') };
}

describe('a queue worker stopping 10 s into a minute', () => {
  it('1 worker -> 0 at 5 msg/s: fluid 50 served, 250 visible, CPU 25 %', () => {
    const f = stopMinute(5, 1, 0, 'fluid');
    expect(f.served).toBeCloseTo(50, 6);
    expect(f.backlog).toBeCloseTo(250, 6);
    expect(f.cpu).toBeCloseTo(25, 6);
    const r = meanOverSeeds(5, 1, 0);
    expect(Math.abs(r.served - 50)).toBeLessThan(12);
    expect(Math.abs(r.backlog - 250)).toBeLessThan(30);
    expect(Math.abs(r.cpu - 25)).toBeLessThan(5);
  });

  it('2 workers -> 1 at 30 msg/s: fluid 1 300 served, 500 visible, CPU 85.4 %', () => {
    const f = stopMinute(30, 2, 1, 'fluid');
    expect(f.served).toBeCloseTo(1300, 6);
    expect(f.backlog).toBeCloseTo(500, 6);
    expect(f.cpu).toBeCloseTo((75 + (1150 * 0.2 * 25) / 60) / 2, 3);
    const r = meanOverSeeds(30, 2, 1);
    expect(Math.abs(r.served - 1300)).toBeLessThan(50);
    expect(Math.abs(r.backlog - 500)).toBeLessThan(60);
    expect(Math.abs(r.cpu - 85.4)).toBeLessThan(5);
  });
});
