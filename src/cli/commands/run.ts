// `ecsim run <scenario>`: one run, results folder, a short human summary. The work is in
// ../actions/run.ts, loaded when the command runs (so that --help starts fast).

import type { ArgumentsCamelCase, Argv } from 'yargs';
import { exampleRows, type Example } from '../examples.js';

export interface RunArgs {
  scenario: string;
  seed?: number;
  out?: string;
  duration?: string;
  quiet?: boolean;
  report?: boolean;
}

export const runExamples: readonly Example[] = [
  { command: '$0 run scenarios/quickstart.yaml', describe: 'run the quick start into results/quickstart/' },
  { command: '$0 run scenarios/quickstart.yaml --seed 7 --out /tmp/qs', describe: 'another seed, another folder' },
  { command: '$0 run scenarios/quickstart.yaml --report', describe: 'and a self-contained report.html' },
];

export const runCommand = {
  command: 'run <scenario>',
  describe: 'Run a scenario and write its results folder',
  builder: (y: Argv) =>
    y
      .positional('scenario', { type: 'string', demandOption: true, describe: 'scenario file (YAML or JSON)' })
      .option('seed', { type: 'number', describe: 'random seed (overrides the scenario\'s seed); decimal digits' })
      .option('out', { type: 'string', describe: "results folder (default results/<scenario name>); replaces an earlier run's results folder or an empty one, never anything else (a sweep's or a compare's folder is refused)" })
      .option('duration', { type: 'string', describe: 'simulated duration, e.g. 2h or 7d, a whole number of metric periods (overrides the scenario\'s)' })
      .option('quiet', { type: 'boolean', default: false, describe: 'print nothing but warnings and notes about the scenario and errors (all on stderr)' })
      .option('report', { type: 'boolean', default: false, describe: 'also write report.html and report.md into the results folder' })
      .example(exampleRows(runExamples)),
  handler: async (argv: ArgumentsCamelCase<RunArgs>) => (await import('../actions/run.js')).run(argv),
};
