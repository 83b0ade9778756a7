// Number formatting for alarm reasons and scaling-activity causes (human-readable,
// stable across runs so that event logs diff cleanly). ecsim explain prints datapoints
// with the same functions, so events.csv and explain agree digit for digit.

import { proportionalCapacity } from './target-tracking.js';

/** A metric value: one decimal from 10 up ("75.0"), three significant digits below ("0.25"). */
export function formatValue(v: number): string {
  if (!Number.isFinite(v)) return String(v);
  if (Math.abs(v) >= 10) return v.toFixed(1);
  return String(Number(v.toPrecision(3)));
}

/**
 * A metric value printed as formatValue does when the printed number still `keeps` what the
 * message says of it (which side of a threshold it is on, the result of a formula), else with
 * one more decimal at a time (trailing zeros trimmed) until it does: 60.0177 listed under
 * "> 60" prints "60.02", not "60.0". The full value when no 12-decimal rounding keeps it.
 */
export function formatValueKeeping(v: number, keeps: (printed: number) => boolean): string {
  const s = formatValue(v);
  if (!Number.isFinite(v) || keeps(Number(s))) return s;
  const dot = s.indexOf('.');
  const start = s.includes('e') ? 1 : dot < 0 ? 1 : s.length - dot;
  for (let d = start; d <= 12; d++) {
    const t = String(Number(v.toFixed(d)));
    if (keeps(Number(t))) return t;
  }
  return String(v);
}

/** The comparison symbols of alarm messages: '>', '>=', '<', '<='. */
export function compareBySymbol(op: string, value: number, threshold: number): boolean {
  switch (op) {
    case '>':
      return value > threshold;
    case '>=':
      return value >= threshold;
    case '<':
      return value < threshold;
    case '<=':
      return value <= threshold;
    default:
      return false;
  }
}

/**
 * A datapoint listed under a comparison with a threshold: printed so that it visibly is on
 * the same side of the threshold as the value itself ("60.02" under "> 60" for 60.0177).
 */
export function formatDatapoint(v: number, op: string, threshold: number): string {
  const side = compareBySymbol(op, v, threshold);
  return formatValueKeeping(v, (p) => compareBySymbol(op, p, threshold) === side);
}

/**
 * The metric of "ceil(current x metric/target) = wanted", printed so that the printed formula
 * gives its printed result, and (when listed under a comparison) on the datapoint's side of it.
 */
export function formatFormulaMetric(
  current: number,
  metric: number,
  target: number,
  comparison?: { op: string; threshold: number },
): string {
  const wanted = proportionalCapacity(current, metric, target);
  const side = comparison ? compareBySymbol(comparison.op, metric, comparison.threshold) : true;
  return formatValueKeeping(
    metric,
    (p) =>
      proportionalCapacity(current, p, target) === wanted &&
      (!comparison || compareBySymbol(comparison.op, p, comparison.threshold) === side),
  );
}

/** A configured number (threshold, target): as short as it is exact to 4 decimals ("50", "49.5"). */
export function formatNumber(v: number): string {
  return String(Number(v.toFixed(4)));
}

/** Several metric values separated by spaces, oldest first; each on its side of a comparison when given. */
export function formatValues(
  values: ArrayLike<number>,
  count = values.length,
  comparison?: { op: string; threshold: number },
): string {
  let s = '';
  for (let i = 0; i < count; i++) {
    const v = values[i];
    s += (i === 0 ? '' : ' ') + (comparison ? formatDatapoint(v, comparison.op, comparison.threshold) : formatValue(v));
  }
  return s;
}
