// Means and 95 % confidence half-widths over replications, and paired differences
// (common random numbers make variant - baseline differences far less noisy).

import { studentTQuantile } from './student-t.js';

/** One metric over the replications (non-finite values are left out). */
export interface SampleSummary {
  n: number;
  mean: number;
  /** Sample standard deviation (n - 1 in the denominator); NaN when n < 2. */
  sd: number;
  /** Half-width of the two-sided confidence interval: t(1 - a/2, n - 1) * sd / sqrt(n); NaN when n < 2. */
  ci95: number;
}

export function mean(values: readonly number[]): number {
  let sum = 0;
  let n = 0;
  for (const v of values) {
    if (!Number.isFinite(v)) continue;
    sum += v;
    n += 1;
  }
  return n === 0 ? NaN : sum / n;
}

export function sampleStandardDeviation(values: readonly number[]): number {
  const m = mean(values);
  let squares = 0;
  let n = 0;
  for (const v of values) {
    if (!Number.isFinite(v)) continue;
    squares += (v - m) * (v - m);
    n += 1;
  }
  return n < 2 ? NaN : Math.sqrt(squares / (n - 1));
}

/** Half-width of the Student-t confidence interval for the mean (level 0.95 by default). */
export function confidenceHalfWidth(values: readonly number[], level = 0.95): number {
  const n = countFinite(values);
  if (n < 2) return NaN;
  return (studentTQuantile(1 - (1 - level) / 2, n - 1) * sampleStandardDeviation(values)) / Math.sqrt(n);
}

/**
 * Values this close are the same value: |v - v0| <= SAME_VALUE_TOLERANCE x max(1, |v0|).
 * Floating-point noise in a sum or a difference (4.576 - 2.48 = 2.0959999999999996 in one
 * replication, 4.5696 - 2.4736 = 2.0960000000000005 in another) is far below it; a real
 * spread between runs is far above it.
 */
export const SAME_VALUE_TOLERANCE = 1e-9;

/** Whether `v` is `v0` up to floating-point noise (SAME_VALUE_TOLERANCE). */
export function sameValue(v: number, v0: number): boolean {
  return Math.abs(v - v0) <= SAME_VALUE_TOLERANCE * Math.max(1, Math.abs(v0));
}

/**
 * n, mean, sd and half-width of the finite values. When they are all equal (up to
 * floating-point noise: sameValue), sd and half-width are exactly 0 (n >= 2), and when they
 * are exactly equal the mean is that value exactly: summing and dividing would leave a
 * rounding error that reads as a tiny spread.
 */
export function summarizeSample(values: readonly number[]): SampleSummary {
  const finite = values.filter((v) => Number.isFinite(v));
  const n = finite.length;
  if (n > 0 && finite.every((v) => v === finite[0])) {
    return { n, mean: finite[0] === 0 ? 0 : finite[0], sd: n < 2 ? NaN : 0, ci95: n < 2 ? NaN : 0 };
  }
  if (n > 0 && finite.every((v) => sameValue(v, finite[0]))) {
    return { n, mean: mean(values), sd: n < 2 ? NaN : 0, ci95: n < 2 ? NaN : 0 };
  }
  return { n, mean: mean(values), sd: sampleStandardDeviation(values), ci95: confidenceHalfWidth(values) };
}

/**
 * The paired difference `variant[k] - baseline[k]` over replications k (pairs with a
 * missing value are left out): its mean and 95 % confidence half-width.
 */
export function pairedDifference(baseline: readonly number[], variant: readonly number[]): SampleSummary {
  if (baseline.length !== variant.length) {
    throw new Error(`paired difference: expected samples of equal length, found ${baseline.length} and ${variant.length}`);
  }
  const diffs: number[] = [];
  for (let k = 0; k < baseline.length; k++) {
    if (Number.isFinite(baseline[k]) && Number.isFinite(variant[k])) diffs.push(variant[k] - baseline[k]);
  }
  return summarizeSample(diffs);
}

/**
 * True when the interval mean +- ci95 leaves out zero and the values vary: a difference
 * that is the same in every replication (sd = 0, or a half-width of floating-point noise) has a zero-width interval, which leaves out
 * zero however few the replications, so it is not called significant (see isSameEveryTime).
 */
export function isSignificant(s: SampleSummary): boolean {
  // a half-width of floating-point noise (read back from a file written before summarizeSample
  // took such values as the same) is a zero-width interval too
  return Number.isFinite(s.ci95) && s.sd > 0 && s.ci95 > SAME_VALUE_TOLERANCE * Math.max(1, Math.abs(s.mean)) && Math.abs(s.mean) > s.ci95;
}

/** True when at least 2 values are there and all are equal (sd = 0): e.g. the same paired difference in every replication. */
export function isSameEveryTime(s: SampleSummary): boolean {
  return s.n >= 2 && s.sd === 0;
}

/**
 * A summary read back from a table's figures (comparison.csv, paired.csv): the mean and
 * half-width over n values. The sd is recovered from the half-width (exactly 0 when the
 * half-width is 0: every value the same), so isSignificant and isSameEveryTime decide on it
 * as they do on the summary the table was written from. NaN sd when n < 2 or unknown.
 */
export function summaryFromInterval(n: number, mean: number, ci95: number): SampleSummary {
  const sd = Number.isInteger(n) && n >= 2 && Number.isFinite(ci95) ? (ci95 === 0 ? 0 : (ci95 * Math.sqrt(n)) / studentTQuantile(0.975, n - 1)) : NaN;
  return { n, mean, sd, ci95 };
}

function countFinite(values: readonly number[]): number {
  let n = 0;
  for (const v of values) if (Number.isFinite(v)) n += 1;
  return n;
}
