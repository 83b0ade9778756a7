// Tasks whose application starts slowly fail their load balancer health checks, and ECS
// replaces the ones its target group reports unhealthy once healthCheckGracePeriodSeconds is
// over, starting the replacement first where maximumPercent allows (APIReference/API_CreateService.html;
// developerguide ecs_services.html; ALB: elasticloadbalancing target-group-health-checks.html).
// Every time below is worked out by hand from the scenario's fixed delays: on Fargate a task
// is PROVISIONING 25 s and PENDING 10 s (image pull; the container starts at once), so it
// is RUNNING 35 s after the service creates it; the target group checks it 30 s, 60 s, ...
// after RUNNING; a check passes once the application has started.

import { describe, it, expect } from 'vitest';
import { runKeepingRows } from '../helpers.js';
import { RandomStreams } from '../../src/engine/index.js';

/** The application starts (ms) a run with `seed` draws for tasks web-1 and web-2 (a stream per task number): uniform 1 ms..120 s, rounded as services.ts rounds them. */
function appStarts(seed: number): [number, number] {
  const streams = new RandomStreams(seed);
  const draw = (k: number) => Math.round(1 + (120_000 - 1) * streams.stream('task-startup', 'web', 'applicationStart', String(k)).next());
  return [draw(1), draw(2)];
}
/** The first seed from 1 whose two draws meet `ok`. */
function seedWhere(ok: (a: number, b: number) => boolean): number {
  for (let seed = 1; seed < 1000; seed++) if (ok(...appStarts(seed))) return seed;
  throw new Error('no seed');
}

/**
 * One Fargate task behind a load balancer (deregistration delay 30 s, containers exit 1 s
 * after SIGTERM). A target never healthy (never in rotation) that the load balancer never
 * failed open to has no connection: its deregistration completes at once ("If a
 * deregistering target has no in-flight requests and no active connections, Elastic Load
 * Balancing immediately completes the deregistration process, without waiting for the
 * deregistration delay to elapse", edit-target-group-attributes.html): STOPPED 1 s after
 * the stop. One that was in rotation or failed open to while its application answered
 * waits the 30 s delay: 31 s.
 */
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
  const healthy = r.events.filter((e) => e.type === 'task-healthy');
  /** Start (s) of the first 5-second period that served requests. */
  const firstServedS = () => r.timeseries.find((x) => x.requestsServed > 0)!.time / 1000;
  const failOpen = r.events.filter((e) => e.type === 'target-group-fail-open');
  /**
   * When (s) a task first turned healthy while the target group failed open (the load
   * balancer then stops failing open). An unhealthy target with a started application takes
   * traffic before (ALB fail-open, target-group-health-checks.html): firstServedS is then its
   * application's start.
   */
  const failOpenEndS = () => failOpen.find((e) => e.message.includes('stops failing open'))!.time / 1000;
  return { ...r, unhealthy, healthy, firstServedS, failOpen, failOpenEndS };
}

describe('a slow application behind a load balancer (interval 30 s, unhealthy threshold 2, healthy threshold 5)', () => {
  // ECS replaces an unhealthy task, starting the replacement first (maximumPercent 200 by
  // default): the unhealthy one keeps RUNNING and being checked (developerguide ecs_services.html)
  it('without a grace period: marked at the second failed check, the replacement starts then; when it fails too, one of the two stops', () => {
    // application start 90 s: web-1 RUNNING at 35 s, checks at 65 and 95 s fail: unhealthy and
    // marked at 95 s (60 s after RUNNING), still RUNNING; its passes at 125..245 s would make it
    // healthy again at 245 s. web-2 is created at 95 s, RUNNING at 130 s, marked at 190 s: two
    // unhealthy tasks, none healthy, desired 1: one of the two stops at 190 s (30 s
    // deregistration delay, exit 1 s: STOPPED at 221 s) and web-3 is created at 190 s.
    const r = run({ applicationStart: '90s', duration: '200s' });
    const byId = (k: number) => r.tasks.find((t) => t.taskId === `web-${k}`)!;
    expect(r.unhealthy[0]).toMatchObject({ time: 95_000, subject: 'web-1' });
    expect(r.unhealthy[0].message).toBe(
      '(service web) (task web-1) is unhealthy in (target-group web) due to (reason Health checks failed): 2 consecutive checks failed, the last 60 s after RUNNING ' +
        '(its application starts 90 s after RUNNING); the service marks it unhealthy and replaces it, starting the replacement first where maximumPercent allows ' +
        '(it keeps running and being checked: healthy again 210 s after RUNNING unless stopped first)',
    );
    expect(byId(2)).toMatchObject({ created: 95_000, running: 130_000 });
    expect(byId(3)).toMatchObject({ created: 190_000 });
    const stops = r.unhealthy.filter((e) => e.message.startsWith('the service stops'));
    expect(stops).toHaveLength(1);
    expect(stops[0].time).toBe(190_000);
    expect(['web-1', 'web-2']).toContain(stops[0].subject);
    expect(stops[0].message).toBe(`the service stops ${stops[0].subject} (0 healthy and 2 unhealthy tasks, desired count 1): Task failed ELB health checks in (target-group web)`);
    // the marked task keeps RUNNING beside its replacement (runningCount, at a period's end:
    // 2 at 185 s); from 190 s the stopped one is DEACTIVATING, not RUNNING
    expect(r.timeseries.find((x) => x.time === 180_000)).toMatchObject({ runningCount: 2 });
    expect(r.timeseries.find((x) => x.time === 195_000)).toMatchObject({ runningCount: 1 });
    expect((r.summary.services.web as any).tasksStarted).toBe(3);
    // no healthy target from 95 s: the load balancer fails open to web-1 (and to web-2 once
    // unhealthy at 190 s). 10 requests/s: web-1's application starts at 125 s, so its 300
    // requests of 95..125 s fail (502) and it serves 10 x (190 - 125) = 650 up to 190 s,
    // then 100 more to 200 s if it is web-2 that stops (web-2's application starts at 220 s:
    // if web-1 stops, web-2's 100 fail). Before 95 s no target: 950 dropped.
    expect(r.failOpen.map((e) => e.time)).toEqual([95_000]);
    expect(r.failOpen[0].message).toBe(
      '(target-group web) has no healthy target: the load balancer fails open and routes requests to its 1 unhealthy target ' +
        '(0 whose application answers and serves them, 1 whose application has not started: their requests fail, 502)',
    );
    const served = 650 + (stops[0].subject === 'web-2' ? 100 : 0);
    expect((r.summary.services.web as any).requests.served).toBeCloseTo(served, 6);
    expect((r.summary.services.web as any).requests.dropped).toBeCloseTo(2000 - served, 6);
    expect(r.timeseries.find((x) => x.time === 120_000)).toMatchObject({ requestsServed: 0 });
    expect(r.timeseries.find((x) => x.time === 125_000)!.requestsServed).toBeCloseTo(50, 9);
  });

  it('a target failed open to only while its application had not started refused every connection: no deregistration delay', () => {
    // application start 300 s: web-1 (RUNNING 35 s) fails at 65 and 95 s: marked at 95 s, the
    // load balancer fails open to it, and every request fails (502: connection refused, its
    // application answers only at 335 s). web-2 (RUNNING 130 s) fails at 160 and 190 s: two
    // unhealthy tasks, desired 1: one stops at 190 s (seed 1: web-1). Neither ever accepted a
    // connection, so the deregistration completes at once ("If a deregistering target has no
    // in-flight requests and no active connections, Elastic Load Balancing immediately
    // completes the deregistration process", edit-target-group-attributes.html): STOPPED at
    // 190 + 1 s (exit), not 190 + 30 + 1 = 221 s
    const r = run({ applicationStart: '300s', duration: '250s' });
    expect(r.failOpen.map((e) => e.time)).toEqual([95_000]);
    expect((r.summary.services.web as any).requests.served).toBe(0);
    expect(r.tasks.filter((t) => t.stopReason === 'failed-elb-health-checks')).toEqual([expect.objectContaining({ taskId: 'web-1', stopped: 191_000 })]);
  });

  it('a target failed open to once its application answered keeps the deregistration delay', () => {
    // application start 90 s: as above, but web-1's application answers at 125 s, during the
    // fail-open: it serves, so it holds connections. Seed 3 stops web-1 at 190 s: DEACTIVATING
    // 30 s, exit 1 s: STOPPED at 221 s
    const r = runKeepingRows(scenario({ applicationStart: '90s', duration: '250s' }), { seed: 3 });
    expect(r.tasks.filter((t) => t.stopReason === 'failed-elb-health-checks')).toEqual([expect.objectContaining({ taskId: 'web-1', stopped: 221_000 })]);
  });

  it('maximumPercent 100 leaves no room for a replacement first: the unhealthy task stops, then its replacement starts (a restart loop that never serves)', () => {
    // each task: created, RUNNING 35 s later, marked 60 s after that and stopped at once
    // (the only unhealthy task: no choice), its replacement created at the same instant.
    // Cycle 95 s: tasks created at 0, 95, ..., 95 x 37 = 3515 s (38 tasks); the last is
    // RUNNING at 3550 s and would be marked at 3610 s, after the hour. Each stops as it turns
    // unhealthy, before the load balancer fails open to it (at the end of the instant):
    // never sent a request, no deregistration delay, STOPPED 1 s later.
    const r = runKeepingRows(
      { ...scenario({ applicationStart: '90s' }), services: { web: { ...scenario({ applicationStart: '90s' }).services.web, deploymentConfiguration: { minimumHealthyPercent: 100, maximumPercent: 100 } } } },
      { seed: 1 },
    );
    expect((r.summary.services.web as any).tasksStarted).toBe(38);
    expect((r.summary.services.web as any).tasksStopped).toBe(37);
    const byId = (k: number) => r.tasks.find((t) => t.taskId === `web-${k}`)!;
    for (const k of [1, 2, 37]) {
      const created = 95_000 * (k - 1);
      expect(byId(k)).toMatchObject({ created, running: created + 35_000, stopped: created + 95_000 + 1_000, stopReason: 'failed-elb-health-checks' });
    }
    expect(byId(38)).toMatchObject({ created: 3_515_000, stopReason: 'simulation-end', stopped: null });
    const stops = r.events.filter((e) => e.type === 'task-unhealthy' && e.message.startsWith('the service stops'));
    expect(stops.map((e) => e.time)).toEqual(Array.from({ length: 37 }, (_, i) => 95_000 * (i + 1)));
    expect(stops[0].message).toBe('the service stops web-1 first (maximumPercent 100 leaves no room to start its replacement first): Task failed ELB health checks in (target-group web)');
    expect((r.summary.services.web as any).requests.served).toBe(0);
  });

  it('grace period 120 s: marked at 120 s (2 of 5 passes), it recovers at 210 s and stays; its replacement, unhealthy at its own grace end, is stopped', () => {
    // web-1: RUNNING 35 s, unhealthy at 95 s (ignored), still unhealthy when the period ends
    // at 155 s: marked, web-2 created then. Passes at 125..245 s: healthy again at 245 s
    // (RUNNING + 210 s), in rotation. web-2: RUNNING 190 s, unhealthy at 250 s (ignored), at
    // its period's end (310 s) still unhealthy (it would recover at 400 s): marked, and with
    // web-1 healthy, 1 healthy + 1 unhealthy > desired 1: web-2 stops (never in rotation, nor
    // failed open to with web-1 healthy: no delay, STOPPED 311 s).
    // web-1 is the only task left, healthy: it counts again, nothing more starts.
    const r = run({ applicationStart: '90s', grace: 120, duration: '30m' });
    expect((r.summary.services.web as any).tasksStarted).toBe(2);
    expect((r.summary.services.web as any).tasksStopped).toBe(1);
    expect(r.tasks).toEqual([
      expect.objectContaining({ taskId: 'web-2', created: 155_000, running: 190_000, stopped: 311_000, stopReason: 'failed-elb-health-checks' }),
      expect.objectContaining({ taskId: 'web-1', running: 35_000, stopped: null, stopReason: 'simulation-end' }),
    ]);
    expect(r.unhealthy.map((e) => [e.time, e.subject])).toEqual([
      [95_000, 'web-1'],
      [155_000, 'web-1'],
      [250_000, 'web-2'],
      [310_000, 'web-2'],
      [310_000, 'web-2'],
    ]);
    expect(r.unhealthy[1].message).toMatch(/^web-1 is still unhealthy in \(target-group web\) when the health check grace period ends, 120 s after RUNNING \(2 of the 5 consecutive passing checks it needs\); the service marks it unhealthy/);
    // healthy again: its own type, task-healthy
    expect(r.healthy.map((e) => [e.time, e.subject])).toEqual([[245_000, 'web-1']]);
    expect(r.healthy[0].message).toMatch(/^web-1 is healthy again in \(target-group web\) after 5 consecutive passing checks, 210 s after RUNNING/);
    expect(r.unhealthy[4].message).toBe('the service stops web-2 (1 healthy and 1 unhealthy tasks, desired count 1): Task failed ELB health checks in (target-group web)');
    // unhealthy from 95 s, the only target: the load balancer fails open to it, and it serves
    // once its application starts (125 s); healthy at 245 s
    expect(r.firstServedS()).toBe(125);
    expect(r.failOpen.map((e) => e.time)).toEqual([95_000, 245_000]);
    expect(r.failOpenEndS()).toBe(245);
    // the marked task stays RUNNING (counted in runningCount) until its replacement is stopped
    expect(r.timeseries.find((x) => x.time === 200_000)).toMatchObject({ runningCount: 2 });
    expect(r.timeseries.find((x) => x.time === 345_000)).toMatchObject({ runningCount: 1 });
  });

  it('the replacement turns healthy while the unhealthy task is not: the unhealthy one stops then', () => {
    // web-1's application starts after 60 s (up to 120 s): checks at 65 and 95 s fail, marked
    // at 95 s; it could be healthy again only at RUNNING + (3 + 4) x 30 = 245 s or later.
    // web-2's starts within 60 s: created 95 s, RUNNING 130 s, healthy at its first pass,
    // 130 + 30 x max(1, ceil(start / 30)) <= 190 s: then 1 healthy + 1 unhealthy > desired 1,
    // web-1 stops (30 s deregistration delay, 1 s exit).
    const seed = seedWhere((a, b) => a > 60_000 && b <= 60_000);
    const [, b] = appStarts(seed);
    const healthyAt = 130_000 + 30_000 * Math.max(1, Math.ceil(b / 30_000));
    const r = runKeepingRows(scenario({ applicationStart: { distribution: 'uniform', min: '1ms', max: '120s' }, duration: '10m' }), { seed });
    expect(r.tasks).toEqual([
      expect.objectContaining({ taskId: 'web-1', running: 35_000, stopped: healthyAt + 31_000, stopReason: 'failed-elb-health-checks' }),
      expect.objectContaining({ taskId: 'web-2', created: 95_000, running: 130_000, stopReason: 'simulation-end' }),
    ]);
    const stop = r.events.find((e) => e.type === 'task-unhealthy' && e.message.startsWith('the service stops'))!;
    expect(stop).toMatchObject({ time: healthyAt, subject: 'web-1' });
    expect(stop.message).toBe('the service stops web-1 (1 healthy and 1 unhealthy tasks, desired count 1): Task failed ELB health checks in (target-group web)');
  });

  it('the unhealthy task recovers and its replacement turns healthy: once every task is healthy, one over the desired count stops (scale in)', () => {
    // healthy threshold 2. web-1's application starts in (60, 90] s: marked at 95 s, passes
    // at 125 and 155 s: healthy again at 155 s, in rotation. web-2 (created 95 s, RUNNING
    // 130 s) starts within 60 s: healthy (never unhealthy: at most one failed check) at
    // 130 + 30 x max(1, ceil(start / 30)), 160 or 190 s. Then only healthy tasks run, 2 >
    // desired 1: one of them stops, as a scale in (the service's scale-in choice).
    const seed = seedWhere((a, b) => a > 60_000 && a <= 90_000 && b <= 60_000);
    const [, b] = appStarts(seed);
    const healthyAt = 130_000 + 30_000 * Math.max(1, Math.ceil(b / 30_000));
    const r = runKeepingRows(
      scenario({ applicationStart: { distribution: 'uniform', min: '1ms', max: '120s' }, healthCheck: { healthyThreshold: 2 }, duration: '10m' }),
      { seed },
    );
    expect((r.summary.services.web as any).tasksStarted).toBe(2);
    const stopped = r.tasks.filter((t) => t.stopReason !== 'simulation-end');
    expect(stopped).toEqual([expect.objectContaining({ stopReason: 'scale-in', stopped: healthyAt + 31_000 })]);
    expect(r.events.find((e) => e.type === 'task-healthy' && e.subject === 'web-1' && e.time === 155_000)!.message).toMatch(/^web-1 is healthy again/);
    expect(r.events.some((e) => e.message.startsWith('the service stops'))).toBe(false);
    // in rotation from 155 s (web-1), both RUNNING until the surplus one stops; before, from
    // 95 s, the load balancer fails open to web-1, which serves from its application's start
    // (35 s + a: the 5 s period holding it)
    const [a] = appStarts(seed);
    expect(r.timeseries.find((x) => x.requestsServed > 0)!.time).toBe(Math.floor((35_000 + a) / 5_000) * 5_000);
    expect(r.events.filter((e) => e.type === 'target-group-fail-open').map((e) => e.time)).toEqual([95_000, 155_000]);
  });

  it('a marked task that is healthy again needs no replacement: desired 2, both recover, their replacements are stopped and not replaced', () => {
    // grace 120 s, application 90 s, Fargate provisioning 1..60 s (each task its own):
    // web-1 and web-2 are marked 120 s after RUNNING and replaced (web-3, web-4); they are
    // healthy again 210 s after RUNNING, before a replacement, RUNNING at least 11 s after
    // the marking, can be marked itself (120 s after its RUNNING: 251 s or more after its
    // original's RUNNING). Each replacement marked then is one unhealthy task beside 2
    // healthy ones (> desired 2): it stops, and nothing replaces it (2 healthy + the other
    // replacement = 3 >= 2). Once both replacements are stopped only healthy tasks run.
    const r = run({ applicationStart: '90s', grace: 120, desiredCount: 2, provisioningDelay: { distribution: 'uniform', min: '1s', max: '60s' }, duration: '30m' });
    expect((r.summary.services.web as any).tasksStarted).toBe(4);
    expect(r.tasks.filter((t) => t.stopReason === 'failed-elb-health-checks').map((t) => t.taskId).sort()).toEqual(['web-3', 'web-4']);
    expect(r.tasks.filter((t) => t.stopReason === 'simulation-end').map((t) => t.taskId).sort()).toEqual(['web-1', 'web-2']);
    expect(r.timeseries.at(-1)).toMatchObject({ runningCount: 2, desiredCount: 2 });
  });

  it('grace period 210 s: healthy at its fifth passing check (90, 120, 150, 180, 210 s after RUNNING), exactly when the period ends: never marked', () => {
    const r = run({ applicationStart: '90s', grace: 210 });
    expect((r.summary.services.web as any).tasksStarted).toBe(1);
    expect(r.tasks).toEqual([expect.objectContaining({ taskId: 'web-1', running: 35_000, stopReason: 'simulation-end' })]);
    // one unhealthy row (ignored), then in rotation at 35 + 210 = 245 s
    expect(r.unhealthy.map((e) => e.time)).toEqual([95_000]);
    // served (fail-open to the one unhealthy target) from its application's start, 125 s
    expect(r.firstServedS()).toBe(125);
    expect(r.failOpenEndS()).toBe(245);
  });

  it('grace period 209 s: marked one second short of the fifth pass; healthy again 1 s later, it stays and its replacement is stopped', () => {
    // web-1 marked at 35 + 209 = 244 s, healthy at 245 s; web-2 created at 244 s, RUNNING
    // 279 s, unhealthy at 339 s (ignored), at its period's end (488 s) 4 of 5 passes: marked,
    // and stopped at once (web-1 healthy; web-2 was never in rotation nor failed open to: no
    // deregistration delay): STOPPED 489 s
    const r = run({ applicationStart: '90s', grace: 209, duration: '10m' });
    expect(r.unhealthy[1].message).toMatch(/grace period ends, 209 s after RUNNING \(4 of the 5 consecutive passing checks it needs\)/);
    expect(r.tasks).toEqual([
      expect.objectContaining({ taskId: 'web-2', created: 244_000, running: 279_000, stopped: 489_000, stopReason: 'failed-elb-health-checks' }),
      expect.objectContaining({ taskId: 'web-1', stopReason: 'simulation-end' }),
    ]);
    expect(r.firstServedS()).toBe(125);
    expect(r.failOpenEndS()).toBe(245);
  });

  it('a healthy threshold of 2, no grace period: marked at 60 s, healthy again at 120 s, before its replacement fails: the replacement is stopped', () => {
    // web-1: RUNNING 35 s, marked 95 s, passes at 125 and 155 s: healthy again at 155 s.
    // web-2: created 95 s, RUNNING 130 s, checks at 160 and 190 s fail: marked at 190 s,
    // 1 healthy + 1 unhealthy > 1: stopped (never in rotation nor failed open to: no
    // deregistration delay, STOPPED 191 s); web-1 counts again.
    const r = run({ applicationStart: '90s', healthCheck: { healthyThreshold: 2 }, duration: '10m' });
    expect(r.tasks).toEqual([
      expect.objectContaining({ taskId: 'web-2', created: 95_000, running: 130_000, stopped: 191_000, stopReason: 'failed-elb-health-checks' }),
      expect.objectContaining({ taskId: 'web-1', running: 35_000, stopReason: 'simulation-end' }),
    ]);
    expect(r.firstServedS()).toBe(125);
    expect(r.failOpenEndS()).toBe(155);
  });

  it('a healthy threshold of 2: the target is healthy again at 120 s (passes at 90 and 120 s), within a 120 s grace period', () => {
    const r = run({ applicationStart: '90s', grace: 120, healthCheck: { healthyThreshold: 2 }, duration: '10m' });
    expect(r.tasks.map((t) => t.stopReason)).toEqual(['simulation-end']);
    expect(r.firstServedS()).toBe(35 + 90);
    expect(r.failOpenEndS()).toBe(35 + 120);
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

  it('application start 60 s passes the check at 60 s exactly (healthy then); 60.001 s fails it, the second failure (marked at 60 s, replaced)', () => {
    const at60 = run({ applicationStart: '60s', duration: '10m' });
    expect(at60.unhealthy).toEqual([]);
    expect(at60.firstServedS()).toBe(35 + 60);
    const after60 = run({ applicationStart: '60001ms', duration: '10m' });
    expect(after60.unhealthy[0]).toMatchObject({ time: 35_000 + 60_000, subject: 'web-1' });
    expect(after60.tasks.find((t) => t.taskId === 'web-2')).toMatchObject({ created: 35_000 + 60_000 });
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

describe('a DAEMON service behind a load balancer', () => {
  it('stops an unhealthy task at once (one task per instance: no replacement first)', () => {
    // one instance, registered 60 s after launch; the daemon task is placed then, RUNNING 10 s
    // later (image pull), fails its checks at 30 and 60 s after RUNNING: stopped at 130 s, as
    // it turns unhealthy (before the load balancer fails open to it: never sent a request,
    // no deregistration delay), exit 1 s: STOPPED at 131 s
    const r = runKeepingRows(
      {
        name: 'daemon-health',
        duration: '180s',
        cluster: {
          availabilityZones: ['us-east-1a'],
          capacityProviders: { asg: { autoScalingGroup: { instanceTypes: ['m5.large'], minSize: 1, maxSize: 1, desiredCapacity: 1, launchDelay: '60s' } } },
        },
        taskDefinitions: { web: { cpu: 256, memory: 512, startup: { imagePull: '10s', containerStart: '0s', applicationStart: '90s' }, shutdown: '1s' } },
        services: {
          web: {
            taskDefinition: 'web',
            schedulingStrategy: 'DAEMON',
            launchType: 'EC2',
            loadBalancer: { deregistrationDelay: '30s', healthCheck: { interval: '30s' } },
            workload: { requestRate: { constant: 10 }, perTask: { capacityRps: 100 } },
          },
        },
      },
      { seed: 1 },
    );
    expect(r.tasks.find((t) => t.taskId === 'web-1')).toMatchObject({ running: 70_000, stopped: 131_000, stopReason: 'failed-elb-health-checks' });
    const unhealthy = r.events.filter((e) => e.type === 'task-unhealthy');
    expect(unhealthy.map((e) => [e.time, e.subject])).toEqual([[130_000, 'web-1']]);
    expect(unhealthy[0].message).toMatch(/; the service stops it: Task failed ELB health checks in \(target-group web\)$/);
    // on EC2 AWS's service event names the instance: (service) (task) (instance) ... (no port: ecsim models none)
    const instance = r.events.find((e) => e.type === 'instance-registered')!.subject;
    expect(unhealthy[0].message.startsWith(`(service web) (task web-1) (instance ${instance}) is unhealthy in (target-group web) due to (reason Health checks failed): `)).toBe(true);
  });
});
