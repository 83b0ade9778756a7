// A task-unplaceable service event is not repeated while its cause lasts, except after six
// hours; once the cause is resolved the same failure is a new one and is reported again.
// ECS omits duplicate service event messages "until either the cause is resolved or six
// hours passes" (AmazonECS/latest/developerguide/service-event-messages.html).
// m5.large registers 2048 CPU units: two 1024-CPU tasks fill it, a third lacks 1024.

import { describe, it, expect } from 'vitest';
import { runKeepingRows } from '../helpers.js';

const LACKS = 'service web was unable to place a task because no container instance met all of its requirements. The closest matching container-instance i-00000000000000001 has insufficient CPU units available. For more information, see the Troubleshooting section. ecsim: 1 rejected for RESOURCE:CPU; closest i-00000000000000001 (us-east-1a) lacks 1024 CPU units';

function scenario(desired: Array<[string, number]>, duration = '2h') {
  const scheduledActions = Object.fromEntries(
    desired.map(([at, n], i) => [`a${i}`, { schedule: `at(2026-03-02T${at}:00)`, scalableTargetAction: { minCapacity: n, maxCapacity: n } }]),
  );
  return {
    name: 'unplaceable-repeat',
    start: '2026-03-02T09:00:00Z',
    duration,
    cluster: {
      availabilityZones: ['us-east-1a'],
      capacityProviders: { ec2: { autoScalingGroup: { instanceTypes: ['m5.large'], minSize: 1, maxSize: 1, desiredCapacity: 1, launchDelay: '60s' } } },
    },
    taskDefinitions: {
      web: { cpu: 1024, memory: 512, networkMode: 'bridge', containerDefinitions: { app: { cpu: 1024, memory: 512 } }, startup: { imagePull: '10s', containerStart: '2s' } },
    },
    services: {
      web: { taskDefinition: 'web', desiredCount: 2, launchType: 'EC2', autoScaling: { minCapacity: 2, maxCapacity: 2, policies: {}, scheduledActions } },
    },
  };
}

const unplaceable = (raw: unknown) =>
  runKeepingRows(raw, { seed: 1 })
    .events.filter((e) => e.type === 'task-unplaceable' && e.time > 0)
    .map((e) => [e.time / 1000, e.message]);

describe('task-unplaceable after the cause was resolved', () => {
  it('the same failure coming back within six hours is reported again (desired 3 at 09:10, 2 at 09:30, 3 at 10:00)', () => {
    expect(unplaceable(scenario([['09:10', 3], ['09:30', 2], ['10:00', 3]]))).toEqual([
      [600, LACKS],
      [3600, LACKS],
    ]);
  });

  it('not while it lasts (desired 3 from 09:10, set to 3 again at 10:00)', () => {
    expect(unplaceable(scenario([['09:10', 3], ['10:00', 3]]))).toEqual([[600, LACKS]]);
  });
});

describe('task-unplaceable while the cause lasts', () => {
  const H = 3600;
  it('a replica task that never fits is reported again every six hours (fixed fleet: no placement is retried)', () => {
    // desired 3 from 09:10: the third task fails at 600 s, again at 600 + 6 h and 600 + 12 h
    expect(unplaceable(scenario([['09:10', 3]], '13h'))).toEqual([
      [600, LACKS],
      [600 + 6 * H, LACKS],
      [600 + 12 * H, LACKS],
    ]);
  });

  it('not after the cause was resolved (desired 2 again at 09:30)', () => {
    expect(unplaceable(scenario([['09:10', 3], ['09:30', 2]], '13h'))).toEqual([[600, LACKS]]);
  });

  it('a DAEMON task that fits no instance likewise (m5.large registers floor(8192 x 0.98) = 8028 MiB, the task needs 9000)', () => {
    const raw = {
      name: 'daemon-repeat',
      duration: '13h',
      cluster: {
        availabilityZones: ['us-east-1a'],
        capacityProviders: { ec2: { autoScalingGroup: { instanceTypes: ['m5.large'], minSize: 1, maxSize: 1, desiredCapacity: 1, launchDelay: '60s' } } },
      },
      taskDefinitions: { agent: { cpu: 256, memory: 9000, networkMode: 'bridge' } },
      services: { agent: { taskDefinition: 'agent', schedulingStrategy: 'DAEMON' } },
    };
    const m = 'service agent was unable to place a task because no container instance met all of its requirements. The closest matching container-instance i-00000000000000001 has insufficient memory available. For more information, see the Troubleshooting section. ecsim: DAEMON task pending on 1 instance; 1 rejected for RESOURCE:MEMORY; closest i-00000000000000001 (us-east-1a) lacks 972 MiB memory';
    expect(unplaceable(raw)).toEqual([
      [60, m],
      [60 + 6 * H, m],
      [60 + 12 * H, m],
    ]);
  });
});
