// Property tests (fast-check) of the service auto scaler: bounds, the scale-in cooldown,
// and no flapping under a constant load.
import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { MetricStore, ServiceAutoScaler, type ScalingPolicyConfig } from '../../src/scaling/index.js';
import { activities, drive, MIN } from './drive.js';

const cpuPolicy = (targetValue: number, scaleOutCooldown: number, scaleInCooldown: number): ScalingPolicyConfig => ({
  policyType: 'TargetTrackingScaling',
  predefinedMetricType: 'ECSServiceAverageCPUUtilization',
  targetValue,
  scaleOutCooldown,
  scaleInCooldown,
});

const stepPolicy: ScalingPolicyConfig = {
  policyType: 'StepScaling',
  alarm: { metricName: 'CPUUtilization', statistic: 'Maximum', period: 120_000, evaluationPeriods: 2, datapointsToAlarm: 1, threshold: 90, comparisonOperator: 'GreaterThanOrEqualToThreshold' },
  adjustmentType: 'PercentChangeInCapacity',
  stepAdjustments: [{ metricIntervalLowerBound: 0, scalingAdjustment: 50 }],
  minAdjustmentMagnitude: 2,
  cooldown: 60_000,
};

// A metric stream: values in [0, 200] or missing (NaN), one per minute.
const stream = fc.array(fc.oneof({ weight: 9, arbitrary: fc.double({ min: 0, max: 200, noNaN: true }) }, { weight: 1, arbitrary: fc.constant(NaN) }), {
  minLength: 30,
  maxLength: 150,
});

describe('properties of the service auto scaler', () => {
  it('the desired count always stays within [minCapacity, maxCapacity], scheduled changes of the bounds included (aws-behaviour §1, §4)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 10 }),
        fc.integer({ min: 0, max: 30 }),
        fc.integer({ min: 0, max: 60 }),
        fc.integer({ min: 10, max: 90 }),
        stream,
        fc.integer({ min: 0, max: 40 }),
        fc.integer({ min: 0, max: 40 }),
        (min, span, desired, target, values, schedMin, schedSpan) => {
          const max = min + span;
          const s = new ServiceAutoScaler(
            {
              subject: 'svc',
              minCapacity: min,
              maxCapacity: max,
              policies: { cpu: cpuPolicy(target, 120_000, 120_000), step: stepPolicy },
              scheduledActions: { every20: { schedule: 'rate(20 minutes)', scalableTargetAction: { minCapacity: schedMin, maxCapacity: schedMin + schedSpan } } },
            },
            desired,
          );
          expect(s.target.desiredCount).toBeGreaterThanOrEqual(min);
          expect(s.target.desiredCount).toBeLessThanOrEqual(max);
          // minute by minute: datapoint, scheduled actions due, then the policies
          const store = new MetricStore({ period: MIN, publishDelay: MIN });
          let d = s.target.desiredCount;
          for (let m = 0; m <= values.length; m++) {
            const t = m * MIN;
            if (m > 0 && values[m - 1] === values[m - 1]) store.putValue('CPUUtilization', (m - 1) * MIN, values[m - 1]);
            const due = s.nextScheduledTime(t - 1);
            if (due !== null && due <= t) d = s.runScheduledActions(t, d).desiredCount;
            d = s.onMetricsVisible(t, store, d).desiredCount;
            expect(Number.isInteger(d)).toBe(true);
            expect(d).toBeGreaterThanOrEqual(s.target.minCapacity);
            expect(d).toBeLessThanOrEqual(s.target.maxCapacity);
          }
        },
      ),
      { numRuns: 150 },
    );
  });

  it('no scale in while the scale-in cooldown runs, unless a scale out ended it (target-tracking cooldowns)', () => {
    // Stretches of load as fractions of the target: low (below the low alarm's 90 %), high
    // (above the target) or missing, each 1..40 minutes, so the 15-of-15 low alarm does go
    // into ALARM and scale ins happen (counted below: the property must be exercised).
    const segment = fc.oneof(
      { weight: 5, arbitrary: fc.record({ level: fc.double({ min: 0.05, max: 0.85, noNaN: true }), length: fc.integer({ min: 1, max: 40 }) }) },
      { weight: 3, arbitrary: fc.record({ level: fc.double({ min: 1.05, max: 3, noNaN: true }), length: fc.integer({ min: 1, max: 10 }) }) },
      { weight: 1, arbitrary: fc.record({ level: fc.constant(NaN), length: fc.integer({ min: 1, max: 3 }) }) },
    );
    let scaleIns = 0;
    let runsWithTwoScaleIns = 0;
    fc.assert(
      fc.property(fc.integer({ min: 20, max: 80 }), fc.integer({ min: 0, max: 15 }), fc.array(segment, { minLength: 1, maxLength: 8 }), fc.integer({ min: 2, max: 40 }), (target, cooldownMin, segments, desired) => {
        const values = segments.flatMap((g) => Array.from({ length: g.length }, () => g.level * target));
        const cooldown = cooldownMin * MIN;
        const s = new ServiceAutoScaler({ subject: 'svc', minCapacity: 1, maxCapacity: 100, policies: { cpu: cpuPolicy(target, 300_000, cooldown) } }, desired);
        const acts = activities(drive(s, { minutes: values.length + 20, metrics: { CPUUtilization: (m) => values[m % values.length] } }).events);
        let lastIn = -Infinity;
        let ins = 0;
        for (const a of acts) {
          if (a.direction === 'out') lastIn = -Infinity;
          else {
            expect(a.time - lastIn).toBeGreaterThanOrEqual(cooldown);
            lastIn = a.time;
            ins++;
          }
        }
        scaleIns += ins;
        if (ins >= 2) runsWithTwoScaleIns++;
      }),
      { numRuns: 150 },
    );
    // the assertion above ran, and often between two scale ins
    expect(scaleIns).toBeGreaterThan(50);
    expect(runsWithTwoScaleIns).toBeGreaterThan(10);
  });

  it('with a constant load (metric = load / desired) the desired count settles after at most one change and never flaps', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0.05, max: 40, noNaN: true }),
        fc.integer({ min: 20, max: 90 }),
        fc.integer({ min: 1, max: 60 }),
        fc.integer({ min: 2, max: 15 }),
        fc.integer({ min: 2, max: 15 }),
        (load, target, desired, outCd, inCd) => {
          const s = new ServiceAutoScaler({ subject: 'svc', minCapacity: 1, maxCapacity: 60, policies: { cpu: cpuPolicy(target, outCd * MIN, inCd * MIN) } }, desired);
          const r = drive(s, { minutes: 240, metrics: { CPUUtilization: (_m, d) => (100 * load) / d } });
          const acts = activities(r.events);
          expect(acts.length).toBeLessThanOrEqual(1);
          if (acts.length === 1) {
            // it settles where the metric is at or below the target (or at a bound)
            const settled = acts[0].to;
            expect(settled === 60 || settled === 1 || (100 * load) / settled <= target + 1e-9).toBe(true);
          }
        },
      ),
      { numRuns: 200 },
    );
  });

  it('with a constant metric stream (independent of capacity) the desired count moves one way and then never changes again', () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 200, noNaN: true }), fc.integer({ min: 20, max: 90 }), fc.integer({ min: 1, max: 40 }), (metric, target, desired) => {
        const s = new ServiceAutoScaler({ subject: 'svc', minCapacity: 1, maxCapacity: 40, policies: { cpu: cpuPolicy(target, 300_000, 300_000) } }, desired);
        const r = drive(s, { minutes: 24 * 60, metrics: { CPUUtilization: () => metric } });
        const acts = activities(r.events);
        const dirs = new Set(acts.map((a) => a.direction));
        expect(dirs.size).toBeLessThanOrEqual(1);
        // settled: nothing in the second half of the day
        expect(acts.filter((a) => a.time > 12 * 60 * MIN)).toHaveLength(0);
      }),
      { numRuns: 60 },
    );
  });
});
