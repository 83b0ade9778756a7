// Capacity providers end to end (aws-behaviour.md §6, §7, §10): managed scaling from
// zero, target capacity headroom, termination protection, base/weight split, Fargate cost,
// Fargate Spot replacement. Expectations worked out by hand.

import { describe, it, expect } from 'vitest';
import { loadScenarioObject } from '../../src/scenario/index.js';
import { runSimulation, type EventRecord, type TaskRow, type CapacityRow } from '../../src/sim/index.js';
import { runKeepingRows } from '../helpers.js';

function scenario(overrides: (s: any) => void = () => {}) {
  const s: any = {
    name: 'cap',
    duration: '2h',
    cluster: {
      availabilityZones: ['us-east-1a', 'us-east-1b', 'us-east-1c'],
      capacityProviders: {
        asg: {
          autoScalingGroup: { instanceTypes: ['m5.large'], minSize: 0, maxSize: 20, desiredCapacity: 0, launchDelay: '90s' },
          managedScaling: { status: 'ENABLED', targetCapacity: 100, instanceWarmupPeriod: '300s' },
          managedTerminationProtection: 'ENABLED',
        },
      },
      defaultCapacityProviderStrategy: [{ capacityProvider: 'asg', weight: 1 }],
    },
    taskDefinitions: {
      // bridge mode: no ENI per task, so CPU decides the packing (2048 / 512 = 4 per m5.large)
      web: { cpu: 512, memory: 1024, networkMode: 'bridge', startup: { imagePull: '10s', containerStart: '2s' } },
    },
    services: { web: { taskDefinition: 'web', desiredCount: 10 } },
  };
  overrides(s);
  return loadScenarioObject('cap', s, { baseDir: '.' });
}

function run(s: ReturnType<typeof scenario>, seed = 1) {
  const events: EventRecord[] = [];
  const tasks: TaskRow[] = [];
  const capacity: CapacityRow[] = [];
  const r = runSimulation(s, { event: (e) => events.push(e), timeseries: () => {}, capacity: (c) => capacity.push(c), task: (t) => tasks.push(t) }, { seed, checkTallies: true });
  return { ...r, events, tasks, capacity };
}

describe('managed scaling from zero (ECS cluster auto scaling)', () => {
  it('N = 0 with tasks waiting gives reservation 200; ends with ceil(10 tasks / 4 per instance) = 3 instances at targetCapacity 100', () => {
    const r = run(scenario());
    expect(r.capacity[0].capacityProviderReservation).toBe(200);
    const last = r.capacity[r.capacity.length - 1];
    expect(last.instancesRunning).toBe(3);
    expect(last.tasksRunning).toBe(10);
    expect(last.capacityProviderReservation).toBe(100);
  });

  it('targetCapacity 80 keeps headroom: ceil(3 / 0.80) = 4 instances', () => {
    const r = run(scenario((s) => (s.cluster.capacityProviders.asg.managedScaling.targetCapacity = 80)));
    const last = r.capacity[r.capacity.length - 1];
    expect(last.instancesRunning).toBe(4);
    expect(last.capacityProviderReservation).toBe(75); // M/N = 3/4
  });

  it('termination protection: scale in removes only instances without service tasks', () => {
    const r = run(
      scenario((s) => {
        s.duration = '5h';
        s.services.web.desiredCount = 12;
        s.services.web.autoScaling = {
          minCapacity: 2,
          maxCapacity: 12,
          scheduledActions: { shrink: { schedule: 'at(2026-01-05T01:30:00)', scalableTargetAction: { maxCapacity: 2 } } },
        };
      }),
    );
    // the service went down to 2 tasks; instances were terminated, none with tasks on them
    expect(r.events.some((e) => e.type === 'instance-terminated')).toBe(true);
    expect(r.tasks.filter((t) => t.stopReason === 'instance-terminated' || t.stopReason === 'instance-drained')).toEqual([]);
    const last = r.capacity[r.capacity.length - 1];
    expect(last.tasksRunning).toBe(2);
    expect(last.instancesRunning).toBeLessThanOrEqual(2);
    // events.csv tells the cause before the effect: the group's scaling activity comes
    // before the termination it causes at the same instant (it used to come after)
    const i = r.events.findIndex((e) => e.type === 'instance-terminated');
    const sameInstantBefore = r.events.slice(0, i).filter((e) => e.time === r.events[i].time);
    expect(sameInstantBefore.some((e) => e.type === 'scaling-activity' && e.subject === 'asg')).toBe(true);
  });
});

describe('managed scaling: tasks too large for the smallest instance type (managed-scaling-behavior.html)', () => {
  // m5.large registers 2048 CPU units, so a 4096-unit task fits only the m5.2xlarge. ECS
  // leaves such tasks out of M: with nothing else waiting, M = N = 0 and the reservation is
  // 100 (at target), so the group does not launch instances that could not run them anyway.
  /** `count` tasks of `cpu` units / `memory` MiB on a group of `types`, for `duration`. */
  const sized = (types: string[], cpu: number, memory: number, count: number, more: (s: any) => void = () => {}, duration = '30m') =>
    scenario((s) => {
      s.duration = duration;
      s.cluster.capacityProviders.asg.autoScalingGroup.instanceTypes = types;
      s.taskDefinitions.web = { ...s.taskDefinitions.web, cpu, memory };
      s.services.web.desiredCount = count;
      more(s);
    });
  const big = (types: string[]) => sized(types, 4096, 8192, 6);

  it('with m5.large among the types, the tasks drive no scale out', () => {
    const r = run(big(['m5.large', 'm5.2xlarge']));
    expect(r.capacity.every((c) => c.capacityProviderReservation === 100)).toBe(true);
    expect(r.events.filter((e) => e.type === 'instance-launched')).toEqual([]);
  });

  it('the smallest of each resource, not one smallest type: 12 GiB fits r5.large (16 GiB) and m5.2xlarge (32 GiB) but not c5.xlarge (8 GiB), so it drives no scale out', () => {
    const r = run(sized(['r5.large', 'c5.xlarge', 'm5.2xlarge'], 1024, 12288, 2));
    expect(r.events.filter((e) => e.type === 'instance-launched')).toEqual([]);
  });

  it('with every waiting task too large for the smallest type, the metric stays at targetCapacity (80, not 100 or 200) and nothing launches', () => {
    const r = run(sized(['m5.large', 'm5.2xlarge'], 4096, 8192, 6, (s) => (s.cluster.capacityProviders.asg.managedScaling.targetCapacity = 80)));
    expect(r.capacity.every((c) => c.capacityProviderReservation === 80)).toBe(true);
    expect(r.events.filter((e) => e.type === 'instance-launched')).toEqual([]);
  });

  it('M is counted on the most of each resource: 6 tasks of 2048 CPU / 12 GiB on [c5.2xlarge (8 vCPU, 16 GiB), r5.xlarge (4 vCPU, 32 GiB)] fit 2 to an instance of 8 vCPU and 32 GiB (memory decides): M = ceil(6 / 2) = 3', () => {
    const r = run(sized(['c5.2xlarge', 'r5.xlarge'], 2048, 12288, 6, undefined, '10m'));
    // (on the c5.2xlarge alone, the type with the most vCPU, one task per instance: M = 6)
    const out = r.events.find((e) => e.type === 'scaling-activity' && e.subject === 'asg');
    expect(out?.message).toContain('M=3 N=0');
  });

  it('with only m5.2xlarge, the same tasks scale the group out from zero (reservation 200)', () => {
    const r = run(big(['m5.2xlarge']));
    expect(r.capacity[0].capacityProviderReservation).toBe(200);
    expect(r.events.some((e) => e.type === 'instance-launched')).toBe(true);
  });
});

describe('managed scaling: static host ports in the estimate (managed-scaling-behavior.html: "accounts for ... ports")', () => {
  it('8 tasks on hostPort 80 need 8 instances: from zero to 2, then straight to 8 after the warm-up', () => {
    const r = run(
      scenario((s) => {
        s.duration = '1h';
        s.taskDefinitions.web = { ...s.taskDefinitions.web, cpu: 256, memory: 512, containerDefinitions: { app: { cpu: 256, memory: 512, portMappings: [{ containerPort: 8080, hostPort: 80 }] } } };
        s.services.web.desiredCount = 8;
      }),
    );
    // By CPU and memory the 8 tasks fit one m5.large; by port 80 each needs its own. Two
    // scale outs: 0 -> 2 (from zero), then M = 2 busy + 6 waiting = 8 -> 8 in one step.
    const launches = r.events.filter((e) => e.type === 'scaling-activity' && e.subject === 'asg');
    expect(launches.map((e) => e.message)).toHaveLength(2);
    expect(launches[1].message).toContain('-> 8');
    const last = r.capacity[r.capacity.length - 1];
    expect(last.instancesRunning).toBe(8);
    expect(last.tasksRunning).toBe(8);
  });
});

describe('capacity provider strategy (aws-behaviour.md §7)', () => {
  it('base 2 on A, weight 1 on A and 3 on B: 10 tasks -> A 2 + 2, B 6', () => {
    const r = run(
      scenario((s) => {
        s.cluster.capacityProviders.b = structuredClone(s.cluster.capacityProviders.asg);
        s.services.web.capacityProviderStrategy = [
          { capacityProvider: 'asg', base: 2, weight: 1 },
          { capacityProvider: 'b', weight: 3 },
        ];
      }),
    );
    const byProvider = new Map<string, number>();
    for (const t of r.tasks) byProvider.set(t.capacityProvider, (byProvider.get(t.capacityProvider) ?? 0) + 1);
    expect(Object.fromEntries(byProvider)).toEqual({ asg: 4, b: 6 });
  });
});

describe('Fargate (aws-behaviour.md §10)', () => {
  const fargate = (spot: boolean) =>
    scenario((s) => {
      s.duration = '1h';
      s.cluster.capacityProviders = { FARGATE: { provisioningDelay: 0 }, FARGATE_SPOT: { provisioningDelay: 0 } };
      delete s.cluster.defaultCapacityProviderStrategy;
      s.taskDefinitions.web = { cpu: 512, memory: 1024, networkMode: 'awsvpc', requiresCompatibilities: ['FARGATE'], startup: { imagePull: 0, containerStart: 0 } };
      s.services.web = { taskDefinition: 'web', desiredCount: 4, capacityProviderStrategy: [{ capacityProvider: spot ? 'FARGATE_SPOT' : 'FARGATE', weight: 1 }] };
    });

  it('4 tasks of 0.5 vCPU / 1 GB for one hour: 4 x (0.5 x 0.04048 + 1 x 0.004445) = 0.09874 USD', () => {
    const r = run(fargate(false));
    expect(r.summary.cost.byProvider.FARGATE).toBeCloseTo(0.09874, 5);
    expect(Math.round(r.summary.cost.total * 100) / 100).toBe(0.1);
  });

  it('pricing.fargate overrides X86_64 tasks; ARM64 tasks take pricing.fargate.arm64 (else the ARM list price)', () => {
    const arm = (pricing: object) =>
      scenario((s) => {
        s.duration = '1h';
        s.pricing = pricing;
        s.cluster.capacityProviders = { FARGATE: { provisioningDelay: 0 } };
        delete s.cluster.defaultCapacityProviderStrategy;
        s.taskDefinitions.web = { cpu: 512, memory: 1024, networkMode: 'awsvpc', requiresCompatibilities: ['FARGATE'], runtimePlatform: { cpuArchitecture: 'ARM64' }, startup: { imagePull: 0, containerStart: 0 } };
        s.services.web = { taskDefinition: 'web', desiredCount: 4, capacityProviderStrategy: [{ capacityProvider: 'FARGATE', weight: 1 }] };
      });
    // ARM list price: 4 x (0.5 x 0.03238 + 1 x 0.00356) = 0.07900, whatever the x86 override
    expect(run(arm({ fargate: { vcpuHour: 1, gbHour: 1 } })).summary.cost.byProvider.FARGATE).toBeCloseTo(0.079, 5);
    // ARM override: 4 x (0.5 x 0.02 + 1 x 0.002) = 0.048
    expect(run(arm({ fargate: { arm64: { vcpuHour: 0.02, gbHour: 0.002 } } })).summary.cost.byProvider.FARGATE).toBeCloseTo(0.048, 5);
  });

  it('Fargate Spot at the modelled 70 % discount: 0.09874 x 0.30', () => {
    const r = run(fargate(true));
    expect(r.summary.cost.byProvider.FARGATE_SPOT).toBeCloseTo(0.09874 * 0.3, 5);
  });

  it('a Spot interruption is the SIGTERM: the task stops when its containers exit (by stopTimeout, within the 2-minute notice), and the service replaces it', () => {
    const stopsAfter = (shutdownS: number, stopTimeoutS: number) => {
      const s = fargate(true);
      (s.providers.get('FARGATE_SPOT')!.config as any).interruptions = { meanTimeBetween: 20 * 60_000 };
      Object.assign(s.taskDefinitions.get('web')!.config, { shutdown: { distribution: 'fixed', value: shutdownS * 1000 }, stopTimeout: stopTimeoutS * 1000 });
      const r = run(s);
      const notices = r.events.filter((e) => e.type === 'spot-interruption');
      expect(notices.length).toBeGreaterThan(0);
      const stops = new Set<number>();
      for (const n of notices) {
        const row = r.tasks.find((t) => t.taskId === n.subject)!;
        // a task noticed in the run's last 2 minutes may still be stopping when it ends (1 h)
        if (row.stopped === null) {
          expect(n.time).toBeGreaterThan(3_600_000 - 120_000);
          continue;
        }
        expect(row.stopReason).toBe('spot-interruption');
        stops.add(row.stopped - n.time);
      }
      return stops;
    };
    expect(stopsAfter(1, 30)).toEqual(new Set([1000])); // exits on SIGTERM after 1 s
    expect(stopsAfter(60, 30)).toEqual(new Set([30_000])); // SIGKILL at stopTimeout
    expect(stopsAfter(300, 200)).toEqual(new Set([120_000])); // reclaimed at the end of the notice
    const s = fargate(true);
    (s.providers.get('FARGATE_SPOT')!.config as any).interruptions = { meanTimeBetween: 20 * 60_000 };
    const r = run(s);
    const notices = r.events.filter((e) => e.type === 'spot-interruption');
    // the service started one replacement per interruption, at the warning
    expect(r.tasks.length).toBe(4 + notices.length);
    expect((r.summary.services.web as any).spotInterruptions).toBe(notices.length);
  });

  it('EC2 Spot: spotInterruptions counts the tasks running on an instance at its interruption notice', () => {
    const r = run(
      scenario((s) => {
        s.duration = '3h';
        Object.assign(s.cluster.capacityProviders.asg.autoScalingGroup, { purchaseOption: 'spot', spotInterruptions: { meanTimeBetween: '45m' } });
      }),
    );
    const notices = r.events.filter((e) => e.type === 'spot-interruption');
    expect(notices.length).toBeGreaterThan(0);
    // the tasks on each noticed instance that had not been told to stop at the notice
    let interrupted = 0;
    for (const n of notices) interrupted += r.tasks.filter((t) => t.instanceId === n.subject && t.running !== null && t.running <= n.time && (t.stopped === null || t.stopped > n.time) && t.stopReason !== 'scale-in').length;
    expect(interrupted).toBeGreaterThan(0);
    expect((r.summary.services.web as any).spotInterruptions).toBe(interrupted);
  });

  it('EC2 Spot: cost_to_date never drops, though instances interrupted in their first hour are not charged', () => {
    const r = run(
      scenario((s) => {
        s.duration = '3h';
        Object.assign(s.cluster.capacityProviders.asg.autoScalingGroup, { purchaseOption: 'spot', spotInterruptions: { meanTimeBetween: '45m' } });
      }),
    );
    const launched = new Map(r.events.filter((e) => e.type === 'instance-launched').map((e) => [e.subject, e.time]));
    const freeOnes = r.events.filter((e) => e.type === 'instance-terminated' && /not charged/.test(e.message));
    for (const e of freeOnes) expect(e.time - launched.get(e.subject)!).toBeLessThan(3_600_000);
    expect(freeOnes.length).toBeGreaterThan(0);
    const rows = r.capacity.filter((c) => c.capacityProvider === 'asg');
    for (let k = 1; k < rows.length; k++) expect(rows[k].costToDate).toBeGreaterThanOrEqual(rows[k - 1].costToDate);
    // the summary bills every instance by itself: m5.large Spot at 0.096 x 0.35 per hour, per
    // second with a 60 s minimum, the ones interrupted by EC2 in their first hour at nothing
    // (also one still under its notice at the end whose termination 2 min later falls in
    // its first hour, if the draws give one: the seed's notices decide; that case is pinned
    // by 'an EC2 Spot instance under an interruption notice when the run ends' below)
    const rate = (0.096 * 0.35) / 3_600_000;
    const ended = new Map(r.events.filter((e) => e.type === 'instance-terminated').map((e) => [e.subject, e]));
    const noticed = new Map(r.events.filter((e) => e.type === 'spot-interruption').map((e) => [e.subject, e.time]));
    let expected = 0;
    for (const [id, t0] of launched) {
      const end = ended.get(id);
      if (end && /not charged/.test(end.message)) continue;
      if (!end && noticed.has(id) && noticed.get(id)! + 120_000 - t0 < 3_600_000) continue;
      const ms = (end ? end.time : 3 * 3_600_000) - t0;
      expected += rate * Math.max(60_000, Math.ceil(ms / 1000) * 1000);
    }
    expect(r.summary.cost.byProvider.asg).toBeCloseTo(expected, 6);
  });

  it('EC2 Spot draining is off by default, as in ECS: the tasks run until the instance terminates 2 minutes after the notice; with spotInstanceDraining they are stopped at the notice', () => {
    const spotRun = (draining?: boolean) =>
      run(
        scenario((s) => {
          s.duration = '3h';
          Object.assign(s.cluster.capacityProviders.asg.autoScalingGroup, { purchaseOption: 'spot', spotInterruptions: { meanTimeBetween: '45m' } });
          if (draining !== undefined) s.cluster.capacityProviders.asg.autoScalingGroup.spotInstanceDraining = draining;
        }),
      );
    // the tasks on the first noticed instance that were running at the notice
    const onFirstNotice = (r: ReturnType<typeof spotRun>) => {
      const n = r.events.find((e) => e.type === 'spot-interruption')!;
      return { n, tasks: r.tasks.filter((t) => t.instanceId === n.subject && t.running !== null && t.running <= n.time && (t.stopped === null || t.stopped > n.time)) };
    };
    const off = onFirstNotice(spotRun());
    expect(off.n.message).toMatch(/Spot instance draining is off/);
    expect(off.tasks.length).toBeGreaterThan(0);
    for (const t of off.tasks) expect([t.stopped, t.stopReason]).toEqual([off.n.time + 120_000, 'spot-interruption']);
    const drainingAt = (r: ReturnType<typeof spotRun>, n: EventRecord) => r.events.filter((e) => e.type === 'instance-draining' && e.subject === n.subject).map((e) => e.time);
    expect(drainingAt(spotRun(), off.n)).toEqual([]);
    const onRun = spotRun(true);
    const on = onFirstNotice(onRun);
    expect(on.n.message).toMatch(/draining its tasks/);
    // set DRAINING at the notice: its tasks are replaced elsewhere under the deployment configuration
    expect(drainingAt(onRun, on.n)).toEqual([on.n.time]);
    expect(on.tasks.some((t) => t.stopped! < on.n.time + 120_000)).toBe(true);
  });
});

describe('EC2 Spot draining against a long deregistration delay', () => {
  // minimumHealthyPercent 0: the tasks on a noticed instance are stopped at the notice (no
  // wait for healthy replacements), so each running one goes DEACTIVATING then. EC2
  // terminates the instance 2 minutes after the notice (spot-instance-draining-linux-container.html).
  const spotDrain = (delay: string, seed = 1) =>
    run(
      scenario((s) => {
        s.duration = '3h';
        Object.assign(s.cluster.capacityProviders.asg.autoScalingGroup, { purchaseOption: 'spot', spotInterruptions: { meanTimeBetween: '45m' }, spotInstanceDraining: true });
        s.services.web.loadBalancer = { deregistrationDelay: delay };
        // requests: the targets in rotation hold connections, so a deregistering one drains the whole delay
        s.services.web.workload = { requestRate: 30, perTask: { capacityRps: 100 } };
        s.services.web.deploymentConfiguration = { minimumHealthyPercent: 0, maximumPercent: 200 };
        s.taskDefinitions.web.stopTimeout = '10m';
        s.taskDefinitions.web.shutdown = '1s';
      }),
      seed,
    );
  /**
   * The tasks running on a noticed instance at its notice, with the notice time; not one
   * already stopping then (AZ rebalancing, the only other stop here, stopped it before the
   * notice): that one keeps its own stop, or is killed with the instance 120 s after the
   * notice if its drain lasts longer.
   */
  const atNotices = (r: ReturnType<typeof spotDrain>) =>
    r.events
      .filter((e) => e.type === 'spot-interruption')
      .flatMap((n) => r.tasks.filter((t) => t.instanceId === n.subject && t.running !== null && t.running <= n.time && (t.stopped === null || t.stopped > n.time)).map((t) => ({ t, n: n.time })))
      .filter(({ t, n }) => {
        const rebalanced = r.events.find((e) => e.type === 'az-rebalancing' && e.time < n && e.message.endsWith(`due to AZ rebalancing: ${t.taskId}.`));
        if (rebalanced && t.stopReason !== 'az-rebalancing') expect([t.stopReason, t.stopped], t.taskId).toEqual(['spot-interruption', n + 120_000]);
        return !rebalanced;
      });

  // A target in rotation (healthy) took requests and drains the whole delay. The target group
  // checks every 30 s and a new target is healthy after one passing check, 30 s after RUNNING
  // at the earliest, so one RUNNING less than 30 s at the notice was never in rotation (the
  // others are healthy: nothing fails open to it): never sent a request, it has no
  // connection and deregisters at once ("If a deregistering target has no in-flight requests
  // and no active connections, Elastic Load Balancing immediately completes the deregistration
  // process", edit-target-group-attributes.html#deregistration-delay): STOPPED after its 1 s
  // shutdown. One RUNNING 300 s or more was in rotation (its application starts at once).
  const inRotation = (on: ReturnType<typeof atNotices>) => on.filter(({ t, n }) => n - t.running! >= 300_000);
  const neverHealthy = (on: ReturnType<typeof atNotices>) => on.filter(({ t, n }) => n - t.running! < 30_000);

  it('deregistration delay 300 s: each task in rotation is still DEACTIVATING when the instance terminates 120 s after the notice, killed then with stop_reason spot-interruption (not instance-drained)', () => {
    const on = atNotices(spotDrain('300s'));
    expect(inRotation(on).length).toBeGreaterThan(0);
    for (const { t, n } of inRotation(on)) {
      if (n + 120_000 > 3 * 3_600_000) continue; // terminated after the end of the run
      expect([t.stopped, t.stopReason]).toEqual([n + 120_000, 'spot-interruption']);
    }
  });

  it('deregistration delay 60 s: each task in rotation finishes its drain in time, STOPPED 60 s + its 1 s shutdown after the notice (instance-drained)', () => {
    const on = atNotices(spotDrain('60s'));
    expect(inRotation(on).length).toBeGreaterThan(0);
    for (const { t, n } of inRotation(on)) {
      if (n + 61_000 > 3 * 3_600_000) continue;
      expect([t.stopped, t.stopReason]).toEqual([n + 61_000, 'instance-drained']);
    }
  });

  it('a task never in rotation skips the delay: STOPPED 1 s (its shutdown) after the notice', () => {
    // a task RUNNING less than 30 s at a notice is a matter of the draws: seeds 1-8 hold some
    const never = [1, 2, 3, 4, 5, 6, 7, 8].flatMap((seed) => [...neverHealthy(atNotices(spotDrain('300s', seed))), ...neverHealthy(atNotices(spotDrain('60s', seed)))]);
    expect(never.length).toBeGreaterThan(0);
    for (const { t, n } of never) expect([t.stopped, t.stopReason]).toEqual([n + 1000, 'instance-drained']);
  });
});

describe('billing for interrupted EC2 Spot instances (AWSEC2/latest/UserGuide/billing-for-interrupted-spot-instances.html)', () => {
  // m5.large Spot: 0.096 x (1 - 0.65) = 0.0336 USD/h, per second, 60 s minimum
  const RATE = 0.0336 / 3_600_000; // USD per ms
  const billed = (ms: number) => Math.max(60_000, Math.ceil(ms / 1000) * 1000) * RATE;

  it('an instance EC2 interrupts in its first hour is not charged; after the first hour it is charged per second used', () => {
    const r = run(
      scenario((s) => {
        s.duration = '6h';
        Object.assign(s.cluster.capacityProviders.asg, { managedScaling: undefined, managedTerminationProtection: 'DISABLED' });
        Object.assign(s.cluster.capacityProviders.asg.autoScalingGroup, { minSize: 1, maxSize: 1, desiredCapacity: 1, purchaseOption: 'spot', spotInterruptions: { meanTimeBetween: '50m' } });
        s.services.web.desiredCount = 1;
      }),
    );
    const launched = new Map(r.events.filter((e) => e.type === 'instance-launched').map((e) => [e.subject, e.time]));
    const ended = new Map(r.events.filter((e) => e.type === 'instance-terminated').map((e) => [e.subject, e.time]));
    let expected = 0;
    let free = 0;
    let charged = 0;
    for (const [id, start] of launched) {
      const end = ended.get(id) ?? 6 * 3_600_000; // still running at the end: billed to the end
      if (ended.has(id) && end - start < 3_600_000) free++;
      else {
        if (ended.has(id)) charged++;
        expected += billed(end - start);
      }
    }
    // the seed gives both kinds of interruption
    expect([free > 0, charged > 0]).toEqual([true, true]);
    expect(r.summary.cost.byProvider.asg).toBeCloseTo(expected, 6);
    expect(r.events.filter((e) => e.type === 'instance-terminated' && /not charged/.test(e.message))).toHaveLength(free);
    // capacity.csv's cost_to_date ends where the summary does (the last instance ran over 60 s),
    // less an instance still in its first hour at the end: it is held out of cost_to_date
    // until it is sure to be charged, and the summary charges it (the run is over)
    const held = [...launched].filter(([id, start]) => !ended.has(id) && 6 * 3_600_000 - start < 3_600_000);
    const heldCost = held.reduce((sum, [, start]) => sum + billed(6 * 3_600_000 - start), 0);
    expect(r.capacity[r.capacity.length - 1].costToDate).toBeCloseTo(r.summary.cost.total - heldCost, 5);
  });

  it('a Spot instance the group itself terminates (managed scaling scale in) in its first hour is charged per second', () => {
    const r = run(
      scenario((s) => {
        s.duration = '1h';
        Object.assign(s.cluster.capacityProviders.asg, { managedTerminationProtection: 'DISABLED' });
        Object.assign(s.cluster.capacityProviders.asg.autoScalingGroup, { desiredCapacity: 3, purchaseOption: 'spot' });
        s.services.web.desiredCount = 1;
      }),
    );
    const ends = r.events.filter((e) => e.type === 'instance-terminated');
    expect(ends.length).toBeGreaterThan(0);
    // managed scaling's scale in (an empty instance at once, one with the task after managed
    // draining): terminated by the group, not interrupted by EC2
    expect(ends.every((e) => /terminated: (drained|scale in) /.test(e.message) && !/not charged/.test(e.message))).toBe(true);
    const launched = new Map(r.events.filter((e) => e.type === 'instance-launched').map((e) => [e.subject, e.time]));
    let expected = 0;
    for (const [id, start] of launched) expected += billed((ends.find((e) => e.subject === id)?.time ?? 3_600_000) - start);
    expect(r.summary.cost.byProvider.asg).toBeCloseTo(expected, 6);
  });
});

describe('an EC2 Spot instance under an interruption notice when the run ends (billing-for-interrupted-spot-instances.html)', () => {
  // three m5.large Spot instances launched at 0, priced 0.1 x (1 - 0.6) = 0.04 USD/h; seed 134
  // gives i-3 its notice at 2065.222 s (terminating at 2185.222 s, in its first hour) and i-1
  // its notice at 3922.611 s (terminating at 4042.611 s, after its first hour); i-3's
  // replacement i-4 launches at 2185.222 s. (The seed is chosen for that shape: a notice in
  // the first hour, then one on another of the first instances near its end; seed 3 gave it with the
  // streams seeded by their names, seed 134 with the names' SHA-256. The costs below are
  // worked out from those notice times.)
  const spot = (duration: string) => {
    const s = loadScenarioObject('spot-end', {
      name: 'spot-end',
      seed: 134,
      duration,
      pricing: { ec2: { 'm5.large': 0.1 }, ec2SpotDiscount: 0.6 },
      cluster: {
        availabilityZones: ['us-east-1a'],
        capacityProviders: {
          ec2: { autoScalingGroup: { instanceTypes: ['m5.large'], purchaseOption: 'spot', minSize: 3, maxSize: 3, desiredCapacity: 3, launchDelay: '10s', spotInterruptions: { meanTimeBetween: '50m' } } },
        },
      },
      taskDefinitions: { t: { cpu: 256, memory: 512, networkMode: 'bridge', startup: { imagePull: '1s', containerStart: '1s' } } },
      services: { s: { taskDefinition: 't', desiredCount: 1, launchType: 'EC2' } },
    }, { baseDir: '.' });
    const events: EventRecord[] = [];
    const capacity: CapacityRow[] = [];
    const r = runSimulation(s, { event: (e) => events.push(e), timeseries: () => {}, capacity: (c) => capacity.push(c), task: () => {} }, { seed: 134 });
    return { ...r, events, capacity };
  };
  const USD_PER_S = 0.04 / 3600;

  it('35 min: i-3, noticed, would be terminated by EC2 in its first hour: not charged; the others to the end (2 x 2100 s)', () => {
    const r = spot('35m');
    expect(r.events.filter((e) => e.type === 'spot-interruption').map((e) => [e.subject, e.time])).toEqual([['i-00000000000000003', 2_065_222]]);
    expect(r.summary.cost.total).toBeCloseTo(2 * 2100 * USD_PER_S, 6); // 0.046667, not 3 x 2100 s = 0.07
    // every instance is still in its first hour at the end: all held out of cost_to_date
    expect(r.capacity[r.capacity.length - 1].costToDate).toBe(0);
  });

  it('66 min: i-1, noticed, terminates after its first hour: charged to the end like i-2 (3960 s each); i-4 from 2185.222 s (1775 s); i-3 nothing', () => {
    const r = spot('66m');
    expect(r.events.filter((e) => e.type === 'spot-interruption').map((e) => [e.subject, e.time])).toEqual([
      ['i-00000000000000003', 2_065_222],
      ['i-00000000000000001', 3_922_611],
    ]);
    expect(r.summary.cost.total).toBeCloseTo((3960 + 3960 + 1775) * USD_PER_S, 6);
    // cost_to_date: i-1 and i-2 past their first hour, to the millisecond; i-4 still held
    expect(r.capacity[r.capacity.length - 1].costToDate).toBeCloseTo((3960 + 3960) * USD_PER_S, 9);
  });
});

describe("summary.json's cost against capacity.csv's cost_to_date (docs/outputs.md)", () => {
  it('the summary bills an item still running at the end as stopped then (whole seconds, 60 s minimum); cost_to_date counts what it used so far', () => {
    // one Fargate task (0.5 vCPU, 1 GB: 0.5 x 0.04048 + 1 x 0.004445 = 0.024685 USD/h),
    // PENDING (billed) from 50 s, the run ends at 60 s: 10 s used, 60 s billed
    const r = runKeepingRows(
      {
        name: 'late',
        duration: '60s',
        cluster: { availabilityZones: ['us-east-1a'], capacityProviders: { FARGATE: { provisioningDelay: '50s' } } },
        taskDefinitions: { web: { cpu: 512, memory: 1024, requiresCompatibilities: ['FARGATE'], startup: { imagePull: '30s', containerStart: '0s' } } },
        services: { web: { taskDefinition: 'web', desiredCount: 1, launchType: 'FARGATE' } },
      },
      { seed: 1 },
    );
    const rate = 0.024685 / 3600; // USD per second
    expect(r.capacity.map((c) => c.costToDate)).toEqual([expect.closeTo(10 * rate, 12)]);
    expect(r.summary.cost.byProvider.FARGATE).toBeCloseTo(60 * rate, 6);
  });
});

describe('a plain Auto Scaling group with a target tracking policy on its own CPU', () => {
  it('scales out when ASGAverageCPUUtilization stays above target for 3 datapoints: ceil(N x metric / target)', () => {
    const r = run(
      scenario((s) => {
        s.duration = '3h';
        s.cluster.capacityProviders.asg = {
          autoScalingGroup: {
            instanceTypes: ['m5.large'], minSize: 2, maxSize: 12, desiredCapacity: 2, launchDelay: '90s',
            targetTrackingPolicy: { predefinedMetricType: 'ASGAverageCPUUtilization', targetValue: 50 },
          },
        };
        delete s.cluster.defaultCapacityProviderStrategy;
        s.services.web = {
          taskDefinition: 'web', launchType: 'EC2', desiredCount: 4,
          workload: { requestRate: { ramp: { from: 100, to: 1600, start: '20m', end: '1h20m' } }, perTask: { capacityRps: 100, cpuBaseline: 5 } },
          autoScaling: { minCapacity: 4, maxCapacity: 40, policies: { cpu: { policyType: 'TargetTrackingScaling', predefinedMetricType: 'ECSServiceAverageCPUUtilization', targetValue: 60 } } },
        };
      }),
    );
    const out = r.events.filter((e) => e.type === 'scaling-activity' && e.subject === 'asg');
    expect(out.length).toBeGreaterThan(0);
    const first = out[0].message.match(/3 datapoints > 50: ([\d.]+) ([\d.]+) ([\d.]+); ceil\(2 x ([\d.]+)\/50\) = (\d+)/)!;
    expect(first).not.toBeNull();
    expect(Number(first[5])).toBe(Math.ceil((2 * Number(first[4])) / 50));
    expect(r.capacity[r.capacity.length - 1].desiredCapacity).toBeGreaterThan(2);
  });

  it('is refused next to ECS managed scaling, which owns the group\'s policy', () => {
    expect(() =>
      scenario((s) => (s.cluster.capacityProviders.asg.autoScalingGroup.targetTrackingPolicy = { predefinedMetricType: 'ASGAverageCPUUtilization', targetValue: 50 })),
    ).toThrow(/autoScalingGroup\.targetTrackingPolicy: expected no targetTrackingPolicy with managedScaling status ENABLED \(ECS managed scaling owns the group's scaling policy: it scales the group by its own target tracking policy on CapacityProviderReservation\), found targetTrackingPolicy on ASGAverageCPUUtilization; use either managedScaling \(status ENABLED\) or targetTrackingPolicy: remove one$/m);
  });
});
