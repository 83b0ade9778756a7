// Proleptic Gregorian calendar arithmetic on local dates (no time zone involved), used to
// match cron day fields without allocating Date objects.

/** Days since 1970-01-01 of a calendar date (Howard Hinnant's days_from_civil). */
export function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** Day of the week in AWS cron numbering: 1 = SUN ... 7 = SAT. */
export function cronDayOfWeek(year: number, month: number, day: number): number {
  const d = daysFromCivil(year, month, day);
  return (((d + 4) % 7) + 7) % 7 + 1; // 1970-01-01 was a Thursday (5)
}

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

const DAYS = [0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

export function daysInMonth(year: number, month: number): number {
  return month === 2 && isLeapYear(year) ? 29 : DAYS[month];
}
