import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { inShard, parseShard, shardFileName, shardFromEnvironment, shardOfFileName } from '../../src/experiment/shard.js';
import { sweepPlan } from '../../src/experiment/sweep-plan.js';
import { readCsvRows as parseCsv } from '../../src/output/csv-read.js';
import { stringify } from 'csv-stringify/sync';

describe('shards', () => {
  it('parses "i/n" (1-based) and rejects the rest', () => {
    expect(parseShard('2/8')).toEqual({ index: 2, count: 8 });
    expect(() => parseShard('0/8')).toThrow(/index from 1 to 8, found 0/);
    expect(() => parseShard('9/8')).toThrow(/index from 1 to 8, found 9/);
    expect(() => parseShard('2-8')).toThrow(/expected a shard "i\/n"/);
  });

  it('reads the 0-based index of a Kubernetes Indexed Job or an AWS Batch array job', () => {
    expect(shardFromEnvironment({ JOB_COMPLETION_INDEX: '0' }, 4)).toEqual({ index: 1, count: 4 });
    expect(shardFromEnvironment({ AWS_BATCH_JOB_ARRAY_INDEX: '3' }, 4)).toEqual({ index: 4, count: 4 });
    expect(shardFromEnvironment({}, 4)).toBeUndefined();
    expect(() => shardFromEnvironment({ AWS_BATCH_JOB_ARRAY_INDEX: '4' }, 4)).toThrow('AWS_BATCH_JOB_ARRAY_INDEX: expected a 0-based index from 0 to 3 (--shards 4), found 4');
    expect(() => shardFromEnvironment({ JOB_COMPLETION_INDEX: 'x' }, 4)).toThrow(/JOB_COMPLETION_INDEX: expected a whole number/);
  });

  it('every point falls in exactly one shard (index % n == i - 1)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_000 }), fc.integer({ min: 1, max: 50 }), (point, n) => {
        const owners = Array.from({ length: n }, (_, i) => inShard(point, { index: i + 1, count: n }));
        expect(owners.filter(Boolean).length).toBe(1);
        expect(owners.indexOf(true)).toBe(point % n);
      }),
    );
  });

  it('names shard files and reads the names back', () => {
    expect(shardFileName({ index: 3, count: 10 })).toBe('sweep.shard-3-of-10.csv');
    expect(shardOfFileName('sweep.shard-3-of-10.csv')).toEqual({ index: 3, count: 10 });
    expect(shardOfFileName('sweep.csv')).toBeUndefined();
  });
});

describe('sweepPlan', () => {
  it('numbers the Cartesian product with the first path slowest, the last fastest', () => {
    const plan = sweepPlan({ a: [1, 2], b: ['x', 'y', 'z'] });
    expect(plan.paths).toEqual(['a', 'b']);
    expect(plan.points).toEqual([[1, 'x'], [1, 'y'], [1, 'z'], [2, 'x'], [2, 'y'], [2, 'z']]);
  });
});

describe('parseCsv', () => {
  it('reads back what csv-stringify writes (quotes, commas, line breaks)', () => {
    const cell = fc.string({ unit: fc.constantFrom('a', 'b', ',', '"', '\n', ' ', '{', '1') });
    fc.assert(
      fc.property(fc.array(fc.array(cell, { minLength: 2, maxLength: 5 }), { minLength: 1, maxLength: 5 }), (rows) => {
        const width = rows[0].length;
        const table = rows.map((r) => Array.from({ length: width }, (_, i) => r[i] ?? ''));
        expect(parseCsv(stringify(table))).toEqual(table);
      }),
    );
  });
});
