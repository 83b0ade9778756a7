// ecsim's own results files as plain records keyed by the header.

import { readCsvRows } from '../csv-read.js';

/** CSV text into rows of fields; blank lines are skipped (ecsim's one CSV reader). */
export { readCsvRows as parseCsvRows };

export type CsvRecord = Record<string, string>;

/** Parses CSV text with a header row; missing trailing fields are "". */
export function parseCsv(text: string): CsvRecord[] {
  return recordsOf(readCsvRows(text));
}

/** Rows of fields, header first, as records keyed by the header. */
export function recordsOf(rows: string[][]): CsvRecord[] {
  if (rows.length === 0) return [];
  const header = rows[0];
  const out: CsvRecord[] = new Array(rows.length - 1);
  for (let r = 1; r < rows.length; r++) {
    const row = rows[r];
    const rec: CsvRecord = {};
    for (let c = 0; c < header.length; c++) rec[header[c]] = row[c] ?? '';
    out[r - 1] = rec;
  }
  return out;
}
