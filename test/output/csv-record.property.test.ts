// CSV records: csvRecord formats numbers and joins plain rows itself (speed), and must write
// exactly what csv-stringify writes with its default options for the row with its numbers
// formatted, for every row.

import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { stringify } from 'csv-stringify/sync';
import { csvRecord, formatNumber } from '../../src/output/csv-file.js';

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
  fc.double(),
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
