// Load traces: the requestRate language of scenario.yaml (public API of this folder).

export { buildTrace } from './build-trace.js';
export { traceBounds } from './trace-bounds.js';
export { traceRows } from './trace-rows.js';
export { parseTraceCsv, parseTraceSeries, TraceCsvError, csvPlace, type ParseTraceCsvOptions } from './parse-trace-csv.js';
export { BASE_SHAPES, MODIFIERS } from './base-shape.js';
export { MAX_REQUEST_RATE } from './types.js';
export { stepTimeExpected } from './shapes/step.js';
export { localClockZoneProblem } from './local-clock.js';
export { noiseMeanFactor } from './modifiers/noise.js';
export type {
  BaseShape,
  BuildTraceOptions,
  CsvConfig,
  DiurnalConfig,
  Interpolation,
  Modifiers,
  NoiseConfig,
  RampConfig,
  RandomWalkConfig,
  SpikeConfig,
  StepConfig,
  Trace,
  TraceConfig,
  TracePoint,
  TraceRow,
  TraceSeries,
  WeeklyConfig,
} from './types.js';
