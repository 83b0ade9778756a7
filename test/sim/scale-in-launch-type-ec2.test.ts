// Scale in of a launchType EC2 service (no capacity provider strategy) whose tasks run on
// several Auto Scaling groups' instances: the placement strategies choose among ALL its
// running tasks ("the service scheduler uses the placement strategies ... to select tasks
// to terminate"; with spread on the AZ "Amazon ECS selects tasks to terminate that maintain
// a balance across Availability Zones", task-placement-strategies.html), not among one
// group's. Three AZs; group small has 3 m5.large (one per AZ), group big 2 m5.xlarge (AZs
// a and b). 12 tasks placed by the default spread (AZ, then instanceId) run 4 per AZ.
// Expected counts worked out by hand.

import { describe, it, expect } from 'vitest';
import { runKeepingRows } from '../helpers.js';

function scenario(to: number) {
  const asg = (type: string, n: number) => ({ autoScalingGroup: { instanceTypes: [type], minSize: n, maxSize: n, launchDelay: '0s' } });
  return {
    name: 'si-ec2',
    duration: '10m',
    cluster: { availabilityZones: ['us-east-1a', 'us-east-1b', 'us-east-1c'], capacityProviders: { small: asg('m5.large', 3), big: asg('m5.xlarge', 2) } },
    taskDefinitions: {
      web: { cpu: 256, memory: 512, networkMode: 'bridge', containerDefinitions: { c: { memory: 512 } }, startup: { imagePull: '1s', containerStart: '1s' } },
    },
    services: {
      web: {
        taskDefinition: 'web',
        desiredCount: 12,
        launchType: 'EC2',
        autoScaling: { minCapacity: 12, maxCapacity: 12, scheduledActions: { down: { schedule: 'at(2026-01-05T00:05:00)', scalableTargetAction: { minCapacity: to, maxCapacity: to } } } },
      },
    },
  };
}

/** Tasks left at the end per AZ (sorted counts, AZs with none included), and the times tasks were stopped. */
function outcome(to: number, seed: number) {
  const r = runKeepingRows(scenario(to), { seed });
  const left = new Map<string, number>([['us-east-1a', 0], ['us-east-1b', 0], ['us-east-1c', 0]]);
  const before = new Map(left);
  for (const t of r.tasks) {
    before.set(t.availabilityZone, before.get(t.availabilityZone)! + 1);
    if (t.stopReason !== 'scale-in') left.set(t.availabilityZone, left.get(t.availabilityZone)! + 1);
  }
  const stoppedAt = [...new Set(r.tasks.filter((t) => t.stopReason === 'scale-in').map((t) => t.stopped))];
  const stopped = r.tasks.filter((t) => t.stopReason === 'scale-in').length;
  return { before: [...before.values()], left: [...left.values()].sort(), stopped, stoppedAt };
}

describe('scale in of a launchType EC2 service over several groups keeps the AZs balanced', () => {
  for (const seed of [1, 2, 3, 4, 5]) {
    it(`seed ${seed}: 12 (4 per AZ) -> 4 leaves 1, 1 and 2 per AZ, all 8 stopped at once`, () => {
      const o = outcome(4, seed);
      expect(o.before).toEqual([4, 4, 4]);
      expect(o.left).toEqual([1, 1, 2]);
      expect(o.stopped).toBe(8);
      expect(o.stoppedAt.length).toBe(1); // one scale in, not 8 then more a moment later
    });

    it(`seed ${seed}: 12 -> 2 leaves 0, 1 and 1 per AZ, all 10 stopped at once`, () => {
      const o = outcome(2, seed);
      expect(o.left).toEqual([0, 1, 1]);
      expect(o.stopped).toBe(10);
      expect(o.stoppedAt.length).toBe(1);
    });
  }
});
