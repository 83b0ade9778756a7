// Times in `ecsim explain` sentences: the UTC wall clock of a simulation time, "09:24" or
// "09:24:42", prefixed with the date ("03-04 09:24") when the run spans several days.

export interface ClockFormat {
  startEpochMs: number;
  /** Prefix the month and day (runs longer than the start's calendar day). */
  withDate: boolean;
}

export function formatClock(timeS: number, f: ClockFormat, seconds = false): string {
  const iso = new Date(f.startEpochMs + Math.round(timeS * 1000)).toISOString(); // 2026-03-02T09:24:42.000Z
  const clock = seconds ? iso.slice(11, 19) : iso.slice(11, 16);
  return f.withDate ? `${iso.slice(5, 10)} ${clock}` : clock;
}

/** formatClock to the minute when `timeS` is on one (within a microsecond), else to the second. */
export function formatClockExact(timeS: number, f: ClockFormat): string {
  return formatClock(timeS, f, Math.abs(timeS - 60 * Math.round(timeS / 60)) > 1e-6);
}

/** A duration in words: "45 s", "4 min", "1 h 30 min", "2 d 3 h". */
export function formatSpan(seconds: number): string {
  const s = Math.round(seconds);
  if (s < 120) return `${s} s`;
  const m = Math.round(s / 60);
  if (m < 60) return `${m} min`;
  const h = Math.floor(m / 60);
  if (h < 48) return m % 60 === 0 ? `${h} h` : `${h} h ${m % 60} min`;
  const d = Math.floor(h / 24);
  return h % 24 === 0 ? `${d} d` : `${d} d ${h % 24} h`;
}

/**
 * The shortest and the longest of several durations in formatSpan's words: one span when
 * both read the same ("4 min"), "2 to 4 min" when both are whole numbers of one unit, else
 * "105 s to 4 min".
 */
export function formatSpanRange(shortest: number, longest: number): string {
  const [a, b] = [formatSpan(shortest), formatSpan(longest)];
  if (a === b) return a;
  const unitA = /^(\d+) (s|min|h|d)$/.exec(a);
  const unitB = /^(\d+) (s|min|h|d)$/.exec(b);
  return unitA && unitB && unitA[2] === unitB[2] ? `${unitA[1]} to ${b}` : `${a} to ${b}`;
}
