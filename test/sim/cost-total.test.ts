// summary.json's cost.total is the sum of its cost.byProvider figures (each rounded to 6
// decimals), rounded again to 6 decimals only to drop the float error of the sum, so that a
// script checking total == Σ byProvider finds it true (docs/outputs.md). Hand-computed.

import { describe, it, expect } from 'vitest';
import { runKeepingRows } from '../helpers.js';

describe('cost.total = Σ cost.byProvider', () => {
  it('sums the rounded figures: 0.1 + 0.2 = 0.3, not the 0.300001 the unrounded 0.1000004 + 0.2000004 rounds to', () => {
    // one instance in each group, launched at time 0 and billed to the end of the 1 h run:
    // 3600 s x price / 3600 = the hourly price
    const group = (type: string) => ({ autoScalingGroup: { instanceTypes: [type], minSize: 1, maxSize: 1, desiredCapacity: 1 } });
    const r = runKeepingRows(
      {
        name: 'total',
        duration: '1h',
        pricing: { ec2: { 'm5.large': 0.1000004, 'c5.large': 0.2000004 } },
        cluster: { availabilityZones: ['us-east-1a'], capacityProviders: { a: group('m5.large'), b: group('c5.large') } },
        taskDefinitions: { web: { cpu: 256, memory: 512 } },
        services: { web: { taskDefinition: 'web', desiredCount: 1, launchType: 'EC2' } },
      },
      { seed: 1 },
    );
    expect(r.summary.cost.byProvider).toEqual({ a: 0.1, b: 0.2 });
    expect(r.summary.cost.total).toBe(0.3); // 0.1 + 0.2 is 0.30000000000000004 before the rounding
  });
});
