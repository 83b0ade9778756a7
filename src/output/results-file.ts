// Reads back one file of a folder ecsim wrote (summary.json, the CSV files, comparison.csv,
// sweep.csv), for `ecsim report` and `ecsim explain`. Whatever is wrong with it (a folder
// where the file should be, unreadable, malformed, another shape, other columns) is a
// ResultsFileError: one line naming the file, what was expected and what was found.

import { readFileSync } from 'node:fs';
import { readCsvRows } from './csv-read.js';

export class ResultsFileError extends Error {
  override name = 'ResultsFileError';
}

const WHY: Record<string, string> = {
  EISDIR: 'a folder',
  EACCES: 'a file it may not read (permission denied)',
  EPERM: 'a file it may not read (permission denied)',
  ENOENT: 'nothing',
};

/** The file's text; null when it is not there and `optional`. `what` is what the file should be ("a CSV file written by ecsim run"). */
export function readResultsText(path: string, what: string, optional = false): string | null {
  try {
    return readFileSync(path, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code ?? '';
    if (code === 'ENOENT' && optional) return null;
    const why = WHY[code];
    if (why === undefined && code === '') throw e;
    throw new ResultsFileError(`${path}: expected ${what}, found ${why ?? `a file it cannot read (${code})`}`);
  }
}

/** A JSON object (not a list, a number or null); null when the file is not there and `optional`. */
export function readResultsJson(path: string, writer: string, optional = false): Record<string, unknown> | null {
  const text = readResultsText(path, `JSON written by ${writer}`, optional);
  if (text === null) return null;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    throw new ResultsFileError(`${path}: expected JSON written by ${writer}, found a malformed file: ${(e as Error).message}`);
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw new ResultsFileError(`${path}: expected a JSON object written by ${writer}, found ${jsonKind(value)}`);
  }
  return value as Record<string, unknown>;
}

/**
 * The rows of a CSV file, header first, with at least the `columns` the reader needs;
 * null when the file is not there and `optional`.
 */
export function readResultsCsv(path: string, writer: string, columns: readonly string[], optional = false): string[][] | null {
  const text = readResultsText(path, `a CSV file written by ${writer}`, optional);
  if (text === null) return null;
  let rows: string[][];
  try {
    rows = readCsvRows(text);
  } catch (e) {
    throw new ResultsFileError(`${path}: expected a CSV file written by ${writer}, found a malformed one: ${(e as Error).message}`);
  }
  const header = rows[0] ?? [];
  if (columns.some((c) => !header.includes(c))) {
    const found = header.length === 0 ? 'an empty file' : header.join(',').slice(0, 120);
    throw new ResultsFileError(`${path}: expected the columns ${columns.join(', ')} (written by ${writer}), found ${found}`);
  }
  // ecsim writes every field of every row (an empty cell as ""): a short row is a file cut
  // short (copied in part, a disk that filled), whose missing cells would read as empty
  for (let r = 1; r < rows.length; r++) {
    if (rows[r].length !== header.length) {
      throw new ResultsFileError(`${path}: row ${r}: expected ${header.length} fields as in the header (written by ${writer}), found ${rows[r].length}; is the file cut short or edited?`);
    }
  }
  return rows;
}

/** A number from a cell of `column` (row `row`, 1 = the first after the header); NaN for an empty cell. */
export function numberCell(path: string, row: number, column: string, cell: string | undefined): number {
  if (cell === undefined || cell === '') return NaN;
  const x = Number(cell);
  if (Number.isNaN(x)) throw new ResultsFileError(`${path}: row ${row}, column ${column}: expected a number, found "${cell.slice(0, 40)}"`);
  return x;
}

/** What a JSON value is, for "found ...". */
export function jsonKind(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return value.length === 0 ? 'an empty list' : `a list of ${value.length}`;
  if (typeof value === 'object') return 'an object';
  if (typeof value === 'string') return `the string "${value.slice(0, 40)}"`;
  return `the ${typeof value} ${String(value)}`;
}
