// Wakes that would reconcile for nothing hold a place instead of scheduling an event
// (ServiceRuntime.wake): the run must be the same, row for row, as with every wake
// scheduled. The scenario makes many such wakes and the cases where order is delicate:
// services each waiting on one of two providers, instances of both registering at the same
// instants (fixed launch delays), Spot interruptions freeing capacity and draining, tasks
// that exit at once (events at the same instant as the reconcile that stops them), and
// scaling policies changing desired counts.

import { describe, it, expect } from 'vitest';
import { expectSameRun, runKeepingRows } from '../helpers.js';

function scenario(): any {
  const group = (type: string) => ({
    autoScalingGroup: {
      instanceTypes: [type],
      purchaseOption: 'spot',
      spotInterruptions: { meanTimeBetween: '90m' },
      minSize: 1,
      maxSize: 12,
      desiredCapacity: 2,
      launchDelay: '60s',
    },
    managedScaling: { status: 'ENABLED', targetCapacity: 100, instanceWarmupPeriod: '60s' },
    managedDraining: 'ENABLED',
  });
  const services: Record<string, unknown> = {};
  for (let i = 0; i < 8; i++) {
    services[`svc-${i}`] = {
      taskDefinition: i % 3 === 0 ? 'quick' : 'api',
      desiredCount: 4 + i,
      capacityProviderStrategy: [{ capacityProvider: i % 2 === 0 ? 'a' : 'b', weight: 1 }],
      placementStrategy: [{ type: 'spread', field: 'attribute:ecs.availability-zone' }, { type: 'binpack', field: 'memory' }],
      workload: {
        type: 'http',
        requestRate: { diurnal: { min: 100, max: 900 + 100 * i, peakAt: `${2 + (i % 3)}:00`, period: '6h' } },
        perTask: { capacityRps: 40, cpuBaseline: 5, memoryMiB: { base: 300, perRps: 1 } },
      },
      autoScaling: {
        minCapacity: 2,
        maxCapacity: 40,
        policies: { cpu: { policyType: 'TargetTrackingScaling', predefinedMetricType: 'ECSServiceAverageCPUUtilization', targetValue: 50 } },
      },
    };
  }
  return {
    name: 'held-wakes',
    seed: 11,
    duration: '8h',
    cluster: {
      availabilityZones: ['us-east-1a', 'us-east-1b'],
      capacityProviders: { a: group('m5.large'), b: group('c5.xlarge') },
    },
    taskDefinitions: {
      api: { cpu: 512, memory: 1024, networkMode: 'bridge' },
      quick: { cpu: 256, memory: 768, networkMode: 'bridge', shutdown: '0s' },
    },
    services,
  };
}

/** Variants: the other kinds of service a wake reaches, and zero delays everywhere. */
const VARIANTS: Record<string, (raw: any) => void> = {
  'launch type EC2 and a DAEMON service': (raw) => {
    raw.taskDefinitions.agent = { cpu: 128, memory: 128, networkMode: 'host', shutdown: '0s' };
    raw.services.agent = { taskDefinition: 'agent', schedulingStrategy: 'DAEMON', launchType: 'EC2' };
    for (const k of ['svc-1', 'svc-4']) {
      delete raw.services[k].capacityProviderStrategy;
      raw.services[k].launchType = 'EC2';
    }
  },
  'two providers per service, memberOf task:group, zero delays': (raw) => {
    for (const g of Object.values(raw.cluster.capacityProviders) as any[]) g.autoScalingGroup.launchDelay = '0s';
    raw.taskDefinitions.api.startup = { imagePull: '0s', containerStart: '0s' };
    raw.taskDefinitions.api.stopTimeout = '0s';
    raw.services['svc-2'].capacityProviderStrategy = [{ capacityProvider: 'a', weight: 1, base: 2 }, { capacityProvider: 'b', weight: 2 }];
    raw.services['svc-5'].capacityProviderStrategy = [{ capacityProvider: 'b', weight: 1 }, { capacityProvider: 'a', weight: 1 }];
    raw.services['svc-3'].placementConstraints = [{ type: 'memberOf', expression: 'task:group == service:svc-1' }];
    raw.services['svc-6'].loadBalancer = { deregistrationDelay: '0s' };
  },
  'scheduled actions and Fargate Spot': (raw) => {
    raw.cluster.capacityProviders.FARGATE_SPOT = { interruptions: { meanTimeBetween: '30m' } };
    raw.taskDefinitions.task = { cpu: 512, memory: 1024, networkMode: 'awsvpc', requiresCompatibilities: ['FARGATE'], shutdown: '0s' };
    raw.services.spot = { taskDefinition: 'task', desiredCount: 3, capacityProviderStrategy: [{ capacityProvider: 'FARGATE_SPOT', weight: 1 }] };
    for (const k of ['svc-0', 'svc-3']) {
      raw.services[k].autoScaling.scheduledActions = {
        up: { schedule: 'cron(*/20 * * * ? *)', scalableTargetAction: { minCapacity: 12 } },
        down: { schedule: 'cron(10/20 * * * ? *)', scalableTargetAction: { minCapacity: 2 } },
      };
    }
  },
};

function run(holdIdleWakes: boolean, variant?: (raw: any) => void, seed = 11) {
  const raw = scenario();
  variant?.(raw);
  return runKeepingRows(raw, { seed, holdIdleWakes });
}

describe('held wakes', () => {
  it('give the run every wake scheduled gives, with fewer events', () => {
    const held = run(true);
    const scheduled = run(false);
    // wakes were held, and the run has what makes their order matter
    expect(held.events.filter((e) => e.type === 'instance-registered').length).toBeGreaterThan(20);
    expect(held.events.some((e) => e.type === 'instance-draining')).toBe(true);
    expect(held.events.some((e) => e.type === 'task-unplaceable')).toBe(true);
    expectSameRun(held, scheduled);
    expect(held.eventsProcessed).toBeLessThan(scheduled.eventsProcessed * 0.9);
  });

  for (const [label, variant] of Object.entries(VARIANTS)) {
    for (const seed of [1, 2]) {
      it(`give the same run: ${label} (seed ${seed})`, () => {
        const held = run(true, variant, seed);
        const scheduled = run(false, variant, seed);
        expect(held.eventsProcessed).toBeLessThan(scheduled.eventsProcessed);
        expectSameRun(held, scheduled);
      });
    }
  }
});
