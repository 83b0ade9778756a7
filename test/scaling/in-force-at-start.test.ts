// The bounds in force when a run starts between a scheduled action's firings: an action sets
// MinCapacity and MaxCapacity "at the time specified" and nothing reverts them
// (application-auto-scaling-scheduled-scaling.html), so each action's last firing before the
// start is replayed at time 0. W = the earliest of each action's second-to-last firing (its
// last if it fired only once); each action's last firing before W (a seed), then every
// firing in [W, start), in time order (an action's last firing may have succeeded only
// because of another's earlier one, at whatever rates they fire); the scenario's desired
// count (the count at the start) is brought inside the bounds they leave. One event per
// action, for its last firing: whether the bounds it set are in force at the start or which
// later firing overrode them, and how many earlier firings were replayed.
import { describe, it, expect } from 'vitest';
import { ServiceAutoScaler } from '../../src/scaling/index.js';
import { MAX_REPLAYED_PER_ACTION } from '../../src/scaling/service-auto-scaler.js';

const H = 3_600_000;

function scaler(start: string, actions: Record<string, unknown>, desired = 2, bounds = { minCapacity: 2, maxCapacity: 10 }) {
  return new ServiceAutoScaler({ subject: 'svc', ...bounds, startEpochMs: Date.parse(start), scheduledActions: actions as any }, desired);
}

// the reviewer's t7: weekdays, open at 08:00 (min 8), close at 18:00 (min 2)
const officeHours = {
  open: { schedule: 'cron(0 8 ? * MON-FRI *)', scalableTargetAction: { minCapacity: 8 } },
  close: { schedule: 'cron(0 18 ? * MON-FRI *)', scalableTargetAction: { minCapacity: 2 } },
};

describe('runInForceAtStart', () => {
  // W = close's second-to-last (Thu 18:00Z); seeds close Wed 18:00Z, open Thu 08:00Z; then
  // close Thu 18:00Z, open Fri 08:00Z, close Fri 18:00Z, open Mon 08:00Z: 6 replayed, 2 logged
  it('a run from Monday 12:00Z starts inside opening hours: close Fri 18:00Z overridden, open Mon 08:00Z in force; min 8, desired 2 -> 8', () => {
    const s = scaler('2026-03-02T12:00:00Z', officeHours);
    const r = s.runInForceAtStart(2);
    expect(r.events.map((e) => `${e.type}: ${e.message}`)).toEqual([
      'scheduled-action: scheduled action close (cron(0 18 ? * MON-FRI *)) fired 2026-02-27T18:00:00Z, before the run; replayed at time 0: minCapacity 2 -> 2; overridden by open (fired 2026-03-02T08:00:00Z) (after 4 earlier firings of this service\'s scheduled actions replayed since 2026-02-25T18:00:00Z)',
      'scheduled-action: scheduled action open (cron(0 8 ? * MON-FRI *)) fired 2026-03-02T08:00:00Z, before the run; replayed at time 0: minCapacity 2 -> 8; in force at the start (after 5 earlier firings of this service\'s scheduled actions replayed since 2026-02-25T18:00:00Z)',
      'scaling-activity: desired count 2 -> 8: scheduled action open (cron(0 8 ? * MON-FRI *)) fired 2026-03-02T08:00:00Z, before the run; replayed at time 0: minCapacity 2 -> 8; in force at the start (after 5 earlier firings of this service\'s scheduled actions replayed since 2026-02-25T18:00:00Z); desired count 2 < minCapacity 8',
    ]);
    expect(r.events.every((e) => e.time === 0)).toBe(true);
    expect(r.events[2].activity).toMatchObject({ time: 0, from: 2, to: 8, direction: 'out' });
    expect(r.desiredCount).toBe(8);
    expect(s.target).toMatchObject({ minCapacity: 8, maxCapacity: 10, desiredCount: 8 });
    // the next firing is the close at 18:00Z, 6 h in
    expect(s.nextScheduledTime(0)).toBe(6 * H);
  });

  it('a run from Tuesday 00:00Z starts after the close: ... open (Monday 08:00Z) then close (18:00Z); min 2, the desired count 2 stays (no scale to the opening minimum in between)', () => {
    const s = scaler('2026-03-03T00:00:00Z', officeHours);
    const r = s.runInForceAtStart(2);
    expect(r.events.map((e) => e.type)).toEqual(['scheduled-action', 'scheduled-action']);
    // W = open Fri 08:00Z; seeds open Thu 08:00Z, close Thu 18:00Z
    expect(r.events[0].message).toBe('scheduled action open (cron(0 8 ? * MON-FRI *)) fired 2026-03-02T08:00:00Z, before the run; replayed at time 0: minCapacity 2 -> 8; overridden by close (fired 2026-03-02T18:00:00Z) (after 4 earlier firings of this service\'s scheduled actions replayed since 2026-02-26T08:00:00Z)');
    expect(r.events[1].message).toBe('scheduled action close (cron(0 18 ? * MON-FRI *)) fired 2026-03-02T18:00:00Z, before the run; replayed at time 0: minCapacity 2 -> 2; in force at the start (after 5 earlier firings of this service\'s scheduled actions replayed since 2026-02-26T08:00:00Z)');
    expect(s.target).toMatchObject({ minCapacity: 2, desiredCount: 2 });
  });

  // the second reader's s2: a minimum above the base maximum (10) succeeds only after the
  // maximum was raised. In AWS, Sunday 09:00 set max 20, so Monday 08:00's min 12 succeeded:
  // at Monday 12:00Z the bounds are 12..20 and the count 12. Replaying last firings alone
  // (Monday 08:00 min 12 fails against max 10, then 09:00 max 20) would leave 2..20.
  it('s2: highmin (min 12, 08:00) and raisemax (max 20, 09:00) daily, base 2..10, from Monday 12:00Z: 12..20, desired 2 -> 12', () => {
    const s = scaler('2026-03-02T12:00:00Z', {
      highmin: { schedule: 'cron(0 8 * * ? *)', scalableTargetAction: { minCapacity: 12 } },
      raisemax: { schedule: 'cron(0 9 * * ? *)', scalableTargetAction: { maxCapacity: 20 } },
    });
    const r = s.runInForceAtStart(2);
    // W = 1 Mar 08:00Z; seeds highmin 28 Feb 08:00Z (fails, max 10), raisemax 28 Feb 09:00Z
    // (max 20); then highmin 1 Mar (2 -> 12), raisemax, highmin 2 Mar, raisemax 2 Mar
    expect(r.events.map((e) => e.message)).toEqual([
      'scheduled action highmin (cron(0 8 * * ? *)) fired 2026-03-02T08:00:00Z, before the run; replayed at time 0: minCapacity 2 -> 12; in force at the start (after 4 earlier firings of this service\'s scheduled actions replayed since 2026-02-28T08:00:00Z)',
      'scheduled action raisemax (cron(0 9 * * ? *)) fired 2026-03-02T09:00:00Z, before the run; replayed at time 0: maxCapacity 10 -> 20; in force at the start (after 5 earlier firings of this service\'s scheduled actions replayed since 2026-02-28T08:00:00Z)',
      'desired count 2 -> 12: scheduled action highmin (cron(0 8 * * ? *)) fired 2026-03-02T08:00:00Z, before the run; replayed at time 0: minCapacity 2 -> 12; in force at the start (after 4 earlier firings of this service\'s scheduled actions replayed since 2026-02-28T08:00:00Z); desired count 2 < minCapacity 12',
    ]);
    expect(r.desiredCount).toBe(12);
    expect(s.target).toMatchObject({ minCapacity: 12, maxCapacity: 20, desiredCount: 12 });
  });

  it('an action setting both bounds, one of them set again later, says which is in force: min 0 max 0 at 02:00, max 5 at 03:00', () => {
    const s = scaler('2026-03-02T12:00:00Z', {
      stop: { schedule: 'cron(0 2 * * ? *)', scalableTargetAction: { minCapacity: 0, maxCapacity: 0 } },
      cap: { schedule: 'cron(0 3 * * ? *)', scalableTargetAction: { maxCapacity: 5 } },
    }, 2, { minCapacity: 0, maxCapacity: 10 });
    const r = s.runInForceAtStart(2);
    expect(r.events[0].message).toBe('scheduled action stop (cron(0 2 * * ? *)) fired 2026-03-02T02:00:00Z, before the run; replayed at time 0: minCapacity 0 -> 0, maxCapacity 10 -> 0; minCapacity in force at the start, maxCapacity overridden by cap (fired 2026-03-02T03:00:00Z) (after 4 earlier firings of this service\'s scheduled actions replayed since 2026-02-28T02:00:00Z)');
    expect(s.target).toMatchObject({ minCapacity: 0, maxCapacity: 5, desiredCount: 2 });
  });

  it('firings at the same instant replay in the order written: min 6 then min 4 leaves 4 (desired 2 -> 4); written the other way round, 6', () => {
    const a = { schedule: 'cron(0 8 * * ? *)', scalableTargetAction: { minCapacity: 6 } };
    const b = { schedule: 'cron(0 8 * * ? *)', scalableTargetAction: { minCapacity: 4 } };
    const ab = scaler('2026-03-02T12:00:00Z', { a, b });
    ab.runInForceAtStart(2);
    expect(ab.target).toMatchObject({ minCapacity: 4, desiredCount: 4 });
    const ba = scaler('2026-03-02T12:00:00Z', { b, a });
    ba.runInForceAtStart(2);
    expect(ba.target).toMatchObject({ minCapacity: 6, desiredCount: 6 });
  });

  it('a maxCapacity in force below the desired count scales in to it at the start (5 -> 3)', () => {
    const s = scaler('2026-03-02T12:00:00Z', { cap: { schedule: 'cron(0 9 * * ? *)', scalableTargetAction: { maxCapacity: 3 } } }, 5, { minCapacity: 1, maxCapacity: 10 });
    const r = s.runInForceAtStart(5);
    expect(r.events[1].activity).toMatchObject({ time: 0, from: 5, to: 3, direction: 'in' });
    expect(r.events[1].message).toBe('desired count 5 -> 3: scheduled action cap (cron(0 9 * * ? *)) fired 2026-03-02T09:00:00Z, before the run; replayed at time 0: maxCapacity 10 -> 3; in force at the start (after 2 earlier firings of this service\'s scheduled actions replayed since 2026-02-28T09:00:00Z); desired count 5 > maxCapacity 3');
  });

  it('a replayed firing that would leave minCapacity > maxCapacity fails as a firing does: nothing changed', () => {
    const s = scaler('2026-03-02T12:00:00Z', { high: { schedule: 'cron(0 9 * * ? *)', scalableTargetAction: { minCapacity: 12 } } });
    const r = s.runInForceAtStart(2);
    expect(r.events.map((e) => e.message)).toEqual([
      'scheduled action high (cron(0 9 * * ? *)) fired 2026-03-02T09:00:00Z, before the run; replayed at time 0; failed: minCapacity 12 would exceed maxCapacity 10; nothing changed (after 2 earlier firings of this service\'s scheduled actions replayed since 2026-02-28T09:00:00Z)',
    ]);
    expect(s.target).toMatchObject({ minCapacity: 2, maxCapacity: 10, desiredCount: 2 });
  });

  it('a firing at time 0 itself runs too, after the replay, and not again later (t10: 02:00 daily, run from 02:00Z)', () => {
    const s = scaler('2026-03-02T02:00:00Z', { stop: { schedule: 'cron(0 2 * * ? *)', scalableTargetAction: { minCapacity: 0, maxCapacity: 0 } } }, 2, { minCapacity: 0, maxCapacity: 10 });
    const r = s.runInForceAtStart(2);
    expect(r.events.map((e) => e.message)).toEqual([
      'scheduled action stop (cron(0 2 * * ? *)) fired 2026-03-01T02:00:00Z, before the run; replayed at time 0: minCapacity 0 -> 0, maxCapacity 10 -> 0; in force at the start (after 2 earlier firings of this service\'s scheduled actions replayed since 2026-02-27T02:00:00Z)',
      'desired count 2 -> 0: scheduled action stop (cron(0 2 * * ? *)) fired 2026-03-01T02:00:00Z, before the run; replayed at time 0: minCapacity 0 -> 0, maxCapacity 10 -> 0; in force at the start (after 2 earlier firings of this service\'s scheduled actions replayed since 2026-02-27T02:00:00Z); desired count 2 > maxCapacity 0',
      'scheduled action stop (cron(0 2 * * ? *)): minCapacity 0 -> 0, maxCapacity 0 -> 0',
    ]);
    expect(s.runScheduledActions(0).events).toEqual([]);
    expect(s.nextScheduledTime(0)).toBe(24 * H);
  });

  it('an action with no firing before the start (startTime after it; a rate without startTime) replays nothing', () => {
    const s = scaler('2026-03-02T12:00:00Z', {
      later: { schedule: 'cron(0 8 * * ? *)', startTime: '2026-03-02T13:00:00Z', scalableTargetAction: { minCapacity: 5 } },
      every: { schedule: 'rate(1 hour)', scalableTargetAction: { minCapacity: 5 } },
    });
    expect(s.runInForceAtStart(2).events).toEqual([]);
    expect(s.target).toMatchObject({ minCapacity: 2, desiredCount: 2 });
  });

  // the second reader's s3: actions at different rates. Sunday 22 Mar 06:00Z's max 20 let
  // Monday 23 Mar 07:00Z's min 15 succeed (AWS sets the bounds at the time specified and
  // reverts nothing): from Thursday 26 Mar 12:00Z, 15..20 and desired 2 -> 15. W = monday-min's
  // second-to-last (16 Mar 07:00Z); seeds monday-min 9 Mar 07:00Z (fails against max 10) and
  // daily-max 16 Mar 06:00Z (max 20); then monday-min 16 Mar (min 15 succeeds), daily-max
  // 17..22 Mar, monday-min 23 Mar, daily-max 23..26 Mar: 14 firings replayed.
  it('s3: daily max 20 (06:00Z) and Monday min 15 (07:00Z), base 2..10, from Thursday 12:00Z: 15..20, desired 2 -> 15, nothing failed', () => {
    const s = scaler('2026-03-26T12:00:00Z', {
      'daily-max': { schedule: 'cron(0 6 ? * * *)', scalableTargetAction: { maxCapacity: 20 } },
      'monday-min': { schedule: 'cron(0 7 ? * MON *)', scalableTargetAction: { minCapacity: 15 } },
    });
    expect(s.firingsBeforeStart().map((x) => `${x.a.name} ${new Date(x.f).toISOString().slice(5, 13)}`)).toEqual([
      'monday-min 03-09T07', 'daily-max 03-16T06', 'monday-min 03-16T07',
      'daily-max 03-17T06', 'daily-max 03-18T06', 'daily-max 03-19T06', 'daily-max 03-20T06', 'daily-max 03-21T06', 'daily-max 03-22T06',
      'daily-max 03-23T06', 'monday-min 03-23T07', 'daily-max 03-24T06', 'daily-max 03-25T06', 'daily-max 03-26T06',
    ]);
    const r = s.runInForceAtStart(2);
    expect(r.events.map((e) => e.message)).toEqual([
      'scheduled action monday-min (cron(0 7 ? * MON *)) fired 2026-03-23T07:00:00Z, before the run; replayed at time 0: minCapacity 2 -> 15; in force at the start (after 10 earlier firings of this service\'s scheduled actions replayed since 2026-03-09T07:00:00Z)',
      'scheduled action daily-max (cron(0 6 ? * * *)) fired 2026-03-26T06:00:00Z, before the run; replayed at time 0: maxCapacity 10 -> 20; in force at the start (after 13 earlier firings of this service\'s scheduled actions replayed since 2026-03-09T07:00:00Z)',
      'desired count 2 -> 15: scheduled action monday-min (cron(0 7 ? * MON *)) fired 2026-03-23T07:00:00Z, before the run; replayed at time 0: minCapacity 2 -> 15; in force at the start (after 10 earlier firings of this service\'s scheduled actions replayed since 2026-03-09T07:00:00Z); desired count 2 < minCapacity 15',
    ]);
    expect(r.desiredCount).toBe(15);
    expect(s.target).toMatchObject({ minCapacity: 15, maxCapacity: 20, desiredCount: 15 });
  });

  // a rate(1 minute) beside a weekly cron: W = the cron's second-to-last (Mon 23 Feb 08:00Z),
  // ~10,000 minutes before the start; only the rate's last 1000 firings are replayed (11:59Z
  // back to 1 Mar 19:20Z), and it gets no seed; the cron: seed 16 Feb, then 23 Feb and 2 Mar
  it('a rate(1 minute) beside a weekly cron: at most the rate\'s last 1000 firings replayed', () => {
    const s = scaler('2026-03-02T12:00:00Z', {
      weekly: { schedule: 'cron(0 8 ? * MON *)', scalableTargetAction: { maxCapacity: 20 } },
      every: { schedule: 'rate(1 minute)', startTime: '2026-01-01T00:00:00Z', scalableTargetAction: { minCapacity: 3 } },
    });
    expect(MAX_REPLAYED_PER_ACTION).toBe(1000);
    const fired = s.firingsBeforeStart();
    expect(fired).toHaveLength(3 + 1000);
    const every = fired.filter((x) => x.a.name === 'every').map((x) => x.f);
    expect(every).toHaveLength(1000);
    expect(new Date(every[0]).toISOString()).toBe('2026-03-01T19:20:00.000Z');
    expect(new Date(every[999]).toISOString()).toBe('2026-03-02T11:59:00.000Z');
    expect(fired.filter((x) => x.a.name === 'weekly').map((x) => new Date(x.f).toISOString().slice(0, 10))).toEqual(['2026-02-16', '2026-02-23', '2026-03-02']);
    const r = s.runInForceAtStart(2);
    expect(r.events.map((e) => e.message)).toEqual([
      'scheduled action weekly (cron(0 8 ? * MON *)) fired 2026-03-02T08:00:00Z, before the run; replayed at time 0: maxCapacity 10 -> 20; in force at the start (after 762 earlier firings of this service\'s scheduled actions replayed since 2026-02-16T08:00:00Z)',
      'scheduled action every (rate(1 minute)) fired 2026-03-02T11:59:00Z, before the run; replayed at time 0: minCapacity 2 -> 3; in force at the start (after 1002 earlier firings of this service\'s scheduled actions replayed since 2026-02-16T08:00:00Z)',
      'desired count 2 -> 3: scheduled action every (rate(1 minute)) fired 2026-03-02T11:59:00Z, before the run; replayed at time 0: minCapacity 2 -> 3; in force at the start (after 1002 earlier firings of this service\'s scheduled actions replayed since 2026-02-16T08:00:00Z); desired count 2 < minCapacity 3',
      // and its firing at 12:00Z, time 0 itself
      'scheduled action every (rate(1 minute)): minCapacity 3 -> 3',
    ]);
  });

  it('an at() and a rate() have no age limit: an at() 425 days before the start is replayed and in force', () => {
    const s = scaler('2026-03-02T12:00:00Z', { z: { schedule: 'at(2025-01-01T08:00:00)', scalableTargetAction: { maxCapacity: 6 } } });
    const r = s.runInForceAtStart(8);
    expect(r.events.map((e) => e.message)).toEqual([
      'scheduled action z (at(2025-01-01T08:00:00)) fired 2025-01-01T08:00:00Z, before the run; replayed at time 0: maxCapacity 10 -> 6; in force at the start',
      'desired count 8 -> 6: scheduled action z (at(2025-01-01T08:00:00)) fired 2025-01-01T08:00:00Z, before the run; replayed at time 0: maxCapacity 10 -> 6; in force at the start; desired count 8 > maxCapacity 6',
    ]);
  });

  it('three actions at different rates (weekly max 20, daily min 15, daily max 10 that then fails): 15..20 from the week before', () => {
    // up: Mon 06:00Z max 20; high: daily 07:00Z min 15; down: daily 08:00Z max 10. W = up's 23 Feb 06:00Z;
    // seeds up 16 Feb, high 22 Feb 07:00Z, down 22 Feb 08:00Z; from 23 Feb, up's max 20 lets high's min 15
    // succeed, and then every down fails (15 > 10): 15..20 at the start, desired 2 -> 15
    const s = scaler('2026-03-02T12:00:00Z', {
      up: { schedule: 'cron(0 6 ? * MON *)', scalableTargetAction: { maxCapacity: 20 } },
      high: { schedule: 'cron(0 7 * * ? *)', scalableTargetAction: { minCapacity: 15 } },
      down: { schedule: 'cron(0 8 * * ? *)', scalableTargetAction: { maxCapacity: 10 } },
    });
    const r = s.runInForceAtStart(2);
    expect(s.target).toMatchObject({ minCapacity: 15, maxCapacity: 20, desiredCount: 15 });
    // earlier: 3 seeds, 23 Feb..1 Mar (up 1, high 7, down 7), 2 Mar up 06:00Z (before high) = 19
    expect(r.events.map((e) => e.message)).toEqual([
      'scheduled action up (cron(0 6 ? * MON *)) fired 2026-03-02T06:00:00Z, before the run; replayed at time 0: maxCapacity 10 -> 20; in force at the start (after 18 earlier firings of this service\'s scheduled actions replayed since 2026-02-16T06:00:00Z)',
      'scheduled action high (cron(0 7 * * ? *)) fired 2026-03-02T07:00:00Z, before the run; replayed at time 0: minCapacity 2 -> 15; in force at the start (after 19 earlier firings of this service\'s scheduled actions replayed since 2026-02-16T06:00:00Z)',
      'scheduled action down (cron(0 8 * * ? *)) fired 2026-03-02T08:00:00Z, before the run; replayed at time 0; failed: minCapacity 15 would exceed maxCapacity 10; nothing changed (after 20 earlier firings of this service\'s scheduled actions replayed since 2026-02-16T06:00:00Z)',
      'desired count 2 -> 15: scheduled action high (cron(0 7 * * ? *)) fired 2026-03-02T07:00:00Z, before the run; replayed at time 0: minCapacity 2 -> 15; in force at the start (after 19 earlier firings of this service\'s scheduled actions replayed since 2026-02-16T06:00:00Z); desired count 2 < minCapacity 15',
    ]);
  });
});
