// The service performance model: what happens to the offered load (fluid or per request).
export { createServiceLoadModel } from './create.js';
export { resolveServiceConfig, type ResolvedServiceConfig } from './resolve-config.js';
export { FluidServiceModel } from './fluid-model.js';
export { RequestServiceModel } from './request-model.js';
export { LatencyRecorder } from './latency-recorder.js';
export { benchRequestFidelity } from './bench.js';
export type {
  ServiceWorkloadConfig,
  RateTrace,
  ServiceModelContext,
  ServiceLoadModel,
  PeriodStats,
  TaskPeriodStats,
} from './types.js';
