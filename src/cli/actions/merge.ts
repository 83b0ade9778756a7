// What `ecsim merge` does: shard files joined into sweep.csv and comparison.md (beside
// it), and with 2 or more replications replications.csv and paired.csv (beside it too; an
// earlier sweep's two are removed when there are none: one replication, or shard files
// written before they carried each replication's figures), and providers.csv (beside it;
// an earlier sweep's removed when no shard file carried the figures per provider), written whole and together;
// an earlier sweep's report.html beside them, which they would make stale, is removed.
// sweep.csv gets its sweep-plan.txt beside it (the shards' plan digest; an earlier one
// removed when the shards carry none), by which the report draws only this sweep's runs/.
// A sweep.csv newer than the shard files and of another plan is not replaced: those shard
// files are an older sweep's left-overs (a whole sweep written since).
// A CSV of another name into a folder of another plan's sweep is refused: the files beside
// it would be one sweep's beside the other's sweep.csv.

import { existsSync, realpathSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { besideFileInTheWay, hasPairing, unrecordedProviderPoints, isStandardOutput, isStreamPath, isSweepCsv, isSweepMarkdown, mergeShardFiles, pairedFileInTheWay, shardFiles, sweepCsv, sweepFolderHolds, sweepMarkdown, stageFiles, stageRemovals, staleSweepReport, sweepPairedFiles, writeFileAtomic, type StagedFile } from '../../experiment/index.js';
import { isSweepPlanText, readSweepPlan, SWEEP_PLAN_FILE, sweepPlanText } from '../../output/sweep-plan-file.js';
import { ResultsFileError } from '../../output/results-file.js';
import { UsageError } from '../errors.js';
import { singleFlag } from '../flags.js';
import { refuseToReplaceFile } from '../out-file.js';
import type { MergeArgs } from '../commands/merge.js';

export function merge(argv: MergeArgs): void {
  const outFlag = singleFlag('out', argv.out);
  if (outFlag !== undefined && basename(outFlag) === 'comparison.md') {
    throw new UsageError('--out: comparison.md is the table merge writes beside the CSV; give the CSV another name (e.g. sweep.csv)');
  }
  let files: string[];
  let table;
  try {
    for (const input of argv.inputs) statSync(input);
    files = shardFiles(argv.inputs);
    table = mergeShardFiles(files);
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    throw new UsageError(err.code === 'ENOENT' ? `merge: no such file or folder: ${err.path}` : err.message);
  }
  const out = outFlag ?? join(dirname(files[0]), 'sweep.csv');
  // --out naming one of the shards (also by another path or a link) replaced it with the merge
  const outReal = realPathOrUndefined(out);
  const same = outReal === undefined ? undefined : files.find((f) => realPathOrUndefined(f) === outReal);
  if (same !== undefined) throw new UsageError(`--out: expected a file that is not one of the shard files being merged, found ${out}${same === out ? '' : ` (which is ${same})`}; give another name (e.g. sweep.csv)`);
  const stream = isStreamPath(out);
  // an existing file other than an earlier sweep.csv (a scenario) was replaced by the CSV
  refuseToReplaceFile(out, { earlier: isSweepCsv, earlierKind: "an earlier sweep's sweep.csv (its header)", example: 'sweep.csv' });
  // a compare's folder has a comparison.md of its own, which the sweep's must not replace; a
  // run's folder would hold a sweep's files among its own
  const other = stream ? null : sweepFolderHolds(dirname(out));
  if (other !== null) throw new UsageError(`--out: ${dirname(out)} holds ${other}: merge would write sweep.csv and comparison.md among its files; give another folder`);
  // beside the CSV; not when --out is a pipe or a device (/dev/stdout), which has no folder of its own
  const markdown = stream ? undefined : join(dirname(out), 'comparison.md');
  // a file merge was not named to write: only a new one or an earlier sweep's is replaced (a
  // folder or a FIFO there failed or hung after sweep.csv had been replaced)
  const found = markdown === undefined ? null : besideFileInTheWay(markdown, isSweepMarkdown);
  if (found !== null) throw new UsageError(`--out: merge writes comparison.md beside the CSV, at ${markdown}: expected a new file or an earlier sweep's comparison.md there, found ${found}; give --out in another folder`);
  // replications.csv and paired.csv beside it: written, or an earlier sweep's removed; nothing else replaced
  const pairedFound = markdown === undefined ? null : pairedFileInTheWay(dirname(out));
  if (pairedFound !== null) {
    throw new UsageError(`--out: merge writes ${basename(pairedFound[0])} beside the CSV, at ${pairedFound[0]}: expected a new file or an earlier sweep's there, found ${pairedFound[1]}; give --out in another folder`);
  }
  // sweep.csv's sweep-plan.txt beside it (not for a CSV of another name: the folder's own sweep.csv keeps its own)
  const planFile = markdown !== undefined && basename(out) === 'sweep.csv' ? join(dirname(out), SWEEP_PLAN_FILE) : undefined;
  const planFound = planFile === undefined ? null : besideFileInTheWay(planFile, isSweepPlanText);
  if (planFound !== null) throw new UsageError(`--out: merge writes ${SWEEP_PLAN_FILE} beside sweep.csv, at ${planFile}: expected a new file or an earlier sweep's there, found ${planFound}; give --out in another folder`);
  if (planFile !== undefined) refuseNewerSweep(out, planFile, files, table.plan);
  else if (markdown !== undefined) refuseBesideOtherSweep(out, table.plan);
  const onStdout = isStandardOutput(out);
  const paired = markdown === undefined ? { write: [], remove: [] } : sweepPairedFiles(dirname(out), table);
  // all whole or none
  if (markdown === undefined) writeFileAtomic(out, sweepCsv(table));
  else {
    // the plan of the shards, or (shard files written before they carried it) none: an earlier sweep's removed
    const plan = planFile === undefined || table.plan === undefined ? [] : [[planFile, sweepPlanText(table.plan, table.runsPlan)] as const];
    const stalePlan = planFile !== undefined && table.plan === undefined && existsSync(planFile) ? [planFile] : [];
    const staged = stageFiles([[out, sweepCsv(table)], [markdown, sweepMarkdown(table, basename(out))], ...plan, ...paired.write]);
    // an earlier sweep's pairing files (never beside the new sweep.csv) and comparison page
    // (stale beside the new table), moved aside now: removed with the write, or put back if it fails
    let removals: StagedFile;
    try {
      removals = stageRemovals([...paired.remove, ...stalePlan, ...staleSweepReport(dirname(out))]);
    } catch (e) {
      staged.abort();
      throw e;
    }
    staged.commit();
    removals.commit();
  }
  if (argv.quiet) return;
  const written = [out, ...(markdown !== undefined ? [markdown] : []), ...paired.write.map(([path]) => path)];
  // shard files from before they carried each replication's figures: merged, without the paired differences
  const unpaired = table.replications >= 2 && !hasPairing(table) ? '; no paired differences: the shard files were written before ecsim recorded each replication\'s figures in them (run the shards again for them)' : '';
  // shard files from before they carried the figures per capacity provider: merged, those points without them
  const unrecorded = unrecordedProviderPoints(table);
  const noProviders =
    unrecorded === 0
      ? ''
      : `; no figures per capacity provider (providers.csv) for ${unrecorded} point${unrecorded === 1 ? '' : 's'}: their shard files were written before ecsim recorded them (run those shards again for them)`;
  // the CSV on standard output (--out /dev/stdout): the line goes to stderr, not after the CSV
  (onStdout ? process.stderr : process.stdout).write(`merged ${files.length} shard files (${table.pointCount} points) into ${written.slice(0, -1).join(', ')}${written.length > 1 ? ' and ' : ''}${written.at(-1)}${unpaired}${noProviders}\n`);
}

/**
 * Refuses to replace `out`, an existing sweep.csv, when it is newer than every shard file
 * and its sweep-plan.txt names another plan than the shards': it is a later sweep's (a whole
 * sweep written into the folder since), and the shard files an older sweep's left-overs.
 * Without a plan on either side (files written before ecsim recorded it) there is no check.
 */
function refuseNewerSweep(out: string, planFile: string, files: readonly string[], plan: string | undefined): void {
  if (plan === undefined) return;
  const outPlan = planNamedIn(planFile);
  if (outPlan === undefined || outPlan === plan) return;
  const mtime = (path: string) => statSync(path).mtimeMs;
  let outTime: number;
  try {
    outTime = mtime(out);
  } catch {
    return; // no sweep.csv: nothing to keep
  }
  const newestShard = Math.max(...files.map(mtime));
  if (outTime <= newestShard) return;
  throw new UsageError(
    `merge: ${out} is of another sweep than the shard files (its ${SWEEP_PLAN_FILE} names plan ${outPlan}, the shard files plan ${plan}) and newer than all of them: ` +
      `merging would replace it with an older sweep's table; remove the older sweep's shard files (or merge them with --out into another folder)`,
  );
}

/**
 * Refuses a merge into a CSV of another name than sweep.csv (whose folder's sweep-plan.txt
 * it leaves alone) in a folder whose sweep-plan.txt names another plan than the shard files'
 * (or the shard files name none): comparison.md, replications.csv and paired.csv, written
 * beside it, would be this table's beside that sweep's sweep.csv and sweep-plan.txt, and the
 * report would draw one sweep's table with the other's paired differences.
 */
function refuseBesideOtherSweep(out: string, plan: string | undefined): void {
  const folderPlan = planNamedIn(join(dirname(out), SWEEP_PLAN_FILE));
  if (folderPlan === undefined || folderPlan === plan) return;
  throw new UsageError(
    `--out: ${dirname(out)} holds a sweep of another plan than the shard files (its ${SWEEP_PLAN_FILE} names plan ${folderPlan}, the shard files ${plan === undefined ? 'none' : `plan ${plan}`}): ` +
      `merge writes comparison.md, replications.csv and paired.csv beside ${basename(out)}, which would then describe another table than that sweep's sweep.csv; give --out in another folder`,
  );
}

/** The plan digest the sweep-plan.txt at `planFile` names (undefined: none there, or a runs-only mark); another file there is a usage error. */
function planNamedIn(planFile: string): string | undefined {
  try {
    return readSweepPlan(planFile)?.plan;
  } catch (e) {
    if (e instanceof ResultsFileError) throw new UsageError(`merge: ${e.message}`);
    throw e;
  }
}

function realPathOrUndefined(path: string): string | undefined {
  try {
    return realpathSync(path);
  } catch {
    return undefined;
  }
}
