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
//   needed = ceil(1 / 1.00) = 1; keep = max(1, minSize 0, not removable = 4 - 3 = 1) = 1;
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
    // DISABLED: every ACTIVE instance is removable (4), keep = max(1, 0, not removable 4 - 4 = 0) = 1; step 3: desired 3
    expect(acts.slice(0, 2).map((e) => e.message.slice(0, 14))).toEqual(['desired 4 -> 6', 'desired 6 -> 3']);
    const gone = r.events.filter((e) => e.type === 'instance-terminated' && e.time === acts[1].time).map((e) => e.subject);
    expect(gone.slice(0, 2)).toEqual(ids([6, 5]));
    expect(gone).toHaveLength(3);
  });

  // 3 tasks throughout but 6 from 0:25 to 0:27: at the scale in M=3, N=4, one empty registered
  // instance (removable 1): keep = max(ceil(3 / 1.00) = 3, 0, not removable 4 - 1 = 3) = 3, at most
  // floor(6 x 0.5) = 3 per step: desired 6 -> 3. Only the empty registered instance may go
  // (i-5 and i-6 are protected while launching): 5 instances stay. When i-5 and i-6 register
  // at 0:46 (launched at 0:26 with the scale out), empty, their protection comes off and the
  // group, 2 above its desired capacity, terminates them (in one scale in once both registered,
  // after the instant's placements: its termination policy orders them, so compared as a set).
  it('a launching instance kept by its protection is terminated when it registers empty, the group being above desired', () => {
    const r = runKeepingRows(scenario('ENABLED', 3), { seed: 1, checkTallies: true });
    const acts = r.events.filter((e) => e.type === 'scaling-activity' && e.subject === 'a');
    expect(acts.slice(0, 2).map((e) => e.message.slice(0, 14))).toEqual(['desired 4 -> 6', 'desired 6 -> 3']);
    expect(acts[0].time).toBe(26 * 60_000);
    const atScaleIn = r.events.filter((e) => e.type === 'instance-terminated' && e.time === acts[1].time).map((e) => e.subject);
    expect(atScaleIn).toHaveLength(1);
    expect(ids([1, 2, 3, 4])).toContain(atScaleIn[0]);
    const late = r.events.filter((e) => e.type === 'instance-terminated' && e.time > acts[1].time).map((e) => [e.subject, e.time / 60_000]);
    expect(late.sort()).toEqual([
      [ids([5])[0], 46],
      [ids([6])[0], 46],
    ]);
    // the log says why: 5 instances (i-2..i-6) for a desired 3 once the protection came off
    const why = r.events
      .filter((e) => e.type === 'instance-terminated' && e.time === 46 * 60_000)
      .map((e) => e.message.replace(/^\S+ in \S+ terminated: /, '').replace(/ \(ran .*/, ''));
    expect(why).toEqual(Array(2).fill('scale in: scale-in protection came off with the group at 5 instances for a desired capacity of 3'));
  });
});

// The last test's scenario (3 tasks; 6 from 0:25 to 0:27) with the managed scaling warm-up at
// 1500 s (no scale out before 0:51: i-5 and i-6, launched at 0:26, count as warming up until
// then) and the service taken to 5 tasks at 0:44. At 0:42 the scale in set desired 6 -> 3 and
// terminated the one empty registered instance: i-2..i-4 run one task each (a whole
// m5.large), i-5 and i-6 are launching (protected), the group holds 5 for a desired 3. At 0:44
// the 2 new tasks wait in PROVISIONING (no room). At 0:46 i-5 and i-6 register empty: their
// protection comes off, the waiting tasks are placed on them in that instant, which protects
// them again (managed-termination-protection.html: ECS protects an instance that runs a
// non-daemon task), so the group, still above desired, keeps all 5: nothing terminated, no
// new launch. Optionally `downAt` takes the service back to 3 tasks at that minute: each
// instance whose last task stops loses its protection, and the group, 5 for a desired 3,
// terminates those 2 (ec2-auto-scaling-instance-protection.html: the group terminates once
// the protection is off), keeping 3.
function aboveDesired(downAt?: number) {
  const sc = scenario('ENABLED', 3);
  sc.duration = '60m';
  (sc.cluster.capacityProviders.a.managedScaling as Record<string, unknown>).instanceWarmupPeriod = '1500s';
  const actions = sc.services.s.autoScaling.scheduledActions as Record<string, unknown>;
  actions.up2 = { schedule: 'at(2026-03-02T00:44:00)', scalableTargetAction: { minCapacity: 5, maxCapacity: 5 } };
  if (downAt !== undefined) actions.down2 = { schedule: `at(2026-03-02T00:${downAt}:00)`, scalableTargetAction: { minCapacity: 3, maxCapacity: 3 } };
  return sc;
}

describe('managed termination protection: the group above desired terminates an instance once its protection is off', () => {
  it('an instance registering while tasks wait takes them and stays (not terminated before placement)', () => {
    const r = runKeepingRows(aboveDesired(), { seed: 1, checkTallies: true });
    const at46 = r.events.filter((e) => e.time === 46 * 60_000);
    expect(at46.filter((e) => e.type === 'instance-registered').map((e) => e.subject)).toEqual(ids([5, 6]));
    expect(at46.filter((e) => e.type === 'instance-terminated')).toEqual([]);
    const placed = at46.filter((e) => e.type === 'task-placed').map((e) => e.message.match(/placed on (i-\d+)/)![1]);
    expect(placed.sort()).toEqual(ids([5, 6]));
    // every instance after 0:42 stays: the two terminations of the run are i-1 (0:42) and nothing else
    expect(r.events.filter((e) => e.type === 'instance-terminated').map((e) => [e.subject, e.time / 60_000])).toEqual([[ids([1])[0], 42]]);
    expect(r.events.filter((e) => e.type === 'instance-launched').map((e) => e.subject)).toEqual(ids([1, 2, 3, 4, 5, 6]));
  });

  it("an instance whose last task stops is terminated while the group is above desired", () => {
    const r = runKeepingRows(aboveDesired(50), { seed: 1, checkTallies: true });
    const hostOf = new Map(r.events.filter((e) => e.type === 'task-placed').map((e) => [e.subject, e.message.match(/placed on (i-\d+)/)![1]]));
    const stopped = r.events.filter((e) => e.type === 'task-stopped' && e.time >= 50 * 60_000);
    expect(stopped).toHaveLength(2);
    const late = r.events.filter((e) => e.type === 'instance-terminated' && e.time >= 50 * 60_000);
    // the hosts of the two stopped tasks, each at the instant its task stopped
    expect(late.map((e) => [e.subject, e.time]).sort()).toEqual(stopped.map((e) => [hostOf.get(e.subject), e.time]).sort());
    const end = r.capacity.filter((c) => c.capacityProvider === 'a').at(-1)!;
    expect([end.instancesPending, end.instancesRunning, end.desiredCapacity]).toEqual([0, 3, 3]);
  });
});
