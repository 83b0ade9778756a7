// Tasks whose application starts slowly fail their load balancer health checks, and ECS
// stops the ones its target group reports unhealthy once healthCheckGracePeriodSeconds is
// over (APIReference/API_CreateService.html; ALB: elasticloadbalancing target-group-health-checks.html).
// Every time below is worked out by hand from the scenario's fixed delays: on Fargate a task
// is PROVISIONING 25 s and PENDING 10 s (image pull; the container starts at once), so it
// is RUNNING 35 s after the service creates it; the target group checks it 30 s, 60 s, ...
// after RUNNING; a check passes once the application has started.

import { describe, it, expect } from 'vitest';
import { runKeepingRows } from '../helpers.js';

/** One Fargate task behind a load balancer (deregistration delay 30 s, containers exit 1 s after SIGTERM). */
function scenario(o: { applicationStart: unknown; grace?: number; healthCheck?: Record<string, unknown>; duration?: string; loadBalancer?: boolean; imagePull?: unknown; desiredCount?: number; provisioningDelay?: unknown }) {
  return {
    name: 'health',
    duration: o.duration ?? '1h',
    metrics: { period: '5s' },
    cluster: { availabilityZones: ['us-east-1a'], capacityProviders: { FARGATE: { provisioningDelay: o.provisioningDelay ?? '25s' } } },
    taskDefinitions: {
      web: { cpu: 256, memory: 512, requiresCompatibilities: ['FARGATE'], startup: { imagePull: o.imagePull ?? '10s', containerStart: '0s', applicationStart: o.applicationStart }, shutdown: '1s' },
    },
    services: {
      web: {
        taskDefinition: 'web',
        desiredCount: o.desiredCount ?? 1,
        launchType: 'FARGATE',
        ...(o.loadBalancer === false
          ? {}
          : { healthCheckGracePeriodSeconds: o.grace ?? 0, loadBalancer: { deregistrationDelay: '30s', healthCheck: { interval: '30s', ...o.healthCheck } } }),
        workload: { requestRate: { constant: 10 }, perTask: { capacityRps: 100 } },
      },
    },
  };
}

function run(o: Parameters<typeof scenario>[0]) {
  const r = runKeepingRows(scenario(o), { seed: 1 });
  const unhealthy = r.events.filter((e) => e.type === 'task-unhealthy');
  /** Start (s) of the first 5-second period that served requests. */
  const firstServedS = () => r.timeseries.find((x) => x.requestsServed > 0)!.time / 1000;
  return { ...r, unhealthy, firstServedS };
}

describe('a slow application behind a load balancer (interval 30 s, unhealthy threshold 2, healthy threshold 5)', () => {
  it('without a grace period ECS stops each task at its second failed check and starts another: a restart loop that never serves', () => {
    // application start 90 s: checks at 30 and 60 s after RUNNING fail; the second makes the
    // target unhealthy, and with no grace period ECS stops the task then (RUNNING + 60 s =
    // 95 s after creation) and starts its replacement at once. Each cycle is 35 + 60 = 95 s:
    // tasks are created at 0, 95, 190, ..., 95 x 37 = 3515 s (38 tasks); the last one is
    // RUNNING at 3550 s and would be stopped at 3610 s, after the hour.
    const r = run({ applicationStart: '90s' });
    expect((r.summary.services.web as any).tasksStarted).toBe(38);
    expect((r.summary.services.web as any).tasksStopped).toBe(37);
    const byId = (k: number) => r.tasks.find((t) => t.taskId === `web-${k}`)!;
    for (const k of [1, 2, 37]) {
      const created = 95_000 * (k - 1);
      // DEACTIVATING for the 30 s deregistration delay, then SIGTERM, exit 1 s later
      expect(byId(k)).toMatchObject({ created, running: created + 35_000, stopped: created + 95_000 + 31_000, stopReason: 'failed-elb-health-checks' });
    }
    expect(byId(38)).toMatchObject({ created: 3_515_000, stopReason: 'simulation-end', stopped: null });
    expect(r.unhealthy.map((e) => e.time)).toEqual(Array.from({ length: 37 }, (_, i) => 95_000 * (i + 1)));
    expect(r.unhealthy[0].message).toBe(
      'web-1 is unhealthy in (target-group web) due to (reason Health checks failed): 2 consecutive checks failed, the last 60 s after RUNNING ' +
        '(its application starts 90 s after RUNNING); the service stops it: Task failed ELB health checks in (target-group web)',
    );
    expect(r.events.find((e) => e.type === 'task-stopped')!.message).toBe('web-1 STOPPED (failed-elb-health-checks)');
    // the replacement is created at the instant the unhealthy task is stopped
    expect(byId(2).created).toBe(r.unhealthy[0].time);
    expect((r.summary.services.web as any).requests.served).toBe(0);
  });

  it('grace period 120 s: the failures at 30 and 60 s are ignored, but at 120 s the target is still unhealthy (2 of 5 passes): stopped then', () => {
    // passes at 90 and 120 s; healthy only after 5 in a row (at 210 s). Cycle 35 + 120 = 155 s:
    // tasks created at 0, 155, ..., 155 x 23 = 3565 s (24 tasks), 23 stopped.
    const r = run({ applicationStart: '90s', grace: 120 });
    expect((r.summary.services.web as any).tasksStarted).toBe(24);
    expect((r.summary.services.web as any).tasksStopped).toBe(23);
    expect(r.tasks.find((t) => t.taskId === 'web-1')).toMatchObject({ running: 35_000, stopped: 155_000 + 31_000, stopReason: 'failed-elb-health-checks' });
    expect(r.unhealthy.slice(0, 2).map((e) => [e.time, e.message])).toEqual([
      [95_000, expect.stringMatching(/^web-1 is unhealthy in \(target-group web\) .*the last 60 s after RUNNING .*; ignored during the health check grace period \(120 s after RUNNING\)$/)],
      [
        155_000,
        'web-1 is still unhealthy in (target-group web) when the health check grace period ends, 120 s after RUNNING (2 of the 5 consecutive passing checks it needs); ' +
          'the service stops it: Task failed ELB health checks in (target-group web)',
      ],
    ]);
    expect((r.summary.services.web as any).requests.served).toBe(0);
  });

  it('grace period 210 s: healthy at its fifth passing check (90, 120, 150, 180, 210 s after RUNNING), exactly when the period ends: never stopped', () => {
    const r = run({ applicationStart: '90s', grace: 210 });
    expect((r.summary.services.web as any).tasksStarted).toBe(1);
    expect(r.tasks).toEqual([expect.objectContaining({ taskId: 'web-1', running: 35_000, stopReason: 'simulation-end' })]);
    // one unhealthy row (ignored), then in rotation at 35 + 210 = 245 s
    expect(r.unhealthy.map((e) => e.time)).toEqual([95_000]);
    expect(r.firstServedS()).toBe(245);
  });

  it('grace period 209 s: one second short of the fifth pass, ECS sees the target unhealthy and stops the task (4 of 5 passes)', () => {
    const r = run({ applicationStart: '90s', grace: 209, duration: '10m' });
    expect(r.tasks.find((t) => t.taskId === 'web-1')).toMatchObject({ stopped: 35_000 + 209_000 + 31_000, stopReason: 'failed-elb-health-checks' });
    expect(r.unhealthy[1].message).toMatch(/grace period ends, 209 s after RUNNING \(4 of the 5 consecutive passing checks it needs\)/);
  });

  it('a healthy threshold of 2: the target is healthy again at 120 s (passes at 90 and 120 s), within a 120 s grace period', () => {
    const r = run({ applicationStart: '90s', grace: 120, healthCheck: { healthyThreshold: 2 }, duration: '10m' });
    expect(r.tasks.map((t) => t.stopReason)).toEqual(['simulation-end']);
    expect(r.firstServedS()).toBe(35 + 120);
  });

  it('an unhealthy threshold of 3: the application starting at 90 s fails only 2 checks, and the new target is healthy at its first pass', () => {
    const r = run({ applicationStart: '90s', healthCheck: { unhealthyThreshold: 3 }, duration: '10m' });
    expect(r.unhealthy).toEqual([]);
    expect(r.tasks.map((t) => t.stopReason)).toEqual(['simulation-end']);
    expect(r.firstServedS()).toBe(35 + 90);
  });

  it('application start 45 s: one failed check (30 s), a pass at 60 s: in rotation then, no unhealthy row', () => {
    const r = run({ applicationStart: '45s', duration: '10m' });
    expect(r.unhealthy).toEqual([]);
    expect(r.firstServedS()).toBe(35 + 60);
    expect((r.summary.services.web as any).tasksStarted).toBe(1);
  });

  it('application start 60 s passes the check at 60 s exactly (healthy then); 60.001 s fails it, the second failure (stopped at 60 s)', () => {
    const at60 = run({ applicationStart: '60s', duration: '10m' });
    expect(at60.unhealthy).toEqual([]);
    expect(at60.firstServedS()).toBe(35 + 60);
    const after60 = run({ applicationStart: '60001ms', duration: '10m' });
    expect(after60.tasks.find((t) => t.taskId === 'web-1')).toMatchObject({ stopped: 35_000 + 60_000 + 31_000, stopReason: 'failed-elb-health-checks' });
  });

  it('an application that starts at once takes traffic at the first check, 30 s after RUNNING (as before applicationStart existed)', () => {
    const r = run({ applicationStart: '0s', duration: '10m' });
    expect(r.firstServedS()).toBe(35 + 30);
    expect(r.unhealthy).toEqual([]);
  });

  it('without a load balancer the task takes load when its application has started (RUNNING + 45 s)', () => {
    const r = run({ applicationStart: '45s', loadBalancer: false, duration: '10m' });
    expect(r.firstServedS()).toBe(35 + 45);
    expect(r.unhealthy).toEqual([]);
  });

  it('draws a varying application start from its own stream: the image pulls drawn and every task time stay as they were', () => {
    // provisioning spread over 2 minutes: some tasks are RUNNING (an application start drawn)
    // before others are PENDING (an image pull drawn)
    const common = { duration: '10m', desiredCount: 4, imagePull: { distribution: 'lognormal', median: '10s', p95: '30s' }, provisioningDelay: { distribution: 'uniform', min: '1s', max: '120s' } };
    const fixed = run({ ...common, applicationStart: '0s' });
    // the application starts within 20 s: the check at 30 s passes, as with none
    const varying = run({ ...common, applicationStart: { distribution: 'uniform', min: '1ms', max: '20s' } });
    expect(new Set(fixed.tasks.map((t) => t.running)).size).toBe(4);
    expect(varying.tasks).toEqual(fixed.tasks);
    expect(varying.timeseries).toEqual(fixed.timeseries);
  });
});
