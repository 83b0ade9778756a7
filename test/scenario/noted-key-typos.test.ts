// A misspelt AWS key that ecsim refuses with a note (a key it does not model, or one written
// elsewhere here) gets that note and the key it likely is, when no key the map knows is
// meant: `instanceDistribution` (AWS's instancesDistribution) said as a plain unknown key
// told nothing of the mixed instances policy.

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
