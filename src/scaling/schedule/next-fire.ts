// The next time a parsed schedule fires, in epoch ms, in the action's IANA time zone
// (luxon does all zone arithmetic). Cron walks calendar days, not minutes: cheap enough to
// call once per firing.

import { DateTime, IANAZone } from 'luxon';
import { timeZoneNameProblem } from '../../engine/time-zone.js';
import { daysInMonth } from './calendar.js';
import { cronDayMatches } from './cron-day.js';
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
 * time); one the clocks pass twice (fall back) fires once, at its first occurrence, so a
 * sub-hourly cron fires through the first pass of the repeated hour and not on the repeat.
 * The first occurrences rise with the wall-clock time, so the first one after `after` is
 * the answer.
 */
function nextCronFire(c: CronSchedule, after: number, timezone: string): number | null {
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
        }
      }
    }
    d++;
    first = false;
  }
  return null;
}
