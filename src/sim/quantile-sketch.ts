// The summary's quantiles past EXACT_PERIODS periods (summary.ts): a DDSketch
// (@datadog/sketches-js) holds the values in bins of relative width RELATIVE_ACCURACY, and
// the quantiles are read from its bins by the exact rule — d3's R-7 (rank (n - 1) q,
// interpolated) — not by the sketch's own getValueAtQuantile, which does not interpolate.
// Each value at a rank is within RELATIVE_ACCURACY of the true one, so the quantile is too.

import { LogCollapsingLowestDenseDDSketch } from '@datadog/sketches-js';

export type QuantileSketch = LogCollapsingLowestDenseDDSketch;

/** Relative accuracy of the quantiles of a longer run. */
export const RELATIVE_ACCURACY = 0.001;
/**
 * Bins a sketch may use: 16 384 cover values from the largest down to 1.7e14 times smaller
 * (smaller ones join the lowest bin, which only the lowest quantiles could notice), at most
 * 128 KiB a sketch; a sketch holds the bins its values' range needs.
 */
const BIN_LIMIT = 16_384;

export function newSketch(): QuantileSketch {
  return new LogCollapsingLowestDenseDDSketch({ relativeAccuracy: RELATIVE_ACCURACY, binLimit: BIN_LIMIT });
}

// Values here are >= 0 (utilization, latency): the sketch's zero count and positive store
// hold them all; with a negative value the sketch's own (unweighted, uninterpolated)
// quantile is used instead.

/** Within the values seen: a bin's middle may lie outside them. */
function clamp(sketch: QuantileSketch, v: number): number {
  return Math.min(sketch.max, Math.max(sketch.min, v));
}

/** The value of 0-based rank r in ascending order: the first whose cumulative count exceeds r. */
function valueAtRank(sketch: QuantileSketch, r: number): number {
  if (r < sketch.zeroCount) return 0;
  return sketch.mapping.value(sketch.store.keyAtRank(r - sketch.zeroCount, true));
}

/** d3's quantile (R-7): rank h = (n - 1) q, interpolated between ranks floor(h) and floor(h) + 1. */
export function sketchQuantile(sketch: QuantileSketch, q: number): number {
  if (sketch.negativeStore.count > 0) return clamp(sketch, sketch.getValueAtQuantile(q));
  const h = (sketch.count - 1) * q;
  const lo = Math.floor(h);
  const v = valueAtRank(sketch, lo);
  return clamp(sketch, h > lo ? v + (h - lo) * (valueAtRank(sketch, lo + 1) - v) : v);
}
