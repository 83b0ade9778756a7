// Shared test helpers for traces: units and a builder with a fresh RandomStreams.

import { RandomStreams } from '../../../src/engine/index.js';
import { buildTrace, type Trace, type TraceConfig } from '../../../src/workload/trace/index.js';

export const S = 1000;
export const M = 60 * S;
export const H = 60 * M;
export const D = 24 * H;

/** 2026-03-02T00:00:00Z, a Monday (the scenario.yaml example start). */
export const MONDAY = Date.parse('2026-03-02T00:00:00Z');

export function build(config: TraceConfig, seed = 42, startEpochMs = MONDAY): Trace {
  return buildTrace(config, { startEpochMs, streams: new RandomStreams(seed), streamKey: 'web' });
}
