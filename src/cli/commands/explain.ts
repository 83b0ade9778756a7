// `ecsim explain <results-dir>`: the scaling timeline of a run as plain sentences (why it
// scaled, or did not). Thin: the logic is in src/output/explain.
// The work is in ../actions/explain.ts, loaded when the command runs.

import type { ArgumentsCamelCase, Argv } from 'yargs';
import { exampleRows, type Example } from '../examples.js';

export interface ExplainArgs {
  results: string;
  service?: string;
  from?: string;
  to?: string;
}

export const explainExamples: readonly Example[] = [
  { command: '$0 explain results/quickstart', describe: 'the whole run' },
  { command: '$0 explain results/quickstart --service web --from 09:15 --to 09:40', describe: 'around the load step' },
];

export const explainCommand = {
  command: 'explain <results>',
  describe: 'Tell the scaling timeline of a results folder in sentences: why it scaled, or did not',
  builder: (y: Argv) =>
    y
      .positional('results', { type: 'string', demandOption: true, describe: 'a results folder written by ecsim run, whole (one missing summary.json, timeseries.csv, capacity.csv, events.csv or tasks.csv is refused: exit 2)' })
      .option('service', { type: 'string', describe: 'only this service (and the capacity providers its tasks used)' })
      .option('from', { type: 'string', describe: 'from: a duration since the start (20m, 1h30m) or a UTC time hh:mm' })
      .option('to', { type: 'string', describe: 'to: a duration since the start or a UTC time hh:mm' })
      .example(exampleRows(explainExamples)),
  handler: async (argv: ArgumentsCamelCase<ExplainArgs>) => (await import('../actions/explain.js')).explain(argv),
};
