// autoScalingGroup.targetTrackingPolicy: EC2 Auto Scaling target tracking on the group's
// ASGAverageCPUUtilization. No cooldowns (target tracking has none; cooldowns are for simple
// scaling: autoscaling/ec2/userguide/Cooldown.html) but the
// instance warm-up (ec2-auto-scaling-default-instance-warmup.html): an instance the policy
// launched adds nothing to the metric while it warms up, and scale in waits until no
// instance warms up. The policy computes ceil(n x metric / target) with n the instances the
// datapoint averaged (carried with it), and compares that with the desired capacity: out
// only above it, in only below it.

import { describe, it, expect } from 'vitest';
import { loadScenarioObject } from '../../src/scenario/index.js';
import { GroupTargetTracking } from '../../src/sim/auto-scaling.js';
import { runSimulation, type CapacityRow, type EventRecord } from '../../src/sim/index.js';
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
  /** Feeds the datapoint of minute k (`cpu` % over `covered` instances), evaluates when it is visible (k + 2 minutes). */
  function driver(p: GroupTargetTracking, desired: number) {
    const activities: Array<[number, string]> = [];
    const step = (k: number, cpu: number, covered: number) => {
      p.putDatapoint(k * MIN, cpu, covered);
      const t = (k + 2) * MIN;
      const r = p.evaluate(t, desired);
      for (const e of r.events) if (e.type === 'scaling-activity') activities.push([t / 1000, e.message]);
      if (r.desiredCapacity > desired) p.launched(instances(r.desiredCapacity - desired), t);
      desired = r.desiredCapacity;
    };
    return { activities, step };
  }

  it('from the instances the datapoint covered (warming ones not in it); the same capacity asked again launches nothing; scale in waits for the warm-up, then runs each minute (no cooldown)', () => {
    const p = policy('1200s');
    const { activities, step } = driver(p, 2);
    // minutes 0-2 at 90 % over 2 instances: the high alarm (3 of 3 > 50) at 240 s:
    // ceil(2 x 90/50) = ceil(3.6) = 4: 2 -> 4, the 2 launched warm up until 1440 s
    for (let k = 0; k <= 2; k++) step(k, 90, 2);
    // minute 3 at 90 % (seen at 300 s) over the 2 warm instances: ceil(2 x 90/50) = 4, already set: nothing
    step(3, 90, 2);
    // minute 4 at 120 % (seen at 360 s) over 2: ceil(2 x 120/50) = ceil(4.8) = 5 > 4: 4 -> 5,
    // the one launched warms up until 1560 s
    step(4, 120, 2);
    // minutes 5-26 at 20 %, below 45 (90 % of the target): the low alarm's 15th datapoint
    // (minute 19) is seen at 1260 s; scale in waits until the last warm-up ends at 1560 s.
    // Minutes 5-22 cover the 2 instances, 23-24 the 4 warm by then, 25 all 5.
    // At 1560 s (minute 24, 4 instances): ceil(4 x 20/50) = ceil(1.6) = 2: 5 -> 2.
    // At 1620 s (minute 25, measured over 5 before the scale in): ceil(5 x 20/50) = 2, not below 2: nothing.
    // At 1680 s (minute 26, over the 2 left): ceil(2 x 20/50) = 1: 2 -> 1 (no cooldown after a scale in).
    for (let k = 5; k <= 26; k++) step(k, 20, k <= 22 ? 2 : k <= 24 ? 4 : k === 25 ? 5 : 2);
    expect(activities).toEqual([
      [240, 'desired capacity 2 -> 4: target tracking cpu: 3 datapoints > 50: 90.0 90.0 90.0; ceil(2 x 90.0/50) = 4'],
      [360, 'desired capacity 4 -> 5: target tracking cpu: 3 datapoints > 50: 90.0 90.0 120.0; ceil(2 x 120.0/50) = 5; 2 instances warming up, not in the datapoint'],
      [1560, expect.stringMatching(/^desired capacity 5 -> 2: target tracking cpu: 15 datapoints < 45: (20\.0 ){14}20\.0; ceil\(4 x 20\.0\/50\) = 2$/)],
      [1680, expect.stringMatching(/^desired capacity 2 -> 1: target tracking cpu: .*; ceil\(2 x 20\.0\/50\) = 1$/)],
    ]);
  });

  it('a scale in is not repeated on a datapoint measured before it: 7 instances at 21.8 % ask ceil(7 x 21.8/50) = ceil(3.052) = 4, and again 4 (not ceil(4 x 21.8/50) = 2)', () => {
    const p = policy('300s');
    const { activities, step } = driver(p, 7);
    // minutes 0-14 at 21.8 % over 7 (below 45): the low alarm's 15th datapoint is seen at 960 s: 7 -> 4
    for (let k = 0; k <= 14; k++) step(k, 21.8, 7);
    // minute 15, measured before the scale in, still over 7: 4 again, not below 4: nothing
    step(15, 21.8, 7);
    // minutes 16-30: the same load on the 4 left: 7 x 21.8 / 4 = 38.15 % (below 45): ceil(4 x 38.15/50) = ceil(3.052) = 4: nothing
    for (let k = 16; k <= 30; k++) step(k, (7 * 21.8) / 4, 4);
    expect(activities).toEqual([[960, expect.stringMatching(/^desired capacity 7 -> 4: target tracking cpu: 15 datapoints < 45: .*; ceil\(7 x 21\.8\/50\) = 4$/)]]);
  });

  it('a scale out while instances warm up computes from the warm instances the datapoint covered: 3 warm at 80 % ask ceil(3 x 80/50) = 5', () => {
    const p = policy('600s');
    const { activities, step } = driver(p, 3);
    // minutes 0-2 at 80 % over 3: at 240 s ceil(3 x 80/50) = ceil(4.8) = 5: 3 -> 5, 2 warming until 840 s
    for (let k = 0; k <= 2; k++) step(k, 80, 3);
    // minutes 3-4 at 80 % over the 3 warm ones: 5 again, already set: nothing
    step(3, 80, 3);
    step(4, 80, 3);
    // minute 5 at 100 % over 3: ceil(3 x 100/50) = 6 > 5: 5 -> 6 (the desired 5 was not the base)
    step(5, 100, 3);
    expect(activities).toEqual([
      [240, 'desired capacity 3 -> 5: target tracking cpu: 3 datapoints > 50: 80.0 80.0 80.0; ceil(3 x 80.0/50) = 5'],
      [420, 'desired capacity 5 -> 6: target tracking cpu: 3 datapoints > 50: 80.0 80.0 100.0; ceil(3 x 100.0/50) = 6; 2 instances warming up, not in the datapoint'],
    ]);
  });
});

describe('warmingDuring: an instance is left out of a period it spent warming, even in part', () => {
  it('launched at 240 s with a 300 s warm-up (until 540 s): out of [480, 540), in [540, 600); not warming before its launch is recorded', () => {
    const p = policy('300s');
    const [i] = instances(1);
    expect(p.warmingDuring(i, 0)).toBe(false); // not one the policy launched
    p.launched([i], 4 * MIN);
    expect(p.warmingDuring(i, 4 * MIN)).toBe(true);
    expect(p.warmingDuring(i, 8 * MIN)).toBe(true); // [480, 540): the warm-up ends at its end
    expect(p.warmingDuring(i, 9 * MIN)).toBe(false); // [540, 600): it ends at its start
  });
});

describe('in a run: the n of ceil(n x metric / target) is the instances the datapoint averaged', () => {
  it('n equals the ACTIVE instances (registered, not draining) when the datapoint\'s period closed, less those warming during it, not the desired or staying count', () => {
    // the datapoint of [t - 120 s, t - 60 s) is evaluated at t (period 60 s, publish delay
    // 60 s); its capacity.csv row has time t - 120 s and counts the instances at the period's
    // close. Without a warming note every ACTIVE instance is past the warm-up and InService.
    const s = loadScenarioObject(
      'inv',
      {
        name: 'inv',
        start: '2026-03-02T00:00:00Z',
        duration: '2h',
        cluster: {
          availabilityZones: ['us-east-1a', 'us-east-1b'],
          capacityProviders: {
            asg: {
              autoScalingGroup: {
                instanceTypes: ['m5.large'],
                minSize: 1,
                maxSize: 12,
                desiredCapacity: 2,
                targetTrackingPolicy: { predefinedMetricType: 'ASGAverageCPUUtilization', targetValue: 50, estimatedInstanceWarmup: '120s' },
              },
            },
          },
          defaultCapacityProviderStrategy: [{ capacityProvider: 'asg', weight: 1 }],
        },
        taskDefinitions: { web: { cpu: 512, memory: 1024, networkMode: 'bridge' } },
        services: {
          web: {
            taskDefinition: 'web',
            desiredCount: 4,
            loadBalancer: { routing: 'round-robin' },
            workload: {
              type: 'http',
              requestRate: { step: { from: 100, steps: [{ at: '20m', to: 900 }, { at: '1h', to: 150 }, { at: '1h40m', to: 1000 }] } },
              perTask: { capacityRps: 100, cpuBaseline: 2, concurrency: 4, serviceTime: { distribution: 'exponential', mean: '40ms' } },
            },
            autoScaling: { minCapacity: 2, maxCapacity: 40, policies: { cpu: { policyType: 'TargetTrackingScaling', predefinedMetricType: 'ECSServiceAverageCPUUtilization', targetValue: 60 } } },
          },
        },
      },
      { baseDir: '.' },
    );
    const ev: EventRecord[] = [];
    const cap: CapacityRow[] = [];
    runSimulation(s, { event: (e) => ev.push(e), timeseries: () => {}, capacity: (c) => cap.push(c), task: () => {} }, { seed: 1, checkTallies: true });
    // an instance the policy launched at L warms up until L + 120 s and is left out of every
    // period it spent warming, even in part (warm-up end after the period's start)
    const launchedAt = new Map<string, number>();
    const registeredAt = new Map<string, number>();
    const goneAt = new Map<string, number>();
    for (const e of ev) {
      if (e.type === 'instance-launched' && e.time > 0) launchedAt.set(e.subject, e.time);
      if (e.type === 'instance-registered') registeredAt.set(e.subject, e.time);
      if ((e.type === 'instance-draining' || e.type === 'instance-terminated') && !goneAt.has(e.subject)) goneAt.set(e.subject, e.time);
    }
    const warmingIn = (from: number, to: number) =>
      [...launchedAt].filter(([id, l]) => l + 120_000 > from && (registeredAt.get(id) ?? Infinity) <= to && (goneAt.get(id) ?? Infinity) > to).length;
    const checked: number[] = [];
    let warmedInPeriod = 0;
    for (const e of ev) {
      if (e.type !== 'scaling-activity' || e.subject !== 'asg' || /warming up/.test(e.message)) continue;
      const m = /^desired capacity (\d+) -> \d+: .*; ceil\((\d+) x ([\d.]+)\/50\) = (\d+)/.exec(e.message)!;
      const row = cap.find((c) => c.capacityProvider === 'asg' && c.time === e.time - 120_000)!;
      const warming = warmingIn(e.time - 120_000, e.time - 60_000);
      warmedInPeriod += warming;
      expect(Number(m[2])).toBe(row.instancesRunning - warming);
      expect(Number(m[4])).toBe(Math.ceil((Number(m[2]) * Number(m[3])) / 50));
      if (Number(m[2]) !== Number(m[1])) checked.push(e.time);
    }
    // at least one activity where n differs from the desired capacity it started from (a
    // scale out while an earlier launch is still launching)
    expect(checked.length).toBeGreaterThan(0);
    // and at least one whose datapoint left out an instance whose warm-up ended inside its period
    expect(warmedInPeriod).toBeGreaterThan(0);
  });
});
