// `ecsim sweep <scenario>`: the product of the `sweep` lists x replications on worker
// threads; writes sweep.csv, or with a shard (--shard i/n, or --shards n with the array
// index of a Kubernetes Indexed Job or AWS Batch array job) sweep.shard-i-of-n.csv; and
// runs/<point label>/ (replication 0 of each point) for sweeps of at most 24 points, or
// with --runs (--no-runs: never).

import type { ArgumentsCamelCase, Argv } from 'yargs';
import { parseShard, readExperimentFile, shardFromEnvironment, sweepToFolder, SWEEP_RUNS_LIMIT, type Shard } from '../../experiment/index.js';
import { progressReporter } from '../progress.js';
import { writeReports } from '../../output/report/index.js';
import { UsageError } from '../errors.js';
import { parseDurationFlag, parseSeedFlag } from './run.js';
import { parseJobsFlag, parseReplicationsFlag, singleFlag } from './compare.js';

export interface SweepArgs {
  scenario: string;
  jobs?: number;
  shard?: string;
  shards?: number;
  replications?: number;
  seed?: number;
  duration?: string;
  out?: string;
  runs?: boolean;
  quiet?: boolean;
  report?: boolean;
}

export const sweepCommand = {
  command: 'sweep <scenario>',
  describe: 'Run the product of the scenario\'s `sweep` lists x replications; one row per point in sweep.csv',
  builder: (y: Argv) =>
    y
      .positional('scenario', { type: 'string', demandOption: true, describe: 'scenario file with `sweep`' })
      .option('jobs', { type: 'number', describe: 'worker threads (default: the number of cores)' })
      .option('shard', { type: 'string', describe: 'run shard i of n ("i/n", 1-based): points with index % n == i-1' })
      .option('shards', {
        type: 'number',
        describe: 'shard count; the shard index (0-based) comes from JOB_COMPLETION_INDEX (Kubernetes Indexed Job) or AWS_BATCH_JOB_ARRAY_INDEX (AWS Batch array job)',
      })
      .option('replications', { type: 'number', describe: 'replications per point (overrides the scenario\'s)' })
      .option('seed', { type: 'number', describe: 'first seed (overrides the scenario\'s)' })
      .option('duration', { type: 'string', describe: 'simulated duration (overrides the scenario\'s)' })
      .option('out', { type: 'string', describe: 'output folder (default results/<scenario name>-sweep)' })
      .option('runs', {
        type: 'boolean',
        describe:
          `write replication 0 of each point as a full results folder, runs/<point label>/ (e.g. runs/targetValue=40,scaleInCooldown=60s/), ` +
          `for the report's overlays (default: only when the sweep has at most ${SWEEP_RUNS_LIMIT} points; --no-runs: never)`,
      })
      .option('quiet', { type: 'boolean', default: false, describe: 'print nothing but errors' })
      .option('report', { type: 'boolean', default: false, describe: 'also write report.html: the comparison page (table, cost-vs-SLO scatter, overlaid time series)' })
      .example('$0 sweep scenarios/compare-quickstart.yaml --jobs 4', 'the whole sweep on 4 threads')
      .example('$0 sweep scenarios/compare-quickstart.yaml --shard 2/8 --out /shared/sweep', 'one of eight slices; then `ecsim merge /shared/sweep`')
      .example('$0 sweep scenarios/compare-quickstart.yaml --runs', `also write runs/<point label>/ for a sweep of more than ${SWEEP_RUNS_LIMIT} points`),
  handler: async (argv: ArgumentsCamelCase<SweepArgs>) => {
    const shard = shardOf(singleFlag('shard', argv.shard), singleFlag('shards', argv.shards), process.env);
    if (argv.report && shard) throw new UsageError('--report needs the whole sweep: run `ecsim merge DIR` and then `ecsim report DIR`');
    const exp = readExperimentFile(argv.scenario, {
      seed: parseSeedFlag(argv.seed),
      durationMs: parseDurationFlag(argv.duration),
      replications: parseReplicationsFlag(argv.replications),
    });
    const jobs = parseJobsFlag(argv.jobs);
    const runs = singleFlag('runs', argv.runs);
    const outDir = singleFlag('out', argv.out) ?? `results/${exp.name}-sweep`;
    const label = shard ? `${exp.name} sweep ${shard.index}/${shard.count}` : `${exp.name} sweep`;
    const progress = argv.quiet ? { update() {}, stop() {} } : progressReporter(label);
    const started = Date.now();
    try {
      const { file, table, runsDir } = await sweepToFolder(exp, { outDir, jobs, shard, runs, onProgress: (done, total) => progress.update(done / total) });
      progress.stop();
      if (argv.report) writeReports(outDir);
      if (argv.quiet) return;
      const seconds = ((Date.now() - started) / 1000).toFixed(1);
      process.stdout.write(
        `${label}: ${table.rows.length} of ${table.pointCount} points x ${table.replications} replications in ${seconds} s wall\nresults: ${file}\n` +
          (runsDir !== undefined
            ? `runs: ${runsDir}/ (replication 0 of ${table.rows.length} point${table.rows.length === 1 ? '' : 's'})\n`
            : runs === false
              ? ''
              : `runs: none (${table.pointCount} points > ${SWEEP_RUNS_LIMIT}; --runs writes them)\n`),
      );
    } finally {
      progress.stop();
    }
  },
};

/** --shard i/n wins; else --shards n with the array index from the environment; else the whole sweep. */
export function shardOf(shard: string | undefined, shards: number | undefined, env: Record<string, string | undefined>): Shard | undefined {
  try {
    if (shard !== undefined) {
      if (shards !== undefined) throw new Error('give either --shard i/n or --shards n, not both');
      return parseShard(shard);
    }
    if (shards === undefined) return undefined;
    if (!Number.isInteger(shards) || shards < 1) throw new Error(`expected --shards to be a whole number >= 1, found ${shards}`);
    const fromEnv = shardFromEnvironment(env, shards);
    if (!fromEnv) throw new Error('--shards needs the shard index in JOB_COMPLETION_INDEX or AWS_BATCH_JOB_ARRAY_INDEX (0-based); or use --shard i/n');
    return fromEnv;
  } catch (e) {
    throw new UsageError(`--shard: ${(e as Error).message}`);
  }
}
