// Reads the CSVs this module writes back (sweep shard files).

import { readCsvRows } from '../output/csv-read.js';

export function parseCsv(text: string): string[][] {
  return readCsvRows(text);
}
