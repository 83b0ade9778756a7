// Scheduled actions (PutScheduledAction): on each firing set the target's minCapacity
// and/or maxCapacity; a desired count outside the new bounds is scaled to them
// (autoscaling/application/userguide/application-auto-scaling-scheduled-scaling.html).

import { DateTime } from 'luxon';
import { parseSchedule } from './schedule/parse-schedule.js';
import { checkTimezone, firstInstantIn } from './schedule/next-fire.js';
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
  let schedule: Schedule;
  try {
    schedule = parseSchedule(c.schedule);
  } catch (e) {
    // `schedule "cron(...)": what` -> `scheduledActions.x.schedule: what (in "cron(...)")`, a key path first
    const message = (e as Error).message;
    const m = /^schedule ("(?:[^"\\]|\\.)*"): ([\s\S]*)$/.exec(message);
    throw new Error(m ? `${where}.schedule: ${m[2]} (in ${m[1]})` : `${where}.${message}`);
  }
  // PutScheduledAction: Timezone is for at and cron expressions; on rate() it would change nothing (never silently ignored)
  if (c.timezone !== undefined && schedule.kind === 'rate') {
    throw new Error(`${where}.timezone: expected no timezone on a rate() schedule (timezone applies to at() and cron() only), found ${JSON.stringify(c.timezone)}; remove it`);
  }
  const timezone = c.timezone ?? 'UTC';
  try {
    checkTimezone(timezone);
  } catch (e) {
    throw new Error(`${where}.${(e as Error).message}`);
  }
  // a one-time action at a wall-clock time the clocks skip (spring forward) could never fire
  if (schedule.kind === 'at' && firstInstantIn(schedule.local, timezone) === null) {
    throw new Error(
      `${where}.schedule: expected a local time that exists in ${timezone}, found "${c.schedule}", which the clocks jump over there (as when daylight saving time starts), so it would never fire; pick a time outside the jump`,
    );
  }
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
  const startTime = toEpoch(`${where}.startTime`, c.startTime);
  const endTime = toEpoch(`${where}.endTime`, c.endTime);
  if (startTime !== undefined && endTime !== undefined && startTime > endTime) {
    throw new Error(`${where}: expected startTime <= endTime, found ${c.startTime} > ${c.endTime}`);
  }
  return { name, schedule, timezone, startTime, endTime, minCapacity, maxCapacity };
}

/**
 * StartTime and EndTime are instants "in UTC" (API_PutScheduledAction.html), not wall-clock
 * times of the action's `timezone` (which applies to at() and cron() only): a string without
 * an offset is read as UTC; one with an offset (Z, +02:00) is that instant.
 */
function toEpoch(where: string, v: number | string | undefined): number | undefined {
  if (v === undefined) return undefined;
  if (typeof v === 'number' && Number.isFinite(v)) return v;
  if (typeof v === 'string') {
    const dt = DateTime.fromISO(v, { zone: 'utc' });
    if (dt.isValid) return dt.toMillis();
  }
  // (epoch ms is for callers in code; a scenario gives a string, so the message offers that)
  const found = typeof v === 'string' ? `"${v}"` : String(v);
  throw new Error(`${where}: expected an ISO 8601 date-time such as 2026-03-02T08:00:00Z (UTC when it gives no offset), found ${found}`);
}

export interface ScheduledActionResult {
  /** What the action did, for the scheduled-action event. */
  message: string;
  /** The scale to the new bounds, if the desired count was outside them. */
  activity: { from: number; to: number; direction: ScalingDirection; cause: string } | null;
}

/**
 * Applies the action to the target (mutating it). A combination that would leave
 * minCapacity > maxCapacity is rejected and changes nothing (model choice).
 */
export function applyScheduledAction(target: ScalableTarget, action: ScheduledAction): ScheduledActionResult {
  const min = action.minCapacity ?? target.minCapacity;
  const max = action.maxCapacity ?? target.maxCapacity;
  const parts: string[] = [];
  if (action.minCapacity !== undefined) parts.push(`minCapacity ${target.minCapacity} -> ${min}`);
  if (action.maxCapacity !== undefined) parts.push(`maxCapacity ${target.maxCapacity} -> ${max}`);
  if (min > max) {
    return {
      message: `scheduled action ${action.name} (${action.schedule.text}) failed: minCapacity ${min} would exceed maxCapacity ${max}; nothing changed`,
      activity: null,
    };
  }
  target.minCapacity = min;
  target.maxCapacity = max;
  const message = `scheduled action ${action.name} (${action.schedule.text}): ${parts.join(', ')}`;
  const from = target.desiredCount;
  if (from < min) {
    target.desiredCount = min;
    return { message, activity: { from, to: min, direction: 'out', cause: `${message}; desired count ${from} < minCapacity ${min}` } };
  }
  if (from > max) {
    target.desiredCount = max;
    return { message, activity: { from, to: max, direction: 'in', cause: `${message}; desired count ${from} > maxCapacity ${max}` } };
  }
  return { message, activity: null };
}
