// ENI trunking (AmazonECS/latest/developerguide/container-instance-eni.html): "by default a
// c5.large instance may have up to three ENIs ... you can typically only run two such
// [awsvpc] tasks"; with awsvpcTrunking "an increased ENI limit of twelve ... ten tasks".
// Expectations by hand: a 128-CPU / 256-MiB awsvpc task fits a c5.large (2048 CPU units,
// floor(4096 x 0.98 = 4014.08) = 4014 MiB registered) min(2048/128 = 16, floor(4014/256) = 15) = 15
// times by CPU and memory, so the ENIs decide: 2 per instance without trunking (20 tasks on
// 20 / 2 = 10 instances), 10 with (20 / 10 = 2 instances).

import { describe, it, expect } from 'vitest';
import { loadScenarioObject, scenarioWarnings } from '../../src/scenario/index.js';
import { runSimulation, type CapacityRow, type TaskRow } from '../../src/sim/index.js';

function baseObject(trunking: boolean | undefined, instanceTypes: unknown[] = ['c5.large']): any {
  const s: any = {
    name: 'trunk',
    duration: '1h',
    cluster: {
      availabilityZones: ['us-east-1a', 'us-east-1b', 'us-east-1c'],
      capacityProviders: {
        asg: {
          autoScalingGroup: { instanceTypes, minSize: 0, maxSize: 30, desiredCapacity: 0, launchDelay: '60s' },
          managedScaling: { status: 'ENABLED', targetCapacity: 100, instanceWarmupPeriod: '60s' },
        },
      },
      defaultCapacityProviderStrategy: [{ capacityProvider: 'asg', weight: 1 }],
    },
    taskDefinitions: { web: { cpu: 128, memory: 256, networkMode: 'awsvpc', startup: { imagePull: '5s', containerStart: '1s' } } },
    services: { web: { taskDefinition: 'web', desiredCount: 20, placementStrategy: [{ type: 'binpack', field: 'cpu' }] } },
  };
  if (trunking !== undefined) s.cluster.awsvpcTrunking = trunking;
  return s;
}

function scenario(trunking: boolean | undefined, instanceTypes: unknown[] = ['c5.large']) {
  return loadScenarioObject('trunk', baseObject(trunking, instanceTypes), { baseDir: '.' });
}

function run(s: ReturnType<typeof scenario>) {
  const capacity: CapacityRow[] = [];
  const tasks: TaskRow[] = [];
  runSimulation(s, { event: () => {}, timeseries: () => {}, capacity: (c) => capacity.push(c), task: (t) => tasks.push(t) }, { seed: 1, checkTallies: true });
  const last = capacity[capacity.length - 1];
  const perInstance = new Map<string, number>();
  for (const t of tasks) if (t.instanceId && t.stopped === null) perInstance.set(t.instanceId, (perInstance.get(t.instanceId) ?? 0) + 1);
  return { last, perInstance };
}

describe('awsvpc ENI limit and ENI trunking on c5.large', () => {
  it('without trunking (the default): 2 awsvpc tasks per instance, 20 tasks on 10 instances', () => {
    const { last, perInstance } = run(scenario(undefined));
    expect(last.tasksRunning).toBe(20);
    expect(last.instancesRunning).toBe(10);
    expect(Math.max(...perInstance.values())).toBe(2);
  });

  it('awsvpcTrunking: true: 10 awsvpc tasks per instance, 20 tasks on 2 instances', () => {
    const { last, perInstance } = run(scenario(true));
    expect(last.tasksRunning).toBe(20);
    expect(last.instancesRunning).toBe(2);
    expect(Math.max(...perInstance.values())).toBe(10);
  });

  it('awsvpcTrunking: false is the default', () => {
    expect(run(scenario(false)).last.instancesRunning).toBe(10);
  });

  it("a custom type with enis = trunked task limit + 1 models a trunked type ecsim has no figure for (the guide's workaround)", () => {
    // enis 11: 10 awsvpc tasks per instance, trunking setting or not (a custom type has no figure)
    const custom = { name: 'c5-trunked', vcpu: 2, memoryMiB: 4096, enis: 11, price: 0.085 };
    const { last, perInstance } = run(scenario(undefined, [custom]));
    expect(last.instancesRunning).toBe(2);
    expect(Math.max(...perInstance.values())).toBe(10);
  });

  it('a type without a published trunking figure keeps its plain limit and is warned of', () => {
    // m6i.large: 3 ENIs, 2 tasks; 128/256 tasks fit 16 by CPU, 7936 / 256 = 31 by memory
    const s = scenario(true, ['m6i.large']);
    expect(run(s).last.instancesRunning).toBe(10);
    const w = scenarioWarnings(s);
    expect(w.some((x) => x.at.join('.') === 'cluster.capacityProviders.asg.autoScalingGroup.instanceTypes.0' && /no published ENI trunking task limit/.test(x.message))).toBe(true);
    expect(scenarioWarnings(scenario(true)).some((x) => /trunking/.test(x.message))).toBe(false);
  });

  it("no trunking warning for a custom type (the workaround itself), nor when no awsvpc EC2 service can use the group", () => {
    const custom = { name: 'c5-trunked', vcpu: 2, memoryMiB: 4096, enis: 11, price: 0.085 };
    expect(scenarioWarnings(scenario(true, [custom])).some((x) => /trunking/.test(x.message))).toBe(false);
    // m6i.large (no figure) but the only service uses bridge networking: ENIs decide nothing,
    // and the setting itself is said to change nothing (not ignored silently)
    const nothing = (w: { at: (string | number)[]; message: string }[]) =>
      w.filter((x) => /trunking/.test(x.message)).map((x) => `${x.at.join('.')}: ${x.message}`);
    const changesNothing = 'cluster.awsvpcTrunking: is on, but no task with networkMode awsvpc runs on an Auto Scaling group here, so it changes nothing (ENI trunking raises the awsvpc tasks an EC2 instance can run; it is not available on Fargate)';
    const s = loadScenarioObject('trunk', { ...baseObject(true, ['m6i.large']), taskDefinitions: { web: { cpu: 128, memory: 256, networkMode: 'bridge', startup: { imagePull: '5s', containerStart: '1s' } } } }, { baseDir: '.' });
    expect(nothing(scenarioWarnings(s))).toEqual([changesNothing]);
    // an awsvpc service on Fargate only: the group's ENI limit decides nothing either
    const fargate = baseObject(true, ['m6i.large']);
    fargate.cluster.capacityProviders.FARGATE = {};
    fargate.services.web.capacityProviderStrategy = [{ capacityProvider: 'FARGATE', weight: 1 }];
    fargate.taskDefinitions.web.requiresCompatibilities = ['EC2', 'FARGATE'];
    delete fargate.services.web.placementStrategy;
    Object.assign(fargate.taskDefinitions.web, { cpu: 256, memory: 512 });
    expect(nothing(scenarioWarnings(loadScenarioObject('trunk', fargate, { baseDir: '.' })))).toEqual([changesNothing]);
    // the same with launchType EC2: warned of
    const ec2 = baseObject(true, ['m6i.large']);
    ec2.services.web.launchType = 'EC2';
    expect(scenarioWarnings(loadScenarioObject('trunk', ec2, { baseDir: '.' })).some((x) => /no published ENI trunking task limit/.test(x.message))).toBe(true);
  });
});
