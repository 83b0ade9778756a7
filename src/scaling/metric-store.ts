// Recent CloudWatch datapoints per metric name, one statistic set per period, kept in
// fixed-size rings (bounded memory: only what the alarms need). A datapoint for
// [s, s + period) becomes visible to alarms at s + period + publishDelay. Beside each set
// the store keeps the number of tasks the value was measured over (not a CloudWatch
// statistic: what target tracking needs during a scale-out cooldown, docs/notes/scaling.md).

import { metricValue, statisticValue, type Datapoint, type Statistic } from './statistic.js';

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

/**
 * Values per slot: period index (-1 = empty), sum, min, max, sample count, tasks (NaN =
 * unknown), and the Average (sum / count to the metric's digits), worked out once at the put
 * since alarms read each datapoint of their range every period.
 */
const STRIDE = 7;

/**
 * One metric's ring of statistic sets. Slot i holds one period's set in
 * data[STRIDE * i ..]: the period index and its four statistics side by side, so a put or a
 * read touches one place in memory rather than one per statistic.
 */
export class MetricSeries {
  private data: Float64Array;
  private slots: number;

  constructor(capacity: number) {
    this.slots = capacity;
    this.data = emptySlots(capacity);
  }

  get capacity(): number {
    return this.slots;
  }

  put(i: number, sum: number, min: number, max: number, count: number, tasks = NaN): void {
    const at = (i % this.slots) * STRIDE;
    const d = this.data;
    if (d[at] > i) return; // a newer period already owns the slot: i is past retention
    d[at] = i;
    d[at + 1] = sum;
    d[at + 2] = min;
    d[at + 3] = max;
    d[at + 4] = count;
    d[at + 5] = tasks;
    d[at + 6] = count > 0 ? metricValue(sum / count) : NaN;
  }

  /** The statistic set of period i (and its tasks, NaN = unknown), or undefined when it is not stored. */
  get(i: number): { sum: number; min: number; max: number; count: number; tasks: number } | undefined {
    const at = (i % this.slots) * STRIDE;
    const d = this.data;
    if (d[at] !== i) return undefined;
    return { sum: d[at + 1], min: d[at + 2], max: d[at + 3], count: d[at + 4], tasks: d[at + 5] };
  }

  /**
   * The tasks the value of periods [first, first + periods) was measured over: the stored
   * number for one period; over several, the fewest of those stored (the tasks present
   * throughout). NaN when none is stored or a stored one is unknown. Allocation-free.
   */
  tasks(first: number, periods: number): number {
    const d = this.data;
    let fewest = Infinity;
    for (let k = 0; k < periods; k++) {
      const i = first + k;
      if (i < 0) continue;
      const at = (i % this.slots) * STRIDE;
      if (d[at] !== i) continue;
      const n = d[at + 5];
      if (n !== n) return NaN;
      if (n < fewest) fewest = n;
    }
    return fewest === Infinity ? NaN : fewest;
  }

  /**
   * `statistic` over periods [first, first + periods) combined into one statistic set; NaN
   * when none is stored. `first` is a whole period index (the store checks; alarms compute
   * whole ones): a fraction would land inside another slot's values.
   */
  aggregate(first: number, periods: number, statistic: Statistic): number {
    const d = this.data;
    if (periods === 1) {
      if (first < 0) return NaN;
      const at = (first % this.slots) * STRIDE;
      if (d[at] !== first) return NaN;
      // a stored set's sum is already to the metric's digits (putValues) and its Average kept
      if (statistic === 'Average') return d[at + 6];
      if (statistic === 'Sum') return d[at + 4] > 0 ? d[at + 1] : NaN;
      return statisticValue(statistic, d[at + 1], d[at + 2], d[at + 3], d[at + 4]);
    }
    let sum = 0;
    let min = Infinity;
    let max = -Infinity;
    let count = 0;
    for (let k = 0; k < periods; k++) {
      const i = first + k;
      if (i < 0) continue;
      const at = (i % this.slots) * STRIDE;
      if (d[at] !== i) continue;
      sum += d[at + 1];
      if (d[at + 2] < min) min = d[at + 2];
      if (d[at + 3] > max) max = d[at + 3];
      count += d[at + 4];
    }
    return statisticValue(statistic, sum, min, max, count);
  }

  resize(capacity: number): void {
    const old = this.data;
    const oldSlots = this.slots;
    this.slots = capacity;
    this.data = emptySlots(capacity);
    for (let s = 0; s < oldSlots; s++) {
      const at = s * STRIDE;
      if (old[at] >= 0) this.put(old[at], old[at + 1], old[at + 2], old[at + 3], old[at + 4], old[at + 5]);
    }
  }
}

function emptySlots(capacity: number): Float64Array {
  const d = new Float64Array(capacity * STRIDE);
  for (let at = 0; at < d.length; at += STRIDE) d[at] = -1;
  return d;
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

  /** Keeps at least `periods` periods of every metric (alarms call this with their evaluation range and the publish delay). */
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

  /**
   * Records the statistic set of one period. `periodStart` must be a multiple of the period.
   * `tasks`: how many tasks the value was measured over (CPUUtilization: the tasks averaged;
   * RequestCountPerTarget: the targets; BacklogPerTask: the tasks divided by); NaN = unknown.
   * sum, min and max are kept to METRIC_SIGNIFICANT_DIGITS (metricValue), so every reader
   * (alarms, step and target tracking policies, explain) sees the same clean value.
   */
  putValues(metricName: string, periodStart: number, sum: number, min: number, max: number, sampleCount: number, tasks = NaN): void {
    const i = periodStart / this.period;
    if (!(Number.isInteger(i) && i >= 0)) {
      throw new Error(
        `metric ${metricName}: expected a period start that is a multiple of ${this.period} ms and >= 0, found ${periodStart}`,
      );
    }
    if (!(sampleCount > 0)) return; // no samples: the datapoint is missing
    // one value (sampleCount 1, or every task alike) is rounded once
    const s = metricValue(sum);
    const lo = min === sum ? s : metricValue(min);
    const hi = max === sum ? s : max === min ? lo : metricValue(max);
    this.series(metricName).put(i, s, lo, hi, sampleCount, tasks);
  }

  /** Records one datapoint (a statistic set). */
  put(metricName: string, dp: Datapoint): void {
    this.putValues(metricName, dp.periodStart, dp.sum, dp.min, dp.max, dp.sampleCount, dp.tasks);
  }

  /** Records a single sample as the period's datapoint (sum = min = max = value, sampleCount 1). */
  putValue(metricName: string, periodStart: number, value: number, tasks = NaN): void {
    this.putValues(metricName, periodStart, value, value, value, 1, tasks);
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
    const set = s.get(i);
    if (!set) return undefined;
    const dp: Datapoint = { periodStart, sum: set.sum, min: set.min, max: set.max, sampleCount: set.count };
    if (set.tasks === set.tasks) dp.tasks = set.tasks;
    return dp;
  }

  /**
   * `statistic` over the datapoints of [start, start + periods x period) combined into one
   * statistic set, as CloudWatch does for an alarm period longer than the metric's period.
   * NaN when none of them is stored (missing). Allocation-free.
   */
  aggregate(metricName: string, start: number, periods: number, statistic: Statistic): number {
    const s = this.seriesByName.get(metricName);
    const first = start / this.period;
    if (!s || !Number.isInteger(first)) return NaN; // off the period grid: nothing stored there
    return s.aggregate(first, periods, statistic);
  }
}
