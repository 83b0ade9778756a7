// Splits the rows of timeseries.csv / capacity.csv into one numeric table per service or
// capacity provider, in the files' row order (which is time order).

import type { CsvTable } from './parse-csv.js';
import type { SeriesTable } from './results-data.js';

export function groupSeries(table: CsvTable, keyColumn: string, skip: readonly string[]): Map<string, SeriesTable> {
  const keyAt = table.header.indexOf(keyColumn);
  const timeAt = table.header.indexOf('time_s');
  if (keyAt < 0 || timeAt < 0) throw new Error(`expected columns time_s and ${keyColumn}, found ${table.header.join(', ') || 'no header'}`);
  const counts = new Map<string, number>();
  for (const row of table.rows) counts.set(row[keyAt], (counts.get(row[keyAt]) ?? 0) + 1);

  const numeric: number[] = [];
  for (let i = 0; i < table.header.length; i++) if (i !== keyAt && i !== timeAt && !skip.includes(table.header[i])) numeric.push(i);

  const out = new Map<string, SeriesTable>();
  const fill = new Map<string, number>();
  for (const [key, n] of counts) {
    const columns: Record<string, Float64Array> = {};
    for (const i of numeric) columns[table.header[i]] = new Float64Array(n);
    out.set(key, { time: new Float64Array(n), columns });
    fill.set(key, 0);
  }
  for (const row of table.rows) {
    const key = row[keyAt];
    const s = out.get(key)!;
    const k = fill.get(key)!;
    s.time[k] = Number(row[timeAt]);
    for (const i of numeric) {
      const cell = row[i];
      s.columns[table.header[i]][k] = cell === undefined || cell === '' ? NaN : Number(cell);
    }
    fill.set(key, k + 1);
  }
  return out;
}
