// traceBounds: the [lower, upper] a trace's rate stays within, from its config alone —
// the base shape's range times each modifier's range of factors.

import { baseShapeBounds, baseShapeOf } from './base-shape.js';
import type { Bounds } from './component.js';
import { noiseBounds } from './modifiers/noise.js';
import { spikesBounds } from './modifiers/spikes.js';
import { weeklyBounds } from './modifiers/weekly.js';
import type { TraceConfig } from './types.js';

export function traceBounds(config: TraceConfig): [lower: number, upper: number] {
  let [lo, hi] = baseShapeBounds(baseShapeOf(config));
  const factors: Bounds[] = [];
  if (config.weekly != null) factors.push(weeklyBounds(config.weekly));
  if (config.spikes != null && config.spikes.length > 0) factors.push(spikesBounds(config.spikes));
  if (config.noise != null) factors.push(noiseBounds(config.noise));
  // Same order as rateAt multiplies, so rounding cannot step outside.
  for (const [fLo, fHi] of factors) {
    lo *= fLo;
    hi *= fHi;
  }
  return [lo, hi];
}
