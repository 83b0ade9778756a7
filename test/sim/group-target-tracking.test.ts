// autoScalingGroup.targetTrackingPolicy: EC2 Auto Scaling target tracking on the group's
// ASGAverageCPUUtilization. No cooldowns (target tracking has none; cooldowns are for simple
// scaling: autoscaling/ec2/userguide/Cooldown.html) but the
// instance warm-up (ec2-auto-scaling-default-instance-warmup.html): an instance the policy
// launched does not count toward the current capacity a scale out is computed from, and
// scale in waits until no instance warms up.

import { describe, it, expect } from 'vitest';
import { loadScenarioObject } from '../../src/scenario/index.js';
import { GroupTargetTracking } from '../../src/sim/auto-scaling.js';
import type { AsgProviderConfig } from '../../src/scenario/index.js';
import type { Instance } from '../../src/model/instance.js';

const MIN = 60_000;

function policy(estimatedInstanceWarmup: string) {
  const s = loadScenarioObject(
    'gtt',
    {
      name: 'gtt',
      duration: '1h',
      cluster: {
        availabilityZones: ['us-east-1a'],
        capacityProviders: {
          asg: {
            autoScalingGroup: {
              instanceTypes: ['m5.large'],
              minSize: 1,
              maxSize: 10,
              desiredCapacity: 2,
              targetTrackingPolicy: { predefinedMetricType: 'ASGAverageCPUUtilization', targetValue: 50, estimatedInstanceWarmup },
            },
          },
        },
        defaultCapacityProviderStrategy: [{ capacityProvider: 'asg', weight: 1 }],
      },
      taskDefinitions: { t: { cpu: 256, memory: 512 } },
      services: { s: { taskDefinition: 't', desiredCount: 1 } },
    },
    { baseDir: '.' },
  );
  const config = s.providers.get('asg')!.config as AsgProviderConfig;
  return new GroupTargetTracking('asg', config, s);
}

const instances = (n: number) => Array.from({ length: n }, () => ({ lifecycle: 'LAUNCHING' }) as unknown as Instance);

describe('EC2 Auto Scaling target tracking on the group (targetValue 50; metrics period 60 s, publish delay 60 s)', () => {
  it('warming instances are not current capacity; the same capacity asked again launches nothing; scale in waits for the warm-up, then runs each minute (no cooldown)', () => {
    const p = policy('1200s');
    const activities: Array<[number, string]> = [];
    let desired = 2;
    // the datapoint of [k, k + 1) minutes is visible at k + 2 minutes
    const step = (k: number, cpu: number) => {
      p.putDatapoint(k * MIN, cpu);
      const t = (k + 2) * MIN;
      const r = p.evaluate(t, desired, desired);
      for (const e of r.events) if (e.type === 'scaling-activity') activities.push([t / 1000, e.message]);
      if (r.desiredCapacity > desired) p.launched(instances(r.desiredCapacity - desired), t);
      desired = r.desiredCapacity;
    };
    // minutes 0-2 at 90 %: the high alarm (3 of 3 > 50) at 240 s: ceil(2 x 90/50) = ceil(3.6) = 4
    for (let k = 0; k <= 2; k++) step(k, 90);
    // minute 3 at 90 % (seen at 300 s): 2 warm instances, ceil(2 x 90/50) = 4, already set: nothing
    step(3, 90);
    // minute 4 at 120 % (seen at 360 s): ceil(2 x 120/50) = ceil(4.8) = 5 > 4: 4 -> 5
    step(4, 120);
    // minutes 5-26 at 20 %, below 45 (90 % of the target): the low alarm's 15th datapoint
    // (minute 19) is seen at 1260 s; the instances launched at 240 s warm until 1440 s, the
    // one at 360 s until 1560 s: scale in waits until then; at 1560 s ceil(5 x 20/50) = 2,
    // at 1620 s ceil(2 x 20/50) = 1 (no cooldown after a scale in)
    for (let k = 5; k <= 26; k++) step(k, 20);
    expect(activities).toEqual([
      [240, 'desired capacity 2 -> 4: target tracking cpu: 3 datapoints > 50: 90.0 90.0 90.0; ceil(2 x 90.0/50) = 4'],
      [360, 'desired capacity 4 -> 5: target tracking cpu: 3 datapoints > 50: 90.0 90.0 120.0; ceil(2 x 120.0/50) = 5; 2 instances warming up, not counted'],
      [1560, expect.stringMatching(/^desired capacity 5 -> 2: target tracking cpu: 15 datapoints < 45: (20\.0 ){14}20\.0; ceil\(5 x 20\.0\/50\) = 2$/)],
      [1620, expect.stringMatching(/^desired capacity 2 -> 1: target tracking cpu: .*; ceil\(2 x 20\.0\/50\) = 1$/)],
    ]);
  });
});
