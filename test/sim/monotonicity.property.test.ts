// Monotonicity properties: more of a resource never makes things worse.
// - A fixed fleet in fluid fidelity (no autoscaling) under the same http load: one more task
//   never drops more requests (with the same arrivals, more servers cannot block more: an
//   M/M/c/K system's loss falls with c, and the overflow above capacity with the capacity),
//   and a larger maxQueuePerTask never drops more (a bigger buffer cannot block more: M/M/c/K's
//   loss falls with K; in an overload it holds more before it overflows).
// - The scaler alone, on an exogenous metric (not moved by the capacity) and with no scale-out
//   cooldown: a higher target value never gives a higher peak desired count (the high alarm
//   breaches in fewer minutes, and each scale out, ceil(capacity x metric / target), falls with
//   the target and with the capacity it starts from). With a scale-out cooldown this is not so:
//   the cooldown's phase moves with the target, and on a metric that scaling does not lower a
//   later scale out can compound on a higher value (the pinned example below).

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ServiceAutoScaler, type ScalingPolicyConfig } from '../../src/scaling/index.js';
import { oneGroupScenario, runKeepingRows } from '../helpers.js';
import { drive, MIN } from '../scaling/drive.js';

const loadArb = fc.record({
  routing: fc.constantFrom<'round-robin' | 'least-outstanding' | 'random'>('round-robin', 'least-outstanding', 'random'),
  from: fc.integer({ min: 0, max: 600 }),
  to: fc.integer({ min: 0, max: 600 }),
  atMin: fc.integer({ min: 1, max: 9 }),
  capacityRps: fc.integer({ min: 10, max: 100 }),
  concurrency: fc.integer({ min: 1, max: 8 }),
  exponential: fc.boolean(),
  maxQueue: fc.integer({ min: 0, max: 40 }),
  seed: fc.integer({ min: 1, max: 1000 }), // the same for both runs compared
});
type Load = typeof loadArb extends fc.Arbitrary<infer T> ? T : never;

/** Requests dropped over a 12-minute fluid run of `desired` tasks under `l`: [per-period sum, summary]. */
function dropped(l: Load, desired: number, maxQueue: number): [number, number] {
  const raw = oneGroupScenario({
    name: 'mono',
    duration: '12m',
    instances: 1, // an m5.xlarge: room for 15 tasks of 256 CPU units
    routing: l.routing,
    service: {
      desiredCount: desired,
      workload: {
        type: 'http',
        requestRate: { step: { from: l.from, to: l.to, at: `${l.atMin}m` } },
        perTask: {
          capacityRps: l.capacityRps,
          concurrency: l.concurrency,
          ...(l.exponential ? { serviceTime: { distribution: 'exponential', mean: `${(1000 * l.concurrency) / l.capacityRps}ms` } } : {}),
        },
        maxQueuePerTask: maxQueue,
      },
    },
  });
  const r = runKeepingRows(raw, { seed: l.seed });
  const sum = r.timeseries.filter((x) => x.service === 'web').reduce((a, x) => a + x.requestsDropped, 0);
  return [sum, (r.summary.services.web as any).requests.dropped];
}

// relative slack for floating-point sums (the per-period counts are fractional)
const noMore = (more: number, fewer: number) => expect(more).toBeLessThanOrEqual(fewer * (1 + 1e-9) + 1e-9);

describe('monotonicity (fixed fleet, fluid fidelity, http)', () => {
  it('one more task never drops more requests', () => {
    let dropping = 0;
    fc.assert(
      fc.property(loadArb, fc.integer({ min: 1, max: 6 }), (l, k) => {
        const [a, as] = dropped(l, k, l.maxQueue);
        const [b, bs] = dropped(l, k + 1, l.maxQueue);
        noMore(b, a);
        expect(bs).toBeLessThanOrEqual(as);
        if (a > b + 1) dropping++;
      }),
      { numRuns: 60 },
    );
    expect(dropping).toBeGreaterThan(20); // the extra task did reduce the drops in many runs
  });

  it('a larger maxQueuePerTask never drops more requests', () => {
    let dropping = 0;
    fc.assert(
      fc.property(loadArb, fc.integer({ min: 1, max: 6 }), fc.integer({ min: 1, max: 60 }), (l, k, more) => {
        const [a, as] = dropped(l, k, l.maxQueue);
        const [b, bs] = dropped(l, k, l.maxQueue + more);
        noMore(b, a);
        expect(bs).toBeLessThanOrEqual(as);
        if (a > b + 1) dropping++;
      }),
      { numRuns: 60 },
    );
    expect(dropping).toBeGreaterThan(20);
  });
});

describe('monotonicity (scaler, exogenous metric)', () => {
  const policy = (targetValue: number, outCd: number, inCd: number): ScalingPolicyConfig => ({
    policyType: 'TargetTrackingScaling',
    predefinedMetricType: 'ECSServiceAverageCPUUtilization',
    targetValue,
    scaleOutCooldown: outCd * MIN,
    scaleInCooldown: inCd * MIN,
  });
  // stretches of a metric level, 1..20 minutes each (the max capacity is out of reach: no tie there)
  const segments = fc.array(fc.record({ level: fc.integer({ min: 0, max: 300 }), length: fc.integer({ min: 1, max: 20 }) }), { minLength: 1, maxLength: 6 });

  const peak = (values: number[], target: number, desired: number, outCd: number, inCd: number) => {
    const s = new ServiceAutoScaler({ subject: 'svc', minCapacity: 1, maxCapacity: 1_000_000, policies: { cpu: policy(target, outCd, inCd) } }, desired);
    return Math.max(...drive(s, { minutes: values.length + 5, metrics: { CPUUtilization: (m) => values[Math.min(m, values.length - 1)] } }).desired);
  };

  it('a higher target value never gives a higher peak desired count (no scale-out cooldown)', () => {
    let differs = 0;
    fc.assert(
      fc.property(
        segments,
        fc.integer({ min: 10, max: 90 }),
        fc.integer({ min: 1, max: 60 }),
        fc.integer({ min: 1, max: 20 }),
        fc.integer({ min: 0, max: 10 }),
        (segs, target, higher, desired, inCd) => {
          const values = segs.flatMap((g) => Array.from({ length: g.length }, () => g.level));
          const low = peak(values, target, desired, 0, inCd);
          const high = peak(values, target + higher, desired, 0, inCd);
          expect(high).toBeLessThanOrEqual(low);
          if (high < low) differs++;
        },
      ),
      { numRuns: 300 },
    );
    expect(differs).toBeGreaterThan(50); // the higher target did peak lower in many runs
  });

  it('with a 5-minute scale-out cooldown, target 36 can peak above target 35 on a rising exogenous metric', () => {
    // 36 for a minute, 37 for six, 44 for two, then 0; 5 tasks.
    // Target 35: 3 datapoints > 35 at minute 4 -> ceil(5 x 37/35) = 6; the cooldown ends at
    // minute 9 -> ceil(6 x 44/35) = 8; at minute 10, in the new cooldown, ceil(6 x 44/35) = 8 asks no more.
    // Target 36: 36 is not > 36, so the alarm waits for minute 5 -> ceil(5 x 37/36) = 6; at
    // minute 9, in the cooldown, from the 5 before it: ceil(5 x 44/36) = 7; the cooldown ends at
    // minute 10 -> ceil(7 x 44/36) = 9.
    const values = [36, 37, 37, 37, 37, 37, 37, 44, 44, 0];
    expect(peak(values, 35, 5, 5, 0)).toBe(8);
    expect(peak(values, 36, 5, 5, 0)).toBe(9);
  });
});
