// Runs a sweep (or one shard of it) and writes `sweep.csv` and `comparison.md`, and with 2
// or more replications `replications.csv` and `paired.csv` (sweep-paired.ts; with one, an
// earlier sweep's two are removed; so is an earlier sweep's report.html, sweep-report.ts), and
// `providers.csv` (sweep-providers.ts) (or, for a shard, only `sweep.shard-i-of-n.csv`:
// `ecsim merge` writes the others from all the shards) into the output folder. Shards of one sweep may share the folder (a shared volume), so
// the folder itself is not replaced.
// With runs (default: sweeps of at most SWEEP_RUNS_LIMIT points), replication 0 of each
// point also writes its full results folder to `runs/<point label>/` (point-label.ts).
// Outputs appear whole or not at all: the runs are written into a temporary folder beside
// `runs/` and the files beside theirs, and only when all are written (a full disk fails
// before) are they moved into place: `runs/` replaced whole, then the files. A shard moves
// the runs of its own points into the shared `runs/`, each replacing that point's folder.
// A whole sweep without runs removes an earlier sweep's `runs/` with the files it replaces,
// and shard files of another sweep (another plan) left in the folder, which a later
// `ecsim merge` would turn into a `sweep.csv` of that sweep beside this one's `runs/`.
// `sweep-plan.txt` (the plan's digest, sweep-plan-file.ts) goes beside `sweep.csv` and into
// each `runs/<point label>/`, moved with the run: the report draws only the runs of the
// table's plan (a shard run without runs leaves an earlier sweep's `runs/` in place).
// A sweep stopped half-way leaves no output: on Ctrl-C or SIGTERM its temporary folder (and
// an --out it made) is removed (interrupt.ts); one killed outright leaves the temporary
// folder, which the next write into the folder removes (staging.ts).

import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { isSweepPlanText, SWEEP_PLAN_FILE, sweepPlanText, sweepRunsText } from '../output/sweep-plan-file.js';
import { assertReplaceable, assertReplaceableRuns, otherCommandsFolder, OutputPathError } from '../output/results-folder.js';
import { assertFileTarget, besideFileInTheWay, assertNamesFit, assertWritableFolder, stageFiles, stageRemovals, stagingFolder, type StagedFile } from '../output/staging.js';
import { staleSweepReport } from './sweep-report.js';
import type { ExperimentFile } from './experiment-file.js';
import { inShard, shardFileName, shardOfFileName, type Shard } from './shard.js';
import { runSweep, type SweepTable } from './sweep.js';
import { experimentSweepPlan, sweepPointLabels } from './sweep-plan.js';
import { isSweepCsv, parseShardCsv, shardCsv, sweepCsv } from './sweep-files.js';
import { sweepPlanDigest, sweepRunsDigest } from './sweep-plan-digest.js';
import { isSweepMarkdown, sweepMarkdown } from './sweep-markdown.js';
import { SWEEP_RUNS_LIMIT } from './sweep-runs-limit.js';
import { pairedFileInTheWay, sweepPairedFiles } from './sweep-paired.js';

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
  /** replications.csv and paired.csv (2 or more replications) and providers.csv when written (not by a shard), else []. */
  pairedFiles: string[];
  /** Shard files of another sweep's plan that a whole sweep removed from the folder. */
  removedShardFiles: string[];
  table: SweepTable;
  /** The runs/ folder written into, or undefined when runs were off. */
  runsDir: string | undefined;
}

/**
 * What in `dir` says it is another command's results folder, whose files a sweep's (or a
 * merge's) would mix with or replace: a compare's comparison.csv (its comparison.md would be
 * replaced) or a run's summary.json; null when neither is there.
 */
export function sweepFolderHolds(dir: string): string | null {
  return otherCommandsFolder(dir, 'sweep');
}

/**
 * Throws OutputPathError unless the sweep's files may be written into `dir`: not a compare's
 * or a run's folder, and sweep.csv and comparison.md there (when the sweep writes them) new
 * or an earlier sweep's (sweep.csv by its header, comparison.md by its heading), and so
 * replications.csv and paired.csv (by their headers), which it replaces or removes.
 */
function assertSweepFolder(dir: string, file: string, markdownFile: string | undefined): void {
  const planFile = join(dir, SWEEP_PLAN_FILE);
  const other = sweepFolderHolds(dir);
  if (other !== null) throw new OutputPathError(`cannot write the sweep to "${dir}": it holds ${other}, whose files the sweep's would mix with or replace; choose another --out`);
  if (markdownFile === undefined) return;
  for (const [path, earlier, head] of [
    [file, isSweepCsv, true],
    [markdownFile, isSweepMarkdown, false],
    [planFile, isSweepPlanText, false],
  ] as const) {
    const found = besideFileInTheWay(path, earlier, { head });
    if (found !== null) {
      throw new OutputPathError(`cannot write the sweep to "${dir}": expected a new ${basename(path)} or an earlier sweep's there, found ${found} at ${path}; choose another --out, or remove it yourself`);
    }
  }
  // replaced by the sweep's, or removed (one replication): an earlier sweep's only
  const paired = pairedFileInTheWay(dir);
  if (paired !== null) {
    const [path, found] = paired;
    throw new OutputPathError(`cannot write the sweep to "${dir}": expected a new ${basename(path)} or an earlier sweep's there, found ${found} at ${path}; choose another --out, or remove it yourself`);
  }
}

/**
 * The shard files in `dir` (sweep.shard-i-of-n.csv) that are not of the sweep of plan
 * digest `plan` (another plan, or none: written before shard files carried it, or without
 * rows): a whole sweep removes them. One that cannot be read as a shard file is refused.
 */
export function otherSweepsShardFiles(dir: string, plan: string): string[] {
  let names: string[];
  try {
    names = readdirSync(dir).filter((n) => shardOfFileName(n) !== undefined);
  } catch {
    return []; // no folder yet (or one we may not read: the write says why)
  }
  names.sort();
  return names
    .map((n) => join(dir, n))
    .filter((path) => {
      let shardPlan: string | undefined;
      try {
        shardPlan = parseShardCsv(readFileSync(path, 'utf8'), path).plan;
      } catch (e) {
        const why = (e as Error).message.startsWith(`${path}: `) ? (e as Error).message.slice(path.length + 2) : (e as Error).message;
        throw new OutputPathError(`cannot write the sweep to "${dir}": it holds ${path}, which the sweep would remove as another sweep's shard file, but it is not one ecsim can read (${why}); remove it yourself, or choose another --out`);
      }
      return shardPlan !== plan;
    });
}

export async function sweepToFolder(exp: ExperimentFile, options: SweepToFolderOptions): Promise<SweepFolder> {
  const plan = experimentSweepPlan(exp);
  const digest = sweepPlanDigest(exp);
  const runsDigest = sweepRunsDigest(exp);
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
  // before any run: the sweep's files go only where they replace nothing but an earlier sweep's
  assertSweepFolder(options.outDir, file, markdownFile);
  // A whole sweep without runs removes an earlier sweep's runs/ with its files (the report
  // would draw those as this sweep's points); a shard leaves the shared runs/ to the others.
  const staleRuns = runsDir === undefined && markdownFile !== undefined ? join(options.outDir, 'runs') : undefined;
  if (staleRuns !== undefined) assertReplaceableRuns(staleRuns);
  // A whole sweep removes shard files of another plan (a later merge would put that sweep's
  // table beside this one's runs/); a shard's own file is replaced, other shards are left.
  const staleShards = markdownFile === undefined ? [] : otherSweepsShardFiles(options.outDir, digest);
  const staging = runsDir !== undefined ? stagingFolder(runsDir, options.shard ? 'runs of a shard' : 'runs') : undefined;
  try {
    const table = await runSweep(exp, { jobs: options.jobs, shard: options.shard, runsDir: staging?.tempDir, onProgress: options.onProgress });
    // each run says which sweep wrote it, moved into place with it
    if (staging !== undefined) {
      for (const label of sweepPointLabels(plan).filter((_, i) => inShard(i, options.shard))) writeFileSync(join(staging.tempDir, label, SWEEP_PLAN_FILE), sweepRunsText(runsDigest));
    }
    // the tables written before runs/ moves, so a full disk leaves everything as it was
    const paired = markdownFile === undefined ? { write: [], remove: [] } : sweepPairedFiles(options.outDir, table);
    const files = stageFiles([
      [file, options.shard ? shardCsv(table) : sweepCsv(table)],
      ...(markdownFile !== undefined ? [[markdownFile, sweepMarkdown(table)] as const, [join(options.outDir, SWEEP_PLAN_FILE), sweepPlanText(digest, runsDigest)] as const] : []),
      ...paired.write,
    ]);
    // an earlier sweep's pairing files (never beside the new sweep.csv) and comparison page
    // (report.html, sweep-report.ts; --report writes a new one after), moved aside now:
    // removed with the write, or put back if it fails
    let removals: StagedFile | undefined;
    try {
      removals = stageRemovals(markdownFile === undefined ? paired.remove : [...paired.remove, ...staleSweepReport(options.outDir), ...staleShards, ...(staleRuns !== undefined ? [staleRuns] : [])]);
      staging?.commit();
    } catch (e) {
      files.abort();
      removals?.abort();
      throw e;
    }
    try {
      files.commit();
    } catch (e) {
      removals.abort(); // what was moved aside goes back beside whatever the failed write left
      throw e;
    }
    removals.commit();
    return { file, markdownFile, pairedFiles: paired.write.map(([path]) => path), removedShardFiles: staleShards, table, runsDir };
  } catch (e) {
    if (staging === undefined) throw e;
    staging.abort();
    throw staging.namingUserPath(e);
  }
}
