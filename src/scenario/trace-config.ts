// The trace library's config from a scenario `requestRate` spec (CSV rows read already).

import { MAX_REQUEST_RATE, traceBounds } from '../workload/trace/index.js';
import type { TraceConfig, TraceRow, TraceSeries } from '../workload/trace/index.js';
import type { TraceSpec } from './trace-schema.js';

type Modifiers = Pick<TraceConfig, 'weekly' | 'spikes' | 'noise'>;

/**
 * The modifiers' largest factor (weekly, overlapping spikes, noise's clip), multiplied in
 * the order rateAt multiplies them; null when a modifier is invalid (reported where the
 * trace is built).
 */
export function modifiersLargestFactor(modifiers: Modifiers): number | null {
  try {
    return traceBounds({ constant: 1, weekly: modifiers.weekly, spikes: modifiers.spikes, noise: modifiers.noise })[1];
  } catch {
    return null;
  }
}

/**
 * A random walk's `max` when the scenario leaves it out: MAX_REQUEST_RATE divided by the
 * modifiers' largest factor, so the walk times the modifiers stays within the bound (the
 * walk is reflected at, and clamped to, its max); never below the walk's start or min (a
 * start that high already exceeds the bound, which the check reports).
 */
function defaultWalkMax(start: number, min: number, modifiers: Modifiers): number {
  const factor = modifiersLargestFactor(modifiers);
  if (factor === null || !(factor > 1)) return MAX_REQUEST_RATE;
  let max = MAX_REQUEST_RATE / factor;
  // rounding: step down until the bound holds with the trace's own multiplication order
  for (let k = 0; k < 8 && traceBounds({ constant: max, ...modifiers })[1] > MAX_REQUEST_RATE; k++) max *= 1 - 2 ** -52;
  return Math.max(max, start, min);
}

export function traceConfigOf(spec: TraceSpec, csvRows: TraceRow[] | TraceSeries): TraceConfig {
  const { csv, constant, step, ramp, diurnal, randomWalk, weekly, spikes, noise } = spec;
  const modifiers = { weekly, spikes, noise };
  if (csv) return { csv: { rows: csvRows, interpolate: csv.interpolate, file: csv.file }, ...modifiers };
  if (constant !== undefined) return { constant, ...modifiers };
  if (step) return { step, ...modifiers };
  if (ramp) return { ramp, ...modifiers };
  if (diurnal) return { diurnal, ...modifiers };
  if (randomWalk) {
    const max = randomWalk.max ?? defaultWalkMax(randomWalk.start, randomWalk.min, modifiers);
    return { randomWalk: { ...randomWalk, max }, ...modifiers };
  }
  throw new Error('expected a base shape');
}
