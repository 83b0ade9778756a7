// CapacityProviderReservation with tasks waiting in PROVISIONING that the group's types can
// run but its registered instances, an empty one included, cannot take (a memberOf
// constraint on another AZ here): M = N + the instances the tasks pack onto, so M > N and the
// group scales out (the "Deep dive on Amazon ECS cluster auto scaling" blog: CAS scales out
// "whenever there is not enough capacity to run tasks"; with tasks in PROVISIONING, M > N).
// Before, M = busy + packed = 0 + 1 = N = 1: 100 %, no scale out, the tasks waited forever.
//
// By hand: warmStart, 1 m5.large in us-east-1a (the group balances AZs: a first), empty; 2
// tasks of 1024 CPU units constrained to us-east-1b wait in PROVISIONING from 0. Period
// [0, 60): N = 1, the 2 tasks pack 2 per m5.large (2048 units): X = 1, M = 1 + 1 = 2, 200 %.
// Seen at 120 (publishDelay 60 s); the warmStart instance is past its warm-up: desired
// 1 -> ceil(2 / 1.00) = 2. The launch goes to us-east-1b (fewest instances) and registers at
// 180 (launchDelay 60 s), where both tasks are placed.

import { describe, it, expect } from 'vitest';
import { runKeepingRows } from '../helpers.js';

const scenario = {
  name: 'reservation-member-of-other-az',
  start: '2026-03-02T00:00:00Z',
  duration: '10m',
  warmStart: true,
  metrics: { period: '60s', publishDelay: '60s' },
  cluster: {
    availabilityZones: ['us-east-1a', 'us-east-1b'],
    capacityProviders: {
      a: {
        autoScalingGroup: { instanceTypes: ['m5.large'], minSize: 0, maxSize: 4, desiredCapacity: 1, launchDelay: '60s' },
        managedScaling: { status: 'ENABLED', targetCapacity: 100 },
      },
    },
  },
  taskDefinitions: { t: { cpu: 1024, memory: 1024, networkMode: 'bridge', containerDefinitions: { c: { memory: 1024 } } } },
  services: {
    s: {
      taskDefinition: 't',
      desiredCount: 2,
      capacityProviderStrategy: [{ capacityProvider: 'a', weight: 1 }],
      placementConstraints: [{ type: 'memberOf', expression: 'attribute:ecs.availability-zone == us-east-1b' }],
    },
  },
};

describe('PROVISIONING tasks an empty registered instance cannot take drive M above N', () => {
  it('M = N 1 + 1 = 2 (200 %): the group scales out 1 -> 2 at 120 s and the tasks run on the us-east-1b instance', () => {
    const r = runKeepingRows(scenario, { seed: 1 });
    const rows = r.capacity.filter((c) => c.capacityProvider === 'a');
    expect(rows[0].capacityProviderReservation).toBe(200);
    expect(rows[0].tasksProvisioning).toBe(2);
    const acts = r.events.filter((e) => e.type === 'scaling-activity' && e.subject === 'a');
    expect(acts.map((e) => [e.time, e.message.slice(0, e.message.indexOf(' ('))])).toEqual([[120_000, 'desired 1 -> 2']]);
    expect(acts[0].message).toContain('M=2 N=1; ceil(2 / 1.00) = 2');
    const placed = r.events.filter((e) => e.type === 'task-placed');
    expect(placed.map((e) => [e.time, e.message.includes('us-east-1b')])).toEqual([
      [180_000, true],
      [180_000, true],
    ]);
    // both placed on the new instance: N = 2, busy 1, none waiting: M = 1, 50 %
    expect(rows.find((c) => c.time === 180_000)?.capacityProviderReservation).toBe(50);
  });
});

// targetCapacity below 100 (model, reservation.ts): M = max(busy + X, ceil(N x t / 100) + X),
// not N + X, which counted the spare instances the target keeps as needed and roughly doubled
// the group every warm-up (4 -> 10 -> 22 -> 40 here). By hand: warmStart, 4 m5.large, target
// 50, maxSize 40, launchDelay 60 s, warm-up 300 s. Service a: 2 tasks (distinctInstance) on 2
// instances: busy 2. Service b: 1 task of 1024 units constrained to m5.xlarge, which the group
// never launches: it waits in PROVISIONING the whole run; it packs onto 1 m5.large, X = 1.
//   N 4: M = max(2 + 1, ceil(4 x 0.5) + 1) = 3, 75 % > 50 -> seen at 120: ceil(3 / 0.50) = 6.
//   launched at 120, registered at 180; warm-up to 420. N 6: M = max(3, 3 + 1) = 4, 66.7 %
//   -> at 420: ceil(4 / 0.50) = 8. Registered at 480; warm-up to 720. N 8: M = max(3, 4 + 1)
//   = 5, 62.5 % -> at 720: ceil(5 / 0.50) = 10. Two instances per warm-up (X / 0.5), on to
//   maxSize: the task is never placed.
const headroom = {
  name: 'reservation-headroom',
  start: '2026-03-02T00:00:00Z',
  duration: '12m',
  warmStart: true,
  metrics: { period: '60s', publishDelay: '60s' },
  cluster: {
    availabilityZones: ['us-east-1a', 'us-east-1b'],
    capacityProviders: {
      asg: {
        autoScalingGroup: { instanceTypes: ['m5.large'], minSize: 0, maxSize: 40, desiredCapacity: 4, launchDelay: '60s' },
        managedScaling: { status: 'ENABLED', targetCapacity: 50 },
      },
    },
  },
  taskDefinitions: { t: { cpu: 1024, memory: 1024, networkMode: 'bridge', containerDefinitions: { c: { memory: 1024 } } } },
  services: {
    a: {
      taskDefinition: 't',
      desiredCount: 2,
      capacityProviderStrategy: [{ capacityProvider: 'asg', weight: 1 }],
      placementConstraints: [{ type: 'distinctInstance' }],
    },
    b: {
      taskDefinition: 't',
      desiredCount: 1,
      capacityProviderStrategy: [{ capacityProvider: 'asg', weight: 1 }],
      placementConstraints: [{ type: 'memberOf', expression: 'attribute:ecs.instance-type == m5.xlarge' }],
    },
  },
};

describe('targetCapacity below 100: waiting tasks add X to the busy instances or the target share of N, not to N', () => {
  it('4 -> 6 -> 8 -> 10, one step per warm-up (before: 4 -> 10 -> 22 -> 40)', () => {
    const r = runKeepingRows(headroom, { seed: 1 });
    const rows = r.capacity.filter((c) => c.capacityProvider === 'asg');
    expect(rows[0].capacityProviderReservation).toBe(75);
    const acts = r.events.filter((e) => e.type === 'scaling-activity' && e.subject === 'asg');
    expect(acts.map((e) => [e.time / 1000, e.message.slice(0, e.message.indexOf(' ('))])).toEqual([
      [120, 'desired 4 -> 6'],
      [420, 'desired 6 -> 8'],
      [720, 'desired 8 -> 10'],
    ]);
    expect(acts[0].message).toContain('M=3 N=4; ceil(3 / 0.50) = 6');
    expect(acts[1].message).toContain('M=4 N=6; ceil(4 / 0.50) = 8');
    expect(acts[2].message).toContain('M=5 N=8; ceil(5 / 0.50) = 10');
  });
});
