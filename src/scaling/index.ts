// Application Auto Scaling and CloudWatch alarms for ECS services: public API.

export { STATISTICS, statisticValue, datapointStatistic, type Statistic, type Datapoint } from './statistic.js';
export { MetricStore, visibleAt, type MetricStoreOptions } from './metric-store.js';
export { COMPARISON_OPERATORS, isBreaching, comparisonSymbol, type ComparisonOperator } from './comparison.js';
export { evaluateRange, newRangeEvaluation, TREAT_MISSING_DATA, type AlarmState, type RangeEvaluation, type TreatMissingData } from './alarm-evaluation.js';
export { Alarm, validateAlarmConfig, type AlarmConfig, type AlarmTransition } from './alarm.js';
export { PREDEFINED_METRIC_TYPES, predefinedMetric, type PredefinedMetricType, type TrackedMetric } from './predefined-metrics.js';
export { onlyStatistic, defaultStatistic, checkStatistic } from './metric-statistics.js';
export {
  targetTrackingAlarms,
  trackedMetric,
  proportionalCapacity,
  DEFAULT_ECS_COOLDOWN_MS,
  LOW_ALARM_TARGET_FRACTION,
  type TargetTrackingPolicyConfig,
} from './target-tracking.js';
export { TargetTrackingPolicy } from './target-tracking-policy.js';
export { ADJUSTMENT_TYPES, applyAdjustment, percentChangeInCapacity, type AdjustmentType, type AdjustmentResult } from './adjustment.js';
export { validateStepAdjustments, findStepAdjustment, type StepAdjustment } from './step-adjustments.js';
export { StepScalingPolicy, type StepScalingPolicyConfig, type MetricAggregationType } from './step-scaling-policy.js';
export { clampCapacity, validateCapacityBounds, type ScalableTarget } from './scalable-target.js';
export { newCooldownState, type CooldownState } from './cooldown.js';
export { decideScaling, heldScaleIn, scaleInsThatCount } from './decide-scaling.js';
export type { ScalingPolicy, ScalingRequest, ScalingDirection } from './scaling-policy.js';
export type { ScalingEvent, ScalingEventType, ScalingActivity } from './events.js';
export {
  createScheduledAction,
  applyScheduledAction,
  scheduledActionTimeProblems,
  ACTION_TIME_EXPECTED,
  type ScheduledAction,
  type ScheduledActionTimeProblem,
  type ScheduledActionConfig,
  type ScheduledActionResult,
} from './scheduled-action.js';
export { parseSchedule } from './schedule/parse-schedule.js';
export { nextFire, prevFire, PREV_FIRE_HORIZON_MS, checkTimezone, type ScheduleBounds } from './schedule/next-fire.js';
export type { Schedule, AtSchedule, RateSchedule, CronSchedule } from './schedule/schedule.js';
export {
  ServiceAutoScaler,
  type ServiceAutoScalerConfig,
  type ScalingPolicyConfig,
  type AutoScalerResult,
  type ReplayedFiring,
} from './service-auto-scaler.js';
export { MAX_API_INTEGER, MAX_TARGET_VALUE, MIN_TARGET_MAGNITUDE } from './api-limits.js';
