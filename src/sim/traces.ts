// Builds each service's request-rate trace from its scenario spec (CSV files were read by
// the loader, and are parsed once: trace-series.ts).

import { buildTrace, type Trace } from '../workload/trace/index.js';
import type { RandomStreams } from '../engine/index.js';
import type { ResolvedScenario } from '../scenario/index.js';
import type { TraceSpec } from '../scenario/trace-schema.js';
import { traceConfigOf } from '../scenario/trace-config.js';
import { csvTraceSeries } from '../scenario/trace-series.js';

export function buildServiceTrace(service: string, spec: TraceSpec, scenario: ResolvedScenario, streams: RandomStreams): Trace {
  const csv = spec.csv;
  const rows = csv ? csvTraceSeries(scenario, csv) : [];
  return buildTrace(traceConfigOf(spec, rows), { startEpochMs: scenario.startEpochMs, streams, streamKey: service });
}
