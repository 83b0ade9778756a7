// Scheduled action schedules: at(), rate(), cron() with AWS's wildcards and IANA time zones
// (autoscaling/application/userguide/scheduled-scaling-using-cron-expressions.html).
import { describe, it, expect } from 'vitest';
import { nextFireOrSkip } from '../../src/scaling/schedule/next-fire.js';
import { nextFire, parseSchedule } from '../../src/scaling/index.js';

const utc = (s: string) => Date.parse(s);
const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString().replace('.000Z', 'Z'));
const next = (expr: string, after: string, tz = 'UTC', bounds = {}) => iso(nextFire(parseSchedule(expr), utc(after), tz, bounds));

describe('cron in a time zone across a DST change (Europe/Berlin, 2026-03-29)', () => {
  const weekdays8 = 'cron(0 8 ? * MON-FRI *)';
  it('08:00 local is 07:00Z on Friday before the change (CET, UTC+1)', () => {
    expect(next(weekdays8, '2026-03-27T00:00:00Z', 'Europe/Berlin')).toBe('2026-03-27T07:00:00Z');
  });
  it('and 06:00Z on Monday after it (CEST, UTC+2), skipping the weekend', () => {
    expect(next(weekdays8, '2026-03-27T07:00:00Z', 'Europe/Berlin')).toBe('2026-03-30T06:00:00Z');
  });
  it('back to 07:00Z after the autumn change (2026-10-25)', () => {
    expect(next(weekdays8, '2026-10-23T06:00:00Z', 'Europe/Berlin')).toBe('2026-10-26T07:00:00Z');
  });
  // EventBridge Scheduler (daylight saving time): "your schedule invocation gets skipped if
  // the cron expression falls on a non-existent date and time"; clocks go 02:00 CET -> 03:00
  // CEST at 01:00Z on 2026-03-29, so 02:30 does not exist that day
  it('a daily 02:30 in the spring-forward gap is skipped that day: next is 02:30 CEST on the 30th (00:30Z)', () => {
    expect(next('cron(30 2 * * ? *)', '2026-03-28T12:00:00Z', 'Europe/Berlin')).toBe('2026-03-30T00:30:00Z');
  });
  it('every 20 minutes across the gap: 01:40 CET (00:40Z), then 03:00 CEST (01:00Z), 03:20 CEST (01:20Z)', () => {
    expect(next('cron(0/20 * * * ? *)', '2026-03-29T00:30:00Z', 'Europe/Berlin')).toBe('2026-03-29T00:40:00Z');
    expect(next('cron(0/20 * * * ? *)', '2026-03-29T00:40:00Z', 'Europe/Berlin')).toBe('2026-03-29T01:00:00Z');
    expect(next('cron(0/20 * * * ? *)', '2026-03-29T01:00:00Z', 'Europe/Berlin')).toBe('2026-03-29T01:20:00Z');
  });
  it('an at() in the gap never fires', () => {
    expect(next('at(2026-03-29T02:30:00)', '2026-03-28T00:00:00Z', 'Europe/Berlin')).toBe(null);
  });
});

// Clocks go 03:00 CEST -> 02:00 CET at 01:00Z on 2026-10-25: 02:00-02:59 local is first
// 00:00-00:59Z (UTC+2), then again 01:00-01:59Z (UTC+1). EventBridge Scheduler: in the fall
// "your schedule runs only once and doesn't repeat its invocation": at the first occurrence.
// A cron time the clocks jump over: no firing that day; nextFireOrSkip gives the skip at the
// jump's instant, before the next firing
describe('nextFireOrSkip: the skipped day of a spring-forward gap', () => {
  const skip = (expr: string, after: string, tz: string) => {
    const r = nextFireOrSkip(parseSchedule(expr), utc(after), tz);
    return r === null || typeof r === 'number' ? iso(r) : { ...r, at: iso(r.at) };
  };
  it('02:30 New York on 2026-03-08: clocks jump 02:00 EST (07:00Z) -> 03:00 EDT; the next firing is 02:30 EDT = 06:30Z on 9 March', () => {
    expect(skip('cron(30 2 * * ? *)', '2026-03-07T12:00:00Z', 'America/New_York')).toEqual({ at: '2026-03-08T07:00:00Z', times: ['02:30'], date: '2026-03-08', from: '02:00', to: '03:00' });
    expect(skip('cron(30 2 * * ? *)', '2026-03-08T07:00:00Z', 'America/New_York')).toBe('2026-03-09T06:30:00Z');
    // a firing before the jump comes first: 01:30 EST = 06:30Z
    expect(skip('cron(30 1,2 * * ? *)', '2026-03-08T00:00:00Z', 'America/New_York')).toBe('2026-03-08T06:30:00Z');
  });
  it('every 20 minutes of 02:xx Berlin on 2026-03-29: 02:00, 02:20, 02:40 skipped at 01:00Z (02:00 CET -> 03:00 CEST)', () => {
    expect(skip('cron(0/20 2 * * ? *)', '2026-03-28T12:00:00Z', 'Europe/Berlin')).toEqual({ at: '2026-03-29T01:00:00Z', times: ['02:00', '02:20', '02:40'], date: '2026-03-29', from: '02:00', to: '03:00' });
  });
  it('a half-hour jump (Lord Howe, +10:30 -> +11 on 2026-10-04): 02:15 skipped at 02:00 +10:30 = 15:30Z on 3 October', () => {
    expect(skip('cron(15 2 * * ? *)', '2026-10-03T00:00:00Z', 'Australia/Lord_Howe')).toEqual({ at: '2026-10-03T15:30:00Z', times: ['02:15'], date: '2026-10-04', from: '02:00', to: '02:30' });
  });
  it('no skip in UTC, nor after endTime', () => {
    expect(skip('cron(30 2 * * ? *)', '2026-03-07T12:00:00Z', 'UTC')).toBe('2026-03-08T02:30:00Z');
    expect(nextFireOrSkip(parseSchedule('cron(30 2 * * ? *)'), utc('2026-03-07T12:00:00Z'), 'America/New_York', { endTime: utc('2026-03-08T06:59:00Z') })).toBeNull();
  });
});

describe('cron in the repeated hour of the autumn change (Europe/Berlin, 2026-10-25)', () => {
  it('a daily 02:30 fires at its first occurrence, 00:30Z, and not at 01:30Z; next day 02:30 CET = 01:30Z', () => {
    expect(next('cron(30 2 * * ? *)', '2026-10-24T12:00:00Z', 'Europe/Berlin')).toBe('2026-10-25T00:30:00Z');
    expect(next('cron(30 2 * * ? *)', '2026-10-25T00:30:00Z', 'Europe/Berlin')).toBe('2026-10-26T01:30:00Z');
  });
  it('every 20 minutes: 00:00Z, 00:20Z, 00:40Z (first pass), then 03:00 CET = 02:00Z (no hole, no repeat)', () => {
    const fires: Array<string | null> = [];
    let after = '2026-10-24T23:50:00Z'; // 01:50 CEST
    for (let i = 0; i < 5; i++) {
      const f = next('cron(0/20 * * * ? *)', after, 'Europe/Berlin');
      fires.push(f);
      after = f!;
    }
    expect(fires).toEqual(['2026-10-25T00:00:00Z', '2026-10-25T00:20:00Z', '2026-10-25T00:40:00Z', '2026-10-25T02:00:00Z', '2026-10-25T02:20:00Z']);
  });
  it('from inside the repeat (01:10Z = 02:10 CET) the next firing is 03:00 CET = 02:00Z', () => {
    expect(next('cron(0/20 * * * ? *)', '2026-10-25T01:10:00Z', 'Europe/Berlin')).toBe('2026-10-25T02:00:00Z');
  });
  it('an at() in the repeated hour fires at its first occurrence', () => {
    expect(next('at(2026-10-25T02:30:00)', '2026-10-24T00:00:00Z', 'Europe/Berlin')).toBe('2026-10-25T00:30:00Z');
  });
});

describe('cron wildcards L, W, #', () => {
  it('L in day-of-month: the last day of the month (Feb 2026: 28th; Feb 2028: 29th)', () => {
    expect(next('cron(0 12 L * ? *)', '2026-02-10T00:00:00Z')).toBe('2026-02-28T12:00:00Z');
    expect(next('cron(0 12 L 2 ? *)', '2026-03-01T00:00:00Z')).toBe('2027-02-28T12:00:00Z');
    expect(next('cron(0 12 L 2 ? 2028)', '2026-03-01T00:00:00Z')).toBe('2028-02-29T12:00:00Z');
  });
  it('nW: the weekday nearest to day n in the same month (2026-08-15 is a Saturday -> Friday 14th)', () => {
    expect(next('cron(0 9 15W * ? *)', '2026-08-01T00:00:00Z')).toBe('2026-08-14T09:00:00Z');
  });
  it('1W never leaves the month: 2026-08-01 is a Saturday -> Monday 3rd', () => {
    expect(next('cron(0 9 1W * ? *)', '2026-07-31T12:00:00Z')).toBe('2026-08-03T09:00:00Z');
  });
  it('nW on a Sunday -> Monday (2026-03-15 -> 16th); on a weekday -> that day', () => {
    expect(next('cron(0 9 15W * ? *)', '2026-03-01T00:00:00Z')).toBe('2026-03-16T09:00:00Z');
    expect(next('cron(0 9 14W * ? *)', '2026-08-01T00:00:00Z')).toBe('2026-08-14T09:00:00Z');
  });
  it('LW: the last weekday of the month (2026-02-28 is a Saturday -> Friday 27th)', () => {
    expect(next('cron(0 18 LW * ? *)', '2026-02-01T00:00:00Z')).toBe('2026-02-27T18:00:00Z');
  });
  it('x#n: the nth weekday x (2#1 = first Monday: 2026-03-02, then 2026-04-06)', () => {
    expect(next('cron(0 10 ? * 2#1 *)', '2026-03-01T00:00:00Z')).toBe('2026-03-02T10:00:00Z');
    expect(next('cron(0 10 ? * MON#1 *)', '2026-03-02T10:00:00Z')).toBe('2026-04-06T10:00:00Z');
  });
  it('xL in day-of-week: the last weekday x of the month (6L = last Friday: 2026-03-27)', () => {
    expect(next('cron(0 10 ? * 6L *)', '2026-03-01T00:00:00Z')).toBe('2026-03-27T10:00:00Z');
  });
  it('L alone in day-of-week is the last day of the week, Saturday (1 = SUN)', () => {
    expect(next('cron(0 0 ? * L *)', '2026-03-02T00:00:00Z')).toBe('2026-03-07T00:00:00Z');
    expect(next('cron(0 0 ? * 1 *)', '2026-03-02T00:00:00Z')).toBe('2026-03-08T00:00:00Z');
  });
});

describe('cron fields: lists, ranges, steps, names, years', () => {
  it('*/15 minutes from the hour', () => {
    expect(next('cron(*/15 * * * ? *)', '2026-03-02T10:07:00Z')).toBe('2026-03-02T10:15:00Z');
  });
  it('lists and ranges of hours; month names', () => {
    expect(next('cron(0 8,20 ? JAN-MAR MON-FRI *)', '2026-03-02T08:00:00Z')).toBe('2026-03-02T20:00:00Z');
    expect(next('cron(0 8,20 ? JAN-MAR MON-FRI *)', '2026-03-31T20:00:00Z')).toBe('2027-01-01T08:00:00Z');
  });
  it('the largest steps Quartz takes still parse: 0/59 minutes = :00 and :59, 0/23 hours = 00:00 and 23:00', () => {
    expect(next('cron(0/59 * * * ? *)', '2026-03-02T10:01:00Z')).toBe('2026-03-02T10:59:00Z');
    expect(next('cron(0 0/23 * * ? *)', '2026-03-02T01:00:00Z')).toBe('2026-03-02T23:00:00Z');
  });
  it('a step from a value: 5/20 minutes = 5, 25, 45', () => {
    expect(next('cron(5/20 * * * ? *)', '2026-03-02T10:26:00Z')).toBe('2026-03-02T10:45:00Z');
  });
  it('a wrapping day range FRI-MON', () => {
    expect(next('cron(0 0 ? * FRI-MON *)', '2026-03-03T00:00:00Z')).toBe('2026-03-06T00:00:00Z'); // Tue -> Fri
  });
  it('a year range from <= to: 2027-2028 fires on 1 Jan 2027 and 2028, then no more', () => {
    expect(next('cron(0 0 1 1 ? 2027-2028)', '2026-03-02T00:00:00Z')).toBe('2027-01-01T00:00:00Z');
    expect(next('cron(0 0 1 1 ? 2027-2028)', '2027-01-01T00:00:00Z')).toBe('2028-01-01T00:00:00Z');
    expect(next('cron(0 0 1 1 ? 2027-2028)', '2028-01-01T00:00:00Z')).toBeNull();
  });
  it('a year field limits firings; an impossible date (Feb 30) gives null quickly', () => {
    expect(next('cron(0 0 1 1 ? 2030)', '2026-03-02T00:00:00Z')).toBe('2030-01-01T00:00:00Z');
    expect(next('cron(0 0 1 1 ? 2020-2025)', '2026-03-02T00:00:00Z')).toBeNull();
    const t0 = performance.now();
    expect(next('cron(0 0 30 2 ? *)', '2026-03-02T00:00:00Z')).toBeNull();
    expect(performance.now() - t0).toBeLessThan(500);
  });
  it('is strictly after: a firing exactly at `after` is not returned again', () => {
    expect(next('cron(0 8 * * ? *)', '2026-03-02T08:00:00Z')).toBe('2026-03-03T08:00:00Z');
  });
});

describe('at() and rate()', () => {
  it('at() is wall-clock time in the time zone: 09:30 Berlin on 2026-03-02 = 08:30Z; fires once', () => {
    expect(next('at(2026-03-02T09:30:00)', '2026-03-01T00:00:00Z', 'Europe/Berlin')).toBe('2026-03-02T08:30:00Z');
    expect(next('at(2026-03-02T09:30:00)', '2026-03-02T08:30:00Z', 'Europe/Berlin')).toBeNull();
  });
  it('rate() fires every interval from creation (first one interval later), or from startTime', () => {
    const created = utc('2026-03-02T00:00:00Z');
    expect(next('rate(15 minutes)', '2026-03-02T00:00:00Z', 'UTC', { createdAt: created })).toBe('2026-03-02T00:15:00Z');
    expect(next('rate(1 hour)', '2026-03-02T05:10:00Z', 'UTC', { createdAt: created })).toBe('2026-03-02T06:00:00Z');
    const start = utc('2026-03-03T12:00:00Z');
    expect(next('rate(2 days)', '2026-03-02T00:00:00Z', 'UTC', { startTime: start })).toBe('2026-03-03T12:00:00Z');
  });
  it('startTime and endTime bound any schedule (cron: the firing at startTime, then the recurrence up to endTime)', () => {
    const b = { startTime: utc('2026-03-04T00:00:00Z'), endTime: utc('2026-03-05T12:00:00Z') };
    expect(next('cron(0 8 * * ? *)', '2026-03-02T00:00:00Z', 'UTC', b)).toBe('2026-03-04T00:00:00Z');
    expect(next('cron(0 8 * * ? *)', '2026-03-04T00:00:00Z', 'UTC', b)).toBe('2026-03-04T08:00:00Z');
    expect(next('cron(0 8 * * ? *)', '2026-03-05T08:00:00Z', 'UTC', b)).toBeNull();
  });
  // "If you specify a start time, Application Auto Scaling performs the action at this time,
  // and then performs the action based on the specified recurrence"
  // (scheduled-scaling-using-cron-expressions.html)
  it('cron with startTime fires at startTime, then on the recurrence: 01:30Z, 04:00Z, 04:00Z the next day', () => {
    const b = { startTime: utc('2026-03-02T01:30:00Z') };
    expect(next('cron(0 4 * * ? *)', '2026-03-02T00:00:00Z', 'UTC', b)).toBe('2026-03-02T01:30:00Z');
    expect(next('cron(0 4 * * ? *)', '2026-03-02T01:30:00Z', 'UTC', b)).toBe('2026-03-02T04:00:00Z');
    expect(next('cron(0 4 * * ? *)', '2026-03-02T04:00:00Z', 'UTC', b)).toBe('2026-03-03T04:00:00Z');
  });
  it('cron: a startTime on a cron time fires once there; a startTime already past does not fire again', () => {
    const b = { startTime: utc('2026-03-02T04:00:00Z') };
    expect(next('cron(0 4 * * ? *)', '2026-03-02T00:00:00Z', 'UTC', b)).toBe('2026-03-02T04:00:00Z');
    expect(next('cron(0 4 * * ? *)', '2026-03-02T04:00:00Z', 'UTC', b)).toBe('2026-03-03T04:00:00Z');
    expect(next('cron(0 4 * * ? *)', '2026-03-02T02:00:00Z', 'UTC', { startTime: utc('2026-03-02T01:30:00Z') })).toBe('2026-03-02T04:00:00Z');
  });
  it('cron: startTime = endTime fires once, at startTime', () => {
    const b = { startTime: utc('2026-03-02T01:30:00Z'), endTime: utc('2026-03-02T01:30:00Z') };
    expect(next('cron(0 4 * * ? *)', '2026-03-02T00:00:00Z', 'UTC', b)).toBe('2026-03-02T01:30:00Z');
    expect(next('cron(0 4 * * ? *)', '2026-03-02T01:30:00Z', 'UTC', b)).toBeNull();
  });
  it('at() with startTime fires at its own time only (the start-time firing is for recurring schedules)', () => {
    const b = { startTime: utc('2026-03-02T05:00:00Z') };
    expect(next('at(2026-03-02T09:30:00)', '2026-03-02T00:00:00Z', 'UTC', b)).toBe('2026-03-02T09:30:00Z');
    expect(next('at(2026-03-02T04:30:00)', '2026-03-02T00:00:00Z', 'UTC', b)).toBeNull();
  });
});

describe('parseSchedule errors name the field and the position', () => {
  it.each([
    ['cron(0 25 ? * MON *)', /hours \(field 2\) at character 8: expected an hour 0-23, found "25"/],
    ['cron(0 8 ? * MON-FOO *)', /day-of-week \(field 5\) at character 18: expected a day 1-7 or SUN-SAT.*found "FOO"/],
    ['cron(0 8 * * MON *)', /"\?" in exactly one of day-of-month \(field 3\) and day-of-week \(field 5\), found "\*" and "MON"/],
    ['cron(0 8 ? * ? *)', /"\?" in exactly one of day-of-month/],
    ['cron(0 8 * *)', /expected 6 cron fields .* found 4/],
    ['cron(0 8 ? * 2#6 *)', /day-of-week \(field 5\) at character 16: expected a week number 1-5 after "#", found "6"/],
    // eb-cron-expressions.html: day-of-week takes , - * ? L # (no "/"), and "If you use the '#'
    // character, you can define only one expression in the day-of-week field"
    ['cron(0 8 ? * MON/2 *)', /day-of-week \(field 5\) at character 17: expected no "\/" in day-of-week \(it allows , - \* \? L #\); list the days instead, e\.g\. MON,WED,FRI, found "MON\/2"/],
    ['cron(0 8 ? * */2 *)', /day-of-week \(field 5\) at character 15: expected no "\/" in day-of-week/],
    ['cron(0 8 ? * MON#1,FRI#3 *)', /day-of-week \(field 5\) at character 14: expected a "#" item as the only day-of-week expression \(one scheduled action per "#" day\), found "MON#1,FRI#3"/],
    ['cron(0 8 ? * MON,FRI#3 *)', /day-of-week \(field 5\) at character 18: expected a "#" item as the only day-of-week expression/],
    ['cron(0/0 8 ? * 2 *)', /minutes \(field 1\) at character 8: expected a step >= 1 after "\/", found "0"/],
    // Quartz refuses an increment larger than the field (CronExpression: minutes > 59, hours
    // > 23, day-of-month > 31, month > 12): cron(0/90 * * * ? *) would fire hourly
    ['cron(0/90 * * * ? *)', /minutes \(field 1\) at character 8: expected a step 1-59 after "\/" \(a larger one fires once per hour, not every 90; for every 90 minutes use rate\(90 minutes\)\), found "90"$/],
    ['cron(0 0/36 * * ? *)', /hours \(field 2\) at character 10: expected a step 1-23 after "\/" \(a larger one fires once per day, not every 36; for every 36 hours use rate\(36 hours\)\), found "36"$/],
    ['cron(0 8 1/32 * ? *)', /day-of-month \(field 3\) at character 12: expected a step 1-31 after "\/" \(a larger one fires once per month, not every 32\), found "32"$/],
    ['cron(0 8 1 1-12/13 ? *)', /month \(field 4\) at character 17: expected a step 1-12 after "\/" \(a larger one fires once per year, not every 13\), found "13"$/],
    ['cron(0 8 ? * 2 1969)', /year \(field 6\) at character 16: expected a year 1970-2199, found "1969"/],
    // the whole nW item is named; L, LW and nW take no list (Quartz refuses them in one)
    ['cron(0 8 32W * ? *)', /day-of-month \(field 3\) at character 10: expected a day 1-31, L, LW or nW, found "32W"$/],
    ['cron(0 8 1W,15W * ? *)', /day-of-month \(field 3\) at character 10: expected "1W" as the only day-of-month expression \(L, LW and nW take no list; one scheduled action per such day\), found "1W,15W"$/],
    ['cron(0 8 1,L * ? *)', /day-of-month \(field 3\) at character 12: expected "L" as the only day-of-month expression .*, found "1,L"$/],
    // years do not wrap (Quartz: "Start year must be less than stop year"); other fields do (FRI-MON)
    ['cron(0 8 1 1 ? 2030-2026)', /year \(field 6\) at character 16: expected a year range from <= to, found "2030-2026"$/],
    ['rate(5 weeks)', /rate unit at character 8: expected minute\(s\), hour\(s\) or day\(s\), found "weeks"/],
    ['rate(0 minutes)', /rate value at character 6: expected a whole number >= 1, found "0"/],
    ['rate(5 minute)', /rate unit at character 8: expected "minutes" for the value 5, found "minute"/],
    ['rate(1 hours)', /rate unit at character 8: expected "hour" for the value 1, found "hours"/],
    // an impossible date or time says which part, as a scenario's start does
    ['at(2026-02-30T00:00:00)', /at character 4: expected a date and time that exist, found "2026-02-30T00:00:00": no such date: 2026-02-30 \(February 2026 has 28 days\)$/],
    ['at(2028-02-30T00:00:00)', /found "2028-02-30T00:00:00": no such date: 2028-02-30 \(February 2028 has 29 days\)$/],
    ['at(2026-03-02T24:00:00)', /found "2026-03-02T24:00:00": no such time: hour 24 \(hours run 00 to 23; for midnight at the end of a day write 00:00 of the next\)$/],
    ['at(2026-13-02T08:00:00)', /found "2026-13-02T08:00:00": no such month: 13 \(months run 01 to 12\)$/],
    ['at(2026-03-02T08:60:00)', /found "2026-03-02T08:60:00": no such time: minute 60 \(minutes run 00 to 59\)$/],
    ['every(5 minutes)', /expected at\(yyyy-mm-ddThh:mm:ss\), rate\(value unit\) or cron/],
  ])('%s', (expr, message) => {
    expect(() => parseSchedule(expr)).toThrow(message);
  });
  // PutScheduledAction Timezone: "the canonical names of the IANA time zones"; luxon takes any case
  it.each([
    ['europe/berlin', 'Europe/Berlin'],
    ['EUROPE/BERLIN', 'Europe/Berlin'],
    ['utc', 'UTC'],
    ['america/new_york', 'America/New_York'],
    // the user's own words capitalised, not the legacy name ICU lists for the zone (Europe/Kiev, ...)
    ['europe/kyiv', 'Europe/Kyiv'],
    ['asia/ho_chi_minh', 'Asia/Ho_Chi_Minh'],
    ['asia/kolkata', 'Asia/Kolkata'],
    ['america/nuuk', 'America/Nuuk'],
    // wrong-case links are refused too
    ['US/EASTERN', 'US/Eastern'],
    ['Asia/Ho_chi_minh', 'Asia/Ho_Chi_Minh'],
    // IANA words that are not a capital and then lower case
    ['america/port-au-prince', 'America/Port-au-Prince'],
    ['america/north_dakota/new_salem', 'America/North_Dakota/New_Salem'],
    ['etc/gmt+9', 'Etc/GMT+9'],
    ['est5edt', 'EST5EDT'],
    ['antarctica/mcmurdo', 'Antarctica/McMurdo'],
  ])('a time zone in the wrong case (%s) is refused, with the right case (%s)', (tz, right) => {
    expect(() => nextFire(parseSchedule('cron(0 8 * * ? *)'), 0, tz)).toThrow(
      `timezone: expected an IANA time zone name in its exact case, found "${tz}" (did you mean "${right}"?)`,
    );
  });
  it('names in their exact case pass, links too (Asia/Kolkata, US/Eastern, Etc/UTC)', () => {
    for (const tz of ['Europe/Berlin', 'UTC', 'Etc/UTC', 'Asia/Kolkata', 'US/Eastern', 'America/Argentina/Buenos_Aires', 'Europe/Kyiv', 'Europe/Kiev', 'Asia/Ho_Chi_Minh', 'America/Nuuk', 'America/Port-au-Prince', 'America/North_Dakota/New_Salem', 'Etc/GMT+9', 'Etc/GMT-14', 'EST5EDT', 'Antarctica/McMurdo', 'Africa/Dar_es_Salaam', 'America/Knox_IN', 'NZ-CHAT']) {
      expect(nextFire(parseSchedule('cron(0 8 * * ? *)'), 0, tz)).not.toBeNull();
    }
  });
  it('an unknown time zone is rejected', () => {
    expect(() => nextFire(parseSchedule('cron(0 8 * * ? *)'), 0, 'Mars/Olympus')).toThrow(/IANA time zone name .* found "Mars\/Olympus"/);
  });
});
