// Runs a sweep (or one shard of it) and writes `sweep.csv` (or `sweep.shard-i-of-n.csv`)
// into the output folder, each file renamed into place when complete. Shards of one
// sweep may share the folder (a shared volume), so the folder itself is not replaced.

import { join } from 'node:path';
import { writeFileAtomic } from './atomic-files.js';
import type { ExperimentFile } from './experiment-file.js';
import { shardFileName, type Shard } from './shard.js';
import { runSweep, type SweepTable } from './sweep.js';
import { shardCsv, sweepCsv } from './sweep-files.js';

export interface SweepToFolderOptions {
  outDir: string;
  jobs: number;
  shard?: Shard;
  onProgress?: (done: number, total: number) => void;
}

export async function sweepToFolder(exp: ExperimentFile, options: SweepToFolderOptions): Promise<{ file: string; table: SweepTable }> {
  const table = await runSweep(exp, { jobs: options.jobs, shard: options.shard, onProgress: options.onProgress });
  const file = join(options.outDir, options.shard ? shardFileName(options.shard) : 'sweep.csv');
  writeFileAtomic(file, options.shard ? shardCsv(table) : sweepCsv(table));
  return { file, table };
}
