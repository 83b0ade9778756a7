// ECS managed scaling's warm-up counts every instance of the group, not only the ones its
// own scale outs launched. AmazonECS/latest/developerguide/managed-scaling-behavior.html:
// "Auto Scaling checks if all existing instances have passed the instanceWarmupPeriod (now
// minus instance launch time). The scale-out is blocked for instances that are within the
// instanceWarmupPeriod." So the instances of the group's initial desiredCapacity and the
// ones it launches to replace interrupted Spot instances hold a scale out back too.
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

describe('managed scaling warm-up: every instance of the group (managed-scaling-behavior.html)', () => {
  it('an instance of the initial desiredCapacity launched at 0 blocks scale out until 0 + 300 s; then 1 -> ceil(10 tasks / 2 per instance) = 5', () => {
    const ev = events(scenario({ desiredCapacity: 1 }, '20m'), 1);
    const outs = scaleOuts(ev);
    // the first datapoints (N = 0 and then M = 5, N = 1) are above target from the first
    // minute, but the instance launched at 0 is within its warm-up until 300 s
    expect(outs[0].time).toBe(300_000);
    expect(outs[0].message).toMatch(/^desired 1 -> 5 /);
  });

  it('a Spot replacement launch blocks scale out too: at no managed scale out is an instance of the group younger than 300 s (Spot, seed 4)', () => {
    const s = scenario(
      { instanceTypes: ['m5.large', 'm6i.large'], purchaseOption: 'spot', desiredCapacity: 3, spotInterruptions: { meanTimeBetween: '40m' }, spotInstanceDraining: true },
      '2h',
    );
    const ev = events(s, 4);
    const launched = new Map<string, number>();
    const terminated = new Set<string>();
    let replacements = 0;
    let checked = 0;
    for (const e of ev) {
      if (e.type === 'instance-launched') {
        launched.set(e.subject, e.time);
        if (terminated.size > 0) replacements++;
      } else if (e.type === 'instance-terminated') terminated.add(e.subject);
      else if (scaleOuts([e]).length === 1) {
        checked++;
        for (const [id, t0] of launched) if (!terminated.has(id) && t0 < e.time) expect(e.time - t0, `${id} at the scale out at ${e.time}`).toBeGreaterThanOrEqual(300_000);
      }
    }
    // the run has both: instances launched after an interruption, and scale outs to check
    expect(replacements).toBeGreaterThan(0);
    expect(checked).toBeGreaterThan(1);
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
  // seed 3 does, with the first notice (i-3) at 599.175 s and the scale out 60.8 s later (seed
  // 59 did, before the streams were seeded through SHA-256 of their names). The notice's and
  // the scale out's times are pinned for determinism (they are the seed's draws); the
  // rest is checked against them.
  const SEED = 3;
  it('seed 3: notice for i-3 at 599.175 s; the scale out 3 -> 4 at 660 s, within the notice, launches one instance (3 in service + 1), and i-3 is replaced at its termination 120 s after the notice', () => {
    const ev = events(spot(), SEED);
    const at = (t: number, type: string) => ev.filter((e) => e.time === t && e.type === type);
    const notice = ev.find((e) => e.type === 'spot-interruption')!;
    expect(notice).toMatchObject({ time: 599_175, subject: 'i-00000000000000003' });
    const out = scaleOuts(ev).find((e) => e.time > notice.time)!;
    expect(out.time).toBe(660_000);
    expect(out.time).toBeLessThan(notice.time + 120_000); // while i-3 is still InService
    expect(at(out.time, 'scaling-activity').map((e) => e.message)).toEqual([expect.stringMatching(/^desired 3 -> 4 /)]);
    expect(at(out.time, 'instance-launched')).toHaveLength(1);
    expect(at(notice.time + 120_000, 'instance-terminated').map((e) => e.subject)).toEqual(['i-00000000000000003']);
    expect(at(notice.time + 120_000, 'instance-launched')).toHaveLength(1);
  });

  it('seed 3: at every launch the group runs no more instances than its desired capacity (no instance is left running chosen for termination in this run: scale in finds only empty ones, terminated at once)', () => {
    const ev = events(spot(), SEED);
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
