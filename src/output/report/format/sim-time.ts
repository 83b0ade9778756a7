// Simulated time as people read it on the charts and in the narrative: the UTC clock
// time of the scenario's calendar ("09:24"), with the date and weekday in front when the
// run spans several days ("03-27 Fri 14:00": explain's "03-27 14:00" and the weekday, which
// business-hours schedules turn on).

export interface SimClock {
  startEpochMs: number;
  /** True when the run covers more than one UTC calendar day. */
  multiDay: boolean;
}

const DAY_MS = 86_400_000;

export function simClock(startEpochMs: number, durationSeconds: number): SimClock {
  const firstDay = Math.floor(startEpochMs / DAY_MS);
  const lastDay = Math.floor((startEpochMs + Math.max(0, durationSeconds * 1000 - 1)) / DAY_MS);
  return { startEpochMs, multiDay: lastDay > firstDay };
}

const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];

/** "03-27 Fri": the UTC month, day and weekday of an instant. */
function dayLabel(d: Date): string {
  return `${String(d.getUTCMonth() + 1).padStart(2, '0')}-${String(d.getUTCDate()).padStart(2, '0')} ${WEEKDAYS[d.getUTCDay()]}`;
}

/** "09:24", or "03-27 Fri 09:24" on multi-day runs (UTC date and weekday). */
export function clockLabel(clock: SimClock, timeS: number, withSeconds = false): string {
  const d = new Date(clock.startEpochMs + timeS * 1000);
  const hh = String(d.getUTCHours()).padStart(2, '0');
  const mm = String(d.getUTCMinutes()).padStart(2, '0');
  const ss = withSeconds ? `:${String(d.getUTCSeconds()).padStart(2, '0')}` : '';
  return clock.multiDay ? `${dayLabel(d)} ${hh}:${mm}${ss}` : `${hh}:${mm}${ss}`;
}

/** "09:24–09:35", "03-27 Fri 23:50–03-28 Sat 00:10"; the date is not repeated within one day ("03-27 Fri 09:55–10:10"). */
export function clockRange(clock: SimClock, fromS: number, toS: number): string {
  const a = clockLabel(clock, fromS);
  const b = clockLabel(clock, toS);
  if (!clock.multiDay) return `${a}–${b}`;
  const day = (label: string) => label.slice(0, label.lastIndexOf(' '));
  return `${a}–${day(a) === day(b) ? b.slice(b.lastIndexOf(' ') + 1) : b}`;
}

/** A span of seconds in words: 45 -> "45 s", 540 -> "9 min", 7200 -> "2.0 h", 3 days -> "3.0 d". */
export function spanLabel(seconds: number): string {
  if (seconds < 120) return `${Math.round(seconds)} s`;
  if (seconds < 7200) return `${Math.round(seconds / 60)} min`;
  if (seconds < 3 * 86400) return `${(seconds / 3600).toFixed(1)} h`;
  return `${(seconds / 86400).toFixed(1)} d`;
}
