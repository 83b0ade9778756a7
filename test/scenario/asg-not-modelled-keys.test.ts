// An Auto Scaling group's EC2 Auto Scaling keys for what ecsim does not model (the mixed
// instances policy and its instances distribution, Capacity Rebalancing, termination
// policies, the group's own scale-in protection setting, the maximum instance lifetime:
// autoscaling/ec2/APIReference/API_CreateAutoScalingGroup.html) are refused as such, with
// what to write instead, rather than as an unknown key with a guessed "did you mean"
// (onDemandBaseCapacity would have guessed desiredCapacity).

import { describe, expect, it } from 'vitest';
import { loadScenarioObject, ScenarioError } from '../../src/scenario/index.js';

const KEYS = 'instanceTypes, purchaseOption, minSize, maxSize, desiredCapacity, launchDelay, attributes, amiId, osType, reservedMemoryMiB, spotInterruptions, spotInstanceDraining, targetTrackingPolicy';

function loadError(extra: Record<string, unknown>): string {
  try {
    loadScenarioObject('s.yaml', {
      name: 'asg',
      duration: '10m',
      cluster: {
        availabilityZones: ['us-east-1a'],
        capacityProviders: { ec2: { autoScalingGroup: { instanceTypes: ['m5.large'], maxSize: 2, ...extra } } },
      },
      taskDefinitions: { t: { cpu: 256, memory: 512, networkMode: 'bridge' } },
      services: { web: { taskDefinition: 't', launchType: 'EC2', desiredCount: 1 } },
    });
  } catch (e) {
    if (e instanceof ScenarioError) return e.message;
    throw e;
  }
  return 'no error';
}

const at = (key: string) => `s.yaml: cluster.capacityProviders.ec2.autoScalingGroup.${key}: unknown key "${key}" (an EC2 Auto Scaling key ecsim does not model`;

describe('Auto Scaling group keys ecsim does not model', () => {
  it('the mixed instances policy and its instances distribution: refused, pointing to two capacity providers with base on the on-demand one', () => {
    for (const [key, value] of [
      ['onDemandBaseCapacity', 1],
      ['onDemandPercentageAboveBaseCapacity', 20],
      ['spotAllocationStrategy', 'price-capacity-optimized'],
      ['mixedInstancesPolicy', { instancesDistribution: { onDemandBaseCapacity: 1 } }],
      ['instancesDistribution', {}],
      ['OnDemandBaseCapacity', 1],
    ] as const) {
      expect(loadError({ [key]: value })).toBe(
        `${at(key)}: no mixed instances policy, a group is all on-demand or all Spot (purchaseOption); for an on-demand base with Spot above it, give the service's capacityProviderStrategy two capacity providers, one with purchaseOption: spot, and base on the on-demand one; remove the key); expected one of: ${KEYS}`,
      );
    }
  });

  it('capacityRebalance, terminationPolicies, newInstancesProtectedFromScaleIn: refused, each saying what ecsim does or what to write', () => {
    expect(loadError({ capacityRebalance: true })).toContain(`${at('capacityRebalance')}: no Capacity Rebalancing`);
    expect(loadError({ terminationPolicies: ['OldestInstance'] })).toContain(`${at('terminationPolicies')}: scale in follows the default termination policy`);
    const p = loadError({ newInstancesProtectedFromScaleIn: true });
    expect(p).toContain(`${at('newInstancesProtectedFromScaleIn')} as such: for scale-in protection write managedTerminationProtection: ENABLED on the capacity provider (beside autoScalingGroup; it needs managedScaling with status ENABLED), which protects new instances as ECS requires; remove the key)`);
    expect(p).not.toMatch(/did you mean/);
  });
});
