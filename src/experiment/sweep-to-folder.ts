// Runs a sweep (or one shard of it) and writes `sweep.csv` and `comparison.md` (or, for a
// shard, only `sweep.shard-i-of-n.csv`: `ecsim merge` writes the two from all the shards)
// into the output folder, each file renamed into place when complete. Shards of one
// sweep may share the folder (a shared volume), so the folder itself is not replaced.
// With runs (default: sweeps of at most SWEEP_RUNS_LIMIT points), replication 0 of each
// point also writes its full results folder to `runs/<point label>/` (point-label.ts),
// each renamed into place when complete; a shard writes the runs of its own points.

import { join } from 'node:path';
import { assertReplaceable } from '../output/results-folder.js';
import { assertWritableFolder, writeFileAtomic, writeFilesAtomic } from '../output/staging.js';
import type { ExperimentFile } from './experiment-file.js';
import { inShard, shardFileName, type Shard } from './shard.js';
import { runSweep, type SweepTable } from './sweep.js';
import { experimentSweepPlan, sweepPointLabels } from './sweep-plan.js';
import { shardCsv, sweepCsv } from './sweep-files.js';
import { sweepMarkdown } from './sweep-markdown.js';
import { SWEEP_RUNS_LIMIT } from './sweep-runs-limit.js';

export { SWEEP_RUNS_LIMIT };

export interface SweepToFolderOptions {
  outDir: string;
  jobs: number;
  shard?: Shard;
  /** Write runs/<point label>/ (true), or not (false); default: when the sweep has at most SWEEP_RUNS_LIMIT points. */
  runs?: boolean;
  onProgress?: (done: number, total: number) => void;
}

export interface SweepFolder {
  /** sweep.csv or the shard file. */
  file: string;
  /** comparison.md, or undefined for a shard. */
  markdownFile: string | undefined;
  table: SweepTable;
  /** The runs/ folder written into, or undefined when runs were off. */
  runsDir: string | undefined;
}

export async function sweepToFolder(exp: ExperimentFile, options: SweepToFolderOptions): Promise<SweepFolder> {
  const plan = experimentSweepPlan(exp);
  const pointCount = plan.points.length;
  const runsDir = (options.runs ?? pointCount <= SWEEP_RUNS_LIMIT) ? join(options.outDir, 'runs') : undefined;
  // before any run: an --out that cannot be written fails now, not after the whole sweep
  assertWritableFolder(options.outDir);
  if (runsDir !== undefined) {
    // before any run: a runs/<label> in the way is refused now, not after hours of sweep
    sweepPointLabels(plan).forEach((label, i) => {
      if (inShard(i, options.shard)) assertReplaceable(join(runsDir, label));
    });
  }
  const table = await runSweep(exp, { jobs: options.jobs, shard: options.shard, runsDir, onProgress: options.onProgress });
  const file = join(options.outDir, options.shard ? shardFileName(options.shard) : 'sweep.csv');
  if (options.shard) {
    writeFileAtomic(file, shardCsv(table));
    return { file, markdownFile: undefined, table, runsDir };
  }
  const markdownFile = join(options.outDir, 'comparison.md');
  writeFilesAtomic([
    [file, sweepCsv(table)],
    [markdownFile, sweepMarkdown(table)],
  ]);
  return { file, markdownFile, table, runsDir };
}
