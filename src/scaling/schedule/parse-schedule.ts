// Parses a scheduled action's `schedule`: at(yyyy-mm-ddThh:mm:ss), rate(value unit) or
// cron(minutes hours day-of-month month day-of-week year)
// (autoscaling/application/userguide/scheduled-scaling-using-cron-expressions.html).

import { impossibleDateTime } from '../../engine/date-time.js';
import { daysInMonth } from './calendar.js';
import { parseCronFields } from './cron-fields.js';
import type { AtSchedule, RateSchedule, RateUnit, Schedule } from './schedule.js';

const UNIT_MS: Record<RateUnit, number> = { minute: 60_000, hour: 3_600_000, day: 86_400_000 };

/** Parses a schedule expression; throws an Error naming the bad part and its position. */
export function parseSchedule(text: string): Schedule {
  const m = /^\s*(at|rate|cron)\((.*)\)\s*$/.exec(text);
  if (!m) {
    throw new Error(
      `schedule "${text}": expected at(yyyy-mm-ddThh:mm:ss), rate(value unit) or cron(minutes hours day-of-month month day-of-week year)`,
    );
  }
  const kind = m[1];
  const body = m[2];
  const bodyOffset = text.indexOf('(') + 1;
  if (kind === 'at') return parseAt(text, body, bodyOffset);
  if (kind === 'rate') return parseRate(text, body, bodyOffset);
  return parseCronFields(text, body, bodyOffset);
}

function parseAt(text: string, body: string, offset: number): AtSchedule {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})$/.exec(body);
  if (!m) {
    throw new Error(`schedule "${text}": at character ${offset + 1}: expected a date-time yyyy-mm-ddThh:mm:ss, found "${body}"`);
  }
  const [year, month, day, hour, minute, second] = m.slice(1).map(Number);
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month) || hour > 23 || minute > 59 || second > 59) {
    // written well but no instant: which part, as a scenario's start says it (2026-02-30: February 2026 has 28 days)
    const impossible = impossibleDateTime(body) ?? 'no such date-time';
    throw new Error(`schedule "${text}": at character ${offset + 1}: expected a date and time that exist, found "${body}": ${impossible}`);
  }
  return { kind: 'at', text, local: { year, month, day, hour, minute, second } };
}

function parseRate(text: string, body: string, offset: number): RateSchedule {
  const m = /^(\s*)(\S+)\s+(\S+)\s*$/.exec(body);
  if (!m) throw new Error(`schedule "${text}": at character ${offset + 1}: expected "value unit", e.g. rate(5 minutes), found "${body}"`);
  const valueText = m[2];
  const unitText = m[3];
  const valueAt = offset + m[1].length + 1;
  if (!/^\d+$/.test(valueText) || Number(valueText) < 1) {
    throw new Error(`schedule "${text}": rate value at character ${valueAt}: expected a whole number >= 1, found "${valueText}"`);
  }
  const unit = unitText.replace(/s$/, '') as RateUnit;
  if (!(unit in UNIT_MS)) {
    const unitAt = offset + body.indexOf(unitText, m[1].length + valueText.length) + 1;
    throw new Error(
      `schedule "${text}": rate unit at character ${unitAt}: expected minute(s), hour(s) or day(s), found "${unitText}"`,
    );
  }
  const value = Number(valueText);
  // "If the value is equal to 1, then the unit must be singular ... greater than 1, plural"
  // (the rate expressions of EventBridge and Application Auto Scaling)
  const plural = unitText.endsWith('s');
  if (plural !== value > 1) {
    const unitAt = offset + body.indexOf(unitText, m[1].length + valueText.length) + 1;
    throw new Error(`schedule "${text}": rate unit at character ${unitAt}: expected "${value > 1 ? `${unit}s` : unit}" for the value ${value}, found "${unitText}"`);
  }
  return { kind: 'rate', text, value, unit, intervalMs: value * UNIT_MS[unit] };
}
