// runningTasksCount in memberOf expressions counts the tasks on the container instance that
// are in the RUNNING status (APIReference/API_ContainerInstance.html: runningTasksCount;
// PENDING ones are pendingTasksCount): a task counts from PENDING -> RUNNING until it
// leaves RUNNING (DEACTIVATING or STOPPING). One m5.large, registered at 10 s; service a's
// task pulls its image for 300 s (PENDING 10 -> 311). Times worked out by hand.

import { describe, it, expect } from 'vitest';
import { runKeepingRows } from '../helpers.js';

function scenario(over: (s: any) => void) {
  const s: any = {
    name: 'rtc',
    duration: '10m',
    cluster: {
      availabilityZones: ['us-east-1a'],
      capacityProviders: { a: { autoScalingGroup: { instanceTypes: ['m5.large'], minSize: 1, maxSize: 1, launchDelay: '10s' } } },
    },
    taskDefinitions: {
      slow: { cpu: 256, memory: 512, networkMode: 'bridge', containerDefinitions: { c: { memory: 512 } }, startup: { imagePull: '300s', containerStart: '1s' } },
      fast: { cpu: 256, memory: 512, networkMode: 'bridge', containerDefinitions: { c: { memory: 512 } }, startup: { imagePull: '5s', containerStart: '1s' } },
    },
    services: {
      a: { taskDefinition: 'slow', desiredCount: 1, capacityProviderStrategy: [{ capacityProvider: 'a', weight: 1 }] },
      b: { taskDefinition: 'fast', desiredCount: 1, capacityProviderStrategy: [{ capacityProvider: 'a', weight: 1 }] },
    },
  };
  over(s);
  return s;
}

const memberOf = (expression: string) => [{ type: 'memberOf', expression }];
/** When each task was placed (s), by task id. */
function placedAt(raw: unknown): Record<string, number> {
  const r = runKeepingRows(raw, { seed: 1 });
  return Object.fromEntries(r.events.filter((e) => e.type === 'task-placed').map((e) => [e.subject, e.time / 1000]));
}

describe('runningTasksCount counts RUNNING tasks only (API_ContainerInstance.html)', () => {
  it('a PENDING task does not count: b (runningTasksCount == 0) goes on the instance at 10 s, next to a-1 still pulling its image', () => {
    const at = placedAt(scenario((s) => (s.services.b.placementConstraints = memberOf('runningTasksCount == 0'))));
    expect(at).toEqual({ 'a-1': 10, 'b-1': 10 });
  });

  it('a task counts once RUNNING: b (runningTasksCount >= 1) waits until a-1 is RUNNING at 10 + 300 + 1 = 311 s, and is woken then', () => {
    const at = placedAt(scenario((s) => (s.services.b.placementConstraints = memberOf('runningTasksCount >= 1'))));
    expect(at).toEqual({ 'a-1': 10, 'b-1': 311 });
  });

  it('a task leaving RUNNING stops counting at once: b (runningTasksCount == 0, started at 60 s) is refused while a-1 runs, and placed at 120 s when a-1 starts its 30 s DEACTIVATING, not at its STOPPED (151 s)', () => {
    // a-1 (fast): placed at 10, RUNNING at 10 + 5 + 1 = 16; scaled in at 120: out of the
    // load balancer and DEACTIVATING for 30 s, then STOPPING, STOPPED 1 s later (151 s)
    const at = placedAt(
      scenario((s) => {
        s.services.a.taskDefinition = 'fast';
        s.services.a.loadBalancer = { deregistrationDelay: '30s' };
        s.services.a.autoScaling = { minCapacity: 1, maxCapacity: 1, scheduledActions: { stop: { schedule: 'at(2026-01-05T00:02:00)', scalableTargetAction: { minCapacity: 0, maxCapacity: 0 } } } };
        s.services.b.desiredCount = 0;
        s.services.b.autoScaling = { minCapacity: 0, maxCapacity: 0, scheduledActions: { start: { schedule: 'at(2026-01-05T00:01:00)', scalableTargetAction: { minCapacity: 1, maxCapacity: 1 } } } };
        s.services.b.placementConstraints = memberOf('runningTasksCount == 0');
      }),
    );
    expect(at).toEqual({ 'a-1': 10, 'b-1': 120 });
  });

  it('a task stopped while PENDING never counted: after a-1 is scaled in during its image pull, b (runningTasksCount == 0, started at 120 s) is placed at once', () => {
    const at = placedAt(
      scenario((s) => {
        s.services.a.autoScaling = { minCapacity: 1, maxCapacity: 1, scheduledActions: { stop: { schedule: 'at(2026-01-05T00:01:00)', scalableTargetAction: { minCapacity: 0, maxCapacity: 0 } } } };
        s.services.b.desiredCount = 0;
        s.services.b.autoScaling = { minCapacity: 0, maxCapacity: 0, scheduledActions: { start: { schedule: 'at(2026-01-05T00:02:00)', scalableTargetAction: { minCapacity: 1, maxCapacity: 1 } } } };
        s.services.b.placementConstraints = memberOf('runningTasksCount == 0');
      }),
    );
    expect(at).toEqual({ 'a-1': 10, 'b-1': 120 });
  });
});
