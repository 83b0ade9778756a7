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
    // the message says the bound: 10 tasks need 5 instances at N = 0, 8 need 4 at N = 1
    expect(acts[0].message).toContain(
      'M=1 N=0; waiting tasks need 5 instances, capped at 1 (maximumScalingStepSize 1); N=0: the first scale out from zero launches 2; step 2 -> 1',
    );
    expect(acts[1].message).toContain('M=2 N=1; waiting tasks need 4 instances, capped at 1 (maximumScalingStepSize 1); ceil(2 / 1.00) = 2');
  });
});

// By hand, minimumScalingStepSize 3 (the simulation passes it to the estimate of M):
// - cold start, desired 0, 1 task of 512 CPU units: X = 1, raised to X' = 3, so M = 0 + 3 and
//   N = 0 reads 200; the datapoint of [0, 60 s) is seen at 120 s: the first scale out from
//   zero (2) is raised to the minimum step, desired 0 -> 3, the message saying the bound.
// - warm start, 1 m5.large, 2 tasks of 2048 CPU units (1 per instance): the first runs, the
//   second waits; X = 1 raised to 3, M = 1 busy + 3 = 4, N = 1: 400 (1 + 1 = 2, 200, without
//   the bound).
const minStep = (desiredCapacity: number, cpu: number, desiredCount: number) => ({
  ...scenario,
  name: 'reservation-min-step',
  duration: '5m',
  cluster: {
    ...scenario.cluster,
    capacityProviders: {
      asg: {
        autoScalingGroup: { instanceTypes: ['m5.large'], minSize: 0, maxSize: 20, desiredCapacity, launchDelay: '60s' },
        managedScaling: { status: 'ENABLED', targetCapacity: 100, instanceWarmupPeriod: '300s', minimumScalingStepSize: 3 },
        managedTerminationProtection: 'ENABLED',
      },
    },
  },
  taskDefinitions: { w: { cpu, memory: 1024, networkMode: 'bridge', containerDefinitions: { app: { cpu, memory: 1024 } } } },
  services: { s: { taskDefinition: 'w', desiredCount } },
});

describe('minimumScalingStepSize raises the instances M counts for the waiting tasks (AWS scale-out step 4)', () => {
  it('1 task from 0 instances: M=3 N=0, desired 0 -> 3, the message saying the bound', () => {
    const r = runKeepingRows(minStep(0, 512, 1), { seed: 1 });
    const acts = r.events.filter((e) => e.type === 'scaling-activity' && e.subject === 'asg');
    expect(acts[0].time / 1000).toBe(120);
    expect(acts[0].message.slice(0, acts[0].message.indexOf(' ('))).toBe('desired 0 -> 3');
    expect(acts[0].message).toContain(
      'M=3 N=0; waiting tasks need 1 instance, raised to 3 (minimumScalingStepSize 3); N=0: the first scale out from zero launches 2; step 2 -> 3 (scaling step size 3-10000)',
    );
  });

  it('1 busy instance and 1 task waiting: (1 + 3) / 1 x 100 = 400', () => {
    const r = runKeepingRows(minStep(1, 2048, 2), { seed: 1 });
    const rows = r.capacity.filter((c) => c.capacityProvider === 'asg' && c.tasksProvisioning > 0 && c.instancesRunning === 1);
    expect(rows.length).toBeGreaterThan(0);
    for (const c of rows) expect(c.capacityProviderReservation).toBe(400);
  });
});

// By hand, below targetCapacity 100 a binding minimum step overshoots, then scales back in
// (capacity notes, "Step sizes in M"): 4 m5.large warm, tasks of 2048 CPU units (1 to an
// instance), desiredCount 5: 4 run, 1 waits, X = 1 raised to 3, M = max(4 + 3, ceil(4 x 0.50)
// + 3) = 7, 175 %: at 120 s desired ceil(7 / 0.50) = 14. The 5 tasks on 14 instances read
// 5 / 14 = 35.7 %; the first such datapoint (period closing at 180 s, the launches registered)
// is seen at 240 s, the 15th at 240 + 14 x 60 = 1080 s (past 120 + 900): desired
// ceil(5 / 0.50) = 10, within the step of floor(14 x 0.5) = 7.
describe('below targetCapacity 100 a binding minimumScalingStepSize overshoots, then scales back in (model: AWS step 4, then target tracking)', () => {
  it('targetCapacity 50, minimumScalingStepSize 3: 4 -> 14 at 120 s, 14 -> 10 at 1080 s', () => {
    const s = minStep(4, 2048, 5);
    const overshoot = {
      ...s,
      duration: '20m',
      cluster: {
        ...s.cluster,
        capacityProviders: {
          asg: {
            ...s.cluster.capacityProviders.asg,
            autoScalingGroup: { ...s.cluster.capacityProviders.asg.autoScalingGroup, maxSize: 40 },
            managedScaling: { status: 'ENABLED', targetCapacity: 50, instanceWarmupPeriod: '60s', minimumScalingStepSize: 3 },
          },
        },
      },
    };
    const r = runKeepingRows(overshoot, { seed: 1 });
    const acts = r.events.filter((e) => e.type === 'scaling-activity' && e.subject === 'asg');
    expect(acts.map((e) => [e.time / 1000, e.message.slice(0, e.message.indexOf(' ('))])).toEqual([
      [120, 'desired 4 -> 14'],
      [1080, 'desired 14 -> 10'],
    ]);
    expect(acts[0].message).toContain('M=7 N=4; waiting tasks need 1 instance, raised to 3 (minimumScalingStepSize 3); ceil(7 / 0.50) = 14');
    expect(acts[1].message).toContain('M=5 N=14; ceil(5 / 0.50) = 10');
  });
});
