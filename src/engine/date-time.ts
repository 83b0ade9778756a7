// Date-times that are written well but do not exist (2026-02-30, 25:00): said as such, not
// as a text of the wrong shape.

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** YYYY-MM-DD, then optionally Thh:mm[:ss[.fff]] and an offset (Z, +hh:mm, +hhmm, +hh). */
const SHAPE = /^(\d{4})-(\d{2})-(\d{2})(?:[Tt ](\d{2}):(\d{2})(?::(\d{2})(?:[.,]\d+)?)?)?(?:[Zz]|[+-](\d{2})(?::?(\d{2}))?)?$/;

/**
 * What makes an ISO 8601 date-time of the usual shape name no instant, or undefined: a month
 * beyond 12, a day its month lacks (`February 2026 has 28 days`), an hour beyond 23 (24:00
 * too), a minute or second beyond 59, an offset beyond 23:59. Undefined for any other text
 * (the caller's shape check speaks of it).
 */
export function impossibleDateTime(text: string): string | undefined {
  const m = SHAPE.exec(text.trim());
  if (m === null) return undefined;
  const [year, month, day] = [m[1], m[2], m[3]].map(Number);
  if (month < 1 || month > 12) return `no such month: ${m[2]} (months run 01 to 12)`;
  // day 0 of the next month is the month's last; setUTCFullYear, as Date.UTC reads 0 to 99 as 19xx
  const last = new Date(0);
  last.setUTCFullYear(year, month, 0);
  const days = last.getUTCDate();
  if (day < 1 || day > days) return `no such date: ${m[1]}-${m[2]}-${m[3]} (${MONTHS[month - 1]} ${m[1]} has ${days} days)`;
  if (m[4] !== undefined && Number(m[4]) > 23) return `no such time: hour ${m[4]} (hours run 00 to 23; for midnight at the end of a day write 00:00 of the next)`;
  if (m[5] !== undefined && Number(m[5]) > 59) return `no such time: minute ${m[5]} (minutes run 00 to 59)`;
  if (m[6] !== undefined && Number(m[6]) > 59) return `no such time: second ${m[6]} (seconds run 00 to 59)`;
  if (m[7] !== undefined && Number(m[7]) > 23) return `no such offset: ${m[7]} hours (offsets run to 23:59)`;
  if (m[8] !== undefined && Number(m[8]) > 59) return `no such offset: ${m[8]} minutes (offset minutes run 00 to 59)`;
  return undefined;
}
