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

/** The value of `statistic` for a statistic set; NaN when it holds no samples (missing). */
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
      return sum / sampleCount;
    case 'Sum':
      return sum;
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
