// The service quota "Tasks in the PROVISIONING state per cluster" (default 500;
// AmazonECS/latest/developerguide/operating-at-scale-service-quotas-best-practice.html),
// cluster.provisioningTaskLimit. Model (docs/assumptions.md): at the quota a service creates
// no task; the ones it could not create are created as PROVISIONING tasks leave that state,
// the room shared out in rounds over the services held back, in the order they were held,
// an equal share each (at least 1).

import { describe, it, expect } from 'vitest';
import { loadScenarioObject } from '../../src/scenario/index.js';
import { runSimulation, type CapacityRow, type EventRecord, type TaskRow } from '../../src/sim/index.js';

function run(raw: Record<string, unknown>) {
  const s = loadScenarioObject('quota', raw, { baseDir: '.' });
  const events: EventRecord[] = [];
  const tasks: TaskRow[] = [];
  const capacity: CapacityRow[] = [];
  runSimulation(s, { event: (e) => events.push(e), timeseries: () => {}, capacity: (c) => capacity.push(c), task: (t) => tasks.push(t) }, { seed: 1, checkTallies: true });
  return { events, tasks, capacity };
}

/** Tasks created at each time (s), per service: "0:4 30:2 ...". */
function createdAt(tasks: readonly TaskRow[], service: string): string {
  const by = new Map<number, number>();
  for (const t of tasks) if (t.service === service) by.set(t.created, (by.get(t.created) ?? 0) + 1);
  return [...by].sort((x, y) => x[0] - y[0]).map(([t, n]) => `${t / 1000}:${n}`).join(' ');
}

describe('cluster.provisioningTaskLimit: the PROVISIONING quota', () => {
  // an Auto Scaling group of 2 m5.large (no managed scaling) registered at 30 s; a task of
  // 2048 CPU units fills one, so 2 tasks get an instance and the others wait in PROVISIONING
  const asg = (limit: number | undefined, extra: Record<string, unknown> = {}) =>
    run({
      name: 'quota',
      start: '2026-03-02T09:00:00Z',
      duration: '5m',
      cluster: {
        availabilityZones: ['us-east-1a'],
        capacityProviders: { A: { autoScalingGroup: { instanceTypes: ['m5.large'], minSize: 0, maxSize: 2, desiredCapacity: 2, launchDelay: '30s' } } },
        defaultCapacityProviderStrategy: [{ capacityProvider: 'A', weight: 1 }],
        ...(limit === undefined ? {} : { provisioningTaskLimit: limit }),
      },
      taskDefinitions: { t: { cpu: 2048, memory: 512, networkMode: 'bridge', startup: { imagePull: '5s', containerStart: '0s' } } },
      services: { ...extra, a: { taskDefinition: 't', desiredCount: 10 }, b: { taskDefinition: 't', desiredCount: 3 } },
    });

  it('limit 4: a creates 4 at 0 and both are held; at 30 s 2 tasks get an instance: room 2, a 1 and b 1', () => {
    const r = asg(4);
    // 0 s: a creates 4 (the quota), wants 6 more; b wants 3: both held, a first.
    // 30 s: the 2 instances register and take 2 of a's tasks: room 2, share floor(2 / 2) = 1
    //   each: a 1, b 1 (both still PROVISIONING: no instance left); the quota is full again.
    expect(createdAt(r.tasks, 'a')).toBe('0:4 30:1');
    expect(createdAt(r.tasks, 'b')).toBe('30:1');
    const held = r.events.filter((e) => e.type === 'provisioning-quota');
    expect(held.map((e) => [e.time, e.subject])).toEqual([
      [0, 'a'],
      [0, 'b'],
    ]);
    expect(held[0].message).toBe(
      'service a could not create 6 tasks: the cluster has 4 tasks in PROVISIONING, its quota (cluster.provisioningTaskLimit 4, "Tasks in the PROVISIONING state per cluster"); they are created as tasks leave PROVISIONING',
    );
    expect(held[1].message).toMatch(/^service b could not create 3 tasks: the cluster has 4 tasks in PROVISIONING/);
    for (const row of r.capacity) expect(row.tasksProvisioning).toBeLessThanOrEqual(4);
  });

  it('the default quota, 500, holds none of these 13 tasks back: all created at 0', () => {
    const r = asg(undefined);
    expect(createdAt(r.tasks, 'a')).toBe('0:10');
    expect(createdAt(r.tasks, 'b')).toBe('0:3');
    expect(r.events.filter((e) => e.type === 'provisioning-quota')).toEqual([]);
  });

  it('a launchType EC2 service placed at once neither counts nor frees room: the quota still holds a and b', () => {
    // e, the first service, places its 2 waiting tasks on the 2 instances at 30 s, before a
    // (a launchType EC2 task is created only when an instance takes it); had each placement
    // freed room in the quota, a and b would have created 1 more each then
    const r = asg(4, { e: { taskDefinition: 't', desiredCount: 2, launchType: 'EC2' } });
    expect(createdAt(r.tasks, 'a')).toBe('0:4');
    expect(createdAt(r.tasks, 'b')).toBe('');
    expect(r.events.filter((e) => e.type === 'provisioning-quota').map((e) => e.subject)).toEqual(['a', 'b']);
  });

  it('Fargate tasks are not held: the quota is on the tasks capacity providers can add capacity for', () => {
    const r = run({
      name: 'quota-fargate',
      start: '2026-03-02T09:00:00Z',
      duration: '5m',
      cluster: { availabilityZones: ['us-east-1a'], capacityProviders: { FARGATE: { provisioningDelay: '30s' } }, provisioningTaskLimit: 4 },
      taskDefinitions: { t: { cpu: 256, memory: 512, requiresCompatibilities: ['FARGATE'] } },
      services: { a: { taskDefinition: 't', desiredCount: 10, capacityProviderStrategy: [{ capacityProvider: 'FARGATE', weight: 1 }] } },
    });
    expect(createdAt(r.tasks, 'a')).toBe('0:10');
    expect(r.events.filter((e) => e.type === 'provisioning-quota')).toEqual([]);
  });
});

describe('managed scaling sees only the tasks created: CapacityProviderReservation M under the quota', () => {
  it('limit 10, 30 tasks of a whole m5.large each: M = 10 at N = 0 (0 -> 2 at 120 s), then M = 2 + 10 = 12 at N = 2: 2 -> 12 at 420 s (not 30)', () => {
    const r = run({
      name: 'quota-asg',
      start: '2026-03-02T09:00:00Z',
      duration: '10m',
      cluster: {
        availabilityZones: ['us-east-1a', 'us-east-1b'],
        provisioningTaskLimit: 10,
        capacityProviders: {
          A: {
            autoScalingGroup: { instanceTypes: ['m5.large'], minSize: 0, maxSize: 50, launchDelay: '60s' },
            managedScaling: { status: 'ENABLED', targetCapacity: 100 },
            managedTerminationProtection: 'ENABLED',
          },
        },
        defaultCapacityProviderStrategy: [{ capacityProvider: 'A', weight: 1 }],
      },
      // 2048 CPU units: one task fills an m5.large
      taskDefinitions: { w: { cpu: 2048, memory: 1024, networkMode: 'bridge', startup: { imagePull: '5s', containerStart: '1s' } } },
      services: { w: { taskDefinition: 'w', desiredCount: 30 } },
    });
    // [0, 60): 10 created, PROVISIONING; M = 10, N = 0: seen at 120 s, from zero to 2.
    // The 2 register at 180 s and take 2 tasks; 2 more are created: 10 PROVISIONING again.
    // [300, 360): M = 2 busy + 10 = 12, N = 2; seen at 420 s, the 300 s warm-up of the launch
    // at 120 s just over: 2 -> 12.
    const outs = r.events.filter((e) => e.type === 'scaling-activity' && e.subject === 'A');
    expect(outs.map((e) => e.time)).toEqual([120_000, 420_000]);
    expect(outs[0].message).toMatch(/^desired 0 -> 2 .*M=10 N=0/);
    expect(outs[1].message).toMatch(/^desired 2 -> 12 .*M=12 N=2; ceil\(12 \/ 1\.00\) = 12\)$/);
    expect(createdAt(r.tasks, 'w').split(' ').slice(0, 2)).toEqual(['0:10', '180:2']);
  });
});
