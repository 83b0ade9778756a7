// Managed scaling's scale in runs each minute while the low alarm stays in ALARM, each step
// removing up to 50 % of the group's desired capacity (docs/notes/capacity.md; "reduce up to
// 50% ASG capacity", the Sep 2022 faster scale-in announcement), down to what the tasks need
// and what cannot be removed. The instances that cannot be removed are counted when the
// policy acts: the datapoint it acts on is one publish delay old, and its N still counts the
// instances the previous step removed (before the fix, N - removable-now held every other
// step back: 10 -> 5 at 16:00, nothing at 17:00, 5 -> 3 at 18:00, nothing at 19:00, 3 -> 2 at 20:00).
//
// By hand: warmStart, 10 m5.large registered at 0 (2048 CPU units each), 4 tasks of 1024 CPU
// binpacked: 2 instances run 2 tasks each. M = 2, N = 10: 20 % < 100 every minute. Period
// [k, k+1) min is seen at k+2 min (publishDelay 60 s): the 15th datapoint below target
// ([14, 15)) at 16:00.
//   16:00 keep = max(ceil(2 / 1.00) = 2, minSize 0, not removable 2) = 2; step floor(10 x 0.5) = 5: 10 -> 5
//   17:00 (datapoint N = 10 still) keep 2; step floor(5 x 0.5) = 2: 5 -> 3
//   18:00 keep 2; step floor(3 x 0.5) = 1: 3 -> 2
//   19:00 and after: keep 2 = desired: nothing
// With termination protection the 2 busy instances are protected: not removable 2. Without it
// every ACTIVE instance is removable (not removable 0), and scale in also takes busy ones
// (their tasks are drained and placed again), but the floor is still ceil(M / 1.00) = 2: the
// same desired capacities, at the same minutes.

import { describe, it, expect } from 'vitest';
import { runKeepingRows } from '../helpers.js';

function scenario(protection: 'ENABLED' | 'DISABLED') {
  return {
    name: 'msc-scale-in-steps',
    start: '2026-03-02T00:00:00Z',
    duration: '25m',
    warmStart: true,
    metrics: { period: '60s', publishDelay: '60s' },
    cluster: {
      availabilityZones: ['us-east-1a'],
      capacityProviders: {
        a: {
          autoScalingGroup: { instanceTypes: ['m5.large'], minSize: 0, maxSize: 10, desiredCapacity: 10 },
          managedScaling: { status: 'ENABLED', targetCapacity: 100 },
          managedTerminationProtection: protection,
        },
      },
    },
    taskDefinitions: { t: { cpu: 1024, memory: 1024, networkMode: 'bridge', containerDefinitions: { c: { memory: 1024 } } } },
    services: {
      s: {
        taskDefinition: 't',
        desiredCount: 4,
        capacityProviderStrategy: [{ capacityProvider: 'a', weight: 1 }],
        placementStrategy: [{ type: 'binpack', field: 'memory' }],
      },
    },
  };
}

describe('managed scale in: one step a minute while the alarm stays in ALARM', () => {
  for (const protection of ['ENABLED', 'DISABLED'] as const) {
    it(`managedTerminationProtection ${protection}: 10 -> 5 at 16:00, 5 -> 3 at 17:00, 3 -> 2 at 18:00`, () => {
      const r = runKeepingRows(scenario(protection), { seed: 1 });
      const steps = r.events
        .filter((e) => e.type === 'scaling-activity' && e.subject === 'a')
        .map((e) => `${e.time / 60_000} ${e.message.slice(0, e.message.indexOf(' ('))}`);
      expect(steps).toEqual(['16 desired 10 -> 5', '17 desired 5 -> 3', '18 desired 3 -> 2']);
      // capacity.csv: a row's values are at its period's end, before the policy acts there
      const desired = r.capacity.filter((c) => c.capacityProvider === 'a').map((c) => c.desiredCapacity);
      expect(desired).toEqual([...Array<number>(16).fill(10), 5, 3, ...Array<number>(7).fill(2)]);
      // the 17:00 step acted on a datapoint still counting the 10 instances
      const second = r.events.find((e) => e.type === 'scaling-activity' && e.time === 17 * 60_000)!;
      expect(second.message).toContain('M=2 N=10');
      expect(second.message).toContain('at most 2 per step (50 % of desired 5)');
    });
  }
});
