// CloudWatch's M-of-N alarm evaluation with TreatMissingData "missing", over the values
// of the evaluation range (AmazonCloudWatch/latest/monitoring/alarms-and-missing-data.html,
// "How alarm state is evaluated when data is missing" and "Avoiding premature transitions").

import { isBreaching, type ComparisonOperator } from './comparison.js';

export type AlarmState = 'OK' | 'ALARM' | 'INSUFFICIENT_DATA';

/** What one evaluation found; reused between calls to keep the hot path allocation-free. */
export interface RangeEvaluation {
  state: AlarmState;
  /** The datapoints the state was decided on, oldest first (first `evaluatedCount` entries). */
  evaluated: Float64Array;
  evaluatedCount: number;
  breachingCount: number;
  /** ALARM through the premature-transition rule (fewer than M breaching, newer ones missing). */
  premature: boolean;
}

export function newRangeEvaluation(capacity: number): RangeEvaluation {
  return {
    state: 'INSUFFICIENT_DATA',
    evaluated: new Float64Array(capacity),
    evaluatedCount: 0,
    breachingCount: 0,
    premature: false,
  };
}

/**
 * Evaluates an alarm over `range` (the evaluation range, oldest first, NaN = missing):
 * - at least N real datapoints: the most recent N real ones decide; M breaching -> ALARM, else OK;
 * - no real datapoint: INSUFFICIENT_DATA;
 * - fewer than N: every real datapoint in the range is evaluated, the rest count as missing
 *   (neither breaching nor not); M breaching -> ALARM; also ALARM when, within the last N
 *   periods, the oldest breaching datapoint is at least M periods old, every newer one is
 *   breaching or missing and no evaluated datapoint is non-breaching (premature-transition
 *   rule; matches rows 5 of both AWS tables); otherwise OK.
 */
export function evaluateRange(
  range: ArrayLike<number>,
  rangeLength: number,
  evaluationPeriods: number,
  datapointsToAlarm: number,
  op: ComparisonOperator,
  threshold: number,
  result: RangeEvaluation,
): RangeEvaluation {
  let real = 0;
  for (let i = 0; i < rangeLength; i++) if (range[i] === range[i]) real++;
  result.premature = false;
  if (real === 0) {
    result.state = 'INSUFFICIENT_DATA';
    result.evaluatedCount = 0;
    result.breachingCount = 0;
    return result;
  }
  // Collect the evaluated real datapoints: the most recent N, or all when fewer.
  const take = real < evaluationPeriods ? real : evaluationPeriods;
  let skip = real - take;
  let n = 0;
  let breaching = 0;
  for (let i = 0; i < rangeLength; i++) {
    const v = range[i];
    if (v !== v) continue;
    if (skip > 0) {
      skip--;
      continue;
    }
    result.evaluated[n++] = v;
    if (isBreaching(op, v, threshold)) breaching++;
  }
  result.evaluatedCount = n;
  result.breachingCount = breaching;
  if (breaching >= datapointsToAlarm) {
    result.state = 'ALARM';
    return result;
  }
  if (real < evaluationPeriods && breaching === n) {
    // Premature-transition rule: age (1 = newest) of the oldest breaching datapoint among the
    // last N periods, with only breaching or missing ones after it.
    let oldestAge = 0;
    const firstSlot = Math.max(0, rangeLength - evaluationPeriods);
    for (let i = firstSlot; i < rangeLength; i++) {
      if (range[i] === range[i]) {
        oldestAge = rangeLength - i;
        break;
      }
    }
    if (oldestAge >= datapointsToAlarm) {
      result.state = 'ALARM';
      result.premature = true;
      return result;
    }
  }
  result.state = 'OK';
  return result;
}
