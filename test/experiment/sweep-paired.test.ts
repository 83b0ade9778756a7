// The paired differences of a sweep (every point minus the first, replication by
// replication: replications.csv, paired.csv and comparison.md's paired table), checked
// against differences worked out by hand from each replication's figures, through shards
// and merge, and absent with one replication.

import { describe, it, expect } from 'vitest';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { METRICS, mergeShardFiles, readExperimentFile, shardFiles, sweepMarkdown, sweepPairedCsv, sweepReplicationsCsv, sweepToFolder, type SweepTable } from '../../src/experiment/index.js';
import { parseShardCsv, shardCsv } from '../../src/experiment/sweep-files.js';
import { buildComparisonHtml } from '../../src/output/report/build-comparison-html.js';
import { tempDir, writeScenario } from './helpers/scenario.js';
import { experimentCli } from './helpers/cli.js';

/** t(0.975, 2): the two-sided 95 % Student-t quantile with 2 degrees of freedom (tables: 4.303). */
const T_975_2 = 4.302652729911275;

type Row = Record<string, string>;
const readCsv = (path: string): Row[] => parse(readFileSync(path, 'utf8'), { columns: true });

/** Mean and 95 % half-width of three values, by the formulas: mean, sd with n - 1, t(0.975, 2) x sd / sqrt(3). */
function byHand(d: number[]): { mean: number; ci95: number } {
  const mean = (d[0] + d[1] + d[2]) / 3;
  const sd = Math.sqrt(((d[0] - mean) ** 2 + (d[1] - mean) ** 2 + (d[2] - mean) ** 2) / 2);
  return { mean, ci95: (T_975_2 * sd) / Math.sqrt(3) };
}

describe('sweep paired differences against the first point', () => {
  const dir = tempDir();

  it('a table by hand: diffs, means, t intervals, the * mark, the same-every-time rule, a missing value', () => {
    // [replication][metric], METRICS order: cost, slo, p95, cpu, taskHours, scaling, dropped, p99, Spot interruptions
    const base = [
      [1, 2, 100, 40, 10, 3, 0, 150, 0],
      [2, 4, 110, 50, 11, 3, 0, 150, 0],
      [3, 6, 120, 60, 12, 3, 0, 150, 0],
    ];
    const other = [
      [1.5, 2, 90, 41, 11, 5, 0, 150, 0],
      [2.7, 9, 130, 49, 12, 3, 0, 150, 0],
      [3.4, 1, NaN, 62, 13, 4, 0, 150, 0],
    ];
    const row = (point: number, param: string, values: number[][]) => ({ point, params: [param], means: METRICS.map(() => 0), ci95: METRICS.map(() => 0), values });
    const table: SweepTable = {
      scenario: 'web',
      seed: 5,
      plan: undefined,
      paths: ['services.web.autoScaling.policies.cpu.targetValue'],
      pointCount: 2,
      replications: 3,
      rows: [row(1, '60', other), row(0, '40', base)],
    };
    const paired = parse(sweepPairedCsv(table)!, { columns: true }) as Row[];
    expect(paired).toHaveLength(1);
    expect(paired[0].point).toBe('targetValue=60');
    expect(paired[0].baseline).toBe('targetValue=40');
    // cost: 0.5, 0.7, 0.4 -> mean 0.533333, sd 0.152753, half-width 4.302653 x 0.152753 / 1.732051 = 0.379458
    expect(Number(paired[0].cost_diff_mean)).toBeCloseTo(0.533333, 6);
    expect(Number(paired[0].cost_diff_ci95)).toBeCloseTo(0.379458, 6);
    expect(paired[0].cost_diff_n).toBe('3');
    // p95 latency: the third replication has none: -10, 20 over 2 pairs, t(0.975, 1) = 12.7062
    expect(Number(paired[0].latencyP95Ms_diff_mean)).toBe(5);
    expect(Number(paired[0].latencyP95Ms_diff_ci95)).toBeCloseTo((12.706204736174707 * Math.sqrt(450)) / Math.sqrt(2), 5);
    expect(paired[0].latencyP95Ms_diff_n).toBe('2');
    // task-hours: +1 in every replication: interval 0
    expect(paired[0].taskHours_diff_mean).toBe('1');
    expect(paired[0].taskHours_diff_ci95).toBe('0');

    const md = sweepMarkdown(table);
    expect(md).toContain('## Paired differences against targetValue=40\n\nEach point minus targetValue=40 (the first value of every swept path), replication by replication (same seed), then averaged.\n');
    // cost significant (0.5333 > 0.3795); SLO not (diffs 0, 5, -5: sd 5, 4.302653 x 5 / 1.732051 = 12.42); task-hours the same every time: not marked.
    // Each half-width to 2 significant digits and its mean to the same place: 0.3795 -> 0.38 (+0.5333 -> +0.53),
    // 12.42 -> 12, 190.6 -> 190 (+5 to the tens: +10), 3.795 -> 3.8 (+0.6667 -> +0.7), 2.484 -> 2.5 (+1 -> +1.0)
    expect(md).toContain('| 60 | +0.53 ± 0.38 * | 0 ± 12 | +10 ± 190 (2 of 3) | +0.7 ± 3.8 | +1 ± 0 | +1.0 ± 2.5 | 0 ± 0 | 0 ± 0 | 0 ± 0 |');
    // the sentence rounds as the table: to the place of 0.38 (hundredths): 0.5333 - 0.3795 = 0.1539 -> +0.15, 0.5333 + 0.3795 = 0.9128 -> +0.91
    expect(md).toContain(
      '- **targetValue=60** differs significantly from targetValue=40 in cost +0.53 USD (95 % CI +0.15 to +0.91); ' +
        'it differs in task-hours +1, the same difference in every replication (n = 3); the other 7 figures show no significant difference.',
    );
    expect(md).toContain('(of a paired difference: the replications where both points have one)');

    const reps = parse(sweepReplicationsCsv(table)!, { columns: true }) as Row[];
    expect(reps.map((r) => [r.point, r.replication, r.seed, r.cost, r.latencyP95Ms])).toEqual([
      ['targetValue=40', '0', '5', '1', '100'],
      ['targetValue=40', '1', '6', '2', '110'],
      ['targetValue=40', '2', '7', '3', '120'],
      ['targetValue=60', '0', '5', '1.5', '90'],
      ['targetValue=60', '1', '6', '2.7', '130'],
      ['targetValue=60', '2', '7', '3.4', ''],
    ]);

    // the shard file carries each replication's figures at full precision, a missing one as an empty item
    const back = parseShardCsv(shardCsv(table), 'shard.csv');
    expect(back.rows.find((r) => r.point === 1)!.values).toEqual(other);
    expect(sweepPairedCsv(back)).toBe(sweepPairedCsv(table));

    // one point: nothing to pair it with: paired.csv has only its header (as compare's of one variant), comparison.md no paired section nor note
    const alone: SweepTable = { ...table, pointCount: 1, rows: [row(0, '40', base)] };
    expect(sweepPairedCsv(alone)!.trim().split('\n')).toHaveLength(1);
    expect(sweepReplicationsCsv(alone)!.trim().split('\n')).toHaveLength(4);
    expect(sweepMarkdown(alone)).not.toMatch(/Paired differences|not paired/);
  });

  it('a sweep of 2 points x 3 replications: paired.csv is replications.csv differenced by hand; merge of its shards writes the same bytes', async () => {
    const file = writeScenario(dir, { sweep: { 'services.web.autoScaling.policies.cpu.targetValue': [40, 70] }, replications: 3, seed: 11 });
    const exp = readExperimentFile(file);
    const whole = join(dir, 'whole');
    const done = await sweepToFolder(exp, { outDir: whole, jobs: 1 });
    expect(done.pairedFiles).toEqual([join(whole, 'replications.csv'), join(whole, 'paired.csv'), join(whole, 'providers.csv')]);
    const reps = readCsv(join(whole, 'replications.csv'));
    expect(reps.map((r) => `${r.point} ${r.replication} ${r.seed}`)).toEqual([
      'targetValue=40 0 11', 'targetValue=40 1 12', 'targetValue=40 2 13',
      'targetValue=70 0 11', 'targetValue=70 1 12', 'targetValue=70 2 13',
    ]);
    const paired = readCsv(join(whole, 'paired.csv'));
    expect(paired).toHaveLength(1);
    expect([paired[0].point, paired[0].baseline]).toEqual(['targetValue=70', 'targetValue=40']);
    for (const m of ['cost', 'latencyP95Ms', 'cpuMean', 'taskHours', 'droppedRequests']) {
      const d = [0, 1, 2].map((k) => Number(reps[3 + k][m]) - Number(reps[k][m]));
      const { mean, ci95 } = byHand(d);
      // replications.csv is rounded to 6 decimals, paired.csv from full precision
      expect(Math.abs(Number(paired[0][`${m}_diff_mean`]) - mean), m).toBeLessThan(2e-6 * Math.max(1, Math.abs(mean)));
      expect(Math.abs(Number(paired[0][`${m}_diff_ci95`]) - ci95), m).toBeLessThan(1e-5 * Math.max(1, ci95));
      expect(paired[0][`${m}_diff_n`]).toBe('3');
    }
    // the noisy load is drawn alike: the paired interval of the dropped requests is narrower than the points' own
    const sweepCsv = readCsv(join(whole, 'sweep.csv'));
    expect(Number(paired[0].droppedRequests_diff_ci95)).toBeGreaterThan(0);
    expect(Number(paired[0].droppedRequests_diff_ci95)).toBeLessThan(Math.min(...sweepCsv.map((r) => Number(r.droppedRequests_ci95))));

    const shards = join(dir, 'shards');
    for (const index of [1, 2]) await sweepToFolder(exp, { outDir: shards, jobs: 1, shard: { index, count: 2 } });
    expect(existsSync(join(shards, 'paired.csv'))).toBe(false); // a shard writes only its shard file
    const merged = mergeShardFiles(shardFiles([shards]));
    expect(sweepPairedCsv(merged)).toBe(readFileSync(join(whole, 'paired.csv'), 'utf8'));
    expect(sweepReplicationsCsv(merged)).toBe(readFileSync(join(whole, 'replications.csv'), 'utf8'));
    expect(sweepMarkdown(merged)).toBe(readFileSync(join(whole, 'comparison.md'), 'utf8'));
    // the comparison page shows the paired table, as for a compare folder, by point label
    const html = buildComparisonHtml(whole);
    expect(html).toContain('<h3>Paired differences against the first point</h3>');
    // a point by its values under the paths' short names, as in the means table (the full label twice a row squeezed the figures)
    expect(html).toMatch(/<h3>Paired differences against the first point<\/h3>[^]*?<thead><tr><th title="[^"]*\.targetValue">targetValue<\/th><th class="num">Δ /);
    expect(html).toMatch(/<tr><td>70<\/td><td class="num">/);
    expect(html).not.toContain('minus baseline');
    expect(html).toContain('The paired differences below take each point minus the first point');
    expect(html).toContain('Differences marked * are significant');

    // the CLI's merge writes the four files, byte for byte the unsharded sweep's
    expect(await experimentCli(['merge', shards, '--quiet'])).toBe(0);
    for (const name of ['sweep.csv', 'comparison.md', 'replications.csv', 'paired.csv']) {
      expect(readFileSync(join(shards, name), 'utf8'), name).toBe(readFileSync(join(whole, name), 'utf8'));
    }
  });

  it('one replication: no replications.csv nor paired.csv (an earlier sweep\'s are removed), from the sweep and from merge', async () => {
    const file = writeScenario(dir, { sweep: { 'services.web.autoScaling.policies.cpu.targetValue': [40, 70] }, replications: 2 }, 'one.yaml');
    const out = join(dir, 'one');
    await sweepToFolder(readExperimentFile(file, { durationMs: 120_000 }), { outDir: out, jobs: 1, runs: false });
    expect(existsSync(join(out, 'paired.csv'))).toBe(true);
    const single = readExperimentFile(file, { durationMs: 120_000, replications: 1 });
    const done = await sweepToFolder(single, { outDir: out, jobs: 1, runs: false });
    expect(done.pairedFiles).toEqual([join(out, 'providers.csv')]); // per capacity provider: with one replication too
    expect(existsSync(join(out, 'paired.csv'))).toBe(false);
    expect(existsSync(join(out, 'replications.csv'))).toBe(false);
    const md = readFileSync(join(out, 'comparison.md'), 'utf8');
    expect(md).not.toContain('Paired differences');
    expect(md).not.toContain('not paired');

    const shards = join(dir, 'one-shards');
    for (const index of [1, 2]) await sweepToFolder(single, { outDir: shards, jobs: 1, shard: { index, count: 2 }, runs: false });
    writeFileSync(join(shards, 'paired.csv'), readFileSync(join(dir, 'whole', 'paired.csv'))); // an earlier sweep's
    expect(await experimentCli(['merge', shards, '--quiet'])).toBe(0);
    expect(existsSync(join(shards, 'paired.csv'))).toBe(false);
    expect(existsSync(join(shards, 'replications.csv'))).toBe(false);
    expect(readFileSync(join(shards, 'comparison.md'), 'utf8')).toBe(md);
  });

  it('a paired.csv or replications.csv that is not an earlier sweep\'s is refused before any run, by the sweep and by merge', async () => {
    const file = writeScenario(dir, { sweep: { 'services.web.autoScaling.policies.cpu.targetValue': [40, 70] }, replications: 2 }, 'foreign.yaml');
    const out = join(dir, 'foreign');
    const exp = readExperimentFile(file, { durationMs: 120_000 });
    await sweepToFolder(exp, { outDir: out, jobs: 1, shard: { index: 1, count: 1 }, runs: false });
    writeFileSync(join(out, 'paired.csv'), 'a,b\n1,2\n');
    await expect(sweepToFolder(exp, { outDir: out, jobs: 1, runs: false })).rejects.toThrow(/expected a new paired\.csv or an earlier sweep's there, found another file at .*paired\.csv/);
    expect(existsSync(join(out, 'sweep.csv'))).toBe(false);
    expect(await experimentCli(['merge', out, '--quiet'])).toBe(2);
    expect(existsSync(join(out, 'sweep.csv'))).toBe(false);
    expect(readFileSync(join(out, 'paired.csv'), 'utf8')).toBe('a,b\n1,2\n');
  });
});
