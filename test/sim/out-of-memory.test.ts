// A task whose memory over a metric period passes its hard limit is killed at the period's
// end ("OutOfMemoryError: Container killed due to memory usage",
// repost.aws/knowledge-center/ecs-resolve-outofmemory-errors) and the service replaces it.
// memoryMiB base 400 + perRps 2 against a 512 MiB task: over the limit when a task serves
// more than (512 - 400) / 2 = 56 requests/s in a period. On Fargate with these fixed delays
// a task is RUNNING 25 s (PROVISIONING) + 10 s (image pull) = 35 s after the service creates
// it, and takes load at once (no load balancer health checks, applicationStart 0).

import { describe, it, expect } from 'vitest';
import { runKeepingRows } from '../helpers.js';

function scenario(o: { requestRate: unknown; desiredCount?: number; fidelity?: 'fluid' | 'request'; duration?: string }) {
  return {
    name: 'oom',
    duration: o.duration ?? '8m',
    metrics: { period: '1m' },
    cluster: { availabilityZones: ['us-east-1a'], capacityProviders: { FARGATE: { provisioningDelay: '25s' } } },
    taskDefinitions: {
      web: { cpu: 256, memory: 512, requiresCompatibilities: ['FARGATE'], startup: { imagePull: '10s', containerStart: '0s', applicationStart: '0s' }, shutdown: '1s' },
    },
    services: {
      web: {
        taskDefinition: 'web',
        desiredCount: o.desiredCount ?? 1,
        launchType: 'FARGATE',
        ...(o.fidelity ? { fidelity: o.fidelity } : {}),
        workload: { requestRate: o.requestRate, perTask: { capacityRps: 100, memoryMiB: { base: 400, perRps: 2 } } },
      },
    },
  };
}

function run(o: Parameters<typeof scenario>[0], raw = scenario(o)) {
  const r = runKeepingRows(raw, { seed: 1 });
  const oom = r.events.filter((e) => e.type === 'task-out-of-memory');
  const byId = (k: number) => r.tasks.find((t) => t.taskId === `web-${k}`)!;
  return { ...r, oom, byId };
}

describe('out-of-memory kill (base 400 + 2/rps, hard limit 512 MiB: killed above 56 rps)', () => {
  it('50 rps, then 60 from 5 min: the task is killed at the end of the first 60-rps period, and each replacement at the end of its first period', () => {
    // until 300 s one task serves 50/s: 400 + 2 x 50 = 500 MiB (97.65625 % of 512), kept.
    // The period [300, 360) s it serves 60/s: 520 MiB (101.5625 %) > 512: killed at 360 s.
    // Its replacement is created at 360 s, RUNNING at 395 s, serves 60/s for the 25 s left of
    // the period (memory is the mean over the time it ran): 520 MiB, killed at 420 s; the same
    // for web-3 (420 -> 480 s, the end of the run, a period end too); web-4 created at 480 s.
    const r = run({ requestRate: { step: { from: 50, to: 60, at: '5m' } } });
    expect(r.timeseries.map((x) => x.memoryUtilization)).toEqual([...Array(5).fill((500 / 512) * 100), ...Array(3).fill((520 / 512) * 100)]);
    expect(r.byId(1)).toMatchObject({ created: 0, running: 35_000, stopped: 360_000, stopReason: 'out-of-memory' });
    expect(r.byId(2)).toMatchObject({ created: 360_000, running: 395_000, stopped: 420_000, stopReason: 'out-of-memory' });
    expect(r.byId(3)).toMatchObject({ created: 420_000, running: 455_000, stopped: 480_000, stopReason: 'out-of-memory' });
    expect(r.byId(4)).toMatchObject({ created: 480_000, running: null, stopReason: 'simulation-end' });
    expect(r.oom.map((e) => [e.time, e.subject])).toEqual([[360_000, 'web-1'], [420_000, 'web-2'], [480_000, 'web-3']]);
    expect(r.oom[0].message).toBe(
      "web-1 used 520 MiB (mean over the metric period), above the task's hard memory limit 512 MiB: " +
        'OutOfMemoryError: Container killed due to memory usage; the service starts a replacement',
    );
    expect(r.events.filter((e) => e.type === 'task-stopped').map((e) => e.message)).toEqual(['web-1', 'web-2', 'web-3'].map((t) => `${t} STOPPED (out-of-memory)`));
    expect((r.summary.services.web as any).tasksStarted).toBe(4);
    expect((r.summary.services.web as any).tasksStopped).toBe(3);
  });

  it('below the threshold nothing is killed: 55 rps on one task (510 MiB), 110 rps over two (55 each)', () => {
    for (const o of [{ requestRate: 55 }, { requestRate: 110, desiredCount: 2 }]) {
      const r = run(o);
      expect(r.oom).toEqual([]);
      expect(r.tasks.every((t) => t.stopReason === 'simulation-end')).toBe(true);
      expect(r.timeseries.at(-1)!.memoryUtilization).toBeCloseTo((510 / 512) * 100, 9);
    }
  });

  it('the limit is the mean over the period: 60 rps for 20 s of a period at 50 rps (53.3/s mean, 506.7 MiB) is kept', () => {
    // spike x1.2 from 2m: ramp 0, hold 20 s: the period [120, 180) s offers
    // (50 x 40 + 60 x 20) / 60 = 53.33/s: 506.7 MiB, under the limit though 60/s for 20 s
    const r = run({ requestRate: { constant: 50, spikes: [{ at: '2m', hold: '20s', multiplier: 1.2 }] } });
    expect(r.oom).toEqual([]);
    expect(r.timeseries[2].memoryUtilization).toBeCloseTo(((400 + 2 * (160 / 3)) / 512) * 100, 9);
  });

  it('request fidelity: 100 rps on one task (about 600 MiB) is killed at the end of its first period; 20 rps (about 440 MiB) is not', () => {
    const r = run({ requestRate: 100, fidelity: 'request', duration: '3m' });
    // RUNNING at 35 s, killed at 60 s; the replacement is RUNNING at 95 s, killed at 120 s
    expect(r.byId(1)).toMatchObject({ running: 35_000, stopped: 60_000, stopReason: 'out-of-memory' });
    expect(r.byId(2)).toMatchObject({ created: 60_000, running: 95_000, stopped: 120_000, stopReason: 'out-of-memory' });
    expect(r.oom[0].message).toMatch(/^web-1 used (5[6-9]\d|6\d\d)(\.\d)? MiB .*hard memory limit 512 MiB/);
    expect(run({ requestRate: 20, fidelity: 'request' }).oom).toEqual([]);
  });

  it('a container\'s own memory limit below the task\'s: killed above it (task 1024, container 512: 60 rps is 520 MiB)', () => {
    const raw: any = scenario({ requestRate: 60 });
    raw.cluster.capacityProviders = { ec2: { autoScalingGroup: { instanceTypes: ['m5.large'], minSize: 1, maxSize: 1, desiredCapacity: 1, launchDelay: '0s' } } };
    raw.taskDefinitions.web = { cpu: 256, memory: 1024, networkMode: 'bridge', containerDefinitions: { app: { cpu: 256, memory: 512 } }, startup: { imagePull: '10s', containerStart: '0s' } };
    raw.services.web.launchType = 'EC2';
    const r = run({ requestRate: 60 }, raw);
    expect(r.oom.length).toBeGreaterThan(0);
    expect(r.oom[0].message).toContain('hard memory limit 512 MiB');
  });

  it('no hard limit (a container with only memoryReservation): never killed, memory_utilization reads above 100 %', () => {
    const raw: any = scenario({ requestRate: 60 });
    raw.cluster.capacityProviders = { ec2: { autoScalingGroup: { instanceTypes: ['m5.large'], minSize: 1, maxSize: 1, desiredCapacity: 1, launchDelay: '0s' } } };
    raw.taskDefinitions.web = { cpu: 256, networkMode: 'bridge', containerDefinitions: { app: { cpu: 256, memoryReservation: 512 } }, startup: { imagePull: '10s', containerStart: '0s' } };
    raw.services.web.launchType = 'EC2';
    const r = run({ requestRate: 60 }, raw);
    expect(r.oom).toEqual([]);
    expect(r.tasks.every((t) => t.stopReason === 'simulation-end')).toBe(true);
    expect(r.timeseries.at(-1)!.memoryUtilization).toBeCloseTo((520 / 512) * 100, 9);
  });
});
