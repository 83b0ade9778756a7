// A CSV file written row by row and flushed in batches, so that a long run's series stream
// to disk instead of growing in memory. Every record is what csv-stringify writes with its
// default options (csvRecord).

import { closeSync, openSync, writeSync } from 'node:fs';
import { basename } from 'node:path';
import { stringify } from 'csv-stringify/sync';

// Records are encoded into a buffer as they come (a plain row field by field, any other as
// csvRecord's string) and go to disk 64 KiB at a time.
// Encoding each record at once costs the same whatever V8's form of the string: records
// made from a file holding any character above U+00FF (an em dash in a comment) are
// two-byte strings, and joining 64 KiB of those into one string for writeSync took about
// 1 µs a record against 0.15 µs encoded one by one. (Before round 10, rows waited as
// arrays, 100 at a time, for csv-stringify: rows held across a young-generation collection
// are copied and promoted, and 2 000-row batches had made that copying about a fifth of
// `ecsim run`'s time on the month scenario.)
const BUFFER_BYTES = 1 << 16;

export class CsvFile {
  private fd: number;
  private readonly buffer = Buffer.allocUnsafe(BUFFER_BYTES);
  private used = 0;
  /** The file's name (not the temporary folder's path) and the rows written, for the error below. */
  private readonly name: string;
  private rows = 0;

  constructor(path: string, readonly columns: readonly string[]) {
    this.name = basename(path);
    this.fd = openSync(path, 'w');
    writeSync(this.fd, stringify([columns as string[]]));
  }

  /**
   * Writes the row as csvRecord does. A plain row (numbers, strings, or null/undefined)
   * goes straight into the buffer: numbers as formatNumber's digits, written as bytes
   * without a string for each (a series row of 18 fields cost about 2 µs formatted and
   * joined, most of it making those strings), and a string that needs quotes quoted as
   * quoteField does (an event message naming an instance type and an AZ: "placed on i-…
   * (c5.2xlarge, us-east-1b)"). Any other row is csvRecord's string. A NaN or an Infinity
   * anywhere in the row is refused before anything of the row is written (nonFinite).
   */
  write(row: unknown[]): void {
    this.rows++;
    let bound = row.length; // the commas and the line break
    let plain = true;
    let quoted = false;
    for (let i = 0; i < row.length; i++) {
      const v = row[i];
      if (typeof v === 'number') {
        if (v - v !== 0) this.nonFinite(i, v); // NaN or ±Infinity: a bug, never an empty cell
        bound += NUMBER_BYTES;
      } else if (typeof v === 'string') {
        // UTF-8 takes at most 3 bytes per UTF-16 unit; quoted, a '"' takes 2, and 2 around it
        bound += 3 * v.length + 2;
        if (NEEDS_QUOTES.test(v)) quoted = true;
      } else if (v !== null && v !== undefined) plain = false;
    }
    if (!plain || bound > BUFFER_BYTES) return this.writeRecord(csvRecord(row));
    if (this.used + bound > BUFFER_BYTES) this.flush();
    const buf = this.buffer;
    let at = this.used;
    for (let i = 0; i < row.length; i++) {
      if (i > 0) buf[at++] = COMMA;
      const v = row[i];
      if (typeof v === 'number') at = writeNumber(buf, at, v);
      else if (typeof v === 'string') {
        // (tested again only in the rare row with a field to quote)
        if (quoted && NEEDS_QUOTES.test(v)) {
          buf[at++] = QUOTE;
          at = writeText(buf, at, v.includes('"') ? v.replaceAll('"', '""') : v);
          buf[at++] = QUOTE;
        } else at = writeText(buf, at, v);
      }
    }
    buf[at++] = LINE_FEED;
    this.used = at;
  }

  /**
   * A NaN or an Infinity in a row is a bug (an empty cell means "no value", which a row
   * gives as null): thrown as an internal error (exit 1) naming the file, the row and the
   * column. The run's files are in a temporary folder, which is then removed: nothing
   * is written (outputs.md), as summary.json's finiteJson does for its figures.
   */
  private nonFinite(i: number, v: number): never {
    const column = this.columns[i] ?? `field ${i + 1}`;
    throw new Error(`${this.name}: row ${this.rows}, column ${column} is ${v}, not a finite number (a CSV would write it as an empty cell, which means "no value")`);
  }

  /** A whole record (csvRecord's), encoded into the buffer, or written alone when longer than a third of it. */
  private writeRecord(record: string): void {
    const mostBytes = 3 * record.length;
    if (this.used + mostBytes > BUFFER_BYTES) {
      this.flush();
      if (mostBytes > BUFFER_BYTES) {
        writeSync(this.fd, record);
        return;
      }
    }
    this.used += this.buffer.write(record, this.used);
  }

  flush(): void {
    if (this.used === 0) return;
    writeSync(this.fd, this.buffer, 0, this.used);
    this.used = 0;
  }

  close(): void {
    this.flush();
    closeSync(this.fd);
  }
}

const COMMA = 0x2c;
const QUOTE = 0x22;
const LINE_FEED = 0x0a;
const MINUS = 0x2d;
const POINT_BYTE = 0x2e;
const ZERO = 0x30;
/** The most bytes formatNumber prints ("-1.7976931348623157e+308"). */
const NUMBER_BYTES = 24;

/** formatNumber(x) written as bytes at `at`; returns the end. */
function writeNumber(buf: Buffer, at: number, x: number): number {
  if (!Number.isFinite(x)) throw nonFiniteNumber(x); // CsvFile.write refused it first
  const n = Math.round(x * 10_000);
  if (n === 0) {
    buf[at] = ZERO;
    return at + 1;
  }
  if (n > 1e15 || n < -1e15) return at + buf.write(formatNumber(x), at, 'latin1');
  let m = n;
  if (n < 0) {
    buf[at++] = MINUS;
    m = -n;
  }
  const whole = Math.floor(m / 10_000);
  let frac = m - whole * 10_000;
  at = writeDigits(buf, at, whole);
  if (frac === 0) return at;
  let digits = 4;
  while (frac % 10 === 0) {
    frac /= 10;
    digits--;
  }
  buf[at++] = POINT_BYTE;
  for (let zeros = digits - (frac >= 100 ? (frac >= 1000 ? 4 : 3) : frac >= 10 ? 2 : 1); zeros > 0; zeros--) buf[at++] = ZERO;
  return writeDigits(buf, at, frac);
}

/** The decimal digits of a whole number 0 <= v < 2^52 at `at`; returns the end. */
function writeDigits(buf: Buffer, at: number, v: number): number {
  let end = at + 1;
  for (let t = v; t >= 10; t = Math.floor(t / 10)) end++;
  for (let p = end - 1; p >= at; p--) {
    const q = Math.floor(v / 10);
    buf[p] = ZERO + (v - q * 10);
    v = q;
  }
  return end;
}

/** A string as UTF-8 at `at`; returns the end. Short ASCII strings (names, timestamps) byte by byte. */
function writeText(buf: Buffer, at: number, s: string): number {
  const n = s.length;
  if (n <= 32) {
    let i = 0;
    for (; i < n; i++) {
      const c = s.charCodeAt(i);
      if (c >= 0x80) break;
      buf[at + i] = c;
    }
    if (i === n) return at + n;
  }
  return at + buf.write(s, at);
}

/** A field csv-stringify quotes by default: it holds the delimiter, the quote or a line break. */
const NEEDS_QUOTES = /[",\r\n]/;

/**
 * One CSV record: the row's numbers are formatted in place (formatNumber), then the row is
 * written exactly as csv-stringify writes `[row]` with its default options. Most of ecsim's
 * rows are numbers and names: a row whose other fields are all strings, or null or
 * undefined (written empty), is joined here, a string holding a comma, a quote or a line
 * break quoted as csv-stringify quotes it (quoteField). A NaN or an Infinity is refused
 * (formatNumber throws): an empty cell is null's, "no value". Any other row (a boolean, an
 * object) goes to csv-stringify. On the month scenario's rows csv-stringify took 2.4 µs
 * for a series row of 18 fields and the join 0.3 µs; `ecsim run` writes about 100 000 rows
 * per simulated day of it. A property test holds the two equal. `row` must be a plain array
 * (its fields are read twice: a getter could answer differently the second time).
 */
export function csvRecord(row: unknown[]): string {
  let plain = true;
  let quoted = false;
  for (let i = 0; i < row.length; i++) {
    const v = row[i];
    if (typeof v === 'number') row[i] = formatNumber(v); // never a comma, quote or line break
    else if (v === null || v === undefined) continue;
    else if (typeof v !== 'string') plain = false;
    else if (NEEDS_QUOTES.test(v)) quoted = true;
  }
  if (!plain) return stringify([row]);
  if (quoted) {
    for (let i = 0; i < row.length; i++) {
      const v = row[i];
      if (typeof v === 'string' && NEEDS_QUOTES.test(v)) row[i] = quoteField(v);
    }
  }
  return row.join(',') + '\n';
}

/** A field as csv-stringify quotes it by default: between quotes, each quote doubled. */
function quoteField(v: string): string {
  return `"${v.replaceAll('"', '""')}"`;
}

function nonFiniteNumber(x: number): Error {
  return new Error(`a CSV number is ${x}, not a finite number (a CSV would write it as an empty cell, which means "no value")`);
}

/** The decimal point and the fraction's leading zeros, by their count. */
const POINT = ['.', '.0', '.00', '.000'];

/**
 * A figure of the comparison and sweep tables (comparison.csv, paired.csv,
 * replications.csv, sweep.csv): up to 6 decimals, no trailing zeros, so a short run's cost
 * (0.085876 USD) keeps the digits that tell variants apart; below 0.001 (in size) 6
 * significant digits instead, so no non-zero figure is written as 0 (`0.0000012345`,
 * `5e-7`: String() uses an exponent below 1e-6).
 */
export function formatFigure(x: number): string {
  if (!Number.isFinite(x)) return '';
  if (x === 0) return '0'; // also -0
  if (Math.abs(x) < 1e-3) return String(Number(x.toPrecision(6)));
  // String() prints the shortest decimal that reads back as the rounded figure: no
  // exponent from 0.001 up to 1e21 (no figure of ours gets near)
  return String(Math.round(x * 1e6) / 1e6);
}

/**
 * capacity.csv's `cost_to_date`: at most 6 decimals, as summary.json's costs (the same
 * rounding: Math.round(x * 1e6) / 1e6) and the comparison tables', so a run's last row is
 * comparable with its summary to the millionth of a dollar; no trailing zeros, no
 * exponent (a non-zero figure is at least 0.000001). A NaN or an Infinity is refused.
 */
export function formatCost(x: number): string {
  if (!Number.isFinite(x)) throw nonFiniteNumber(x);
  const r = Math.round(x * 1e6) / 1e6;
  return r === 0 ? '0' : String(r); // '0' also for -0
}

/**
 * Numbers in CSVs: at most 4 decimals, no trailing zeros, no exponent for usual sizes. A NaN
 * or an Infinity is refused (thrown): an empty cell means "no value", which is null.
 */
export function formatNumber(x: number): string {
  if (!Number.isFinite(x)) throw nonFiniteNumber(x);
  const n = Math.round(x * 10_000);
  if (n === 0) return '0'; // also -0
  if (n > 1e15 || n < -1e15) return String(Number.isFinite(n) ? n / 10_000 : x); // x * 10 000 overflows past 1.8e304
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
