// CSV records: csvRecord formats numbers and joins plain rows itself (speed), and must write
// exactly what csv-stringify writes with its default options for the row with its numbers
// formatted, for every row; CsvFile must write exactly csvRecord's records.

import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { stringify } from 'csv-stringify/sync';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CsvFile, csvRecord, formatNumber } from '../../src/output/csv-file.js';

// finite numbers only: a NaN or an Infinity is refused (csv-file.test.ts)
const finite = { noNaN: true, noDefaultInfinity: true } as const;
const withNumbersFormatted = (row: unknown[]) => row.map((v) => (typeof v === 'number' ? formatNumber(v) : v));

// strings drawn mostly from characters that matter to CSV, so that quoting comes up often
const csvChars = fc.constantFrom(
  'a', 'Z', '0', '.', '-', ' ', ',', '"', '\n', '\r', ';', "'", '=', 'é', '\t',
  '\u2028', '\u2029', '\u0085', '\ufeff', '\ud800', '\udc00', '😀',
);
const field = fc.oneof(
  fc.string({ unit: csvChars, maxLength: 8 }),
  fc.string({ maxLength: 8 }),
  fc.string({ unit: 'binary', maxLength: 8 }), // any code point
  fc.constant(''),
  fc.constant(null),
  fc.constant(undefined),
  fc.boolean(),
  fc.integer(),
  fc.double(finite),
);

describe('csvRecord', () => {
  it('writes what csv-stringify writes for the same row, numbers formatted (property)', () => {
    fc.assert(
      fc.property(fc.array(field, { maxLength: 20 }), (row) => {
        expect(csvRecord([...row])).toBe(stringify([withNumbersFormatted(row)]));
      }),
      { numRuns: 20_000 },
    );
  });

  it('joins plain rows and quotes fields with a comma, a quote or a line break', () => {
    expect(csvRecord([1.5, 'web', null, '', undefined, -0.00001, 2 / 3])).toBe('1.5,web,,,,0,0.6667\n');
    expect(csvRecord(['a,b', 'say "hi"', 'x\ny', 1 / 3])).toBe('"a,b","say ""hi""","x\ny",0.3333\n');
    expect(csvRecord([])).toBe(stringify([[]]));
  });
});

// CsvFile writes plain rows as bytes (numbers digit by digit, short ASCII strings byte by
// byte) without making csvRecord's string: the file must hold exactly the records.
describe('CsvFile', () => {
  const number = fc.oneof(
    fc.double(finite),
    fc.integer(),
    fc.double({ min: -1e12, max: 1e12, noNaN: true }),
    fc.double({ min: 1e11, max: 1e12, noNaN: true }).chain((x) => fc.constantFrom(x, -x)), // where n = x * 10 000 nears 1e15
    fc.integer({ min: -1e6, max: 1e6 }).map((k) => k / 10_000), // exact 4-decimal values
    fc.integer({ min: -1e9, max: 1e9 }).map((k) => k / 20_000 + 0.00005), // halves at the rounding digit
    fc.constantFrom(0, -0, 1e15 / 1e4, -1e15 / 1e4, 1e11 + 0.00005, 99999.99995, 5e-5, -5e-5, 4.9999e-5, 1e21, 1.8e304, Number.MAX_VALUE, Number.MIN_VALUE),
  );
  const plain = fc.oneof(fc.string({ unit: fc.constantFrom('a', '0', '-', ':', '.', '\u007f', '\u0080', 'é', '—', '😀', '\ud800'), maxLength: 40 }), fc.string({ maxLength: 40 }));
  const rowArb = fc.array(fc.oneof(number, number, plain, field), { maxLength: 20 });

  it('writes every row as csvRecord does, across buffer flushes (property)', () => {
    fc.assert(
      fc.property(fc.array(rowArb, { minLength: 1, maxLength: 400 }), (rows) => {
        const dir = mkdtempSync(join(tmpdir(), 'ecsim-csv-'));
        try {
          const file = new CsvFile(join(dir, 'x.csv'), ['a']);
          for (const row of rows) file.write([...row]);
          file.close();
          const expected = 'a\n' + rows.map((row) => csvRecord([...row])).join('');
          expect(readFileSync(join(dir, 'x.csv'))).toEqual(Buffer.from(expected, 'utf8'));
        } finally {
          rmSync(dir, { recursive: true, force: true });
        }
      }),
      { numRuns: 300 },
    );
  });
});
