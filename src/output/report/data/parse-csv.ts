// Parses the CSV files of a results folder into a header and rows of text.

import { readCsvRows } from '../../csv-read.js';

export interface CsvTable {
  header: string[];
  rows: string[][];
}

export function parseCsv(text: string): CsvTable {
  const records = readCsvRows(text);
  return { header: records[0] ?? [], rows: records.slice(1) };
}

/** The index of each wanted column; -1 for a column the file does not have. */
export function columnIndex(header: string[], names: readonly string[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const name of names) out[name] = header.indexOf(name);
  return out;
}

/** A number from a CSV cell; NaN for an empty or missing cell. */
export function cellNumber(row: string[], index: number): number {
  if (index < 0) return NaN;
  const s = row[index];
  if (s === undefined || s === '') return NaN;
  return Number(s);
}
