// An Auto Scaling group's EC2 Auto Scaling keys for what ecsim does not model (the mixed
// instances policy and its instances distribution, Capacity Rebalancing, termination
// policies, the group's own scale-in protection setting, the maximum instance lifetime:
// autoscaling/ec2/APIReference/API_CreateAutoScalingGroup.html) are refused as such, with
// what to write instead, rather than as an unknown key with a guessed "did you mean"
// (onDemandBaseCapacity would have guessed desiredCapacity).
//
// A misspelt AWS key that ecsim refuses with a note (a key it does not model, or one written
// elsewhere here) gets that note and the key it likely is, when no key the map knows is
// meant: `instanceDistribution` (AWS's instancesDistribution) said as a plain unknown key
// told nothing of the mixed instances policy.

import { describe, expect, it } from 'vitest';
import { objectProblems } from '../helpers.js';

const KEYS = 'instanceTypes, purchaseOption, minSize, maxSize, desiredCapacity, launchDelay, attributes, amiId, osType, reservedMemoryMiB, spotInterruptions, spotInstanceDraining, targetTrackingPolicy';

function loadError(extra: Record<string, unknown>): string {
  return objectProblems({
    name: 'asg',
    duration: '10m',
    cluster: {
      availabilityZones: ['us-east-1a'],
      capacityProviders: { ec2: { autoScalingGroup: { instanceTypes: ['m5.large'], maxSize: 2, ...extra } } },
    },
    taskDefinitions: { t: { cpu: 256, memory: 512, networkMode: 'bridge' } },
    services: { web: { taskDefinition: 't', launchType: 'EC2', desiredCount: 1 } },
  });
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

describe('a misspelt key of a note', () => {
  it('instanceDistribution: did you mean instancesDistribution, with its note', () => {
    expect(loadError({ instanceDistribution: { onDemandBaseCapacity: 1 } })).toBe(
      's.yaml: cluster.capacityProviders.ec2.autoScalingGroup.instanceDistribution: unknown key "instanceDistribution" (did you mean "instancesDistribution"? an EC2 Auto Scaling key ecsim does not model: no mixed instances policy, a group is all on-demand or all Spot (purchaseOption); ' +
        `for an on-demand base with Spot above it, give the service's capacityProviderStrategy two capacity providers, one with purchaseOption: spot, and base on the on-demand one; remove the key); expected one of: ${KEYS}`,
    );
    expect(loadError({ capacityRebalence: true })).toMatch(/unknown key "capacityRebalence" \(did you mean "capacityRebalance"\? an EC2 Auto Scaling key ecsim does not model: no Capacity Rebalancing/);
  });

  it('a key the map knows is still the guess when one is meant, and a key near nothing gets none', () => {
    expect(loadError({ desiredCapacty: 1 })).toMatch(/unknown key "desiredCapacty" \(did you mean "desiredCapacity"\?\); expected one of/);
    expect(loadError({ zzz: 1 })).toMatch(/unknown key "zzz"; expected one of/);
  });
});
