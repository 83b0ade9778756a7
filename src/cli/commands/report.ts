// `ecsim report <results-dir> [--out FILE]`: writes report.html (and report.md) for a
// results folder, or the comparison page for a compare/sweep folder. Thin: the reports
// are built in src/output/report.
// The work is in ../actions/report.ts, loaded when the command runs.

import type { ArgumentsCamelCase, Argv } from 'yargs';
import { exampleRows, type Example } from '../examples.js';

export interface ReportArgs {
  resultsDir: string;
  out?: string;
  quiet?: boolean;
}

export const reportExamples: readonly Example[] = [
  { command: '$0 report results/quickstart', describe: 'writes results/quickstart/report.html and report.md' },
  { command: '$0 report results/compare-quickstart-compare --out /tmp/cmp.html', describe: 'the comparison page of a compare folder' },
];

export const reportCommand = {
  command: 'report <results-dir>',
  describe: 'Write report.html (and report.md) for a results folder, or the comparison page for a compare/sweep folder (a sweep\'s runs/ of another sweep than sweep.csv\'s, by their sweep-plan.txt, are left out, and so is a compare\'s variant without runs/<variant>/ and a runs/ folder missing one of a run\'s files, said on the page and on stderr). A run folder missing a file every run writes (summary.json, timeseries.csv, capacity.csv, events.csv, tasks.csv) is refused (exit 2)',
  builder: (y: Argv) =>
    y
      .positional('results-dir', { type: 'string', demandOption: true, describe: 'a folder written by ecsim run, compare or sweep' })
      .option('out', { type: 'string', describe: 'the HTML file to write, not named .md (default <results-dir>/report.html; for a run folder the Markdown goes beside it: x.html -> x.md; missing parent folders are made). A new file, a device (/dev/stdout) or a page ecsim wrote earlier (known by its first lines: the page\'s head and a title ending "— ecsim report"); any other existing file, an HTML page of your own too, is refused (exit 2, untouched), and so is an x.md that is not an earlier report\'s Markdown' })
      .option('quiet', { type: 'boolean', default: false, describe: 'print nothing but warnings (a sweep\'s runs/ left out as another sweep\'s, a compare\'s missing runs/<variant>/, a runs/ folder missing a run\'s file) and errors (both on stderr)' })
      .example(exampleRows(reportExamples)) as unknown as Argv<ReportArgs>,
  handler: async (argv: ArgumentsCamelCase<ReportArgs>) => (await import('../actions/report.js')).report(argv),
};
