// Availability Zone rebalancing (developerguide/service-rebalancing.html): on an imbalance in
// steady state ECS starts a task in the AZ with the fewest tasks, waits for it to be RUNNING
// and healthy, then stops one in the AZ with the most. Hand-reasoned on three m5.large (2048
// CPU units each), one per AZ; every task starts in a fixed 10 s (5 s image pull + 5 s
// container start) and stops 1 s after SIGTERM (the default shutdown); no load balancer, so
// a task counts as healthy 40 s after RUNNING (API_DeploymentConfiguration.html).
//
// Timeline: instances register at 10 s; the 2048-CPU filler takes all of us-east-1a's CPU,
// so s's three tasks go to b, c, b (spread by AZ, then instance) and are RUNNING at 20 s,
// healthy at 60 s. The check every 60 s: at 60 s s is steady and not balanced (a0 b2 c1), but
// no instance in us-east-1a has room -> placement failure event (repeats suppressed for 6 h).
// The filler is scaled in at 300 s (STOPPED 301 s). At 360 s: STARTED, s-4 started in
// us-east-1a (RUNNING 370 s, healthy 410 s); at 410 s one of b's tasks stops (STOPPED 411 s);
// at 411 s the service is steady again and balanced: COMPLETED, a1 b1 c1.

import { describe, expect, it } from 'vitest';
import { loadScenarioObject, ScenarioError } from '../../src/scenario/index.js';
import { runKeepingRows } from '../helpers.js';

const FIXED = (s: number) => ({ distribution: 'fixed', value: `${s}s` });

function scenario(service: Record<string, unknown> = {}, extra: (s: Record<string, any>) => void = () => {}): Record<string, any> {
  const s: Record<string, any> = {
    name: 'azr',
    seed: 1,
    duration: '9m',
    cluster: {
      availabilityZones: ['us-east-1a', 'us-east-1b', 'us-east-1c'],
      capacityProviders: { g1: { autoScalingGroup: { instanceTypes: ['m5.large'], minSize: 3, maxSize: 3, launchDelay: '10s' } } },
    },
    taskDefinitions: {
      big: { cpu: 2048, memory: 1024, startup: { imagePull: FIXED(5), containerStart: FIXED(5) } },
      t: { cpu: 256, memory: 256, startup: { imagePull: FIXED(5), containerStart: FIXED(5) } },
    },
    services: {
      filler: {
        taskDefinition: 'big',
        launchType: 'EC2',
        desiredCount: 1,
        autoScaling: {
          minCapacity: 0,
          maxCapacity: 1,
          scheduledActions: { d: { schedule: 'at(2026-01-05T00:05:00)', scalableTargetAction: { minCapacity: 0, maxCapacity: 0 } } },
        },
      },
      s: { taskDefinition: 't', launchType: 'EC2', desiredCount: 3, ...service },
    },
  };
  extra(s);
  return s;
}

type Run = ReturnType<typeof runKeepingRows>;

/** maximumPercent 120 of 3 tasks: floor(3 x 120 / 100) = floor(3.6) = 3, the service has 3, so no fourth can start. */
const NO_ROOM_120 =
  'service s is not AZ balanced with 0 tasks in us-east-1a, 2 in us-east-1b, and 1 in us-east-1c. ecsim: no task can start to AZ Rebalance: maximumPercent 120 allows floor(3 x 120 / 100) = 3 tasks, leaving no room to start another.';

/** Why s's task fits no instance of us-east-1a while the filler runs: its one instance has 2048 - 2048 CPU units free, the task needs 256. */
const WHY_1A = 'in us-east-1a: no container instance met all requirements: 1 rejected for RESOURCE:CPU; closest i-00000000000000001 (us-east-1a) lacks 256 CPU units';

function run(raw: Record<string, any>): Run {
  return runKeepingRows(raw, { seed: 1 });
}

/** s's tasks live (created, not yet stopped) at `t` seconds, per AZ. */
function byAz(r: Run, t: number): Record<string, number> {
  const out: Record<string, number> = { 'us-east-1a': 0, 'us-east-1b': 0, 'us-east-1c': 0 };
  for (const row of r.tasks) {
    if (row.service !== 's') continue;
    if (row.created <= t * 1000 && (row.stopped === null || row.stopped > t * 1000)) out[row.availabilityZone]++;
  }
  return out;
}

function rebalancing(r: Run): [number, string][] {
  return r.events.filter((e) => e.type === 'az-rebalancing').map((e) => [e.time / 1000, e.message]);
}

describe('AZ rebalancing', () => {
  it('starts a task in the AZ with the fewest tasks, then stops one in the AZ with the most once it is healthy (ENABLED by default)', () => {
    const r = run(scenario());
    expect(byAz(r, 299)).toEqual({ 'us-east-1a': 0, 'us-east-1b': 2, 'us-east-1c': 1 });
    const ev = rebalancing(r);
    expect(ev.slice(0, 4)).toEqual([
      // the first operation: announced, then its placement failure ends it
      [60, 'service s is not AZ balanced with 0 tasks in us-east-1a, 2 in us-east-1b, and 1 in us-east-1c. AZ Rebalancing in progress.'],
      // ecsim's note: us-east-1a's one instance (i-1, m5.large, 2048 CPU units) has all its CPU taken by the filler
      [60, `service s is unable to place a task in us-east-1a because no container instance met all of its requirements. ecsim: ${WHY_1A}.`],
      // the same failure from 120 s to 300 s is omitted, and with it its operation's STARTED
      [360, 'service s is not AZ balanced with 0 tasks in us-east-1a, 2 in us-east-1b, and 1 in us-east-1c. AZ Rebalancing in progress.'],
      [360, 's has started 1 tasks in us-east-1a to AZ Rebalance: s-4.'],
    ]);
    expect(ev[4][0]).toBe(410);
    expect(ev[4][1]).toMatch(/^s has stopped 1 running tasks in us-east-1b due to AZ rebalancing: s-[13]\.$/);
    expect(ev[5]).toEqual([411, 'service s is AZ balanced with 1 tasks in us-east-1a, 1 tasks in us-east-1b, and 1 tasks in us-east-1c.']);
    expect(ev).toHaveLength(6);
    // the new task RUNNING in us-east-1a at 370 s; the old one stopped only once it was healthy (410 s)
    const s4 = r.tasks.find((t) => t.taskId === 's-4')!;
    expect([s4.availabilityZone, s4.created, s4.running, s4.stopReason]).toEqual(['us-east-1a', 360_000, 370_000, 'simulation-end']);
    const stopped = r.tasks.filter((t) => t.stopReason === 'az-rebalancing');
    expect(stopped.map((t) => [t.availabilityZone, t.stopped])).toEqual([['us-east-1b', 411_000]]);
    // four tasks from 360 s to 411 s (one over the desired count, within maximumPercent 200), then three
    expect(byAz(r, 400)).toEqual({ 'us-east-1a': 1, 'us-east-1b': 2, 'us-east-1c': 1 });
    expect(byAz(r, 500)).toEqual({ 'us-east-1a': 1, 'us-east-1b': 1, 'us-east-1c': 1 });
  });

  it('DISABLED keeps a0/b2/c1', () => {
    const r = run(scenario({ availabilityZoneRebalancing: 'DISABLED' }));
    expect(rebalancing(r)).toEqual([]);
    expect(byAz(r, 539)).toEqual({ 'us-east-1a': 0, 'us-east-1b': 2, 'us-east-1c': 1 });
    expect(r.tasks.filter((t) => t.service === 's')).toHaveLength(3);
  });

  it('an incompatible service (maximumPercent 100) is DISABLED by default and never rebalanced', () => {
    const r = run(scenario({ deploymentConfiguration: { minimumHealthyPercent: 50, maximumPercent: 100 } }));
    expect(rebalancing(r)).toEqual([]);
    expect(byAz(r, 539)).toEqual({ 'us-east-1a': 0, 'us-east-1b': 2, 'us-east-1c': 1 });
  });

  it('no move while one task more would exceed maximumPercent (120 % of 3 allows 3)', () => {
    const r = run(scenario({ deploymentConfiguration: { minimumHealthyPercent: 100, maximumPercent: 120 } }));
    // ecsim's event (AWS lists none) at the first steady look, 60 s; the same again only after 6 h
    expect(rebalancing(r)).toEqual([[60, NO_ROOM_120]]);
    expect(byAz(r, 539)).toEqual({ 'us-east-1a': 0, 'us-east-1b': 2, 'us-east-1c': 1 });
    // 150 % of 3 allows 4: the move happens as with the default 200
    const r150 = run(scenario({ deploymentConfiguration: { minimumHealthyPercent: 100, maximumPercent: 150 } }));
    expect(byAz(r150, 500)).toEqual({ 'us-east-1a': 1, 'us-east-1b': 1, 'us-east-1c': 1 });
  });

  it('the no-room event comes again only after 6 hours', () => {
    // looks every 60 s from 60 s: the same message is left out until 60 s + 6 h = 21 660 s
    const r = run(
      scenario({ deploymentConfiguration: { minimumHealthyPercent: 100, maximumPercent: 120 } }, (s) => {
        s.duration = '6h5m';
      }),
    );
    expect(rebalancing(r)).toEqual([
      [60, NO_ROOM_120],
      [21_660, NO_ROOM_120],
    ]);
  });

  it('an incompatible service (first placement strategy binpack) is DISABLED by default', () => {
    const r = run(scenario({ placementStrategy: [{ type: 'binpack', field: 'memory' }] }));
    expect(rebalancing(r)).toEqual([]);
  });

  it('a desired count change while the started task is not yet healthy stops the operation; the task stays', () => {
    // minCapacity 4 at 365 s: s-4 (started at 360 s) counts as the fourth task, nothing stops
    const r = run(
      scenario({
        autoScaling: { minCapacity: 3, maxCapacity: 6, scheduledActions: { u: { schedule: 'at(2026-01-05T00:06:05)', scalableTargetAction: { minCapacity: 4 } } } },
      }),
    );
    const ev = rebalancing(r);
    expect(ev.slice(2)).toEqual([
      [360, 'service s is not AZ balanced with 0 tasks in us-east-1a, 2 in us-east-1b, and 1 in us-east-1c. AZ Rebalancing in progress.'],
      [360, 's has started 1 tasks in us-east-1a to AZ Rebalance: s-4.'],
      [365, 'service s stopped AZ Rebalancing. (the desired count changed 3 -> 4)'],
    ]);
    // a1 b2 c1 is balanced (no AZ two tasks above another): nothing more happens
    expect(r.tasks.filter((t) => t.service === 's').map((t) => t.stopReason)).toEqual(['simulation-end', 'simulation-end', 'simulation-end', 'simulation-end']);
    expect(byAz(r, 539)).toEqual({ 'us-east-1a': 1, 'us-east-1b': 2, 'us-east-1c': 1 });
  });

  it('no room in the emptiest AZ: each operation is announced (STARTED) before its placement failure, which ends it; again after 6 hours', () => {
    // the filler keeps all of us-east-1a's CPU: the looks at 60 s, 120 s, ... all fail; ECS
    // omits the same event within 6 hours, so the second announced operation is at
    // 60 s + 6 h = 21 660 s (the looks fall on multiples of 60 s)
    const r = run(
      scenario({}, (s) => {
        s.duration = '6h5m';
        delete s.services.filler.autoScaling;
      }),
    );
    const started = 'service s is not AZ balanced with 0 tasks in us-east-1a, 2 in us-east-1b, and 1 in us-east-1c. AZ Rebalancing in progress.';
    const failed = `service s is unable to place a task in us-east-1a because no container instance met all of its requirements. ecsim: ${WHY_1A}.`;
    expect(rebalancing(r)).toEqual([
      [60, started],
      [60, failed],
      [21_660, started],
      [21_660, failed],
    ]);
    expect(r.tasks.filter((t) => t.service === 's')).toHaveLength(3);
  });

  it('a look falls at exactly the end of the run: duration 6m still has the move at 360 s', () => {
    // looks at 60, 120, ..., 360 s (360 s = the duration is within the run): the filler
    // STOPPED at 301 s, so the look at 360 s starts s-4 in us-east-1a (as in the first test)
    const r = run(scenario({}, (s) => (s.duration = '6m')));
    expect(rebalancing(r).slice(-2)).toEqual([
      [360, 'service s is not AZ balanced with 0 tasks in us-east-1a, 2 in us-east-1b, and 1 in us-east-1c. AZ Rebalancing in progress.'],
      [360, 's has started 1 tasks in us-east-1a to AZ Rebalance: s-4.'],
    ]);
  });

  it('an AZ whose only instance is DRAINING is not one to rebalance into: no event names it during the drain', () => {
    // ECS rebalances over the AZs where it can place the service's tasks ("Amazon ECS can't
    // launch new instances in underutilized Availability Zones", service-rebalancing.html),
    // and a DRAINING instance takes no new task. One group, three m5.large (a, b, c), managed
    // scaling at target 100 with managed termination protection and draining. s's 2 tasks
    // spread by AZ go to a and b (ties in the cluster's order): a1 b1 c0, balanced. Two instances are busy (M 2, N 3: 67 %
    // below the target), so the group scales in to 2: it takes c's instance, the only one
    // without a replica task (protected: a's and b's). It stays
    // DRAINING while its DAEMON task deregisters (3600 s delay, its target having served
    // requests). At 30 min s goes to 4 tasks: a2 b2. With c DRAINING that is balanced over a
    // and b: no operation, no event naming us-east-1c.
    const s = scenario({}, (x) => {
      x.duration = '40m';
      x.cluster.capacityProviders = {
        g1: {
          autoScalingGroup: { instanceTypes: ['m5.large'], minSize: 0, maxSize: 3, desiredCapacity: 3, launchDelay: '10s' },
          managedScaling: { status: 'ENABLED', targetCapacity: 100 },
          managedTerminationProtection: 'ENABLED',
          managedDraining: 'ENABLED',
        },
      };
      x.taskDefinitions.dd = { cpu: 128, memory: 128, startup: { imagePull: FIXED(1), containerStart: FIXED(1) }, stopTimeout: '30s', shutdown: '1s' };
      x.services = {
        d: {
          taskDefinition: 'dd',
          schedulingStrategy: 'DAEMON',
          launchType: 'EC2',
          loadBalancer: { deregistrationDelay: '3600s', healthCheck: { interval: '5s' } },
          workload: { type: 'http', requestRate: { constant: 10 }, perTask: { capacityRps: 100, concurrency: 4 } },
        },
        s: {
          taskDefinition: 't',
          launchType: 'EC2',
          desiredCount: 2,
          autoScaling: { minCapacity: 2, maxCapacity: 4, scheduledActions: { u: { schedule: 'at(2026-01-05T00:30:00)', scalableTargetAction: { minCapacity: 4 } } } },
        },
      };
    });
    const r = run(s);
    const drains = r.events.filter((e) => e.type === 'instance-draining');
    expect(byAz(r, 900)).toEqual({ 'us-east-1a': 1, 'us-east-1b': 1, 'us-east-1c': 0 });
    expect(drains).toHaveLength(1);
    const registered = r.events.find((e) => e.type === 'instance-registered' && e.subject === drains[0].subject)!;
    expect(registered.message).toContain(' in us-east-1c ');
    expect(drains[0].time).toBeLessThan(1_800_000);
    // still DRAINING at the end (its daemon task deregisters for an hour)
    expect(r.events.filter((e) => e.type === 'instance-terminated')).toEqual([]);
    expect(byAz(r, 2_399)).toEqual({ 'us-east-1a': 2, 'us-east-1b': 2, 'us-east-1c': 0 });
    expect(rebalancing(r).filter(([, m]) => m.includes('us-east-1c'))).toEqual([]);
  });

  it('the check interval is cluster.availabilityZoneRebalancingInterval', () => {
    // every 100 s: first steady look at 100 s (failure), the move at 400 s (RUNNING 410 s, healthy 450 s)
    const r = run(scenario({}, (s) => (s.cluster.availabilityZoneRebalancingInterval = '100s')));
    const ev = rebalancing(r);
    expect(ev.map(([t]) => t)).toEqual([100, 100, 400, 400, 450, 451]);
  });
});

describe('availabilityZoneRebalancing at load time', () => {
  function loadError(service: Record<string, unknown>): string {
    try {
      loadScenarioObject('s.yaml', scenario(service));
    } catch (e) {
      if (e instanceof ScenarioError) return e.message;
      throw e;
    }
    return 'no error';
  }

  it('refuses ENABLED on a service ECS cannot rebalance', () => {
    expect(loadError({ availabilityZoneRebalancing: 'ENABLED', deploymentConfiguration: { minimumHealthyPercent: 50, maximumPercent: 100 } })).toMatch(
      /services\.s\.availabilityZoneRebalancing: expected DISABLED \(or no key\) because its maximumPercent is 100 .*found ENABLED/,
    );
    expect(loadError({ availabilityZoneRebalancing: 'ENABLED', placementStrategy: [{ type: 'binpack', field: 'cpu' }] })).toMatch(
      /availabilityZoneRebalancing: expected DISABLED \(or no key\) because its first placement strategy is binpack\(cpu\), not spread\(attribute:ecs\.availability-zone\)/,
    );
    expect(loadError({ availabilityZoneRebalancing: 'ENABLED', placementConstraints: [{ type: 'memberOf', expression: 'attribute:ecs.availability-zone in [us-east-1a, us-east-1b]' }] })).toMatch(
      /availabilityZoneRebalancing: expected DISABLED \(or no key\) because it has a placement constraint on attribute:ecs\.availability-zone/,
    );
    expect(loadError({ availabilityZoneRebalancing: 'ENABLED', schedulingStrategy: 'DAEMON', desiredCount: undefined })).toMatch(/because it uses the DAEMON scheduling strategy/);
    expect(loadError({ availabilityZoneRebalancing: 'MAYBE' })).toMatch(/availabilityZoneRebalancing/);
  });

  it('accepts ENABLED on a compatible service, and DISABLED on any', () => {
    expect(loadError({ availabilityZoneRebalancing: 'ENABLED', placementStrategy: [{ type: 'spread', field: 'attribute:ecs.availability-zone' }, { type: 'binpack', field: 'memory' }] })).toBe('no error');
    expect(loadError({ availabilityZoneRebalancing: 'DISABLED', placementStrategy: [{ type: 'binpack', field: 'cpu' }] })).toBe('no error');
  });
});

// Two Auto Scaling group providers (docs/assumptions.md, AZ rebalancing): od has m5.large
// instances in us-east-1a and us-east-1b only (i-1, i-2), sp one in each AZ (i-3 a, i-4 b,
// i-5 c); all register at 10 s. A filler (launchType EC2, 2048 CPU units, memberOf
// us-east-1c) fills i-5 until it is scaled in at 300 s (STOPPED 301 s). s's tasks RUNNING at
// 20 s, healthy at 60 s; looks every 60 s. The AZs s can use: a, b, c (sp's i-5 is ACTIVE).
describe('AZ rebalancing over a capacity provider strategy', () => {
  function twoProviders(service: Record<string, unknown>, extra: (s: Record<string, any>) => void = () => {}): Record<string, any> {
    const s = scenario();
    s.cluster.capacityProviders = {
      od: { autoScalingGroup: { instanceTypes: ['m5.large'], minSize: 2, maxSize: 2, launchDelay: '10s' } },
      sp: { autoScalingGroup: { instanceTypes: ['m5.large'], minSize: 3, maxSize: 3, launchDelay: '10s' } },
    };
    s.services.filler.placementConstraints = [{ type: 'memberOf', expression: 'attribute:ecs.availability-zone == us-east-1c' }];
    s.services.s = { taskDefinition: 't', ...service };
    extra(s);
    return s;
  }
  const providersAt = (r: Run, t: number): Record<string, number> => {
    const out: Record<string, number> = {};
    for (const row of r.tasks) {
      if (row.service === 's' && row.created <= t * 1000 && (row.stopped === null || row.stopped > t * 1000)) out[row.capacityProvider] = (out[row.capacityProvider] ?? 0) + 1;
    }
    return out;
  };

  it('the strategy prefers od, which has no instance in the emptiest AZ: the task starts on sp there', () => {
    // od base 2 weight 1, sp weight 1, 8 tasks: od s-1, s-2 (base), then od on ties (listed
    // first): s-3 od, s-4 sp, s-5 od, s-6 sp, s-7 od, s-8 sp -> od 5, sp 3; spread by AZ over
    // a and b: 4 and 4. At 360 s the next task would go to od (excess 3 each, tie: od), which
    // has no instance in us-east-1c; sp's i-5 there is free since 301 s: s-9 starts on it.
    const r = run(twoProviders({ desiredCount: 8, capacityProviderStrategy: [{ capacityProvider: 'od', base: 2, weight: 1 }, { capacityProvider: 'sp', weight: 1 }] }));
    const ev = rebalancing(r);
    expect(ev.slice(0, 4)).toEqual([
      [60, 'service s is not AZ balanced with 4 tasks in us-east-1a, 4 in us-east-1b, and 0 in us-east-1c. AZ Rebalancing in progress.'],
      // ecsim's note, provider by provider in the strategy's preference: od has nothing in c,
      // sp's i-5 has 2048 - 2048 CPU units free for a 256-unit task
      [
        60,
        'service s is unable to place a task in us-east-1c because no container instance met all of its requirements. ecsim: capacity provider od has no container instance in us-east-1c; ' +
          'capacity provider sp in us-east-1c: no container instance met all requirements: 1 rejected for RESOURCE:CPU; closest i-00000000000000005 (us-east-1c) lacks 256 CPU units.',
      ],
      [360, 'service s is not AZ balanced with 4 tasks in us-east-1a, 4 in us-east-1b, and 0 in us-east-1c. AZ Rebalancing in progress.'],
      [360, 's has started 1 tasks in us-east-1c to AZ Rebalance: s-9.'],
    ]);
    const s9 = r.tasks.find((t) => t.taskId === 's-9')!;
    expect([s9.capacityProvider, s9.instanceId, s9.created, s9.running]).toEqual(['sp', 'i-00000000000000005', 360_000, 370_000]);
    // healthy at 410 s: a task stops in us-east-1a (4 = 4, the first listed), then s-10 starts in c at 411 s
    // (RUNNING 421, healthy 461): one stops in b; balanced at 462 s
    expect(ev.slice(4).map(([t]) => t)).toEqual([410, 411, 461, 462]);
    expect(ev[7]).toEqual([462, 'service s is AZ balanced with 3 tasks in us-east-1a, 3 tasks in us-east-1b, and 2 tasks in us-east-1c.']);
    // each stop took an sp task (the started task's provider, which runs tasks in a and b): od 5, sp 3 as before
    expect(r.tasks.filter((t) => t.stopReason === 'az-rebalancing').map((t) => t.capacityProvider)).toEqual(['sp', 'sp']);
    expect(providersAt(r, 500)).toEqual({ od: 5, sp: 3 });
  });

  it('the split shifts by one when the AZ with the most tasks has none of the started task\'s provider; a scale out restores it', () => {
    // od base 4 weight 1, sp weight 1, 4 tasks: all od (base), a2 b2. At 360 s s-5 starts on
    // sp in c (od's excess 0 ties sp's: od first, nothing in c); healthy at 410 s, a task
    // stops in a (2 = 2, the first listed), an od one as sp has none there: od 3, sp 1
    // (splitTasks gives od 4, sp 0), a1 b2 c1 balanced at 411 s. minCapacity 6 at 480 s: the
    // two new tasks go by the strategy on the current counts: od (below base 4), then od
    // (weight 1 / (0 + 0.5) beats sp's 1 / (1 + 0.5)): od 5, sp 1, the split of 6 tasks.
    const r = run(
      twoProviders({
        desiredCount: 4,
        capacityProviderStrategy: [{ capacityProvider: 'od', base: 4, weight: 1 }, { capacityProvider: 'sp', weight: 1 }],
        autoScaling: { minCapacity: 4, maxCapacity: 6, scheduledActions: { u: { schedule: 'at(2026-01-05T00:08:00)', scalableTargetAction: { minCapacity: 6 } } } },
      }),
    );
    expect(providersAt(r, 350)).toEqual({ od: 4 });
    const s5 = r.tasks.find((t) => t.taskId === 's-5')!;
    expect([s5.capacityProvider, s5.availabilityZone, s5.created]).toEqual(['sp', 'us-east-1c', 360_000]);
    expect(providersAt(r, 470)).toEqual({ od: 3, sp: 1 });
    expect(byAz(r, 470)).toEqual({ 'us-east-1a': 1, 'us-east-1b': 2, 'us-east-1c': 1 });
    expect(r.tasks.filter((t) => t.created === 480_000).map((t) => t.capacityProvider)).toEqual(['od', 'od']);
    expect(providersAt(r, 485)).toEqual({ od: 5, sp: 1 });
  });

  it('the task stopped in the AZ with the most, none of the started task\'s provider there, is one a scale in would stop: not a base task', () => {
    // od base 5 weight 0, sp1 weight 1, sp2 weight 1, 9 tasks: od 5 (base), then sp1 and sp2 by
    // weight. sp1's two m5.large are in a and b only; sp2's c5.large in a and b are taken by
    // two fillers (2048 CPU units each, the instance's all), so its free one is in c. Steady
    // and unbalanced (4 in a: three od, one sp1), the started task goes to sp2 in c (sp1,
    // preferred on the tie, has no instance there). sp2 has no task in a: the stop is the
    // provider a scale in would take among od and sp1 there: od is at its base 5 with weight
    // 0, so sp1. Before, any task in a could go (od's s-3 did: od 4 of a base of 5).
    const s = scenario({}, (x) => {
      x.duration = '15m';
      x.cluster.capacityProviders = {
        od: { autoScalingGroup: { instanceTypes: ['m5.large'], minSize: 2, maxSize: 2, launchDelay: '10s' } },
        sp1: { autoScalingGroup: { instanceTypes: ['m5.large'], minSize: 2, maxSize: 2, launchDelay: '10s' } },
        sp2: { autoScalingGroup: { instanceTypes: ['c5.large'], minSize: 3, maxSize: 3, launchDelay: '10s' } },
      };
      const pin = (zone: string) => [{ type: 'memberOf', expression: `attribute:ecs.instance-type == c5.large and attribute:ecs.availability-zone == ${zone}` }];
      x.services = {
        fa: { taskDefinition: 'big', launchType: 'EC2', desiredCount: 1, placementConstraints: pin('us-east-1a') },
        fb: { taskDefinition: 'big', launchType: 'EC2', desiredCount: 1, placementConstraints: pin('us-east-1b') },
        s: {
          taskDefinition: 't',
          desiredCount: 9,
          capacityProviderStrategy: [
            { capacityProvider: 'od', base: 5, weight: 0 },
            { capacityProvider: 'sp1', weight: 1 },
            { capacityProvider: 'sp2', weight: 1 },
          ],
        },
      };
    });
    const r = run(s);
    const started = r.tasks.filter((t) => t.service === 's' && t.created > 0);
    expect(started.map((t) => [t.capacityProvider, t.availabilityZone])).toEqual([['sp2', 'us-east-1c']]);
    const stopped = r.tasks.filter((t) => t.stopReason === 'az-rebalancing');
    expect(stopped.map((t) => [t.capacityProvider, t.availabilityZone])).toEqual([['sp1', 'us-east-1a']]);
    expect(providersAt(r, 900)).toEqual({ od: 5, sp1: 1, sp2: 3 });
  });

  it('the preferred provider has an instance in the emptiest AZ but it is full: the next provider of the preference is tried there', () => {
    // od and sp each have three m5.large, one per AZ. A filler of od's (memberOf c) takes all
    // 2048 CPU units of od's us-east-1c instance for the whole run; the filler of sp's takes
    // sp's us-east-1c instance until 300 s. s (od base 2 weight 1, sp weight 1, 8 tasks): od 5,
    // sp 3, spread over a and b (c is full): 4 and 4. At 360 s the next task would go to od
    // (excess 3 each, tie: od, listed first): od's c instance cannot take 256 CPU units, so
    // sp is tried next, whose c instance is free since 301 s: s-9 starts on sp in us-east-1c.
    const r = run(
      twoProviders({ desiredCount: 8, capacityProviderStrategy: [{ capacityProvider: 'od', base: 2, weight: 1 }, { capacityProvider: 'sp', weight: 1 }] }, (x) => {
        x.cluster.capacityProviders.od.autoScalingGroup = { ...x.cluster.capacityProviders.od.autoScalingGroup, minSize: 3, maxSize: 3 };
        const inC = [{ type: 'memberOf', expression: 'attribute:ecs.availability-zone == us-east-1c' }];
        const { launchType: _drop, ...filler } = x.services.filler;
        x.services = {
          odFiller: { taskDefinition: 'big', desiredCount: 1, capacityProviderStrategy: [{ capacityProvider: 'od', weight: 1 }], placementConstraints: inC },
          filler: { ...filler, capacityProviderStrategy: [{ capacityProvider: 'sp', weight: 1 }], placementConstraints: inC },
          s: x.services.s,
        };
      }),
    );
    expect(providersAt(r, 350)).toEqual({ od: 5, sp: 3 });
    expect(byAz(r, 350)).toEqual({ 'us-east-1a': 4, 'us-east-1b': 4, 'us-east-1c': 0 });
    const ev = rebalancing(r);
    expect(ev.filter(([t]) => t === 360)).toEqual([
      [360, 'service s is not AZ balanced with 4 tasks in us-east-1a, 4 in us-east-1b, and 0 in us-east-1c. AZ Rebalancing in progress.'],
      [360, 's has started 1 tasks in us-east-1c to AZ Rebalance: s-9.'],
    ]);
    const s9 = r.tasks.find((t) => t.taskId === 's-9')!;
    expect([s9.capacityProvider, s9.availabilityZone, s9.created]).toEqual(['sp', 'us-east-1c', 360_000]);
  });

  it('the stop among the other providers in the AZ with the most weighs their service-wide counts, as a scale in does', () => {
    // AZs a and b. B and A: two m5.large each (a, b), C: one (a). Fillers (2048 CPU units,
    // the instance's all) take B's and A's instances in a for the whole run. s: strategy
    // [B w1, A w1, C w1], 4 tasks: B (tie, first listed), A, C, B -> B 2, A 1, C 1; B's and
    // A's in b (their a instances are full), C's in a: a1 b3. At 60 s the next task prefers
    // A (w / (e + 0.5): B 1/2.5, A 1/1.5, C 1/1.5, tie to the first listed), whose a
    // instance is full, then C: s-5 starts on C in a. Healthy at 110 s: b has the most (3,
    // a 2 with s-5), and no C task there, so the stop is on the provider a scale in would
    // take among B and A: the lowest w / (2e - 1) with e the service's count on it: B 1/3,
    // A 1/1 -> B. (With 1 for each count, a tie, A would go: listed later.)
    const s = scenario({}, (x) => {
      x.cluster.availabilityZones = ['us-east-1a', 'us-east-1b'];
      const asg = (n: number) => ({ autoScalingGroup: { instanceTypes: ['m5.large'], minSize: n, maxSize: n, launchDelay: '10s' } });
      x.cluster.capacityProviders = { B: asg(2), A: asg(2), C: asg(1) };
      const inA = [{ type: 'memberOf', expression: 'attribute:ecs.availability-zone == us-east-1a' }];
      x.services = {
        fB: { taskDefinition: 'big', desiredCount: 1, capacityProviderStrategy: [{ capacityProvider: 'B', weight: 1 }], placementConstraints: inA },
        fA: { taskDefinition: 'big', desiredCount: 1, capacityProviderStrategy: [{ capacityProvider: 'A', weight: 1 }], placementConstraints: inA },
        s: {
          taskDefinition: 't',
          desiredCount: 4,
          capacityProviderStrategy: [
            { capacityProvider: 'B', weight: 1 },
            { capacityProvider: 'A', weight: 1 },
            { capacityProvider: 'C', weight: 1 },
          ],
        },
      };
    });
    const r = run(s);
    const initial = ['s-1', 's-2', 's-3', 's-4'].map((id) => r.tasks.find((t) => t.taskId === id)!);
    expect(initial.map((t) => [t.taskId, t.capacityProvider, t.availabilityZone])).toEqual([
      ['s-1', 'B', 'us-east-1b'],
      ['s-2', 'A', 'us-east-1b'],
      ['s-3', 'C', 'us-east-1a'],
      ['s-4', 'B', 'us-east-1b'],
    ]);
    const s5 = r.tasks.find((t) => t.taskId === 's-5')!;
    expect([s5.capacityProvider, s5.availabilityZone, s5.created]).toEqual(['C', 'us-east-1a', 60_000]);
    const stopped = r.tasks.filter((t) => t.stopReason === 'az-rebalancing');
    expect(stopped.map((t) => [t.capacityProvider, t.availabilityZone, t.stopped])).toEqual([['B', 'us-east-1b', 111_000]]);
    expect(providersAt(r, 500)).toEqual({ B: 1, A: 1, C: 2 });
  });

  it('launchType EC2 over two groups: the task stopped in the AZ with the most is on the started task\'s capacity provider', () => {
    // AZs a and b; groups P and Q, two m5.large each (a, b). Fillers: 1792 of P's a
    // instance's 2048 CPU units (room for one 256-unit task), all of Q's b instance (the
    // whole run) and of P's b instance (until 300 s, STOPPED 301 s). s (launchType EC2,
    // 4 tasks) spreads over a's instances: one on P's (full then), three on Q's: a4 b0. At
    // 360 s s-5 starts in b on P's instance (the only one with room). Healthy at 410 s: a has
    // the most; the stop is on the started task's provider P, its one task there (not one
    // of Q's three, which spread by instance would stop). a3 b1, the operation goes on: at
    // 411 s s-6 starts on P in b again (as s-10 in the first test of this block); healthy at 461 s,
    // a has no P task left: one of Q's stops. a2 b2.
    const s = scenario({}, (x) => {
      x.cluster.availabilityZones = ['us-east-1a', 'us-east-1b'];
      const asg = { autoScalingGroup: { instanceTypes: ['m5.large'], minSize: 2, maxSize: 2, launchDelay: '10s' } };
      x.cluster.capacityProviders = { P: asg, Q: asg };
      x.taskDefinitions.most = { cpu: 1792, memory: 256, startup: { imagePull: FIXED(5), containerStart: FIXED(5) } };
      const inZone = (z: string) => [{ type: 'memberOf', expression: `attribute:ecs.availability-zone == us-east-1${z}` }];
      const on = (provider: string) => [{ capacityProvider: provider, weight: 1 }];
      const { launchType: _drop, ...filler } = x.services.filler;
      x.services = {
        fPa: { taskDefinition: 'most', desiredCount: 1, capacityProviderStrategy: on('P'), placementConstraints: inZone('a') },
        fPb: { ...filler, capacityProviderStrategy: on('P'), placementConstraints: inZone('b') },
        fQb: { taskDefinition: 'big', desiredCount: 1, capacityProviderStrategy: on('Q'), placementConstraints: inZone('b') },
        s: { taskDefinition: 't', launchType: 'EC2', desiredCount: 4 },
      };
    });
    const r = run(s);
    const ours = r.tasks.filter((t) => t.service === 's');
    const initial = ['s-1', 's-2', 's-3', 's-4'];
    expect(ours.filter((t) => initial.includes(t.taskId)).map((t) => [t.capacityProvider, t.availabilityZone]).sort()).toEqual([
      ['P', 'us-east-1a'],
      ['Q', 'us-east-1a'],
      ['Q', 'us-east-1a'],
      ['Q', 'us-east-1a'],
    ]);
    expect(ours.filter((t) => !initial.includes(t.taskId)).map((t) => [t.taskId, t.capacityProvider, t.availabilityZone, t.created])).toEqual([
      ['s-5', 'P', 'us-east-1b', 360_000],
      ['s-6', 'P', 'us-east-1b', 411_000],
    ]);
    const stopped = ours.filter((t) => t.stopReason === 'az-rebalancing');
    expect(stopped.map((t) => [t.capacityProvider, t.availabilityZone, t.stopped])).toEqual([
      ['P', 'us-east-1a', 411_000],
      ['Q', 'us-east-1a', 462_000],
    ]);
    expect(byAz(r, 500)).toEqual({ 'us-east-1a': 2, 'us-east-1b': 2, 'us-east-1c': 0 });
  });

  it('the placement failure names a provider of the strategy it did not try: weight 0 at its base', () => {
    // od base 2 weight 0 (instances in a, b, c), sp weight 1 (a and b only), 8 tasks: od's
    // two base tasks and sp's six in a and b, none in c. The next task goes to sp alone (od
    // takes none beyond its base), which has no instance in c: nothing can start there.
    const r = run(
      twoProviders({ desiredCount: 8, capacityProviderStrategy: [{ capacityProvider: 'od', base: 2, weight: 0 }, { capacityProvider: 'sp', weight: 1 }] }, (x) => {
        x.cluster.capacityProviders.od.autoScalingGroup = { ...x.cluster.capacityProviders.od.autoScalingGroup, minSize: 3, maxSize: 3 };
        x.cluster.capacityProviders.sp.autoScalingGroup = { ...x.cluster.capacityProviders.sp.autoScalingGroup, minSize: 2, maxSize: 2 };
        delete x.services.filler;
      }),
    );
    expect(rebalancing(r)[1]).toEqual([
      60,
      'service s is unable to place a task in us-east-1c because no container instance met all of its requirements. ecsim: capacity provider sp has no container instance in us-east-1c; ' +
        'capacity provider od (weight 0) takes no task beyond its base 2.',
    ]);
  });
});
