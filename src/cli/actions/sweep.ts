// What `ecsim sweep` does: the sweep (or one shard) into the folder, then one line of totals
// and, for the whole sweep, the table of points as `ecsim compare` prints its variants'.

import { parseShard, readExperimentFile, shardFromEnvironment, shortNames, sortedRows, sweepParetoFront, sweepToFolder, SWEEP_RUNS_LIMIT, type Shard, type SweepTable } from '../../experiment/index.js';
import { figuresTable } from '../figures-table.js';
import { progressReporter } from '../progress.js';
import { UsageError } from '../errors.js';
import { parseDurationFlag, parseJobsFlag, parseReplicationsFlag, parseSeedFlag, singleFlag } from '../flags.js';
import type { SweepArgs } from '../commands/sweep.js';
import { counted } from '../../output/plural.js';
import { printExperimentNotes, printExperimentWarnings } from '../warnings.js';
import { ignoredPartProblems } from '../ignored-experiment.js';

export async function sweep(argv: SweepArgs): Promise<void> {
  const shard = shardOf(singleFlag('shard', argv.shard), singleFlag('shards', argv.shards), process.env);
  if (argv.report && shard) throw new UsageError('--report needs the whole sweep: run `ecsim merge DIR` and then `ecsim report DIR`');
  const exp = readExperimentFile(argv.scenario, {
    seed: parseSeedFlag(argv.seed),
    durationMs: parseDurationFlag(argv.duration),
    replications: parseReplicationsFlag(argv.replications),
  });
  // the base's warnings and each sweep value's own, as validate prints them (--quiet too, as run)
  printExperimentWarnings(exp, { sweep: true });
  // the part of the file sweep ignores, when invalid (validate exits 2 on it), as run says it
  for (const line of ignoredPartProblems(exp, 'sweep')) process.stderr.write(`warning: ${line}\n`);
  const jobs = parseJobsFlag(argv.jobs);
  const runs = singleFlag('runs', argv.runs);
  const outDir = singleFlag('out', argv.out) ?? `results/${exp.name}-sweep`;
  const label = shard ? `${exp.name} sweep ${shard.index}/${shard.count}` : `${exp.name} sweep`;
  const progress = argv.quiet ? { update() {}, stop() {} } : progressReporter(label);
  const started = Date.now();
  try {
    const { file, markdownFile, pairedFiles, removedShardFiles, table, runsDir } = await sweepToFolder(exp, { outDir, jobs, shard, runs, onProgress: (done, total) => progress.update(done / total) });
    progress.stop();
    const written = argv.report ? (await import('../../output/report/index.js')).writeReports(outDir) : undefined;
    for (const w of written?.warnings ?? []) process.stderr.write(`warning: ${w}\n`);
    const reportFiles = written?.files ?? [];
    // once it has run: what it left of the file unused (expect: lists, the variants), --quiet too;
    // not before a refusal, which stays one line
    printExperimentNotes(exp, 'sweep');
    // shard files of another sweep, which a later merge would have turned into that sweep's
    // table: files of the user's deleted, so said as a warning (stderr, --quiet too)
    if (removedShardFiles.length > 0) process.stderr.write(`warning: removed ${counted(removedShardFiles.length, 'shard file')} of another sweep: ${removedShardFiles.join(', ')}\n`);
    if (argv.quiet) return;
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    process.stdout.write(
      `${label}: ${table.rows.length} of ${counted(table.pointCount, 'point')} x ${counted(table.replications, 'replication')} in ${seconds} s wall\n` +
        // a shard's points alone have no Pareto front of the sweep: `ecsim merge` writes the table
        (shard ? '' : `\n${pointsTable(table)}\n\n`) +
        `results: ${[file, ...(markdownFile !== undefined ? [markdownFile] : []), ...pairedFiles, ...reportFiles].join(', ')}\n` +
        (runsDir !== undefined
          ? `runs: ${runsDir}/ (replication 0 of ${counted(table.rows.length, 'point')})\n`
          : runs === false
            ? ''
            : `runs: none (${table.pointCount} points > ${SWEEP_RUNS_LIMIT}; --runs writes them)\n`),
    );
  } finally {
    progress.stop();
  }
}

/** The points as compare prints its variants: the swept values (named as in comparison.md), the first five figures, the Pareto column. */
export function pointsTable(table: SweepTable): string {
  const rows = sortedRows(table);
  const front = sweepParetoFront(rows);
  return figuresTable(
    shortNames(table.paths),
    rows.map((r, i) => ({ lead: r.params, figures: r.means.map((mean, m) => ({ mean, ci95: r.ci95[m], n: r.counts?.[m] })), pareto: front[i] })),
    table.replications,
    'sweep.csv',
  );
}

/**
 * --shard i/n, or --shards n with the array index from the environment, or the whole sweep.
 * A mistake is named by what is at fault: the flag, or the environment variable.
 */
export function shardOf(shard: string | undefined, shards: number | undefined, env: Record<string, string | undefined>): Shard | undefined {
  const blame = (prefix: string, f: () => Shard | undefined): Shard | undefined => {
    try {
      return f();
    } catch (e) {
      throw new UsageError(`${prefix}${(e as Error).message}`);
    }
  };
  if (shard !== undefined) {
    if (shards !== undefined) throw new UsageError(`--shard: expected either --shard i/n or --shards n, found both (--shard ${shard} --shards ${shards})`);
    return blame('--shard: ', () => parseShard(shard));
  }
  if (shards === undefined) return undefined;
  if (!Number.isInteger(shards) || shards < 1) throw new UsageError(`--shards: expected a whole number >= 1, found ${shards}`);
  // a bad index names its variable itself (JOB_COMPLETION_INDEX: expected ...)
  const fromEnv = blame('', () => shardFromEnvironment(env, shards));
  if (!fromEnv) throw new UsageError(`--shards: expected the shard index (0-based) in JOB_COMPLETION_INDEX or AWS_BATCH_JOB_ARRAY_INDEX, found neither set; or use --shard i/n`);
  return fromEnv;
}
