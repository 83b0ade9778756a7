// What `ecsim explain` does: the scaling timeline of a results folder, in sentences.

import { existsSync, statSync } from 'node:fs';
import { didYouMeanName } from '../../scenario/did-you-mean.js';
import { explainRun, readResults, serviceNames } from '../../output/explain/index.js';
import { UsageError } from '../errors.js';
import { timeFlag } from '../flags.js';
import type { ExplainArgs } from '../commands/explain.js';

export function explain(argv: ExplainArgs): void {
  process.stdout.write(runExplain(argv));
}

/** The explanation text for the flags (usage errors as UsageError). */
export function runExplain(argv: ExplainArgs): string {
  // (the command line refuses "" and "-" before this: flag-shape.ts rejectDashPositionals)
  if (argv.results === '') throw new UsageError('expected a results folder (written by ecsim run), found an empty name');
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
    throw new UsageError(`--service: expected a service of this run (${names.join(', ') || 'none'}), found "${argv.service}"${didYouMeanName(argv.service, names)}`);
  }
  const fromMs = timeFlag('--from', argv.from, results.startEpochMs);
  const toMs = timeFlag('--to', argv.to, results.startEpochMs);
  if (fromMs !== undefined && toMs !== undefined && toMs < fromMs) throw new UsageError(`--to: expected a time at or after --from (${fromMs / 1000} s), found ${toMs / 1000} s`);
  if (fromMs !== undefined && fromMs >= results.durationS * 1000) {
    throw new UsageError(`--from: expected a time before the run's end (${results.durationS} s after the start), found ${fromMs / 1000} s (a clock time before the start is the next day's)`);
  }
  // as trace: --to past the end would promise events the run never had
  if (toMs !== undefined && toMs > results.durationS * 1000) {
    const clock = String(argv.to).includes(':') ? " (a clock time before the start is the next day's)" : '';
    throw new UsageError(`--to: expected a time at or before the run's end (${results.durationS} s after the start), found ${toMs / 1000} s${clock}`);
  }
  return explainRun(results, {
    service: argv.service,
    fromS: fromMs === undefined ? undefined : fromMs / 1000,
    toS: toMs === undefined ? undefined : toMs / 1000,
  });
}
