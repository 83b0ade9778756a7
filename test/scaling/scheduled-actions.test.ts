// Scheduled actions on the service auto scaler (aws-behaviour §4; application-auto-scaling-scheduled-scaling.html):
// they set minCapacity / maxCapacity; a desired count outside the new bounds is scaled to them.
import { describe, it, expect } from 'vitest';
import { MetricStore, ServiceAutoScaler, type ScalingEvent } from '../../src/scaling/index.js';

const START = Date.parse('2026-03-02T00:00:00Z'); // a Monday
const H = 3_600_000;

function scaler(desired = 4) {
  return new ServiceAutoScaler(
    {
      subject: 'web',
      minCapacity: 2,
      maxCapacity: 60,
      startEpochMs: START,
      scheduledActions: {
        'business-hours': { schedule: 'cron(0 8 ? * MON-FRI *)', timezone: 'Europe/Berlin', scalableTargetAction: { minCapacity: 10, maxCapacity: 60 } },
        night: { schedule: 'cron(0 20 ? * MON-FRI *)', timezone: 'Europe/Berlin', scalableTargetAction: { minCapacity: 2, maxCapacity: 6 } },
      },
    },
    desired,
  );
}

/** A scaler of 1..10 tasks, desired 1, with one scheduled action. */
function withAction(name: string, action: Record<string, unknown>) {
  return new ServiceAutoScaler({ subject: 'web', minCapacity: 1, maxCapacity: 10, startEpochMs: START, scheduledActions: { [name]: action as any } }, 1);
}

describe('ServiceAutoScaler scheduled actions', () => {
  it('the first firing is 08:00 Berlin on Monday 2026-03-02 = 07:00Z = 7 h of simulation time', () => {
    expect(scaler().nextScheduledTime(0)).toBe(7 * H);
  });

  it('raising minCapacity above the desired count scales out to it, as a scaling activity', () => {
    const s = scaler(4);
    const r = s.runScheduledActions(7 * H);
    expect(r.desiredCount).toBe(10);
    expect(r.events.map((e) => e.type)).toEqual(['scheduled-action', 'scaling-activity']);
    expect(r.events[1].activity).toMatchObject({ time: 7 * H, from: 4, to: 10, direction: 'out' });
    expect(r.events[0].message).toBe('scheduled action business-hours (cron(0 8 ? * MON-FRI *)): minCapacity 2 -> 10, maxCapacity 60 -> 60');
    expect(s.target).toMatchObject({ minCapacity: 10, maxCapacity: 60 });
  });

  it('lowering maxCapacity below the desired count scales in to it (20:00 Berlin = 19:00Z)', () => {
    const s = scaler(4);
    s.runScheduledActions(7 * H);
    expect(s.nextScheduledTime(7 * H)).toBe(19 * H);
    const r = s.runScheduledActions(19 * H, 12);
    expect(r.desiredCount).toBe(6);
    expect(r.events[1].activity).toMatchObject({ from: 12, to: 6, direction: 'in' });
  });

  it('a desired count inside the new bounds is left alone; each firing runs once', () => {
    const s = scaler(20);
    expect(s.runScheduledActions(7 * H).events.map((e) => e.type)).toEqual(['scheduled-action']);
    expect(s.runScheduledActions(7 * H).events).toEqual([]);
  });

  it('policies then clamp to the bounds the action set', () => {
    const s = scaler(4);
    s.runScheduledActions(7 * H);
    expect(s.target.desiredCount).toBe(10);
  });

  // scheduled-scaling-using-cron-expressions.html: "If you specify a start time, Application
  // Auto Scaling performs the action at this time, and then performs the action based on the
  // specified recurrence"
  it('a cron action with startTime fires at startTime (01:30Z), then on its recurrence (04:00Z)', () => {
    const s = withAction('daily', { schedule: 'cron(0 4 * * ? *)', startTime: '2026-03-02T01:30:00Z', scalableTargetAction: { minCapacity: 3 } });
    expect(s.nextScheduledTime(-1)).toBe(1.5 * H);
    const r = s.runScheduledActions(1.5 * H);
    expect(r.desiredCount).toBe(3);
    expect(r.events[1].activity).toMatchObject({ from: 1, to: 3, direction: 'out' });
    expect(s.nextScheduledTime(1.5 * H)).toBe(4 * H);
    expect(s.runScheduledActions(4 * H).events.map((e) => e.type)).toEqual(['scheduled-action']);
    expect(s.nextScheduledTime(4 * H)).toBe(28 * H);
  });

  // API_PutScheduledAction.html: StartTime "The date and time for this scheduled action to
  // start, in UTC"; EndTime likewise. `timezone` is for at() and cron() only.
  it('startTime / endTime without an offset are UTC, whatever the timezone: 01:00Z, 01:30Z, 02:30Z, then none after 03:00Z', () => {
    const s = withAction('tz', {
      schedule: 'cron(30 * * * ? *)',
      timezone: 'America/New_York',
      startTime: '2026-03-02T01:00:00',
      endTime: '2026-03-02T03:00:00',
      scalableTargetAction: { minCapacity: 2 },
    });
    const fires: (number | null)[] = [];
    let after = -1;
    for (let i = 0; i < 4; i++) {
      const f = s.nextScheduledTime(after);
      fires.push(f === null ? null : f / H);
      if (f === null) break;
      after = f;
    }
    // in New York time (the old reading) the window would be 06:00Z-08:00Z
    expect(fires).toEqual([1, 1.5, 2.5, null]);
  });

  it('an explicit offset is honoured: 01:00-05:00 is 06:00Z', () => {
    const s = withAction('tz', { schedule: 'cron(30 * * * ? *)', timezone: 'America/New_York', startTime: '2026-03-02T01:00:00-05:00', scalableTargetAction: { minCapacity: 2 } });
    expect(s.nextScheduledTime(-1)).toBe(6 * H);
    expect(s.nextScheduledTime(6 * H)).toBe(6.5 * H);
  });

  it('rejects a scheduled action without capacities, naming it', () => {
    expect(
      () =>
        new ServiceAutoScaler(
          { subject: 'web', minCapacity: 1, maxCapacity: 2, scheduledActions: { x: { schedule: 'rate(1 hour)', scalableTargetAction: {} } } },
          1,
        ),
    ).toThrow(/scheduledActions\.x\.scalableTargetAction: expected minCapacity and\/or maxCapacity, found neither/);
  });

  it('a desired count outside [min, max] at registration is brought inside (the loader warns of it)', () => {
    expect(new ServiceAutoScaler({ subject: 'web', minCapacity: 3, maxCapacity: 5 }, 1).target.desiredCount).toBe(3);
    expect(new ServiceAutoScaler({ subject: 'web', minCapacity: 3, maxCapacity: 5 }, 9).target.desiredCount).toBe(5);
  });

  it('refuses an at() whose local time the clocks skip (02:30 Berlin on 2026-03-29): it could never fire', () => {
    expect(() => withAction('gap', { schedule: 'at(2026-03-29T02:30:00)', timezone: 'Europe/Berlin', scalableTargetAction: { minCapacity: 2 } })).toThrow(
      /^scheduledActions\.gap\.schedule: expected a local time that exists in Europe\/Berlin, found "at\(2026-03-29T02:30:00\)", which the clocks jump over there \(as when daylight saving time starts\), so it would never fire; pick a time outside the jump$/,
    );
    // 03:30 the same day exists (CEST, 01:30Z)
    const s = withAction('ok', { schedule: 'at(2026-03-29T03:30:00)', timezone: 'Europe/Berlin', scalableTargetAction: { minCapacity: 2 } });
    expect(s.nextScheduledTime(-1)).toBe(Date.parse('2026-03-29T01:30:00Z') - START);
  });
});

// step-scaling-policy-overview.html#step-scaling-cooldown: "the previous increase of 2 is
// considered part of the current capacity"; application-auto-scaling-scheduled-scaling.html:
// "After a scheduled action runs, the scaling policy can continue to make decisions".
describe('a scheduled cap during a scale-out cooldown', () => {
  it('lowers what the cooldown counts: +2 (4 -> 6), cap to 2, uncap, then +2 from 2 at once (not refused until the cooldown ends)', () => {
    const M = 60_000;
    const s = new ServiceAutoScaler(
      {
        subject: 'web',
        minCapacity: 1,
        maxCapacity: 10,
        startEpochMs: START,
        policies: {
          up: {
            policyType: 'StepScaling',
            alarm: { metricName: 'CPUUtilization', statistic: 'Average', period: M, evaluationPeriods: 1, threshold: 50, comparisonOperator: 'GreaterThanOrEqualToThreshold' },
            adjustmentType: 'ChangeInCapacity',
            stepAdjustments: [{ metricIntervalLowerBound: 0, scalingAdjustment: 2 }],
            cooldown: 10 * M,
          },
        },
        scheduledActions: {
          cap: { schedule: 'at(2026-03-02T00:04:30)', scalableTargetAction: { maxCapacity: 2 } },
          uncap: { schedule: 'at(2026-03-02T00:05:30)', scalableTargetAction: { maxCapacity: 10 } },
        },
      },
      4,
    );
    // CPU 70 % every minute (always in ALARM); minute m-1's datapoint is visible at m (publish delay 60 s)
    const store = new MetricStore({ period: M, publishDelay: M });
    const events: ScalingEvent[] = [];
    let d = s.target.desiredCount;
    for (let m = 0; m <= 13; m++) {
      if (m > 0) store.putValue('CPUUtilization', (m - 1) * M, 70, NaN);
      const r = s.onMetricsVisible(m * M, store, d);
      events.push(...r.events);
      d = r.desiredCount;
      const sr = s.runScheduledActions(m * M + M / 2, d);
      events.push(...sr.events);
      d = sr.desiredCount;
    }
    const acts = events.filter((e) => e.type === 'scaling-activity').map((e) => [e.activity!.time / M, e.activity!.to]);
    // 2 min: 4 + 2 = 6, cooldown to 12 min (base 4, set 6); 4.5: cap 6 -> 2 (base and set become 2);
    // 6 min: 2 + 2 = 4 > 2: allowed; 7-11: 2 + 2 = 4 is not above 4; 12: cooldown over, 4 + 2 = 6
    expect(acts).toEqual([[2, 6], [4.5, 2], [6, 4], [12, 6]]);
  });
});

// Application Auto Scaling runs a scalable target's scheduled actions "in the order that they
// are specified" (scheduled-scaling-policy-overview.html, Considerations): at 09:10 raise-max
// (maxCapacity 10 -> 20) runs before a-raise-min (minCapacity 12, possible only under max 20).
describe('scheduled actions firing at the same instant', () => {
  const at = 'at(2026-03-02T09:10:00)';
  const run = (actions: Record<string, any>) => {
    const s = new ServiceAutoScaler({ subject: 'web', minCapacity: 2, maxCapacity: 10, startEpochMs: START, scheduledActions: actions }, 2);
    return { r: s.runScheduledActions(9 * H + 10 * 60_000), target: s.target };
  };

  it('run in the order written, not in name order: min 12 / max 20 / desired 12', () => {
    const { r, target } = run({ 'raise-max': { schedule: at, scalableTargetAction: { maxCapacity: 20 } }, 'a-raise-min': { schedule: at, scalableTargetAction: { minCapacity: 12 } } });
    expect(target).toEqual({ desiredCount: 12, minCapacity: 12, maxCapacity: 20 });
    expect(r.events.filter((e) => e.type === 'scheduled-action').map((e) => e.message.split(' ')[2])).toEqual(['raise-max', 'a-raise-min']);
  });

  it('written the other way round, the minCapacity 12 above maxCapacity 10 fails first (no change), then max rises to 20', () => {
    const { target } = run({ 'a-raise-min': { schedule: at, scalableTargetAction: { minCapacity: 12 } }, 'raise-max': { schedule: at, scalableTargetAction: { maxCapacity: 20 } } });
    expect(target).toEqual({ desiredCount: 2, minCapacity: 2, maxCapacity: 20 });
  });
});

describe('a call spanning several firings', () => {
  it('runs them by firing time, whatever the written order (09:10:40 after 09:10:10)', () => {
    const s = new ServiceAutoScaler(
      {
        subject: 'web', minCapacity: 2, maxCapacity: 10, startEpochMs: START,
        scheduledActions: {
          late: { schedule: 'at(2026-03-02T09:10:40)', scalableTargetAction: { minCapacity: 6, maxCapacity: 8 } },
          early: { schedule: 'at(2026-03-02T09:10:10)', scalableTargetAction: { minCapacity: 1, maxCapacity: 3 } },
        },
      },
      2,
    );
    s.runScheduledActions(9 * H + 11 * 60_000);
    // early then late: min 6, max 8, desired 2 -> 6 (late then early would leave 1 / 3 / 2)
    expect(s.target).toEqual({ desiredCount: 6, minCapacity: 6, maxCapacity: 8 });
  });
});
