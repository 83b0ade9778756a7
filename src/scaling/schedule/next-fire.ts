// The next time a parsed schedule fires, in epoch ms, in the action's IANA time zone
// (luxon does all zone arithmetic). Cron walks calendar days, not minutes: cheap enough to
// call once per firing.

import { DateTime, IANAZone } from 'luxon';
import { timeZoneNameProblem } from '../../engine/time-zone.js';
import { daysInMonth } from './calendar.js';
import { cronDayMatches } from './cron-day.js';
import { prevCronFireKept } from './prev-cron-memo.js';
import { CRON_MAX_YEAR, CRON_MIN_YEAR, type CronSchedule, type LocalDateTime, type Schedule } from './schedule.js';

export interface ScheduleBounds {
  /** No firing before this epoch ms (inclusive); a rate or cron schedule fires first at startTime. */
  startTime?: number;
  /** No firing after this epoch ms (inclusive). */
  endTime?: number;
  /** When the action was created (epoch ms): a rate without startTime first fires one interval later. Default 0. */
  createdAt?: number;
}

const DAY_MS = 86_400_000;

const zones = new Map<string, IANAZone>(); // validated zones (validation builds an Intl formatter: slow)

/** Throws unless `timezone` is an IANA zone name luxon knows (or "UTC"), in its exact case. */
export function checkTimezone(timezone: string): void {
  zoneOf(timezone);
}

/**
 * A cron() day whose matching wall-clock times the clocks skip (spring forward): no firing
 * that day for them (nextCronFire); `at` is the instant the clocks jump, when they would
 * have fired.
 */
export interface CronSkip {
  /** Epoch ms of the jump (the gap's end). */
  at: number;
  /** The skipped wall-clock times, "02:30", in order. */
  times: string[];
  /** The local date, "2026-03-08". */
  date: string;
  /**
   * The wall clock at the jump in the offsets before and after it: "02:00", "03:00"; with
   * the dates when the jump is a day or more: "2011-12-30 00:00", "2011-12-31 00:00".
   */
  from: string;
  to: string;
  /**
   * True when the jump's instant is itself a firing of the cron (03:00 EDT, right after the
   * skipped 02:xx times in New York): the skip is logged and then the action fires, at `at`.
   */
  fires?: true;
}

/**
 * The first firing strictly after `afterEpochMs`, or a cron() day's skipped times when the
 * clocks jump over them before or at that firing (CronSkip: only a cron() has them; `fires`
 * when the firing is at the jump's instant itself), or null when there is neither. nextFire,
 * with the skips.
 */
export function nextFireOrSkip(schedule: Schedule, afterEpochMs: number, timezone = 'UTC', bounds: ScheduleBounds = {}): number | CronSkip | null {
  if (schedule.kind !== 'cron' || (bounds.startTime !== undefined && bounds.startTime > afterEpochMs)) return nextFire(schedule, afterEpochMs, timezone, bounds);
  const next = nextCronFire(schedule, afterEpochMs, timezone, true);
  if (next === null) return null;
  const at = typeof next === 'number' ? next : next.at;
  return bounds.endTime !== undefined && at > bounds.endTime ? null : next;
}

/** The first firing strictly after `afterEpochMs`, or null when there is none. */
export function nextFire(schedule: Schedule, afterEpochMs: number, timezone = 'UTC', bounds: ScheduleBounds = {}): number | null {
  const after = bounds.startTime !== undefined ? Math.max(afterEpochMs, bounds.startTime - 1) : afterEpochMs;
  let fire: number | null;
  switch (schedule.kind) {
    case 'at': {
      const ms = firstInstantOf(schedule.local, zoneOf(timezone));
      fire = ms !== null && ms > after ? ms : null;
      break;
    }
    case 'rate': {
      const I = schedule.intervalMs;
      const anchor = bounds.startTime ?? bounds.createdAt ?? 0;
      const kMin = bounds.startTime !== undefined ? 0 : 1;
      const k = Math.max(kMin, Math.floor((after - anchor) / I) + 1);
      fire = anchor + k * I;
      break;
    }
    case 'cron': {
      // "If you specify a start time, Application Auto Scaling performs the action at this
      // time, and then performs the action based on the specified recurrence"
      // (scheduled-scaling-using-cron-expressions.html, recurring schedules; rate() above
      // follows it too; a one-time at() fires at its own time only)
      const s = bounds.startTime;
      fire = s !== undefined && s > afterEpochMs ? s : nextCronFire(schedule, after, timezone);
      break;
    }
  }
  if (fire === null || (bounds.endTime !== undefined && fire > bounds.endTime)) return null;
  return fire;
}

function zoneOf(timezone: string): IANAZone {
  let z = zones.get(timezone);
  if (!z) {
    const problem = timeZoneNameProblem(timezone);
    if (problem !== undefined) throw new Error(`timezone: ${problem}`);
    z = IANAZone.create(timezone);
    zones.set(timezone, z);
  }
  return z;
}

/**
 * The first instant at which the wall-clock time `local` occurs in `zone`, or null when it
 * never does (the clocks skip it: spring-forward gap). A time the clocks pass twice (fall
 * back) is its first occurrence, as EventBridge Scheduler runs it "only once" then; luxon's
 * own choice would be the second (the later, standard offset), hence getPossibleOffsets.
 */
export function firstInstantOf(local: LocalDateTime, zone: IANAZone): number | null {
  const dt = DateTime.fromObject(local, { zone });
  if (
    dt.day !== local.day ||
    dt.hour !== local.hour ||
    dt.minute !== local.minute ||
    dt.second !== local.second
  ) {
    return null; // luxon moved a non-existent time forward by the gap
  }
  let first = dt.toMillis();
  // luxon gives the later occurrence: an earlier one needs a change of offset in the day
  // before it; none there, one occurrence (a shortcut: each zone look-up formats a date
  // with Intl, ~20 us, and getPossibleOffsets makes four)
  if (zone.offset(first - DAY_MS) === dt.offset) return first;
  for (const o of dt.getPossibleOffsets()) {
    const ms = o.toMillis();
    if (ms < first) first = ms;
  }
  return first;
}

/** firstInstantOf in a zone given by name (checked as checkTimezone does). */
export function firstInstantIn(local: LocalDateTime, timezone: string): number | null {
  return firstInstantOf(local, zoneOf(timezone));
}

/**
 * Walks local calendar days from the day of `after`, skipping whole months and years that
 * cannot match, and converts matching wall-clock times with luxon (firstInstantOf). A
 * wall-clock time that does not exist (spring-forward gap) is skipped: that day has no such
 * firing ("your schedule invocation gets skipped", EventBridge Scheduler on daylight saving
 * time; with `skips`, that day's skip is returned, at the jump, when it comes before the next
 * firing or at it, marked `fires` then: nextFireOrSkip); one the clocks pass twice (fall back) fires once, at its first occurrence, so a
 * sub-hourly cron fires through the first pass of the repeated hour and not on the repeat.
 * The first occurrences rise with the wall-clock time, so the first one after `after` is
 * the answer.
 */
function nextCronFire(c: CronSchedule, after: number, timezone: string): number | null;
function nextCronFire(c: CronSchedule, after: number, timezone: string, skips: true): number | CronSkip | null;
function nextCronFire(c: CronSchedule, after: number, timezone: string, skips = false): number | CronSkip | null {
  const zone = zoneOf(timezone);
  const start = DateTime.fromMillis(after, { zone });
  let y = start.year;
  let mo = start.month;
  let d = start.day;
  let first = true;
  const ah = start.hour;
  const am = start.minute;
  while (y <= CRON_MAX_YEAR) {
    if (y < CRON_MIN_YEAR || !c.years[y - CRON_MIN_YEAR]) {
      y++;
      mo = 1;
      d = 1;
      first = false;
      continue;
    }
    if (!c.months[mo] || d > daysInMonth(y, mo)) {
      mo++;
      d = 1;
      first = false;
      if (mo > 12) {
        mo = 1;
        y++;
      }
      continue;
    }
    if (cronDayMatches(c, y, mo, d)) {
      for (let h = first ? ah : 0; h < 24; h++) {
        if (!c.hours[h]) continue;
        // the minute of `after` itself is not after it (its first occurrence is at or before it)
        for (let mi = first && h === ah ? am + 1 : 0; mi < 60; mi++) {
          if (!c.minutes[mi]) continue;
          const ms = firstInstantOf({ year: y, month: mo, day: d, hour: h, minute: mi, second: 0 }, zone);
          if (ms !== null && ms > after) return ms;
          if (ms === null && skips) {
            const skip = cronSkip(c, zone, y, mo, d, h, mi);
            if (skip.at > after) {
              // the next firing is at or after the jump (every wall-clock time walked before
              // this one is at or before `after`); at it, the skip comes with the firing
              if (nextCronFire(c, after, timezone) === skip.at) skip.fires = true;
              return skip;
            }
          }
        }
      }
    }
    d++;
    first = false;
  }
  return null;
}

const hhmm = (h: number, m: number): string => `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`;

/**
 * The skip of day y-mo-d, whose matching time h:mi the clocks jump over: the jump's instant
 * (found by halving the span in which it lies, to the minute) and every matching time of
 * the day in the gap, from h:mi on.
 */
function cronSkip(c: CronSchedule, zone: IANAZone, y: number, mo: number, d: number, h: number, mi: number): CronSkip {
  const wall = Date.UTC(y, mo - 1, d, h, mi);
  // the offsets around it: luxon moves the time forward by the gap, into the later offset
  const after = DateTime.fromObject({ year: y, month: mo, day: d, hour: h, minute: mi }, { zone }).offset;
  const before = zone.offset(wall - after * 60_000 - DAY_MS / 2);
  // the jump is between the instants the wall time would be at in the later and earlier offsets
  let lo = wall - after * 60_000; // in the earlier offset still
  let hi = wall - before * 60_000; // in the later one
  while (hi - lo > 60_000) {
    const mid = lo + Math.floor((hi - lo) / 120_000) * 60_000;
    if (zone.offset(mid) === after) hi = mid;
    else lo = mid;
  }
  const at = hi;
  // a jump of a day or more (Pacific/Apia skipped 2011-12-30) names the dates too
  const dated = Math.abs(after - before) >= DAY_MS / 60_000;
  const clock = (ms: number): string => {
    const t = new Date(ms);
    return (dated ? `${t.toISOString().slice(0, 10)} ` : '') + hhmm(t.getUTCHours(), t.getUTCMinutes());
  };
  const times: string[] = [];
  for (let hh = h; hh < 24; hh++) {
    if (!c.hours[hh]) continue;
    for (let mm = hh === h ? mi : 0; mm < 60; mm++) {
      if (c.minutes[mm] && firstInstantOf({ year: y, month: mo, day: d, hour: hh, minute: mm, second: 0 }, zone) === null) times.push(hhmm(hh, mm));
    }
  }
  const date = `${y}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
  return { at, times, date, from: clock(at + before * 60_000), to: clock(at + after * 60_000) };
}

/** "02:30 does not exist", "02:00, 02:15, 02:30 and 02:45 do not exist", "the 60 times from 02:00 to 02:59 do not exist". */
export function skippedTimes(skip: CronSkip): string {
  const t = skip.times;
  if (t.length === 1) return `${t[0]} does not exist`;
  if (t.length <= 4) return `${t.slice(0, -1).join(', ')} and ${t[t.length - 1]} do not exist`;
  return `the ${t.length} times from ${t[0]} to ${t[t.length - 1]} do not exist`;
}

/**
 * How far back before the run's start a cron firing is searched for, to replay it
 * (prevFire's default `earliest`; ServiceAutoScaler.firingsBeforeStart applies it to cron()
 * only: an at() or a rate() needs no search, and AWS reverts nothing, so they have no age
 * limit there): most recurring crons fire at least once a year, but not all: a year field
 * may skip years, and some days do not come every year (cron(0 8 29 2 ? *) fires every
 * 4 years, a fifth Monday of February, MON#5 in February, once in years); a cron whose last
 * firing before the start is older than this is taken as not in force, whatever it set
 * (docs/assumptions.md; the warning on such an action says so). It bounds prevFire's walk of a cron calendar.
 */
export const PREV_FIRE_HORIZON_MS = 400 * DAY_MS;

/**
 * The latest firing strictly before `beforeEpochMs` and at or after `earliest` (default
 * PREV_FIRE_HORIZON_MS before `beforeEpochMs`; -Infinity for no limit), or null when there is
 * none: the same firings as nextFire (at startTime, then on the schedule; none after endTime;
 * a rate without startTime first fires one interval after createdAt), found backwards.
 */
export function prevFire(
  schedule: Schedule,
  beforeEpochMs: number,
  timezone = 'UTC',
  bounds: ScheduleBounds = {},
  earliest = beforeEpochMs - PREV_FIRE_HORIZON_MS,
): number | null {
  // the latest instant a firing may be at: before `before`, and not after endTime
  const last = bounds.endTime !== undefined ? Math.min(beforeEpochMs - 1, bounds.endTime) : beforeEpochMs - 1;
  const s = bounds.startTime;
  if (s !== undefined && s > last) return null;
  const inRange = (ms: number | null): number | null => (ms !== null && ms >= earliest ? ms : null);
  switch (schedule.kind) {
    case 'at': {
      const ms = firstInstantOf(schedule.local, zoneOf(timezone));
      return inRange(ms !== null && ms <= last && (s === undefined || ms >= s) ? ms : null);
    }
    case 'rate': {
      const I = schedule.intervalMs;
      const anchor = s ?? bounds.createdAt ?? 0;
      const kMin = s !== undefined ? 0 : 1;
      const k = Math.floor((last - anchor) / I);
      return inRange(k >= kMin ? anchor + k * I : null);
    }
    case 'cron': {
      const floor = Math.max(s ?? -Infinity, earliest);
      // (the same question again, from another service with the same cron or another replay: remembered)
      const fire = prevCronFireKept(schedule, last, floor, timezone, () => prevCronFire(schedule, last, floor, timezone));
      // startTime is a firing itself (nextFire): the last one when the schedule has none since
      if (fire !== null) return fire;
      return s !== undefined ? inRange(s) : null;
    }
  }
}

/**
 * The latest cron firing at or before `last` and at or after `floor`, or null: nextCronFire
 * backwards. Wall-clock times are walked from late to early; their first occurrences do not
 * decrease with the wall-clock time, so the first one found at or before `last` is the
 * answer. On the day of `last` the walk starts three hours past its wall-clock hour: a
 * wall-clock time a little later than `last`'s may first occur before it when the clocks
 * go back (by two hours at most in any zone).
 */
function prevCronFire(c: CronSchedule, last: number, floor: number, timezone: string): number | null {
  const zone = zoneOf(timezone);
  const start = DateTime.fromMillis(last, { zone });
  const stop = DateTime.fromMillis(Math.max(floor, Date.UTC(CRON_MIN_YEAR, 0, 1)), { zone });
  const stopKey = stop.year * 10_000 + stop.month * 100 + stop.day;
  let y = start.year;
  let mo = start.month;
  let d = start.day;
  let first = true;
  const topHour = Math.min(23, start.hour + 3);
  while (y * 10_000 + mo * 100 + d >= stopKey) {
    if (y > CRON_MAX_YEAR || !c.years[y - CRON_MIN_YEAR]) {
      y--;
      mo = 12;
      d = 31;
      first = false;
      continue;
    }
    if (!c.months[mo]) {
      mo--;
      d = 31;
      first = false;
      if (mo < 1) {
        mo = 12;
        y--;
      }
      continue;
    }
    if (d > daysInMonth(y, mo)) d = daysInMonth(y, mo);
    if (cronDayMatches(c, y, mo, d)) {
      for (let h = first ? topHour : 23; h >= 0; h--) {
        if (!c.hours[h]) continue;
        for (let mi = 59; mi >= 0; mi--) {
          if (!c.minutes[mi]) continue;
          const ms = firstInstantOf({ year: y, month: mo, day: d, hour: h, minute: mi, second: 0 }, zone);
          if (ms === null || ms > last) continue;
          return ms >= floor ? ms : null;
        }
      }
    }
    first = false;
    d--;
    if (d < 1) {
      mo--;
      d = 31;
      if (mo < 1) {
        mo = 12;
        y--;
      }
    }
  }
  return null;
}
