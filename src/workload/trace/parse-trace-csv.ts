// parseTraceCsv: a recorded trace file (a header row, then one row per sample) becomes
// TraceRows. The time column holds seconds since the simulation start (as `ecsim trace`
// writes `time_s`); the value column holds requests (or messages) per second (`rps`, as
// `ecsim trace` writes it). Fields are separated by ',' (or ';' or a tab, whichever the
// header uses most), may be "quoted"; a row may not have more fields than the header;
// blank lines are skipped. Every error names the file, the line and the column.

import { didYouMean } from './did-you-mean.js';
import type { TraceRow } from './types.js';

export interface ParseTraceCsvOptions {
  timeColumn: string;
  valueColumn: string;
  /** Used in error messages. */
  file: string;
}

const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

export function parseTraceCsv(text: string, options: ParseTraceCsvOptions): TraceRow[] {
  const { timeColumn, valueColumn, file } = options;
  const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\n|\r/);
  const at = (line: number, column?: { index: number; name: string }): string =>
    `${file}, line ${line}${column ? `, column ${column.index + 1} (${JSON.stringify(column.name)})` : ''}`;

  let h = 0;
  while (h < lines.length && lines[h].trim() === '') h++;
  if (h === lines.length) throw new Error(`${file}, line 1: expected a header row naming the columns, found an empty file`);
  const separator = pickSeparator(lines[h]);
  const header = splitFields(lines[h], separator);
  const column = (name: string, role: string): { index: number; name: string } => {
    const index = header.indexOf(name);
    if (index < 0) {
      throw new Error(
        `${at(h + 1)}: expected a ${role} column ${JSON.stringify(name)}, found columns ${header
          .map((c) => JSON.stringify(c))
          .join(', ')}${didYouMean(name, header)}`,
      );
    }
    // a name twice: which column holds the values is a guess (the first was used, silently)
    const again = header.indexOf(name, index + 1);
    if (again >= 0) {
      throw new Error(`${at(h + 1)}: expected the ${role} column ${JSON.stringify(name)} once, found it as columns ${index + 1} and ${again + 1}; rename or remove one`);
    }
    return { index, name };
  };
  const tCol = column(timeColumn, 'time');
  const vCol = column(valueColumn, 'value');

  const rows: TraceRow[] = [];
  let previousLine = 0;
  for (let i = h + 1; i < lines.length; i++) {
    if (lines[i].trim() === '') continue;
    const fields = splitFields(lines[i], separator);
    if (fields.length > header.length) {
      // a cell the header does not name was dropped silently; often a decimal comma ("400,5")
      throw new Error(
        `${at(i + 1)}: expected at most ${header.length} fields (the header's columns), found ${fields.length}; a decimal comma, or a separator inside an unquoted cell?`,
      );
    }
    const read = (col: { index: number; name: string }, what: string): number => {
      const cell = fields[col.index];
      if (cell === undefined) {
        throw new Error(`${at(i + 1, col)}: expected ${what}, found a row of only ${fields.length} field(s)`);
      }
      if (!NUMBER.test(cell)) {
        throw new Error(`${at(i + 1, col)}: expected ${what}, found ${cell === '' ? 'an empty cell' : JSON.stringify(cell)}`);
      }
      return Number(cell);
    };
    const seconds = read(tCol, 'a time in seconds');
    const value = read(vCol, 'a rate per second');
    if (!Number.isFinite(seconds) || !Number.isFinite(value)) {
      throw new Error(`${at(i + 1, Number.isFinite(seconds) ? vCol : tCol)}: expected a finite number, found one out of range`);
    }
    if (value < 0) throw new Error(`${at(i + 1, vCol)}: expected a rate >= 0, found ${value}`);
    const t = seconds * 1000;
    if (rows.length > 0 && !(t > rows[rows.length - 1].t)) {
      // `ecsim trace` of several services writes each time once per service
      const oneService = header.includes('service') ? '; a file from `ecsim trace` holds one service only when written with --service' : '';
      throw new Error(
        `${at(i + 1, tCol)}: expected a time after ${rows[rows.length - 1].t / 1000} (line ${previousLine}), found ${seconds}; times must increase${oneService}`,
      );
    }
    rows.push({ t, value });
    previousLine = i + 1;
  }
  if (rows.length === 0) throw new Error(`${at(h + 1)}: expected data rows after the header, found none`);
  return rows;
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

/** Splits one line into trimmed fields; "quoted" fields may hold the separator and "" for a quote. */
function splitFields(line: string, separator: string): string[] {
  if (!line.includes('"')) return line.split(separator).map((f) => f.trim());
  const fields: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i];
    if (quoted) {
      if (ch === '"' && line[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === separator) {
      fields.push(field.trim());
      field = '';
    } else field += ch;
  }
  fields.push(field.trim());
  return fields;
}
