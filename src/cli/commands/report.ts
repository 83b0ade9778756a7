// `ecsim report <results-dir> [--out FILE]`: writes report.html (and report.md) for a
// results folder, or the comparison page for a compare/sweep folder. Thin: the reports
// are built in src/output/report.

import type { ArgumentsCamelCase, Argv } from 'yargs';
import { existsSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { comparisonKind, isResultsFolder, writeReports, type WrittenReports } from '../../output/report/index.js';
import { UsageError } from '../errors.js';

export interface ReportArgs {
  resultsDir: string;
  out?: string;
  quiet?: boolean;
}

export const reportCommand = {
  command: 'report <results-dir>',
  describe: 'Write report.html (and report.md) for a results folder, or the comparison page for a compare/sweep folder',
  builder: (y: Argv) =>
    y
      .positional('results-dir', { type: 'string', demandOption: true, describe: 'a folder written by ecsim run, compare or sweep' })
      .option('out', { type: 'string', describe: 'the HTML file to write (default <results-dir>/report.html; for a run folder report.md goes beside it)' })
      .option('quiet', { type: 'boolean', default: false, describe: 'print nothing but errors' })
      .example('$0 report results/quickstart', 'writes results/quickstart/report.html and report.md')
      .example('$0 report results/compare-quickstart-compare --out /tmp/cmp.html', 'the comparison page of a compare folder') as unknown as Argv<ReportArgs>,
  handler: (argv: ArgumentsCamelCase<ReportArgs>) => {
    const written = runReport(argv);
    if (!argv.quiet) process.stdout.write(`wrote ${written.files.join(', ')}\n`);
  },
};

/** Checks the folder and writes its reports (bad input as UsageError). */
export function runReport(argv: ReportArgs): WrittenReports {
  const dir = argv.resultsDir;
  if (!existsSync(dir) || !statSync(dir).isDirectory()) throw new UsageError(`expected a results folder (written by ecsim run, compare or sweep), found no folder ${dir}`);
  if (!comparisonKind(dir) && !isResultsFolder(dir)) {
    throw new UsageError(`${dir} is not a results folder: expected summary.json and timeseries.csv (ecsim run) or comparison.csv / sweep.csv (ecsim compare / sweep)`);
  }
  if (argv.out !== undefined && !existsSync(dirname(resolve(argv.out)))) throw new UsageError(`--out: expected a file in an existing folder, found no folder ${dirname(argv.out)}`);
  try {
    return writeReports(dir, { htmlPath: argv.out });
  } catch (e) {
    // The readers throw plain Errors for malformed files (bad input); anything else is a bug.
    if (e instanceof Error && e.constructor === Error) throw new UsageError(`${dir}: ${e.message}`);
    throw e;
  }
}
