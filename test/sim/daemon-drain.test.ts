// DAEMON tasks on a DRAINING instance stop after its replica tasks, with the normal stop
// (deregistration delay, SIGTERM), and an instance chosen for termination terminates only
// once they are STOPPED too (developerguide, daemon scheduling: the daemon task is "the
// last task to stop after all replica tasks are stopped"; "If a container instance
// transitions to a DRAINING status, the daemon tasks on it are stopped"). Before the fix
// the instance terminated as soon as its replica tasks were STOPPED and killed its daemon
// task then (stop reason instance-terminated, no deregistration delay).

import { describe, it, expect } from 'vitest';
import { runKeepingRows } from '../helpers.js';

/**
 * Two m5.large (registered at 60 s), managed scaling needs one of them, managed draining:
 * the group terminates one (a draw between two launched together) and drains it first, at
 * some time T. DAEMON `d`: one task per instance, behind a load balancer with a 50 s
 * deregistration delay and traffic (so its target has connections and keeps the delay),
 * containers exit 1 s after SIGTERM. Replica `web` (no load balancer), 2 tasks binpacked
 * onto one instance (PENDING 10 + 3 s), containers exit 1 s after SIGTERM.
 */
function scenario() {
  return {
    name: 'daemon-drain',
    duration: '40m',
    cluster: {
      availabilityZones: ['us-east-1a'],
      capacityProviders: {
        asg: {
          autoScalingGroup: { instanceTypes: ['m5.large'], minSize: 0, maxSize: 4, desiredCapacity: 2, launchDelay: '60s' },
          managedScaling: { status: 'ENABLED', targetCapacity: 100 },
          managedTerminationProtection: 'DISABLED',
          managedDraining: 'ENABLED',
        },
      },
    },
    taskDefinitions: {
      dd: { cpu: 128, memory: 128, startup: { imagePull: '1s', containerStart: '1s' }, stopTimeout: '30s', shutdown: '1s' },
      web: { cpu: 512, memory: 1024, startup: { imagePull: '10s', containerStart: '3s' }, stopTimeout: '30s', shutdown: '1s' },
    },
    services: {
      d: {
        taskDefinition: 'dd',
        schedulingStrategy: 'DAEMON',
        launchType: 'EC2',
        loadBalancer: { deregistrationDelay: '50s', healthCheck: { interval: '5s' } },
        workload: { type: 'http', requestRate: { constant: 10 }, perTask: { capacityRps: 100, concurrency: 4 } },
      },
      web: {
        taskDefinition: 'web',
        desiredCount: 2,
        capacityProviderStrategy: [{ capacityProvider: 'asg', weight: 1 }],
        placementStrategy: [{ type: 'binpack', field: 'memory' }],
      },
    },
  };
}

function run(seed: number) {
  const r = runKeepingRows(scenario(), { seed });
  const drains = r.events.filter((e) => e.type === 'instance-draining');
  expect(drains).toHaveLength(1);
  const T = drains[0].time;
  const drained = drains[0].subject;
  const terminated = r.events.filter((e) => e.type === 'instance-terminated');
  expect(terminated.map((e) => e.subject)).toEqual([drained]);
  const onDrained = r.tasks.filter((t) => t.instanceId === drained);
  return { r, T, drained, terminatedAt: terminated[0].time, onDrained };
}

describe('DAEMON tasks on a draining instance', () => {
  it('stop after its replica tasks, through their deregistration delay, and the instance terminates after them', () => {
    // seed 1: the drained instance runs both web tasks. Their replacements go to the other
    // instance at T, RUNNING T + 13 s, counted healthy 40 s later (no load balancer): the old
    // tasks get SIGTERM at T + 53 s, STOPPED T + 54 s. Then the instance has only its daemon
    // task: it leaves rotation, DEACTIVATING 50 s, SIGTERM at T + 104 s, STOPPED T + 105 s
    // (instance-drained), and the instance terminates then.
    const { r, T, onDrained, terminatedAt } = run(1);
    const web = onDrained.filter((t) => t.service === 'web');
    const daemon = onDrained.filter((t) => t.service === 'd');
    expect(web.map((t) => [t.stopped, t.stopReason])).toEqual([
      [T + 54_000, 'instance-drained'],
      [T + 54_000, 'instance-drained'],
    ]);
    expect(daemon.map((t) => [t.stopped, t.stopReason])).toEqual([[T + 105_000, 'instance-drained']]);
    expect(terminatedAt).toBe(T + 105_000);
    expect(r.events.find((e) => e.type === 'instance-draining')!.message).toMatch(/\(2 running\); its DAEMON task stops after them$/);
    // the other instance's daemon task runs on
    expect(r.tasks.filter((t) => t.service === 'd' && !onDrained.includes(t)).map((t) => t.stopReason)).toEqual(['simulation-end']);
  });

  it('an instance running only its daemon task is drained too under managed draining: the daemon task stops at once, through its delay', () => {
    // seed 3: the drained instance runs no web task. At T its daemon task leaves rotation,
    // DEACTIVATING 50 s, STOPPED T + 51 s; the instance terminates then (before: at T,
    // killing the daemon task, instance-terminated)
    const { r, T, onDrained, terminatedAt } = run(3);
    expect(onDrained.map((t) => [t.service, t.stopped, t.stopReason])).toEqual([['d', T + 51_000, 'instance-drained']]);
    expect(terminatedAt).toBe(T + 51_000);
    // no service task there: the message says so rather than "replaced elsewhere (0 running)"
    expect(r.events.find((e) => e.type === 'instance-draining')!.message).toMatch(/: scale in \(managed draining\); no service task to replace; its DAEMON task stops$/);
  });
});

describe('DAEMON tasks on an EC2 Spot instance drained at its interruption notice', () => {
  /**
   * The scenario above on Spot without managed scaling (the group keeps 2 instances),
   * interrupted on average every 45 minutes, Spot instance draining on; web with
   * minimumHealthyPercent 0, so its tasks on a noticed instance stop at the notice (STOPPED
   * 1 s later: no load balancer). The daemon's deregistration delay is `delay`.
   */
  function spot(delay: string) {
    const s = scenario() as any;
    const asg = s.cluster.capacityProviders.asg;
    delete asg.managedScaling;
    Object.assign(asg.autoScalingGroup, { purchaseOption: 'spot', spotInterruptions: { meanTimeBetween: '45m' }, spotInstanceDraining: true, minSize: 2, maxSize: 2 });
    s.services.d.loadBalancer.deregistrationDelay = delay;
    s.services.web.deploymentConfiguration = { minimumHealthyPercent: 0, maximumPercent: 200 };
    s.duration = '3h';
    const r = runKeepingRows(s, { seed: 1 });
    const notices = r.events.filter((e) => e.type === 'spot-interruption');
    expect(notices.length).toBeGreaterThan(0);
    // per notice: its time, the web tasks running there then, the daemon task running there then
    return notices.map((n) => {
      const there = r.tasks.filter((t) => t.instanceId === n.subject && t.running !== null && t.running <= n.time && (t.stopped === null || t.stopped > n.time));
      return { n: n.time, web: there.filter((t) => t.service === 'web'), daemon: there.filter((t) => t.service === 'd') };
    });
  }

  it('stop after the replica tasks, with their deregistration delay, when it ends within the 2 minutes', () => {
    // web tasks there STOPPED at n + 1 s; the daemon task then (or at n when there is no web
    // task) leaves rotation: 50 s delay + 1 s exit
    const notices = spot('50s').filter((x) => x.daemon.length === 1);
    expect(notices.length).toBeGreaterThan(0);
    expect(notices.some((x) => x.web.length > 0)).toBe(true);
    for (const { n, web, daemon } of notices) {
      for (const t of web) expect([t.stopped, t.stopReason]).toEqual([n + 1_000, 'instance-drained']);
      const start = web.length > 0 ? n + 1_000 : n;
      expect([daemon[0].stopped, daemon[0].stopReason]).toEqual([start + 51_000, 'instance-drained']);
    }
  });

  it('are killed with the instance 2 minutes after the notice when their delay is longer (spot-interruption)', () => {
    const notices = spot('150s').filter((x) => x.daemon.length === 1);
    expect(notices.length).toBeGreaterThan(0);
    for (const { n, daemon } of notices) expect([daemon[0].stopped, daemon[0].stopReason]).toEqual([n + 120_000, 'spot-interruption']);
  });
});
