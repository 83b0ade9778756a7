// `ecsim compare <scenario>`: each variant x replication with common random numbers;
// writes comparison.csv, paired.csv, replications.csv, providers.csv, comparison.md and runs/<variant>/.
// The work is in ../actions/compare.ts, loaded when the command runs.

import type { ArgumentsCamelCase, Argv } from 'yargs';
import { exampleRows, type Example } from '../examples.js';

export interface CompareArgs {
  scenario: string;
  replications?: number;
  seed?: number;
  duration?: string;
  out?: string;
  jobs?: number;
  quiet?: boolean;
  report?: boolean;
}

export const compareExamples: readonly Example[] = [
  { command: '$0 compare scenarios/compare-quickstart.yaml --replications 10', describe: 'compare the variants over 10 seeds' },
];

export const compareCommand = {
  command: 'compare <scenario>',
  describe:
    'Run every variant of a scenario for its replications (common random numbers), print the table of variants and write comparison.csv and comparison.md (a row per variant), ' +
    'paired.csv (every variant minus the first, paired by replication; also in comparison.md), replications.csv (each run\'s figures), ' +
    'providers.csv (per variant and capacity provider: cost, and peak instances or tasks, mean and largest; also in comparison.md) and runs/<variant>/ (replication 0)',
  builder: (y: Argv) =>
    y
      .positional('scenario', { type: 'string', demandOption: true, describe: 'scenario file with `variants`' })
      .option('replications', { type: 'number', describe: 'replications per variant, seeds seed..seed+N-1 (overrides the scenario\'s)' })
      .option('seed', { type: 'number', describe: 'first seed (overrides the scenario\'s); decimal digits' })
      .option('duration', { type: 'string', describe: 'simulated duration, e.g. 2h or 7d, a whole number of metric periods (overrides the scenario\'s; refused when a variant sets its own; without it every variant must run one duration)' })
      .option('out', { type: 'string', describe: "output folder (default results/<scenario name>-compare); replaces an earlier compare's folder or an empty one, never anything else (a sweep's or a run's folder is refused)" })
      .option('jobs', { type: 'number', describe: 'worker threads (default: the number of cores)' })
      .option('quiet', { type: 'boolean', default: false, describe: "print nothing but warnings about the scenario (the base's, and each variant's own, as validate prints them), notes (what compare leaves of the file unrun or unchecked: its sweep, expect: lists) and errors (all on stderr)" })
      .option('report', { type: 'boolean', default: false, describe: 'also write report.html: the comparison page (table, cost-vs-SLO scatter, overlaid time series)' })
      .example(exampleRows(compareExamples)),
  handler: async (argv: ArgumentsCamelCase<CompareArgs>) => (await import('../actions/compare.js')).compare(argv),
};
