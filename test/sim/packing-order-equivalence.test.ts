// End to end, the packing order changes nothing: a run whose services place by binpack, or
// spread(AZ) then binpack (the packing order's fast path), gives exactly the rows of the
// same run with the last binpack repeated, which the fast path does not take (a second
// binpack on the same field keeps the same instances, in placement and in scale-in), so
// every task goes through placeTask's narrowing instead. The services use memberOf,
// distinctInstance, a fixed host port and awsvpc ENIs, and Spot interruptions drain
// instances, so candidates are turned down for every reason the fast path must honour. In
// the ARM64 variant the group also launches m6g.large (arm64) and the vpc service's task
// definition names ARM64, so its tasks turn down the x86_64 instances (ATTRIBUTE) too.

import { describe, it, expect } from 'vitest';
import { expectSameRun, runKeepingRows } from '../helpers.js';

const AZ_SPREAD = { type: 'spread', field: 'attribute:ecs.availability-zone' };

function scenario(repeatLastBinpack: boolean, arm64 = false): any {
  const strategies = (list: object[]) => (repeatLastBinpack ? [...list, list[list.length - 1]] : list);
  const workload = {
    type: 'http',
    requestRate: { step: { from: 1500, to: 300, at: '2h' } },
    perTask: { capacityRps: 100, cpuBaseline: 5, memoryMiB: { base: 300, perRps: 1 }, concurrency: 4, serviceTime: { distribution: 'exponential', mean: '40ms' } },
  };
  const autoScaling = {
    minCapacity: 4,
    maxCapacity: 30,
    policies: { cpu: { policyType: 'TargetTrackingScaling', predefinedMetricType: 'ECSServiceAverageCPUUtilization', targetValue: 50 } },
  };
  const startup = { imagePull: '5s', containerStart: '3s' };
  return {
    name: 'packing-equivalence',
    seed: 3,
    duration: '4h',
    cluster: {
      availabilityZones: ['us-east-1a', 'us-east-1b', 'us-east-1c'],
      capacityProviders: {
        spot: {
          autoScalingGroup: {
            instanceTypes: arm64 ? ['m5.large', 'm6g.large', 'c5.large', 'm5.xlarge'] : ['m5.large', 'c5.large', 'm5.xlarge'],
            purchaseOption: 'spot',
            spotInterruptions: { meanTimeBetween: '40m' },
            minSize: 2,
            maxSize: 14,
            desiredCapacity: 3,
            launchDelay: { distribution: 'lognormal', median: '90s', p95: '180s' },
          },
          managedScaling: { status: 'ENABLED', targetCapacity: 90, instanceWarmupPeriod: '60s' },
          managedDraining: 'ENABLED',
        },
      },
      defaultCapacityProviderStrategy: [{ capacityProvider: 'spot', weight: 1 }],
    },
    taskDefinitions: {
      api: { cpu: 512, memory: 1024, networkMode: 'bridge', containerDefinitions: { app: { cpu: 512, memory: 1024, portMappings: [{ containerPort: 8080 }] } }, startup },
      web: { cpu: 256, memory: 700, networkMode: 'host', containerDefinitions: { app: { cpu: 256, memory: 700, portMappings: [{ containerPort: 80, hostPort: 80 }] } }, startup },
      vpc: { cpu: 256, memory: 512, networkMode: 'awsvpc', containerDefinitions: { app: { cpu: 256, memory: 512 } }, startup, ...(arm64 ? { runtimePlatform: { cpuArchitecture: 'ARM64' } } : {}) },
    },
    services: {
      api: {
        taskDefinition: 'api',
        desiredCount: 12,
        placementStrategy: strategies([AZ_SPREAD, { type: 'binpack', field: 'memory' }]),
        placementConstraints: [{ type: 'memberOf', expression: 'attribute:ecs.instance-type != c5.large' }],
        workload,
        autoScaling,
      },
      web: {
        taskDefinition: 'web',
        desiredCount: 8,
        placementStrategy: strategies([{ type: 'binpack', field: 'cpu' }]),
        placementConstraints: [{ type: 'distinctInstance' }],
        workload,
        autoScaling,
      },
      vpc: {
        taskDefinition: 'vpc',
        desiredCount: 10,
        placementStrategy: strategies([AZ_SPREAD, { type: 'binpack', field: 'cpu' }]),
        workload,
        autoScaling,
      },
    },
  };
}

function run(repeatLastBinpack: boolean, seed: number, arm64 = false) {
  return runKeepingRows(scenario(repeatLastBinpack, arm64), { seed });
}

describe('placement by packing order', () => {
  for (const seed of [1, 2, 5]) {
    it(`gives the rows placeTask gives (seed ${seed})`, () => {
      const fast = run(false, seed);
      const narrowed = run(true, seed);
      // the run does what the test needs: tasks placed on many instances, some turned away, some drained
      expect(new Set(fast.tasks.map((t) => t.instanceId)).size).toBeGreaterThan(8);
      expect(fast.events.some((e) => e.type === 'task-unplaceable')).toBe(true);
      expect(fast.events.some((e) => e.type === 'instance-draining')).toBe(true);
      expectSameRun(fast, narrowed);
    });
  }

  it('gives the rows placeTask gives with an ARM64 service on a group of both architectures (seed 2)', () => {
    const fast = run(false, 2, true);
    const narrowed = run(true, 2, true);
    const typeOf = new Map(fast.events.filter((e) => e.type === 'instance-launched').map((e) => [e.subject, /launched (\S+) in/.exec(e.message)![1]]));
    const vpc = fast.tasks.filter((t) => t.service === 'vpc' && t.instanceId !== null);
    expect(vpc.length).toBeGreaterThan(10);
    expect(new Set(vpc.map((t) => typeOf.get(t.instanceId!)))).toEqual(new Set(['m6g.large']));
    expect(fast.tasks.some((t) => t.service !== 'vpc' && t.instanceId !== null && typeOf.get(t.instanceId) !== 'm6g.large')).toBe(true);
    expect(fast.events.some((e) => e.type === 'task-unplaceable' && /ATTRIBUTE/.test(e.message))).toBe(true);
    expectSameRun(fast, narrowed);
  });
});
