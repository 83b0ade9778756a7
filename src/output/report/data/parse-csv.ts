// Parses the CSV files of a results folder (RFC 4180: comma separated, "" quoting,
// quoted fields may hold commas, quotes and line breaks) into a header and rows of text.

export interface CsvTable {
  header: string[];
  rows: string[][];
}

export function parseCsv(text: string): CsvTable {
  const records: string[][] = [];
  const n = text.length;
  let pos = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  let nextQuote = text.indexOf('"', pos);
  while (pos < n) {
    // Fast path: a line with no quote is its fields split on commas.
    let eol = text.indexOf('\n', pos);
    if (eol < 0) eol = n;
    if (nextQuote >= 0 && nextQuote < pos) nextQuote = text.indexOf('"', pos);
    if (nextQuote < 0 || nextQuote > eol) {
      const end = eol > pos && text.charCodeAt(eol - 1) === 13 ? eol - 1 : eol;
      if (end > pos) records.push(text.slice(pos, end).split(','));
      pos = eol + 1;
      continue;
    }
    const record: string[] = [];
    for (;;) {
      let field: string;
      if (text.charCodeAt(pos) === 34 /* " */) {
        let out = '';
        let i = pos + 1;
        for (;;) {
          const q = text.indexOf('"', i);
          if (q < 0) throw new Error(`CSV: expected a closing quote for the field that starts at character ${pos}, found the end of the file`);
          out += text.slice(i, q);
          if (text.charCodeAt(q + 1) === 34) {
            out += '"';
            i = q + 2;
          } else {
            pos = q + 1;
            break;
          }
        }
        field = out;
      } else {
        let end = pos;
        while (end < n) {
          const c = text.charCodeAt(end);
          if (c === 44 || c === 10 || c === 13) break;
          end++;
        }
        field = text.slice(pos, end);
        pos = end;
      }
      record.push(field);
      const c = text.charCodeAt(pos);
      if (c === 44) {
        pos++;
        continue;
      }
      if (c === 13) pos++;
      if (text.charCodeAt(pos) === 10) pos++;
      break;
    }
    if (!(record.length === 1 && record[0] === '')) records.push(record);
  }
  const header = records.shift() ?? [];
  return { header, rows: records };
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
