// A CSV trace's rows against the run, 0 to its end: its time column (`time_s` unless
// `timeColumn` names another; messages name it as written) counts seconds since the
// scenario's start, and the first value is held before the first row, the last after the
// last. A file in epoch seconds or milliseconds was replayed silently as one held value.
//
// Warned too: a file whose first row is after 0 (its first value is held from the start,
// as the last is held to the end).
//
// Refused: no row inside the run and none on both sides of it (every row before 0, or
// every row at or after the end): the whole run would replay one value of the file, as
// a constant would, which no one writes a file for. Warned: the file ends before the run
// (its last value is held to the end), or fewer than two of its rows fall within the run,
// unless it has rows before 0 and after the end (the run interpolates between them).
// With `interpolate: step` each row's rate holds until the next row, so the last row
// stands for one row spacing (that of the last two rows): a file of per-minute rows from
// 0 to 28740 covers an 8 h run (28800 s), as CloudWatch's per-minute export does, and is
// not warned of. With `linear` the rows are points and the rate after the last one is a
// guess (held flat), so a file one spacing short is still warned of, with the hint that
// per-interval rows (a CloudWatch export) want `interpolate: step`.

import type { Interpolation, TraceSeries } from '../workload/trace/index.js';
import { formatDuration } from './duration.js';

export interface CsvSpanProblem {
  kind: 'refuse' | 'warn';
  message: string;
}

/** Epoch seconds of 2001-09-09: a time_s above it is no offset into any run ecsim allows (at most 3660 days). */
const EPOCH_SECONDS_FROM = 1e9;

/** A file in minutes read as seconds ends near 1/60 of where it should: its last row x 60 within this of the run's end, or past it (up to twice the run). */
const MINUTES_LOW = 0.9;
const MINUTES_HIGH = 2;

/** `rows` (times in ms, increasing) of `file` against a run of `endMs`; null when they fit. */
export function csvSpanProblem(file: string, rows: TraceSeries, endMs: number, startEpochMs: number, interpolate: Interpolation = 'linear', column = 'time_s'): CsvSpanProblem | null {
  const n = rows.t.length;
  if (n === 0) return null;
  const first = rows.t[0];
  const last = rows.t[n - 1];
  // the spacing of the last two rows: with `step`, the time the last row's rate stands for
  const spacing = n > 1 ? last - rows.t[n - 2] : 0;
  const oneSpacingShort = spacing > 0 && last > 0 && last < endMs && endMs - last <= spacing;
  const span = `its ${column} runs from ${first / 1000} to ${last / 1000}, the run from 0 to ${endMs / 1000} (${formatDuration(endMs)})`;
  const hint =
    oneSpacingShort && interpolate === 'linear'
      ? `${basisOf(column)}: if each row holds the rate from its time to the next row's (as a CloudWatch export's per-period values do), set interpolate: step; else give a row at ${endMs / 1000}, or shorten the run`
      : unitHint(first, last, endMs, startEpochMs, column);
  if (last < 0 || first >= endMs) {
    const held = last < 0 ? rows.v[n - 1] : rows.v[0];
    return {
      kind: 'refuse',
      message: `no row of "${file}" falls within the run: ${span}, so the whole run would replay the one value ${held}; ${hint}`,
    };
  }
  let inside = 0;
  for (let i = 0; i < n; i++) if (rows.t[i] >= 0 && rows.t[i] <= endMs) inside++;
  const problems: string[] = [];
  // (simulated time is whole milliseconds: a last row less than 1 ms short, 3599.9999999 s, ends with the run)
  // with `step` the last row covers one spacing after it
  const covered = interpolate === 'step' && oneSpacingShort;
  if (endMs - last >= 1 && !covered) problems.push(`"${file}" ends ${formatDuration(Math.round(endMs - last))} before the run does (its last value, ${rows.v[n - 1]}, is held to the end)`);
  // rows before 0 and after the end: the run replays the interpolation between them (a
  // sparse file), whatever number of rows falls inside
  const bothSides = first < 0 && last > endMs;
  // the first value is held back to 0 as the last is held forward: a file that starts
  // late replays its first value over the run's beginning (whichever interpolation)
  const lateStart = first >= 1;
  if (lateStart) problems.unshift(`"${file}" starts ${formatDuration(Math.round(first))} after the run does (its first value, ${rows.v[0]}, is held from the start)`);
  if (inside < 2 && n > 1 && !bothSides) problems.push(`only ${inside} of the ${n} rows of "${file}" ${inside === 1 ? 'falls' : 'fall'} within the run`);
  if (problems.length === 0) return null;
  const advice = lateStart && hint === basisOf(column) ? `${hint}: give a row at 0` : hint;
  return { kind: 'warn', message: `${problems.join(', and ')}: ${span}; ${advice}` };
}

/** What the time column (named as the scenario names it, `time_s` by default) holds. */
const basisOf = (column: string): string => `${column} counts seconds since the scenario's start`;

function unitHint(first: number, last: number, endMs: number, startEpochMs: number, column: string): string {
  const basis = basisOf(column);
  if (first / 1000 >= EPOCH_SECONDS_FROM) {
    return `these look like Unix epoch seconds: ${basis} (${startEpochMs / 1000} in epoch seconds), subtract it`;
  }
  // milliseconds: every row within the run once divided by 1000 (none before 0, the last
  // past the end now and within it after)
  if (first >= 0 && last > endMs && last / 1000 <= endMs) return `milliseconds? ${basis}: divide them by 1000`;
  // minutes: the last row x 60 near the run's end (a file in minutes covering the run,
  // or one period short of it), or past it up to twice the run; not a file in seconds
  // that ends a little early (28740 of 28800 would read as a 20-day trace)
  if (last > 0 && last < endMs && last * 60 >= MINUTES_LOW * endMs && last * 60 <= MINUTES_HIGH * endMs) return `minutes? ${basis}: multiply them by 60 (or shorten the run)`;
  return last < endMs ? `${basis}: give rows up to ${endMs / 1000}, or shorten the run` : basis;
}
