// Number formatting for alarm reasons and scaling-activity causes (human-readable,
// stable across runs so that event logs diff cleanly). ecsim explain prints datapoints
// with the same functions, so events.csv and explain agree digit for digit.

import { proportionalCapacity } from './target-tracking.js';
import { compareBySymbol, formatDatapoint, formatValue, formatValueKeeping, formatValues } from '../model/metric-format.js';

export { compareBySymbol, formatDatapoint, formatValue, formatValueKeeping, formatValues };

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

/**
 * A configured number (threshold, target): as short as it is exact to 4 decimals ("50",
 * "49.5"); one that 4 decimals would move by more than 0.1 % with 4 significant digits
 * ("1e-7", "2.346e-5", "0.00015"), so that a target of 1e-7 is not printed as a division by
 * 0, nor 0.00015 as 0.0001 beside arithmetic done with 0.00015 (no value of 0.05 or more
 * moves that much: those print as before).
 */
export function formatNumber(v: number): string {
  const fixed = Number(v.toFixed(4));
  if (Number.isFinite(v) && Math.abs(fixed - v) > 1e-3 * Math.abs(v)) return String(Number(v.toPrecision(4)));
  return String(fixed);
}

/**
 * A value and its difference from a threshold, printed so that the printed value minus the
 * printed threshold is the printed difference ("99.95 is 9.95 above 90", not "100.0 is 9.95
 * above 90"): both with the same number of decimals, the most that either needs to keep what
 * the message says of it (`keepValue`, `keepDiff`: as formatValueKeeping), and more while the
 * subtraction does not come out exactly. `sign` is +1 for a value above the threshold (the
 * difference printed is value - threshold), -1 below (threshold - value). Printed as
 * formatValueKeeping alone where no 12 decimals make it exact (exponent notation). `difference`
 * is the difference as computed (sign x (value - threshold), rounded as the caller rounds it).
 */
export function formatValueAndDifference(
  value: number,
  threshold: number,
  difference: number,
  sign: 1 | -1,
  keepValue: (printed: number) => boolean,
  keepDiff: (printed: number) => boolean,
): { valueText: string; diffText: string } {
  const v0 = formatValueKeeping(value, keepValue);
  const d0 = formatValueKeeping(difference, keepDiff);
  const thresholdText = formatNumber(threshold);
  const start = Math.max(decimalsOf(v0), decimalsOf(d0));
  for (let d = start; d <= 12; d++) {
    const valueText = value.toFixed(d);
    const diffText = difference.toFixed(d);
    if (!keepValue(Number(valueText)) || !keepDiff(Number(diffText))) continue;
    const v = scaledDecimal(valueText, d);
    const t = scaledDecimal(thresholdText, d);
    const b = scaledDecimal(diffText, d);
    if (v !== null && t !== null && b !== null && v - t === BigInt(sign) * b) return { valueText, diffText };
  }
  return { valueText: v0, diffText: d0 };
}

/** Decimals printed in a number ("99.95": 2, "90": 0); 13 (none fits) in exponent notation. */
function decimalsOf(s: string): number {
  if (/e/i.test(s)) return 13;
  const dot = s.indexOf('.');
  return dot < 0 ? 0 : s.length - dot - 1;
}

/** A decimal string as an integer count of 10^-d ("9.95", 2: 995n); null if it has more decimals or is not plain. */
function scaledDecimal(s: string, d: number): bigint | null {
  const m = /^(-?)(\d+)(?:\.(\d*))?$/.exec(s);
  if (!m) return null;
  const frac = m[3] ?? '';
  if (frac.length > d) return null;
  const n = BigInt(m[2] + frac.padEnd(d, '0'));
  return m[1] === '-' ? -n : n;
}
