// The loader warns when a capacity provider a service's strategy gives tasks can never run
// one: its Auto Scaling group's maxSize is 0, or the task fits no instance type the group
// launches (registered resources: vCPU x 1024 CPU units; memory less max(256 MiB, 6 %):
// m5.large 8192 - 491.52 -> 7700 MiB, m5.xlarge 16384 - 983.04 -> 15400 MiB, c5.large
// 2048 CPU units).

import { describe, expect, it } from 'vitest';
import { loadScenarioObject, scenarioWarnings } from '../../src/scenario/index.js';

function scenario(groups: Record<string, object>, td: { cpu: number; memory: number }, service: object, cluster: object = {}): unknown {
  return {
    name: 'prov',
    duration: '10m',
    cluster: {
      availabilityZones: ['us-east-1a'],
      capacityProviders: Object.fromEntries(Object.entries(groups).map(([name, asg]) => [name, { autoScalingGroup: { minSize: 0, maxSize: 4, ...asg } }])),
      ...cluster,
    },
    taskDefinitions: { app: { ...td, networkMode: 'bridge' } },
    services: { app: { taskDefinition: 'app', desiredCount: 1, ...service } },
  };
}

const warned = (raw: unknown) =>
  scenarioWarnings(loadScenarioObject('prov', raw, { baseDir: '.' }))
    .map((w) => `${w.at.join('.')}: ${w.message}`)
    .filter((w) => /can never run a task/.test(w));
const small = { cpu: 256, memory: 512 };

describe('warning: a capacity provider in the strategy that can never run a task', () => {
  it("the group's maxSize is 0", () => {
    const raw = scenario({ a: { instanceTypes: ['m5.large'], maxSize: 0 }, b: { instanceTypes: ['m5.large'] } }, small, {
      capacityProviderStrategy: [
        { capacityProvider: 'a', weight: 1 },
        { capacityProvider: 'b', weight: 1 },
      ],
    });
    expect(warned(raw)).toEqual([
      "services.app.capacityProviderStrategy: capacity provider a can never run a task of service app: its Auto Scaling group's maxSize is 0, so it never launches an instance; the tasks the strategy gives a wait in PROVISIONING for the whole run; raise maxSize or take a out of the strategy",
    ]);
  });

  it('12000 MiB on an on-demand group of [m5.large, m5.xlarge]: only m5.large (7700 MiB) is launched; as Spot, m5.xlarge (15400 MiB) takes it', () => {
    const td = { cpu: 1024, memory: 12000 };
    const strategy = { capacityProviderStrategy: [{ capacityProvider: 'a', weight: 1 }] };
    expect(warned(scenario({ a: { instanceTypes: ['m5.large', 'm5.xlarge'] } }, td, strategy))).toEqual([
      'services.app.capacityProviderStrategy: capacity provider a can never run a task of service app: task definition app (1024 CPU units, 12000 MiB) fits no instance type its group launches (on-demand: its first instance type only): m5.large registers 7700 MiB; the tasks the strategy gives a wait in PROVISIONING for the whole run',
    ]);
    expect(warned(scenario({ a: { instanceTypes: ['m5.large', 'm5.xlarge'], purchaseOption: 'spot' } }, td, strategy))).toEqual([]);
  });

  it('4096 CPU units on c5.large (2048) through the cluster default strategy: the path is the default strategy; 2048 fits', () => {
    const raw = (cpu: number) => scenario({ a: { instanceTypes: ['c5.large'] } }, { cpu, memory: 1024 }, {}, { defaultCapacityProviderStrategy: [{ capacityProvider: 'a', weight: 1 }] });
    expect(warned(raw(4096))).toEqual([
      'cluster.defaultCapacityProviderStrategy: capacity provider a can never run a task of service app: task definition app (4096 CPU units, 1024 MiB) fits no instance type its group launches: c5.large registers 2048 CPU units; the tasks the strategy gives a wait in PROVISIONING for the whole run',
    ]);
    expect(warned(raw(2048))).toEqual([]);
  });

  it('an item given no tasks (base 0, weight 0) is not warned of', () => {
    const raw = scenario({ a: { instanceTypes: ['m5.large'], maxSize: 0 }, b: { instanceTypes: ['m5.large'] } }, small, {
      capacityProviderStrategy: [
        { capacityProvider: 'a', weight: 0 },
        { capacityProvider: 'b', weight: 1 },
      ],
    });
    expect(warned(raw)).toEqual([]);
  });
});
