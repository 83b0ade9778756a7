// The loader warns (does not refuse: ECS accepts such a service and leaves its tasks
// unplaced) when a task definition names runtimePlatform.cpuArchitecture and the Auto
// Scaling groups its service's EC2 tasks may use launch no instance of that architecture.
// m5.large is x86_64, m6g.large arm64 (instance catalog).

import { describe, expect, it } from 'vitest';
import { loadScenarioObject, scenarioWarnings } from '../../src/scenario/index.js';

function scenario(groups: Record<string, { types: string[]; spot?: boolean }>, runtimePlatform: object | undefined, service: object): any {
  return {
    name: 'arch',
    duration: '10m',
    cluster: {
      availabilityZones: ['us-east-1a'],
      capacityProviders: Object.fromEntries(
        Object.entries(groups).map(([name, g]) => [name, { autoScalingGroup: { instanceTypes: g.types, minSize: 1, maxSize: 1, ...(g.spot ? { purchaseOption: 'spot', spotInterruptions: { meanTimeBetween: '30d' } } : {}) } }]),
      ),
    },
    taskDefinitions: { app: { cpu: 256, memory: 512, networkMode: 'bridge', ...(runtimePlatform ? { runtimePlatform } : {}) } },
    services: { app: { taskDefinition: 'app', desiredCount: 1, ...service } },
  };
}

const warned = (raw: unknown) => scenarioWarnings(loadScenarioObject('arch', raw, { baseDir: '.' })).map((w) => `${w.at.join('.')}: ${w.message}`);
const EC2 = { launchType: 'EC2' };
const ARM = { cpuArchitecture: 'ARM64' };

describe('warning: no instance of the task definition\'s architecture', () => {
  it('launchType EC2, an ARM64 task and only x86_64 groups: warned once, naming what each group launches', () => {
    expect(warned(scenario({ a: { types: ['m5.large'] }, b: { types: ['c5.large'] } }, ARM, EC2))).toEqual([
      'services.app: task definition app has runtimePlatform.cpuArchitecture ARM64: ECS places its tasks only on arm64 instances (ecs.cpu-architecture), and no Auto Scaling group of the cluster launches one (a launches m5.large x86_64; b launches c5.large x86_64): its EC2 tasks are never placed ("missing an attribute required by your task"); add an arm64 instance type (e.g. m6g.large, m7g.large, c6g.large), or remove cpuArchitecture',
    ]);
  });

  it('not warned when some group launches the architecture, or when the task definition names none', () => {
    expect(warned(scenario({ a: { types: ['m5.large'] }, b: { types: ['m6g.large'] } }, ARM, EC2))).toEqual([]);
    expect(warned(scenario({ a: { types: ['m6g.large'] } }, undefined, EC2))).toEqual([]);
    expect(warned(scenario({ a: { types: ['m6g.large'] } }, { operatingSystemFamily: 'LINUX' }, EC2))).toEqual([]);
    // a Spot group launches every listed type: m6g.large among them
    expect(warned(scenario({ a: { types: ['m5.large', 'm6g.large'], spot: true } }, ARM, EC2))).toEqual([]);
  });

  it('an on-demand group launches its first type only: m6g.large listed second is not enough, and the hint says to put it first (not to add one)', () => {
    expect(warned(scenario({ a: { types: ['m5.large', 'm6g.large'] }, b: { types: ['c5.large'] } }, ARM, EC2))).toEqual([
      'services.app: task definition app has runtimePlatform.cpuArchitecture ARM64: ECS places its tasks only on arm64 instances (ecs.cpu-architecture), and no Auto Scaling group of the cluster launches one (a launches m5.large x86_64 (on-demand: its first instance type only); b launches c5.large x86_64): its EC2 tasks are never placed ("missing an attribute required by your task"); put an arm64 type first in the instanceTypes of a (an on-demand group launches its first only), or use purchaseOption: spot, or remove cpuArchitecture',
      "cluster.capacityProviders.a.autoScalingGroup.instanceTypes: an on-demand group launches only its first listed type, m5.large (EC2 Auto Scaling's prioritized allocation), so m6g.large has no effect on the run; list m5.large alone, or use purchaseOption spot to launch every listed type",
    ]);
    // the same in a capacity provider strategy, for the provider whose group lists one
    const strategy = { capacityProviderStrategy: [{ capacityProvider: 'a', weight: 1 }, { capacityProvider: 'b', weight: 1 }] };
    expect(warned(scenario({ a: { types: ['m5.large', 'm6g.large'] }, b: { types: ['c5.large'] } }, ARM, strategy))).toEqual([
      'services.app: task definition app has runtimePlatform.cpuArchitecture ARM64: ECS places its tasks only on arm64 instances (ecs.cpu-architecture), and capacity provider a launches m5.large x86_64 (on-demand: its first instance type only): the tasks given to a are never placed and wait for its capacity ("missing an attribute required by your task"); put an arm64 type first in its group\'s instanceTypes (an on-demand group launches its first only), or use purchaseOption: spot, or take it out of the strategy',
      'services.app: task definition app has runtimePlatform.cpuArchitecture ARM64: ECS places its tasks only on arm64 instances (ecs.cpu-architecture), and capacity provider b launches c5.large x86_64: the tasks given to b are never placed and wait for its capacity ("missing an attribute required by your task"); add an arm64 instance type (e.g. m6g.large, m7g.large, c6g.large) to its group, or take it out of the strategy',
      "cluster.capacityProviders.a.autoScalingGroup.instanceTypes: an on-demand group launches only its first listed type, m5.large (EC2 Auto Scaling's prioritized allocation), so m6g.large has no effect on the run; list m5.large alone, or use purchaseOption spot to launch every listed type",
    ]);
  });

  it('a capacity provider strategy: each provider whose group launches none is named (an explicit X86_64 on an arm64 group too)', () => {
    const strategy = { capacityProviderStrategy: [{ capacityProvider: 'arm', weight: 1 }, { capacityProvider: 'x86', weight: 1 }] };
    expect(warned(scenario({ arm: { types: ['m6g.large'] }, x86: { types: ['m5.large'] } }, ARM, strategy))).toEqual([
      'services.app: task definition app has runtimePlatform.cpuArchitecture ARM64: ECS places its tasks only on arm64 instances (ecs.cpu-architecture), and capacity provider x86 launches m5.large x86_64: the tasks given to x86 are never placed and wait for its capacity ("missing an attribute required by your task"); add an arm64 instance type (e.g. m6g.large, m7g.large, c6g.large) to its group, or take it out of the strategy',
    ]);
    expect(warned(scenario({ arm: { types: ['m6g.large'] }, x86: { types: ['m5.large'] } }, { cpuArchitecture: 'X86_64' }, strategy))).toEqual([
      'services.app: task definition app has runtimePlatform.cpuArchitecture X86_64: ECS places its tasks only on x86_64 instances (ecs.cpu-architecture), and capacity provider arm launches m6g.large arm64: the tasks given to arm are never placed and wait for its capacity ("missing an attribute required by your task"); add an x86_64 instance type to its group, or take it out of the strategy',
    ]);
    // a provider given no tasks (base 0, weight 0) is not named
    const idle = { capacityProviderStrategy: [{ capacityProvider: 'arm', weight: 1 }, { capacityProvider: 'x86', weight: 0 }] };
    expect(warned(scenario({ arm: { types: ['m6g.large'] }, x86: { types: ['m5.large'] } }, ARM, idle))).toEqual([]);
  });

  it('with managed scaling the warning says the group grows to its maxSize for the tasks (they fit its types by size)', () => {
    const raw = scenario({ x86: { types: ['m5.large'] } }, ARM, { capacityProviderStrategy: [{ capacityProvider: 'x86', weight: 1 }] });
    raw.cluster.capacityProviders.x86.autoScalingGroup = { instanceTypes: ['m5.large'], minSize: 0, maxSize: 4 };
    raw.cluster.capacityProviders.x86.managedScaling = { status: 'ENABLED' };
    expect(warned(raw)).toEqual([
      'services.app: task definition app has runtimePlatform.cpuArchitecture ARM64: ECS places its tasks only on arm64 instances (ecs.cpu-architecture), and capacity provider x86 launches m5.large x86_64: the tasks given to x86 are never placed and wait for its capacity ("missing an attribute required by your task"); its managed scaling counts them as needing new instances (CapacityProviderReservation above its targetCapacity 100) and grows the group up to its maxSize (4) for them, one step per instance warm-up; add an arm64 instance type (e.g. m6g.large, m7g.large, c6g.large) to its group, or take it out of the strategy',
    ]);
  });
});
