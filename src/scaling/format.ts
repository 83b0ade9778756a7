// Number formatting for alarm reasons and scaling-activity causes (human-readable,
// stable across runs so that event logs diff cleanly). ecsim explain prints datapoints
// with the same functions, so events.csv and explain agree digit for digit.

import { proportionalCapacity } from './target-tracking.js';
import { compareBySymbol, formatDatapoint, formatValue, formatValueKeeping } from '../model/metric-format.js';

export { compareBySymbol, formatDatapoint, formatValue, formatValueKeeping };

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
