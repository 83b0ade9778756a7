// prevFire: a schedule's latest firing strictly before an instant, the bounds in force when a
// run starts between firings (application-auto-scaling-scheduled-scaling.html: an action sets
// MinCapacity and MaxCapacity "at the time specified"; nothing reverts them). The expected
// instants are worked out by hand from the calendar (2026-03-02 is a Monday; Europe/Berlin is
// UTC+1 in winter, UTC+2 from 2026-03-29 01:00Z to 2026-10-25 01:00Z).
import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { nextFire, prevFire, parseSchedule, PREV_FIRE_HORIZON_MS } from '../../src/scaling/index.js';

const utc = (s: string) => Date.parse(s);
const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString().replace('.000Z', 'Z'));
const prev = (expr: string, before: string, tz = 'UTC', bounds: { startTime?: number; endTime?: number; createdAt?: number } = {}) =>
  iso(prevFire(parseSchedule(expr), utc(before), tz, bounds));

describe('prevFire on cron schedules', () => {
  it('weekdays 08:00 and 18:00 before Monday 12:00Z: Monday 08:00Z, and Friday 18:00Z (no firing at the weekend)', () => {
    expect(prev('cron(0 8 ? * MON-FRI *)', '2026-03-02T12:00:00Z')).toBe('2026-03-02T08:00:00Z');
    expect(prev('cron(0 18 ? * MON-FRI *)', '2026-03-02T12:00:00Z')).toBe('2026-02-27T18:00:00Z');
  });
  it('strictly before: a firing at the instant itself is not before it (Monday 08:00Z -> Friday 08:00Z)', () => {
    expect(prev('cron(0 8 ? * MON-FRI *)', '2026-03-02T08:00:00Z')).toBe('2026-02-27T08:00:00Z');
  });
  it('in a time zone across the spring change: 08:00 Berlin before Monday 30 March 06:00Z (08:00 CEST) is Friday 27th 07:00Z (08:00 CET)', () => {
    expect(prev('cron(0 8 ? * MON-FRI *)', '2026-03-30T06:00:00Z', 'Europe/Berlin')).toBe('2026-03-27T07:00:00Z');
  });
  it('a daily 02:30 Berlin skipped in the spring-forward gap of the 29th: before the 30th 00:00Z it is the 28th, 02:30 CET = 01:30Z', () => {
    expect(prev('cron(30 2 * * ? *)', '2026-03-30T00:00:00Z', 'Europe/Berlin')).toBe('2026-03-28T01:30:00Z');
  });
  it('in the repeated hour of the autumn change a daily 02:30 Berlin fired at its first occurrence (00:30Z), not at the repeat (01:30Z)', () => {
    expect(prev('cron(30 2 * * ? *)', '2026-10-25T01:45:00Z', 'Europe/Berlin')).toBe('2026-10-25T00:30:00Z');
    expect(prev('cron(30 2 * * ? *)', '2026-10-25T00:30:00Z', 'Europe/Berlin')).toBe('2026-10-24T00:30:00Z');
  });
  it('every 20 minutes: from inside the repeat (01:10Z = 02:10 CET) and from 03:00 CET (02:00Z) the last firing is 02:40 CEST = 00:40Z', () => {
    expect(prev('cron(0/20 * * * ? *)', '2026-10-25T01:10:00Z', 'Europe/Berlin')).toBe('2026-10-25T00:40:00Z');
    expect(prev('cron(0/20 * * * ? *)', '2026-10-25T02:00:00Z', 'Europe/Berlin')).toBe('2026-10-25T00:40:00Z');
  });
  // Antarctica/Troll goes back two hours (03:00 +02 -> 01:00 +00 at 01:00Z on 2026-10-25):
  // from 01:45 local on the repeat (01:45Z), 02:30 local, a later wall-clock hour, first
  // occurred at 00:30Z, before it
  it('a clock going back two hours (Antarctica/Troll): a daily 02:30 last fired at 00:30Z on the day, seen from 01:45 on the repeat', () => {
    expect(prev('cron(30 2 * * ? *)', '2026-10-25T01:45:00Z', 'Antarctica/Troll')).toBe('2026-10-25T00:30:00Z');
    expect(nextFire(parseSchedule('cron(30 2 * * ? *)'), utc('2026-10-25T00:00:00Z'), 'Antarctica/Troll')).toBe(utc('2026-10-25T00:30:00Z'));
  });
  it('L in day-of-month: before 10 March, the last day of February (28th)', () => {
    expect(prev('cron(0 12 L * ? *)', '2026-03-10T00:00:00Z')).toBe('2026-02-28T12:00:00Z');
  });
  it('endTime bounds it (inclusive): a daily 08:00 ended at 2026-03-01T00:00Z last fired 2026-02-28T08:00Z; one ended at 08:00 itself fired then', () => {
    expect(prev('cron(0 8 * * ? *)', '2026-03-02T00:00:00Z', 'UTC', { endTime: utc('2026-03-01T00:00:00Z') })).toBe('2026-02-28T08:00:00Z');
    expect(prev('cron(0 8 * * ? *)', '2026-03-02T00:00:00Z', 'UTC', { endTime: utc('2026-02-28T08:00:00Z') })).toBe('2026-02-28T08:00:00Z');
  });
  it('startTime is a firing itself (then the recurrence): daily 04:00 from 01:30Z; before 03:00Z -> 01:30Z, before the next day -> 04:00Z; none before startTime', () => {
    const startTime = utc('2026-03-01T01:30:00Z');
    expect(prev('cron(0 4 * * ? *)', '2026-03-01T03:00:00Z', 'UTC', { startTime })).toBe('2026-03-01T01:30:00Z');
    expect(prev('cron(0 4 * * ? *)', '2026-03-02T00:00:00Z', 'UTC', { startTime })).toBe('2026-03-01T04:00:00Z');
    expect(prev('cron(0 4 * * ? *)', '2026-03-01T01:30:00Z', 'UTC', { startTime })).toBe(null);
  });
  it(`looks back ${PREV_FIRE_HORIZON_MS / 86_400_000} days at most: 1 March 2025 (366 days before 2 March 2026) is found, 1 January 2025 (425 days) is not`, () => {
    expect(PREV_FIRE_HORIZON_MS).toBe(400 * 86_400_000);
    expect(prev('cron(0 8 1 3 ? 2025)', '2026-03-02T00:00:00Z')).toBe('2025-03-01T08:00:00Z');
    expect(prev('cron(0 8 1 1 ? 2025)', '2026-03-02T00:00:00Z')).toBe(null);
    expect(prev('cron(0 8 1 1 ? *)', '2026-03-02T00:00:00Z')).toBe('2026-01-01T08:00:00Z');
    // with no limit (earliest -Infinity) the 2025 firing is found
    expect(iso(prevFire(parseSchedule('cron(0 8 1 1 ? 2025)'), utc('2026-03-02T00:00:00Z'), 'UTC', {}, -Infinity))).toBe('2025-01-01T08:00:00Z');
  });
  it('the look-back is one rule for every kind: an at() exactly 400 days before (2025-01-26T12:00 before 2026-03-02T12:00: 365 + 31 + 4 days) is found, one a minute older is not', () => {
    expect(prev('at(2025-01-26T12:00:00)', '2026-03-02T12:00:00Z')).toBe('2025-01-26T12:00:00Z');
    expect(prev('at(2025-01-26T11:59:00)', '2026-03-02T12:00:00Z')).toBe(null);
    expect(iso(prevFire(parseSchedule('at(2025-01-26T11:59:00)'), utc('2026-03-02T12:00:00Z'), 'UTC', {}, -Infinity))).toBe('2025-01-26T11:59:00Z');
  });
  it('and for a rate: rate(500 days) from startTime 2025-01-01 last fired then (its next is 2026-05-16), 425 days before: not found, found with no limit', () => {
    const startTime = utc('2025-01-01T00:00:00Z');
    expect(prev('rate(500 days)', '2026-03-02T00:00:00Z', 'UTC', { startTime })).toBe(null);
    expect(iso(prevFire(parseSchedule('rate(500 days)'), utc('2026-03-02T00:00:00Z'), 'UTC', { startTime }, -Infinity))).toBe('2025-01-01T00:00:00Z');
  });
});

describe('prevFire on at() and rate()', () => {
  it('an at() before the instant fired then (in its zone: 08:00 Berlin = 07:00Z); one at or after it has not', () => {
    expect(prev('at(2026-03-01T08:00:00)', '2026-03-02T00:00:00Z')).toBe('2026-03-01T08:00:00Z');
    expect(prev('at(2026-03-01T08:00:00)', '2026-03-02T00:00:00Z', 'Europe/Berlin')).toBe('2026-03-01T07:00:00Z');
    expect(prev('at(2026-03-02T00:00:00)', '2026-03-02T00:00:00Z')).toBe(null);
  });
  it('an at() outside its startTime / endTime never fired', () => {
    expect(prev('at(2026-03-01T08:00:00)', '2026-03-02T00:00:00Z', 'UTC', { endTime: utc('2026-03-01T07:00:00Z') })).toBe(null);
    expect(prev('at(2026-03-01T08:00:00)', '2026-03-02T00:00:00Z', 'UTC', { startTime: utc('2026-03-01T09:00:00Z') })).toBe(null);
  });
  it('rate(1 day) from startTime 2026-02-25T06:00Z: before 2 March 00:00Z the last firing is 1 March 06:00Z (startTime + 4 days)', () => {
    expect(prev('rate(1 day)', '2026-03-02T00:00:00Z', 'UTC', { startTime: utc('2026-02-25T06:00:00Z') })).toBe('2026-03-01T06:00:00Z');
  });
  it('rate(1 day) with endTime 2026-02-27T12:00Z: 27 February 06:00Z', () => {
    expect(prev('rate(1 day)', '2026-03-02T00:00:00Z', 'UTC', { startTime: utc('2026-02-25T06:00:00Z'), endTime: utc('2026-02-27T12:00:00Z') })).toBe('2026-02-27T06:00:00Z');
  });
  it('a rate without startTime first fires one interval after it was created: created at the instant, none before it', () => {
    expect(prev('rate(1 hour)', '2026-03-02T00:00:00Z', 'UTC', { createdAt: utc('2026-03-02T00:00:00Z') })).toBe(null);
  });
});

describe('prevFire mirrors nextFire', () => {
  // for any instant x: p = prevFire(x) is a firing (nextFire just before it gives it) and
  // there is none in (p, x) (nextFire after it is at or after x)
  const exprs = ['cron(0 8 ? * MON-FRI *)', 'cron(0/20 * * * ? *)', 'cron(30 2 * * ? *)', 'cron(15 1,13 L * ? *)', 'cron(0 9 ? * 2#1 *)', 'rate(7 hours)'];
  const zones = ['UTC', 'Europe/Berlin', 'America/New_York', 'Australia/Lord_Howe'];
  it('on firings around both 2026 changes of the clocks, in four zones', () => {
    fc.assert(
      fc.property(fc.constantFrom(...exprs), fc.constantFrom(...zones), fc.integer({ min: utc('2026-02-01T00:00:00Z'), max: utc('2026-12-01T00:00:00Z') }), (expr, zone, x) => {
        const s = parseSchedule(expr);
        const tz = s.kind === 'rate' ? 'UTC' : zone;
        const bounds = s.kind === 'rate' ? { startTime: utc('2026-01-01T00:00:00Z') } : {};
        const p = prevFire(s, x, tz, bounds);
        expect(p).not.toBe(null);
        expect(p!).toBeLessThan(x);
        expect(nextFire(s, p! - 1, tz, bounds)).toBe(p);
        expect(nextFire(s, p!, tz, bounds)!).toBeGreaterThanOrEqual(x);
      }),
      { numRuns: 300, seed: 7 },
    );
  });
});
