// `ecsim merge <dir-or-files...>`: joins sweep shard files into sweep.csv and, beside it,
// comparison.md and providers.csv (and with 2+ replications replications.csv and paired.csv), byte for byte
// what the unsharded sweep writes.
// The work is in ../actions/merge.ts, loaded when the command runs.

import type { ArgumentsCamelCase, Argv } from 'yargs';
import { exampleRows, type Example } from '../examples.js';

export interface MergeArgs {
  inputs: string[];
  out?: string;
  quiet?: boolean;
}

export const mergeExamples: readonly Example[] = [
  { command: '$0 merge results/web-sweep', describe: 'every shard file in the folder -> results/web-sweep/sweep.csv, comparison.md, providers.csv (and paired.csv, replications.csv)' },
];

export const mergeCommand = {
  command: 'merge <inputs..>',
  describe: 'Join the shard files of a sweep (sweep.shard-i-of-n.csv) into sweep.csv, comparison.md and providers.csv, and with 2+ replications replications.csv and paired.csv (shard files from before they carried each replication\'s figures, or the figures per capacity provider: merged without them, and said so; the latter\'s points read `not recorded`)',
  builder: (y: Argv) =>
    y
      .positional('inputs', { type: 'string', array: true, demandOption: true, default: undefined, describe: 'folders holding shard files, or shard files' })
      .option('out', { type: 'string', describe: 'merged CSV file (default sweep.csv beside the first shard): a new file, a device or pipe (/dev/stdout), or an earlier sweep.csv; any other existing file is refused. comparison.md, replications.csv, paired.csv and providers.csv are written beside it (not beside a device or pipe), replacing (the last three: or removing) only an earlier sweep\'s (so not into a compare\'s or a run\'s folder, nor over another file), and sweep-plan.txt beside a sweep.csv; a sweep.csv newer than the shard files and of another sweep (its sweep-plan.txt) is refused, and so is a CSV of another name in a folder of another sweep (its comparison.md and pairing files would be beside that sweep\'s sweep.csv); an earlier sweep\'s report.html there, which the new table would make stale, is removed (another report.html is left alone); all are written whole, or none' })
      .option('quiet', { type: 'boolean', default: false, describe: 'print nothing but errors' })
      .example(exampleRows(mergeExamples)),
  handler: async (argv: ArgumentsCamelCase<MergeArgs>) => (await import('../actions/merge.js')).merge(argv),
};
