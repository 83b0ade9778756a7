// What `ecsim merge` does: shard files joined into sweep.csv, written whole.

import { statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { mergeShardFiles, shardFiles, sweepCsv, writeFileAtomic } from '../../experiment/index.js';
import { UsageError } from '../errors.js';
import { singleFlag } from '../flags.js';
import type { MergeArgs } from '../commands/merge.js';

export function merge(argv: MergeArgs): void {
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
  const out = singleFlag('out', argv.out) ?? join(dirname(files[0]), 'sweep.csv');
  writeFileAtomic(out, sweepCsv(table));
  if (!argv.quiet) process.stdout.write(`merged ${files.length} shard files (${table.pointCount} points) into ${out}\n`);
}
