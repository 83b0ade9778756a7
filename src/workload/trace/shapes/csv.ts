// Base shape `csv`: replay of recorded rows (see parse-trace-csv.ts), interpolated
// linearly or held (step) between rows; the first value before the first row and the
// last value after the last row.

import { checkNumber, fail } from '../check.js';
import type { Bounds, TraceComponent } from '../component.js';
import { firstAfter, nextTimeAfter } from '../sorted-search.js';
import type { CsvConfig, TraceRow } from '../types.js';

function check(c: CsvConfig): { t: Float64Array; v: Float64Array; linear: boolean } {
  const where = c.file ? `csv (${c.file})` : 'csv';
  const series = c.rows !== null && typeof c.rows === 'object' && !Array.isArray(c.rows) ? c.rows : null;
  if (series === null && (!Array.isArray(c.rows) || c.rows.length === 0)) fail(`${where}.rows`, 'at least one row', c.rows);
  if (series !== null && !(series.t instanceof Float64Array && series.v instanceof Float64Array && series.t.length === series.v.length && series.t.length > 0)) {
    fail(`${where}.rows`, 'at least one row, or {t, v} as Float64Arrays of one length', c.rows);
  }
  if (c.interpolate !== undefined && c.interpolate !== 'linear' && c.interpolate !== 'step') {
    fail('csv.interpolate', '"linear" or "step"', c.interpolate);
  }
  // arrays (from parseTraceSeries, perhaps shared by a cache) are read, never written
  const rows = series === null ? (c.rows as TraceRow[]) : null;
  const n = series !== null ? series.t.length : rows!.length;
  const t = series !== null ? series.t : new Float64Array(n);
  const v = series !== null ? series.v : new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const ti = rows !== null ? rows[i]?.t : t[i];
    const vi = rows !== null ? rows[i]?.value : v[i];
    // the path is built only for a bad row (millions of rows)
    if (typeof ti !== 'number' || !Number.isFinite(ti)) checkNumber(`${where}.rows[${i}].t`, ti);
    if (typeof vi !== 'number' || !(vi >= 0) || vi === Infinity) checkNumber(`${where}.rows[${i}].value`, vi, 'nonNegative');
    t[i] = ti as number;
    v[i] = vi as number;
    if (i > 0 && !(t[i] > t[i - 1])) fail(`${where}.rows[${i}].t`, `a time after row ${i - 1} (${t[i - 1]} ms)`, t[i]);
  }
  return { t, v, linear: c.interpolate !== 'step' };
}

export function makeCsv(config: CsvConfig): TraceComponent {
  const { t: times, v: values, linear } = check(config);
  const n = times.length;
  return {
    at(t) {
      const i = firstAfter(times, t); // times[i-1] <= t < times[i]
      if (i === 0) return values[0];
      if (i === n || !linear) return values[i - 1];
      const a = values[i - 1];
      const b = values[i];
      const x = a + ((b - a) * (t - times[i - 1])) / (times[i] - times[i - 1]);
      const lo = a < b ? a : b;
      const hi = a < b ? b : a;
      return x < lo ? lo : x > hi ? hi : x;
    },
    nextBreak: (t) => nextTimeAfter(times, t),
    degree: linear ? 1 : 0,
    maxPanel: Infinity,
  };
}

export function csvBounds(config: CsvConfig): Bounds {
  const { v } = check(config);
  let lo = Infinity;
  let hi = -Infinity;
  for (const x of v) {
    if (x < lo) lo = x;
    if (x > hi) hi = x;
  }
  return [lo, hi];
}
