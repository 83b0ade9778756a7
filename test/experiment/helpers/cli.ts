// Runs compare / sweep / merge as src/cli/main.ts does, with only those three commands
// registered. Also runnable: `npx tsx test/experiment/helpers/cli.ts compare ...`.

import yargs from 'yargs';
import { hideBin } from 'yargs/helpers';
import { reportError, UsageError } from '../../../src/cli/errors.js';
import { compareCommand } from '../../../src/cli/commands/compare.js';
import { sweepCommand } from '../../../src/cli/commands/sweep.js';
import { mergeCommand } from '../../../src/cli/commands/merge.js';

export async function experimentCli(argv: string[]): Promise<number> {
  // Replications run in this process unless a test asks for workers: a worker thread started
  // from the TypeScript sources loads them through tsx afresh (seconds each). Runs are the
  // same on any number of workers (tested with --jobs where it matters).
  const inProcess = (argv[0] === 'compare' || argv[0] === 'sweep') && !argv.some((a) => a === '--jobs' || a.startsWith('--jobs='));
  try {
    await yargs(inProcess ? [...argv, '--jobs', '1'] : argv)
      .command(compareCommand)
      .command(sweepCommand)
      .command(mergeCommand)
      .strict()
      .fail((msg, err) => {
        throw err ?? new UsageError(msg);
      })
      .parseAsync();
    return 0;
  } catch (e) {
    return reportError(e);
  }
}

if (process.argv[1]?.endsWith('helpers/cli.ts')) {
  experimentCli(hideBin(process.argv)).then((code) => {
    process.exitCode = code;
  });
}
