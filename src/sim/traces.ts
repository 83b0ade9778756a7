// Builds each service's request-rate trace from its scenario spec (CSV files were read by
// the loader).

import { buildTrace, parseTraceCsv, type Trace } from '../workload/trace/index.js';
import type { RandomStreams } from '../engine/index.js';
import type { ResolvedScenario } from '../scenario/index.js';
import type { TraceSpec } from '../scenario/trace-schema.js';
import { traceConfigOf } from '../scenario/trace-config.js';

export function buildServiceTrace(service: string, spec: TraceSpec, scenario: ResolvedScenario, streams: RandomStreams): Trace {
  const csv = spec.csv;
  const rows = csv ? parseTraceCsv(scenario.traceFiles.get(csv.file) ?? '', { timeColumn: csv.timeColumn, valueColumn: csv.valueColumn, file: csv.file }) : [];
  return buildTrace(traceConfigOf(spec, rows), { startEpochMs: scenario.startEpochMs, streams, streamKey: service });
}
