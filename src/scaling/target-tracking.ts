// Target tracking scaling (TargetTrackingScaling): the two alarms AAS manages for a policy
// and the proportional capacity it asks for
// (autoscaling/application/userguide/target-tracking-scaling-policy-overview.html,
// application-auto-scaling-target-tracking.html).

import type { AlarmConfig } from './alarm.js';
import { PREDEFINED_METRIC_TYPES, predefinedMetric, type PredefinedMetricType, type TrackedMetric } from './predefined-metrics.js';
import { checkStatistic, defaultStatistic } from './metric-statistics.js';
import { STATISTICS, type Statistic } from './statistic.js';

export interface TargetTrackingPolicyConfig {
  policyType: 'TargetTrackingScaling';
  predefinedMetricType?: PredefinedMetricType;
  /** A customized metric name instead (e.g. BacklogPerTask), tracked with customMetricStatistic. */
  customMetric?: string;
  /** Statistic of the customized metric; default the metric's only valid one (RequestCountPerTarget: Sum), else Average. */
  customMetricStatistic?: Statistic;
  targetValue: number;
  /** ms; default 300 000 (AAS default for ECS services). */
  scaleOutCooldown?: number;
  /** ms; default 300 000 (AAS default for ECS services). */
  scaleInCooldown?: number;
  disableScaleIn?: boolean;
}

export const DEFAULT_ECS_COOLDOWN_MS = 300_000;

/**
 * AAS's managed alarms: 3 of 3 one-minute datapoints above target, 15 of 15 below 90 %. The
 * counts are those the alarms AAS creates show in CloudWatch (AWS's docs do not give them);
 * the 90 % reads the overview page's "usually more than 10% lower" as exact (model,
 * docs/notes/scaling.md).
 */
export const HIGH_ALARM_EVALUATION_PERIODS = 3;
export const LOW_ALARM_EVALUATION_PERIODS = 15;
export const LOW_ALARM_TARGET_FRACTION = 0.9;
export const MANAGED_ALARM_PERIOD_MS = 60_000;

/** The metric the policy tracks; throws unless exactly one of predefined/custom is given. */
export function trackedMetric(policyName: string, c: TargetTrackingPolicyConfig): TrackedMetric {
  const where = `policies.${policyName}`;
  if ((c.predefinedMetricType === undefined) === (c.customMetric === undefined)) {
    throw new Error(
      `${where}: expected exactly one of predefinedMetricType or customMetric, found ${c.predefinedMetricType === undefined ? 'neither' : 'both'}`,
    );
  }
  if (c.predefinedMetricType !== undefined) {
    if (!PREDEFINED_METRIC_TYPES.includes(c.predefinedMetricType)) {
      throw new Error(
        `${where}.predefinedMetricType: expected one of ${PREDEFINED_METRIC_TYPES.join(', ')}, found ${String(c.predefinedMetricType)}`,
      );
    }
    return predefinedMetric(c.predefinedMetricType);
  }
  if (typeof c.customMetric !== 'string' || c.customMetric === '') {
    throw new Error(`${where}.customMetric: expected a metric name, found ${JSON.stringify(c.customMetric)}`);
  }
  const statistic = c.customMetricStatistic ?? defaultStatistic(c.customMetric);
  checkStatistic(`${where}.customMetricStatistic`, c.customMetric, statistic);
  if (!STATISTICS.includes(statistic)) {
    throw new Error(`${where}.customMetricStatistic: expected one of ${STATISTICS.join(', ')}, found ${String(statistic)}`);
  }
  return { metricName: c.customMetric, statistic };
}

/**
 * The alarms AAS creates for a target tracking policy: high (metric > target, 3 of 3
 * one-minute datapoints) and, unless scale in is disabled, low (metric < 90 % of target,
 * 15 of 15). Names follow AWS's "TargetTracking-<resource>-AlarmHigh/AlarmLow" pattern.
 */
export function targetTrackingAlarms(subject: string, policyName: string, c: TargetTrackingPolicyConfig): AlarmConfig[] {
  const { metricName, statistic } = trackedMetric(policyName, c);
  const base = `TargetTracking-${subject}-${policyName}`;
  const alarms: AlarmConfig[] = [
    {
      name: `${base}-AlarmHigh`,
      metricName,
      statistic,
      period: MANAGED_ALARM_PERIOD_MS,
      evaluationPeriods: HIGH_ALARM_EVALUATION_PERIODS,
      threshold: c.targetValue,
      comparisonOperator: 'GreaterThanThreshold',
    },
  ];
  if (!c.disableScaleIn) {
    alarms.push({
      name: `${base}-AlarmLow`,
      metricName,
      statistic,
      period: MANAGED_ALARM_PERIOD_MS,
      evaluationPeriods: LOW_ALARM_EVALUATION_PERIODS,
      threshold: LOW_ALARM_TARGET_FRACTION * c.targetValue,
      comparisonOperator: 'LessThanThreshold',
    });
  }
  return alarms;
}

const EPS = 1e-9; // 4 x 75 / 50 must give 6, not 7 through float error (the metric is clean to 12 digits: metricValue)

/**
 * The capacity that brings the metric to the target if it scales inversely with capacity:
 * ceil(current x metric / target). Used for both directions: on scale in it is the smallest
 * capacity at which the metric would not exceed the target (AAS is conservative on scale in).
 */
export function proportionalCapacity(current: number, metric: number, target: number): number {
  return Math.max(0, Math.ceil((current * metric) / target - EPS));
}
