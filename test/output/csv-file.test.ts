// CsvFile: what it writes is csv-stringify's output for the same rows, whatever their
// length or characters, and numbers come out as formatNumber prints them.

import { describe, it, expect } from 'vitest';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stringify } from 'csv-stringify/sync';
import fc from 'fast-check';
import { CsvFile, csvRecord, formatCost, formatFigure, formatNumber } from '../../src/output/csv-file.js';
import { round } from '../../src/sim/summary.js';
import { existsSync, readdirSync } from 'node:fs';
import { ResultsWriter } from '../../src/output/results-writer.js';

function written(columns: string[], rows: unknown[][]): string {
  const dir = mkdtempSync(join(tmpdir(), 'ecsim-csv-'));
  try {
    const file = new CsvFile(join(dir, 'x.csv'), columns);
    for (const row of rows) file.write([...row]);
    file.close();
    return readFileSync(join(dir, 'x.csv'), 'utf8');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('CsvFile', () => {
  it('writes the header and every row as csv-stringify would, across many buffer flushes', () => {
    // a file holding a character above U+00FF makes V8 keep strings cut from it two-byte
    const text = 'names — api-001 web';
    const twoByteName = text.slice(8, 15);
    const rows: unknown[][] = [];
    for (let i = 0; i < 5_000; i++) {
      // one row in three needs quotes (csv-stringify writes it), the others are joined
      const message = i % 3 === 0 ? `placed on i-${i}, us-east-1a` : `placed on i-${i}`;
      rows.push([i / 8, twoByteName, i % 7 === 0 ? null : 'web', message, 'Zürich ✓ 😀', '']);
    }
    const expected = stringify([['time', 'service', 'x', 'message', 'note', 'empty'], ...rows.map((r) => r.map((v) => (typeof v === 'number' ? formatNumber(v) : v)))]);
    expect(written(['time', 'service', 'x', 'message', 'note', 'empty'], rows)).toBe(expected);
  });

  it('never cuts a record at the buffer\'s end: records near a third of it, lone surrogates', () => {
    const rows: unknown[][] = [];
    for (const length of [21_844, 21_845, 21_846, 10_000, 30_000]) {
      // '€' and a lone surrogate take 3 bytes in UTF-8: the most per UTF-16 unit
      rows.push(['x'.repeat(length - 2) + '\ud800'], ['€'.repeat(length - 4) + '\udc00,'], ['😀' + '€'.repeat(length / 2)]);
    }
    expect(Buffer.from(written(['a'], rows), 'utf8')).toEqual(Buffer.from(stringify([['a'], ...rows]), 'utf8'));
  });

  it('plain rows of 3-byte characters, written as bytes, across many flushes', () => {
    const rows: unknown[][] = [];
    for (let i = 0; i < 300; i++) rows.push(['€'.repeat(1000 + i), i / 3, '\ud800'.repeat(33 + (i % 7)), 'x']);
    expect(Buffer.from(written(['a', 'b', 'c', 'd'], rows), 'utf8')).toEqual(Buffer.from(stringify([['a', 'b', 'c', 'd'], ...rows.map((r) => r.map((v) => (typeof v === 'number' ? formatNumber(v) : v)))]), 'utf8'));
  });

  it('plain rows longer than the buffer, and rows of the longest numbers, across flushes', () => {
    const rows: unknown[][] = [['x'.repeat(70_000), 1.5], ['before']];
    for (let i = 0; i < 400; i++) rows.push(Array.from({ length: 18 }, (_, j) => (j % 2 ? -Number.MAX_VALUE : -1.7976931348623157e303 * (i + 1))));
    rows.push(['€'.repeat(30_000)]);
    const expected = stringify([['a'], ...rows.map((r) => r.map((v) => (typeof v === 'number' ? formatNumber(v) : v)))]);
    expect(Buffer.from(written(['a'], rows), 'utf8')).toEqual(Buffer.from(expected, 'utf8'));
  });

  it('writes a record longer than its buffer whole, in order', () => {
    const long = 'é'.repeat(40_000) + ',"' + 'x'.repeat(40_000);
    const rows = [['before'], [long], ['after']];
    expect(written(['a'], rows)).toBe(stringify([['a'], ...rows]));
  });
});

describe('a NaN or an Infinity in a CSV row', () => {
  it('is refused naming the file, the row and the column, the row not written; null and undefined are empty cells', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ecsim-csv-'));
    try {
      const file = new CsvFile(join(dir, 'x.csv'), ['a', 'b', 'c']);
      file.write([1, null, undefined]);
      // a plain row (written as bytes) and one csv-stringify would quote: both checked whole
      expect(() => file.write([2, 'web', NaN])).toThrow('x.csv: row 2, column c is NaN, not a finite number (a CSV would write it as an empty cell, which means "no value")');
      expect(() => file.write(['a, b', -Infinity, 3])).toThrow('x.csv: row 3, column b is -Infinity, not a finite number');
      expect(() => file.write([Infinity])).toThrow('x.csv: row 4, column a is Infinity');
      file.write([5, '', null]);
      file.close();
      expect(readFileSync(join(dir, 'x.csv'), 'utf8')).toBe('a,b,c\n1,,\n5,,\n');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('csvRecord refuses it too', () => {
    expect(() => csvRecord([1, NaN])).toThrow('a CSV number is NaN, not a finite number');
    expect(() => csvRecord(['a,b', Infinity])).toThrow('a CSV number is Infinity, not a finite number');
  });

  it('stops a run\'s writer before anything is in place: the temporary folder is removed (no half-written results)', () => {
    const parent = mkdtempSync(join(tmpdir(), 'ecsim-csv-'));
    try {
      const out = join(parent, 'results');
      const writer = new ResultsWriter(out, 0);
      const row = {
        time: 60_000, capacityProvider: 'ec2', instancesPending: 0, instancesRunning: 1, instancesDraining: 0,
        tasksProvisioning: 0, tasksRunning: 2, cpuRegistered: 2048, cpuReserved: 512, memoryRegistered: 7700,
        memoryReserved: 1024, capacityProviderReservation: null, desiredCapacity: 1, costToDate: 0.0016,
      };
      writer.capacity(row);
      // what runToFolder does with any error thrown while the run writes (run-to-folder.ts)
      expect(() => writer.capacity({ ...row, time: 120_000, costToDate: NaN })).toThrow('capacity.csv: row 2, column cost_to_date is NaN');
      writer.abort();
      expect(existsSync(out)).toBe(false);
      expect(readdirSync(parent)).toEqual([]);
    } finally {
      rmSync(parent, { recursive: true, force: true });
    }
  });
});

describe("capacity.csv's cost_to_date: 6 decimals, as summary.json's costs", () => {
  it('rounds to the millionth of a dollar, no trailing zeros, no exponent', () => {
    expect([0.16189949, 0.1619, 0.0016, 12.3456789, 0.00000051, 0.00000049, -0, 0, 3].map(formatCost)).toEqual([
      '0.161899', '0.1619', '0.0016', '12.345679', '0.000001', '0', '0', '0', '3',
    ]);
    expect(() => formatCost(NaN)).toThrow('a CSV number is NaN, not a finite number');
  });

  it("reads back as summary.json's figure for the same cost (round(x, 6)) (property)", () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 1e6, noNaN: true }), (x) => {
        const text = formatCost(x);
        expect(text).toMatch(/^\d+(\.\d{0,5}[1-9])?$/);
        expect(Number(text)).toBe(round(x, 6));
      }),
      { numRuns: 20_000 },
    );
  });

  it('is how a run writes the column; the other numbers keep 4 decimals', () => {
    const parent = mkdtempSync(join(tmpdir(), 'ecsim-csv-'));
    try {
      const out = join(parent, 'results');
      const writer = new ResultsWriter(out, 0);
      writer.capacity({
        time: 60_000, capacityProvider: 'ec2', instancesPending: 0, instancesRunning: 1, instancesDraining: 0,
        tasksProvisioning: 0, tasksRunning: 2, cpuRegistered: 2048, cpuReserved: 512, memoryRegistered: 7700,
        memoryReserved: 1024, capacityProviderReservation: 33.333333, desiredCapacity: 1, costToDate: 0.16189949,
      });
      writer.commit();
      expect(readFileSync(join(out, 'capacity.csv'), 'utf8').split('\n')[1]).toBe('60,1970-01-01T00:01:00.000Z,ec2,0,1,0,0,2,2048,512,7700,1024,33.3333,0.161899,1');
    } finally {
      rmSync(parent, { recursive: true, force: true });
    }
  });
});

describe('formatFigure (comparison and sweep tables)', () => {
  it('is what docs/outputs.md says: its examples of the comparison tables print as written, with an exponent below 1e-6', () => {
    const doc = readFileSync('docs/outputs.md', 'utf8');
    const para = doc.slice(doc.indexOf('**CSV conventions.**'), doc.indexOf('**Compare and sweep folders.**'));
    const examples = [...para.slice(para.indexOf('The comparison and')).matchAll(/`(-?[\d.]+(?:e-?\d+)?)`/g)].map((m) => m[1]);
    expect(examples).toEqual(['0.0004936', '0.000123457', '3.33333e-7']);
    for (const x of examples) expect(formatFigure(Number(x))).toBe(x);
    expect(formatFigure(1 / 3e6)).toBe('3.33333e-7');
    expect(formatNumber(1 / 3e6)).toBe('0');
    expect(para).not.toMatch(/6 in the comparison and sweep tables[^.]*no exponent/);
  });

  it('keeps 6 decimals, so a short run\'s cost keeps its digits; no trailing zeros, no -0', () => {
    expect(formatFigure(0.0858763)).toBe('0.085876');
    expect(formatFigure(0.09775)).toBe('0.09775');
    expect(formatFigure(12.5)).toBe('12.5');
    expect(formatFigure(1234567.0000004)).toBe('1234567');
    expect(formatFigure(0.0012345674)).toBe('0.001235');
    expect(formatFigure(-0)).toBe('0');
    expect(formatFigure(NaN)).toBe('');
  });

  it('below 0.001 keeps 6 significant digits, so a small non-zero figure is never written as 0', () => {
    expect(formatFigure(-0.0000004)).toBe('-4e-7');
    expect(formatFigure(0.0000005)).toBe('5e-7');
    expect(formatFigure(0.0000012345)).toBe('0.0000012345');
    expect(formatFigure(0.00012345678)).toBe('0.000123457');
    expect(formatFigure(0.0009999999)).toBe('0.001');
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }).filter((x) => x !== 0 && Math.abs(x) < 1e15), (x) => {
        const text = formatFigure(x);
        expect(text).not.toBe('0');
        expect(Number(text)).not.toBe(0);
        expect(Math.sign(Number(text))).toBe(Math.sign(x));
      }),
    );
  });

  it('from 0.001 up writes what it always wrote: rounded to 6 decimals', () => {
    const sixDecimals = (x: number) => String(Math.round(x * 1e6) / 1e6);
    fc.assert(
      fc.property(fc.double({ min: 1e-3, max: 1e12, noNaN: true }), fc.boolean(), (x, negative) => {
        const y = negative ? -x : x;
        expect(formatFigure(y)).toBe(sixDecimals(y));
      }),
    );
  });
});

describe("events.csv's timestamp: the run's start plus the event's time, as ISO 8601 in UTC", () => {
  function timestamps(startEpochMs: number, times: number[]): string[] {
    const parent = mkdtempSync(join(tmpdir(), 'ecsim-csv-'));
    try {
      const out = join(parent, 'results');
      const writer = new ResultsWriter(out, startEpochMs);
      for (const time of times) writer.event({ time, type: 'task-running', subject: 'web-1', message: 'web-1 RUNNING' });
      writer.commit();
      return readFileSync(join(out, 'events.csv'), 'utf8').trim().split('\n').slice(1).map((line) => line.split(',')[1]!);
    } finally {
      rmSync(parent, { recursive: true, force: true });
    }
  }

  it('writes every field of the time of day, across days, months and a leap day', () => {
    // 2026-03-02 is day 20 514 since 1970-01-01: 20 514 x 86 400 000 ms
    expect(timestamps(20_514 * 86_400_000, [0, 5, 25_163, 25_163, 3_723_045, 86_399_999, 86_400_000, 86_400_000 + 36_000_010])).toEqual([
      '2026-03-02T00:00:00.000Z', '2026-03-02T00:00:00.005Z', '2026-03-02T00:00:25.163Z', '2026-03-02T00:00:25.163Z',
      '2026-03-02T01:02:03.045Z', '2026-03-02T23:59:59.999Z', '2026-03-03T00:00:00.000Z', '2026-03-03T10:00:00.010Z',
    ]);
    // 2028-02-28 23:00 UTC (day 21 242: 365 + 366 - 3 days after 2026-03-02) and 2 hours on: the leap day; then 1969-12-31 23:59 (before the epoch)
    expect(timestamps(21_242 * 86_400_000 + 82_800_000, [0, 7_200_000 - 1, 7_200_000])).toEqual(['2028-02-28T23:00:00.000Z', '2028-02-29T00:59:59.999Z', '2028-02-29T01:00:00.000Z']);
    expect(timestamps(-60_000, [0, 59_999, 60_000, 60_001])).toEqual(['1969-12-31T23:59:00.000Z', '1969-12-31T23:59:59.999Z', '1970-01-01T00:00:00.000Z', '1970-01-01T00:00:00.001Z']);
  });

  it('is what Date.prototype.toISOString writes for the same instant (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: -8.64e15, max: 8.64e15 - 1e11 }), fc.array(fc.integer({ min: 0, max: 1e11 }), { maxLength: 30 }), (start, offsets) => {
        const times = [...offsets].sort((a, b) => a - b);
        expect(timestamps(start, times)).toEqual(times.map((t) => new Date(start + t).toISOString()));
      }),
      { numRuns: 200 },
    );
  });
});
