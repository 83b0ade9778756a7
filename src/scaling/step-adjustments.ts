// Step adjustments of a step scaling policy: intervals relative to the alarm threshold,
// their validation and the choice of the step for a metric value (API_StepAdjustment.html,
// step-scaling-policy-overview.html).

export interface StepAdjustment {
  /** Lower bound relative to the threshold; null or undefined = negative infinity. */
  metricIntervalLowerBound?: number | null;
  /** Upper bound relative to the threshold; null or undefined = positive infinity. */
  metricIntervalUpperBound?: number | null;
  scalingAdjustment: number;
}

function lower(s: StepAdjustment): number {
  return s.metricIntervalLowerBound ?? -Infinity;
}
function upper(s: StepAdjustment): number {
  return s.metricIntervalUpperBound ?? Infinity;
}
function show(s: StepAdjustment): string {
  return `[${s.metricIntervalLowerBound ?? 'null'}, ${s.metricIntervalUpperBound ?? 'null'}]`;
}

/**
 * Throws a clear Error unless the steps follow AWS's rules: at least one step; a whole
 * scalingAdjustment each; lower < upper and not both null; at most one null lower and one
 * null upper bound; no overlap and no gap between consecutive intervals; a negative lower
 * bound requires a step with a null lower bound, a positive upper bound one with a null
 * upper bound.
 */
export function validateStepAdjustments(steps: readonly StepAdjustment[]): void {
  if (steps.length === 0) throw new Error('stepAdjustments: expected at least one step adjustment, found none');
  let nullLower = 0;
  let nullUpper = 0;
  steps.forEach((s, i) => {
    const where = `stepAdjustments[${i}]`;
    if (!Number.isInteger(s.scalingAdjustment)) {
      throw new Error(`${where}.scalingAdjustment: expected a whole number, found ${s.scalingAdjustment}`);
    }
    const lo = s.metricIntervalLowerBound;
    const hi = s.metricIntervalUpperBound;
    if (lo != null && !Number.isFinite(lo)) throw new Error(`${where}.metricIntervalLowerBound: expected a number or null, found ${lo}`);
    if (hi != null && !Number.isFinite(hi)) throw new Error(`${where}.metricIntervalUpperBound: expected a number or null, found ${hi}`);
    if (lo == null && hi == null) {
      throw new Error(`${where}: expected a lower or an upper bound, found both null (the upper and lower bound can't both be null)`);
    }
    if (lo == null) nullLower++;
    if (hi == null) nullUpper++;
    if (lower(s) >= upper(s)) {
      throw new Error(`${where}: expected metricIntervalLowerBound < metricIntervalUpperBound, found ${show(s)}`);
    }
  });
  if (nullLower > 1) throw new Error(`stepAdjustments: expected at most one step with a null lower bound, found ${nullLower}`);
  if (nullUpper > 1) throw new Error(`stepAdjustments: expected at most one step with a null upper bound, found ${nullUpper}`);
  const sorted = steps.map((s, i) => ({ s, i })).sort((a, b) => lower(a.s) - lower(b.s));
  for (let k = 1; k < sorted.length; k++) {
    const prev = sorted[k - 1];
    const next = sorted[k];
    const pu = upper(prev.s);
    const nl = lower(next.s);
    if (pu > nl) {
      throw new Error(
        `stepAdjustments: expected intervals that do not overlap, found stepAdjustments[${prev.i}] ${show(prev.s)} overlapping stepAdjustments[${next.i}] ${show(next.s)}`,
      );
    }
    if (pu < nl) {
      throw new Error(
        `stepAdjustments: expected intervals without gaps, found a gap between stepAdjustments[${prev.i}] ${show(prev.s)} and stepAdjustments[${next.i}] ${show(next.s)}`,
      );
    }
  }
  if (steps.some((s) => s.metricIntervalLowerBound != null && s.metricIntervalLowerBound < 0) && nullLower === 0) {
    throw new Error('stepAdjustments: a negative lower bound requires a step with a null lower bound, found none');
  }
  if (steps.some((s) => s.metricIntervalUpperBound != null && s.metricIntervalUpperBound > 0) && nullUpper === 0) {
    throw new Error('stepAdjustments: a positive upper bound requires a step with a null upper bound, found none');
  }
}

/**
 * The step for `breach` = metric - threshold, or undefined when none applies. When the
 * metric is above the threshold the lower bound is inclusive and the upper exclusive; below
 * it the reverse. At exactly the threshold, `aboveWhenEqual` (true for alarms on a
 * Greater* operator) decides which rule applies.
 */
export function findStepAdjustment(
  steps: readonly StepAdjustment[],
  breach: number,
  aboveWhenEqual: boolean,
): StepAdjustment | undefined {
  const above = breach > 0 || (breach === 0 && aboveWhenEqual);
  for (let i = 0; i < steps.length; i++) {
    const s = steps[i];
    const lo = lower(s);
    const hi = upper(s);
    if (above ? lo <= breach && breach < hi : lo < breach && breach <= hi) return s;
  }
  return undefined;
}

/** The interval of a step as text relative to the threshold: "[0, 10)" above, "(-10, 0]" below; an infinite end is open. */
export function describeInterval(s: StepAdjustment, above: boolean): string {
  const lo = s.metricIntervalLowerBound == null ? '(-inf' : `${above ? '[' : '('}${s.metricIntervalLowerBound}`;
  const hi = s.metricIntervalUpperBound == null ? '+inf)' : `${s.metricIntervalUpperBound}${above ? ')' : ']'}`;
  return `${lo}, ${hi}`;
}

/**
 * The breaches on the alarm's breaching side that no step covers, as text ("above the
 * threshold by less than 10", "all breaches above the threshold"), or null when every breach
 * finds a step. `upperAlarm`: a Greater* alarm (breaches are above the threshold); below it
 * for a Less* one. The steps are contiguous (validateStepAdjustments), so what they cover is
 * one interval from the lowest lower bound to the highest upper bound. An alarm in ALARM on
 * an uncovered breach invokes the policy, which then does nothing (API_StepAdjustment.html).
 */
export function uncoveredBreaches(steps: readonly StepAdjustment[], upperAlarm: boolean): string | null {
  let lo = Infinity;
  let hi = -Infinity;
  for (const s of steps) {
    lo = Math.min(lo, lower(s));
    hi = Math.max(hi, upper(s));
  }
  if (upperAlarm) {
    if (hi <= 0) return 'no step covers a breach above the threshold (every metricIntervalUpperBound is <= 0)';
    if (lo > 0) return `no step covers a breach above the threshold by less than ${lo}`;
  } else {
    if (lo >= 0) return 'no step covers a breach below the threshold (every metricIntervalLowerBound is >= 0)';
    if (hi < 0) return `no step covers a breach below the threshold by less than ${-hi}`;
  }
  return null;
}
