// A Spot group diversifies across its listed instance types in each Availability Zone: a
// rotation per AZ, the i-th listed AZ starting at the i-th type (docs/assumptions.md). With
// one rotation over the whole group and the AZs balanced in turn (a, b, a, b), 2 types and 2
// AZs gave AZ a only the first type and AZ b only the second.
// Hand-reasoned: launches go a, b, a, b (fewest instances first, ties to the first listed);
// AZ a takes types 0, 1 (c5.large, m5.large), AZ b types 1, 0 (m5.large, c5.large).

import { describe, expect, it } from 'vitest';
import { runKeepingRows } from '../helpers.js';

function scenario(instanceTypes: string[], azs: string[], desired: number): any {
  return {
    name: 'rot',
    duration: '5m',
    cluster: {
      availabilityZones: azs,
      capacityProviders: {
        spot: { autoScalingGroup: { instanceTypes, purchaseOption: 'spot', minSize: desired, maxSize: desired, desiredCapacity: desired, launchDelay: '60s' } },
      },
    },
    taskDefinitions: { app: { cpu: 256, memory: 512, networkMode: 'bridge' } },
    services: { app: { taskDefinition: 'app', desiredCount: 1, launchType: 'EC2' } },
  };
}

/** AZ -> the types launched there, in launch order (from "<group> launched <type> in <az> ..."). */
function typesByAz(raw: unknown): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const e of runKeepingRows(raw, { seed: 1 }).events) {
    if (e.type !== 'instance-launched') continue;
    const [, type, az] = /launched (\S+) in (\S+)/.exec(e.message)!;
    (out[az] ??= []).push(type);
  }
  return out;
}

describe('Spot type rotation per Availability Zone', () => {
  it('2 types, 2 AZs, 4 instances: every AZ gets both types', () => {
    expect(typesByAz(scenario(['c5.large', 'm5.large'], ['us-east-1a', 'us-east-1b'], 4))).toEqual({
      'us-east-1a': ['c5.large', 'm5.large'],
      'us-east-1b': ['m5.large', 'c5.large'],
    });
  });

  it('2 instances: the group still has one of each type (AZ b starts at the second type)', () => {
    expect(typesByAz(scenario(['c5.large', 'm5.large'], ['us-east-1a', 'us-east-1b'], 2))).toEqual({
      'us-east-1a': ['c5.large'],
      'us-east-1b': ['m5.large'],
    });
  });

  it('one AZ: the plain rotation c5.large, m5.large, r5.large, c5.large', () => {
    expect(typesByAz(scenario(['c5.large', 'm5.large', 'r5.large'], ['us-east-1a'], 4))).toEqual({
      'us-east-1a': ['c5.large', 'm5.large', 'r5.large', 'c5.large'],
    });
  });
});
