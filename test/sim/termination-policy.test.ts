// The default termination policy end to end (autoscaling/ec2/userguide/
// ec2-auto-scaling-termination-policies.html): after AZ balance and the launch template, the
// instance closest to its next billing hour goes, not the oldest. Times worked out by hand.

import { describe, it, expect } from 'vitest';
import { runKeepingRows } from '../helpers.js';

// i-1 runs from 0:00. At 0:48 the service asks for a second task (a whole m5.large); the
// period [0:48, 0:49) closes with M=2 N=1 and is seen at 0:50 (publishDelay 60 s): i-2
// launches at 0:50. At 0:53 the service goes back to one task; the periods from [0:53, 0:54)
// on are below target (M=1 N=2), the 15th, [1:07, 1:08), is seen at 1:09 (past the 15
// minutes after the scale out at 0:50): desired 2 -> 1. At 1:09 i-1 has run 69 min (51 to
// its next hour), i-2 19 min (41 to go): i-2 is the one scale in takes.
const raw = {
  name: 'term',
  start: '2026-03-02T00:00:00Z',
  duration: '100m',
  cluster: {
    availabilityZones: ['us-east-1a'],
    capacityProviders: {
      a: {
        autoScalingGroup: { instanceTypes: ['m5.large'], minSize: 0, maxSize: 5, desiredCapacity: 1, launchDelay: '60s' },
        managedScaling: { status: 'ENABLED', targetCapacity: 100, instanceWarmupPeriod: '60s' },
        managedTerminationProtection: 'DISABLED',
        managedDraining: 'ENABLED',
      },
    },
  },
  taskDefinitions: { t: { cpu: 2048, memory: 4096, networkMode: 'bridge', containerDefinitions: { c: { memory: 4096 } } } },
  services: {
    s: {
      taskDefinition: 't',
      capacityProviderStrategy: [{ capacityProvider: 'a', weight: 1 }],
      placementStrategy: [{ type: 'binpack', field: 'memory' }],
      autoScaling: {
        minCapacity: 1,
        maxCapacity: 2,
        scheduledActions: {
          up: { schedule: 'at(2026-03-02T00:48:00)', scalableTargetAction: { minCapacity: 2, maxCapacity: 2 } },
          down: { schedule: 'at(2026-03-02T00:53:00)', scalableTargetAction: { minCapacity: 1, maxCapacity: 1 } },
        },
      },
    },
  },
};

describe('default termination policy: closest to the next billing hour', () => {
  it('scale in at 1:09 takes i-2 (launched 0:50, 41 min to its next hour), not the older i-1 (51 min)', () => {
    const r = runKeepingRows(raw, { seed: 1 });
    const group = r.events.filter((e) => e.type === 'scaling-activity' && e.subject === 'a').map((e) => [e.time / 1000, e.message.slice(0, 14)]);
    expect(group).toEqual([
      [3000, 'desired 1 -> 2'],
      [4140, 'desired 2 -> 1'],
    ]);
    const launched = r.events.filter((e) => e.type === 'instance-launched').map((e) => [e.subject, e.time / 1000]);
    expect(launched).toEqual([
      ['i-00000000000000001', 0],
      ['i-00000000000000002', 3000],
    ]);
    // chosen at 4140: drained if a task still runs there (managed draining), else terminated at once
    const leaving = r.events.filter((e) => (e.type === 'instance-draining' || e.type === 'instance-terminated') && e.time >= 4_140_000);
    expect(leaving.length).toBeGreaterThan(0);
    expect(new Set(leaving.map((e) => e.subject))).toEqual(new Set(['i-00000000000000002']));
  });
});
