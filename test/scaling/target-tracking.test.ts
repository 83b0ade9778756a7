// Target tracking (aws-behaviour §2; autoscaling/application/userguide/
// target-tracking-scaling-policy-overview.html), driven minute by minute with synthetic
// datapoints, period 60 s and publish delay 60 s.
import { describe, it, expect } from 'vitest';
import {
  MetricStore,
  ServiceAutoScaler,
  type ScalingEvent,
  type ScheduledActionConfig,
  proportionalCapacity,
  targetTrackingAlarms,
  type TargetTrackingPolicyConfig,
} from '../../src/scaling/index.js';
import { activities, drive, MIN } from './drive.js';

const cpu50: TargetTrackingPolicyConfig = {
  policyType: 'TargetTrackingScaling',
  predefinedMetricType: 'ECSServiceAverageCPUUtilization',
  targetValue: 50,
};

function scaler(policy: TargetTrackingPolicyConfig = cpu50, desired = 4, min = 1, max = 20) {
  return new ServiceAutoScaler({ subject: 'web', minCapacity: min, maxCapacity: max, policies: { cpu: policy } }, desired);
}

describe('target tracking: managed alarms', () => {
  it('builds AlarmHigh (> target, 3 of 3 one-minute datapoints) and AlarmLow (< 90 % of target, 15 of 15)', () => {
    const [high, low] = targetTrackingAlarms('web', 'cpu', { ...cpu50, targetValue: 60 });
    expect(high).toMatchObject({ metricName: 'CPUUtilization', statistic: 'Average', period: 60_000, evaluationPeriods: 3, threshold: 60, comparisonOperator: 'GreaterThanThreshold' });
    expect(low).toMatchObject({ evaluationPeriods: 15, threshold: 54, comparisonOperator: 'LessThanThreshold' });
  });

  it('creates no low alarm when disableScaleIn is true', () => {
    expect(targetTrackingAlarms('web', 'cpu', { ...cpu50, disableScaleIn: true })).toHaveLength(1);
  });

  it('maps the predefined metrics and a customized metric to CloudWatch metrics', () => {
    const m = (p: Partial<TargetTrackingPolicyConfig>) => targetTrackingAlarms('s', 'p', { policyType: 'TargetTrackingScaling', targetValue: 10, ...p })[0];
    expect(m({ predefinedMetricType: 'ECSServiceAverageMemoryUtilization' })).toMatchObject({ metricName: 'MemoryUtilization', statistic: 'Average' });
    expect(m({ predefinedMetricType: 'ALBRequestCountPerTarget' })).toMatchObject({ metricName: 'RequestCountPerTarget', statistic: 'Sum' });
    expect(m({ customMetric: 'BacklogPerTask' })).toMatchObject({ metricName: 'BacklogPerTask', statistic: 'Average' });
    expect(() => m({})).toThrow(/exactly one of predefinedMetricType or customMetric, found neither/);
  });
});

describe('target tracking: proportional capacity', () => {
  it('ceil(current x metric / target): 4 tasks at 75 % with target 50 -> 6; at 80 % -> ceil(6.4) = 7', () => {
    expect(proportionalCapacity(4, 75, 50)).toBe(6);
    expect(proportionalCapacity(4, 80, 50)).toBe(7);
  });
  it('on scale in never so low that the metric would exceed the target: 10 tasks at 22 % -> ceil(4.4) = 5 (at 5 the metric is 44 <= 50)', () => {
    expect(proportionalCapacity(10, 22, 50)).toBe(5);
    expect((10 * 22) / 5).toBeLessThanOrEqual(50);
    expect((10 * 22) / 4).toBeGreaterThan(50);
  });
});

describe('target tracking: timing of the first scale out and the first scale in', () => {
  // Closed loop: CPU = 100 x demand / desired; demand 1.2 tasks' worth (30 % at 4 tasks),
  // 3.2 from minute 10 (80 %), 0.8 from minute 30.
  const demand = (m: number) => (m < 10 ? 1.2 : m < 30 ? 3.2 : 0.8);
  const result = drive(scaler(), { minutes: 60, metrics: { CPUUtilization: (m, d) => (100 * demand(m)) / d } });
  const acts = activities(result.events);

  it('scales out when the 3rd breaching datapoint is visible: step at 10 min + 3 periods + 60 s delay = 14 min, to ceil(4 x 80/50) = 7', () => {
    expect(acts[0]).toMatchObject({ time: 14 * MIN, from: 4, to: 7, direction: 'out' });
    expect(acts[0].cause).toBe('target tracking cpu: 3 datapoints > 50: 80.0 80.0 80.0; ceil(4 x 80.0/50) = 7');
  });

  it('records the high alarm going to ALARM at the same time, with its datapoints', () => {
    const alarm = result.events.find((e) => e.type === 'alarm-state' && e.message.includes('AlarmHigh OK -> ALARM'));
    expect(alarm?.time).toBe(14 * MIN);
  });

  it('scales in when the 15th datapoint below 90 % of target is visible: drop at 30 min + 15 periods + 60 s = 46 min, to ceil(7 x (80/7)/50) = ceil(1.6) = 2', () => {
    expect(acts[1]).toMatchObject({ time: 46 * MIN, from: 7, to: 2, direction: 'in' });
    expect(acts[1].cause).toMatch(/^target tracking cpu: 15 datapoints < 45: (11\.4 ){14}11\.4; ceil\(7 x 11\.4\/50\) = 2$/);
    // and settles: 40 % at 2 tasks is below 45 % but ceil(2 x 40/50) = 2, no change
    expect(acts).toHaveLength(2);
  });
});

describe('target tracking: cooldowns (target-tracking-scaling-policy-overview.html#target-tracking-cooldown)', () => {
  it('during the scale-out cooldown a scale out happens only when it asks for more than the previous one set', () => {
    // Open loop (new tasks not yet reflected): 75 % from minute 0, 100 % from minute 5.
    const r = drive(scaler(), { minutes: 12, metrics: { CPUUtilization: (m) => (m < 5 ? 75 : 100) } });
    const acts = activities(r.events);
    // 4 min: 3 datapoints of 75 -> ceil(4 x 75/50) = 6
    expect(acts[0]).toMatchObject({ time: 4 * MIN, from: 4, to: 6 });
    // 5, 6 min: still 75, from the capacity before the scale out: ceil(4 x 75/50) = 6, not more -> nothing
    // 7 min: minute 5's 100 % is visible -> ceil(4 x 100/50) = 8 > 6 -> scale out inside the cooldown
    expect(acts[1]).toMatchObject({ time: 7 * MIN, from: 6, to: 8, direction: 'out' });
    expect(acts[1].cause).toContain('ceil(4 x 100.0/50) = 8 (scale-out cooldown');
    // 8..12 min (cooldown runs until 9 min): at 9 min the cooldown is over and the base is 8:
    // ceil(8 x 100/50) = 16 (open loop: the metric did not fall)
    expect(acts[2]).toMatchObject({ time: 9 * MIN, from: 8, to: 16 });
  });

  // "the capacity that has been added by the previous scale out event that initiated the
  // cooldown is calculated as part of the desired capacity for the next scale out"
  // (target-tracking-scaling-policy-overview.html#target-tracking-cooldown). Closed loop, tasks
  // running the minute they are asked for: CPU = 100 x demand / desired, each datapoint
  // measured over the desired count of its minute. Demand 3.6 tasks' worth (90 % at 4), 6.0
  // from minute 5; target 60, scale-out cooldown 10 min.
  const closed = { ...cpu50, targetValue: 60, scaleOutCooldown: 600_000, disableScaleIn: true };
  const demand = (m: number) => (m < 5 ? 3.6 : 6);
  const cpu = (m: number, d: number) => (100 * demand(m)) / d;

  it('during the scale-out cooldown the request is computed from the tasks the newest datapoint covered', () => {
    const r = drive(scaler(closed), { minutes: 14, metrics: { CPUUtilization: cpu }, tasks: (_m, d) => d });
    const acts = activities(r.events);
    // 4 min: minutes 0-2 at 90 % (4 tasks) -> ceil(4 x 90/60) = 6; cooldown until 14 min.
    expect(acts[0]).toMatchObject({ time: 4 * MIN, from: 4, to: 6 });
    // 5 min: minute 3 (90 %, 4 tasks) -> ceil(4 x 90/60) = 6, not more than 6: nothing.
    // 6-8 min: minute 4 at 60 % (6 tasks) keeps the alarm OK. 9 min: minutes 5-7 at 100 %,
    // minute 7 measured over the 6 tasks -> ceil(6 x 100/60) = 10 (the old rule, from the
    // 4 before the scale out: ceil(4 x 100/60) = 7)
    expect(acts[1]).toMatchObject({ time: 9 * MIN, from: 6, to: 10, direction: 'out' });
    expect(acts[1].cause).toBe(
      'target tracking cpu: 3 datapoints > 60: 100.0 100.0 100.0; ceil(6 x 100.0/60) = 10 (scale-out cooldown: from the 6 tasks the datapoint covered)',
    );
    // 10 min: minute 8 (100 %, 6 tasks: measured before the 4 added at 9 min ran) asks
    // ceil(6 x 100/60) = 10 again, not more than the 10 set: no compounding (from the current
    // capacity it would be ceil(10 x 100/60) = 17). From minute 9, 60 % at 10 tasks: OK.
    expect(acts).toHaveLength(2);
    expect(r.desired.at(-1)).toBe(10);
  });

  it('during the scale-out cooldown a datapoint over fewer tasks than before the scale out counts from the capacity before', () => {
    // as above, but minute 7 was measured over 3 tasks (three of the six not reporting):
    // from max(4 before, 3) = 4 -> ceil(4 x 100/60) = 7 > 6
    const r = drive(scaler(closed), { minutes: 9, metrics: { CPUUtilization: cpu }, tasks: (m, d) => (m === 7 ? 3 : d) });
    const acts = activities(r.events);
    expect(acts[1]).toMatchObject({ time: 9 * MIN, from: 6, to: 7 });
    expect(acts[1].cause).toContain(
      'ceil(4 x 100.0/60) = 7 (scale-out cooldown: from the capacity before the previous scale out; the datapoint covered 3 tasks)',
    );
  });

  it('during the scale-out cooldown a datapoint over more tasks than the current capacity counts from the current capacity', () => {
    // minute 7 measured over 9 tasks (say, a deployment's extra ones) while the desired count is 6:
    // from min(9, 6) = 6 -> ceil(6 x 100/60) = 10
    const r = drive(scaler(closed), { minutes: 9, metrics: { CPUUtilization: cpu }, tasks: (m, d) => (m === 7 ? 9 : d) });
    const acts = activities(r.events);
    expect(acts[1]).toMatchObject({ time: 9 * MIN, from: 6, to: 10 });
    expect(acts[1].cause).toContain('ceil(6 x 100.0/60) = 10 (scale-out cooldown: from the current capacity; the datapoint covered 9 tasks)');
  });

  it('during the scale-in cooldown no scale in; it resumes when the cooldown ends', () => {
    // 10 tasks at 20 %: minutes 0..14 are 15 datapoints < 45, the 15th visible at 16 min ->
    // ceil(10 x 20/50) = 4. Open loop: the metric stays 20 %, the low alarm stays in ALARM and
    // is invoked every minute, but the scale-in cooldown (300 s) blocks until 21 min:
    // then ceil(4 x 20/50) = ceil(1.6) = 2.
    const r = drive(scaler(cpu50, 10), { minutes: 24, metrics: { CPUUtilization: () => 20 } });
    const acts = activities(r.events);
    expect(acts[0]).toMatchObject({ time: 16 * MIN, from: 10, to: 4, direction: 'in' });
    expect(acts[1]).toMatchObject({ time: 21 * MIN, from: 4, to: 2, direction: 'in' });
  });

  it('a scale out inside the scale-in cooldown is applied at once and ends the cooldown', () => {
    // scale in at 16 min (10 -> 4); 120 % from minute 16: 3 datapoints visible at 20 min < 16 + 5
    // -> ceil(4 x 120/50) = ceil(9.6) = 10. Then 20 % from minute 20: the low alarm needs 15
    // new datapoints (minutes 20..34, visible at 36 min) and scales in at once, ceil(10 x 20/50) = 4.
    const metric = (m: number) => (m < 16 ? 20 : m < 20 ? 120 : 20);
    const r = drive(scaler(cpu50, 10), { minutes: 40, metrics: { CPUUtilization: metric } });
    const acts = activities(r.events);
    expect(acts[0]).toMatchObject({ time: 16 * MIN, from: 10, to: 4, direction: 'in' });
    expect(acts[1]).toMatchObject({ time: 20 * MIN, from: 4, to: 10, direction: 'out' });
    expect(acts[2]).toMatchObject({ time: 36 * MIN, from: 10, to: 4, direction: 'in' });
  });

  it('missing data (no running tasks, no CPU datapoint) never triggers a scale in', () => {
    const r = drive(scaler(cpu50, 6), { minutes: 60, metrics: { CPUUtilization: () => NaN } });
    expect(activities(r.events)).toHaveLength(0);
    expect(r.desired.at(-1)).toBe(6);
  });

  it('clamps to maxCapacity and says so', () => {
    const r = drive(scaler(cpu50, 4, 1, 5), { minutes: 5, metrics: { CPUUtilization: () => 75 } });
    const [a] = activities(r.events);
    expect(a).toMatchObject({ from: 4, to: 5 });
    expect(a.cause).toMatch(/ceil\(4 x 75\.0\/50\) = 6; clamped to maxCapacity 5$/);
  });

  it('with disableScaleIn no scale in ever happens', () => {
    const r = drive(scaler({ ...cpu50, disableScaleIn: true }, 8), { minutes: 40, metrics: { CPUUtilization: () => 5 } });
    expect(activities(r.events)).toHaveLength(0);
  });
});

describe('several policies on one target (application-auto-scaling-target-tracking.html, multiple policies)', () => {
  const two = () =>
    new ServiceAutoScaler(
      {
        subject: 'web',
        minCapacity: 1,
        maxCapacity: 50,
        policies: {
          cpu: cpu50,
          mem: { policyType: 'TargetTrackingScaling', predefinedMetricType: 'ECSServiceAverageMemoryUtilization', targetValue: 50 },
        },
      },
      10,
    );

  it('scale out when any policy asks; the largest capacity wins', () => {
    const r = drive(two(), { minutes: 4, metrics: { CPUUtilization: () => 60, MemoryUtilization: () => 90 } });
    const [a] = activities(r.events);
    expect(a).toMatchObject({ time: 4 * MIN, from: 10, to: 18 }); // max(ceil(10x60/50)=12, ceil(10x90/50)=18)
    expect(a.cause).toContain('target tracking mem');
  });

  it('scale in only when every policy that may scale in agrees', () => {
    // CPU low (20 %), memory at target (48 %, not below 45): no scale in.
    const r1 = drive(two(), { minutes: 40, metrics: { CPUUtilization: () => 20, MemoryUtilization: () => 48 } });
    expect(activities(r1.events)).toHaveLength(0);
    // Both low: the largest resulting capacity wins: max(ceil(10x20/50)=4, ceil(10x40/50)=8) = 8
    const r2 = drive(two(), { minutes: 17, metrics: { CPUUtilization: () => 20, MemoryUtilization: () => 40 } });
    expect(activities(r2.events)[0]).toMatchObject({ time: 16 * MIN, from: 10, to: 8, direction: 'in' });
  });
});

describe('a scale out that cannot happen still asks for its capacity: no other policy scales in (application-auto-scaling-target-tracking.html: "the policy that provides the largest capacity for both scale in and scale out")', () => {
  const req: TargetTrackingPolicyConfig = {
    policyType: 'TargetTrackingScaling',
    predefinedMetricType: 'ALBRequestCountPerTarget',
    targetValue: 1000,
    disableScaleIn: true,
  };
  const cpu60: TargetTrackingPolicyConfig = { ...cpu50, targetValue: 60 };
  const pair = (desired: number, max: number, reqPolicy: TargetTrackingPolicyConfig = req) =>
    new ServiceAutoScaler({ subject: 'api', minCapacity: 2, maxCapacity: max, policies: { cpu: cpu60, req: reqPolicy } }, desired);

  it('at maxCapacity 20: req (3600 per target, AlarmHigh in ALARM from 4:00) holds off cpu\'s scale in (15 %, AlarmLow in ALARM from 16:00) until its alarm leaves ALARM at 32:00, then cpu scales in to ceil(20 x 15/60) = 5', () => {
    // minute m's datapoint is visible at (m + 2) min; 3600 for minutes 0-29, 500 from 30:
    // AlarmHigh OK at 32:00 (newest visible, minute 30, is not above 1000)
    const r = drive(pair(20, 20), {
      minutes: 33,
      metrics: { CPUUtilization: () => 15, RequestCountPerTarget: (m) => (m < 30 ? 3600 : 500) },
    });
    expect(activities(r.events)).toEqual([expect.objectContaining({ time: 32 * MIN, from: 20, to: 5, direction: 'in' })]);
    const held = r.events.filter((e) => e.type === 'scale-in-held');
    expect(held.map((e) => e.time)).toEqual([16 * MIN]); // once, not each minute the alarms repeat
    expect(held[0].message).toMatch(
      /^target tracking cpu asks for 5 \(scale in from 20\), not applied: target tracking req asks for 20 \(maxCapacity\): largest capacity wins; /,
    );
  });

  it('during req\'s scale-out cooldown (30 min): 10 -> ceil(10 x 1500/1000) = 15 at 4:00; it asks again for 15 (from the capacity before), no more than set, and that holds off cpu\'s scale in to ceil(15 x 15/60) = 4 until the cooldown ends at 34:00, when req scales out to ceil(15 x 1500/1000) = 23', () => {
    const r = drive(pair(10, 50, { ...req, scaleOutCooldown: 30 * MIN }), {
      minutes: 34,
      metrics: { CPUUtilization: () => 15, RequestCountPerTarget: () => 1500 },
    });
    expect(activities(r.events).map((a) => [a.time / MIN, a.from, a.to])).toEqual([
      [4, 10, 15],
      [34, 15, 23],
    ]);
    const held = r.events.filter((e) => e.type === 'scale-in-held');
    expect(held.map((e) => [e.time / MIN, e.message.split(': largest')[0]])).toEqual([
      [16, 'target tracking cpu asks for 4 (scale in from 15), not applied: target tracking req asks for 15 (scale-out cooldown)'],
    ]);
  });

  // As the simulation drives it: at each minute, the scheduled actions due, then the
  // datapoints visible (minute m's at (m + 2) min). CPU 15, 3600 requests per target throughout.
  const START = Date.parse('2026-03-02T08:00:00Z');
  function withSchedule(actions: Record<string, ScheduledActionConfig>, minutes: number): ScalingEvent[] {
    const s = new ServiceAutoScaler(
      { subject: 'api', minCapacity: 2, maxCapacity: 20, startEpochMs: START, policies: { cpu: cpu60, req }, scheduledActions: actions },
      20,
    );
    const store = new MetricStore({ period: MIN, publishDelay: MIN });
    const events: ScalingEvent[] = [];
    let d = s.target.desiredCount;
    for (let m = 0; m <= minutes; m++) {
      if (m > 0) {
        store.putValue('CPUUtilization', (m - 1) * MIN, 15, NaN);
        store.putValue('RequestCountPerTarget', (m - 1) * MIN, 3600, NaN);
      }
      const a = s.runScheduledActions(m * MIN, d);
      const b = s.onMetricsVisible(m * MIN, store, a.desiredCount);
      events.push(...a.events, ...b.events);
      d = b.desiredCount;
    }
    return events;
  }
  const heldOf = (events: ScalingEvent[]) => events.filter((e) => e.type === 'scale-in-held').map((e) => [e.time / MIN, e.message.split(': largest')[0]]);
  const stepsOf = (events: ScalingEvent[]) => activities(events).map((a) => [a.time / MIN, a.from, a.to]);

  it('a scheduled maxCapacity 10 at 08:20 scales 20 -> 10 during the hold: the hold at 10 is a new stay, logged again (req asks ceil(10 x 3600/1000) = 36, clamped to 10; cpu ceil(10 x 15/60) = 3)', () => {
    const events = withSchedule({ cap: { schedule: 'at(2026-03-02T08:20:00)', scalableTargetAction: { maxCapacity: 10 } } }, 22);
    expect(stepsOf(events)).toEqual([[20, 20, 10]]);
    expect(heldOf(events)).toEqual([
      [16, 'target tracking cpu asks for 5 (scale in from 20), not applied: target tracking req asks for 20 (maxCapacity)'],
      [20, 'target tracking cpu asks for 3 (scale in from 10), not applied: target tracking req asks for 10 (maxCapacity)'],
    ]);
  });

  it('after an activity the hold is a new stay even at the same capacity: cap to 10 and back to maxCapacity 20 at 08:20, req scales out 10 -> 20 at once, and at 21:00 the hold at 20 is logged again', () => {
    const events = withSchedule(
      {
        cap: { schedule: 'at(2026-03-02T08:20:00)', scalableTargetAction: { maxCapacity: 10 } },
        uncap: { schedule: 'at(2026-03-02T08:20:00)', scalableTargetAction: { maxCapacity: 20 } },
      },
      23,
    );
    // 20:00: cap 20 -> 10, uncap (the count stays 10); req: ceil(10 x 3600/1000) = 36, clamped
    // to 20: 10 -> 20. 21:00: req asks 20 again (maxCapacity), cpu ceil(20 x 15/60) = 5: held
    expect(stepsOf(events)).toEqual([
      [20, 20, 10],
      [20, 10, 20],
    ]);
    const again = 'target tracking cpu asks for 5 (scale in from 20), not applied: target tracking req asks for 20 (maxCapacity)';
    expect(heldOf(events)).toEqual([
      [16, again],
      [21, again],
    ]);
  });
});
