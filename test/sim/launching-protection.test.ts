// Managed termination protection and instances still launching: the group's scale-in
// protection for new instances (which managed termination protection requires:
// AmazonECS/latest/developerguide/managed-termination-protection.html; autoscaling/ec2/userguide/
// ec2-auto-scaling-instance-protection.html, "protect instances as soon as they launch") keeps a
// launching instance out of a scale in; the group takes empty registered instances instead.
// And a managed scale-in step removes at most 50 % of the group's desired capacity, as its
// message says. Times worked out by hand below.

import { describe, it, expect } from 'vitest';
import { runKeepingRows } from '../helpers.js';

// launchDelay 20 min for every launch. i-1..i-4 launch at 0:00 and register at 0:20; one task
// (a whole m5.large: 2048 CPU units) per instance. The service runs 1 task until 0:25, 6 from
// 0:25 (M=6 N=4: above target, the policy scales out to ceil(6 / 1.00) = 6: i-5 and i-6 launch,
// registering at 0:20 after their launch), 1 from 0:27 (M=1 N=4, 25 %: below target). The 15th
// datapoint below target comes at least 15 minutes after the scale out: then M=1, N=4, 3 empty
// registered instances (removable), i-5 and i-6 launching, desired 6.
//   needed = ceil(1 / 1.00) = 1; keep = max(1, minSize 0, N - removable = 4 - 3 = 1) = 1;
//   at most floor(6 x 0.5) = 3 per step: desired max(1, 6 - 3) = 3, so 3 instances go.
// With termination protection the 3 are the empty registered ones, not i-5 or i-6.
function scenario(protection: 'ENABLED' | 'DISABLED', tasks = 1) {
  return {
    name: 'mtp-launching',
    start: '2026-03-02T00:00:00Z',
    duration: '70m',
    metrics: { period: '60s', publishDelay: '0s' },
    cluster: {
      availabilityZones: ['us-east-1a'],
      capacityProviders: {
        a: {
          autoScalingGroup: { instanceTypes: ['m5.large'], minSize: 0, maxSize: 10, desiredCapacity: 4, launchDelay: '20m' },
          managedScaling: { status: 'ENABLED', targetCapacity: 100, instanceWarmupPeriod: '60s' },
          managedTerminationProtection: protection,
        },
      },
    },
    taskDefinitions: { t: { cpu: 2048, memory: 1024, networkMode: 'bridge', containerDefinitions: { c: { memory: 1024 } } } },
    services: {
      s: {
        taskDefinition: 't',
        desiredCount: tasks,
        capacityProviderStrategy: [{ capacityProvider: 'a', weight: 1 }],
        autoScaling: {
          minCapacity: tasks,
          maxCapacity: 6,
          scheduledActions: {
            up: { schedule: 'at(2026-03-02T00:25:00)', scalableTargetAction: { minCapacity: 6, maxCapacity: 6 } },
            down: { schedule: 'at(2026-03-02T00:27:00)', scalableTargetAction: { minCapacity: tasks, maxCapacity: tasks } },
          },
        },
      },
    },
  };
}

const ids = (n: number[]) => n.map((k) => `i-${String(k).padStart(17, '0')}`);

describe('managed termination protection: a launching instance is protected from scale in', () => {
  it('the scale in to 3 terminates 3 empty registered instances; i-5 and i-6 (launching) register', () => {
    const r = runKeepingRows(scenario('ENABLED'), { seed: 1, checkTallies: true });
    const acts = r.events.filter((e) => e.type === 'scaling-activity' && e.subject === 'a');
    expect(acts.slice(0, 2).map((e) => e.message.slice(0, 14))).toEqual(['desired 4 -> 6', 'desired 6 -> 3']);
    const scaleIn = acts[1];
    expect(scaleIn.message).toContain('M=1 N=4');
    expect(scaleIn.message).toContain('at most 3 per step (50 % of desired 6)');
    const gone = r.events.filter((e) => e.type === 'instance-terminated' && e.time === scaleIn.time).map((e) => e.subject);
    expect(gone).toHaveLength(3);
    expect(gone.every((id) => ids([1, 2, 3, 4]).includes(id))).toBe(true);
    const registered = r.events.filter((e) => e.type === 'instance-registered').map((e) => e.subject);
    expect(registered).toEqual(expect.arrayContaining(ids([5, 6])));
  });

  it('without termination protection the launching instances go first (newest first), then one registered', () => {
    const r = runKeepingRows(scenario('DISABLED'), { seed: 1, checkTallies: true });
    const acts = r.events.filter((e) => e.type === 'scaling-activity' && e.subject === 'a');
    // DISABLED: every ACTIVE instance is removable (4), keep = max(1, 0, 4 - 4 = 0) = 1; step 3: desired 3
    expect(acts.slice(0, 2).map((e) => e.message.slice(0, 14))).toEqual(['desired 4 -> 6', 'desired 6 -> 3']);
    const gone = r.events.filter((e) => e.type === 'instance-terminated' && e.time === acts[1].time).map((e) => e.subject);
    expect(gone.slice(0, 2)).toEqual(ids([6, 5]));
    expect(gone).toHaveLength(3);
  });

  // 3 tasks throughout but 6 from 0:25 to 0:27: at the scale in M=3, N=4, one empty registered
  // instance (removable 1): keep = max(ceil(3 / 1.00) = 3, 0, 4 - 1 = 3) = 3, at most
  // floor(6 x 0.5) = 3 per step: desired 6 -> 3. Only the empty registered instance may go
  // (i-5 and i-6 are protected while launching): 5 instances stay. When i-5 and i-6 register
  // at 0:46 (launched at 0:26 with the scale out), empty, their protection comes off and the
  // group, 2 above its desired capacity, terminates them.
  it('a launching instance kept by its protection is terminated when it registers empty, the group being above desired', () => {
    const r = runKeepingRows(scenario('ENABLED', 3), { seed: 1, checkTallies: true });
    const acts = r.events.filter((e) => e.type === 'scaling-activity' && e.subject === 'a');
    expect(acts.slice(0, 2).map((e) => e.message.slice(0, 14))).toEqual(['desired 4 -> 6', 'desired 6 -> 3']);
    expect(acts[0].time).toBe(26 * 60_000);
    const atScaleIn = r.events.filter((e) => e.type === 'instance-terminated' && e.time === acts[1].time).map((e) => e.subject);
    expect(atScaleIn).toHaveLength(1);
    expect(ids([1, 2, 3, 4])).toContain(atScaleIn[0]);
    const late = r.events.filter((e) => e.type === 'instance-terminated' && e.time > acts[1].time).map((e) => [e.subject, e.time / 60_000]);
    expect(late).toEqual([
      [ids([5])[0], 46],
      [ids([6])[0], 46],
    ]);
  });
});
