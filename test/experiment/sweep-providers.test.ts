// providers.csv and comparison.md's "Per capacity provider" of a sweep: per point and capacity
// provider, cost and peak instances (EC2) or tasks (Fargate) over the replications, as compare
// has per variant; carried by shard files through `ecsim merge`; shard files written before
// they carried them still merge (their points `not recorded`, left out of providers.csv).

import { describe, it, expect, vi } from 'vitest';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { stringify as yaml } from 'yaml';
import { isSweepProvidersCsv, METRICS, NO_PROVIDERS_FILE_NOTE, NONE_RECORDED_NOTE, NOT_RECORDED_NOTE, PROVIDERS_COLUMN, sweepMarkdown, sweepProvidersCsv, unrecordedProviderPoints, type SweepTable } from '../../src/experiment/index.js';
import { buildComparisonHtml } from '../../src/output/report/build-comparison-html.js';
import { tempDir } from './helpers/scenario.js';
import { experimentCli } from './helpers/cli.js';

const DESIRED = 'cluster.capacityProviders.ec2.autoScalingGroup.desiredCapacity';

// A fixed fleet: warmStart puts the group's desiredCapacity instances and every service's
// desiredCount tasks in place at time 0, and nothing scales, so for the whole hour:
//   ec2 (m5.large priced 0.1 USD/h): desiredCapacity x 1 h x 0.1 -> 2: 0.2 USD, 4: 0.4 USD; peak = desiredCapacity
//   FARGATE: 3 tasks x 1 h x (0.25 vCPU x 0.04 + 0.5 GB x 0.004) = 3 x 0.012 = 0.036 USD; peak 3 tasks
// the same in both replications (the load's noise changes latency, not the fleet): ± 0, n = 2.
function fixedScenario(dir: string): string {
  const perTask = { capacityRps: 100, cpuBaseline: 5, memoryMiB: { base: 200, perRps: 0.5 }, concurrency: 8, serviceTime: { distribution: 'exponential', mean: '40ms' } };
  const workload = { type: 'http', requestRate: { constant: 50, noise: { cv: 0.2, every: '60s' } }, perTask };
  const container = { app: { cpu: 256, memory: 512, portMappings: [{ containerPort: 8080 }] } };
  const startup = { imagePull: '10s', containerStart: '2s' };
  const file = join(dir, 'fixed.yaml');
  writeFileSync(
    file,
    yaml({
      name: 'fixed-fleet',
      seed: 1,
      start: '2026-03-02T09:00:00Z',
      duration: '1h',
      warmStart: true,
      replications: 2,
      pricing: { ec2: { 'm5.large': 0.1 }, fargate: { vcpuHour: 0.04, gbHour: 0.004 } },
      cluster: {
        availabilityZones: ['us-east-1a', 'us-east-1b'],
        capacityProviders: { ec2: { autoScalingGroup: { instanceTypes: ['m5.large'], minSize: 1, maxSize: 4, desiredCapacity: 2 } } },
      },
      taskDefinitions: {
        web: { cpu: 256, memory: 512, networkMode: 'bridge', containerDefinitions: container, startup },
        api: { cpu: 256, memory: 512, networkMode: 'awsvpc', requiresCompatibilities: ['FARGATE'], containerDefinitions: container, startup },
      },
      services: {
        web: { taskDefinition: 'web', desiredCount: 2, launchType: 'EC2', workload },
        api: { taskDefinition: 'api', desiredCount: 3, launchType: 'FARGATE', workload },
      },
      sweep: { [DESIRED]: [2, 4] },
    }),
  );
  return file;
}

const HEADER = `${DESIRED},capacityProvider,cost_mean,cost_ci95,maxInstances_mean,maxInstances_ci95,maxTasks_mean,maxTasks_ci95,cost_n,maxInstances_n,maxTasks_n,maxInstances_max,maxTasks_max`;
// by hand (above): an EC2 provider has no maxTasks (empty, n 0), a Fargate one no maxInstances
const ROWS = {
  2: ['2,ec2,0.2,0,2,0,,,2,2,0,2,', '2,FARGATE,0.036,0,,,3,0,2,0,2,,3'],
  4: ['4,ec2,0.4,0,4,0,,,2,2,0,4,', '4,FARGATE,0.036,0,,,3,0,2,0,2,,3'],
};

async function quietly(argv: string[]): Promise<{ code: number; out: string }> {
  const printed: string[] = [];
  const spy = vi.spyOn(process.stdout, 'write').mockImplementation((text) => (printed.push(String(text)), true));
  try {
    return { code: await experimentCli(argv), out: printed.join('') };
  } finally {
    spy.mockRestore();
  }
}

describe('sweep providers.csv', () => {
  const dir = tempDir();
  const file = fixedScenario(dir);
  const whole = join(dir, 'whole');
  const shards = join(dir, 'shards');
  const lines = (path: string) => readFileSync(path, 'utf8').trim().split('\n');

  it('two points x two providers: the hand-computed cost and peaks, in providers.csv, comparison.md and the sweep page', async () => {
    const { code, out } = await quietly(['sweep', file, '--out', whole, '--no-runs']);
    expect(code).toBe(0);
    expect(out).toContain(join(whole, 'providers.csv'));
    expect(lines(join(whole, 'providers.csv'))).toEqual([HEADER, ...ROWS[2], ...ROWS[4]]);
    const md = readFileSync(join(whole, 'comparison.md'), 'utf8');
    const section = md.slice(md.indexOf('## Per capacity provider'), md.indexOf('## Paired differences'));
    expect(section.split('\n').filter((l) => l.startsWith('| '))).toEqual([
      '| desiredCapacity | capacity provider | cost (USD) | peak instances | largest peak instances | peak tasks | largest peak tasks |',
      '| 2 | ec2 | 0.2 ± 0 | 2 ± 0 | 2 |  |  |',
      '| 2 | FARGATE | 0.036 ± 0 |  |  | 3 ± 0 | 3 |',
      '| 4 | ec2 | 0.4 ± 0 | 4 ± 0 | 4 |  |  |',
      '| 4 | FARGATE | 0.036 ± 0 |  |  | 3 ± 0 | 3 |',
    ]);
    expect(md).not.toContain('not recorded');
    expect(section).toContain('Every provider of any point has a row for every point: cost 0 and peak 0 where the point does not use it.');
    const html = buildComparisonHtml(whole);
    expect(html).toContain('<h3>Per capacity provider</h3>');
    expect(html).toMatch(/<td[^>]*>4<\/td><td[^>]*>ec2<\/td><td[^>]*>0\.4 ± 0<\/td>/);
  });

  it('is the same bytes run again, and merged from shards (which carry each replication\'s figures per provider)', async () => {
    const again = join(dir, 'again');
    expect((await quietly(['sweep', file, '--out', again, '--no-runs'])).code).toBe(0);
    expect(readFileSync(join(again, 'providers.csv'), 'utf8')).toBe(readFileSync(join(whole, 'providers.csv'), 'utf8'));
    for (const shard of ['1/2', '2/2']) expect((await quietly(['sweep', file, '--out', shards, '--no-runs', '--shard', shard])).code).toBe(0);
    const shardRows: string[][] = parse(readFileSync(join(shards, 'sweep.shard-1-of-2.csv'), 'utf8'));
    expect(shardRows[0].at(-1)).toBe(PROVIDERS_COLUMN);
    const merged = join(dir, 'merged');
    expect((await quietly(['merge', shards, '--out', join(merged, 'sweep.csv')])).code).toBe(0);
    for (const name of ['providers.csv', 'comparison.md', 'sweep.csv']) expect(readFileSync(join(merged, name), 'utf8')).toBe(readFileSync(join(whole, name), 'utf8'));
  });

  it('a shard file written before shard files carried them still merges: its points are `not recorded`, left out of providers.csv', async () => {
    const shardFile = (i: number) => join(shards, `sweep.shard-${i}-of-2.csv`);
    const withoutProviders = (i: number) => {
      const rows: string[][] = parse(readFileSync(shardFile(i), 'utf8'));
      const path = join(dir, `old-${i}.csv`);
      writeFileSync(path, stringify(rows.map((r) => r.slice(0, -1))));
      return path;
    };
    // shard 1 (point 0, desiredCapacity 2) old, shard 2 new
    const mixed = join(dir, 'mixed');
    const { code, out } = await quietly(['merge', withoutProviders(1), shardFile(2), '--out', join(mixed, 'sweep.csv')]);
    expect(code).toBe(0);
    expect(out).toMatch(/; no figures per capacity provider \(providers\.csv\) for 1 point: their shard files were written before ecsim recorded them/);
    expect(readFileSync(join(mixed, 'sweep.csv'), 'utf8')).toBe(readFileSync(join(whole, 'sweep.csv'), 'utf8'));
    expect(lines(join(mixed, 'providers.csv'))).toEqual([HEADER, ...ROWS[4]]);
    const md = readFileSync(join(mixed, 'comparison.md'), 'utf8');
    expect(md).toContain('| 2 | not recorded |  |  |  |  |  |\n| 4 | ec2 | 0.4 ± 0 |');
    expect(md).toContain(`\n\n${NOT_RECORDED_NOTE}\n`);
    const html = buildComparisonHtml(mixed);
    expect(html).toMatch(/<td[^>]*>2<\/td><td[^>]*>not recorded<\/td>/);
    expect(html).toContain('Not recorded: a point so marked');

    // every shard old: no providers.csv (an earlier sweep's there removed), comparison.md says so
    const old = join(dir, 'old');
    expect((await quietly(['merge', shards, '--out', join(old, 'sweep.csv')])).code).toBe(0);
    expect(existsSync(join(old, 'providers.csv'))).toBe(true);
    expect((await quietly(['merge', withoutProviders(1), withoutProviders(2), '--out', join(old, 'sweep.csv')])).code).toBe(0);
    expect(existsSync(join(old, 'providers.csv'))).toBe(false);
    const oldMd = readFileSync(join(old, 'comparison.md'), 'utf8');
    expect(oldMd).toContain(`\n\n## Per capacity provider\n\n${NONE_RECORDED_NOTE}\n\n## Paired differences`);
    expect(oldMd).toContain('No point has figures per capacity provider: every point was merged from a shard file written before');
    expect(oldMd).not.toContain('a point so marked');
    // the page says so too (it showed nothing), without a not-recorded row or the note of one
    const oldHtml = buildComparisonHtml(old);
    expect(oldHtml).toContain('<h3>Per capacity provider</h3>\n<p class="muted">No point has figures per capacity provider: this folder has no providers.csv');
    expect(oldHtml).toContain(NO_PROVIDERS_FILE_NOTE.slice(-40));
    expect(oldHtml).not.toContain('a point so marked');
    // a folder with providers.csv has no such note
    expect(html).not.toContain('No point has figures per capacity provider');
  });

  it('a shard file whose providers_values names a provider the scenario loader would refuse: merge refuses it (exit 2), writing nothing', async () => {
    const shardFile = (i: number) => join(shards, `sweep.shard-${i}-of-2.csv`);
    const rows: string[][] = parse(readFileSync(shardFile(2), 'utf8'));
    rows[1][rows[1].length - 1] = rows[1].at(-1)!.replace('"ec2"', '"ec2 pool"');
    const bad = join(dir, 'bad-name.shard-2-of-2.csv');
    writeFileSync(bad, stringify(rows));
    const out = join(dir, 'bad-name');
    const errors: string[] = [];
    const spy = vi.spyOn(process.stderr, 'write').mockImplementation((text) => (errors.push(String(text)), true));
    let code: number;
    try {
      code = (await quietly(['merge', shardFile(1), bad, '--out', join(out, 'sweep.csv')])).code;
    } finally {
      spy.mockRestore();
    }
    expect(code).toBe(2);
    expect(errors.join('')).toMatch(
      new RegExp(`^ecsim: ${bad.replace(/[.*+?^$()|[\]\\]/g, '\\$&')}: row 2: providers_values: replication 1 of 2: expected a capacity provider name of 1 to 255 letters, .*, found "ec2 pool" \\(a space not allowed\\)\n$`),
    );
    expect(existsSync(join(out, 'sweep.csv'))).toBe(false);
  });

  it('each replication\'s own figures: with one provider its cost is the run\'s total, so providers.csv\'s cost mean and ± are sweep.csv\'s', async () => {
    // compare-quickstart: one Fargate provider, a random walk of load and target tracking, so the cost differs by replication
    const out = join(dir, 'walk');
    const scenario = new URL('../../scenarios/compare-quickstart.yaml', import.meta.url).pathname;
    expect((await quietly(['sweep', scenario, '--out', out, '--no-runs', '--replications', '3', '--duration', '20m', '--quiet'])).code).toBe(0);
    const sweepRows: Record<string, string>[] = parse(readFileSync(join(out, 'sweep.csv'), 'utf8'), { columns: true });
    const providerRows: Record<string, string>[] = parse(readFileSync(join(out, 'providers.csv'), 'utf8'), { columns: true });
    expect(providerRows.map((r) => r.capacityProvider)).toEqual(sweepRows.map(() => 'FARGATE'));
    expect(providerRows.map((r) => [r.cost_mean, r.cost_ci95, r.cost_n])).toEqual(sweepRows.map((r) => [r.cost_mean, r.cost_ci95, r.cost_n]));
    expect(sweepRows.some((r) => Number(r.cost_ci95) > 0)).toBe(true);
    expect(providerRows.every((r) => Number(r.maxTasks_max) >= Number(r.maxTasks_mean) && r.maxInstances_mean === '')).toBe(true);
  });

  it('replaces only an earlier sweep\'s providers.csv: another file there is refused before any run', async () => {
    expect(isSweepProvidersCsv(`${HEADER}\n${ROWS[2][0]}\n`)).toBe(true);
    expect(isSweepProvidersCsv('"a,b",c.d,capacityProvider,cost_mean,cost_ci95,maxInstances_mean\n')).toBe(true);
    expect(isSweepProvidersCsv('variant,capacityProvider,cost_mean,cost_ci95,maxInstances_mean\n')).toBe(false); // a compare's
    expect(isSweepProvidersCsv('capacityProvider,cost_mean,cost_ci95\n')).toBe(false); // no parameter column
    expect(isSweepProvidersCsv('name,price\n')).toBe(false);
    const out = join(dir, 'theirs');
    mkdirSync(out);
    writeFileSync(join(out, 'providers.csv'), 'name,price\nec2,0.1\n');
    const errors: string[] = [];
    const spy = vi.spyOn(process.stderr, 'write').mockImplementation((text) => (errors.push(String(text)), true));
    try {
      expect((await quietly(['sweep', file, '--out', out, '--no-runs'])).code).toBe(2);
    } finally {
      spy.mockRestore();
    }
    expect(errors.join('')).toContain(`expected a new providers.csv or an earlier sweep's there`);
    expect(readFileSync(join(out, 'providers.csv'), 'utf8')).toBe('name,price\nec2,0.1\n');
    expect(existsSync(join(out, 'sweep.csv'))).toBe(false);
  });

  it('a provider one point does not use has a row for it: cost 0, peak 0 of its kind (hand-made table)', () => {
    const figures = METRICS.map(() => 1);
    const ec2 = (cost: number, instances: number) => ['ec2', { cost, maxInstances: instances, maxTasks: NaN }] as [string, { cost: number; maxInstances: number; maxTasks: number }];
    const fargate = (cost: number, tasks: number) => ['FARGATE', { cost, maxInstances: NaN, maxTasks: tasks }] as [string, { cost: number; maxInstances: number; maxTasks: number }];
    const table: SweepTable = {
      scenario: 's',
      seed: 1,
      plan: undefined,
      paths: ['a.b'],
      pointCount: 2,
      replications: 2,
      rows: [
        { point: 0, params: ['x'], means: figures, ci95: figures, values: [figures, figures], providers: [[ec2(1, 2)], [ec2(3, 4)]] },
        { point: 1, params: ['y'], means: figures, ci95: figures, values: [figures, figures], providers: [[ec2(1, 2), fargate(0.5, 6)], [ec2(1, 2), fargate(0.5, 8)]] },
      ],
    };
    // point x: ec2 cost mean 2 (1, 3), s = sqrt(2), ci95 = t(0.975, 1) x s / sqrt(2) = 12.706205 (6 decimals); FARGATE absent: 0, 0
    expect(sweepProvidersCsv(table)!.trim().split('\n')).toEqual([
      'a.b,capacityProvider,cost_mean,cost_ci95,maxInstances_mean,maxInstances_ci95,maxTasks_mean,maxTasks_ci95,cost_n,maxInstances_n,maxTasks_n,maxInstances_max,maxTasks_max',
      'x,ec2,2,12.706205,3,12.706205,,,2,2,0,4,',
      'x,FARGATE,0,0,,,0,0,2,0,2,,0',
      'y,ec2,1,0,2,0,,,2,2,0,2,',
      'y,FARGATE,0.5,0,,,7,12.706205,2,0,2,,8',
    ]);
    expect(sweepMarkdown(table)).toContain('| x | FARGATE | 0 ± 0 |  |  | 0 ± 0 | 0 |');
  });

  it('the points without figures per provider are counted, not those with them: 1 of 3 (hand-made table)', () => {
    const figures = METRICS.map(() => 1);
    const ec2 = ['ec2', { cost: 1, maxInstances: 2, maxTasks: NaN }] as [string, { cost: number; maxInstances: number; maxTasks: number }];
    const point = (i: number, recorded: boolean) => ({ point: i, params: [String(i)], means: figures, ci95: figures, values: [figures], ...(recorded ? { providers: [[ec2]] } : {}) });
    const table: SweepTable = { scenario: 's', seed: 1, plan: undefined, paths: ['a.b'], pointCount: 3, replications: 1, rows: [point(0, true), point(1, false), point(2, true)] };
    // merge's line: "no figures per capacity provider (providers.csv) for 1 point"
    expect(unrecordedProviderPoints(table)).toBe(1);
    expect(unrecordedProviderPoints({ ...table, rows: [point(0, false), point(1, false), point(2, true)] })).toBe(2);
  });
});
