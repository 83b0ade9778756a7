// CloudWatch's M-of-N alarm evaluation over the values of the evaluation range, with each
// TreatMissingData setting (AmazonCloudWatch/latest/monitoring/alarms-and-missing-data.html,
// "How alarm state is evaluated when data is missing" and "Avoiding premature transitions").

import { isBreaching, type ComparisonOperator } from './comparison.js';

export type AlarmState = 'OK' | 'ALARM' | 'INSUFFICIENT_DATA';

/** PutMetricAlarm's TreatMissingData; CloudWatch's default is "missing". */
export type TreatMissingData = 'missing' | 'ignore' | 'breaching' | 'notBreaching';
export const TREAT_MISSING_DATA: readonly TreatMissingData[] = ['missing', 'ignore', 'breaching', 'notBreaching'];

/** What one evaluation found; reused between calls to keep the hot path allocation-free. */
export interface RangeEvaluation {
  state: AlarmState;
  /** The real datapoints the state was decided on, oldest first (first `evaluatedCount` entries). */
  evaluated: Float64Array;
  evaluatedCount: number;
  /** Breaching datapoints among `evaluated` (filled-in ones not counted). */
  breachingCount: number;
  /** Missing datapoints filled in as breaching or not breaching (fewer than N real ones). */
  filled: number;
  /** ALARM through the premature-transition rule (fewer than M breaching, newer ones missing). */
  premature: boolean;
  /** The state was kept because data was missing (TreatMissingData "ignore"). */
  retained: boolean;
}

export function newRangeEvaluation(capacity: number): RangeEvaluation {
  return {
    state: 'INSUFFICIENT_DATA',
    evaluated: new Float64Array(capacity),
    evaluatedCount: 0,
    breachingCount: 0,
    filled: 0,
    premature: false,
    retained: false,
  };
}

/**
 * Evaluates an alarm over `range` (the evaluation range, oldest first, NaN = missing):
 * - at least N real datapoints: the most recent N real ones decide, whatever `treat` is;
 *   M breaching -> ALARM, else OK;
 * - fewer than N: every real datapoint in the range is evaluated, and
 *   - `breaching`/`notBreaching`: N minus their number are filled in as breaching or not
 *     ("uses missing data points only as few times as possible"); M breaching -> ALARM, else OK;
 *   - `missing`: M real breaching -> ALARM; any real one not breaching -> OK; none real ->
 *     INSUFFICIENT_DATA; only breaching ones (fewer than M) -> ALARM when the oldest is at
 *     least M periods old (premature-transition rule), else INSUFFICIENT_DATA;
 *   - `ignore`: as `missing`, except that where `missing` would give INSUFFICIENT_DATA or a
 *     premature ALARM the state is kept (`current`).
 * This matches every row of both of AWS's tables, in each column (test/scaling).
 */
export function evaluateRange(
  range: ArrayLike<number>,
  rangeLength: number,
  evaluationPeriods: number,
  datapointsToAlarm: number,
  op: ComparisonOperator,
  threshold: number,
  result: RangeEvaluation,
  treat: TreatMissingData = 'missing',
  current: AlarmState = 'INSUFFICIENT_DATA',
): RangeEvaluation {
  let real = 0;
  for (let i = 0; i < rangeLength; i++) if (range[i] === range[i]) real++;
  result.premature = false;
  result.retained = false;
  result.filled = 0;
  // Collect the evaluated real datapoints: the most recent N, or all when fewer.
  const take = real < evaluationPeriods ? real : evaluationPeriods;
  let skip = real - take;
  let n = 0;
  let breaching = 0;
  let oldestBreachingAge = 0; // 1 = newest period of the range
  for (let i = 0; i < rangeLength; i++) {
    const v = range[i];
    if (v !== v) continue;
    if (skip > 0) {
      skip--;
      continue;
    }
    result.evaluated[n++] = v;
    if (isBreaching(op, v, threshold)) {
      breaching++;
      if (oldestBreachingAge === 0) oldestBreachingAge = rangeLength - i;
    }
  }
  result.evaluatedCount = n;
  result.breachingCount = breaching;
  if (real < evaluationPeriods && (treat === 'breaching' || treat === 'notBreaching')) {
    result.filled = evaluationPeriods - real;
    const counted = breaching + (treat === 'breaching' ? result.filled : 0);
    result.state = counted >= datapointsToAlarm ? 'ALARM' : 'OK';
    return result;
  }
  if (breaching >= datapointsToAlarm) {
    result.state = 'ALARM';
    return result;
  }
  if (real >= evaluationPeriods || breaching < n) {
    result.state = 'OK';
    return result;
  }
  // Fewer than N real datapoints, all of them breaching but fewer than M (or none at all).
  if (treat === 'ignore') {
    result.state = current;
    result.retained = true;
    return result;
  }
  if (n > 0 && oldestBreachingAge >= datapointsToAlarm) {
    result.state = 'ALARM';
    result.premature = true;
    return result;
  }
  result.state = 'INSUFFICIENT_DATA';
  return result;
}
