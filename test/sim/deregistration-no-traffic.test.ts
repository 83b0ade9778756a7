// A deregistering target with no in-flight request and no connection completes its
// deregistration at once: "If a deregistering target has no in-flight requests and no
// active connections, Elastic Load Balancing immediately completes the deregistration
// process, without waiting for the deregistration delay to elapse"
// (elasticloadbalancing/latest/application/edit-target-group-attributes.html#deregistration-delay).
// A target never sent a request has none: the task goes from RUNNING to STOPPING at once.
// One that took requests (in rotation with an http workload) keeps the whole delay (model).
// Three Fargate tasks, deregistration delay 30 s, containers exit 1 s after SIGTERM; the
// desired count falls 3 -> 1 at 600 s: two tasks stop.

import { describe, it, expect } from 'vitest';
import { runKeepingRows } from '../helpers.js';

function scenario(workload?: object) {
  return {
    name: 'deregistration',
    start: '2026-03-02T09:00:00Z',
    duration: '30m',
    cluster: { availabilityZones: ['us-east-1a', 'us-east-1b'] },
    taskDefinitions: {
      web: { cpu: 256, memory: 512, networkMode: 'awsvpc', requiresCompatibilities: ['FARGATE'], containerDefinitions: { app: { cpu: 256, memory: 512 } }, startup: { imagePull: '10s', containerStart: '2s' }, shutdown: '1s' },
    },
    services: {
      web: {
        taskDefinition: 'web',
        desiredCount: 3,
        launchType: 'FARGATE',
        loadBalancer: { deregistrationDelay: '30s' },
        ...(workload ? { workload } : {}),
        autoScaling: {
          minCapacity: 1,
          maxCapacity: 3,
          policies: {},
          scheduledActions: { down: { schedule: 'at(2026-03-02T09:10:00)', scalableTargetAction: { minCapacity: 1, maxCapacity: 1 } } },
        },
      },
    },
  };
}

const stops = (raw: unknown) =>
  runKeepingRows(raw, { seed: 3 })
    .tasks.filter((t) => t.stopped !== null)
    .map((t) => [t.stopped! / 1000, t.stopReason]);

describe('the deregistration delay and targets never sent a request', () => {
  it('no workload: the scaled-in tasks skip the 30 s delay, STOPPED 600 + 1 s', () => {
    expect(stops(scenario())).toEqual([
      [601, 'scale-in'],
      [601, 'scale-in'],
    ]);
  });

  it('an http workload: the tasks were in rotation (taking requests) and wait the delay, STOPPED 600 + 30 + 1 s', () => {
    expect(stops(scenario({ requestRate: 30, perTask: { capacityRps: 100 } }))).toEqual([
      [631, 'scale-in'],
      [631, 'scale-in'],
    ]);
  });
});
