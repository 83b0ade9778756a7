// Parses the CSV files of a results folder into a header and rows of text.

import { readCsvRows } from '../../csv-read.js';

export interface CsvTable {
  header: string[];
  rows: string[][];
}

export function parseCsv(text: string): CsvTable {
  return tableOf(readCsvRows(text));
}

/** Rows of fields, header first, as a header and rows. */
export function tableOf(records: string[][]): CsvTable {
  return { header: records[0] ?? [], rows: records.slice(1) };
}
