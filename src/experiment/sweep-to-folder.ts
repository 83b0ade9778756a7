// Runs a sweep (or one shard of it) and writes `sweep.csv` and `comparison.md` (or, for a
// shard, only `sweep.shard-i-of-n.csv`: `ecsim merge` writes the two from all the shards)
// into the output folder. Shards of one sweep may share the folder (a shared volume), so
// the folder itself is not replaced.
// With runs (default: sweeps of at most SWEEP_RUNS_LIMIT points), replication 0 of each
// point also writes its full results folder to `runs/<point label>/` (point-label.ts).
// Outputs appear whole or not at all: the runs are written into a temporary folder beside
// `runs/` and the files beside theirs, and only when all are written (a full disk fails
// before) are they moved into place: `runs/` replaced whole, then the files. A shard moves
// the runs of its own points into the shared `runs/`, each replacing that point's folder.
// A sweep stopped half-way (Ctrl-C) leaves no output, only a temporary folder that the
// next write into the folder removes (staging.ts).

import { join } from 'node:path';
import { assertReplaceable } from '../output/results-folder.js';
import { assertFileTarget, assertNamesFit, assertWritableFolder, stageFiles, stagingFolder } from '../output/staging.js';
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
      if (!inShard(i, options.shard)) return;
      assertReplaceable(join(runsDir, label));
      assertNamesFit(join(runsDir, label));
    });
  }
  const file = join(options.outDir, options.shard ? shardFileName(options.shard) : 'sweep.csv');
  const markdownFile = options.shard ? undefined : join(options.outDir, 'comparison.md');
  // before any run: a folder in the way of the tables is refused now, not after the sweep
  // (which would then lose its runs with it)
  assertFileTarget(file);
  if (markdownFile !== undefined) assertFileTarget(markdownFile);
  const staging = runsDir !== undefined ? stagingFolder(runsDir, options.shard ? 'runs of a shard' : 'runs') : undefined;
  try {
    const table = await runSweep(exp, { jobs: options.jobs, shard: options.shard, runsDir: staging?.tempDir, onProgress: options.onProgress });
    // the tables written before runs/ moves, so a full disk leaves everything as it was
    const files = stageFiles([[file, options.shard ? shardCsv(table) : sweepCsv(table)], ...(markdownFile !== undefined ? [[markdownFile, sweepMarkdown(table)] as const] : [])]);
    try {
      staging?.commit();
    } catch (e) {
      files.abort();
      throw e;
    }
    files.commit();
    return { file, markdownFile, table, runsDir };
  } catch (e) {
    if (staging === undefined) throw e;
    staging.abort();
    throw staging.namingUserPath(e);
  }
}
