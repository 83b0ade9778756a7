// CloudWatch statistics over one period's statistic set (sum, min, max, sample count):
// the Statistic names of the CloudWatch API and the datapoint they are computed from.

export type Statistic = 'Average' | 'Maximum' | 'Minimum' | 'Sum' | 'SampleCount';

export const STATISTICS: readonly Statistic[] = ['Average', 'Maximum', 'Minimum', 'Sum', 'SampleCount'];

/** The statistic set of one period [periodStart, periodStart + period), as CloudWatch stores it. */
export interface Datapoint {
  periodStart: number;
  sum: number;
  min: number;
  max: number;
  sampleCount: number;
  /** The tasks the value was measured over (ecsim's, not a CloudWatch statistic); absent = unknown. */
  tasks?: number;
}

/**
 * Significant digits of a metric value as the metric store keeps it and its statistics
 * report it (docs/notes/scaling.md, "Metric values").
 */
export const METRIC_SIGNIFICANT_DIGITS = 12;

/**
 * x to METRIC_SIGNIFICANT_DIGITS significant digits. Strips the float noise of the busy-time
 * arithmetic (7 tasks each exactly 60 % busy average 59.99999999999999), which would
 * otherwise decide a comparison with a threshold or a step bound the other way than the
 * arithmetic means. CloudWatch itself stores doubles; ecsim's values are model output,
 * exact to far fewer digits than 12.
 */
export function metricValue(x: number): number {
  if (x === 0 || !Number.isFinite(x)) return x;
  const a = Math.abs(x);
  // the usual range by arithmetic (toPrecision's string costs ~10x as much, and every
  // published datapoint passes here): keep n decimals, n = 12 - 1 - floor(log10 a)
  if (a >= 1e-5 && a < 1e11) {
    // k - 5 = floor(log10 a), found by comparisons from 10^0 (a few steps for the usual
    // percentages and counts; cheaper than Math.log10 on this path)
    let k = 5;
    while (a >= POW10[k + 1]) k++;
    while (a < POW10[k]) k--;
    const p = POW10[METRIC_SIGNIFICANT_DIGITS - 1 - (k - 5) + 5];
    return Math.round(x * p) / p;
  }
  return Number(x.toPrecision(METRIC_SIGNIFICANT_DIGITS));
}

/** POW10[k] = 10^(k - 5), exact doubles, for k - 5 in [-5, 22]. */
const POW10: readonly number[] = Array.from({ length: 28 }, (_, k) => (k >= 5 ? 10 ** (k - 5) : 1 / 10 ** (5 - k)));

/**
 * The value of `statistic` for a statistic set; NaN when it holds no samples (missing).
 * Average and Sum are kept to METRIC_SIGNIFICANT_DIGITS like the stored values (0.7 / 7
 * gives 0.1; three periods of 33.4 sum to 100.2, not 100.19999999999999).
 */
export function statisticValue(
  statistic: Statistic,
  sum: number,
  min: number,
  max: number,
  sampleCount: number,
): number {
  if (!(sampleCount > 0)) return NaN;
  switch (statistic) {
    case 'Average':
      return metricValue(sum / sampleCount);
    case 'Sum':
      return metricValue(sum);
    case 'Minimum':
      return min;
    case 'Maximum':
      return max;
    case 'SampleCount':
      return sampleCount;
  }
}

/** The value of `statistic` for one datapoint (Average = sum / sampleCount). */
export function datapointStatistic(dp: Datapoint, statistic: Statistic): number {
  return statisticValue(statistic, dp.sum, dp.min, dp.max, dp.sampleCount);
}
