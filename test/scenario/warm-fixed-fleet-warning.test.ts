// Under warmStart a group's initial instances register at time 0 with no launch delay (the
// delay is drawn and not used): a launchDelay written for a group that never launches after
// time 0 has no effect on the run, and is warned of.

import { describe, expect, it } from 'vitest';
import { loadScenarioObject, scenarioWarnings } from '../../src/scenario/index.js';

type Over = { warmStart?: boolean; launchDelay?: unknown; minSize?: number; maxSize?: number; desiredCapacity?: number; spot?: 'interrupted' | 'quiet'; managed?: boolean; targetTracking?: boolean };

function scenario(o: Over): unknown {
  return {
    name: 'warm-fleet',
    duration: '1h',
    warmStart: o.warmStart ?? true,
    cluster: {
      availabilityZones: ['us-east-1a'],
      capacityProviders: {
        ec2: {
          autoScalingGroup: {
            instanceTypes: ['m5.large'],
            minSize: o.minSize ?? 2,
            maxSize: o.maxSize ?? 2,
            ...(o.desiredCapacity !== undefined ? { desiredCapacity: o.desiredCapacity } : {}),
            ...(o.launchDelay !== undefined ? { launchDelay: o.launchDelay } : {}),
            ...(o.spot ? { purchaseOption: 'spot' } : {}),
            ...(o.spot === 'interrupted' ? { spotInterruptions: { meanTimeBetween: '1h' } } : {}),
            ...(o.targetTracking ? { targetTrackingPolicy: { predefinedMetricType: 'ASGAverageCPUUtilization', targetValue: 50 } } : {}),
          },
          ...(o.managed ? { managedScaling: { status: 'ENABLED', targetCapacity: 100 } } : {}),
        },
      },
    },
    taskDefinitions: { app: { cpu: 256, memory: 512, networkMode: 'bridge' } },
    services: { app: { taskDefinition: 'app', desiredCount: 1, capacityProviderStrategy: [{ capacityProvider: 'ec2', weight: 1 }] } },
  };
}

const warned = (o: Over) =>
  scenarioWarnings(loadScenarioObject('warm-fleet', scenario(o), { baseDir: '.' }))
    .map((w) => `${w.at.join('.')}: ${w.message}`)
    .filter((w) => w.includes('launchDelay'));

const AT = 'cluster.capacityProviders.ec2.autoScalingGroup.launchDelay: ';

describe('warning: under warmStart, a launchDelay on a group that never launches after time 0', () => {
  it('a fixed fleet (minSize = maxSize = 2), no Spot interruptions, no scaling: said', () => {
    expect(warned({ launchDelay: '60s' })).toEqual([
      AT +
        "has no effect on the run: under warmStart the group's 2 initial instances register at time 0 with no launch delay, and the group never launches another (no managed scaling or targetTrackingPolicy changes its desired capacity, and no Spot interruption replaces one); remove it, or set warmStart false to see the launches",
    ]);
  });

  it('minSize < maxSize with nothing to scale the group: the desired capacity never changes, said (1 instance)', () => {
    expect(warned({ launchDelay: '60s', minSize: 0, maxSize: 3, desiredCapacity: 1 })).toEqual([
      AT +
        "has no effect on the run: under warmStart the group's 1 initial instance registers at time 0 with no launch delay, and the group never launches another (no managed scaling or targetTrackingPolicy changes its desired capacity, and no Spot interruption replaces one); remove it, or set warmStart false to see the launches",
    ]);
  });

  it('managed scaling or target tracking with minSize = maxSize: said (the scaling cannot move the desired capacity)', () => {
    const msg = (n: number) =>
      AT +
      `has no effect on the run: under warmStart the group's ${n} initial instances register at time 0 with no launch delay, and the group never launches another (minSize = maxSize = ${n}: its scaling cannot change its desired capacity, and no Spot interruption replaces one); remove it, or set warmStart false to see the launches`;
    expect(warned({ launchDelay: '60s', managed: true })).toEqual([msg(2)]);
    expect(warned({ launchDelay: '60s', targetTracking: true })).toEqual([msg(2)]);
  });

  it('not said: a cold run, the default launchDelay, a group that scales (managed or its own target tracking, minSize < maxSize), Spot interruptions, no initial instance', () => {
    expect(warned({ warmStart: false, launchDelay: '60s' })).toEqual([]);
    expect(warned({})).toEqual([]);
    expect(warned({ launchDelay: '60s', minSize: 1, maxSize: 3, managed: true })).toEqual([]);
    expect(warned({ launchDelay: '60s', minSize: 1, maxSize: 3, targetTracking: true })).toEqual([]);
    expect(warned({ launchDelay: '60s', spot: 'interrupted' })).toEqual([]);
    expect(warned({ launchDelay: '60s', minSize: 0, maxSize: 2 })).toEqual([]);
  });

  it('a Spot group without spotInterruptions is never interrupted: said', () => {
    expect(warned({ launchDelay: '60s', spot: 'quiet' })).toHaveLength(1);
  });
});
