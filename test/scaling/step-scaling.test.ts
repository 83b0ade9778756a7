// Step scaling (aws-behaviour §3; autoscaling/application/userguide/step-scaling-policy-overview.html).
import { describe, it, expect } from 'vitest';
import {
  MetricStore,
  ServiceAutoScaler,
  findStepAdjustment,
  percentChangeInCapacity,
  validateStepAdjustments,
  type StepScalingPolicyConfig,
  type TargetTrackingPolicyConfig,
  decideScaling,
  heldScaleIn,
  scaleInsThatCount,
  type ScalingPolicy,
  type ScalingRequest,
  type ScalingEvent,
} from '../../src/scaling/index.js';
import { activities, drive, MIN } from './drive.js';

const awsExample: StepScalingPolicyConfig = {
  policyType: 'StepScaling',
  alarm: {
    metricName: 'CPUUtilization',
    statistic: 'Average',
    period: 60_000,
    evaluationPeriods: 1,
    threshold: 50,
    comparisonOperator: 'GreaterThanOrEqualToThreshold',
  },
  adjustmentType: 'PercentChangeInCapacity',
  stepAdjustments: [
    { metricIntervalLowerBound: 0, metricIntervalUpperBound: 10, scalingAdjustment: 10 },
    { metricIntervalLowerBound: 10, metricIntervalUpperBound: 20, scalingAdjustment: 20 },
    { metricIntervalLowerBound: 20, metricIntervalUpperBound: null, scalingAdjustment: 30 },
  ],
};

function scaler(policy: StepScalingPolicyConfig, desired = 10, min = 1, max = 100) {
  return new ServiceAutoScaler({ subject: 'web', minCapacity: min, maxCapacity: max, policies: { surge: policy } }, desired);
}

describe('step scaling: the AWS example (threshold 50, [0,10) +10 %, [10,20) +20 %, [20,inf) +30 %)', () => {
  it('10 tasks at 65 %: breach 15 is in [10, 20) -> +20 % of 10 = 2 -> 12 tasks', () => {
    const r = drive(scaler(awsExample), { minutes: 2, metrics: { CPUUtilization: () => 65 } });
    const [a] = activities(r.events);
    expect(a).toMatchObject({ time: 2 * MIN, from: 10, to: 12, direction: 'out' });
    expect(a.cause).toBe(
      'step scaling surge: 1 datapoint >= 50: 65.0; Average 65.0 is 15.0 above 50, step [10, 20): +20% of 10 = 2 -> +2; 10 + 2 = 12',
    );
  });

  it('above the threshold the lower bound is inclusive, the upper exclusive: 60 % (breach 10) takes the +20 % step, 50 % (breach 0) the +10 % step', () => {
    expect(findStepAdjustment(awsExample.stepAdjustments, 10, true)?.scalingAdjustment).toBe(20);
    expect(findStepAdjustment(awsExample.stepAdjustments, 0, true)?.scalingAdjustment).toBe(10);
    expect(findStepAdjustment(awsExample.stepAdjustments, 1e9, true)?.scalingAdjustment).toBe(30);
  });

  it('below the threshold the lower bound is exclusive, the upper inclusive', () => {
    const steps = [
      { metricIntervalUpperBound: -10, scalingAdjustment: -30 },
      { metricIntervalLowerBound: -10, metricIntervalUpperBound: 0, scalingAdjustment: -10 },
    ];
    expect(findStepAdjustment(steps, -10, false)?.scalingAdjustment).toBe(-30); // (-inf, -10]
    expect(findStepAdjustment(steps, -5, false)?.scalingAdjustment).toBe(-10); // (-10, 0]
    expect(findStepAdjustment(steps, 0, false)?.scalingAdjustment).toBe(-10);
  });

  it('is re-invoked every period while the alarm stays in ALARM (open loop: 12 -> ... only after the cooldown)', () => {
    const r = drive(scaler({ ...awsExample, cooldown: 120_000 }), { minutes: 6, metrics: { CPUUtilization: () => 65 } });
    const acts = activities(r.events);
    // 2 min: 10 -> 12; 3 min: cooldown, from 10 again: 12, not more; 4 min: cooldown over: 12 + floor(2.4) = 14; 6 min: 14 + floor(2.8) = 16
    expect(acts.map((a) => [a.time / MIN, a.to])).toEqual([[2, 12], [4, 14], [6, 16]]);
  });
});

describe('re-invocation of Auto Scaling actions (AlarmThatSendsEmail.html: once per minute while in ALARM)', () => {
  it('a 5-minute alarm in ALARM invokes its step policy every minute, not every 5 minutes (cooldown 0)', () => {
    const five: StepScalingPolicyConfig = {
      policyType: 'StepScaling',
      alarm: { metricName: 'CPUUtilization', statistic: 'Average', period: 300_000, evaluationPeriods: 1, threshold: 80, comparisonOperator: 'GreaterThanThreshold' },
      adjustmentType: 'ChangeInCapacity',
      stepAdjustments: [{ metricIntervalLowerBound: 0, scalingAdjustment: 1 }],
      cooldown: 0,
    };
    // [0, 5 min) is visible at 5 + 1 = 6 min: ALARM, +1; then +1 at 7, 8, 9 min ...
    const r = drive(scaler(five, 4), { minutes: 9, metrics: { CPUUtilization: () => 95 } });
    expect(activities(r.events).map((a) => [a.time / MIN, a.to])).toEqual([[6, 5], [7, 6], [8, 7], [9, 8]]);
  });

  it('entering ALARM again within a minute of the last invocation invokes the policy (the action runs on the state change); staying in ALARM waits the minute', () => {
    const ten: StepScalingPolicyConfig = {
      policyType: 'StepScaling',
      alarm: { metricName: 'CPUUtilization', statistic: 'Average', period: 10_000, evaluationPeriods: 1, threshold: 50, comparisonOperator: 'GreaterThanOrEqualToThreshold' },
      adjustmentType: 'ChangeInCapacity',
      stepAdjustments: [{ metricIntervalLowerBound: 0, scalingAdjustment: 1 }],
      cooldown: 0,
    };
    const s = scaler(ten, 4);
    const store = new MetricStore({ period: 10_000, publishDelay: 0 });
    // period k ([10k, 10k + 10) s) is visible at 10(k + 1) s: 40, 60, 40, then 60 on
    const values = [40, 60, 40, 60, 60, 60, 60, 60, 60, 60];
    const acts: [number, number][] = [];
    let d = 4;
    for (let k = 0; k < values.length; k++) {
      store.putValue('CPUUtilization', k * 10_000, values[k]);
      const r = s.onMetricsVisible((k + 1) * 10_000, store, d);
      d = r.desiredCount;
      for (const e of r.events) if (e.activity) acts.push([e.time / 1000, e.activity.to]);
    }
    // 20 s: OK -> ALARM, 4 -> 5; 30 s: ALARM -> OK; 40 s: OK -> ALARM, 20 s after the last call: 5 -> 6;
    // 50..90 s: in ALARM, under a minute since 40 s; 100 s: a minute since 40 s: 6 -> 7
    expect(acts).toEqual([[20, 5], [40, 6], [100, 7]]);
  });
});

describe('PercentChangeInCapacity rounding (step-scaling-policy-overview.html, scaling adjustment types)', () => {
  it.each([
    [10, 25, 2], // 2.5 > 1 rounds down
    [10, 20, 2], // exactly 2
    [3, 25, 1], // 0.75 in (0, 1] -> 1
    [4, 25, 1], // 1 in (0, 1] -> 1
    [10, -5, -1], // -0.5 in [-1, 0) -> -1
    [10, -10, -1], // -1 -> -1
    [10, -15, -1], // -1.5 < -1 rounds toward zero
    [10, -35, -3], // -3.5 -> -3
    [10, 0, 0],
  ])('%i tasks, %i %% -> %i', (current, pct, delta) => {
    expect(percentChangeInCapacity(current, pct)).toBe(delta);
  });

  it('minAdjustmentMagnitude raises a smaller change: 25 % of 4 tasks = 1, with minAdjustmentMagnitude 2 -> +2 (AWS example)', () => {
    expect(percentChangeInCapacity(4, 25, 2)).toBe(2);
    expect(percentChangeInCapacity(10, -5, 2)).toBe(-2);
    expect(percentChangeInCapacity(40, 25, 2)).toBe(10);
  });
});

describe('step scaling cooldown (StepScalingPolicyConfiguration.Cooldown)', () => {
  const change: StepScalingPolicyConfig = {
    ...awsExample,
    adjustmentType: 'ChangeInCapacity',
    stepAdjustments: [
      { metricIntervalLowerBound: 0, metricIntervalUpperBound: 10, scalingAdjustment: 2 },
      { metricIntervalLowerBound: 10, scalingAdjustment: 3 },
    ],
    cooldown: 300_000,
  };

  it('a more aggressive scale out during the cooldown adds only what exceeds the previous one: +2, then +3 -> only 1 more', () => {
    const r = drive(scaler(change, 4), { minutes: 7, metrics: { CPUUtilization: (m) => (m === 0 ? 55 : 65) } });
    const acts = activities(r.events);
    expect(acts[0]).toMatchObject({ time: 2 * MIN, from: 4, to: 6 });
    expect(acts[1]).toMatchObject({ time: 3 * MIN, from: 6, to: 7 }); // 4 + 3 = 7: one task more
    // the message says what it was computed from and that the 2 added count
    expect(acts[1].cause).toContain('4 + 3 = 7 (scale-out cooldown: from 4, the capacity before the scale out that started it, the 2 tasks added since count: 1 more)');
    // 4..6 min: 4 + 3 = 7 again, nothing; 7 min: the cooldown (from 2 min) is over: 7 + 3 = 10
    expect(acts.slice(2).map((a) => [a.time / MIN, a.to])).toEqual([[7, 10]]);
  });

  it('scale in waits for the cooldown to end', () => {
    const scaleIn: StepScalingPolicyConfig = {
      policyType: 'StepScaling',
      alarm: { metricName: 'CPUUtilization', statistic: 'Average', period: 60_000, evaluationPeriods: 1, threshold: 30, comparisonOperator: 'LessThanThreshold' },
      adjustmentType: 'ChangeInCapacity',
      stepAdjustments: [{ metricIntervalUpperBound: 0, scalingAdjustment: -1 }],
      cooldown: 300_000,
    };
    const r = drive(scaler(scaleIn, 10), { minutes: 13, metrics: { CPUUtilization: () => 10 } });
    expect(activities(r.events).map((a) => [a.time / MIN, a.to])).toEqual([[2, 9], [7, 8], [12, 7]]);
  });

  it('ExactCapacity sets the capacity', () => {
    const exact: StepScalingPolicyConfig = { ...change, adjustmentType: 'ExactCapacity', stepAdjustments: [{ metricIntervalLowerBound: 0, scalingAdjustment: 9 }] };
    const r = drive(scaler(exact, 4), { minutes: 2, metrics: { CPUUtilization: () => 70 } });
    expect(activities(r.events)[0]).toMatchObject({ from: 4, to: 9 });
  });

  it('metricAggregationType Maximum picks the step from the largest evaluated datapoint', () => {
    const agg: StepScalingPolicyConfig = {
      ...awsExample,
      alarm: { ...awsExample.alarm, evaluationPeriods: 2, datapointsToAlarm: 2 },
      metricAggregationType: 'Maximum',
    };
    // datapoints 52 and 75: Maximum 75 -> breach 25 -> +30 % of 10 = 3
    const r = drive(scaler(agg), { minutes: 3, metrics: { CPUUtilization: (m) => (m === 0 ? 52 : 75) } });
    expect(activities(r.events)[0]).toMatchObject({ time: 3 * MIN, to: 13 });
  });
});

describe('step scaling with a fractional threshold: float noise does not pick the step below', () => {
  const steps: StepScalingPolicyConfig['stepAdjustments'] = [
    { metricIntervalLowerBound: 0, metricIntervalUpperBound: 10, scalingAdjustment: 1 },
    { metricIntervalLowerBound: 10, metricIntervalUpperBound: null, scalingAdjustment: 5 },
  ];

  it('72.35 against threshold 62.35 is 10 above: step [10, inf) +5 (72.35 - 62.35 is 9.999999999999993 in doubles)', () => {
    const p: StepScalingPolicyConfig = {
      policyType: 'StepScaling',
      alarm: { metricName: 'CPUUtilization', statistic: 'Average', period: 60_000, evaluationPeriods: 1, threshold: 62.35, comparisonOperator: 'GreaterThanThreshold' },
      adjustmentType: 'ChangeInCapacity',
      stepAdjustments: steps,
    };
    const r = drive(scaler(p, 10), { minutes: 2, metrics: { CPUUtilization: () => 72.35 } });
    expect(activities(r.events)[0]).toMatchObject({ from: 10, to: 15 });
  });

  it('metricAggregationType Average of 74638.18, 74638.55 and 74636.40 is 74637.71, 10 above 74627.71: step +5 (the doubles give 74637.70999999999)', () => {
    const v = [74638.18, 74638.55, 74636.4];
    const p: StepScalingPolicyConfig = {
      policyType: 'StepScaling',
      alarm: { metricName: 'CPUUtilization', statistic: 'Average', period: 60_000, evaluationPeriods: 3, datapointsToAlarm: 3, threshold: 74627.71, comparisonOperator: 'GreaterThanThreshold' },
      adjustmentType: 'ChangeInCapacity',
      stepAdjustments: steps,
      metricAggregationType: 'Average',
    };
    // any three consecutive minutes hold the three values
    const r = drive(scaler(p, 10), { minutes: 5, metrics: { CPUUtilization: (m) => v[m % 3] } });
    expect(activities(r.events)[0]).toMatchObject({ from: 10, to: 15 });
  });
});

describe('the cause prints the metric and its breach on the alarm\'s side of the threshold', () => {
  const wake = (op: 'GreaterThanThreshold' | 'GreaterThanOrEqualToThreshold'): StepScalingPolicyConfig => ({
    policyType: 'StepScaling',
    alarm: { metricName: 'CPUUtilization', statistic: 'Maximum', period: 60_000, evaluationPeriods: 1, threshold: 0, comparisonOperator: op },
    adjustmentType: 'ChangeInCapacity',
    stepAdjustments: [{ metricIntervalLowerBound: 0, scalingAdjustment: 2 }],
  });

  it('3e-7 over "> 0" is not printed "0 is 0 above 0" (0 is not > 0): the digits that keep it above', () => {
    const r = drive(scaler(wake('GreaterThanThreshold'), 2), { minutes: 2, metrics: { CPUUtilization: () => 3e-7 } });
    const [a] = activities(r.events);
    expect(a.cause).toBe('step scaling surge: 1 datapoint > 0: 3e-7; Average 3e-7 is 3e-7 above 0, step [0, +inf): 2 + 2 = 4');
  });

  it('"0.0002 >= 0" may print 0: 0 >= 0 holds, and 0 is in the step [0, +inf)', () => {
    const r = drive(scaler(wake('GreaterThanOrEqualToThreshold'), 2), { minutes: 2, metrics: { CPUUtilization: () => 0.0002 } });
    const [a] = activities(r.events);
    expect(a.cause).toBe('step scaling surge: 1 datapoint >= 0: 0; Average 0 is 0 above 0, step [0, +inf): 2 + 2 = 4');
  });
});

describe('the cause prints the metric and its breach alike: printed metric - printed threshold = printed breach', () => {
  const policy = (threshold: number, op: 'GreaterThanOrEqualToThreshold' | 'LessThanThreshold'): StepScalingPolicyConfig => ({
    policyType: 'StepScaling',
    alarm: { metricName: 'CPUUtilization', statistic: 'Average', period: 60_000, evaluationPeriods: 1, threshold, comparisonOperator: op },
    adjustmentType: 'ChangeInCapacity',
    stepAdjustments:
      op === 'LessThanThreshold' ? [{ metricIntervalUpperBound: 0, scalingAdjustment: -1 }] : [{ metricIntervalLowerBound: 0, scalingAdjustment: 1 }],
  });
  const cause = (threshold: number, op: 'GreaterThanOrEqualToThreshold' | 'LessThanThreshold', metric: number): string => {
    const r = drive(scaler(policy(threshold, op), 10), { minutes: 2, metrics: { CPUUtilization: () => metric } });
    return activities(r.events)[0].cause;
  };
  // the review's cases: "100.0 is 9.95 above 90", "81.7 is 1.71 above 80", "77.8 is 7.78 above 70", "36.2 is 3.77 below 40"
  it.each([
    [90, 'GreaterThanOrEqualToThreshold', 99.95, 'Average 99.95 is 9.95 above 90,'],
    [80, 'GreaterThanOrEqualToThreshold', 81.71, 'Average 81.71 is 1.71 above 80,'],
    [70, 'GreaterThanOrEqualToThreshold', 77.78, 'Average 77.78 is 7.78 above 70,'],
    [40, 'LessThanThreshold', 36.23, 'Average 36.23 is 3.77 below 40,'],
    [90, 'GreaterThanOrEqualToThreshold', 100, 'Average 100.0 is 10.0 above 90,'],
    [90, 'GreaterThanOrEqualToThreshold', 95, 'Average 95.0 is 5.0 above 90,'],
    [62.35, 'GreaterThanOrEqualToThreshold', 72.35, 'Average 72.35 is 10.00 above 62.35,'],
    [0.1234, 'GreaterThanOrEqualToThreshold', 0.5, 'Average 0.5000 is 0.3766 above 0.1234,'],
  ] as const)('threshold %s (%s), metric %s: %s', (threshold, op, metric, text) => {
    expect(cause(threshold, op, metric)).toContain(text);
  });
});

describe('validateStepAdjustments (API_StepAdjustment.html)', () => {
  it('accepts the AWS example and a two-sided set', () => {
    expect(() => validateStepAdjustments(awsExample.stepAdjustments)).not.toThrow();
    expect(() =>
      validateStepAdjustments([
        { metricIntervalUpperBound: -10, scalingAdjustment: -2 },
        { metricIntervalLowerBound: -10, metricIntervalUpperBound: 0, scalingAdjustment: -1 },
      ]),
    ).not.toThrow();
  });
  it('rejects overlapping intervals', () => {
    expect(() =>
      validateStepAdjustments([
        { metricIntervalLowerBound: 0, metricIntervalUpperBound: 15, scalingAdjustment: 1 },
        { metricIntervalLowerBound: 10, scalingAdjustment: 2 },
      ]),
    ).toThrow(/do not overlap, found stepAdjustments\[0\] \[0, 15\] overlapping stepAdjustments\[1\] \[10, null\]/);
  });
  it('rejects a gap', () => {
    expect(() =>
      validateStepAdjustments([
        { metricIntervalLowerBound: 0, metricIntervalUpperBound: 10, scalingAdjustment: 1 },
        { metricIntervalLowerBound: 20, scalingAdjustment: 2 },
      ]),
    ).toThrow(/without gaps, found a gap between stepAdjustments\[0\] \[0, 10\] and stepAdjustments\[1\] \[20, null\]/);
  });
  it('rejects two null upper bounds, two null lower bounds, and a step with both bounds null', () => {
    expect(() =>
      validateStepAdjustments([
        { metricIntervalLowerBound: 0, scalingAdjustment: 1 },
        { metricIntervalLowerBound: 10, scalingAdjustment: 2 },
      ]),
    ).toThrow(/at most one step with a null upper bound, found 2/);
    expect(() =>
      validateStepAdjustments([
        { metricIntervalUpperBound: 0, scalingAdjustment: -1 },
        { metricIntervalUpperBound: -10, scalingAdjustment: -2 },
      ]),
    ).toThrow(/at most one step with a null lower bound, found 2/);
    expect(() => validateStepAdjustments([{ scalingAdjustment: 1 }])).toThrow(/found both null/);
  });
  it('rejects a positive upper bound without a step that has a null upper bound', () => {
    expect(() => validateStepAdjustments([{ metricIntervalLowerBound: 0, metricIntervalUpperBound: 10, scalingAdjustment: 1 }])).toThrow(
      /positive upper bound requires a step with a null upper bound/,
    );
  });
  it('the policy names itself in the error', () => {
    expect(() => scaler({ ...awsExample, stepAdjustments: [] })).toThrow(/^policies\.surge\.stepAdjustments: expected at least one/);
  });
});

describe('step scaling beside target tracking (API_PutScalingPolicy.html: a step scale in "will not be blocked")', () => {
  const cpu50: TargetTrackingPolicyConfig = { policyType: 'TargetTrackingScaling', predefinedMetricType: 'ECSServiceAverageCPUUtilization', targetValue: 50 };
  const stepIn = (threshold: number, metricName = 'CPUUtilization', scalingAdjustment = -1): StepScalingPolicyConfig => ({
    policyType: 'StepScaling',
    alarm: { metricName, statistic: 'Average', period: 60_000, evaluationPeriods: 3, threshold, comparisonOperator: 'LessThanThreshold' },
    adjustmentType: 'ChangeInCapacity',
    stepAdjustments: [{ metricIntervalUpperBound: 0, scalingAdjustment }],
  });
  const both = (policies: Record<string, TargetTrackingPolicyConfig | StepScalingPolicyConfig>) =>
    new ServiceAutoScaler({ subject: 'web', minCapacity: 1, maxCapacity: 50, policies }, 10);

  it('a step scale in goes ahead while target tracking is not ready to scale in', () => {
    // CPU 46 %: not below 45 (90 % of 50), so AlarmLow stays OK; the step alarm (< 48, 3 of 3)
    // sees datapoints [0, 3) at 4 minutes: 10 - 1 = 9.
    const r = drive(both({ cpu: cpu50, trim: stepIn(48) }), { minutes: 5, metrics: { CPUUtilization: () => 46 } });
    const [a] = activities(r.events);
    expect(a).toMatchObject({ time: 4 * MIN, from: 10, to: 9, direction: 'in' });
    expect(a.cause).toContain('step scaling trim');
  });

  it('a quiet step policy does not hold back a target tracking scale in', () => {
    // CPU 40 %: AlarmLow (< 45, 15 of 15) at 16 minutes: ceil(10 x 40 / 50) = 8. The step
    // alarm (< 20) stays OK.
    const r = drive(both({ cpu: cpu50, trim: stepIn(20) }), { minutes: 17, metrics: { CPUUtilization: () => 40 } });
    expect(activities(r.events)[0]).toMatchObject({ time: 16 * MIN, from: 10, to: 8, direction: 'in' });
  });

  it('two step scale-in policies do not wait for each other', () => {
    const r = drive(both({ trim: stepIn(48), mem: stepIn(10, 'MemoryUtilization', -2) }), {
      minutes: 5,
      metrics: { CPUUtilization: () => 46, MemoryUtilization: () => 50 },
    });
    expect(activities(r.events)[0]).toMatchObject({ time: 4 * MIN, from: 10, to: 9, direction: 'in' });
  });

  it('when both scale in at once, the larger capacity wins', () => {
    // CPU 40 % from the start: both alarms reach ALARM at 16 minutes only if the step alarm
    // also needs 15 datapoints; with 3 it acts first (4 min, 10 -> 9), so compare one instant:
    // a 15-of-15 step alarm (< 45, -1) and target tracking (ceil(10 x 40 / 50) = 8): 9 wins.
    const slow = { ...stepIn(45), alarm: { ...stepIn(45).alarm, evaluationPeriods: 15 } };
    const r = drive(both({ cpu: cpu50, trim: slow }), { minutes: 17, metrics: { CPUUtilization: () => 40 } });
    const [a] = activities(r.events);
    expect(a).toMatchObject({ time: 16 * MIN, from: 10, to: 9, direction: 'in' });
    expect(a.cause).toContain('step scaling trim');
  });
});

describe('a step scale out at maxCapacity still asks for its capacity (the largest capacity wins: API_PutScalingPolicy.html, application-auto-scaling-target-tracking.html)', () => {
  const out: StepScalingPolicyConfig = {
    policyType: 'StepScaling',
    alarm: { metricName: 'CPUUtilization', statistic: 'Average', period: 60_000, evaluationPeriods: 1, threshold: 70, comparisonOperator: 'GreaterThanThreshold' },
    adjustmentType: 'ChangeInCapacity',
    stepAdjustments: [{ metricIntervalLowerBound: 0, scalingAdjustment: 5 }],
  };
  const req: TargetTrackingPolicyConfig = { policyType: 'TargetTrackingScaling', predefinedMetricType: 'ALBRequestCountPerTarget', targetValue: 1000 };

  it('CPU 91 % > 70 at maxCapacity 20 (out asks 20 + 5 = 25, clamped to 20) holds off req\'s scale in to ceil(20 x 600/1000) = 12 until the out alarm leaves ALARM (CPU 50 from minute 20: OK at 22:00)', () => {
    const s = new ServiceAutoScaler({ subject: 'api', minCapacity: 2, maxCapacity: 20, policies: { out, req } }, 20);
    const r = drive(s, { minutes: 23, metrics: { CPUUtilization: (m) => (m < 20 ? 91 : 50), RequestCountPerTarget: () => 600 } });
    // req's AlarmLow: 15 of 15 below 900 (minutes 0..14) at 16:00; out in ALARM from 2:00, invoked each minute
    expect(activities(r.events).map((a) => [a.time / MIN, a.from, a.to])).toEqual([[22, 20, 12]]);
    expect(r.events.filter((e) => e.type === 'scale-in-held').map((e) => [e.time / MIN, e.message.split(': largest')[0]])).toEqual([
      [16, 'target tracking req asks for 12 (scale in from 20), not applied: step scaling out asks for 20 (maxCapacity)'],
    ]);
  });

  it('ExactCapacity 20 on CPU > 70 at 20 tasks (maxCapacity 50) asks for 20, the current capacity: req\'s scale in to 12 is held off; the same step on CPU < 95 (a scale-in alarm) holds nothing off', () => {
    const exact = (comparisonOperator: 'GreaterThanThreshold' | 'LessThanThreshold', threshold: number): StepScalingPolicyConfig => ({
      policyType: 'StepScaling',
      alarm: { metricName: 'CPUUtilization', statistic: 'Average', period: 60_000, evaluationPeriods: 1, threshold, comparisonOperator },
      adjustmentType: 'ExactCapacity',
      stepAdjustments: [comparisonOperator === 'GreaterThanThreshold' ? { metricIntervalLowerBound: 0, scalingAdjustment: 20 } : { metricIntervalUpperBound: 0, scalingAdjustment: 20 }],
    });
    const run = (step: StepScalingPolicyConfig) =>
      drive(new ServiceAutoScaler({ subject: 'api', minCapacity: 2, maxCapacity: 50, policies: { out: step, req } }, 20), {
        minutes: 17,
        metrics: { CPUUtilization: () => 91, RequestCountPerTarget: () => 600 },
      });
    const up = run(exact('GreaterThanThreshold', 70));
    expect(activities(up.events)).toEqual([]);
    expect(up.events.filter((e) => e.type === 'scale-in-held').map((e) => [e.time / MIN, e.message.split(': largest')[0]])).toEqual([
      [16, 'target tracking req asks for 12 (scale in from 20), not applied: step scaling out asks for 20 (the current capacity)'],
    ]);
    // a scale-in alarm's ExactCapacity at the current capacity asks for nothing: req scales in
    // at 16:00 (CPU 91 < 95 in ALARM; at 12 the step's ExactCapacity 20 is a scale out: 17:00)
    const down = run(exact('LessThanThreshold', 95));
    expect(activities(down.events).map((a) => [a.time / MIN, a.from, a.to])).toEqual([
      [16, 20, 12],
      [17, 12, 20],
    ]);
  });
});

describe('which scale-in requests count (and start their policy\'s scale-in cooldown)', () => {
  const tt = (mayScaleIn = true) => ({ policyType: 'TargetTrackingScaling', mayScaleIn }) as ScalingPolicy;
  const step = { policyType: 'StepScaling', mayScaleIn: true } as ScalingPolicy;
  const scaleInTo = (capacity: number): ScalingRequest => ({ policyName: 'p', direction: 'in', capacity, explain: () => '' });

  it('a target tracking request overruled by another target tracking policy counts for nothing; the step request does', () => {
    const policies = [tt(), tt(), step];
    const requests = [scaleInTo(8), null, scaleInTo(9)];
    expect(scaleInsThatCount(policies, requests)).toEqual([false, false, true]);
    expect(decideScaling(policies, requests)?.capacity).toBe(9);
  });

  it('target tracking policies with scale in disabled are not asked', () => {
    expect(scaleInsThatCount([tt(), tt(false), step], [scaleInTo(8), null, null])).toEqual([true, false, false]);
  });
});

describe('an overruled target tracking request starts no cooldown', () => {
  it('CPU 40 % (both alarms low) but memory at 48 % until 20:00: the step policy trims every 5 minutes; memory low from 20:00, so target tracking agrees at 36:00 and scales in then', () => {
    const tt = (metric: 'ECSServiceAverageCPUUtilization' | 'ECSServiceAverageMemoryUtilization'): TargetTrackingPolicyConfig => ({ policyType: 'TargetTrackingScaling', predefinedMetricType: metric, targetValue: 50 });
    const trim: StepScalingPolicyConfig = {
      policyType: 'StepScaling',
      alarm: { metricName: 'CPUUtilization', statistic: 'Average', period: 60_000, evaluationPeriods: 3, threshold: 42, comparisonOperator: 'LessThanThreshold' },
      adjustmentType: 'ChangeInCapacity',
      stepAdjustments: [{ metricIntervalUpperBound: 0, scalingAdjustment: -1 }],
    };
    const scaler = new ServiceAutoScaler({ subject: 'web', minCapacity: 1, maxCapacity: 50, policies: { cpu: tt('ECSServiceAverageCPUUtilization'), mem: tt('ECSServiceAverageMemoryUtilization'), trim } }, 20);
    const r = drive(scaler, { minutes: 37, metrics: { CPUUtilization: () => 40, MemoryUtilization: (m) => (m < 20 ? 48 : 40) } });
    const acts = activities(r.events);
    // the step policy alone: at 4, 9, ..., 34 minutes (its 300 s cooldown); target tracking's
    // cpu requests from 16:00 are overruled by memory and must not start cpu's cooldown
    expect(acts.filter((a) => a.cause.startsWith('step scaling trim')).map((a) => a.time / MIN)).toEqual([4, 9, 14, 19, 24, 29, 34]);
    // memory's 15 datapoints below 45 (minutes 20..34) are visible at 36:00: both agree, at once
    const tracking = acts.filter((a) => a.cause.startsWith('target tracking'));
    expect(tracking[0]).toMatchObject({ time: 36 * MIN, direction: 'in' });
  });
});

// A policy's scale in during another policy's scale-out cooldown: the tasks that cooldown's
// scale out added are gone, so they no longer count "as part of the desired capacity for the
// next scale-out activity" (API_StepScalingPolicyConfiguration Cooldown;
// target-tracking-scaling-policy-overview.html). The same rule as a scheduled scale in
// (scheduled-actions.test.ts, 'a scheduled cap during a scale-out cooldown').
describe('a policy scale in during a scale-out cooldown releases what that cooldown counted', () => {
  // datapoint k (minute [k, k+1)) is visible at k + 2 minutes (drive: period and publish delay 60 s)
  const stepOut = (metricName: string, threshold: number, adj: number, cooldown: number): StepScalingPolicyConfig => ({
    policyType: 'StepScaling',
    alarm: { metricName, statistic: 'Average', period: 60_000, evaluationPeriods: 1, threshold, comparisonOperator: 'GreaterThanOrEqualToThreshold' },
    adjustmentType: 'ChangeInCapacity',
    stepAdjustments: [{ metricIntervalLowerBound: 0, scalingAdjustment: adj }],
    cooldown,
  });
  const stepIn = (adj: number): StepScalingPolicyConfig => ({
    policyType: 'StepScaling',
    alarm: { metricName: 'MemoryUtilization', statistic: 'Average', period: 60_000, evaluationPeriods: 1, threshold: 30, comparisonOperator: 'LessThanThreshold' },
    adjustmentType: 'ChangeInCapacity',
    stepAdjustments: [{ metricIntervalUpperBound: 0, scalingAdjustment: adj }],
    cooldown: 300_000,
  });
  const at = (r: { events: ScalingEvent[] }) => activities(r.events).map((a) => [a.time / MIN, a.from, a.to]);

  it('step out +1 at 2:00 (cooldown 300 s), a step scale in back to 4 at 3:00, out alarm back in ALARM at 4:00: scale out at 4:00, not 7:00', () => {
    const s = new ServiceAutoScaler(
      { subject: 'web', minCapacity: 1, maxCapacity: 50, policies: { out: stepOut('CPUUtilization', 50, 1, 300_000), in: stepIn(-1) } },
      4,
    );
    // CPU 60 but 40 in minute 1: the out alarm is in ALARM at 2:00, OK at 3:00, in ALARM again
    // from 4:00, invoking its policy every minute. Memory 10 in minute 1 only: the in alarm is
    // in ALARM at 3:00 alone.
    const r = drive(s, { minutes: 8, metrics: { CPUUtilization: (m) => (m === 1 ? 40 : 60), MemoryUtilization: (m) => (m === 1 ? 10 : 50) } });
    // 2:00: 4 + 1 = 5, cooldown to 7:00 (before 4, set 5). 3:00: in: 5 - 1 = 4. 4:00: out from
    // 4: 5 > 4 (the 5 set at 2:00 is gone): 4 -> 5 (the cooldown keeps running, set 5). 5:00,
    // 6:00: 4 + 1 = 5, not above 5. 7:00: cooldown over, 5 + 1 = 6.
    expect(at(r)).toEqual([[2, 4, 5], [3, 5, 4], [4, 4, 5], [7, 5, 6]]);
    expect(activities(r.events)[2].cause).toContain('4 + 1 = 5 (scale-out cooldown: from 4, the capacity before the scale out that started it: 1 more)');
  });

  it('the out alarm still in ALARM at 3:00: its request for 5 (from 4 in its cooldown, not above the 5 set) holds the scale in to 4 off, the largest capacity winning', () => {
    const s = new ServiceAutoScaler(
      { subject: 'web', minCapacity: 1, maxCapacity: 50, policies: { out: stepOut('CPUUtilization', 50, 1, 300_000), in: stepIn(-1) } },
      4,
    );
    const r = drive(s, { minutes: 8, metrics: { CPUUtilization: () => 60, MemoryUtilization: (m) => (m === 1 ? 10 : 50) } });
    // 2:00: 4 + 1 = 5. 3:00: out asks 4 + 1 = 5 (held: scale-out cooldown), in asks 5 - 1 = 4:
    // 5 wins, nothing scaled. 7:00: cooldown over, 5 + 1 = 6.
    expect(at(r)).toEqual([[2, 4, 5], [7, 5, 6]]);
    expect(r.events.filter((e) => e.type === 'scale-in-held').map((e) => [e.time / MIN, e.message.split(': largest')[0]])).toEqual([
      [3, 'step scaling in asks for 4 (scale in from 5), not applied: step scaling out asks for 5 (scale-out cooldown)'],
    ]);
  });

  it('a target tracking scale in during a step policy\'s scale-out cooldown: the step policy computes from what is left', () => {
    const cpu50: TargetTrackingPolicyConfig = { policyType: 'TargetTrackingScaling', predefinedMetricType: 'ECSServiceAverageCPUUtilization', targetValue: 50 };
    const s = new ServiceAutoScaler(
      { subject: 'web', minCapacity: 1, maxCapacity: 50, policies: { cpu: cpu50, mem: stepOut('MemoryUtilization', 70, 2, 1_800_000) } },
      10,
    );
    // Memory 80 in minute 0 and from minute 15; CPU 20 in minutes 0..14, 48 after (neither
    // below 45 nor above 50).
    const r = drive(s, {
      minutes: 18,
      metrics: { CPUUtilization: (m) => (m < 15 ? 20 : 48), MemoryUtilization: (m) => (m === 0 || m >= 15 ? 80 : 50) },
    });
    // 2:00: mem 10 + 2 = 12, cooldown to 32:00 (before 10, set 12). 16:00: AlarmLow (15 of 15
    // below 45, minutes 0..14): ceil(12 x 20/50) = ceil(4.8) = 5. 17:00: mem in ALARM again,
    // from 5 (what is left): 5 + 2 = 7 > 5: 5 -> 7 (from 10: 12, not above 12, refused until
    // 32:00). 18:00: 5 + 2 = 7, not above 7.
    expect(at(r)).toEqual([[2, 10, 12], [16, 12, 5], [17, 5, 7]]);
    expect(activities(r.events)[2].cause).toContain('5 + 2 = 7 (scale-out cooldown: from 5, the capacity a scale in during it left: 2 more)');
  });

  it('a step scale in during target tracking\'s own scale-out cooldown: its high alarm, back in ALARM, scales out again at once', () => {
    const cpu50: TargetTrackingPolicyConfig = { policyType: 'TargetTrackingScaling', predefinedMetricType: 'ECSServiceAverageCPUUtilization', targetValue: 50 };
    const s = new ServiceAutoScaler({ subject: 'web', minCapacity: 1, maxCapacity: 50, policies: { cpu: cpu50, in: stepIn(-4) } }, 4);
    // CPU 100 except 50 in minute 3 (so AlarmHigh is OK at 5:00: a high alarm in ALARM asking
    // for 8 would hold the scale in off, the largest capacity winning); memory 10 in minute 3 only
    const r = drive(s, { minutes: 8, metrics: { CPUUtilization: (m) => (m === 3 ? 50 : 100), MemoryUtilization: (m) => (m === 3 ? 10 : 50) } });
    // 4:00: AlarmHigh (3 of 3, minutes 0..2): ceil(4 x 100/50) = 8, cooldown to 9:00 (before 4,
    // set 8). 5:00: AlarmHigh OK (minute 3); in: 8 - 4 = 4. 8:00: AlarmHigh (minutes 4..6):
    // ceil(4 x 100/50) = 8 > 4 (the 8 set at 4:00 is gone): 4 -> 8.
    expect(at(r)).toEqual([[4, 4, 8], [5, 8, 4], [8, 4, 8]]);
    // the base, 4, is what the scale out started from: the scale in to 4 lowered nothing
    expect(activities(r.events)[2].cause).toContain('ceil(4 x 100.0/50) = 8 (scale-out cooldown: from the capacity before the previous scale out)');
  });

  it('a step scale in while target tracking\'s high alarm is in ALARM, asking during its cooldown for what is set: held off (the largest capacity wins)', () => {
    const cpu50: TargetTrackingPolicyConfig = { policyType: 'TargetTrackingScaling', predefinedMetricType: 'ECSServiceAverageCPUUtilization', targetValue: 50 };
    const s = new ServiceAutoScaler({ subject: 'web', minCapacity: 1, maxCapacity: 50, policies: { cpu: cpu50, in: stepIn(-4) } }, 4);
    // CPU 100 throughout; memory 10 in minute 3 only. 4:00: 4 -> 8. 5:00: cpu asks ceil(4 x
    // 100/50) = 8 (from the capacity before, in its cooldown), not above 8, and in: 8 - 4 = 4: 8 wins.
    const r = drive(s, { minutes: 8, metrics: { CPUUtilization: () => 100, MemoryUtilization: (m) => (m === 3 ? 10 : 50) } });
    expect(at(r)).toEqual([[4, 4, 8]]);
    const held = r.events.filter((e) => e.type === 'scale-in-held');
    expect(held.map((e) => [e.time / MIN, e.message.split(': largest')[0]])).toEqual([
      [5, 'step scaling in asks for 4 (scale in from 8), not applied: target tracking cpu asks for 8 (scale-out cooldown)'],
    ]);
  });

  it('target tracking names a base a scale in lowered: from the capacity that scale in left', () => {
    const cpu50: TargetTrackingPolicyConfig = { policyType: 'TargetTrackingScaling', predefinedMetricType: 'ECSServiceAverageCPUUtilization', targetValue: 50 };
    const s = new ServiceAutoScaler({ subject: 'web', minCapacity: 1, maxCapacity: 50, policies: { cpu: cpu50, in: stepIn(-6) } }, 4);
    const r = drive(s, { minutes: 8, metrics: { CPUUtilization: (m) => (m === 3 ? 50 : 100), MemoryUtilization: (m) => (m === 3 ? 10 : 50) } });
    // 4:00: 4 -> 8 (base 4). 5:00 (AlarmHigh OK): 8 - 6 = 2, the base lowered to 2. 8:00 (AlarmHigh
    // again, in the cooldown to 9:00): ceil(2 x 100/50) = 4 > 2
    expect(at(r)).toEqual([[4, 4, 8], [5, 8, 2], [8, 2, 4]]);
    expect(activities(r.events)[2].cause).toContain('ceil(2 x 100.0/50) = 4 (scale-out cooldown: from the capacity a scale in during the cooldown left)');
  });

  it('a scale out during the cooldown clamped to maxCapacity says the tasks it adds, not what it asked for', () => {
    const steps: StepScalingPolicyConfig = {
      ...stepOut('CPUUtilization', 50, 0, 600_000),
      stepAdjustments: [
        { metricIntervalLowerBound: 0, metricIntervalUpperBound: 20, scalingAdjustment: 6 },
        { metricIntervalLowerBound: 20, scalingAdjustment: 15 },
      ],
    };
    const s = new ServiceAutoScaler({ subject: 'web', minCapacity: 1, maxCapacity: 20, policies: { out: steps } }, 10);
    // CPU 60 in minute 0 (10 above 50: +6), 80 from minute 1 (30 above: +15)
    const r = drive(s, { minutes: 4, metrics: { CPUUtilization: (m) => (m === 0 ? 60 : 80) } });
    // 2:00: 10 + 6 = 16, cooldown to 12:00 (before 10). 3:00: from 10: 10 + 15 = 25, clamped to
    // 20: 4 more than the 16 set (not 25 - 16 = 9)
    expect(at(r)).toEqual([[2, 10, 16], [3, 16, 20]]);
    const cause = activities(r.events)[1].cause;
    expect(cause).toContain('the 6 tasks added since count: 4 more)');
    expect(cause).toContain('clamped to maxCapacity 20');
  });
});

// metricAggregationType combines ALL the datapoints the alarm evaluated, breaching or not, as
// AWS's CDK reference describes it ("Aggregation to apply to all data points over the
// evaluation periods", BasicStepScalingPolicyProps). Alarm "> 60, 2 of 3"; datapoints of
// minutes 0, 1, 2: 0, 62, 75, visible at 2, 3, 4 min: at 4 min 2 of 3 breach, ALARM. Steps
// [0, 10) +1, [10, +inf) +3 (ChangeInCapacity, 10 tasks). Average (0 + 62 + 75) / 3 = 45.67,
// 14.33 below 60: no step covers it, nothing scaled. Minimum 0, 60 below: no step. Maximum 75,
// 15 above: +3 -> 13.
describe('step scaling: metricAggregationType over all the datapoints an M-of-N alarm evaluated', () => {
  const policy = (
    agg: 'Average' | 'Minimum' | 'Maximum',
    extra: Partial<StepScalingPolicyConfig['alarm']> = {},
    steps: StepScalingPolicyConfig['stepAdjustments'] = [
      { metricIntervalLowerBound: 0, metricIntervalUpperBound: 10, scalingAdjustment: 1 },
      { metricIntervalLowerBound: 10, scalingAdjustment: 3 },
    ],
  ): StepScalingPolicyConfig => ({
    policyType: 'StepScaling',
    alarm: { metricName: 'CPUUtilization', statistic: 'Average', period: 60_000, evaluationPeriods: 3, datapointsToAlarm: 2, threshold: 60, comparisonOperator: 'GreaterThanThreshold', ...extra },
    adjustmentType: 'ChangeInCapacity',
    stepAdjustments: steps,
    metricAggregationType: agg,
  });
  const cpu = (m: number) => (m === 0 ? 0 : m === 1 ? 62 : 75);
  const noSteps = (r: { events: readonly { type: string; time: number; message: string }[] }) =>
    r.events.filter((e) => e.type === 'no-step-adjustment').map((e) => [e.time, e.message]);

  it('Average 45.67 of 0, 62, 75 is 14.33 below 60: no step, nothing scaled, said plainly', () => {
    const r = drive(scaler(policy('Average'), 10), { minutes: 4, metrics: { CPUUtilization: cpu } });
    expect(activities(r.events)).toEqual([]);
    expect(noSteps(r)).toEqual([
      [4 * MIN, 'step scaling surge: 2 of 3 datapoints > 60: 0 62.0 75.0; Average 45.7 of the 3 datapoints evaluated is 14.3 below 60: no step adjustment covers it, nothing scaled; steps [0, 10) +1, [10, +inf) +3'],
    ]);
  });

  it('Minimum 0 is 60 below: no step; Maximum 75 is 15 above: +3 -> 13 (no "of the ... evaluated": on the breaching side)', () => {
    const min = drive(scaler(policy('Minimum'), 10), { minutes: 4, metrics: { CPUUtilization: cpu } });
    expect(activities(min.events)).toEqual([]);
    expect(noSteps(min)).toHaveLength(1);
    expect(noSteps(min)[0][1]).toContain('; Minimum 0.0 of the 3 datapoints evaluated is 60.0 below 60: no step adjustment covers it');
    const [a] = activities(drive(scaler(policy('Maximum'), 10), { minutes: 4, metrics: { CPUUtilization: cpu } }).events);
    expect(a).toMatchObject({ time: 4 * MIN, from: 10, to: 13 });
    expect(a.cause).toBe('step scaling surge: 2 of 3 datapoints > 60: 0 62.0 75.0; Maximum 75.0 is 15.0 above 60, step [10, +inf): 10 + 3 = 13');
  });

  it('a step with no lower bound covers the non-breaching side: Average 45.67 takes (-inf, 10) +1 -> 11', () => {
    const steps = [
      { metricIntervalUpperBound: 10, scalingAdjustment: 1 },
      { metricIntervalLowerBound: 10, scalingAdjustment: 3 },
    ];
    const [a] = activities(drive(scaler(policy('Average', {}, steps), 10), { minutes: 4, metrics: { CPUUtilization: cpu } }).events);
    expect(a).toMatchObject({ time: 4 * MIN, from: 10, to: 11 });
    expect(a.cause).toContain('; Average 45.7 of the 3 datapoints evaluated is 14.3 below 60, step ');
  });

  it('an ALARM on missing datapoints treated as breaching with the one real datapoint (50) not breaching: Average 50 of that one, 10 below: no step, said once', () => {
    // minute 0: 50, visible at 2 min; 1 real + 2 filled in as breaching: 2 of 3 -> ALARM
    const r = drive(scaler(policy('Average', { treatMissingData: 'breaching' }), 10), { minutes: 4, metrics: { CPUUtilization: (m) => (m === 0 ? 50 : NaN) } });
    expect(activities(r.events)).toEqual([]);
    expect(noSteps(r)).toEqual([
      [2 * MIN, 'step scaling surge: 2 of 3 datapoints > 60 (2 missing, treated as breaching): 50.0; Average 50.0 of the 1 datapoint evaluated is 10.0 below 60: no step adjustment covers it, nothing scaled; steps [0, 10) +1, [10, +inf) +3'],
    ]);
  });
});

// The no-step note lists every step by the alarm's side (API_StepAdjustment: a breach above
// the threshold is in [lower, upper), one below in (lower, upper]), not by the side of the
// value it could not place: a Less* alarm's step prints as its scaling activities print it.
// Alarm "< 30, 2 of 3", Maximum; datapoints 48.2, 9.32, 9.32, 9.32 for minutes 0..3, visible
// at 2..5 min. 4 min: 2 of 3 below 30, ALARM; Maximum 48.2, 18.2 above: no step. 5 min:
// Maximum 9.32, 20.68 below: step (-inf, 0] -25 %: -25 % of 10 = -2.5 -> -2 (toward 0,
// minAdjustmentMagnitude 2), 10 -> 8.
describe('the no-step note prints each step by the alarm side', () => {
  const lessThan: StepScalingPolicyConfig = {
    policyType: 'StepScaling',
    alarm: { metricName: 'CPUUtilization', statistic: 'Average', period: 60_000, evaluationPeriods: 3, datapointsToAlarm: 2, threshold: 30, comparisonOperator: 'LessThanThreshold' },
    adjustmentType: 'PercentChangeInCapacity',
    minAdjustmentMagnitude: 2,
    stepAdjustments: [{ metricIntervalUpperBound: 0, scalingAdjustment: -25 }],
    metricAggregationType: 'Maximum',
  };

  it('a Less* alarm: (-inf, 0] in the no-step note (value above) and in the scale in that follows (value below)', () => {
    const r = drive(scaler(lessThan, 10), { minutes: 5, metrics: { CPUUtilization: (m) => (m === 0 ? 48.2 : 9.32) } });
    const notes = r.events.filter((e) => e.type === 'no-step-adjustment');
    expect(notes.map((e) => [e.time / MIN, e.message.slice(e.message.indexOf('Maximum'))])).toEqual([
      [4, 'Maximum 48.2 of the 3 datapoints evaluated is 18.2 above 30: no step adjustment covers it, nothing scaled; steps (-inf, 0] -25'],
    ]);
    const [a] = activities(r.events);
    expect(a).toMatchObject({ time: 5 * MIN, from: 10, to: 8 });
    expect(a.cause).toContain('Maximum 9.32 is 20.68 below 30, step (-inf, 0]: ');
  });
});

describe('explain reads back a value on the non-breaching side', () => {
  it('no step for Average 43.3 of the 3 datapoints evaluated, 16.7 below 60', async () => {
    const { parseNoStep } = await import('../../src/output/explain/scaling-lines.js');
    expect(parseNoStep('step scaling out: 2 of 3 datapoints > 60: 0 65.0 65.0; Average 43.3 of the 3 datapoints evaluated is 16.7 below 60: no step adjustment covers it, nothing scaled; steps [0, +inf) +2')).toEqual({
      policy: 'out',
      why: 'no step adjustment for Average 43.3 of the 3 datapoints evaluated, 16.7 below 60 (steps [0, +inf) +2): nothing scaled',
    });
    expect(parseNoStep('step scaling out: 2 of 3 datapoints > 60: 0 65.0 65.0; Average 43.3 of the 3 datapoints evaluated is 16.7 below 60, step (-inf, 0]: a scalingAdjustment of 0 (ChangeInCapacity) is no change: nothing scaled')).toEqual({
      policy: 'out',
      why: 'step (-inf, 0] for Average 43.3 of the 3 datapoints evaluated, 16.7 below 60: a scalingAdjustment of 0 (ChangeInCapacity) is no change: nothing scaled',
    });
  });
});

describe('a held scale-out request (no activity of its own) and scale ins', () => {
  const tt = (mayScaleIn = true) => ({ policyType: 'TargetTrackingScaling', mayScaleIn }) as ScalingPolicy;
  const step = { policyType: 'StepScaling', mayScaleIn: true } as ScalingPolicy;
  const scaleInTo = (capacity: number): ScalingRequest => ({ policyName: 'p', direction: 'in', capacity, explain: () => '' });
  const heldAt = (capacity: number): ScalingRequest => ({ policyName: 'h', direction: 'out', capacity, held: 'maxCapacity', explain: () => '' });

  it('asking for the current capacity or more, it holds off every scale in, a step policy\'s too; below it, it does not', () => {
    const policies = [tt(false), step];
    expect(decideScaling(policies, [heldAt(20), scaleInTo(9)], 20)).toBeNull();
    expect(heldScaleIn(policies, [heldAt(20), scaleInTo(9)], 20)?.by.capacity).toBe(20);
    expect(decideScaling(policies, [heldAt(19), scaleInTo(9)], 20)?.capacity).toBe(9);
    expect(heldScaleIn(policies, [heldAt(19), scaleInTo(9)], 20)).toBeNull();
  });

  it('it is never applied itself', () => {
    expect(decideScaling([tt(false)], [heldAt(20)], 20)).toBeNull();
  });
});
