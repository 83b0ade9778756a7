// Reads back the CSV files ecsim writes (RFC 4180, through csv-parse): rows of text fields.
// One reader for the reports, `ecsim explain` and sweep shards.

import { parse } from 'csv-parse/sync';

/** Rows of fields; blank lines are skipped, rows may have fewer fields than the header. */
export function readCsvRows(text: string): string[][] {
  return parse(text, { bom: true, relax_column_count: true, skip_empty_lines: true, record_delimiter: ['\r\n', '\n'] }) as string[][];
}
