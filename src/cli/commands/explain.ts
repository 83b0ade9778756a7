// `ecsim explain <results-dir>`: the scaling timeline of a run as plain sentences (why it
// scaled, or did not). Thin: the logic is in src/output/explain.

import type { ArgumentsCamelCase, Argv } from 'yargs';
import { existsSync, statSync } from 'node:fs';
import { didYouMean } from '../../scenario/did-you-mean.js';
import { explainRun, readResults, serviceNames } from '../../output/explain/index.js';
import { UsageError } from '../errors.js';
import { timeFlag } from './trace.js';

export interface ExplainArgs {
  results: string;
  service?: string;
  from?: string;
  to?: string;
}

export const explainCommand = {
  command: 'explain <results>',
  describe: 'Tell the scaling timeline of a results folder in sentences: why it scaled, or did not',
  builder: (y: Argv) =>
    y
      .positional('results', { type: 'string', demandOption: true, describe: 'a results folder written by ecsim run' })
      .option('service', { type: 'string', describe: 'only this service (and the capacity providers its tasks used)' })
      .option('from', { type: 'string', describe: 'from: a duration since the start (20m, 1h30m) or a UTC time hh:mm' })
      .option('to', { type: 'string', describe: 'to: a duration since the start or a UTC time hh:mm' })
      .example('$0 explain results/quickstart', 'the whole run')
      .example('$0 explain results/quickstart --service web --from 09:15 --to 09:40', 'around the load step'),
  handler: (argv: ArgumentsCamelCase<ExplainArgs>) => {
    process.stdout.write(runExplain(argv));
  },
};

/** The explanation text for the flags (usage errors as UsageError). */
export function runExplain(argv: ExplainArgs): string {
  if (!existsSync(argv.results) || !statSync(argv.results).isDirectory()) {
    throw new UsageError(`expected a results folder (written by ecsim run), found no folder ${argv.results}`);
  }
  let results;
  try {
    results = readResults(argv.results);
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
  const names = serviceNames(results);
  if (argv.service !== undefined && !names.includes(argv.service)) {
    throw new UsageError(`--service: unknown service "${argv.service}"${didYouMean(argv.service, names)}; services: ${names.join(', ') || 'none'}`);
  }
  const fromMs = timeFlag('--from', argv.from, results.startEpochMs);
  const toMs = timeFlag('--to', argv.to, results.startEpochMs);
  if (fromMs !== undefined && toMs !== undefined && toMs < fromMs) throw new UsageError('--to: expected a time at or after --from');
  return explainRun(results, {
    service: argv.service,
    fromS: fromMs === undefined ? undefined : fromMs / 1000,
    toS: toMs === undefined ? undefined : toMs / 1000,
  });
}
