// What `ecsim report` does: report.html (and report.md) for a run, compare or sweep folder.

import { existsSync, readdirSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { comparisonKind, isReportMarkdown, isReportPage, isResultsFolder, markdownPathOf, writeReports, type WrittenReports } from '../../output/report/index.js';
import { besideFileInTheWay, isStandardOutput } from '../../output/staging.js';
import { ResultsFileError } from '../../output/results-file.js';
import { RUN_FILES } from '../../output/run-files.js';
import { shardOfFileName } from '../../experiment/shard.js';
import { UsageError } from '../errors.js';
import { refuseToReplaceFile } from '../out-file.js';
import type { ReportArgs } from '../commands/report.js';

export function report(argv: ReportArgs): void {
  // the report on standard output (--out /dev/stdout): the line goes to stderr, not after the HTML
  const toStderr = argv.out !== undefined && isStandardOutput(argv.out);
  const written = runReport(argv);
  // runs/ folders of another sweep left out of the page: said on stderr too (with --quiet too, as warnings are)
  for (const w of written.warnings) process.stderr.write(`warning: ${w}\n`);
  if (!argv.quiet) (toStderr ? process.stderr : process.stdout).write(`wrote ${written.files.join(', ')}\n`);
}

/** Checks the folder and writes its reports (bad input as UsageError). */
export function runReport(argv: ReportArgs): WrittenReports {
  const dir = argv.resultsDir;
  // (the command line refuses "" and "-" before this: flag-shape.ts rejectDashPositionals)
  if (dir === '') throw new UsageError('expected a results folder (written by ecsim run, compare or sweep), found an empty name');
  if (!existsSync(dir) || !statSync(dir).isDirectory()) throw new UsageError(`expected a results folder (written by ecsim run, compare or sweep), found no folder ${dir}`);
  if (!comparisonKind(dir) && !isResultsFolder(dir)) {
    if (readdirSync(dir).some((n) => shardOfFileName(n) !== undefined)) {
      throw new UsageError(`${dir} holds the shard files of a sweep, not its sweep.csv: join them first (ecsim merge ${dir}), then report on the folder`);
    }
    throw new UsageError(`${dir} is not a results folder: expected ${RUN_FILES.join(', ')} (ecsim run) or comparison.csv / sweep.csv (ecsim compare / sweep)`);
  }
  // the HTML goes to --out and a run's Markdown beside it with .md: an --out named .md put
  // HTML into x.md and the Markdown into x.md.md
  const markdownName = argv.out === undefined ? null : /\.(md|markdown)$/i.exec(argv.out);
  if (argv.out !== undefined && markdownName) {
    throw new UsageError(`--out: expected the name of the HTML file to write (a run's report.md goes beside it), found a Markdown name ${argv.out} (give ${argv.out.slice(0, markdownName.index)}.html)`);
  }
  // a missing parent folder of --out is made when the page is written (mkdir -p), as run, trace, merge and init make theirs
  if (argv.out !== undefined && existsSync(argv.out) && statSync(argv.out).isDirectory()) throw new UsageError(`--out: expected the HTML file to write, found a folder ${argv.out} (give a file name, e.g. ${resolve(argv.out, 'report.html')})`);
  if (argv.out !== undefined) refuseToReplace(argv.out);
  if (argv.out !== undefined && !comparisonKind(dir)) refuseToReplaceMarkdown(argv.out);
  try {
    return writeReports(dir, { htmlPath: argv.out });
  } catch (e) {
    // The readers name a file of the folder that is missing, malformed or misshapen (bad
    // input); a file that cannot be written says so itself (fileSystemProblem); anything
    // else is a bug.
    if (e instanceof ResultsFileError) throw new UsageError(e.message);
    throw e;
  }
}

/**
 * --out may name a new file, a device or pipe (/dev/stdout), or an earlier page ecsim wrote
 * (known by its first lines: the page's head and a title ending `— ecsim report`, as a sweep
 * knows its report.html), followed through links. Any other existing file (the folder's
 * summary.json, a scenario, an HTML page of the user's own) is refused: it was replaced.
 */
function refuseToReplace(out: string): void {
  refuseToReplaceFile(out, {
    earlier: isReportPage,
    earlierKind: 'an earlier report ecsim wrote (an HTML page whose <title> ends "— ecsim report")',
    example: 'report.html',
  });
}

/**
 * A run's report.md goes beside --out (x.html -> x.md), a file the user did not name: it may
 * be new or an earlier report's Markdown, never another file (x.md of the user's notes was
 * replaced without a word), nor a folder or a pipe. Checked before anything is written.
 */
function refuseToReplaceMarkdown(out: string): void {
  const md = markdownPathOf(out);
  const found = md === null ? null : besideFileInTheWay(md, isReportMarkdown);
  if (md === null || found === null) return;
  throw new UsageError(`--out: a run's Markdown report goes beside the HTML, at ${md}: expected a new file or an earlier report's Markdown there, found ${found}; give --out another name`);
}
