// The service scheduler's replacement of unhealthy tasks when the desired count falls, or
// when replacements cannot be placed (developerguide ecs_services.html: "If a task is marked
// unhealthy, the service scheduler will first start a replacement task ... If the
// maximumPercent parameter limits the scheduler from starting a replacement task first, the
// scheduler will stop an unhealthy task one at a time at random to free up capacity, and
// then start a replacement task"; "if the total task count exceeds the desiredCount,
// healthy tasks are stopped"). Reproducers from a fuzz review (surplus.yaml, cap.yaml), with
// fixed delays so that every time below is worked out by hand. The target group checks a
// task 30 s, 60 s, ... after RUNNING; a check passes once its application has started.

import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { runKeepingRows } from '../helpers.js';

/**
 * surplus.yaml: one m5.large (2 ENIs for awsvpc tasks besides its own), desired 2, application
 * start 67 s, grace 90 s; `placementConstraints` for the service when given.
 */
function surplus(placementConstraints?: unknown) {
  return {
    name: 'surplus',
    duration: '1h',
    cluster: {
      availabilityZones: ['us-east-1a'],
      capacityProviders: { asg: { autoScalingGroup: { instanceTypes: ['m5.large'], minSize: 1, maxSize: 1, desiredCapacity: 1, launchDelay: '60s' } } },
    },
    taskDefinitions: {
      web: {
        cpu: 512,
        memory: 1024,
        networkMode: 'awsvpc',
        containerDefinitions: { app: { cpu: 512, memory: 1024, portMappings: [{ containerPort: 8080 }] } },
        startup: { imagePull: '1s', containerStart: '5s', applicationStart: '67s' },
      },
    },
    services: {
      web: {
        taskDefinition: 'web',
        desiredCount: 2,
        capacityProviderStrategy: [{ capacityProvider: 'asg', weight: 1 }],
        ...(placementConstraints === undefined ? {} : { placementConstraints }),
        loadBalancer: { deregistrationDelay: '30s' },
        healthCheckGracePeriodSeconds: 90,
        workload: { type: 'http', requestRate: 8, perTask: { capacityRps: 100, concurrency: 1, serviceTime: '40ms' } },
        autoScaling: {
          minCapacity: 0,
          maxCapacity: 6,
          scheduledActions: { shrink: { schedule: 'at(2026-01-05T00:20:00)', scalableTargetAction: { minCapacity: 0, maxCapacity: 1 } } },
        },
      },
    },
  };
}

/**
 * Fargate tasks (PROVISIONING 25 s, PENDING 10 s: RUNNING 35 s after creation), interval
 * 30 s, containers exit 1 s after SIGTERM, deregistration delay 30 s; a scheduled action
 * sets maxCapacity at `dropAt` (an at() time).
 */
function fargate(o: { desiredCount: number; applicationStart: string; grace?: number; maximumPercent?: number; healthCheck?: Record<string, unknown>; dropAt: string; maxCapacity: number; duration?: string }) {
  return {
    name: 'cap',
    duration: o.duration ?? '30m',
    cluster: { availabilityZones: ['us-east-1a'], capacityProviders: { FARGATE: { provisioningDelay: '25s' } } },
    taskDefinitions: {
      web: { cpu: 256, memory: 512, requiresCompatibilities: ['FARGATE'], startup: { imagePull: '10s', containerStart: '0s', applicationStart: o.applicationStart }, shutdown: '1s' },
    },
    services: {
      web: {
        taskDefinition: 'web',
        desiredCount: o.desiredCount,
        launchType: 'FARGATE',
        healthCheckGracePeriodSeconds: o.grace ?? 0,
        loadBalancer: { deregistrationDelay: '30s', healthCheck: { interval: '30s', ...o.healthCheck } },
        deploymentConfiguration: { minimumHealthyPercent: 50, maximumPercent: o.maximumPercent ?? 200 },
        workload: { type: 'http', requestRate: 100, perTask: { capacityRps: 50, concurrency: 4, serviceTime: '40ms' } },
        autoScaling: {
          minCapacity: 0,
          maxCapacity: 6,
          scheduledActions: { shrink: { schedule: `at(${o.dropAt})`, scalableTargetAction: { maxCapacity: o.maxCapacity } } },
        },
      },
    },
  };
}

describe('marked tasks healthy again while their replacements cannot be placed (surplus.yaml)', () => {
  it('count toward the desired count again at once: the unplaceable replacements are stopped, and a later fall of the desired count leaves exactly the desired tasks', () => {
    // The instance registers at 60 s; web-1 and web-2 are placed then (its 2 free ENIs),
    // RUNNING at 66 s (pull 1 s + start 5 s). Application 67 s: checks at 30 and 60 s after
    // RUNNING fail (unhealthy at 126 s, within the 90 s grace period), passes from 90 s.
    // At the grace end, 156 s (1 of 5 passes), both are marked; their replacements web-3 and
    // web-4 find no ENI and wait PROVISIONING. The constraint runningTasksCount == 0 (2 RUNNING
    // there, 1 were a marked task stopped) keeps them out even once a marked task stopped, so
    // no unhealthy task is stopped to free room for them (as the ENIs alone would:
    // unhealthy-room.test.ts). At the fifth pass, 210 s after RUNNING =
    // 276 s, both are healthy again: no marked task is unhealthy and the only others wait for
    // capacity, so web-1 and web-2 count again: 4 tasks > desired 2, the scale in stops the
    // PROVISIONING ones (never placed: STOPPED at once). At 1200 s desired 2 -> 1: one of
    // web-1, web-2 stops (30 s deregistration delay + 1 s exit: STOPPED 1231 s).
    // (web-1 and web-2 are placed at 60 s together: neither RUNNING yet, runningTasksCount 0)
    const r = runKeepingRows(surplus([{ type: 'memberOf', expression: 'runningTasksCount == 0' }]), { seed: 1 });
    const byId = new Map(r.tasks.map((t) => [t.taskId, t]));
    for (const id of ['web-3', 'web-4']) expect(byId.get(id)).toMatchObject({ created: 156_000, running: null, stopped: 276_000, stopReason: 'scale-in' });
    const originals = [byId.get('web-1')!, byId.get('web-2')!];
    for (const t of originals) expect(t).toMatchObject({ created: 0, running: 66_000 });
    expect(originals.map((t) => t.stopReason).sort()).toEqual(['scale-in', 'simulation-end']);
    expect(originals.find((t) => t.stopReason === 'scale-in')!.stopped).toBe(1_231_000);
    expect(r.tasks).toHaveLength(4);
    expect(r.events.filter((e) => e.type === 'task-healthy' && /^web-\d+ is healthy again/.test(e.message)).map((e) => e.time)).toEqual([276_000, 276_000]);
    // no marked task is stopped: both recovered
    expect(r.events.some((e) => e.type === 'task-unhealthy' && e.message.startsWith('the service stops'))).toBe(false);
    // from 1231 s on: desired 1, one task RUNNING, none pending
    const after = r.timeseries.filter((x) => x.time >= 1_260_000);
    expect(after.length).toBeGreaterThan(0);
    for (const x of after) expect(x).toMatchObject({ desiredCount: 1, runningCount: 1, pendingCount: 0 });
  });
});

describe('maximumPercent after the desired count falls while tasks are marked (cap.yaml)', () => {
  it('the total comes down to the new ceiling at once, and each later replacement starts only within it', () => {
    // desired 5, maximumPercent 120: ceiling floor(5 x 1.2) = 6. web-1..5 RUNNING at 35 s;
    // application 400 s, unhealthy threshold 3: checks at 30, 60, 90 s after RUNNING fail,
    // all five marked at 125 s. 0 live + 5 marked: room for one replacement (web-6); then
    // 1 + 5 = 6, no room: an unhealthy one stops, web-7 starts, ... until 5 replacements
    // (web-6..10, RUNNING 160 s) and 1 original still marked: 6 tasks, 4 originals stopping.
    // At 180 s desired 5 -> 2, ceiling floor(2 x 1.2) = 2: 5 live > 2, the scale in stops 3
    // (all RUNNING: chosen), then 2 live + 1 marked = 3 > 2: the marked original stops.
    // The two replacements left are marked at 160 + 90 = 250 s: 0 live + 2 marked, no room:
    // one stops, 0 + 1 < 2, a replacement starts; 1 + 1 = 2, no room: the other stops and
    // the second replacement starts. They are RUNNING 285 s, marked 375 s, and so on: from
    // 180 s on the service holds exactly 2 tasks not being stopped. Deregistration: a target
    // never healthy that the load balancer never failed open to has no connection and
    // deregisters at once (edit-target-group-attributes.html), STOPPED 1 s after the stop; so
    // does the one original left at 125 s, failed open to (the only unhealthy target) but
    // only before its application answers (400 s): every connection refused, none held.
    const r = runKeepingRows(
      fargate({ desiredCount: 5, applicationStart: '400s', maximumPercent: 120, healthCheck: { unhealthyThreshold: 3 }, dropAt: '2026-01-05T00:03:00', maxCapacity: 2, duration: '20m' }),
      { seed: 1 },
    );
    const created = (t: number) => r.tasks.filter((x) => x.created === t).map((x) => x.taskId).sort();
    expect(created(0)).toEqual(['web-1', 'web-2', 'web-3', 'web-4', 'web-5']);
    expect(created(125_000)).toEqual(['web-10', 'web-6', 'web-7', 'web-8', 'web-9']);
    expect(created(250_000)).toEqual(['web-11', 'web-12']);
    const stoppedAt = (t: number) => r.tasks.filter((x) => x.stopped === t);
    // stops decided at 125 s: 4 originals (stopped as they turn unhealthy, before the load
    // balancer fails open: no delay); at 180 s: 3 replacements (never healthy: no delay) and
    // the 5th original (failed open to only while its connections were refused: no delay);
    // at 250 s: 2 (no delay)
    expect(stoppedAt(126_000).map((t) => t.stopReason)).toEqual(Array(4).fill('failed-elb-health-checks'));
    expect(stoppedAt(181_000).map((t) => [t.created, t.stopReason]).sort()).toEqual([[0, 'failed-elb-health-checks'], ...Array(3).fill([125_000, 'scale-in'])]);
    expect(stoppedAt(211_000)).toEqual([]);
    expect(stoppedAt(251_000).map((t) => [t.created, t.stopReason])).toEqual([
      [125_000, 'failed-elb-health-checks'],
      [125_000, 'failed-elb-health-checks'],
    ]);
    const stop = r.events.find((e) => e.time === 180_000 && e.type === 'task-unhealthy')!;
    expect(stop.message).toMatch(/^the service stops web-[1-5] \(desired count 2: maximumPercent allows 2 tasks and the service has 3\): Task failed ELB health checks/);
    // every row from 180 s: 2 tasks RUNNING or PENDING/PROVISIONING (stopping ones not counted)
    const rows = r.timeseries.filter((x) => x.time >= 180_000);
    expect(rows.length).toBeGreaterThan(10);
    for (const x of rows) expect(x.runningCount + x.pendingCount).toBe(2);
  });

  it('marked tasks healthy again count toward the fallen desired count at once: the total is the new desired count, not kept until the replacements are healthy', () => {
    // desired 4, grace 120 s, application 90 s: web-1..4 RUNNING 35 s, marked at 155 s
    // (2 of 5 passes), replaced by web-5..8 (RUNNING 190 s, checks at 220 and 250 s fail,
    // marked at their grace end, 310 s). web-1..4 are healthy again at 35 + 210 = 245 s.
    // At 270 s desired 4 -> 1 (ceiling 2): 4 live + 4 marked > 2, the recovered ones count
    // again: 8 > 1, the scale in stops 7 (all RUNNING). The originals were in rotation: 30 s
    // deregistration delay, STOPPED at 301 s; the 3 replacements were never healthy nor
    // failed open to (the originals were healthy): no connection, no delay, STOPPED at 271 s.
    // Which task is kept is the scale in's choice among equals (one AZ, all RUNNING: the
    // scale-in stream's draw), an original or a replacement.
    // Before the fix only 3 stopped then and the rest waited for the replacements' marking at 310 s.
    const r = runKeepingRows(fargate({ desiredCount: 4, applicationStart: '90s', grace: 120, dropAt: '2026-01-05T00:04:30', maxCapacity: 1 }), { seed: 1 });
    expect(r.tasks.filter((t) => t.created === 155_000)).toHaveLength(4);
    const at270 = r.tasks.filter((t) => t.stopped === 301_000 || t.stopped === 271_000);
    expect(at270).toHaveLength(7);
    for (const t of at270) expect([t.stopReason, t.stopped]).toEqual(['scale-in', t.created === 0 ? 301_000 : 271_000]);
    // the one kept: one of the 4 originals or the 4 replacements, not stopped by 310 s
    const kept = r.tasks.filter((t) => (t.created === 0 || t.created === 155_000) && !at270.includes(t));
    expect(kept).toHaveLength(1);
    expect(kept[0].stopped === null || kept[0].stopped > 310_000).toBe(true);
    // at most the new ceiling from then on
    for (const x of r.timeseries.filter((x) => x.time >= 301_000)) expect(x.runningCount + x.pendingCount).toBeLessThanOrEqual(2);
    expect(r.timeseries.at(-1)!.desiredCount).toBe(1);
  });
});

describe('property: after the desired count falls, the service holds no more tasks than maximumPercent of it', () => {
  it('small Fargate services with slow applications (running + pending <= floor(desired x maximumPercent / 100) once the stops complete)', () => {
    fc.assert(
      fc.property(
        fc.record({
          desiredCount: fc.integer({ min: 1, max: 6 }),
          fallTo: fc.integer({ min: 0, max: 5 }),
          maximumPercent: fc.constantFrom(100, 120, 150, 200),
          applicationStartS: fc.integer({ min: 20, max: 400 }),
          grace: fc.constantFrom(0, 60, 120, 209),
          unhealthyThreshold: fc.integer({ min: 2, max: 3 }),
          healthyThreshold: fc.integer({ min: 2, max: 5 }),
          dropMin: fc.integer({ min: 2, max: 9 }),
          seed: fc.integer({ min: 1, max: 1000 }),
        }),
        (p) => {
          const newDesired = Math.min(p.fallTo, p.desiredCount - 1);
          const dropAt = `2026-01-05T00:${String(p.dropMin).padStart(2, '0')}:00`;
          const r = runKeepingRows(
            fargate({
              desiredCount: p.desiredCount,
              applicationStart: `${p.applicationStartS}s`,
              grace: p.grace,
              maximumPercent: p.maximumPercent,
              healthCheck: { unhealthyThreshold: p.unhealthyThreshold, healthyThreshold: p.healthyThreshold },
              dropAt,
              maxCapacity: newDesired,
              duration: '20m',
            }),
            { seed: p.seed },
          );
          const ceiling = Math.floor((newDesired * p.maximumPercent) / 100);
          // stops decided at the fall complete within 31 s (deregistration delay + exit)
          const from = p.dropMin * 60_000 + 31_000;
          for (const x of r.timeseries) if (x.time >= from) expect(x.runningCount + x.pendingCount, `row ${x.time}`).toBeLessThanOrEqual(ceiling);
        },
      ),
      { numRuns: 40, seed: 20261126 },
    );
  });
});
