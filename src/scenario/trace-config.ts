// The trace library's config from a scenario `requestRate` spec (CSV rows read already).

import type { TraceConfig, TraceRow, TraceSeries } from '../workload/trace/index.js';
import type { TraceSpec } from './trace-schema.js';

export function traceConfigOf(spec: TraceSpec, csvRows: TraceRow[] | TraceSeries): TraceConfig {
  const { csv, constant, step, ramp, diurnal, randomWalk, weekly, spikes, noise } = spec;
  const modifiers = { weekly, spikes, noise };
  if (csv) return { csv: { rows: csvRows, interpolate: csv.interpolate, file: csv.file }, ...modifiers };
  if (constant !== undefined) return { constant, ...modifiers };
  if (step) return { step, ...modifiers };
  if (ramp) return { ramp, ...modifiers };
  if (diurnal) return { diurnal, ...modifiers };
  if (randomWalk) return { randomWalk, ...modifiers };
  throw new Error('expected a base shape');
}
