// A sweep point's figure over fewer replications than were run (a run without a value:
// no p95 latency without a request served): counted in sweep.csv and the shard files, and
// marked in comparison.md as compare's is.
import { describe, it, expect } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { mergeShardFiles, sweepCsv, sweepMarkdown, type SweepTable } from '../../src/experiment/index.js';
import { parseShardCsv, shardCsv } from '../../src/experiment/sweep-files.js';

// METRICS order: cost, sloViolationMinutes, latencyP95Ms, cpuMean, taskHours, scalingActivities, droppedRequests, latencyP99Ms, spotInterruptions
const table: SweepTable = {
  scenario: 'web',
  seed: 1,
  plan: 'abc',
  paths: ['services.web.desiredCount'],
  pointCount: 2,
  replications: 8,
  rows: [
    { point: 0, params: ['1'], means: [1, 0, 1318.2, 57, 1, 0, 0, 1500.5, 2], ci95: [0, 0, 3.49, 16, 0, 0, 0, 4.2, 1.5], counts: [8, 8, 7, 7, 8, 8, 8, 7, 8] },
    { point: 1, params: ['2'], means: [2, 0, NaN, 81, 2, 0, 0, NaN, 0], ci95: [0, 0, NaN, 4.9, 0, 0, 0, NaN, 0], counts: [8, 8, 0, 8, 8, 8, 8, 0, 8] },
  ],
};

describe('sweep figures over fewer replications than were run', () => {
  it('comparison.md marks them `(7 of 8)` and explains under the table', () => {
    const md = sweepMarkdown(table);
    expect(md).toContain('| 1 | 1 ± 0 | 0 ± 0 | 1318.2 ± 3.5 (7 of 8) | 57 ± 16 (7 of 8) | 1 ± 0 | 0 ± 0 | 0 ± 0 | 1500.5 ± 4.2 (7 of 8) | 2.0 ± 1.5 | yes |');
    expect(md).toContain('| 2 | 2 ± 0 | 0 ± 0 | – | 81.0 ± 4.9 | 2 ± 0 | 0 ± 0 | 0 ± 0 | – | 0 ± 0 |  |');
    expect(md).toContain('(k of 8): only k of the 8 replications have a value for that figure; the others are left out of its mean and interval, and – means none has.');
  });

  it('sweep.csv writes `<metric>_n` after pareto, and the shard files carry them through a merge', () => {
    const csv = sweepCsv(table).trim().split('\n');
    expect(csv[0].endsWith(',pareto,cost_n,sloViolationMinutes_n,latencyP95Ms_n,cpuMean_n,taskHours_n,scalingActivities_n,droppedRequests_n,latencyP99Ms_n,spotInterruptions_n')).toBe(true);
    expect(csv[1].split(',').slice(-9)).toEqual(['8', '8', '7', '7', '8', '8', '8', '7', '8']);
    const back = parseShardCsv(shardCsv(table), 'shard.csv');
    expect(back.rows.map((r) => r.counts)).toEqual(table.rows.map((r) => r.counts));
    expect(sweepCsv(back)).toBe(sweepCsv(table));
  });

  it('a shard file written before the counts still reads: its `_n` cells are empty and nothing is marked', () => {
    // a table without each replication's figures (merged from older shard files) is written without `<metric>_values`
    expect(shardCsv(table).split('\n')[0].endsWith(',spotInterruptions_n')).toBe(true);
    const lines = shardCsv(table).trim().split('\n').map((l) => l.split(',').slice(0, -9).join(','));
    const old = parseShardCsv(`${lines.join('\n')}\n`, 'old.csv');
    expect(old.paths).toEqual(['services.web.desiredCount']);
    expect(old.rows[0].counts).toBeUndefined();
    expect(old.rows[0].means).toEqual(table.rows[0].means);
    expect(sweepCsv(old).trim().split('\n')[1].endsWith(',true,,,,,,,,,')).toBe(true);
    expect(sweepMarkdown(old)).not.toContain('of 8)');
  });

  it('a shard file of seven metrics (before latencyP99Ms and spotInterruptions) is refused, saying to run that shard again', () => {
    const [header, ...rows] = shardCsv(table).trim().split('\n').map((l) => l.split(','));
    // drop the two later metrics' mean/ci95 pairs and their _n and _values columns
    const drop = new Set(header.flatMap((h, i) => (/^(latencyP99Ms|spotInterruptions)_/.test(h) ? [i] : [])));
    const old = [header, ...rows].map((r) => r.filter((_, i) => !drop.has(i)).join(',')).join('\n');
    expect(() => parseShardCsv(`${old}\n`, 'old.csv')).toThrow(/^old\.csv: a sweep shard file written by an earlier ecsim \(without the latencyP99Ms and spotInterruptions columns of 2026-11-27\): run that shard again with this ecsim$/);
    // merge names every such file in its one error (not the first, then the next on the next try); one alone keeps the error above
    const dir = mkdtempSync(join(tmpdir(), 'ecsim-old-shards-'));
    try {
      const file = (name: string, text: string) => (writeFileSync(join(dir, name), text), join(dir, name));
      const a = file('old-a.csv', `${old}\n`);
      const fresh = file('new.csv', shardCsv(table));
      const b = file('old-b.csv', `${old}\n`);
      expect(() => mergeShardFiles([a, fresh, b])).toThrow(
        `merge: 2 sweep shard files written by an earlier ecsim (without the latencyP99Ms and spotInterruptions columns of 2026-11-27): ${a}, ${b}: run those shards again with this ecsim`,
      );
      expect(() => mergeShardFiles([fresh, b])).toThrow(`${b}: a sweep shard file written by an earlier ecsim (without the latencyP99Ms and spotInterruptions columns of 2026-11-27): run that shard again with this ecsim`);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('writes no note when every figure has every replication', () => {
    const full: SweepTable = { ...table, rows: [{ ...table.rows[0], counts: [8, 8, 8, 8, 8, 8, 8, 8, 8] }] };
    expect(sweepMarkdown(full)).not.toContain('(k of');
  });
});
