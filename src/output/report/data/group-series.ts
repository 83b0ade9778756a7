// Splits the rows of timeseries.csv / capacity.csv into one numeric table per service or
// capacity provider, in the files' row order (which is time order). A cell that is not a
// number, or a row without its service or provider, is a ResultsFileError naming `file`.

import { numberCell, ResultsFileError } from '../../results-file.js';
import type { CsvTable } from './parse-csv.js';
import type { SeriesTable } from './results-data.js';

export function groupSeries(file: string, table: CsvTable, keyColumn: string, skip: readonly string[]): Map<string, SeriesTable> {
  const keyAt = table.header.indexOf(keyColumn);
  const timeAt = table.header.indexOf('time_s');
  if (keyAt < 0 || timeAt < 0) throw new ResultsFileError(`${file}: expected columns time_s and ${keyColumn}, found ${table.header.join(', ') || 'no header'}`);
  const counts = new Map<string, number>();
  table.rows.forEach((row, r) => {
    const key = row[keyAt];
    if (key === undefined || key === '') throw new ResultsFileError(`${file}: row ${r + 1}, column ${keyColumn}: expected a name, found nothing`);
    counts.set(key, (counts.get(key) ?? 0) + 1);
  });

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
  table.rows.forEach((row, r) => {
    const key = row[keyAt];
    const s = out.get(key)!;
    const k = fill.get(key)!;
    s.time[k] = numberCell(file, r + 1, 'time_s', row[timeAt]);
    if (Number.isNaN(s.time[k])) throw new ResultsFileError(`${file}: row ${r + 1}, column time_s: expected a number, found nothing`);
    for (const i of numeric) s.columns[table.header[i]][k] = numberCell(file, r + 1, table.header[i], row[i]);
    fill.set(key, k + 1);
  });
  return out;
}
