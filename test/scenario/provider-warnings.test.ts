// The loader warns when a capacity provider a service's strategy gives tasks can never run
// one: its Auto Scaling group's maxSize is 0, or the task fits no instance type the group
// launches (registered resources: vCPU x 1024 CPU units; memory floor(98 % of physical):
// m5.large 8192 x 0.98 = 8028.16 -> 8028 MiB, m5.xlarge 16384 x 0.98 = 16056.32 -> 16056 MiB,
// t3.micro 1024 x 0.98 = 1003.52 -> 1003 MiB, c5.large 2048 CPU units).

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

  it('12000 MiB on an on-demand group of [m5.large, m5.xlarge]: only m5.large (8028 MiB) is launched; as Spot, m5.xlarge (16056 MiB) takes it', () => {
    const td = { cpu: 1024, memory: 12000 };
    const strategy = { capacityProviderStrategy: [{ capacityProvider: 'a', weight: 1 }] };
    expect(warned(scenario({ a: { instanceTypes: ['m5.large', 'm5.xlarge'] } }, td, strategy))).toEqual([
      'services.app.capacityProviderStrategy: capacity provider a can never run a task of service app: task definition app (1024 CPU units, 12000 MiB) fits no instance type its group launches (on-demand: its first instance type only): m5.large registers 8028 MiB; the tasks the strategy gives a wait in PROVISIONING for the whole run',
    ]);
    expect(warned(scenario({ a: { instanceTypes: ['m5.large', 'm5.xlarge'], purchaseOption: 'spot' } }, td, strategy))).toEqual([]);
  });

  it('t3.micro registers 1003 MiB: 1003 MiB fits (not warned), 1004 does not', () => {
    const strategy = { capacityProviderStrategy: [{ capacityProvider: 'a', weight: 1 }] };
    expect(warned(scenario({ a: { instanceTypes: ['t3.micro'] } }, { cpu: 512, memory: 1003 }, strategy))).toEqual([]);
    expect(warned(scenario({ a: { instanceTypes: ['t3.micro'] } }, { cpu: 512, memory: 1004 }, strategy))).toEqual([
      'services.app.capacityProviderStrategy: capacity provider a can never run a task of service app: task definition app (512 CPU units, 1004 MiB) fits no instance type its group launches: t3.micro registers 1003 MiB; the tasks the strategy gives a wait in PROVISIONING for the whole run',
    ]);
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

// A managed-scaling group listing several types, where a launched type fits the task but the
// smallest listed type (least of each registered resource) does not: AWS's managed scaling
// leaves such tasks out of its estimate (managed-scaling-behavior.html: such a group of tasks
// "can't run with this capacity provider ... The tasks remain in the PROVISIONING state").
// c5.large: 2 vCPU -> 2048 CPU units, 4096 x 0.98 = 4014.08 -> 4014 MiB; r5.large: 2 vCPU,
// 16384 x 0.98 = 16056.32 -> 16056 MiB; m5.xlarge: 4 vCPU -> 4096 CPU units, 16056 MiB.
describe('warning: a task larger than the smallest instance type of a managed-scaling group', () => {
  const smallestWarned = (raw: unknown) =>
    scenarioWarnings(loadScenarioObject('prov', raw, { baseDir: '.' }))
      .map((w) => `${w.at.join('.')}: ${w.message}`)
      .filter((w) => /never scales out for service/.test(w));
  const strategy = { capacityProviderStrategy: [{ capacityProvider: 'a', weight: 1 }] };
  const managed = { status: 'ENABLED', targetCapacity: 100 };
  const group = (instanceTypes: string[], purchaseOption: string) => ({
    a: { instanceTypes, purchaseOption },
  });
  const raw = (instanceTypes: string[], td: { cpu: number; memory: number }, purchaseOption = 'spot', managedScaling: object | null = managed) => {
    const r = scenario(group(instanceTypes, purchaseOption), td, strategy) as { cluster: { capacityProviders: Record<string, Record<string, unknown>> } };
    if (managedScaling) r.cluster.capacityProviders.a.managedScaling = managedScaling;
    return r;
  };
  const quote =
    'and AWS says a group of tasks greater than the smallest instance type in the Auto Scaling group "can\'t run with this capacity provider ... The tasks remain in the PROVISIONING state" (managed-scaling-behavior.html): they run only on instances the group already has; list only types that fit it, or give it a capacity provider of its own';

  it('6000 MiB on Spot [c5.large, r5.large]: fits r5.large (16056 MiB), not c5.large (4014 MiB)', () => {
    expect(smallestWarned(raw(['c5.large', 'r5.large'], { cpu: 256, memory: 6000 }))).toEqual([
      `services.app.capacityProviderStrategy: managed scaling of capacity provider a never scales out for service app: task definition app (256 CPU units, 6000 MiB) fits r5.large but is larger than the smallest instance type the group lists (c5.large registers 4014 MiB), ${quote}`,
    ]);
  });

  it('4014 MiB fits c5.large: not warned; 4015 is', () => {
    expect(smallestWarned(raw(['c5.large', 'r5.large'], { cpu: 256, memory: 4014 }))).toEqual([]);
    expect(smallestWarned(raw(['c5.large', 'r5.large'], { cpu: 256, memory: 4015 }))).toHaveLength(1);
  });

  it('3000 CPU units on Spot [c5.large, m5.xlarge]: c5.large registers 2048', () => {
    expect(smallestWarned(raw(['c5.large', 'm5.xlarge'], { cpu: 3000, memory: 1000 }))).toEqual([
      `services.app.capacityProviderStrategy: managed scaling of capacity provider a never scales out for service app: task definition app (3000 CPU units, 1000 MiB) fits m5.xlarge but is larger than the smallest instance type the group lists (c5.large registers 2048 CPU units), ${quote}`,
    ]);
  });

  it('on-demand [r5.large, c5.large]: r5.large is launched and fits, c5.large is the smallest listed: warned', () => {
    expect(smallestWarned(raw(['r5.large', 'c5.large'], { cpu: 256, memory: 6000 }, 'on-demand'))).toHaveLength(1);
  });

  it('on-demand [c5.large, r5.large]: the launched type does not fit, said by the "can never run" warning only', () => {
    const r = raw(['c5.large', 'r5.large'], { cpu: 256, memory: 6000 }, 'on-demand');
    expect(smallestWarned(r)).toEqual([]);
    expect(warned(r)).toHaveLength(1);
  });

  it('a DAEMON service (launchType EC2, no strategy: the cluster default is not its) is not warned by either strategy warning', () => {
    const r = raw(['c5.large', 'r5.large'], { cpu: 256, memory: 6000 }) as unknown as { services: { app: Record<string, unknown> }; cluster: Record<string, unknown> };
    delete r.services.app.capacityProviderStrategy;
    delete r.services.app.desiredCount;
    r.services.app.schedulingStrategy = 'DAEMON';
    r.services.app.launchType = 'EC2'; // as ECS requires of a DAEMON service in a cluster with a default strategy
    r.cluster.defaultCapacityProviderStrategy = [{ capacityProvider: 'a', weight: 1 }];
    expect(smallestWarned(r)).toEqual([]);
    const big = raw(['c5.large'], { cpu: 4096, memory: 1000 }) as unknown as typeof r;
    delete big.services.app.capacityProviderStrategy;
    delete big.services.app.desiredCount;
    big.services.app.schedulingStrategy = 'DAEMON';
    big.services.app.launchType = 'EC2';
    big.cluster.defaultCapacityProviderStrategy = [{ capacityProvider: 'a', weight: 1 }];
    expect(warned(big)).toEqual([]);
  });

  it('without managed scaling: not warned (nothing estimates instances)', () => {
    expect(smallestWarned(raw(['c5.large', 'r5.large'], { cpu: 256, memory: 6000 }, 'spot', null))).toEqual([]);
  });
});

describe('warning: a launchType EC2 service whose task no Auto Scaling group of the cluster can run', () => {
  const ec2 = { launchType: 'EC2' };
  it('16384 MiB with only m5.large groups (8028 MiB registered): warned, naming each group', () => {
    const raw = scenario({ a: { instanceTypes: ['m5.large'] }, b: { instanceTypes: ['m5.large'], maxSize: 0 } }, { cpu: 256, memory: 16384 }, ec2);
    expect(warned(raw)).toEqual([
      "services.app.launchType: service app (launchType EC2) can never run a task: no container instance the cluster's Auto Scaling groups can launch fits task definition app (256 CPU units, 16384 MiB): a's group launches m5.large (it registers 8028 MiB); b's group has maxSize 0; so ECS is unable to place its tasks for the whole run",
    ]);
  });

  it('every group at maxSize 0: warned', () => {
    expect(warned(scenario({ a: { instanceTypes: ['m5.large'], maxSize: 0 } }, small, ec2))).toEqual([
      "services.app.launchType: service app (launchType EC2) can never run a task: no container instance the cluster's Auto Scaling groups can launch fits task definition app (256 CPU units, 512 MiB): a's group has maxSize 0; so ECS is unable to place its tasks for the whole run",
    ]);
  });

  it('one group that fits is enough (16056 MiB on m5.xlarge takes 12000); a Spot group launches every listed type', () => {
    const td = { cpu: 1024, memory: 12000 };
    expect(warned(scenario({ a: { instanceTypes: ['m5.large'] }, b: { instanceTypes: ['m5.xlarge'] } }, td, ec2))).toEqual([]);
    expect(warned(scenario({ a: { instanceTypes: ['m5.large', 'm5.xlarge'], purchaseOption: 'spot' } }, td, ec2))).toEqual([]);
    // on demand, only the first listed type is launched
    expect(warned(scenario({ a: { instanceTypes: ['m5.large', 'm5.xlarge'] } }, td, ec2))).toHaveLength(1);
    // 8028 MiB exactly fits m5.large; 8029 does not
    expect(warned(scenario({ a: { instanceTypes: ['m5.large'] } }, { cpu: 2048, memory: 8028 }, ec2))).toEqual([]);
    expect(warned(scenario({ a: { instanceTypes: ['m5.large'] } }, { cpu: 2048, memory: 8029 }, ec2))).toHaveLength(1);
  });
});
