// Whether timeseries.csv holds the whole run: ecsim run writes one row per service per
// metric period, at the period's start (time_s), for every whole period of the run (the
// sim's metric tick at k x period writes the period from (k-1) x period), so each service's
// last row starts at floor(duration / period) x period - period. A file cut at a line
// boundary (a copy stopped part way, a disk that filled), or holding only its header,
// reads well row by row but stops early: explain then told a wrong final state and report
// drew a run that ended early. Refused here, naming the file, the service and the times.

import { ResultsFileError } from '../../results-file.js';
import { durationReader } from './scenario-settings.js';
import type { SeriesTable } from './results-data.js';

/**
 * Throws a ResultsFileError unless every service (of summary.json and of the rows) has
 * rows up to the run's last whole metric period per `durationSeconds` (summary.json's).
 * The period is the step between a service's first two rows, else scenario.json's
 * metrics.period; else (one row a service, no scenario.json) only a row before the end
 * is asked for.
 */
export function checkSeriesReachEnd(
  file: string,
  series: ReadonlyMap<string, SeriesTable>,
  summaryServices: readonly string[],
  durationSeconds: number,
  scenario: Record<string, unknown> | null,
): void {
  const durationMs = Math.round(durationSeconds * 1000);
  // one row a service and no scenario.json: the period is not known (ecsim run writes at
  // least one period, so a row is there, and before the end)
  const period = periodOf(series, scenario, durationSeconds);
  const known = period !== null;
  const periodMs = period ?? Math.min(60_000, durationMs);
  const periods = Math.floor(durationMs / periodMs);
  // a run shorter than one period has no row (ecsim run refuses one; an older file may be)
  const lastMs = periods > 0 ? (periods - 1) * periodMs : null;
  const endMs = periods * periodMs;
  const source = `summary.json durationSeconds${endMs === durationMs ? '' : ` ${fmtS(durationMs)}`}`;
  const expected =
    lastMs === null
      ? `none: the run is shorter than one ${fmtS(periodMs)} s metric period (${source})`
      : `${fmtS(lastMs)} s, the start of the run's last ${fmtS(periodMs)} s metric period, which ends at ${fmtS(endMs)} s (${source})`;
  const names = [...new Set([...summaryServices, ...series.keys()])];
  for (const name of names) {
    const time = series.get(name)?.time;
    const n = time?.length ?? 0;
    if (n === 0) {
      if (lastMs === null) continue;
      const upTo = known ? `rows up to ${expected}` : `a row for each metric period of the run (summary.json durationSeconds ${fmtS(durationMs)})`;
      throw new ResultsFileError(`${file}: no row of service ${name}, expected ${upTo}; is the file cut short?`);
    }
    const atMs = Math.round(time![n - 1] * 1000);
    if (atMs === lastMs || (!known && atMs >= 0 && atMs < durationMs)) continue;
    if (!known) throw new ResultsFileError(`${file}: the last row of service ${name} is at ${fmtS(atMs)} s, expected a time before the run's end at ${fmtS(durationMs)} s (summary.json durationSeconds); is it this run's file?`);
    const why = lastMs !== null && atMs < lastMs ? 'is the file cut short?' : "is it this run's file?";
    throw new ResultsFileError(`${file}: the last row of service ${name} is at ${fmtS(atMs)} s, expected ${expected}; ${why}`);
  }
}

function periodOf(series: ReadonlyMap<string, SeriesTable>, scenario: Record<string, unknown> | null, durationSeconds: number): number | null {
  for (const s of series.values()) {
    if (s.time.length >= 2) {
      const d = Math.round((s.time[1] - s.time[0]) * 1000);
      if (d > 0) return d;
    }
  }
  if (scenario !== null) {
    const metrics = scenario.metrics;
    const ms = durationReader(scenario, durationSeconds)(metrics !== null && typeof metrics === 'object' ? (metrics as Record<string, unknown>).period : undefined);
    if (ms !== null && ms > 0) return Math.round(ms);
  }
  return null;
}

/** Milliseconds as seconds, as time_s prints them. */
function fmtS(ms: number): string {
  return String(ms / 1000);
}
