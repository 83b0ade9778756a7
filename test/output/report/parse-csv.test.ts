import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { stringify } from 'csv-stringify/sync';
import { parseCsv } from '../../../src/output/report/data/parse-csv.js';

describe('parseCsv (RFC 4180, as the results files are written)', () => {
  it('reads a header, plain rows and empty cells', () => {
    expect(parseCsv('a,b,c\n1,,3\n')).toEqual({ header: ['a', 'b', 'c'], rows: [['1', '', '3']] });
  });

  it('reads quoted fields with commas, doubled quotes and line breaks', () => {
    const t = parseCsv('t,message\n60,"m5.large in us-east-1a registered with 2048 CPU units, 7700 MiB"\n61,"say ""hi""\nthere"\r\n');
    expect(t.rows).toEqual([
      ['60', 'm5.large in us-east-1a registered with 2048 CPU units, 7700 MiB'],
      ['61', 'say "hi"\nthere'],
    ]);
  });

  it('reads back whatever csv-stringify writes (property)', () => {
    const cell = fc.string({ unit: fc.constantFrom('a', 'b', ',', '"', '\n', ' ', '1', '.') });
    fc.assert(
      fc.property(fc.array(fc.array(cell, { minLength: 2, maxLength: 2 }), { maxLength: 5 }), (rows) => {
        const text = stringify([['x', 'y'], ...rows]);
        // A row of two empty cells is written as "," and read back as such.
        expect(parseCsv(text).rows).toEqual(rows);
      }),
    );
  });

  it('says where a quote is not closed', () => {
    expect(() => parseCsv('a\n"open')).toThrow(/Quote Not Closed.*line 2/);
  });
});
