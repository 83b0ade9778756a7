// A small CSV reader for ecsim's own results files (RFC 4180: comma separated, fields in
// double quotes may hold commas, quotes ("") and newlines). Rows become plain records
// keyed by the header.

export type CsvRecord = Record<string, string>;

/** Parses CSV text with a header row; missing trailing fields are "". */
export function parseCsv(text: string): CsvRecord[] {
  const rows = parseCsvRows(text);
  if (rows.length === 0) return [];
  const header = rows[0];
  const out: CsvRecord[] = new Array(rows.length - 1);
  for (let r = 1; r < rows.length; r++) {
    const row = rows[r];
    const rec: CsvRecord = {};
    for (let c = 0; c < header.length; c++) rec[header[c]] = row[c] ?? '';
    out[r - 1] = rec;
  }
  return out;
}

/** Parses CSV text into rows of fields; blank lines are skipped. */
export function parseCsvRows(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  let i = 0;
  const n = text.length;
  const endRow = () => {
    row.push(field);
    field = '';
    if (!(row.length === 1 && row[0] === '')) rows.push(row);
    row = [];
  };
  while (i < n) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i += 2;
          continue;
        }
        quoted = false;
        i++;
        continue;
      }
      field += ch;
      i++;
      continue;
    }
    if (ch === '"' && field === '') {
      quoted = true;
    } else if (ch === ',') {
      row.push(field);
      field = '';
    } else if (ch === '\n') {
      endRow();
    } else if (ch !== '\r') {
      field += ch;
    }
    i++;
  }
  if (field !== '' || row.length > 0) endRow();
  return rows;
}
