// ECS managed scaling's warm-up holds back only the instances its own policy launched. ECS
// sets instanceWarmupPeriod as the target tracking policy's EstimatedInstanceWarmup, and
// that "warm-up period applies to instances launched due to a specific target tracking or
// step scaling policy" (autoscaling/ec2/APIReference/API_PutScalingPolicy.html). The
// instances of the group's initial desiredCapacity and the ones it launches to replace
// interrupted Spot instances do not hold a scale out back.
// Also: the group keeps counting a Spot instance through its interruption notice.

import { describe, it, expect } from 'vitest';
import { loadScenarioObject } from '../../src/scenario/index.js';
import { runSimulation, type EventRecord } from '../../src/sim/index.js';

function scenario(asg: Record<string, unknown>, duration: string, desiredCount = 10) {
  return loadScenarioObject(
    'warm',
    {
      name: 'warm',
      start: '2026-03-02T09:00:00Z',
      duration,
      cluster: {
        availabilityZones: ['us-east-1a', 'us-east-1b'],
        capacityProviders: {
          A: {
            autoScalingGroup: { instanceTypes: ['m5.large'], minSize: 0, maxSize: 20, launchDelay: '60s', ...asg },
            managedScaling: { status: 'ENABLED', targetCapacity: 100, instanceWarmupPeriod: '300s' },
            managedTerminationProtection: 'ENABLED',
          },
        },
        defaultCapacityProviderStrategy: [{ capacityProvider: 'A', weight: 1 }],
      },
      // 1024 of m5.large's 2048 CPU units: two tasks to an instance
      taskDefinitions: { web: { cpu: 1024, memory: 2048, networkMode: 'bridge', startup: { imagePull: '5s', containerStart: '1s' } } },
      services: { web: { taskDefinition: 'web', desiredCount } },
    },
    { baseDir: '.' },
  );
}

function events(s: ReturnType<typeof scenario>, seed: number): EventRecord[] {
  const out: EventRecord[] = [];
  runSimulation(s, { event: (e) => out.push(e), timeseries: () => {}, capacity: () => {}, task: () => {} }, { seed, checkTallies: true });
  return out;
}

/** The managed scale outs (desired a -> b, b > a), with their times. */
function scaleOuts(ev: EventRecord[]) {
  return ev.filter((e) => e.type === 'scaling-activity' && e.subject === 'A' && /managed scaling/.test(e.message)).filter((e) => {
    const m = /^desired (\d+) -> (\d+)/.exec(e.message)!;
    return Number(m[2]) > Number(m[1]);
  });
}

describe("managed scaling warm-up: only the policy's own launches (PutScalingPolicy EstimatedInstanceWarmup)", () => {
  it('the instance of the initial desiredCapacity does not hold scale out back: [0, 60 s) (M = ceil(10 tasks / 2 per instance) = 5, N = 1) is seen at 60 + 60 = 120 s: 1 -> 5', () => {
    const ev = events(scenario({ desiredCapacity: 1 }, '20m'), 1);
    const outs = scaleOuts(ev);
    // the instance launched at 0 registers at 60 s (launchDelay 60 s), the datapoint of
    // [0, 60) is visible one publishDelay (60 s) after it closes; the instance launched at
    // 0 is only 120 s old then, within a 300 s warm-up it no longer imposes
    expect(outs[0].time).toBe(120_000);
    expect(outs[0].message).toMatch(/^desired 1 -> 5 .*M=5 N=1/);
  });

  // Spot, 3 instances from 0 (minSize 3), 4 tasks of 1024 CPU units (2 to an m5.large); a
  // scheduled action raises the service to 10 tasks at 20 min. Seed 13 draws one interruption
  // before that: the notice for i-1 at 921.392 s, its termination and the group's replacement
  // launch (i-4) 2 minutes later at 1041.392 s; i-4 registers 60 s later (1101.392 s).
  const spotScenario = () =>
    loadScenarioObject(
      'warm-spot',
      {
        name: 'warm-spot',
        start: '2026-03-02T09:00:00Z',
        duration: '40m',
        cluster: {
          availabilityZones: ['us-east-1a', 'us-east-1b'],
          capacityProviders: {
            A: {
              autoScalingGroup: { instanceTypes: ['m5.large'], purchaseOption: 'spot', minSize: 3, maxSize: 20, desiredCapacity: 3, launchDelay: '60s', spotInterruptions: { meanTimeBetween: '60m' } },
              managedScaling: { status: 'ENABLED', targetCapacity: 100, instanceWarmupPeriod: '300s' },
              managedTerminationProtection: 'ENABLED',
            },
          },
          defaultCapacityProviderStrategy: [{ capacityProvider: 'A', weight: 1 }],
        },
        taskDefinitions: { web: { cpu: 1024, memory: 2048, networkMode: 'bridge', startup: { imagePull: '5s', containerStart: '1s' } } },
        services: {
          web: {
            taskDefinition: 'web',
            desiredCount: 4,
            autoScaling: { minCapacity: 1, maxCapacity: 20, scheduledActions: { up: { schedule: 'at(2026-03-02T09:20:00)', scalableTargetAction: { minCapacity: 10 } } } },
          },
        },
      },
      { baseDir: '.' },
    );

  it('seed 13: a Spot replacement launched at 1041.392 s does not delay the scale out the 20-min scheduled action causes: 3 -> 5 at 1200 + 60 + 60 = 1320 s (not at its warm-up end 1341.392 s, nor the next datapoint at 1380 s)', () => {
    const ev = events(spotScenario(), 13);
    const notices = ev.filter((e) => e.type === 'spot-interruption');
    expect(notices[0]).toMatchObject({ time: 921_392, subject: 'i-00000000000000001' });
    expect(notices.filter((e) => e.time < 1_320_000)).toHaveLength(1);
    const launches = ev.filter((e) => e.type === 'instance-launched');
    // the replacement: launched when i-1 terminates, 278.608 s before the scale out
    expect(launches[3]).toMatchObject({ time: 1_041_392, subject: 'i-00000000000000004' });
    // at 1200 s 6 tasks more: 2 fit i-4, 4 wait in PROVISIONING. [1200, 1260): M = 10 / 2 = 5
    // instances, N = 3; seen at 1260 + 60 = 1320 s: desired 3 -> ceil(5 / 1.00) = 5
    const outs = scaleOuts(ev);
    expect(outs).toHaveLength(1);
    expect(outs[0].time).toBe(1_320_000);
    expect(outs[0].message).toMatch(/^desired 3 -> 5 .*M=5 N=3; ceil\(5 \/ 1\.00\) = 5\)$/);
    expect(launches.filter((e) => e.time === 1_320_000)).toHaveLength(2);
  });
});

describe('an Auto Scaling group counts a Spot instance DRAINING at its interruption notice until it terminates', () => {
  // EC2 keeps the instance InService until the end of the 2-minute notice; the group
  // replaces it when it terminates (spot-instance-termination-notices.html), not before.
  const spot = () =>
    scenario(
      { instanceTypes: ['m5.large', 'm6i.large'], purchaseOption: 'spot', desiredCapacity: 3, spotInterruptions: { meanTimeBetween: '40m' }, spotInstanceDraining: true },
      '2h',
      6,
    );

  // Which seed puts a notice just before a scale out depends on the draws (spot-ec2/<group>/<k>):
  // seed 59 does, with the first notice at 515.065 s and the scale out 85 s later.
  it('seed 59: notice for i-2 at 515.065 s; the scale out 3 -> 4 at 600 s launches one instance (3 in service + 1), and i-2 is replaced at its termination at 635.065 s', () => {
    const ev = events(spot(), 59);
    const at = (t: number, type: string) => ev.filter((e) => e.time === t && e.type === type);
    expect(ev.find((e) => e.type === 'spot-interruption')!).toMatchObject({ time: 515_065, subject: 'i-00000000000000002' });
    expect(at(600_000, 'scaling-activity').map((e) => e.message)).toEqual([expect.stringMatching(/^desired 3 -> 4 /)]);
    expect(at(600_000, 'instance-launched')).toHaveLength(1);
    expect(at(635_065, 'instance-terminated').map((e) => e.subject)).toEqual(['i-00000000000000002']);
    expect(at(635_065, 'instance-launched')).toHaveLength(1);
  });

  it('seed 59: at every launch the group runs no more instances than its desired capacity (no instance is left running chosen for termination in this run: scale in finds only empty ones, terminated at once)', () => {
    const ev = events(spot(), 59);
    expect(ev.some((e) => /managed draining/.test(e.message))).toBe(false);
    let live = 0;
    for (const e of ev) {
      if (e.type === 'instance-terminated') live--;
      if (e.type !== 'instance-launched') continue;
      live++;
      const desired = Number(/\(desired (\d+)\)/.exec(e.message)![1]);
      expect(live, `${e.subject} at ${e.time}`).toBeLessThanOrEqual(desired);
    }
  });
});
