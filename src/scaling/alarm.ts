// A CloudWatch metric alarm (PutMetricAlarm fields, TreatMissingData included): keeps its
// state, evaluates on a sliding window (CloudWatch's default EvaluationWindow) once per newly
// visible metric period, reports transitions with the datapoints that caused them.

import { comparisonSymbol, isBreaching, COMPARISON_OPERATORS, type ComparisonOperator } from './comparison.js';
import { evaluateRange, newRangeEvaluation, TREAT_MISSING_DATA, type AlarmState, type RangeEvaluation, type TreatMissingData } from './alarm-evaluation.js';
import { formatNumber, formatValues } from './format.js';
import type { MetricSeries, MetricStore } from './metric-store.js';
import { STATISTICS, type Statistic } from './statistic.js';

export type { AlarmState, TreatMissingData } from './alarm-evaluation.js';

export interface AlarmConfig {
  name: string;
  metricName: string;
  statistic: Statistic;
  /** Alarm period, ms; a multiple of the metric store's period. */
  period: number;
  evaluationPeriods: number;
  /** M of N; defaults to evaluationPeriods. */
  datapointsToAlarm?: number;
  threshold: number;
  comparisonOperator: ComparisonOperator;
  /** How missing datapoints are treated; default "missing" (CloudWatch's). */
  treatMissingData?: TreatMissingData;
  /**
   * Periods retrieved when some are missing (model: CloudWatch does not publish it; the AWS
   * example retrieves 5 for 3 evaluation periods). Default evaluationPeriods + 2.
   */
  evaluationRange?: number;
}

export interface AlarmTransition {
  time: number;
  alarmName: string;
  from: AlarmState;
  to: AlarmState;
  /** The datapoints the new state was decided on, oldest first. */
  datapoints: number[];
  message: string;
}

export class Alarm {
  readonly name: string;
  readonly metricName: string;
  readonly statistic: Statistic;
  readonly period: number;
  readonly evaluationPeriods: number;
  readonly datapointsToAlarm: number;
  readonly threshold: number;
  readonly comparisonOperator: ComparisonOperator;
  readonly evaluationRange: number;
  readonly treatMissingData: TreatMissingData;

  state: AlarmState = 'INSUFFICIENT_DATA';
  /**
   * Start of the newest datapoint's window evaluated so far (-Infinity before the first):
   * the alarm period ending with the newest visible metric period.
   */
  lastEvaluatedPeriodStart = -Infinity;

  private readonly range: Float64Array;
  // Kept as the range shifts: its real (not missing) values, and the breaching ones among
  // its last N places. With every value real (the usual case) the last N decide the state
  // alone, and the details (which datapoints, the counts) wait until someone reads them.
  private realCount = 0;
  private breachingLastN = 0;
  private readonly details: RangeEvaluation;
  private detailsStale = false;
  private preparedFor: MetricStore | null = null;
  private series: MetricSeries | null = null;
  private subPeriods = 1;
  private storePeriod = 1;
  private refresh = true; // re-read the whole evaluation range on the next evaluation

  constructor(config: AlarmConfig) {
    validateAlarmConfig(config);
    this.name = config.name;
    this.metricName = config.metricName;
    this.statistic = config.statistic;
    this.period = config.period;
    this.evaluationPeriods = config.evaluationPeriods;
    this.datapointsToAlarm = config.datapointsToAlarm ?? config.evaluationPeriods;
    this.threshold = config.threshold;
    this.comparisonOperator = config.comparisonOperator;
    this.evaluationRange = config.evaluationRange ?? config.evaluationPeriods + 2;
    this.treatMissingData = config.treatMissingData ?? 'missing';
    this.range = new Float64Array(this.evaluationRange);
    this.details = newRangeEvaluation(this.evaluationRange);
  }

  /** The last evaluation (datapoints, counts); valid after the first evaluate(). */
  get evaluation(): RangeEvaluation {
    if (this.detailsStale) {
      this.detailsStale = false;
      this.evaluateDetails();
    }
    return this.details;
  }

  /**
   * Evaluates the alarm on the datapoints visible at t, if a new metric period has become
   * visible since the last call. The window slides (CloudWatch's default SlidingWindow,
   * AmazonCloudWatch/latest/monitoring/alarm-evaluation-window.html): the newest datapoint
   * is the alarm period ending with the newest visible metric period, each older one an
   * alarm period before; not fixed blocks counted from the run's start. The first
   * evaluation comes once a whole alarm period since the run's start is visible. Returns
   * the state transition, or null (no change, or nothing new to evaluate; compare
   * lastEvaluatedPeriodStart to tell them apart). Datapoints must be stored before they
   * become visible: when the window moves by exactly one alarm period (every evaluation
   * when the alarm period is the metric period) the range is shifted, not re-read.
   */
  evaluate(t: number, store: MetricStore): AlarmTransition | null {
    if (this.preparedFor !== store) this.prepare(store);
    const P = this.period;
    const p = this.storePeriod;
    const k = this.subPeriods;
    // Sliding window (CloudWatch's default): the newest datapoint is the aggregate of the k
    // metric periods ending with the newest visible one, so it moves on every metric period,
    // not once per alarm period (with k = 1 this is the newest visible period itself).
    const newestIndex = Math.floor((t - p - store.publishDelay) / p) + 1 - k;
    const newest = newestIndex * p;
    if (newest < 0 || newest <= this.lastEvaluatedPeriodStart) return null;
    const R = this.evaluationRange;
    const series = this.series!;
    const range = this.range;
    const N = this.evaluationPeriods;
    const op = this.comparisonOperator;
    const threshold = this.threshold;
    if (newest - this.lastEvaluatedPeriodStart === P && !this.refresh) {
      // One alarm period on (the usual case with k = 1; with k > 1 the window moves one
      // metric period at a time and the range is re-read below): shift the range and read
      // only the new datapoint.
      // (a loop: the range is a few values, copyWithin's call costs more than the copy)
      const leavingRange = range[0];
      const leavingLastN = range[R - N];
      for (let j = 1; j < R; j++) range[j - 1] = range[j];
      const v = series.aggregate(newestIndex, k, this.statistic);
      range[R - 1] = v;
      this.realCount += (v === v ? 1 : 0) - (leavingRange === leavingRange ? 1 : 0);
      this.breachingLastN += (isBreaching(op, v, threshold) ? 1 : 0) - (isBreaching(op, leavingLastN, threshold) ? 1 : 0);
    } else {
      let real = 0;
      let breaching = 0;
      for (let j = 0; j < R; j++) {
        const v = series.aggregate(newestIndex - (R - 1 - j) * k, k, this.statistic);
        range[j] = v;
        if (v === v) real++;
        if (j >= R - N && isBreaching(op, v, threshold)) breaching++;
      }
      this.realCount = real;
      this.breachingLastN = breaching;
    }
    this.lastEvaluatedPeriodStart = newest;
    this.refresh = false;
    const from = this.state;
    if (this.realCount === R) {
      // every datapoint of the range real (R >= N): the last N are the ones evaluated
      this.state = this.breachingLastN >= this.datapointsToAlarm ? 'ALARM' : 'OK';
      this.detailsStale = true;
    } else {
      this.evaluateDetails();
      this.detailsStale = false;
      this.state = this.details.state;
    }
    if (this.state === from) return null;
    return {
      time: t,
      alarmName: this.name,
      from,
      to: this.state,
      datapoints: this.evaluatedDatapoints(),
      message: this.describeEvaluation(),
    };
  }

  /** CloudWatch's evaluation of the range as it is (evaluateRange), into `details`. */
  private evaluateDetails(): void {
    // this.state is still the state before this evaluation: what "ignore" keeps (when the
    // details are worked out late, every datapoint was real and "ignore" keeps nothing)
    evaluateRange(this.range, this.evaluationRange, this.evaluationPeriods, this.datapointsToAlarm, this.comparisonOperator, this.threshold, this.details, this.treatMissingData, this.state);
  }

  /**
   * The tasks the newest evaluated datapoint was measured over (MetricSeries.tasks), NaN when
   * unknown or when no real datapoint was evaluated. The newest evaluated datapoint is the
   * newest real one in the range (CloudWatch evaluates the most recent real ones).
   */
  newestEvaluatedTasks(): number {
    const series = this.series;
    if (series === null || this.lastEvaluatedPeriodStart < 0) return NaN;
    const range = this.range;
    let j = this.evaluationRange - 1;
    while (j >= 0 && range[j] !== range[j]) j--;
    if (j < 0) return NaN;
    const k = this.subPeriods;
    const newestIndex = this.lastEvaluatedPeriodStart / this.storePeriod;
    return series.tasks(newestIndex - (this.evaluationRange - 1 - j) * k, k);
  }

  /** The datapoints of the last evaluation, oldest first. */
  evaluatedDatapoints(): number[] {
    const e = this.evaluation;
    const out: number[] = [];
    for (let j = 0; j < e.evaluatedCount; j++) out.push(e.evaluated[j]);
    return out;
  }

  /** The comparison datapoints are listed under in messages: '>' and the threshold as printed. */
  printedComparison(): { op: string; threshold: number } {
    return { op: comparisonSymbol(this.comparisonOperator), threshold: Number(formatNumber(this.threshold)) };
  }

  /** The last evaluation in words: "3 datapoints > 50: 74.9 76.2 75.0". */
  describeEvaluation(): string {
    const e = this.evaluation;
    const op = comparisonSymbol(this.comparisonOperator);
    const thr = formatNumber(this.threshold);
    const values = e.evaluatedCount === 0 ? 'no real datapoints' : formatValues(e.evaluated, e.evaluatedCount, { op, threshold: Number(thr) });
    if (e.retained) {
      const real = e.evaluatedCount === 0 ? `no ${this.metricName} datapoints` : `too few ${this.metricName} datapoints`;
      return `${real} in the last ${this.evaluationRange} periods; state kept (treatMissingData: ignore): ${values}`;
    }
    const fillsBreach = this.treatMissingData === 'breaching';
    const breaching = e.breachingCount + (fillsBreach ? e.filled : 0);
    const total = e.evaluatedCount + e.filled;
    const fill = e.filled === 0 ? '' : ` (${e.filled} missing, treated as ${fillsBreach ? 'breaching' : 'not breaching'})`;
    switch (e.state) {
      case 'INSUFFICIENT_DATA':
        return e.evaluatedCount === 0
          ? `no ${this.metricName} datapoints in the last ${this.evaluationRange} periods`
          : `too few ${this.metricName} datapoints in the last ${this.evaluationRange} periods to decide: ${values}`;
      case 'ALARM': {
        const counted = breaching === total ? `${breaching}` : `${breaching} of ${total}`;
        const note = e.premature ? ' (newer datapoints missing)' : '';
        return `${counted} ${plural(breaching)} ${op} ${thr}${note}${fill}: ${values}`;
      }
      case 'OK': {
        const ok = total - breaching;
        return `${ok} of ${total} ${plural(total)} not ${op} ${thr}${fill}: ${values}`;
      }
    }
  }

  private prepare(store: MetricStore): void {
    const k = this.period / store.period;
    if (!Number.isInteger(k) || k < 1) {
      throw new Error(
        `alarm ${this.name}: expected a period that is a multiple of the metric period ${store.period} ms, found ${this.period} ms`,
      );
    }
    this.subPeriods = k;
    this.storePeriod = store.period;
    // the oldest datapoint read is the range plus the publish delay behind the newest stored
    store.ensureRetention(this.evaluationRange * k + Math.ceil(store.publishDelay / store.period) + 1);
    this.series = store.series(this.metricName);
    this.preparedFor = store;
    this.refresh = true;
  }
}

function plural(n: number): string {
  return n === 1 ? 'datapoint' : 'datapoints';
}

/** Throws a plain Error naming the field, what was expected and what was found. */
export function validateAlarmConfig(c: AlarmConfig): void {
  const where = `alarm ${c.name}`;
  if (!STATISTICS.includes(c.statistic)) {
    throw new Error(`${where}: statistic: expected one of ${STATISTICS.join(', ')}, found ${String(c.statistic)}`);
  }
  if (!COMPARISON_OPERATORS.includes(c.comparisonOperator)) {
    throw new Error(
      `${where}: comparisonOperator: expected one of ${COMPARISON_OPERATORS.join(', ')}, found ${String(c.comparisonOperator)}`,
    );
  }
  if (!(Number.isInteger(c.period) && c.period > 0)) {
    throw new Error(`${where}: period: expected a positive whole number of ms, found ${c.period}`);
  }
  if (!(Number.isInteger(c.evaluationPeriods) && c.evaluationPeriods >= 1)) {
    throw new Error(`${where}: evaluationPeriods: expected a whole number >= 1, found ${c.evaluationPeriods}`);
  }
  const m = c.datapointsToAlarm ?? c.evaluationPeriods;
  if (!(Number.isInteger(m) && m >= 1 && m <= c.evaluationPeriods)) {
    throw new Error(`${where}: datapointsToAlarm: expected a whole number in [1, evaluationPeriods = ${c.evaluationPeriods}], found ${m}`);
  }
  if (!Number.isFinite(c.threshold)) {
    throw new Error(`${where}: threshold: expected a finite number, found ${c.threshold}`);
  }
  if (c.treatMissingData !== undefined && !TREAT_MISSING_DATA.includes(c.treatMissingData)) {
    throw new Error(`${where}: treatMissingData: expected one of ${TREAT_MISSING_DATA.join(', ')}, found ${String(c.treatMissingData)}`);
  }
  // PutMetricAlarm: at most 7 days in all, and at most one day when the period is under an hour
  const longest = c.period < 3_600_000 ? 86_400_000 : 604_800_000;
  if (c.period * c.evaluationPeriods > longest) {
    const limit = c.period < 3_600_000 ? 'one day for a period under one hour' : 'seven days';
    throw new Error(
      `${where}: evaluationPeriods: expected period x evaluationPeriods at most ${limit} (CloudWatch limit), found ${c.period / 1000} s x ${c.evaluationPeriods} = ${(c.period * c.evaluationPeriods) / 1000} s`,
    );
  }
  const r = c.evaluationRange ?? c.evaluationPeriods + 2;
  if (!(Number.isInteger(r) && r >= c.evaluationPeriods)) {
    throw new Error(`${where}: evaluationRange: expected a whole number >= evaluationPeriods = ${c.evaluationPeriods}, found ${r}`);
  }
}
