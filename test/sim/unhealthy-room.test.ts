// Unhealthy tasks whose replacements the cluster has no room for. maximumPercent: "The
// Amazon ECS scheduler uses this parameter to replace unhealthy tasks by starting
// replacement tasks first and then stopping the unhealthy tasks, as long as cluster
// resources for starting replacement tasks are available"; minimumHealthyPercent: "If any
// tasks are unhealthy and if maximumPercent doesn't allow the Amazon ECS scheduler to start
// replacement tasks, the scheduler stops the unhealthy tasks one-by-one — using the
// minimumHealthyPercent as a constraint — to clear up capacity to launch replacement tasks"
// (APIReference/API_DeploymentConfiguration.html). Fixed delays: every time below is worked
// out by hand. The target group checks a task 30 s, 60 s, ... after RUNNING (unhealthy
// threshold 2); a check passes once its application has started.

import { describe, it, expect } from 'vitest';
import { runKeepingRows } from '../helpers.js';

/**
 * One instance of `instanceType` (registers at 60 s), desired 2 tasks of 1024 CPU (or as given), 3072 MiB
 * (bridge, dynamic host port), RUNNING 6 s after placement (pull 1 s, start 5 s), application
 * start 67 s, grace 90 s, deregistration delay 30 s, containers exit 1 s after SIGTERM.
 */
function scenario(o: { instanceType: string; instanceTypes?: string[]; maximumPercent?: number; maxSize?: number; managedScaling?: boolean; duration?: string; desiredCount?: number; cpu?: number; raiseAt?: { at: string; minCapacity: number } }) {
  return {
    name: 'room',
    duration: o.duration ?? '4m',
    cluster: {
      availabilityZones: ['us-east-1a'],
      capacityProviders: {
        asg: {
          autoScalingGroup: { instanceTypes: o.instanceTypes ?? [o.instanceType], minSize: 1, maxSize: o.maxSize ?? 1, desiredCapacity: 1, launchDelay: '60s' },
          managedScaling: { status: o.managedScaling ? 'ENABLED' : 'DISABLED' },
        },
      },
    },
    taskDefinitions: {
      web: {
        cpu: o.cpu ?? 1024,
        memory: 3072,
        networkMode: 'bridge',
        containerDefinitions: { app: { cpu: o.cpu ?? 1024, memory: 3072, portMappings: [{ containerPort: 8080 }] } },
        startup: { imagePull: '1s', containerStart: '5s', applicationStart: '67s' },
      },
    },
    services: {
      web: {
        taskDefinition: 'web',
        desiredCount: o.desiredCount ?? 2,
        capacityProviderStrategy: [{ capacityProvider: 'asg', weight: 1 }],
        loadBalancer: { deregistrationDelay: '30s', healthCheck: { interval: '30s', healthyThreshold: 5, unhealthyThreshold: 2 } },
        healthCheckGracePeriodSeconds: 90,
        ...(o.maximumPercent === undefined ? {} : { deploymentConfiguration: { minimumHealthyPercent: 100, maximumPercent: o.maximumPercent } }),
        workload: { type: 'http', requestRate: 8, perTask: { capacityRps: 100, concurrency: 1, serviceTime: '40ms' } },
        ...(o.raiseAt === undefined
          ? {}
          : {
              autoScaling: {
                minCapacity: 1,
                maxCapacity: 6,
                scheduledActions: { raise: { schedule: `at(${o.raiseAt.at})`, scalableTargetAction: { minCapacity: o.raiseAt.minCapacity } } },
              },
            }),
      },
    },
  };
}

function run(o: Parameters<typeof scenario>[0], seed = 1) {
  const r = runKeepingRows(scenario(o), { seed });
  const byId = new Map(r.tasks.map((t) => [t.taskId, t]));
  const stopsFirst = r.events.filter((e) => e.type === 'task-unhealthy' && e.message.startsWith('the service stops'));
  const placed = r.events.filter((e) => e.type === 'task-placed');
  return { ...r, byId, stopsFirst, placed };
}

describe('an unhealthy task stops to free room for its replacement when the cluster is full', () => {
  it('one m5.large (2048 CPU) for two 1024-CPU tasks: the unhealthy tasks stop one by one, each replacement placed as the room frees', () => {
    // web-1 and web-2 are placed at 60 s, RUNNING 66 s; checks at 96 and 126 s fail
    // (unhealthy within the grace period, the target group fails open: the application
    // answers from 133 s); at the grace end, 156 s, both are marked (1 of 5 passes). Their
    // replacements web-3 and web-4 find 0 CPU free: one marked task (at random) stops. It was
    // failed open to while its application answered: it deregisters over the 30 s delay and
    // exits 1 s after: STOPPED 187 s. web-3 (the oldest waiting) is placed then, RUNNING
    // 193 s; web-4 still waits, so the other marked task stops at 187 s (one by one: only
    // once the first one's room has freed), STOPPED 218 s, web-4 placed then, RUNNING 224 s.
    for (const seed of [1, 2, 3]) {
      const r = run({ instanceType: 'm5.large' }, seed);
      expect(r.stopsFirst.map((e) => e.time)).toEqual([156_000, 187_000]);
      const first = r.stopsFirst[0].subject;
      const second = r.stopsFirst[1].subject;
      expect([first, second].sort()).toEqual(['web-1', 'web-2']);
      expect(r.stopsFirst[0].message).toBe(
        `the service stops ${first} first (a replacement cannot be placed for lack of room and fits on i-00000000000000001 once ${first} stops; ` +
          'an unhealthy task does not count toward minimumHealthyPercent 100): Task failed ELB health checks in (target-group web)',
      );
      expect(r.byId.get(first)).toMatchObject({ running: 66_000, stopped: 187_000, stopReason: 'failed-elb-health-checks' });
      expect(r.byId.get(second)).toMatchObject({ running: 66_000, stopped: 218_000, stopReason: 'failed-elb-health-checks' });
      expect(r.byId.get('web-3')).toMatchObject({ created: 156_000, running: 193_000 });
      expect(r.byId.get('web-4')).toMatchObject({ created: 156_000, running: 224_000 });
      expect(r.placed.filter((e) => e.subject === 'web-3' || e.subject === 'web-4').map((e) => [e.subject, e.time])).toEqual([
        ['web-3', 187_000],
        ['web-4', 218_000],
      ]);
    }
  });

  it('three marked tasks, room for one task at a time (m5.xlarge, 1280 CPU tasks): each stop waits for the last one to have freed its room', () => {
    // web-1..3 placed at 60 s (3 x 1280 = 3840 of 4096 CPU), marked at 156 s; web-4..6 wait
    // (256 CPU free). One marked task stops at 156 s, STOPPED 187 s: web-4 placed, RUNNING
    // 193 s; the next stops at 187 s, STOPPED 218 s: web-5 placed, RUNNING 224 s (web-4
    // RUNNING in between reconciles: the second stop is still freeing its room, so nothing
    // else stops); the last stops at 218 s, STOPPED 249 s: web-6 placed, RUNNING 255 s.
    // (Until 283 s, when web-4's grace period ends and it is marked in its turn.)
    const r = run({ instanceType: 'm5.xlarge', desiredCount: 3, cpu: 1280, duration: '5m' });
    const stops = r.stopsFirst.filter((e) => e.time < 283_000);
    expect(stops.map((e) => e.time)).toEqual([156_000, 187_000, 218_000]);
    expect(stops.map((e) => e.subject).sort()).toEqual(['web-1', 'web-2', 'web-3']);
    expect(['web-4', 'web-5', 'web-6'].map((id) => r.byId.get(id)!.running)).toEqual([193_000, 224_000, 255_000]);
  });

  it('maximumPercent 150 stops two marked tasks first: the stop for room waits for those too (one by one)', () => {
    // As the three-task case, maximumPercent 150: the cap is floor(3 x 150 / 100) = 4 tasks.
    // At 156 s the 3 tasks are marked (none live): web-4 starts (1 + 3 marked = 4, the cap),
    // so a marked task stops at random for room under maximumPercent, web-5 starts (2 + 2),
    // another stops, web-6 starts (3 + 1 = 4; desired count reached). The three replacements
    // find 256 CPU free and wait. The third marked task does not stop then: two unhealthy
    // tasks are stopping and have not freed their room. Both STOPPED 156 + 30 + 1 = 187 s:
    // 2816 CPU free, web-4 and web-5 placed (RUNNING 193 s); web-6 still waits, so the last
    // marked task stops for room at 187 s, STOPPED 218 s, web-6 placed then (RUNNING 224 s).
    for (const seed of [1, 2]) {
      const r = run({ instanceType: 'm5.xlarge', desiredCount: 3, cpu: 1280, maximumPercent: 150, duration: '5m' }, seed);
      const stops = r.events.filter((e) => e.type === 'task-unhealthy' && e.message.startsWith('the service stops') && e.time < 283_000);
      expect(stops.map((e) => [e.time, e.message.includes('maximumPercent 150 leaves no room')])).toEqual([
        [156_000, true],
        [156_000, true],
        [187_000, false],
      ]);
      expect(stops.map((e) => e.subject).sort()).toEqual(['web-1', 'web-2', 'web-3']);
      expect(stops.map((e) => r.byId.get(e.subject)!.stopped)).toEqual([187_000, 187_000, 218_000]);
      expect(['web-4', 'web-5', 'web-6'].map((id) => r.byId.get(id)!.running)).toEqual([193_000, 193_000, 224_000]);
    }
  });

  it('a reconcile while the first stop still frees its room (the desired count raised) stops nothing more', () => {
    // as above; at 170 s a scheduled action raises the desired count 3 -> 4: web-7 starts and
    // waits too. The marked task stopped at 156 s is not STOPPED yet (187 s): no other one stops then
    const r = run({ instanceType: 'm5.xlarge', desiredCount: 3, cpu: 1280, duration: '5m', raiseAt: { at: '2026-01-05T00:02:50', minCapacity: 4 } });
    expect(r.events.find((e) => e.type === 'scaling-activity')).toMatchObject({ time: 170_000 });
    expect(r.byId.get('web-7')).toMatchObject({ created: 170_000 });
    const stops = r.stopsFirst.filter((e) => e.time < 283_000);
    expect(stops.map((e) => e.time)).toEqual([156_000, 187_000, 218_000]);
    expect(['web-4', 'web-5', 'web-6'].map((id) => r.byId.get(id)!.running)).toEqual([193_000, 224_000, 255_000]);
  });

  it('one m5.xlarge (4096 CPU): room for both replacements, which start first; nothing is stopped to make room', () => {
    // as above, but web-3 and web-4 are placed at 156 s (2048 CPU free), RUNNING 162 s; the
    // marked web-1 and web-2 keep running (healthy again 66 + 210 = 276 s, after the run's 240 s)
    const r = run({ instanceType: 'm5.xlarge' });
    expect(r.stopsFirst).toEqual([]);
    for (const id of ['web-3', 'web-4']) expect(r.byId.get(id)).toMatchObject({ created: 156_000, running: 162_000 });
    for (const id of ['web-1', 'web-2']) expect(r.byId.get(id)).toMatchObject({ running: 66_000, stopReason: 'simulation-end' });
  });

  it('managed scaling that may still add an instance (maxSize 2): nothing stops to make room; the replacements wait for the instance', () => {
    // As in the first case up to 156 s: web-3 and web-4 wait in PROVISIONING, which managed
    // scaling counts (CapacityProviderReservation 200 %), so a second instance is on its way:
    // no marked task stops. web-1 and web-2 are healthy again at 66 + 210 = 276 s first: they
    // count toward the desired count again, and the scale in stops the two replacements never
    // placed (STOPPED at once). The scale out the alarm started still launches the instance.
    const r = run({ instanceType: 'm5.large', maxSize: 2, managedScaling: true, duration: '10m' });
    expect(r.stopsFirst).toEqual([]);
    for (const id of ['web-3', 'web-4']) expect(r.byId.get(id)).toMatchObject({ created: 156_000, running: null, stopped: 276_000, stopReason: 'scale-in' });
    for (const id of ['web-1', 'web-2']) expect(r.byId.get(id)).toMatchObject({ running: 66_000, stopReason: 'simulation-end' });
    const launched = r.events.filter((e) => e.type === 'instance-launched').map((e) => e.subject);
    expect(launched).toEqual(['i-00000000000000001', 'i-00000000000000002']);
  });

  it('managed scaling below maxSize that ignores the task (larger than the group\'s smallest type): the unhealthy task stops as without it', () => {
    // Group [m5.xlarge, m5.large], maxSize 3, managed scaling ENABLED; one task of 3072 CPU.
    // On-demand launches m5.xlarge (4096 CPU): web-1 placed at 60 s, RUNNING 66 s, marked at
    // 156 s. web-2 (3072 CPU) finds 1024 free and waits; it is larger than m5.large (2048
    // CPU), so managed scaling leaves it out of M ("can't run with this capacity provider",
    // managed-scaling-behavior.html) and no instance will come for it, maxSize or not: web-1
    // stops at 156 s, STOPPED 156 + 30 (deregistration delay) + 1 = 187 s; web-2 is placed
    // then, RUNNING 193 s. No second instance is launched.
    const r = run({ instanceType: 'm5.xlarge', instanceTypes: ['m5.xlarge', 'm5.large'], maxSize: 3, managedScaling: true, desiredCount: 1, cpu: 3072 });
    expect(r.stopsFirst.map((e) => [e.subject, e.time])).toEqual([['web-1', 156_000]]);
    expect(r.byId.get('web-1')).toMatchObject({ running: 66_000, stopped: 187_000, stopReason: 'failed-elb-health-checks' });
    expect(r.byId.get('web-2')).toMatchObject({ created: 156_000, running: 193_000 });
    expect(r.events.filter((e) => e.type === 'instance-launched').map((e) => e.subject)).toEqual(['i-00000000000000001']);
  });
});
