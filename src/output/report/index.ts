// Reports of ecsim results folders (report.html, report.md) and of compare/sweep folders.

export { buildReportHtml, renderReportHtml } from './build-report-html.js';
export { buildReportMarkdown, renderReportMarkdown, isReportMarkdown } from './build-report-markdown.js';
export { buildComparisonHtml, renderComparisonHtml } from './build-comparison-html.js';
export { writeReports, reportFiles, markdownPathOf, type WrittenReports, type WriteReportsOptions } from './write-reports.js';
export { isReportPage } from './sections/page.js';
export { loadResults, isResultsFolder } from './data/load-results.js';
export { loadComparison, comparisonKind } from './data/load-comparison.js';
export type { ResultsData } from './data/results-data.js';
export type { ComparisonData } from './data/load-comparison.js';
