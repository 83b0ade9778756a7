// What `ecsim merge` does: shard files joined into sweep.csv and comparison.md (beside
// it), and with 2 or more replications replications.csv and paired.csv (beside it too; an
// earlier sweep's two are removed when there are none: one replication, or shard files
// written before they carried each replication's figures), written whole and together;
// an earlier sweep's report.html beside them, which they would make stale, is removed.

import { realpathSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { besideFileInTheWay, hasPairing, isStandardOutput, isStreamPath, isSweepCsv, isSweepMarkdown, mergeShardFiles, pairedFileInTheWay, shardFiles, sweepCsv, sweepFolderHolds, sweepMarkdown, stageFiles, stageRemovals, staleSweepReport, sweepPairedFiles, writeFileAtomic, type StagedFile } from '../../experiment/index.js';
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
  const onStdout = isStandardOutput(out);
  const paired = markdown === undefined ? { write: [], remove: [] } : sweepPairedFiles(dirname(out), table);
  // all whole or none
  if (markdown === undefined) writeFileAtomic(out, sweepCsv(table));
  else {
    const staged = stageFiles([[out, sweepCsv(table)], [markdown, sweepMarkdown(table)], ...paired.write]);
    // an earlier sweep's pairing files (never beside the new sweep.csv) and comparison page
    // (stale beside the new table), moved aside now: removed with the write, or put back if it fails
    let removals: StagedFile;
    try {
      removals = stageRemovals([...paired.remove, ...staleSweepReport(dirname(out))]);
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
  // the CSV on standard output (--out /dev/stdout): the line goes to stderr, not after the CSV
  (onStdout ? process.stderr : process.stdout).write(`merged ${files.length} shard files (${table.pointCount} points) into ${written.slice(0, -1).join(', ')}${written.length > 1 ? ' and ' : ''}${written.at(-1)}${unpaired}\n`);
}

function realPathOrUndefined(path: string): string | undefined {
  try {
    return realpathSync(path);
  } catch {
    return undefined;
  }
}
