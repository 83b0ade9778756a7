// The loader warns of an on-demand Auto Scaling group listing several instance types: ecsim
// launches only the first (prioritized allocation), so the others only change managed
// scaling's estimate, which packs waiting tasks onto the largest of each resource over the
// listed types and leaves out tasks larger than the smallest (managed-scaling-behavior.html).
// c5.large registers 2048 CPU units, 4096 x 0.98 = 4014.08 -> 4014 MiB, 2 awsvpc ENIs (maxEnis
// 3); m5.4xlarge 16384 CPU units, 65536 x 0.98 = 64225.28 -> 64225 MiB, 7 ENIs (maxEnis 8):
// larger in every resource.

import { describe, expect, it } from 'vitest';
import { loadScenarioObject, scenarioWarnings } from '../../src/scenario/index.js';

function scenario(instanceTypes: string[], purchaseOption: string, managed: boolean): unknown {
  return {
    name: 'od',
    duration: '10m',
    cluster: {
      availabilityZones: ['us-east-1a'],
      capacityProviders: {
        cp: {
          autoScalingGroup: { instanceTypes, purchaseOption, minSize: 0, maxSize: 4 },
          ...(managed ? { managedScaling: { status: 'ENABLED' } } : {}),
        },
      },
    },
    taskDefinitions: { app: { cpu: 256, memory: 256, networkMode: 'bridge' } },
    services: { app: { taskDefinition: 'app', desiredCount: 1, capacityProviderStrategy: [{ capacityProvider: 'cp', weight: 1 }] } },
  };
}

const warned = (raw: unknown) =>
  scenarioWarnings(loadScenarioObject('od', raw, { baseDir: '.' }))
    .map((w) => `${w.at.join('.')}: ${w.message}`)
    .filter((w) => /launches only its first listed type/.test(w));
const at = 'cluster.capacityProviders.cp.autoScalingGroup.instanceTypes';

describe('warning: an on-demand group listing several instance types', () => {
  it('[c5.large, m5.4xlarge] with managed scaling: m5.4xlarge only shrinks the estimate', () => {
    expect(warned(scenario(['c5.large', 'm5.4xlarge'], 'on-demand', true))).toEqual([
      `${at}: an on-demand group launches only its first listed type, c5.large (EC2 Auto Scaling's prioritized allocation), so m5.4xlarge only shrinks managed scaling's estimate: it computes the instances needed on the largest of each resource over the listed types (managed-scaling-behavior.html), more than a c5.large registers, so each scale out launches fewer c5.large than the waiting tasks need and scale out takes more rounds; list c5.large alone, or use purchaseOption spot to launch every listed type`,
    ]);
  });

  it('[m5.4xlarge, c5.large] with managed scaling: c5.large, smaller in everything, only leaves tasks out of the estimate', () => {
    expect(warned(scenario(['m5.4xlarge', 'c5.large'], 'on-demand', true))).toEqual([
      `${at}: an on-demand group launches only its first listed type, m5.4xlarge (EC2 Auto Scaling's prioritized allocation), so c5.large only leaves out of managed scaling's estimate the tasks larger than the smallest listed type (managed-scaling-behavior.html), for which it then never scales out; list m5.4xlarge alone, or use purchaseOption spot to launch every listed type`,
    ]);
  });

  it('without managed scaling the other types have no effect', () => {
    expect(warned(scenario(['c5.large', 'm5.4xlarge', 'r5.large'], 'on-demand', false))).toEqual([
      `${at}: an on-demand group launches only its first listed type, c5.large (EC2 Auto Scaling's prioritized allocation), so m5.4xlarge, r5.large have no effect on the run; list c5.large alone, or use purchaseOption spot to launch every listed type`,
    ]);
  });

  it('not for a Spot group (it launches every listed type) nor for one type', () => {
    expect(warned(scenario(['c5.large', 'm5.4xlarge'], 'spot', true))).toEqual([]);
    expect(warned(scenario(['c5.large'], 'on-demand', true))).toEqual([]);
  });
});
