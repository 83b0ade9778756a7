// Simulated time as people read it on the charts and in the narrative: the UTC clock
// time of the scenario's calendar ("09:24"), with the day of the run in front when the
// run spans several days ("d2 14:00").

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

/** "09:24", or "d2 09:24" on multi-day runs (d1 is the start's calendar day). */
export function clockLabel(clock: SimClock, timeS: number, withSeconds = false): string {
  const epoch = clock.startEpochMs + timeS * 1000;
  const d = new Date(epoch);
  const hh = String(d.getUTCHours()).padStart(2, '0');
  const mm = String(d.getUTCMinutes()).padStart(2, '0');
  const ss = withSeconds ? `:${String(d.getUTCSeconds()).padStart(2, '0')}` : '';
  if (!clock.multiDay) return `${hh}:${mm}${ss}`;
  const day = Math.floor(epoch / DAY_MS) - Math.floor(clock.startEpochMs / DAY_MS) + 1;
  return `d${day} ${hh}:${mm}${ss}`;
}

/** "09:24–09:35", "d1 23:50–d2 00:10"; the day is not repeated within one day ("d2 09:55–10:10"). */
export function clockRange(clock: SimClock, fromS: number, toS: number): string {
  const a = clockLabel(clock, fromS);
  const b = clockLabel(clock, toS);
  if (!clock.multiDay) return `${a}–${b}`;
  const [dayA] = a.split(' ');
  const [dayB, timeB] = b.split(' ');
  return `${a}–${dayA === dayB ? timeB : b}`;
}

/** A span of seconds in words: 45 -> "45 s", 540 -> "9 min", 7200 -> "2.0 h", 3 days -> "3.0 d". */
export function spanLabel(seconds: number): string {
  if (seconds < 120) return `${Math.round(seconds)} s`;
  if (seconds < 7200) return `${Math.round(seconds / 60)} min`;
  if (seconds < 3 * 86400) return `${(seconds / 3600).toFixed(1)} h`;
  return `${(seconds / 86400).toFixed(1)} d`;
}
