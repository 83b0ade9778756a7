// Builds each service's request-rate trace from its scenario spec (CSV files were read by
// the loader).

import { buildTrace, parseTraceCsv, type Trace, type TraceConfig } from '../workload/trace/index.js';
import type { RandomStreams } from '../engine/index.js';
import type { ResolvedScenario } from '../scenario/index.js';
import type { TraceSpec } from '../scenario/trace-schema.js';

export function traceConfig(spec: TraceSpec, scenario: ResolvedScenario): TraceConfig {
  const { csv, constant, step, ramp, diurnal, randomWalk, weekly, spikes, noise } = spec;
  const modifiers = { weekly, spikes, noise };
  if (csv) {
    const rows = parseTraceCsv(scenario.traceFiles.get(csv.file) ?? '', { timeColumn: csv.timeColumn, valueColumn: csv.valueColumn, file: csv.file });
    return { csv: { rows, interpolate: csv.interpolate, file: csv.file }, ...modifiers };
  }
  if (constant !== undefined) return { constant, ...modifiers };
  if (step) return { step, ...modifiers };
  if (ramp) return { ramp, ...modifiers };
  if (diurnal) return { diurnal, ...modifiers };
  if (randomWalk) return { randomWalk, ...modifiers };
  throw new Error('trace without a base shape (the loader should have refused it)');
}

export function buildServiceTrace(service: string, spec: TraceSpec, scenario: ResolvedScenario, streams: RandomStreams): Trace {
  return buildTrace(traceConfig(spec, scenario), { startEpochMs: scenario.startEpochMs, streams, streamName: `trace/${service}` });
}
