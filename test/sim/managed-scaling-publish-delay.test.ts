// ECS publishes CapacityProviderReservation to CloudWatch and the alarms of the target
// tracking policy it puts on the group act on it (AmazonECS/latest/developerguide/
// cluster-auto-scaling.html, managed-scaling-behavior.html): the datapoint of a period is
// seen `metrics.publishDelay` after the period closes, as every other alarm sees its own
// (docs/assumptions.md, Clock and order). Times worked out by hand below.

import { describe, it, expect } from 'vitest';
import { runKeepingRows } from '../helpers.js';

/**
 * 5 tasks of one m5.large each (2048 CPU units), from an empty group; launchDelay 60 s,
 * warm-up 300 s, period 60 s. At 30 min the service goes down to 1 task.
 */
function scenario(publishDelay: string) {
  return {
    name: 'ms-publish-delay',
    duration: '60m',
    metrics: { period: '60s', publishDelay },
    cluster: {
      availabilityZones: ['us-east-1a', 'us-east-1b'],
      capacityProviders: {
        a: {
          autoScalingGroup: { instanceTypes: ['m5.large'], minSize: 0, maxSize: 20, launchDelay: '60s' },
          managedScaling: { status: 'ENABLED', targetCapacity: 100, instanceWarmupPeriod: '300s' },
          managedTerminationProtection: 'ENABLED',
        },
      },
    },
    taskDefinitions: {
      t: { cpu: 2048, memory: 4096, networkMode: 'bridge', containerDefinitions: { c: { memory: 4096 } }, startup: { imagePull: '5s', containerStart: '1s' } },
    },
    services: {
      s: {
        taskDefinition: 't',
        desiredCount: 5,
        capacityProviderStrategy: [{ capacityProvider: 'a', weight: 1 }],
        autoScaling: {
          minCapacity: 1,
          maxCapacity: 5,
          scheduledActions: { cut: { schedule: 'at(2026-01-05T00:30:00)', scalableTargetAction: { maxCapacity: 1 } } },
        },
      },
    },
  };
}

/** The group's scaling activities as [time s, from, to]. */
function activities(publishDelay: string) {
  const r = runKeepingRows(scenario(publishDelay), { seed: 1 });
  const acts = r.events
    .filter((e) => e.type === 'scaling-activity' && e.subject === 'a')
    .map((e) => {
      const m = /^desired (\d+) -> (\d+)/.exec(e.message)!;
      return [e.time / 1000, Number(m[1]), Number(m[2])];
    });
  return { acts, capacity: r.capacity.filter((c) => c.capacityProvider === 'a') };
}

describe('managed scaling sees CapacityProviderReservation one publish delay after the period closes', () => {
  it('publishDelay 180 s: out at 60 + 180 = 240 s and, warm-up from that launch, at 540 s; in at 2700 + 180 = 2880, then each minute: 2940, 3000', () => {
    // out: the period [0, 60) (M=5, N=0: 200 %) is seen at 240: 0 -> 2 (the first scale out
    //   from zero). They register at 300. The warm-up runs from the launch at 240 to 540; the
    //   datapoint seen at 540 is [300, 360): M=5 N=2 (250 %): 2 -> ceil(5 / 1.00) = 5.
    // in: the scheduled action at 1800 runs after the period [1740, 1800) closed (M=5 N=5);
    //   [1800, 1860) is the first datapoint below target (M=1 N=5: 20 %), the 15th is
    //   [2640, 2700), seen at 2880: keep max(ceil(1 / 1.00), minSize 0, 1 not removable (the
    //   busy instance, protected)) = 1, at most floor(5 x 0.5) = 2 per step: 5 -> 3. The alarm
    //   stays in ALARM and the policy acts each minute on datapoints that still say N = 5; the
    //   instances not removable are counted when it acts (still 1): 2940: at most
    //   floor(3 x 0.5) = 1: 3 -> 2; 3000: 2 -> max(1, 2 - 1) = 1. (Before 2026-11-27 the floor
    //   was the datapoint's N less the instances removable now, 5 - 2 = 3 at 2940: the steps
    //   came at 3120 and 3360, each once a datapoint counted the instances left.)
    const { acts, capacity } = activities('180s');
    expect(acts).toEqual([
      [240, 0, 2],
      [540, 2, 5],
      [2880, 5, 3],
      [2940, 3, 2],
      [3000, 2, 1],
    ]);
    // capacity.csv keeps the value of the period each row measures (stamped with its start)
    expect(capacity[0].time).toBe(0);
    expect(capacity[0].capacityProviderReservation).toBe(200);
    expect(capacity.find((c) => c.time === 300_000)?.capacityProviderReservation).toBe(250);
  });

  it('publishDelay 60 s: out at 120 and 420, in at 2760, 2820 and 2880', () => {
    // out: [0, 60) seen at 120: 0 -> 2; warm until 420, when [300, 360) (M=5 N=2) is seen: 2 -> 5.
    // in: the 15th low datapoint [2640, 2700) is seen at 2760: 5 -> 3; then each minute, the
    //   floor the 1 busy (protected) instance counted when the policy acts: 2820: 3 -> 2
    //   (the datapoint [2700, 2760) still says N = 5); 2880: 2 -> 1.
    const { acts } = activities('60s');
    expect(acts).toEqual([
      [120, 0, 2],
      [420, 2, 5],
      [2760, 5, 3],
      [2820, 3, 2],
      [2880, 2, 1],
    ]);
  });
});
