// `ecsim merge <dir-or-files...>`: joins sweep shard files into sweep.csv, byte for byte
// what the unsharded sweep writes.

import { statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { ArgumentsCamelCase, Argv } from 'yargs';
import { mergeShardFiles, shardFiles, sweepCsv, writeFileAtomic } from '../../experiment/index.js';
import { UsageError } from '../errors.js';
import { singleFlag } from './compare.js';

export interface MergeArgs {
  inputs: string[];
  out?: string;
  quiet?: boolean;
}

export const mergeCommand = {
  command: 'merge <inputs..>',
  describe: 'Join the shard files of a sweep (sweep.shard-i-of-n.csv) into sweep.csv',
  builder: (y: Argv) =>
    y
      .positional('inputs', { type: 'string', array: true, demandOption: true, describe: 'folders holding shard files, or shard files' })
      .option('out', { type: 'string', describe: 'merged file (default sweep.csv beside the first shard)' })
      .option('quiet', { type: 'boolean', default: false, describe: 'print nothing but errors' })
      .example('$0 merge results/web-sweep', 'every shard file in the folder -> results/web-sweep/sweep.csv'),
  handler: (argv: ArgumentsCamelCase<MergeArgs>) => {
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
  },
};
