// What `ecsim report` does: report.html (and report.md) for a run, compare or sweep folder.

import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { comparisonKind, isResultsFolder, writeReports, type WrittenReports } from '../../output/report/index.js';
import { shardOfFileName } from '../../experiment/shard.js';
import { UsageError } from '../errors.js';
import type { ReportArgs } from '../commands/report.js';

export function report(argv: ReportArgs): void {
  const written = runReport(argv);
  if (!argv.quiet) process.stdout.write(`wrote ${written.files.join(', ')}\n`);
}

/** Checks the folder and writes its reports (bad input as UsageError). */
export function runReport(argv: ReportArgs): WrittenReports {
  const dir = argv.resultsDir;
  if (!existsSync(dir) || !statSync(dir).isDirectory()) throw new UsageError(`expected a results folder (written by ecsim run, compare or sweep), found no folder ${dir}`);
  if (!comparisonKind(dir) && !isResultsFolder(dir)) {
    if (readdirSync(dir).some((n) => shardOfFileName(n) !== undefined)) {
      throw new UsageError(`${dir} holds the shard files of a sweep, not its sweep.csv: join them first (ecsim merge ${dir}), then report on the folder`);
    }
    throw new UsageError(`${dir} is not a results folder: expected summary.json and timeseries.csv (ecsim run) or comparison.csv / sweep.csv (ecsim compare / sweep)`);
  }
  // the HTML goes to --out and a run's Markdown beside it with .md: an --out named .md put
  // HTML into x.md and the Markdown into x.md.md
  const markdownName = argv.out === undefined ? null : /\.(md|markdown)$/i.exec(argv.out);
  if (argv.out !== undefined && markdownName) {
    throw new UsageError(`--out: expected the name of the HTML file to write (a run's report.md goes beside it), found a Markdown name ${argv.out} (give ${argv.out.slice(0, markdownName.index)}.html)`);
  }
  if (argv.out !== undefined && !existsSync(dirname(resolve(argv.out)))) throw new UsageError(`--out: expected a file in an existing folder, found no folder ${dirname(argv.out)}`);
  if (argv.out !== undefined && existsSync(argv.out) && statSync(argv.out).isDirectory()) throw new UsageError(`--out: expected the HTML file to write, found a folder ${argv.out} (give a file name, e.g. ${resolve(argv.out, 'report.html')})`);
  try {
    return writeReports(dir, { htmlPath: argv.out });
  } catch (e) {
    // The readers throw plain Errors for malformed files (bad input); a file that cannot be
    // written says so itself (fileSystemProblem); anything else is a bug.
    if (e instanceof Error && e.constructor === Error && (e as NodeJS.ErrnoException).code === undefined) throw new UsageError(`${dir}: ${e.message}`);
    throw e;
  }
}
