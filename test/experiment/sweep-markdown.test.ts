// comparison.md of a sweep: written beside sweep.csv by an unsharded sweep and by merge
// (the same bytes), never by a shard.

import { describe, it, expect, vi } from 'vitest';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { comparisonMarkdown, mergeShardFiles, METRICS, NONE_RECORDED_NOTE, summarizeComparison, sweepMarkdown, type SweepTable } from '../../src/experiment/index.js';
import { tempDir, writeScenario } from './helpers/scenario.js';
import { experimentCli } from './helpers/cli.js';

const sweep = {
  'services.web.autoScaling.policies.cpu.targetValue': [40, 70],
  'services.web.autoScaling.policies.cpu.scaleOutCooldown': ['60s', '300s'],
};
const FLAGS = ['--jobs', '1', '--quiet', '--duration', '10m', '--replications', '2', '--seed', '7'];
// every point pays the start-up unless the scenario sets warmStart (docs/assumptions.md "Start of the run"):
// the table does not say whether the base sets it (a merge of shard files writes the same note)
const COLD_START_NOTE =
  'Unless the scenario sets `warmStart: true`, every run starts cold: no task is RUNNING at time 0 while the load is on, so every point pays the start-up in dropped requests and SLO violation minutes. ' +
  'The paired differences cancel it where the points start alike; the absolute figures include it (docs/assumptions.md, "Start of the run").';
const PARETO_NOTE =
  'Pareto: no other point is at least as good on both mean cost and mean SLO violation minutes and better on one (points that tie are all on the front). ' +
  "It is decided on the unrounded means (sweep.csv's cost_mean and sloViolationMinutes_mean): rounded as in the table, a point on the front can look beaten by one off it.";

/** Four significant digits (comparison.md) against four decimals (sweep.csv). */
function close(shown: number, csv: number): boolean {
  return Math.abs(shown - csv) <= 1e-3 * Math.abs(csv) + 1e-4;
}

/**
 * A shown `mean ± half-width` against the CSV's: the half-width to 2 significant digits and
 * the mean to the same place, so each within half a unit of that place; a half-width of 0
 * with the mean to 4 significant digits.
 */
function closeFigure(mean: number, ci95: number, csvMean: number, csvCi95: number): boolean {
  if (ci95 === 0) return csvCi95 === 0 && close(mean, csvMean);
  const half = 10 ** (Math.floor(Math.log10(ci95)) - 1) / 2 + 1e-12;
  return Math.abs(mean - csvMean) <= half && Math.abs(ci95 - csvCi95) <= half;
}

/** The rows of the first table of comparison.md, the means (after the header and alignment rows); `which` 1: the paired differences'. */
function tableRows(md: string, which = 0): string[] {
  const tables = md.split(/\n\n+/).filter((block) => block.startsWith('| '));
  return (tables[which] ?? '').split('\n').slice(2);
}

describe('sweep comparison.md', () => {
  const dir = tempDir();
  const file = writeScenario(dir, { sweep, replications: 3 });
  const whole = join(dir, 'whole');
  const shards = join(dir, 'shards');

  it('an unsharded sweep writes comparison.md beside sweep.csv: one row per point, the figures of sweep.csv, the Pareto note', async () => {
    expect(await experimentCli(['sweep', file, ...FLAGS, '--out', whole])).toBe(0);
    const md = readFileSync(join(whole, 'comparison.md'), 'utf8');
    const lines = md.split('\n');
    expect(lines[0]).toBe('# Sweep: quickstart');
    expect(lines[2]).toMatch(/^4 points x 2 replications \(seeds 7\.\.8\)\. All points of one replication use the same seed, .*\(common random numbers\), unless a point changes the load itself\./);
    expect(lines[4]).toBe(
      '| targetValue | scaleOutCooldown | cost (USD) | SLO violation (min) | p95 latency (ms) | mean CPU (%) | task-hours | scaling activities | dropped requests | p99 latency (ms) | Spot-interrupted tasks | Pareto |',
    );
    expect(lines[5]).toBe('|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|:---:|');
    const rows = tableRows(md);
    expect(rows.map((r) => r.split(' | ').slice(0, 2).join(' '))).toEqual(['| 40 60s', '| 40 300s', '| 70 60s', '| 70 300s']);
    expect(md).toContain(`\n\n${PARETO_NOTE}\n\n${COLD_START_NOTE}\n`);
    // under the table: how the services are combined (the p95 of a run's requests, not per period; sums; cost total)
    expect(md).toContain(
      "\n\nHow a run's services are combined: p95 (p99) latency is the p95 (p99) over all the requests a service served in the run, of the run's worst service, then averaged over the replications; " +
        'SLO violation minutes, task-hours, scaling activities (out + in), dropped requests and Spot-interrupted tasks (tasks that got a Spot interruption notice) are sums over the services; mean CPU is the unweighted mean over the services with a CPU datapoint; cost is the total over the capacity providers.\n\n',
    );
    expect(md).not.toContain('rejected');
    // 2 replications: the intervals are per point, and the paired differences against the first point follow
    expect(md).toContain(
      "\n\nEach point's ± is its own interval, not paired: the points share their random numbers, so where the seed moves them alike, " +
        'the interval of the difference between two points is narrower than their ± suggest, and overlapping intervals do not mean there is no difference. ' +
        'The paired differences below take each point minus the first point, replication by replication (replications.csv has every replication\'s figures, for pairing two other points the same way).\n\n' +
        '## Per capacity provider\n\n',
    );
    // the per-provider table (sweep-providers.test.ts), then the paired differences
    expect(md).toContain('\n\n## Paired differences against targetValue=40,scaleOutCooldown=60s\n\n');
    expect(md.indexOf('## Per capacity provider')).toBeLessThan(md.indexOf('## Paired differences'));
    // the second table is the per-provider one (quickstart: one EC2 provider, a row per point)
    expect(tableRows(md, 1).map((r) => r.split(' | ').slice(0, 3).join(' '))).toEqual(['| 40 60s ec2', '| 40 300s ec2', '| 70 60s ec2', '| 70 300s ec2']);
    expect(tableRows(md, 2).map((r) => r.split(' | ').slice(0, 2).join(' '))).toEqual(['| 40 300s', '| 70 60s', '| 70 300s']);
    expect(md).toContain('\n- **targetValue=70,scaleOutCooldown=300s** ');

    // The same figures as sweep.csv, formatted as compare's comparison.md formats them.
    const csv: Record<string, string>[] = parse(readFileSync(join(whole, 'sweep.csv'), 'utf8'), { columns: true });
    rows.forEach((row, i) => {
      const cells = row.slice(2, -2).split(' | ');
      expect(cells.at(-1)).toBe(csv[i].pareto === 'true' ? 'yes' : '');
      METRICS.forEach((m, j) => {
        const [mean, ci95] = cells[2 + j].split(' ± ').map(Number);
        expect(closeFigure(mean, ci95, Number(csv[i][`${m}_mean`]), Number(csv[i][`${m}_ci95`])), `${m} of point ${i}: ${cells[2 + j]}`).toBe(true);
      });
    });
    expect(rows.some((r) => r.endsWith('| yes |'))).toBe(true);
    expect(md).not.toMatch(/\d+(\.\d+)? s wall/);
  });

  it('a shard writes no comparison.md; merge of the shards writes one byte-identical to the unsharded sweep\'s', async () => {
    expect(await experimentCli(['sweep', file, ...FLAGS, '--out', shards, '--shard', '1/3'])).toBe(0);
    expect(existsSync(join(shards, 'sweep.shard-1-of-3.csv'))).toBe(true);
    expect(existsSync(join(shards, 'comparison.md'))).toBe(false);
    expect(await experimentCli(['sweep', file, ...FLAGS, '--out', shards, '--shard', '2/3'])).toBe(0);
    expect(await experimentCli(['sweep', file, ...FLAGS, '--out', shards, '--shard', '3/3'])).toBe(0);
    expect(existsSync(join(shards, 'comparison.md'))).toBe(false);

    expect(await experimentCli(['merge', shards, '--quiet'])).toBe(0);
    expect(readFileSync(join(shards, 'sweep.csv'), 'utf8')).toBe(readFileSync(join(whole, 'sweep.csv'), 'utf8'));
    expect(readFileSync(join(shards, 'comparison.md'), 'utf8')).toBe(readFileSync(join(whole, 'comparison.md'), 'utf8'));
    for (const name of ['replications.csv', 'paired.csv']) expect(readFileSync(join(shards, name), 'utf8'), name).toBe(readFileSync(join(whole, name), 'utf8'));

    // --out FILE: comparison.md goes beside that file, its Pareto note naming that file; --out comparison.md is refused
    const other = join(dir, 'elsewhere', 'merged.csv');
    expect(await experimentCli(['merge', shards, '--quiet', '--out', other])).toBe(0);
    const wholePage = readFileSync(join(whole, 'comparison.md'), 'utf8');
    expect(wholePage).toContain("(sweep.csv's cost_mean");
    expect(readFileSync(join(dir, 'elsewhere', 'comparison.md'), 'utf8')).toBe(wholePage.replace("(sweep.csv's cost_mean", "(merged.csv's cost_mean"));
    expect(await experimentCli(['merge', shards, '--quiet', '--out', join(dir, 'x', 'comparison.md')])).toBe(2);
    expect(existsSync(join(dir, 'x'))).toBe(false);
  });

  it('merge refuses shards of another scenario or seed; reads shard files written before they recorded them', async () => {
    const shardFile = (i: number) => join(shards, `sweep.shard-${i}-of-3.csv`);
    const rows = (i: number): string[][] => parse(readFileSync(shardFile(i), 'utf8'));
    expect(rows(1)[0].slice(0, 7)).toEqual(['point', 'points', 'replications', 'scenario', 'seed', 'plan', 'runs_plan']);
    expect(rows(1)[1][5]).toMatch(/^[0-9a-f]{16}$/);
    expect(rows(1)[1][6]).toMatch(/^[0-9a-f]{16}$/);
    expect(rows(1)[1].slice(1, 5)).toEqual(['4', '2', 'quickstart', '7']);

    const mixed = join(dir, 'mixed');
    const reseeded = rows(2).map((r, n) => (n === 0 ? r : [...r.slice(0, 4), '8', ...r.slice(5)]));
    writeFileSync(join(dir, 'reseeded.csv'), stringify(reseeded));
    expect(await experimentCli(['merge', shardFile(1), join(dir, 'reseeded.csv'), shardFile(3), '--quiet', '--out', join(mixed, 'sweep.csv')])).toBe(2);
    expect(existsSync(mixed)).toBe(false);

    // Shard files written before they recorded the runs' plan, and before the plan: the same sweep.csv.
    for (const i of [1, 2, 3]) writeFileSync(join(dir, `norunsplan-${i}.csv`), stringify(rows(i).map((r) => [...r.slice(0, 6), ...r.slice(7)])));
    const noRunsPlan = join(dir, 'norunsplan');
    expect(await experimentCli(['merge', ...[1, 2, 3].map((i) => join(dir, `norunsplan-${i}.csv`)), '--quiet', '--out', join(noRunsPlan, 'sweep.csv')])).toBe(0);
    expect(readFileSync(join(noRunsPlan, 'sweep.csv'), 'utf8')).toBe(readFileSync(join(whole, 'sweep.csv'), 'utf8'));
    expect(readFileSync(join(noRunsPlan, 'sweep-plan.txt'), 'utf8')).toBe(`ecsim sweep plan ${rows(1)[1][5]}\n`);
    for (const i of [1, 2, 3]) writeFileSync(join(dir, `noplan-${i}.csv`), stringify(rows(i).map((r) => [...r.slice(0, 5), ...r.slice(7)])));
    const noPlan = join(dir, 'noplan');
    expect(await experimentCli(['merge', ...[1, 2, 3].map((i) => join(dir, `noplan-${i}.csv`)), '--quiet', '--out', join(noPlan, 'sweep.csv')])).toBe(0);
    expect(readFileSync(join(noPlan, 'sweep.csv'), 'utf8')).toBe(readFileSync(join(whole, 'sweep.csv'), 'utf8'));

    // Older shard files (no scenario, seed, nor each replication's figures): the same sweep.csv; comparison.md names
    // neither, and has no paired differences, saying why; no replications.csv, paired.csv (an earlier sweep's are removed)
    const old = join(dir, 'old');
    for (const i of [1, 2, 3]) {
      writeFileSync(join(dir, `old-${i}.csv`), stringify(rows(i).map((r) => [...r.slice(0, 3), ...r.slice(7, -METRICS.length - 1)])));
    }
    const oldFiles = [1, 2, 3].map((i) => join(dir, `old-${i}.csv`));
    expect(await experimentCli(['merge', shards, '--quiet', '--out', join(old, 'sweep.csv')])).toBe(0);
    expect(existsSync(join(old, 'paired.csv'))).toBe(true);
    const printed: string[] = [];
    const spy = vi.spyOn(process.stdout, 'write').mockImplementation((text) => (printed.push(String(text)), true));
    try {
      expect(await experimentCli(['merge', ...oldFiles, '--out', join(old, 'sweep.csv')])).toBe(0);
    } finally {
      spy.mockRestore();
    }
    expect(printed.join('')).toBe(
      `merged 3 shard files (4 points) into ${join(old, 'sweep.csv')} and ${join(old, 'comparison.md')}; no paired differences: ` +
        "the shard files were written before ecsim recorded each replication's figures in them (run the shards again for them); " +
        'no figures per capacity provider (providers.csv) for 4 points: their shard files were written before ecsim recorded them (run those shards again for them)\n',
    );
    expect(readFileSync(join(old, 'sweep.csv'), 'utf8')).toBe(readFileSync(join(whole, 'sweep.csv'), 'utf8'));
    const md = readFileSync(join(old, 'comparison.md'), 'utf8');
    expect(md.startsWith('# Sweep\n\n4 points x 2 replications. All points')).toBe(true);
    expect(tableRows(md)).toEqual(tableRows(readFileSync(join(whole, 'comparison.md'), 'utf8')));
    expect(md).not.toContain('## Paired differences');
    expect(md).toContain("so there are no paired differences: run the shards again and merge them for those.\n\n## Per capacity provider\n\n");
    expect(md.endsWith(`## Per capacity provider\n\n${NONE_RECORDED_NOTE}\n`)).toBe(true);
    expect(md).not.toContain('a point so marked');
    expect(existsSync(join(old, 'providers.csv'))).toBe(false);
    expect(existsSync(join(old, 'paired.csv'))).toBe(false);
    expect(existsSync(join(old, 'replications.csv'))).toBe(false);
    // a shard file from before the `<metric>_values` columns among newer ones: refused, naming it
    writeFileSync(join(dir, 'novalues-1.csv'), stringify(rows(1).map((r) => r.slice(0, -METRICS.length - 1))));
    expect(() => mergeShardFiles([join(dir, 'novalues-1.csv'), shardFile(2), shardFile(3)])).toThrow(
      /novalues-1\.csv was written by an earlier ecsim than .*sweep\.shard-2-of-3\.csv \(it has no <metric>_values columns\): run that shard again with this ecsim$/,
    );
    expect(() => mergeShardFiles([shardFile(2), join(dir, 'novalues-1.csv'), shardFile(3)])).toThrow(/novalues-1\.csv was written by an earlier ecsim than .*sweep\.shard-2-of-3\.csv/);
  });

  it('with one replication (no paired table) the cold-start note does not speak of paired differences; with two it does', () => {
    const figures = METRICS.map(() => 1);
    const table = (replications: number): SweepTable => ({
      scenario: 'web',
      seed: 3,
      plan: undefined,
      paths: ['a.targetValue'],
      pointCount: 2,
      replications,
      rows: [0, 1].map((point) => ({ point, params: [String(40 + point)], means: figures, ci95: figures.map(() => (replications > 1 ? 0 : NaN)), values: Array.from({ length: replications }, () => figures) })),
    });
    const single = sweepMarkdown(table(1));
    expect(single).not.toContain('## Paired differences');
    expect(single).toContain(
      '\nUnless the scenario sets `warmStart: true`, every run starts cold: no task is RUNNING at time 0 while the load is on, so every point pays the start-up in dropped requests and SLO violation minutes. ' +
        'The figures include it (docs/assumptions.md, "Start of the run").\n',
    );
    const two = sweepMarkdown(table(2));
    expect(two).toContain('## Paired differences');
    expect(two).toContain(`\n${COLD_START_NOTE}\n`);
  });

  it('formats like compare\'s comparison.md: short unique column names, escaped cells, no ± with one replication', () => {
    const figures = METRICS.map((_, m) => 1234.5678 / (m + 1));
    const table: SweepTable = {
      scenario: 'web',
      seed: 3,
      plan: undefined,
      paths: ['services.web.autoScaling.policies.cpu.targetValue', 'services.api.autoScaling.policies.cpu.targetValue', 'services.web.loadBalancer'],
      pointCount: 1,
      replications: 1,
      rows: [{ point: 0, params: ['40', '50', '{"a":"x|y"}'], means: figures, ci95: figures.map(() => NaN) }],
    };
    const md = sweepMarkdown(table);
    expect(md).toContain('1 point x 1 replication (seed 3). All points of one replication');
    // one replication: no interval to claim
    expect(md).toContain('Figures are single runs (one replication): no confidence interval.');
    expect(md).not.toContain('half-width of the 95 %');
    expect(md).toContain('| web.autoScaling.policies.cpu.targetValue | api.autoScaling.policies.cpu.targetValue | loadBalancer | cost (USD) |');
    // compare's figure cells for the same numbers
    const compareMd = comparisonMarkdown(summarizeComparison('web', ['v'], [3], [[figures]]));
    const compareRow = tableRows(compareMd)[0];
    expect(tableRows(md)[0]).toBe(`| 40 | 50 | {"a":"x\\|y"} ${compareRow.slice('| v '.length)}`);
    expect(tableRows(md)[0]).toContain('| 1235 | 617.3 |');
    // one replication: no intervals, so no note on their being unpaired
    expect(md).not.toContain('not paired');
  });
});
