// Whether a calendar day matches a cron expression's day-of-month or day-of-week field,
// with AWS's L, W and # wildcards
// (autoscaling/application/userguide/scheduled-scaling-using-cron-expressions.html).

import { cronDayOfWeek, daysInMonth } from './calendar.js';
import type { CronSchedule, DayOfMonthField, DayOfWeekField } from './schedule.js';

/** The weekday (Mon-Fri) nearest to `day` within the same month, as `nW` means. */
export function nearestWeekday(year: number, month: number, day: number): number {
  const last = daysInMonth(year, month);
  const dow = cronDayOfWeek(year, month, day);
  if (dow === 7) return day === 1 ? 3 : day - 1; // Saturday: Friday, or Monday the 3rd
  if (dow === 1) return day === last ? day - 2 : day + 1; // Sunday: Monday, or Friday before
  return day;
}

function matchesDayOfMonth(f: DayOfMonthField, year: number, month: number, day: number): boolean {
  if (f.days[day]) return true;
  const last = daysInMonth(year, month);
  if (f.last && day === last) return true;
  if (f.lastWeekday && day === nearestWeekdayBefore(year, month, last)) return true;
  for (let i = 0; i < f.nearestWeekday.length; i++) {
    const n = f.nearestWeekday[i];
    if (n <= last && nearestWeekday(year, month, n) === day) return true;
  }
  return false;
}

/** The last Mon-Fri on or before `day`. */
function nearestWeekdayBefore(year: number, month: number, day: number): number {
  const dow = cronDayOfWeek(year, month, day);
  if (dow === 7) return day - 1;
  if (dow === 1) return day - 2;
  return day;
}

function matchesDayOfWeek(f: DayOfWeekField, year: number, month: number, day: number): boolean {
  const dow = cronDayOfWeek(year, month, day);
  if (f.days[dow]) return true;
  for (let i = 0; i < f.lastOfMonth.length; i++) {
    if (f.lastOfMonth[i] === dow && day + 7 > daysInMonth(year, month)) return true;
  }
  for (let i = 0; i < f.nth.length; i++) {
    const { dayOfWeek, n } = f.nth[i];
    if (dayOfWeek === dow && Math.floor((day - 1) / 7) + 1 === n) return true;
  }
  return false;
}

/** Whether the local date matches the cron expression's day fields (one of them is "?"). */
export function cronDayMatches(c: CronSchedule, year: number, month: number, day: number): boolean {
  if (c.dayOfMonth) return matchesDayOfMonth(c.dayOfMonth, year, month, day);
  if (c.dayOfWeek) return matchesDayOfWeek(c.dayOfWeek, year, month, day);
  return false;
}
