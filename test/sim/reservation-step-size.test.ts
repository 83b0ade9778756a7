// CapacityProviderReservation with the scaling step sizes (managed-scaling-behavior.html,
// scale-out step 4: the metric is published "with respect to the minimumScalingStepSize if
// the maximum calculated instance count is less than the minimum scaling step size, or the
// lower value of either the maximumScalingStepSize or the maximum calculated instance count").
//
// By hand: cold start, desired 0; 10 tasks of 1024 CPU units, 2 per m5.large (2048 units);
// maximumScalingStepSize 1. With N instances registered, all busy, and 10 - 2N tasks waiting,
// the packing needs X = ceil((10 - 2N) / 2) = 5 - N instances, bounded by the step to
// X' = min(1, 5 - N) = 1 for N <= 4: M = N + 1, the reservation (N + 1) / N x 100:
// 200, 150, 133.3, 125 at N = 1..4 (before: M = N + X = 5, 500, 250, 166.7, 125). The
// launches are those of the step clamp either way: one instance per warm-up (300 s) from the
// first at 120 s (N = 0 reads 200; the first scale out from zero, 2, clamped to 1).

import { describe, it, expect } from 'vitest';
import { runKeepingRows } from '../helpers.js';

const scenario = {
  name: 'reservation-step-size',
  start: '2026-03-02T08:00:00Z',
  duration: '30m',
  metrics: { period: '60s', publishDelay: '60s' },
  cluster: {
    availabilityZones: ['us-east-1a', 'us-east-1b'],
    capacityProviders: {
      asg: {
        autoScalingGroup: { instanceTypes: ['m5.large'], minSize: 0, maxSize: 20, desiredCapacity: 0, launchDelay: '60s' },
        managedScaling: { status: 'ENABLED', targetCapacity: 100, instanceWarmupPeriod: '300s', maximumScalingStepSize: 1 },
        managedTerminationProtection: 'ENABLED',
      },
    },
    defaultCapacityProviderStrategy: [{ capacityProvider: 'asg', weight: 1 }],
  },
  taskDefinitions: { w: { cpu: 1024, memory: 1024, networkMode: 'bridge', containerDefinitions: { app: { cpu: 1024, memory: 1024 } } } },
  services: { s: { taskDefinition: 'w', desiredCount: 10 } },
};

describe('maximumScalingStepSize bounds the instances M counts for the waiting tasks (AWS scale-out step 4)', () => {
  it('maximumScalingStepSize 1: (N + 1) / N x 100 at N = 1..4, one launch per warm-up', () => {
    const r = runKeepingRows(scenario, { seed: 1 });
    const rows = r.capacity.filter((c) => c.capacityProvider === 'asg' && c.tasksProvisioning > 0);
    for (let n = 1; n <= 4; n++) {
      const atN = rows.filter((c) => c.instancesRunning === n);
      expect(atN.length, `rows with N = ${n}`).toBeGreaterThan(0);
      for (const c of atN) expect(c.capacityProviderReservation).toBeCloseTo(((n + 1) / n) * 100, 3);
    }
    expect(rows.filter((c) => c.instancesRunning === 0).every((c) => c.capacityProviderReservation === 200)).toBe(true);
    const acts = r.events.filter((e) => e.type === 'scaling-activity' && e.subject === 'asg');
    expect(acts.slice(0, 5).map((e) => [e.time / 1000, e.message.slice(0, e.message.indexOf(' ('))])).toEqual([
      [120, 'desired 0 -> 1'],
      [420, 'desired 1 -> 2'],
      [720, 'desired 2 -> 3'],
      [1020, 'desired 3 -> 4'],
      [1320, 'desired 4 -> 5'],
    ]);
    expect(acts[0].message).toContain('M=1 N=0; N=0: the first scale out from zero launches 2; step 2 -> 1');
    expect(acts[1].message).toContain('M=2 N=1; ceil(2 / 1.00) = 2');
  });
});
