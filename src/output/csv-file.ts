// A CSV file written row by row in batches through csv-stringify, so that a long run's
// series stream to disk instead of growing in memory.

import { closeSync, openSync, writeSync } from 'node:fs';
import { stringify } from 'csv-stringify/sync';

// Rows wait in small batches: rows held across a young-generation collection are copied
// and promoted, and with 2 000-row batches that copying was about a fifth of `ecsim run`'s
// time on the month scenario (100 rows: a quarter of the GC time, 50 MiB less memory).
const BATCH = 100;

export class CsvFile {
  private fd: number;
  private rows: unknown[][] = [];

  constructor(path: string, readonly columns: readonly string[]) {
    this.fd = openSync(path, 'w');
    writeSync(this.fd, stringify([columns as string[]]));
  }

  /** Numbers are formatted here, in place (formatNumber), so csv-stringify sees strings and nulls only. */
  write(row: unknown[]): void {
    for (let i = 0; i < row.length; i++) {
      const v = row[i];
      if (typeof v === 'number') row[i] = formatNumber(v);
    }
    this.rows.push(row);
    if (this.rows.length >= BATCH) this.flush();
  }

  flush(): void {
    if (this.rows.length === 0) return;
    writeSync(this.fd, stringify(this.rows));
    this.rows = [];
  }

  close(): void {
    this.flush();
    closeSync(this.fd);
  }
}

/** The decimal point and the fraction's leading zeros, by their count. */
const POINT = ['.', '.0', '.00', '.000'];

/** Numbers in CSVs: at most 4 decimals, no trailing zeros, no exponent for usual sizes. */
export function formatNumber(x: number): string {
  if (!Number.isFinite(x)) return '';
  const n = Math.round(x * 10_000);
  if (n === 0) return '0'; // also -0
  if (n > 1e15 || n < -1e15) return String(n / 10_000);
  // the digits of n / 10 000 from the integer n: what String() prints for that double
  // (the shortest decimal that reads back as it), without the float-to-string cost
  const neg = n < 0;
  const m = neg ? -n : n;
  const whole = Math.floor(m / 10_000);
  let frac = m - whole * 10_000;
  let text: string;
  if (frac === 0) {
    text = String(whole);
  } else {
    let digits = 4;
    while (frac % 10 === 0) {
      frac /= 10;
      digits--;
    }
    const f = String(frac);
    text = `${whole}${POINT[digits - f.length]}${f}`;
  }
  return neg ? `-${text}` : text;
}
