// Regressions found in review: each case was a real bug, reproduced by a scenario.

import { describe, it, expect } from 'vitest';
import { loadScenarioObject } from '../../src/scenario/index.js';
import { runSimulation, type EventRecord, type TaskRow } from '../../src/sim/index.js';

function run(raw: any, seed = 1) {
  const s = loadScenarioObject(raw.name, raw, { baseDir: '.' });
  const events: EventRecord[] = [];
  const tasks: TaskRow[] = [];
  const r = runSimulation(s, { event: (e) => events.push(e), timeseries: () => {}, capacity: () => {}, task: (t) => tasks.push(t) }, { seed, checkTallies: true });
  return { ...r, events, tasks };
}

const oneInstance = (extra: any = {}) => ({
  availabilityZones: ['us-east-1a'],
  capacityProviders: { asg: { autoScalingGroup: { instanceTypes: ['m5.large'], minSize: 1, maxSize: 1, desiredCapacity: 1, launchDelay: '30s', ...extra } } },
});
const td = { t: { cpu: 512, memory: 1024, containerDefinitions: { app: { cpu: 512, memory: 1024 } }, startup: { imagePull: '5s', containerStart: '1s' } } };

describe('review regressions', () => {
  it('a task waiting for room is placed as soon as ANOTHER service frees it', () => {
    // one m5.large = 2048 CPU units = 4 tasks; a takes 3, b wants 2; at 10:00 a shrinks to 1
    const r = run({
      name: 'freed',
      duration: '1h',
      cluster: oneInstance(),
      taskDefinitions: td,
      services: {
        a: { taskDefinition: 't', launchType: 'EC2', desiredCount: 3, autoScaling: { minCapacity: 3, maxCapacity: 3, scheduledActions: { shrink: { schedule: 'at(2026-01-05T00:10:00)', scalableTargetAction: { minCapacity: 1, maxCapacity: 1 } } } } },
        b: { taskDefinition: 't', launchType: 'EC2', desiredCount: 2 },
      },
    });
    const b = r.tasks.filter((t) => t.service === 'b');
    expect(b.every((t) => t.running !== null)).toBe(true);
    // the second b task starts once an a task has STOPPED after 10:00
    expect(Math.max(...b.map((t) => t.running!))).toBeGreaterThan(600_000);
  });

  it('an EC2 Spot instance terminates once, 2 minutes after its notice', () => {
    const r = run({
      name: 'spot',
      duration: '2h',
      cluster: oneInstance({ purchaseOption: 'spot', spotInterruptions: { meanTimeBetween: '30m' } }),
      taskDefinitions: td,
      services: { d: { taskDefinition: 't', launchType: 'EC2', desiredCount: 1 } },
    });
    const notices = r.events.filter((e) => e.type === 'spot-interruption');
    const terminated = r.events.filter((e) => e.type === 'instance-terminated');
    expect(notices.length).toBeGreaterThan(0);
    expect(new Set(terminated.map((e) => e.subject)).size).toBe(terminated.length);
    for (const n of notices) {
      const t = terminated.find((e) => e.subject === n.subject);
      if (t) expect(t.time - n.time).toBe(120_000);
    }
  });

  it('maximumPercent does not hold back a Fargate scale out while scaled-in tasks deregister', () => {
    const r = run({
      name: 'ceiling',
      duration: '20m',
      cluster: { availabilityZones: ['us-east-1a'] },
      taskDefinitions: { f: { cpu: 256, memory: 512, requiresCompatibilities: ['FARGATE'], startup: { imagePull: 0, containerStart: 0 } } },
      services: {
        s: {
          taskDefinition: 'f',
          launchType: 'FARGATE',
          desiredCount: 20,
          loadBalancer: { deregistrationDelay: '300s' },
          autoScaling: {
            minCapacity: 1,
            maxCapacity: 20,
            scheduledActions: {
              down: { schedule: 'at(2026-01-05T00:10:00)', scalableTargetAction: { maxCapacity: 5 } },
              up: { schedule: 'at(2026-01-05T00:12:00)', scalableTargetAction: { minCapacity: 10, maxCapacity: 20 } },
            },
          },
        },
      },
    });
    const createdAfterUp = r.tasks.filter((t) => t.created >= 720_000);
    expect(createdAfterUp).toHaveLength(5);
    for (const t of createdAfterUp) expect(t.created).toBe(720_000);
  });
  it('services waiting at one instant retry in the order they are listed, whichever provider gained capacity', () => {
    // b's and a's instances register at the same instant (b first). s (listed first, uses a)
    // reconciles before t (uses a and b): s takes a's instance (2 tasks of 1024 CPU units
    // fill an m5.large), t gets b's instance and its a-tasks wait.
    const td1024 = { td: { cpu: 1024, memory: 1024, containerDefinitions: { app: { cpu: 1024, memory: 1024 } } } };
    const asg = { instanceTypes: ['m5.large'], minSize: 1, maxSize: 1, desiredCapacity: 1, launchDelay: '60s' };
    const r = run({
      name: 'order',
      duration: '10m',
      cluster: { availabilityZones: ['us-east-1a'], capacityProviders: { b: { autoScalingGroup: asg }, a: { autoScalingGroup: asg } } },
      taskDefinitions: td1024,
      services: {
        s: { taskDefinition: 'td', desiredCount: 2, capacityProviderStrategy: [{ capacityProvider: 'a', weight: 1 }] },
        t: { taskDefinition: 'td', desiredCount: 4, capacityProviderStrategy: [{ capacityProvider: 'a', weight: 1 }, { capacityProvider: 'b', weight: 1 }] },
      },
    });
    const running = (svc: string) => r.tasks.filter((t) => t.service === svc && t.running !== null);
    expect(running('s').map((t) => t.capacityProvider)).toEqual(['a', 'a']);
    expect(running('t').map((t) => t.capacityProvider)).toEqual(['b', 'b']);
  });

  it('a memory average exactly at the threshold does not breach GreaterThanThreshold', () => {
    // 1536 of 3072 MiB used by every task: MemoryUtilization is 50 exactly, not 50.00000000000001
    const r = run({
      name: 'mem',
      duration: '30m',
      cluster: { availabilityZones: ['us-east-1a', 'us-east-1b'] },
      taskDefinitions: { td: { cpu: 512, memory: 3072, networkMode: 'awsvpc', requiresCompatibilities: ['FARGATE'], containerDefinitions: { app: { cpu: 512, memory: 3072 } } } },
      services: {
        web: {
          taskDefinition: 'td',
          desiredCount: 5,
          launchType: 'FARGATE',
          workload: { type: 'http', requestRate: { constant: 10 }, perTask: { capacityRps: 100, cpuBaseline: 5, memoryMiB: { base: 1536, perRps: 0 }, concurrency: 4, serviceTime: { distribution: 'fixed', value: '40ms' } } },
          autoScaling: {
            minCapacity: 1,
            maxCapacity: 10,
            policies: {
              mem: {
                policyType: 'StepScaling',
                alarm: { metricName: 'MemoryUtilization', statistic: 'Average', period: '60s', evaluationPeriods: 1, threshold: 50, comparisonOperator: 'GreaterThanThreshold' },
                adjustmentType: 'ChangeInCapacity',
                stepAdjustments: [{ metricIntervalLowerBound: 0, scalingAdjustment: 1 }],
                cooldown: '60s',
              },
            },
          },
        },
      },
    });
    expect(r.events.filter((e) => e.type === 'scaling-activity')).toEqual([]);
    expect(r.tasks.filter((t) => t.service === 'web').length).toBe(5);
  });

  it('a draining instance has its services replace their tasks in service order, not in the order the tasks were placed', () => {
    // b (the second service) runs on the one Spot instance from the start, a joins it at
    // 10:00; the instance's Spot notice drains both. ECS's service scheduler does not
    // promise an order; ecsim's is the services' order in the scenario, whatever the
    // instance's tasks' order: a's replacement is tried first.
    const r = run({
      name: 'drain-order',
      duration: '2h',
      cluster: oneInstance({ instanceTypes: ['m5.large'], purchaseOption: 'spot', spotInterruptions: { meanTimeBetween: '1h' }, spotInstanceDraining: true }),
      taskDefinitions: td,
      services: {
        a: { taskDefinition: 't', launchType: 'EC2', desiredCount: 0, autoScaling: { minCapacity: 0, maxCapacity: 1, scheduledActions: { grow: { schedule: 'at(2026-01-05T00:10:00)', scalableTargetAction: { minCapacity: 1 } } } } },
        b: { taskDefinition: 't', launchType: 'EC2', desiredCount: 1 },
      },
    }, 2);
    const placed = r.events.filter((e) => e.type === 'task-placed').map((e) => e.subject);
    expect(placed.slice(0, 2)).toEqual(['b-1', 'a-1']);
    const notice = r.events.find((e) => e.type === 'spot-interruption')!;
    // after a-1 was placed: on seed 2 the instance's draw (spot-ec2/asg/0) is 968 s after it registers
    expect(notice.time).toBeGreaterThan(600_000);
    // at the notice: the instance drains, and each service's replacement finds no room
    const atNotice = r.events.filter((e) => e.time === notice.time && e.type === 'task-unplaceable').map((e) => e.subject);
    expect(atNotice).toEqual(['a', 'b']);
  });

  it("a group's scale in starts while instances launch and every ACTIVE one is protected or draining (the kept counts match a walk over the instances)", () => {
    // Spot instances interrupted every few minutes, launches taking 10-20 minutes, and a
    // target tracking policy on the group's CPU that scales in as load falls: scale in is
    // asked for while only launching instances can go. run() checks the group's kept
    // counts against a walk over its instances every period (checkTallies).
    for (const seed of [1, 5, 9]) {
      const r = run(
        {
          name: 'pending-scale-in',
          start: '2026-03-02T08:00:00Z',
          duration: '8h',
          cluster: {
            availabilityZones: ['us-east-1a', 'us-east-1b', 'us-east-1c'],
            capacityProviders: {
              tt: {
                autoScalingGroup: {
                  instanceTypes: ['c5.large', 'm5.large'],
                  purchaseOption: 'spot',
                  minSize: 0,
                  maxSize: 10,
                  desiredCapacity: 3,
                  launchDelay: { distribution: 'lognormal', median: '10m', p95: '20m' },
                  spotInterruptions: { meanTimeBetween: '3m' },
                  targetTrackingPolicy: { predefinedMetricType: 'ASGAverageCPUUtilization', targetValue: 40, estimatedInstanceWarmup: '30s' },
                },
                managedDraining: 'ENABLED',
              },
            },
            defaultCapacityProviderStrategy: [{ capacityProvider: 'tt', weight: 1 }],
          },
          taskDefinitions: { web: { cpu: 512, memory: 1024, networkMode: 'bridge', containerDefinitions: { app: { cpu: 512, memory: 1024 } } } },
          services: {
            web: {
              taskDefinition: 'web',
              desiredCount: 4,
              workload: {
                type: 'http',
                requestRate: { step: { from: 300, steps: [{ at: '1h', to: 20 }, { at: '2h', to: 400 }, { at: '3h', to: 10 }, { at: '5h', to: 400 }, { at: '6h', to: 5 }] } },
                perTask: { capacityRps: 100, cpuBaseline: 5, concurrency: 4, serviceTime: { distribution: 'exponential', mean: '40ms' } },
              },
            },
          },
        },
        seed,
      );
      expect(r.events.some((e) => e.type === 'instance-terminated' && e.message.includes('scale in while launching'))).toBe(true);
    }
  });
});
