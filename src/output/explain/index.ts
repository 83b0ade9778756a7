// `ecsim explain` and `ecsim trace` output helpers (public API of this folder).

export { explainLines, explainRun, serviceNames, type ExplainOptions } from './explain-run.js';
export { readResults } from './read-results.js';
export { parseCsv, parseCsvRows, type CsvRecord } from './parse-csv.js';
export { parseTimeArg } from './time-arg.js';
export { formatClock, formatSpan, formatSpanRange, type ClockFormat } from './format-clock.js';
export { parseScalingActivity, parseAlarmEvaluation, parseAlarmTransition } from './parse-scaling-activity.js';
export { traceCsv, replayHint, traceChanges, jumpOffRows, serviceJumpOffRows, isTraceCsv, tracedServices, traceRowCount, TRACE_COLUMNS, TRACE_MAX_ROWS, type TraceCsvOptions } from './trace-csv.js';
export type { ExplainLine } from './explain-line.js';
export type * from './results-tables.js';
