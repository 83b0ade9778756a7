// Writes the reports of a folder: report.html + report.md for a results folder, or
// report.html for a compare/sweep folder (comparison.csv or sweep.csv present). Called by
// `ecsim report` and by `run --report` (on the finished folder: its CSV files must be
// complete, i.e. after runToFolder returned). The files are written whole and renamed into
// place together, so a full disk leaves the older report, not half of a new one.

import { join } from 'node:path';
import { isStreamPath, writeFileAtomic, writeFilesAtomic } from '../staging.js';
import { loadResults } from './data/load-results.js';
import { incompleteRunsNote, missingRunsNote, otherSweepsRunsNote, renderComparisonHtml } from './build-comparison-html.js';
import { comparisonKind, loadComparison } from './data/load-comparison.js';
import { renderReportHtml } from './build-report-html.js';
import { renderReportMarkdown } from './build-report-markdown.js';
import { reportContext } from './sections/report-context.js';

export interface WrittenReports {
  kind: 'run' | 'compare' | 'sweep';
  /** Paths of the files written. */
  files: string[];
  /** What the reader should know of what the page leaves out (a sweep's runs/ of another sweep, a compare's missing runs/<variant>/, an incomplete runs/ folder), one line each. */
  warnings: string[];
}

export interface WriteReportsOptions {
  /** Where report.html goes (default <dir>/report.html); report.md goes beside it. */
  htmlPath?: string;
}

export function writeReports(dir: string, options: WriteReportsOptions = {}): WrittenReports {
  const htmlPath = options.htmlPath ?? join(dir, 'report.html');
  const kind = comparisonKind(dir);
  if (kind) {
    const c = loadComparison(dir);
    writeFileAtomic(htmlPath, renderComparisonHtml(c));
    const warnings = [
      ...(c.otherSweepsRuns.length > 0 ? [`${dir}: ${otherSweepsRunsNote(c)}`] : []),
      ...(c.missingRuns.length > 0 ? [`${dir}: ${missingRunsNote(c)}`] : []),
      ...(c.incompleteRuns.length > 0 ? [`${dir}: ${incompleteRunsNote(c)}`] : []),
    ];
    return { kind, files: [htmlPath], warnings };
  }
  const ctx = reportContext(loadResults(dir));
  const mdPath = markdownPathOf(htmlPath);
  if (mdPath === null) {
    writeFileAtomic(htmlPath, renderReportHtml(ctx));
    return { kind: 'run', files: [htmlPath], warnings: [] };
  }
  writeFilesAtomic([
    [htmlPath, renderReportHtml(ctx)],
    [mdPath, renderReportMarkdown(ctx)],
  ]);
  return { kind: 'run', files: [htmlPath, mdPath], warnings: [] };
}

/**
 * Where a run's report.md goes for the HTML at `htmlPath`: beside it, x.html -> x.md; null
 * when the HTML goes to a pipe or a device (/dev/stdout, also when standard output is
 * redirected to a file: isStreamPath), which has no folder of its own (a FIFO "f" got a
 * regular file "f.md" beside it, /dev/stdout a "/dev/stdout.md").
 */
export function markdownPathOf(htmlPath: string): string | null {
  return isStreamPath(htmlPath) ? null : htmlPath.replace(/\.html?$/i, '') + '.md';
}

/**
 * The report files' contents for a results folder, for callers that write files
 * themselves. The folder's CSVs must be complete: not usable inside runToFolder's
 * extraFiles, where the CSV files are still open and unflushed until commit.
 */
export function reportFiles(resultsDir: string): Record<string, string> {
  const ctx = reportContext(loadResults(resultsDir));
  return { 'report.html': renderReportHtml(ctx), 'report.md': renderReportMarkdown(ctx) };
}
