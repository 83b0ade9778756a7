// CSV numbers: formatNumber prints integers' digits itself (speed) and must print exactly
// what String() prints for the value rounded to 4 decimals. A NaN or an Infinity is refused
// (thrown): an empty cell means "no value" (null), never a number that went wrong.

import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { formatNumber } from '../../src/output/csv-file.js';

const reference = (x: number): string => {
  const r = Math.round(x * 10_000) / 10_000;
  if (!Number.isFinite(r)) return String(x); // x * 10 000 overflowed: x itself, not "Infinity"
  return Object.is(r, -0) ? '0' : String(r);
};

describe('formatNumber', () => {
  it('prints what String() prints for the value rounded to 4 decimals', () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (x) => {
        expect(formatNumber(x)).toBe(reference(x));
      }),
      { numRuns: 20_000 },
    );
    fc.assert(
      fc.property(fc.integer({ min: -1e9, max: 1e9 }), fc.integer({ min: 0, max: 6 }), (k, e) => {
        const x = k / 10 ** e; // values with few decimals, the usual case
        expect(formatNumber(x)).toBe(reference(x));
      }),
      { numRuns: 20_000 },
    );
  });

  it('examples', () => {
    expect([0.5, -0.5, 0.00005, 0.00004, 123.4567, 55.12345, 12345678.9, -0].map(formatNumber)).toEqual([
      '0.5', '-0.5', '0.0001', '0', '123.4567', '55.1235', '12345678.9', '0',
    ]);
    // beyond 1.8e304, x * 10 000 overflows: the value itself, never "Infinity"
    expect([1e305, -Number.MAX_VALUE].map(formatNumber)).toEqual(['1e+305', '-1.7976931348623157e+308']);
  });

  it('refuses NaN and ±Infinity (an empty cell is "no value", not a number gone wrong)', () => {
    for (const x of [NaN, Infinity, -Infinity]) {
      expect(() => formatNumber(x)).toThrow(`a CSV number is ${x}, not a finite number`);
    }
  });
});
