import { describe, it, expect } from 'vitest';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { mergeShardFiles, mergeShards, METRICS, readExperimentFile, shardFiles, sweepCsv, sweepMarkdown, sweepPairedCsv, sweepReplicationsCsv, sweepToFolder } from '../../src/experiment/index.js';
import { ScenarioError } from '../../src/scenario/index.js';
import { tempDir, writeScenario } from './helpers/scenario.js';
import { experimentCli } from './helpers/cli.js';

const sweep = {
  'services.web.autoScaling.policies.cpu.targetValue': [40, 70],
  'services.web.autoScaling.policies.cpu.scaleOutCooldown': ['60s', '300s', '900s'],
};

describe('sweep, shards and merge', () => {
  const dir = tempDir();
  const file = writeScenario(dir, { sweep, replications: 2 });

  it('sharded sweep + merge is byte-identical to the unsharded sweep.csv (and --jobs does not change it)', async () => {
    const exp = readExperimentFile(file);
    const whole = await sweepToFolder(exp, { outDir: join(dir, 'whole'), jobs: 1 });
    const expected = readFileSync(whole.file, 'utf8');
    expect(expected.split('\n')[0]).toBe(
      'services.web.autoScaling.policies.cpu.targetValue,services.web.autoScaling.policies.cpu.scaleOutCooldown,' +
        'cost_mean,cost_ci95,sloViolationMinutes_mean,sloViolationMinutes_ci95,latencyP95Ms_mean,latencyP95Ms_ci95,' +
        'cpuMean_mean,cpuMean_ci95,taskHours_mean,taskHours_ci95,scalingActivities_mean,scalingActivities_ci95,' +
        'droppedRequests_mean,droppedRequests_ci95,latencyP99Ms_mean,latencyP99Ms_ci95,spotInterruptions_mean,spotInterruptions_ci95,pareto,' +
        'cost_n,sloViolationMinutes_n,latencyP95Ms_n,cpuMean_n,taskHours_n,scalingActivities_n,droppedRequests_n,latencyP99Ms_n,spotInterruptions_n',
    );
    // Fixed point order: first path slowest.
    expect(expected.trim().split('\n').slice(1).map((l) => l.split(',').slice(0, 2).join(' '))).toEqual([
      '40 60s', '40 300s', '40 900s', '70 60s', '70 300s', '70 900s',
    ]);
    // and comparison.md, replications.csv and paired.csv (2 replications: the paired differences)
    const besides = (folder: string) => ['comparison.md', 'replications.csv', 'paired.csv'].map((name) => readFileSync(join(folder, name), 'utf8'));
    const expectedBesides = besides(join(dir, 'whole'));
    expect(expectedBesides[2].split('\n')).toHaveLength(7); // header, 5 points against the first, final newline
    for (const count of [2, 4]) {
      const shardDir = join(dir, `shards-${count}`);
      for (let index = 1; index <= count; index++) await sweepToFolder(exp, { outDir: shardDir, jobs: 1, shard: { index, count } });
      const merged = mergeShardFiles(shardFiles([shardDir]));
      expect(sweepCsv(merged)).toBe(expected);
      expect([sweepMarkdown(merged), sweepReplicationsCsv(merged), sweepPairedCsv(merged)]).toEqual(expectedBesides);
    }
    const threaded = await sweepToFolder(exp, { outDir: join(dir, 'threaded'), jobs: 2 });
    expect(readFileSync(threaded.file, 'utf8')).toBe(expected);
    expect(besides(join(dir, 'threaded'))).toEqual(expectedBesides);
  });

  it('merge refuses an incomplete or mixed set of shards, naming the missing points', async () => {
    const exp = readExperimentFile(file, { durationMs: 120_000, replications: 1 });
    const shardDir = join(dir, 'incomplete');
    await sweepToFolder(exp, { outDir: shardDir, jobs: 1, shard: { index: 1, count: 3 } });
    expect(() => mergeShardFiles(shardFiles([shardDir]))).toThrow(/missing points 1, 2, 4, 5/);
    const other = join(dir, 'other');
    await sweepToFolder(readExperimentFile(file, { durationMs: 120_000, replications: 2 }), { outDir: other, jobs: 1, shard: { index: 2, count: 3 } });
    expect(() => mergeShardFiles([join(shardDir, 'sweep.shard-1-of-3.csv'), join(other, 'sweep.shard-2-of-3.csv')])).toThrow(/not shards of the same sweep/);
  });

  it('merge refuses shards of different sweeps: another --duration, or edited sweep values (it merged 30-minute and 2-hour rows)', async () => {
    const a = join(dir, 'plan-a');
    await sweepToFolder(readExperimentFile(file, { durationMs: 120_000, replications: 1 }), { outDir: a, jobs: 1, shard: { index: 1, count: 2 } });
    const b = join(dir, 'plan-b');
    await sweepToFolder(readExperimentFile(file, { durationMs: 180_000, replications: 1 }), { outDir: b, jobs: 1, shard: { index: 2, count: 2 } });
    const mixed = [join(a, 'sweep.shard-1-of-2.csv'), join(b, 'sweep.shard-2-of-2.csv')];
    expect(() => mergeShardFiles(mixed)).toThrow(/come from different sweeps/);
    const edited = writeScenario(dir, { sweep: { ...sweep, 'services.web.autoScaling.policies.cpu.targetValue': [45, 75] }, replications: 2 }, 'edited.yaml');
    const c = join(dir, 'plan-c');
    await sweepToFolder(readExperimentFile(edited, { durationMs: 120_000, replications: 1 }), { outDir: c, jobs: 1, shard: { index: 2, count: 2 } });
    expect(() => mergeShardFiles([mixed[0], join(c, 'sweep.shard-2-of-2.csv')])).toThrow(/come from different sweeps/);
    // the same sweep's second shard merges
    const same = join(dir, 'plan-a2');
    await sweepToFolder(readExperimentFile(file, { durationMs: 120_000, replications: 1 }), { outDir: same, jobs: 1, shard: { index: 2, count: 2 } });
    expect(mergeShardFiles([mixed[0], join(same, 'sweep.shard-2-of-2.csv')]).rows).toHaveLength(6);
  });

  it('a sweep path that does not exist is reported with the closest key', async () => {
    const bad = writeScenario(dir, { sweep: { 'services.web.autoScaling.policies.cpuu.targetValue': [1] } }, 'bad.yaml');
    const run = sweepToFolder(readExperimentFile(bad), { outDir: join(dir, 'bad'), jobs: 1 });
    await expect(run).rejects.toBeInstanceOf(ScenarioError);
    await expect(run).rejects.toThrow(/bad\.yaml:\d+: sweep point 0 \(.*\): services\.web\.autoScaling\.policies\.cpuu: expected a key of services\.web\.autoScaling\.policies \(.*\), found "cpuu" \(did you mean "cpu"\?\)/);
  });

  it('CLI: --shards takes the index from JOB_COMPLETION_INDEX / AWS_BATCH_JOB_ARRAY_INDEX; merge writes sweep.csv', async () => {
    const out = join(dir, 'cli');
    const flags = ['--jobs', '1', '--quiet', '--duration', '2m', '--replications', '1'];
    const common = ['--out', out, ...flags];
    const saved = { k: process.env.JOB_COMPLETION_INDEX, b: process.env.AWS_BATCH_JOB_ARRAY_INDEX };
    try {
      process.env.JOB_COMPLETION_INDEX = '0';
      expect(await experimentCli(['sweep', file, '--shards', '2', ...common])).toBe(0);
      delete process.env.JOB_COMPLETION_INDEX;
      process.env.AWS_BATCH_JOB_ARRAY_INDEX = '1';
      expect(await experimentCli(['sweep', file, '--shards', '2', ...common])).toBe(0);
      delete process.env.AWS_BATCH_JOB_ARRAY_INDEX;
      expect(await experimentCli(['sweep', file, '--shards', '2', ...common])).toBe(2); // no index anywhere
      expect(await experimentCli(['sweep', file, '--shard', '3/2', ...common])).toBe(2);
      expect(await experimentCli(['merge', out, '--quiet'])).toBe(0);
      expect(readFileSync(join(out, 'comparison.md'), 'utf8')).toContain("(sweep.csv's cost_mean");
      // a CSV of another name: the comparison page beside it names that file in its Pareto note
      mkdirSync(join(dir, 'cli-named'));
      expect(await experimentCli(['merge', out, '--quiet', '--out', join(dir, 'cli-named', 'web.csv')])).toBe(0);
      expect(readFileSync(join(dir, 'cli-named', 'comparison.md'), 'utf8')).toContain("(web.csv's cost_mean");
      expect(await experimentCli(['sweep', file, ...flags, '--out', join(dir, 'cli-whole')])).toBe(0);
      expect(readFileSync(join(out, 'sweep.csv'), 'utf8')).toBe(readFileSync(join(dir, 'cli-whole', 'sweep.csv'), 'utf8'));
      expect(await experimentCli(['merge', join(dir, 'nowhere')])).toBe(2);
      expect(await experimentCli(['sweep', file, ...common, '--out', join(dir, 'twice')])).toBe(2); // --out given twice
    } finally {
      if (saved.k === undefined) delete process.env.JOB_COMPLETION_INDEX;
      else process.env.JOB_COMPLETION_INDEX = saved.k;
      if (saved.b === undefined) delete process.env.AWS_BATCH_JOB_ARRAY_INDEX;
      else process.env.AWS_BATCH_JOB_ARRAY_INDEX = saved.b;
    }
  });

  it('parameter values that are not plain words survive the shard round trip', async () => {
    const f = writeScenario(dir, { sweep: { 'services.web.loadBalancer': [{ routing: 'round-robin', deregistrationDelay: '5s' }] } }, 'obj.yaml');
    const exp = readExperimentFile(f, { durationMs: 120_000 });
    const whole = await sweepToFolder(exp, { outDir: join(dir, 'obj-whole'), jobs: 1 });
    const shard = await sweepToFolder(exp, { outDir: join(dir, 'obj-shards'), jobs: 1, shard: { index: 1, count: 1 } });
    writeFileSync(join(dir, 'obj-merged.csv'), sweepCsv(mergeShardFiles([shard.file])));
    expect(readFileSync(join(dir, 'obj-merged.csv'), 'utf8')).toBe(readFileSync(whole.file, 'utf8'));
    expect(readFileSync(whole.file, 'utf8')).toContain('"{""routing"":""round-robin"",""deregistrationDelay"":""5s""}"');
  });

  describe('mergeShards on hand-made shard tables (a sweep of 2 points, 1 replication, in 3 shards)', () => {
    const figures = METRICS.map(() => 1);
    const header = ['point', 'a.b'];
    const shard = (i: number, points: number[], columns = header) => ({
      file: `sweep.shard-${i}-of-3.csv`,
      // a shard file without rows records no point count or replications (parseShardCsv: 0)
      table: { scenario: 's', seed: 1, plan: 'p', paths: ['a.b'], pointCount: points.length > 0 ? 2 : 0, replications: points.length > 0 ? 1 : 0, header: columns, rows: points.map((point) => ({ point, params: [String(point)], means: figures, ci95: figures })) },
    });

    it('an empty shard named first: the point count is that of a shard with rows, so both points merge', () => {
      // shard 3 of 3 of 2 points holds none (points 0 and 1 go to shards 1 and 2)
      const merged = mergeShards([shard(3, []), shard(1, [0]), shard(2, [1])]);
      expect([merged.pointCount, merged.replications, merged.rows.map((r) => r.point)]).toEqual([2, 1, [0, 1]]);
    });

    it('a shard without the <metric>_values columns and with other parameter columns is of another sweep, not an earlier ecsim', () => {
      const withValues = ['point', 'a.b', ...METRICS.map((m) => `${m}_values`)];
      expect(() => mergeShards([shard(1, [0], withValues), shard(2, [1], ['point', 'c.d'])])).toThrow(
        'merge: sweep.shard-2-of-3.csv has other columns than sweep.shard-1-of-3.csv: they are not shards of the same sweep',
      );
      // the same parameter columns: the one without them is from an earlier ecsim
      expect(() => mergeShards([shard(1, [0], withValues), shard(2, [1], ['point', 'a.b'])])).toThrow('merge: sweep.shard-2-of-3.csv was written by an earlier ecsim than sweep.shard-1-of-3.csv');
    });

    it('a row for point 2 of a 2-point sweep (points 0 and 1) is refused', () => {
      expect(() => mergeShards([shard(1, [0]), shard(2, [1, 2]), shard(3, [])])).toThrow('merge: sweep.shard-2-of-3.csv: point 2 is outside 0..1');
    });
  });
});
