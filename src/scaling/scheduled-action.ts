// Scheduled actions (PutScheduledAction): on each firing set the target's minCapacity
// and/or maxCapacity; a desired count outside the new bounds is scaled to them
// (autoscaling/application/userguide/application-auto-scaling-scheduled-scaling.html).

import { DateTime } from 'luxon';
import { parseSchedule } from './schedule/parse-schedule.js';
import { firstInstantIn } from './schedule/next-fire.js';
import { timeZoneNameProblem } from '../engine/time-zone.js';
import { impossibleDateTime } from '../engine/date-time.js';
import type { Schedule } from './schedule/schedule.js';
import type { ScalableTarget } from './scalable-target.js';
import type { ScalingDirection } from './scaling-policy.js';

export interface ScheduledActionConfig {
  /** at(...), rate(...) or cron(...). */
  schedule: string;
  /** IANA zone for at() and cron() (refused on rate()); default UTC. */
  timezone?: string;
  /**
   * Epoch ms, or an ISO date-time: UTC when it has no offset (PutScheduledAction: StartTime
   * "in UTC"), whatever `timezone` is; an explicit offset is honoured.
   */
  startTime?: number | string;
  endTime?: number | string;
  scalableTargetAction: { minCapacity?: number; maxCapacity?: number };
}

export interface ScheduledAction {
  name: string;
  schedule: Schedule;
  timezone: string;
  startTime?: number;
  endTime?: number;
  minCapacity?: number;
  maxCapacity?: number;
}

export function createScheduledAction(name: string, c: ScheduledActionConfig): ScheduledAction {
  const where = `scheduledActions.${name}`;
  const first = scheduledActionTimeProblems(c)[0];
  if (first !== undefined) throw new Error(`${where}.${first.key}: ${first.message}`);
  const schedule = parseSchedule(c.schedule);
  const timezone = c.timezone ?? 'UTC';
  const { minCapacity, maxCapacity } = c.scalableTargetAction ?? {};
  if (minCapacity === undefined && maxCapacity === undefined) {
    throw new Error(`${where}.scalableTargetAction: expected minCapacity and/or maxCapacity, found neither`);
  }
  for (const [k, v] of [['minCapacity', minCapacity], ['maxCapacity', maxCapacity]] as const) {
    if (v !== undefined && !(Number.isInteger(v) && v >= 0)) {
      throw new Error(`${where}.scalableTargetAction.${k}: expected a whole number >= 0, found ${v}`);
    }
  }
  if (minCapacity !== undefined && maxCapacity !== undefined && minCapacity > maxCapacity) {
    throw new Error(`${where}.scalableTargetAction: expected minCapacity <= maxCapacity, found ${minCapacity} > ${maxCapacity}`);
  }
  const startTime = toEpoch(c.startTime);
  const endTime = toEpoch(c.endTime);
  if (startTime !== undefined && endTime !== undefined && startTime > endTime) {
    throw new Error(`${where}: expected startTime <= endTime, found ${c.startTime} > ${c.endTime}`);
  }
  return { name, schedule, timezone, startTime, endTime, minCapacity, maxCapacity };
}

/** What a scenario's startTime / endTime is to be (the message's "expected ..."). */
export const ACTION_TIME_EXPECTED = 'an ISO 8601 date-time such as 2026-03-02T08:00:00Z (UTC when it gives no offset)';

/** A problem with one of a scheduled action's time keys: the key, and the text after "key: ". */
export interface ScheduledActionTimeProblem {
  key: 'schedule' | 'timezone' | 'startTime' | 'endTime';
  message: string;
}

/**
 * Every problem with a scheduled action's time keys, in key order: a `schedule` that does not
 * parse, a `timezone` on a rate() or not an IANA name in its exact case, an at() the clocks
 * skip in its zone, a `startTime` or `endTime` that is no date-time. A key of another type
 * than the config's (a number for `schedule`) is left to the caller's type check.
 */
export function scheduledActionTimeProblems(c: { schedule?: unknown; timezone?: unknown; startTime?: unknown; endTime?: unknown }): ScheduledActionTimeProblem[] {
  const problems: ScheduledActionTimeProblem[] = [];
  let schedule: Schedule | undefined;
  if (typeof c.schedule === 'string') {
    try {
      schedule = parseSchedule(c.schedule);
    } catch (e) {
      // `schedule "cron(...)": what` -> `what (in "cron(...)")`, after the key path
      const message = (e as Error).message;
      const m = /^schedule ("(?:[^"\\]|\\.)*"): ([\s\S]*)$/.exec(message);
      problems.push({ key: 'schedule', message: m ? `${m[2]} (in ${m[1]})` : message });
    }
  }
  if (typeof c.timezone === 'string' || c.timezone === undefined) {
    // PutScheduledAction: Timezone is for at and cron expressions; on rate() it would change nothing (never silently ignored)
    if (c.timezone !== undefined && schedule?.kind === 'rate') {
      problems.push({ key: 'timezone', message: `expected no timezone on a rate() schedule (timezone applies to at() and cron() only), found ${JSON.stringify(c.timezone)}; remove it` });
    } else {
      const timezone = c.timezone ?? 'UTC';
      const zoneProblem = timeZoneNameProblem(timezone);
      if (zoneProblem !== undefined) problems.push({ key: 'timezone', message: zoneProblem });
      // a one-time action at a wall-clock time the clocks skip (spring forward) could never fire
      else if (schedule?.kind === 'at' && firstInstantIn(schedule.local, timezone) === null) {
        problems.push({
          key: 'schedule',
          message: `expected a local time that exists in ${timezone}, found "${schedule.text}", which the clocks jump over there (as when daylight saving time starts), so it would never fire; pick a time outside the jump`,
        });
      }
    }
  }
  for (const key of ['startTime', 'endTime'] as const) {
    const v = c[key];
    if ((typeof v === 'string' || typeof v === 'number') && toEpoch(v) === undefined) {
      // (epoch ms is for callers in code; a scenario gives a string, so the message offers that)
      const found = typeof v === 'string' ? `"${v}"` : String(v);
      const impossible = typeof v === 'string' ? impossibleDateTime(v) : undefined;
      if (impossible !== undefined) problems.push({ key, message: `expected a date and time that exist, found ${found}: ${impossible}` });
      else problems.push({ key, message: `expected ${ACTION_TIME_EXPECTED}, found ${found}` });
    }
  }
  return problems;
}

/**
 * StartTime and EndTime are instants "in UTC" (API_PutScheduledAction.html), not wall-clock
 * times of the action's `timezone` (which applies to at() and cron() only): a string without
 * an offset is read as UTC; one with an offset (Z, +02:00) is that instant. Undefined when
 * not given, or not a date-time (scheduledActionTimeProblems says so).
 */
function toEpoch(v: number | string | undefined): number | undefined {
  if (v === undefined) return undefined;
  if (typeof v === 'number' && Number.isFinite(v)) return v;
  if (typeof v === 'string') {
    const dt = DateTime.fromISO(v, { zone: 'utc' });
    if (dt.isValid) return dt.toMillis();
  }
  return undefined;
}

export interface ScheduledActionResult {
  /** What the action did, for the scheduled-action event. */
  message: string;
  /** The scale to the new bounds, if the desired count was outside them. */
  activity: { from: number; to: number; direction: ScalingDirection; cause: string } | null;
  /** The action would have left minCapacity > maxCapacity: nothing changed. */
  failed: boolean;
}

/**
 * Applies the action to the target (mutating it). A combination that would leave
 * minCapacity > maxCapacity is rejected and changes nothing (model choice).
 * `firedBefore`: a firing before the run (an ISO instant), replayed at its start because the
 * bounds it set may still be in force then ("scheduled action open (cron(...)) fired
 * 2026-03-02T08:00:00Z, before the run; replayed at time 0: minCapacity 2 -> 8"; the caller
 * adds whether they are in force at the start: ServiceAutoScaler.replayBeforeStart). `base`:
 * the bounds before the replay, which its message gives as the values before (2 above).
 */
export function applyScheduledAction(target: ScalableTarget, action: ScheduledAction, firedBefore?: string, base?: { minCapacity: number; maxCapacity: number }): ScheduledActionResult {
  const min = action.minCapacity ?? target.minCapacity;
  const max = action.maxCapacity ?? target.maxCapacity;
  // a replayed firing's message gives the bound before the whole replay (`base`): the value
  // just before it is often the action's own earlier firing's ("minCapacity 5 -> 5")
  const was = base ?? target;
  const parts: string[] = [];
  if (action.minCapacity !== undefined) parts.push(`minCapacity ${was.minCapacity} -> ${min}`);
  if (action.maxCapacity !== undefined) parts.push(`maxCapacity ${was.maxCapacity} -> ${max}`);
  const name = `scheduled action ${action.name} (${action.schedule.text})`;
  const before = firedBefore === undefined ? '' : ` fired ${firedBefore}, before the run; replayed at time 0`;
  if (min > max) {
    return {
      message: `${name}${before}${before === '' ? '' : ';'} failed: minCapacity ${min} would exceed maxCapacity ${max}; nothing changed`,
      activity: null,
      failed: true,
    };
  }
  target.minCapacity = min;
  target.maxCapacity = max;
  const message = `${name}${before}: ${parts.join(', ')}`;
  const from = target.desiredCount;
  if (from < min) {
    target.desiredCount = min;
    return { message, activity: { from, to: min, direction: 'out', cause: `${message}; desired count ${from} < minCapacity ${min}` }, failed: false };
  }
  if (from > max) {
    target.desiredCount = max;
    return { message, activity: { from, to: max, direction: 'in', cause: `${message}; desired count ${from} > maxCapacity ${max}` }, failed: false };
  }
  return { message, activity: null, failed: false };
}
