// Simulation hot-path rewrites of issue 8 round 2 (docs/notes/performance-libs.md) keep
// AWS behaviour: an Auto Scaling group scale in by k terminates k instances once each, in
// the default termination policy's order (ec2-auto-scaling-termination-policies.html: the
// AZs with the most instances first, then the instance closest to its next billing hour
// over them, at random among exact ties), and
// tasks waiting for capacity are placed on instances that register later
// (cluster-auto-scaling.html). Expectations worked out by hand.

import { describe, it, expect } from 'vitest';
import { loadScenarioObject } from '../../src/scenario/index.js';
import { runSimulation, type EventRecord, type TaskRow } from '../../src/sim/index.js';

function scenario(overrides: (s: any) => void = () => {}) {
  const s: any = {
    name: 'perf2',
    duration: '1h',
    cluster: {
      availabilityZones: ['us-east-1a', 'us-east-1b', 'us-east-1c'],
      capacityProviders: {
        asg: {
          autoScalingGroup: { instanceTypes: ['m5.large'], minSize: 0, maxSize: 20, desiredCapacity: 6, launchDelay: '60s' },
          managedScaling: { status: 'ENABLED', targetCapacity: 100, instanceWarmupPeriod: '60s', maximumScalingStepSize: 10 },
          managedTerminationProtection: 'ENABLED',
        },
      },
      defaultCapacityProviderStrategy: [{ capacityProvider: 'asg', weight: 1 }],
    },
    taskDefinitions: {
      web: { cpu: 512, memory: 1024, networkMode: 'bridge', startup: { imagePull: '10s', containerStart: '2s' } },
    },
    services: { web: { taskDefinition: 'web', desiredCount: 0 } },
  };
  overrides(s);
  return loadScenarioObject('perf2', s, { baseDir: '.' });
}

function run(s: ReturnType<typeof scenario>) {
  const events: EventRecord[] = [];
  const tasks: TaskRow[] = [];
  runSimulation(s, { event: (e) => events.push(e), timeseries: () => {}, capacity: () => {}, task: (t) => tasks.push(t) }, { seed: 1, checkTallies: true });
  return { events, tasks };
}

describe('Auto Scaling group scale in (default termination policy)', () => {
  it('6 empty instances, no tasks: each is terminated exactly once, always from an AZ with the most left', () => {
    const { events } = run(scenario());
    const launched = events.filter((e) => e.type === 'instance-launched');
    const terminated = events.filter((e) => e.type === 'instance-terminated').map((e) => e.subject);
    // launches balance AZs: i-1 a, i-2 b, i-3 c, i-4 a, i-5 b, i-6 c
    const azOf = new Map(launched.map((e) => [e.subject, /in (us-east-1[a-c])/.exec(e.message)![1]]));
    expect([...azOf.values()]).toEqual(['us-east-1a', 'us-east-1b', 'us-east-1c', 'us-east-1a', 'us-east-1b', 'us-east-1c']);
    // M = 0 (no task), so managed scaling takes the group to 0 (6 -> 3 in one scale in, then
    // one at a time): all 6 go, none twice
    expect(new Set(terminated).size).toBe(terminated.length);
    expect(terminated.length).toBe(6);
    // all launched at 0, so all equally close to their next billing hour: each is drawn at
    // random among those of the AZs with the most left (a2 b2 c2, then two AZs at 2, ...)
    const left = new Map([...azOf.values()].map((az) => [az, 2]));
    for (const id of terminated) {
      const az = azOf.get(id)!;
      expect(left.get(az)).toBe(Math.max(...left.values()));
      left.set(az, left.get(az)! - 1);
    }
  });

  it('instance-hours count the terminated instances from launch to termination', () => {
    const s = scenario();
    const events: EventRecord[] = [];
    const r = runSimulation(s, { event: (e) => events.push(e), timeseries: () => {}, capacity: () => {}, task: () => {} }, { seed: 1, checkTallies: true });
    // every instance launched at 0 and terminated during the hour: the hours are the sum of
    // its termination times
    const ended = events.filter((e) => e.type === 'instance-terminated');
    expect(events.filter((e) => e.type === 'instance-launched').every((e) => e.time === 0)).toBe(true);
    expect(ended).toHaveLength(6);
    const hours = ended.reduce((h, e) => h + e.time / 3_600_000, 0);
    expect(hours).toBeGreaterThan(0);
    const asg = (r.summary as { capacityProviders: Record<string, { instanceHours: number }> }).capacityProviders.asg;
    expect(asg.instanceHours).toBeCloseTo(hours, 4);
  });
});

describe('tasks waiting for capacity', () => {
  it('10 tasks of 512 CPU units wait for instances and all run once they register (4 per m5.large)', () => {
    const { events, tasks } = run(
      scenario((s) => {
        s.cluster.capacityProviders.asg.autoScalingGroup.desiredCapacity = 0;
        s.services.web.desiredCount = 10;
        // 4/4/2 over the AZs: AZ rebalancing would then move a task (an 11th RUNNING); not this test's subject
        s.services.web.availabilityZoneRebalancing = 'DISABLED';
      }),
    );
    const running = events.filter((e) => e.type === 'task-running').length;
    expect(running).toBe(10);
    // ceil(10 / 4) = 3 instances hold them: every task on one of the registered instances
    const registered = new Set(events.filter((e) => e.type === 'instance-registered').map((e) => e.subject));
    const hosts = new Set(tasks.map((t) => t.instanceId));
    for (const h of hosts) expect(registered.has(h!)).toBe(true);
    expect(hosts.size).toBe(3);
  });
});
