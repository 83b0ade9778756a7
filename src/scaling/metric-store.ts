// Recent CloudWatch datapoints per metric name, one statistic set per period, kept in
// fixed-size rings (bounded memory: only what the alarms need). A datapoint for
// [s, s + period) becomes visible to alarms at s + period + publishDelay.

import { statisticValue, type Datapoint, type Statistic } from './statistic.js';

export interface MetricStoreOptions {
  /** The CloudWatch period of the published metrics, ms (60 000 for ECS service metrics). */
  period: number;
  /** Delay between the end of a period and its datapoint being visible, ms (model default 60 000). */
  publishDelay: number;
  /** Periods kept per metric before the oldest are overwritten (alarms raise it as needed). */
  retention?: number;
}

/** When the datapoint of [periodStart, periodStart + period) becomes visible. */
export function visibleAt(periodStart: number, period: number, publishDelay: number): number {
  return periodStart + period + publishDelay;
}

/** One metric's ring of statistic sets; slot i holds period index idx[i] (-1 = empty). */
export class MetricSeries {
  idx: Float64Array;
  sum: Float64Array;
  min: Float64Array;
  max: Float64Array;
  count: Float64Array;

  constructor(capacity: number) {
    this.idx = new Float64Array(capacity).fill(-1);
    this.sum = new Float64Array(capacity);
    this.min = new Float64Array(capacity);
    this.max = new Float64Array(capacity);
    this.count = new Float64Array(capacity);
  }

  get capacity(): number {
    return this.idx.length;
  }

  put(i: number, sum: number, min: number, max: number, count: number): void {
    const slot = i % this.idx.length;
    if (this.idx[slot] > i) return; // a newer period already owns the slot: i is past retention
    this.idx[slot] = i;
    this.sum[slot] = sum;
    this.min[slot] = min;
    this.max[slot] = max;
    this.count[slot] = count;
  }

  /** `statistic` over periods [first, first + periods) combined into one statistic set; NaN when none is stored. */
  aggregate(first: number, periods: number, statistic: Statistic): number {
    if (periods === 1) {
      if (first < 0) return NaN;
      const slot = first % this.idx.length;
      if (this.idx[slot] !== first) return NaN;
      return statisticValue(statistic, this.sum[slot], this.min[slot], this.max[slot], this.count[slot]);
    }
    return aggregateSeries(this, first, periods, statistic);
  }

  resize(capacity: number): void {
    const old = { idx: this.idx, sum: this.sum, min: this.min, max: this.max, count: this.count };
    this.idx = new Float64Array(capacity).fill(-1);
    this.sum = new Float64Array(capacity);
    this.min = new Float64Array(capacity);
    this.max = new Float64Array(capacity);
    this.count = new Float64Array(capacity);
    for (let s = 0; s < old.idx.length; s++) {
      if (old.idx[s] >= 0) this.put(old.idx[s], old.sum[s], old.min[s], old.max[s], old.count[s]);
    }
  }
}

export class MetricStore {
  readonly period: number;
  readonly publishDelay: number;
  private retentionPeriods: number;
  private seriesByName = new Map<string, MetricSeries>();

  constructor(options: MetricStoreOptions) {
    const { period, publishDelay, retention = 64 } = options;
    if (!(Number.isInteger(period) && period > 0)) {
      throw new Error(`metric period: expected a positive whole number of ms, found ${period}`);
    }
    if (!(Number.isFinite(publishDelay) && publishDelay >= 0)) {
      throw new Error(`metric publishDelay: expected a duration >= 0 ms, found ${publishDelay}`);
    }
    if (!(Number.isInteger(retention) && retention > 0)) {
      throw new Error(`metric retention: expected a positive whole number of periods, found ${retention}`);
    }
    this.period = period;
    this.publishDelay = publishDelay;
    this.retentionPeriods = retention;
  }

  /** Periods kept per metric. */
  get retention(): number {
    return this.retentionPeriods;
  }

  /** Keeps at least `periods` periods of every metric (alarms call this with their evaluation range). */
  ensureRetention(periods: number): void {
    if (periods <= this.retentionPeriods) return;
    this.retentionPeriods = periods;
    for (const s of this.seriesByName.values()) s.resize(periods);
  }

  /** The series of `metricName`, created empty if need be; the handle stays valid as data arrives. */
  series(metricName: string): MetricSeries {
    let s = this.seriesByName.get(metricName);
    if (!s) {
      s = new MetricSeries(this.retentionPeriods);
      this.seriesByName.set(metricName, s);
    }
    return s;
  }

  /** Records the statistic set of one period. `periodStart` must be a multiple of the period. */
  putValues(metricName: string, periodStart: number, sum: number, min: number, max: number, sampleCount: number): void {
    const i = periodStart / this.period;
    if (!(Number.isInteger(i) && i >= 0)) {
      throw new Error(
        `metric ${metricName}: expected a period start that is a multiple of ${this.period} ms and >= 0, found ${periodStart}`,
      );
    }
    if (!(sampleCount > 0)) return; // no samples: the datapoint is missing
    this.series(metricName).put(i, sum, min, max, sampleCount);
  }

  /** Records one datapoint (a statistic set). */
  put(metricName: string, dp: Datapoint): void {
    this.putValues(metricName, dp.periodStart, dp.sum, dp.min, dp.max, dp.sampleCount);
  }

  /** Records a single sample as the period's datapoint (sum = min = max = value, sampleCount 1). */
  putValue(metricName: string, periodStart: number, value: number): void {
    this.putValues(metricName, periodStart, value, value, value, 1);
  }

  /** Whether the datapoint of the period starting at `periodStart` is visible at time t. */
  isVisible(periodStart: number, t: number): boolean {
    return visibleAt(periodStart, this.period, this.publishDelay) <= t;
  }

  /** The stored datapoint of one period (visible or not), or undefined when missing. */
  get(metricName: string, periodStart: number): Datapoint | undefined {
    const s = this.seriesByName.get(metricName);
    const i = periodStart / this.period;
    if (!s || !Number.isInteger(i)) return undefined;
    const slot = i % s.capacity;
    if (s.idx[slot] !== i) return undefined;
    return { periodStart, sum: s.sum[slot], min: s.min[slot], max: s.max[slot], sampleCount: s.count[slot] };
  }

  /**
   * `statistic` over the datapoints of [start, start + periods x period) combined into one
   * statistic set, as CloudWatch does for an alarm period longer than the metric's period.
   * NaN when none of them is stored (missing). Allocation-free.
   */
  aggregate(metricName: string, start: number, periods: number, statistic: Statistic): number {
    const s = this.seriesByName.get(metricName);
    if (!s) return NaN;
    return s.aggregate(start / this.period, periods, statistic);
  }
}

/** `statistic` over periods [first, first + periods) of one series combined; NaN when none stored. */
function aggregateSeries(s: MetricSeries, first: number, periods: number, statistic: Statistic): number {
  const cap = s.capacity;
  let sum = 0;
  let min = Infinity;
  let max = -Infinity;
  let count = 0;
  for (let k = 0; k < periods; k++) {
    const i = first + k;
    if (i < 0) continue;
    const slot = i % cap;
    if (s.idx[slot] !== i) continue;
    sum += s.sum[slot];
    if (s.min[slot] < min) min = s.min[slot];
    if (s.max[slot] > max) max = s.max[slot];
    count += s.count[slot];
  }
  return statisticValue(statistic, sum, min, max, count);
}
