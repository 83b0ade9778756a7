// The bounds in force when a run starts between a scheduled action's firings: an action sets
// MinCapacity and MaxCapacity "at the time specified" and nothing reverts them
// (application-auto-scaling-scheduled-scaling.html), so each action's last firing before the
// start is replayed at time 0; each action's last TWO firings, in the order of those firings
// (its last one may have succeeded only because of another's earlier one), and the
// scenario's desired count (the count at the start) is brought inside the bounds they leave.
// Each replayed firing's event says whether the bounds it set are in force at the start or
// which later firing overrode them.
import { describe, it, expect } from 'vitest';
import { ServiceAutoScaler } from '../../src/scaling/index.js';

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
  it('a run from Monday 12:00Z starts inside opening hours: close Thu 18:00Z, open Fri 08:00Z, close Fri 18:00Z, open Mon 08:00Z replayed; min 8, desired 2 -> 8', () => {
    const s = scaler('2026-03-02T12:00:00Z', officeHours);
    const r = s.runInForceAtStart(2);
    expect(r.events.map((e) => `${e.type}: ${e.message}`)).toEqual([
      'scheduled-action: scheduled action close (cron(0 18 ? * MON-FRI *)) fired 2026-02-26T18:00:00Z, before the run; replayed at time 0: minCapacity 2 -> 2; overridden by open (fired 2026-03-02T08:00:00Z)',
      'scheduled-action: scheduled action open (cron(0 8 ? * MON-FRI *)) fired 2026-02-27T08:00:00Z, before the run; replayed at time 0: minCapacity 2 -> 8; overridden by open (fired 2026-03-02T08:00:00Z)',
      'scheduled-action: scheduled action close (cron(0 18 ? * MON-FRI *)) fired 2026-02-27T18:00:00Z, before the run; replayed at time 0: minCapacity 8 -> 2; overridden by open (fired 2026-03-02T08:00:00Z)',
      'scheduled-action: scheduled action open (cron(0 8 ? * MON-FRI *)) fired 2026-03-02T08:00:00Z, before the run; replayed at time 0: minCapacity 2 -> 8; in force at the start',
      'scaling-activity: desired count 2 -> 8: scheduled action open (cron(0 8 ? * MON-FRI *)) fired 2026-03-02T08:00:00Z, before the run; replayed at time 0: minCapacity 2 -> 8; in force at the start; desired count 2 < minCapacity 8',
    ]);
    expect(r.events.every((e) => e.time === 0)).toBe(true);
    expect(r.events[4].activity).toMatchObject({ time: 0, from: 2, to: 8, direction: 'out' });
    expect(r.desiredCount).toBe(8);
    expect(s.target).toMatchObject({ minCapacity: 8, maxCapacity: 10, desiredCount: 8 });
    // the next firing is the close at 18:00Z, 6 h in
    expect(s.nextScheduledTime(0)).toBe(6 * H);
  });

  it('a run from Tuesday 00:00Z starts after the close: ... open (Monday 08:00Z) then close (18:00Z); min 2, the desired count 2 stays (no scale to the opening minimum in between)', () => {
    const s = scaler('2026-03-03T00:00:00Z', officeHours);
    const r = s.runInForceAtStart(2);
    expect(r.events.map((e) => e.type)).toEqual(['scheduled-action', 'scheduled-action', 'scheduled-action', 'scheduled-action']);
    expect(r.events[2].message).toBe('scheduled action open (cron(0 8 ? * MON-FRI *)) fired 2026-03-02T08:00:00Z, before the run; replayed at time 0: minCapacity 2 -> 8; overridden by close (fired 2026-03-02T18:00:00Z)');
    expect(r.events[3].message).toBe('scheduled action close (cron(0 18 ? * MON-FRI *)) fired 2026-03-02T18:00:00Z, before the run; replayed at time 0: minCapacity 8 -> 2; in force at the start');
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
    expect(r.events.map((e) => e.message)).toEqual([
      'scheduled action highmin (cron(0 8 * * ? *)) fired 2026-03-01T08:00:00Z, before the run; replayed at time 0; failed: minCapacity 12 would exceed maxCapacity 10; nothing changed',
      'scheduled action raisemax (cron(0 9 * * ? *)) fired 2026-03-01T09:00:00Z, before the run; replayed at time 0: maxCapacity 10 -> 20; overridden by raisemax (fired 2026-03-02T09:00:00Z)',
      'scheduled action highmin (cron(0 8 * * ? *)) fired 2026-03-02T08:00:00Z, before the run; replayed at time 0: minCapacity 2 -> 12; in force at the start',
      'scheduled action raisemax (cron(0 9 * * ? *)) fired 2026-03-02T09:00:00Z, before the run; replayed at time 0: maxCapacity 20 -> 20; in force at the start',
      'desired count 2 -> 12: scheduled action highmin (cron(0 8 * * ? *)) fired 2026-03-02T08:00:00Z, before the run; replayed at time 0: minCapacity 2 -> 12; in force at the start; desired count 2 < minCapacity 12',
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
    expect(r.events[2].message).toBe('scheduled action stop (cron(0 2 * * ? *)) fired 2026-03-02T02:00:00Z, before the run; replayed at time 0: minCapacity 0 -> 0, maxCapacity 5 -> 0; minCapacity in force at the start, maxCapacity overridden by cap (fired 2026-03-02T03:00:00Z)');
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
    expect(r.events[2].activity).toMatchObject({ time: 0, from: 5, to: 3, direction: 'in' });
    expect(r.events[2].message).toBe('desired count 5 -> 3: scheduled action cap (cron(0 9 * * ? *)) fired 2026-03-02T09:00:00Z, before the run; replayed at time 0: maxCapacity 3 -> 3; in force at the start; desired count 5 > maxCapacity 3');
  });

  it('a replayed firing that would leave minCapacity > maxCapacity fails as a firing does: nothing changed', () => {
    const s = scaler('2026-03-02T12:00:00Z', { high: { schedule: 'cron(0 9 * * ? *)', scalableTargetAction: { minCapacity: 12 } } });
    const r = s.runInForceAtStart(2);
    expect(r.events.map((e) => e.message)).toEqual([
      'scheduled action high (cron(0 9 * * ? *)) fired 2026-03-01T09:00:00Z, before the run; replayed at time 0; failed: minCapacity 12 would exceed maxCapacity 10; nothing changed',
      'scheduled action high (cron(0 9 * * ? *)) fired 2026-03-02T09:00:00Z, before the run; replayed at time 0; failed: minCapacity 12 would exceed maxCapacity 10; nothing changed',
    ]);
    expect(s.target).toMatchObject({ minCapacity: 2, maxCapacity: 10, desiredCount: 2 });
  });

  it('a firing at time 0 itself runs too, after the replay, and not again later (t10: 02:00 daily, run from 02:00Z)', () => {
    const s = scaler('2026-03-02T02:00:00Z', { stop: { schedule: 'cron(0 2 * * ? *)', scalableTargetAction: { minCapacity: 0, maxCapacity: 0 } } }, 2, { minCapacity: 0, maxCapacity: 10 });
    const r = s.runInForceAtStart(2);
    expect(r.events.map((e) => e.message)).toEqual([
      'scheduled action stop (cron(0 2 * * ? *)) fired 2026-02-28T02:00:00Z, before the run; replayed at time 0: minCapacity 0 -> 0, maxCapacity 10 -> 0; overridden by stop (fired 2026-03-01T02:00:00Z)',
      'scheduled action stop (cron(0 2 * * ? *)) fired 2026-03-01T02:00:00Z, before the run; replayed at time 0: minCapacity 0 -> 0, maxCapacity 0 -> 0; in force at the start',
      'desired count 2 -> 0: scheduled action stop (cron(0 2 * * ? *)) fired 2026-03-01T02:00:00Z, before the run; replayed at time 0: minCapacity 0 -> 0, maxCapacity 0 -> 0; in force at the start; desired count 2 > maxCapacity 0',
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
});
