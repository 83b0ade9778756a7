// The loader warns when an Auto Scaling group's own target tracking policy
// (autoScalingGroup.targetTrackingPolicy, ASGAverageCPUUtilization) cannot scale it out from
// 0 instances: the metric is the average CPU of the group's instances, so with none there is
// no datapoint, and ceil(0 x metric / target) = 0 whatever the CPU. minSize 0 lets the group
// come down to 0 (or start there with desiredCapacity 0).

import { describe, expect, it } from 'vitest';
import { loadScenarioObject, scenarioWarnings } from '../../src/scenario/index.js';

function scenario(asg: object): unknown {
  return {
    name: 'g0',
    duration: '10m',
    cluster: {
      availabilityZones: ['us-east-1a'],
      capacityProviders: {
        asg: {
          autoScalingGroup: { instanceTypes: ['m5.large'], maxSize: 4, targetTrackingPolicy: { predefinedMetricType: 'ASGAverageCPUUtilization', targetValue: 50 }, ...asg },
        },
      },
      defaultCapacityProviderStrategy: [{ capacityProvider: 'asg', weight: 1 }],
    },
    taskDefinitions: { app: { cpu: 256, memory: 512, networkMode: 'bridge' } },
    services: { app: { taskDefinition: 'app', desiredCount: 1 } },
  };
}

const warned = (asg: object) =>
  scenarioWarnings(loadScenarioObject('g0', scenario(asg), { baseDir: '.' }))
    .map((w) => `${w.at.join('.')}: ${w.message}`)
    .filter((w) => /from 0 instances/.test(w));

const AT = 'cluster.capacityProviders.asg.autoScalingGroup.minSize: ';
const WHY =
  ", and its targetTrackingPolicy tracks ASGAverageCPUUtilization, the average CPU of the group's instances, which has no datapoint without instances (and ceil(0 x metric / target) = 0), so ";
const TAIL = '; the tasks given to asg then wait in PROVISIONING; keep minSize >= 1';

describe('warning: a group whose own target tracking policy cannot scale it out from 0 instances', () => {
  it('minSize 0 with desiredCapacity 2: the group may come down to 0 and never launch again', () => {
    expect(warned({ minSize: 0, desiredCapacity: 2 })).toEqual([
      `${AT}cannot scale out from 0 instances: the group may come down to 0 instances (minSize 0)${WHY}it never launches one again${TAIL}`,
    ]);
  });

  it('minSize 0 (the default) and desiredCapacity 0: it never launches an instance', () => {
    const expected = [`${AT}cannot scale out from 0 instances: the group starts with 0 instances (minSize 0, desiredCapacity 0)${WHY}it never launches an instance${TAIL}`];
    expect(warned({ minSize: 0, desiredCapacity: 0 })).toEqual(expected);
    expect(warned({})).toEqual(expected);
  });

  it('minSize 1: not said', () => {
    expect(warned({ minSize: 1 })).toEqual([]);
    expect(warned({ minSize: 1, desiredCapacity: 3 })).toEqual([]);
  });

  it('no targetTrackingPolicy: not said', () => {
    expect(warned({ minSize: 0, desiredCapacity: 0, targetTrackingPolicy: undefined })).toEqual([]);
  });

  it('scale in disabled with instances at the start: the group never comes down to 0, not said; from 0 it is', () => {
    const tt = { predefinedMetricType: 'ASGAverageCPUUtilization', targetValue: 50, disableScaleIn: true };
    expect(warned({ minSize: 0, desiredCapacity: 2, targetTrackingPolicy: tt })).toEqual([]);
    expect(warned({ minSize: 0, desiredCapacity: 0, targetTrackingPolicy: tt })).toHaveLength(1);
  });
});
