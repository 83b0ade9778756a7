// parseTraceCsv: a recorded trace file (a header row, then one row per sample) becomes
// TraceRows (parseTraceSeries: two Float64Arrays, read in one pass over the text). The time column holds seconds since the simulation start (as `ecsim trace`
// writes `time_s`); the value column holds requests (or messages) per second (`rps`, as
// `ecsim trace` writes it). Fields are separated by ',' (or ';' or a tab, whichever the
// header uses most), may be "quoted" whole (a quote elsewhere, or one that does not close by
// the end of its line, is refused); a row may not have more fields than the header;
// blank lines are skipped. Every error names the file, the line and the column.

import { didYouMean } from './did-you-mean.js';
import { MAX_REQUEST_RATE, type TraceRow, type TraceSeries } from './types.js';

export interface ParseTraceCsvOptions {
  timeColumn: string;
  valueColumn: string;
  /** Used in error messages. */
  file: string;
  /** The scenario's start (epoch ms, as written, whether written): for the hint on an ISO date-time in the time column. */
  start?: { epochMs: number; iso: string; written: boolean };
}

/**
 * A trace file's problem: where (the file, a line, a column), what was expected, what was
 * found and a hint (`; ...` or ` (...)`, '' for none), for the scenario's checks to say in its
 * own form; the message is `file, line 3, column 2 ("rps"): expected ..., found ...hint`.
 */
export class TraceCsvError extends Error {
  override name = 'TraceCsvError';
  constructor(
    readonly file: string,
    readonly line: number | undefined,
    readonly column: { index: number; name?: string } | undefined,
    readonly expected: string,
    readonly found: string,
    readonly hint = '',
  ) {
    super(`${csvPlace(file, line, column)}: expected ${expected}, found ${found}${hint}`);
  }
}

/** `rate.csv, line 3, column 2 ("rps")`: a place in a trace file. */
export function csvPlace(file: string, line?: number, column?: { index: number; name?: string }): string {
  return `${file}${line === undefined ? '' : `, line ${line}`}${column ? `, column ${column.index + 1}${column.name === undefined ? '' : ` (${JSON.stringify(column.name)})`}` : ''}`;
}

const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

export function parseTraceCsv(text: string, options: ParseTraceCsvOptions): TraceRow[] {
  const { t, v } = parseTraceSeries(text, options);
  const rows: TraceRow[] = new Array(t.length);
  for (let i = 0; i < t.length; i++) rows[i] = { t: t[i], value: v[i] };
  return rows;
}

/**
 * As parseTraceCsv, as two arrays (times in ms, rates): a file of millions of rows is read
 * line by line, without splitting the text into lines or making an object of each row
 * (which took seconds per million rows and about 20 times the file's size in memory).
 */
export function parseTraceSeries(text: string, options: ParseTraceCsvOptions): TraceSeries {
  const { timeColumn, valueColumn, file } = options;
  if (timeColumn === valueColumn) {
    throw new TraceCsvError(file, undefined, undefined, `a value column other than the time column ${JSON.stringify(timeColumn)}`, 'the same name', '; the rate would be the time');
  }
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  /** Throws the problem at `line` (and `column`) of the file. */
  const fail = (line: number, column: { index: number; name?: string } | undefined, expected: string, found: string, hint = ''): never => {
    throw new TraceCsvError(file, line, column, expected, found, hint);
  };
  /** Refuses a quote splitFields cannot read on line `line`, at the cell as written (columns named by `names`). */
  const quoteProblem =
    (line: number, names: readonly string[]): QuoteProblem =>
    (index, cell, problem) => {
      const column = { index, name: names[index] };
      // the cell as written, JSON-quoted: its own stray quote would otherwise seem to open the place after it
      const found = JSON.stringify(cell);
      return problem === 'unclosed'
        ? fail(line, column, 'a closing quote by the end of the line', found, '; a quoted cell may not span lines')
        : fail(line, column, 'a quote only around a whole cell ("1,5"; "" for a quote inside one)', found);
    };

  // lines end at \r\n, \n or \r, as text.split(/\r\n|\n|\r/) cuts them (a break at the end
  // leaves one more, empty, line); `lineNo` counts them from 1
  let pos = 0;
  let lineNo = 0;
  let done = false;
  /** Counts the line that ends at `end` (a \r, \n or the end of the text) and moves past its break. */
  const endLine = (end: number): void => {
    lineNo++;
    if (end >= body.length) done = true;
    else pos = body.charCodeAt(end) === 13 && body.charCodeAt(end + 1) === 10 ? end + 2 : end + 1;
  };
  const nextLine = (): string | null => {
    if (done) return null;
    let end = pos;
    while (end < body.length) {
      const c = body.charCodeAt(end);
      if (c === 10 || c === 13) break;
      end++;
    }
    const line = body.slice(pos, end);
    endLine(end);
    return line;
  };

  let headerLine: string | null;
  do headerLine = nextLine();
  while (headerLine !== null && headerLine.trim() === '');
  if (headerLine === null) return fail(1, undefined, 'a header row naming the columns', 'an empty file');
  const h = lineNo;
  const separator = pickSeparator(headerLine);
  const header = splitFields(headerLine, separator, quoteProblem(h, []));
  const column = (name: string, role: string): { index: number; name: string } => {
    const index = header.indexOf(name);
    if (index < 0) {
      fail(h, undefined, `a ${role} column ${JSON.stringify(name)}`, `columns ${header.map((c) => JSON.stringify(c)).join(', ')}`, didYouMean(name, header));
    }
    // a name twice: which column holds the values is a guess (the first was used, silently)
    const again = header.indexOf(name, index + 1);
    if (again >= 0) {
      fail(h, undefined, `the ${role} column ${JSON.stringify(name)} once`, `it as columns ${index + 1} and ${again + 1}`, '; rename or remove one');
    }
    return { index, name };
  };
  const tCol = column(timeColumn, 'time');
  const vCol = column(valueColumn, 'value');

  let times = new Float64Array(1024);
  let values = new Float64Array(1024);
  let n = 0;
  let previousLine = 0;
  let fields: string[] = [];
  const sep = separator.charCodeAt(0);
  const a = tCol.index;
  const b = vCol.index;
  const len = body.length;
  // one pass over each line: its end, its separators, where cells a and b are; a line with
  // a quote is split as the header is
  while (!done) {
    const start = pos;
    let count = 1;
    let from = pos;
    let quoted = false;
    let end = pos;
    for (; end < len; end++) {
      const c = body.charCodeAt(end);
      if (c === 10 || c === 13) break;
      if (c === sep) {
        if (count - 1 === a || count - 1 === b) fields[count - 1] = body.slice(from, end).trim();
        count++;
        from = end + 1;
      } else if (c === 34) quoted = true;
    }
    if (count - 1 === a || count - 1 === b) fields[count - 1] = body.slice(from, end).trim();
    endLine(end);
    if (count === 1 && body.slice(start, end).trim() === '') continue;
    if (quoted) {
      fields = splitFields(body.slice(start, end), separator, quoteProblem(lineNo, header));
      count = fields.length;
    }
    if (count > header.length) {
      // a cell the header does not name was dropped silently; often a decimal comma ("400,5")
      fail(lineNo, undefined, `at most ${header.length} fields (the header's columns)`, String(count), '; a decimal comma, or a separator inside an unquoted cell?');
    }
    const seconds = readCell(fields, count, tCol, 'a time in seconds', lineNo, fail, (cell) => isoTimeHint(cell, options.start));
    const value = readCell(fields, count, vCol, 'a rate per second', lineNo, fail);
    // a number beyond a double's range (1e400) parses to Infinity: said as written, and a
    // rate against its bounds first
    if (!Number.isFinite(seconds)) {
      fail(lineNo, tCol, "a time in seconds within a number's range (about 1.8e308)", fields[tCol.index]);
    }
    const valueFound = Number.isFinite(value) ? String(value) : fields[vCol.index];
    if (value < 0) fail(lineNo, vCol, 'a rate >= 0', valueFound);
    if (value > MAX_REQUEST_RATE) fail(lineNo, vCol, `a rate of at most ${MAX_REQUEST_RATE} requests/s (an ecsim bound)`, valueFound);
    const t = seconds * 1000;
    if (n > 0 && !(t > times[n - 1])) {
      // `ecsim trace` of several services writes each time once per service
      const oneService = header.includes('service') ? '; a file from `ecsim trace` holds one service only when written with --service' : '';
      fail(lineNo, tCol, `a time after ${times[n - 1] / 1000} (line ${previousLine})`, String(seconds), `; times must increase${oneService}`);
    }
    if (n === times.length) {
      const grownT = new Float64Array(n * 2);
      grownT.set(times);
      times = grownT;
      const grownV = new Float64Array(n * 2);
      grownV.set(values);
      values = grownV;
    }
    times[n] = t;
    values[n] = value;
    n++;
    previousLine = lineNo;
  }
  if (n === 0) fail(h, undefined, 'data rows after the header', 'none');
  return { t: times.slice(0, n), v: values.slice(0, n) };
}

/** The number in cell `col` of a line of `count` fields (a function, not a closure a line: millions of lines). */
function readCell(
  fields: readonly string[],
  count: number,
  col: { index: number; name: string },
  what: string,
  lineNo: number,
  fail: (line: number, column: { index: number; name?: string }, expected: string, found: string, hint?: string) => never,
  hint: (cell: string) => string = () => '',
): number {
  const cell = col.index < count ? fields[col.index] : undefined;
  if (cell === undefined) return fail(lineNo, col, what, `a row of only ${count} field(s)`);
  if (!NUMBER.test(cell)) return fail(lineNo, col, what, cell === '' ? 'an empty cell' : JSON.stringify(cell), hint(cell));
  return Number(cell);
}

/** An ISO-8601 date-time (a space for the T too, as spreadsheets write it); without an offset it is read as UTC. */
const ISO_TIME = /^(\d{4}-\d{2}-\d{2})[T ](\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?)(Z|[+-]\d{2}:?\d{2})?$/i;

/**
 * A time column holding ISO date-times (a CloudWatch or spreadsheet export): the seconds
 * since the scenario's start of `cell` (the first refused row's time), or, with no start
 * written, that start is the default; '' for a cell that is no ISO date-time.
 */
function isoTimeHint(cell: string, start: ParseTraceCsvOptions['start']): string {
  const m = ISO_TIME.exec(cell);
  if (m === null || start === undefined) return '';
  const ms = Date.parse(`${m[1]}T${m[2]}${m[3] === undefined ? 'Z' : m[3].toUpperCase()}`);
  if (!Number.isFinite(ms)) return '';
  const utc = m[3] === undefined ? ' (no offset: read as UTC)' : '';
  const basis = "time_s counts seconds since the scenario's start";
  if (!start.written) {
    return `; ${basis}, and start is not set (the default is ${start.iso}): set start to the trace's first time and write each row's time as the seconds since it (0 for ${cell}${utc})`;
  }
  const s = (ms - start.epochMs) / 1000;
  const side = s === 0 ? 'is the scenario\'s start' : `is ${Math.abs(s)} s ${s > 0 ? 'after' : 'before'} the scenario's start`;
  return `; ${cell}${utc} ${side} ${start.iso}: ${basis}, so write ${s} for it (each row's time minus the start, in seconds)`;
}

function pickSeparator(header: string): string {
  let best = ',';
  let most = count(header, ',');
  for (const s of [';', '\t']) {
    const n = count(header, s);
    if (n > most) {
      best = s;
      most = n;
    }
  }
  return best;
}

function count(text: string, ch: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) if (text[i] === ch) n++;
  return n;
}

/** What splitFields found wrong: the cell's index on its line, the cell as written, the problem. */
type QuoteProblem = (index: number, cell: string, problem: 'unclosed' | 'stray') => never;

/**
 * Splits one line into trimmed fields; "quoted" fields may hold the separator and "" for a
 * quote. A quote opens a cell only as its first character (after spaces), and the quote that
 * closes it is followed only by spaces up to the separator; a quote anywhere else, or one that
 * does not close by the end of the line (a cell does not span lines), is refused through
 * `bad` (it was dropped: `2"00` read as 200, `"100` to the end of the file read as 100).
 */
function splitFields(line: string, separator: string, bad: QuoteProblem): string[] {
  if (!line.includes('"')) return line.split(separator).map((f) => f.trim());
  const fields: string[] = [];
  let from = 0; // where the cell being read starts in `line`
  let i = 0;
  const n = line.length;
  /** The cell starting at `from` as written, up to the next separator from `past` (or the end of the line). */
  const written = (past: number): string => {
    const end = line.indexOf(separator, past);
    return line.slice(from, end < 0 ? n : end).trim();
  };
  while (true) {
    let j = i;
    while (j < n && (line[j] === ' ' || line[j] === '\t') && line[j] !== separator) j++;
    if (line[j] === '"') {
      let field = '';
      let k = j + 1;
      let closed = false;
      while (k < n) {
        if (line[k] === '"') {
          if (line[k + 1] === '"') {
            field += '"';
            k += 2;
            continue;
          }
          closed = true;
          k++;
          break;
        }
        field += line[k];
        k++;
      }
      if (!closed) bad(fields.length, line.slice(from).trim(), 'unclosed');
      while (k < n && line[k] !== separator && (line[k] === ' ' || line[k] === '\t')) k++;
      if (k < n && line[k] !== separator) bad(fields.length, written(k), 'stray');
      fields.push(field.trim());
      if (k >= n) return fields;
      i = k + 1;
    } else {
      let k = i;
      while (k < n && line[k] !== separator) {
        if (line[k] === '"') bad(fields.length, written(from), 'stray');
        k++;
      }
      fields.push(line.slice(i, k).trim());
      if (k >= n) return fields;
      i = k + 1;
    }
    from = i;
  }
}
