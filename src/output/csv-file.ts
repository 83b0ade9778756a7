// A CSV file written row by row in batches through csv-stringify, so that a long run's
// series stream to disk instead of growing in memory.

import { closeSync, openSync, writeSync } from 'node:fs';
import { stringify } from 'csv-stringify/sync';

const BATCH = 2000;

export class CsvFile {
  private fd: number;
  private rows: unknown[][] = [];

  constructor(path: string, readonly columns: readonly string[]) {
    this.fd = openSync(path, 'w');
    writeSync(this.fd, stringify([columns as string[]]));
  }

  write(row: unknown[]): void {
    this.rows.push(row);
    if (this.rows.length >= BATCH) this.flush();
  }

  flush(): void {
    if (this.rows.length === 0) return;
    writeSync(this.fd, stringify(this.rows, { cast: { number: formatNumber } }));
    this.rows = [];
  }

  close(): void {
    this.flush();
    closeSync(this.fd);
  }
}

/** Numbers in CSVs: at most 4 decimals, no trailing zeros, no exponent for usual sizes. */
export function formatNumber(x: number): string {
  if (!Number.isFinite(x)) return '';
  const r = Math.round(x * 10_000) / 10_000;
  return Object.is(r, -0) ? '0' : String(r);
}
