// A step scaling policy (StepScaling) at run time: its CloudWatch alarm and step
// adjustments, invoked when the alarm enters ALARM and once a minute while it stays there
// (at the first evaluation a minute or more after the last: the simulation evaluates once per
// metric period, so every period when that is longer than a minute)
// (autoscaling/application/userguide/step-scaling-policy-overview.html).

import { Alarm, type AlarmConfig, type AlarmTransition } from './alarm.js';
import { ADJUSTMENT_TYPES, adjustedCapacity, applyAdjustment, type AdjustmentType } from './adjustment.js';
import { comparisonSymbol, isBreaching, isUpperThreshold } from './comparison.js';
import {
  heldReason,
  inScaleInCooldown,
  inScaleOutCooldown,
  newCooldownState,
  scaleOutAllowed,
  scaleOutBaseCapacity,
  type CooldownState,
} from './cooldown.js';
import { compareBySymbol, formatNumber, formatValueAndDifference } from './format.js';
import { checkStatistic, defaultStatistic } from './metric-statistics.js';
import { metricValue, type Statistic } from './statistic.js';
import type { MetricStore } from './metric-store.js';
import { clampCapacity, clampNote, type ScalableTarget } from './scalable-target.js';
import { actionDue, type ScalingPolicy, type ScalingRequest } from './scaling-policy.js';
import { describeInterval, findStepAdjustment, validateStepAdjustments, type StepAdjustment } from './step-adjustments.js';
import { checkCooldown } from './target-tracking-policy.js';

export type MetricAggregationType = 'Average' | 'Minimum' | 'Maximum';

export interface StepScalingPolicyConfig {
  policyType: 'StepScaling';
  /**
   * The CloudWatch alarm that invokes the policy; name defaults to StepScaling-<subject>-<policy>,
   * statistic to the metric's only valid one (RequestCountPerTarget: Sum), else Average.
   */
  alarm: Omit<AlarmConfig, 'name' | 'statistic'> & { name?: string; statistic?: Statistic };
  adjustmentType: AdjustmentType;
  stepAdjustments: StepAdjustment[];
  /** PercentChangeInCapacity only: the least absolute change. */
  minAdjustmentMagnitude?: number;
  /** ms; default 300 000 (AAS default). */
  cooldown?: number;
  /** How all the alarm's evaluated datapoints are combined into the value the steps are chosen on; default Average. */
  metricAggregationType?: MetricAggregationType;
}

const AGGREGATIONS: readonly MetricAggregationType[] = ['Average', 'Minimum', 'Maximum'];

export class StepScalingPolicy implements ScalingPolicy {
  readonly policyType = 'StepScaling' as const;
  readonly alarm: Alarm;
  readonly alarms: readonly Alarm[];
  readonly cooldown: CooldownState = newCooldownState();
  readonly mayScaleIn: boolean;
  readonly scaleOutCooldown: number;
  readonly scaleInCooldown: number;
  private readonly steps: readonly StepAdjustment[];
  private readonly adjustmentType: AdjustmentType;
  private readonly minAdjustmentMagnitude: number | undefined;
  private readonly aggregation: MetricAggregationType;
  private readonly upper: boolean;
  private invokedAt = -Infinity;
  /**
   * What the latest invocations that changed nothing said ('no-step': no step for the breach;
   * 'zero': the step computes no change), null after one that found a change: each is said
   * once per stay in ALARM (the repeats a minute apart would say it again).
   */
  private noted: 'no-step' | 'zero' | null = null;

  constructor(
    readonly name: string,
    config: StepScalingPolicyConfig,
    subject = 'service',
  ) {
    const where = `policies.${name}`;
    if (!ADJUSTMENT_TYPES.includes(config.adjustmentType)) {
      throw new Error(`${where}.adjustmentType: expected one of ${ADJUSTMENT_TYPES.join(', ')}, found ${String(config.adjustmentType)}`);
    }
    try {
      validateStepAdjustments(config.stepAdjustments);
    } catch (e) {
      throw new Error(`${where}.${(e as Error).message}`);
    }
    const mam = config.minAdjustmentMagnitude;
    if (mam !== undefined) {
      if (config.adjustmentType !== 'PercentChangeInCapacity') {
        throw new Error(`${where}.minAdjustmentMagnitude: expected only with adjustmentType PercentChangeInCapacity, found adjustmentType ${config.adjustmentType}`);
      }
      if (!(Number.isInteger(mam) && mam >= 1)) throw new Error(`${where}.minAdjustmentMagnitude: expected a whole number >= 1, found ${mam}`);
    }
    const aggregation = config.metricAggregationType ?? 'Average';
    if (!AGGREGATIONS.includes(aggregation)) {
      throw new Error(`${where}.metricAggregationType: expected one of ${AGGREGATIONS.join(', ')}, found ${String(aggregation)}`);
    }
    const cooldown = checkCooldown(`${where}.cooldown`, config.cooldown);
    checkStatistic(`${where}.alarm.statistic`, config.alarm.metricName, config.alarm.statistic);
    const alarmName = config.alarm.name ?? `StepScaling-${subject}-${name}`;
    try {
      this.alarm = new Alarm({ ...config.alarm, name: alarmName, statistic: config.alarm.statistic ?? defaultStatistic(config.alarm.metricName) });
    } catch (e) {
      // "alarm <name>: datapointsToAlarm: ..." -> "policies.<p>.alarm.datapointsToAlarm: ...", the key's path
      const message = (e as Error).message;
      const prefix = `alarm ${alarmName}: `;
      throw new Error(message.startsWith(prefix) ? `${where}.alarm.${message.slice(prefix.length)}` : message);
    }
    this.alarms = [this.alarm];
    this.steps = config.stepAdjustments;
    this.adjustmentType = config.adjustmentType;
    this.minAdjustmentMagnitude = mam;
    this.aggregation = aggregation;
    this.scaleOutCooldown = cooldown;
    this.scaleInCooldown = cooldown;
    this.upper = isUpperThreshold(this.alarm.comparisonOperator);
    this.mayScaleIn =
      config.adjustmentType === 'ExactCapacity' ? !this.upper : config.stepAdjustments.some((s) => s.scalingAdjustment < 0);
  }

  evaluate(t: number, store: MetricStore, target: ScalableTarget, transitions: AlarmTransition[], notes: string[]): ScalingRequest | null {
    const alarm = this.alarm;
    const tr = alarm.evaluate(t, store);
    if (tr) transitions.push(tr);
    if (!actionDue(alarm.state, t, this.invokedAt, tr)) return null;
    this.invokedAt = t;
    // An ALARM on filled-in datapoints alone (treatMissingData: breaching) leaves no metric
    // value to choose a step on: nothing scales (docs/assumptions.md).
    if (alarm.evaluation.evaluatedCount === 0) return null;
    const metric = this.aggregate();
    // kept to the metric's digits: 72.35 - 62.35 is 10, not 9.999999999999993 (the step below)
    const breach = metricValue(metric - alarm.threshold);
    const step = findStepAdjustment(this.steps, breach, this.upper);
    const entered = tr !== null && tr.to === 'ALARM';
    if (!step) {
      // AWS invokes the policy and changes nothing
      if (this.noted !== 'no-step' || entered) notes.push(this.noStepNote(metric, breach));
      this.noted = 'no-step';
      return null;
    }
    const current = target.desiredCount;
    const adj = step.scalingAdjustment;
    const mam = this.minAdjustmentMagnitude;
    let from = current;
    let wanted = adjustedCapacity(this.adjustmentType, adj, current, mam);
    if (wanted === current && this.adjustmentType !== 'ExactCapacity') {
      // a change of 0: a scalingAdjustment of 0, or a percentage of 0 tasks (0, which
      // minAdjustmentMagnitude, a floor on a non-zero change, leaves 0). (ExactCapacity at
      // the capacity already set is the steady state of a policy that did its work: not said.)
      if (this.noted !== 'zero' || entered) notes.push(this.zeroChangeNote(metric, breach, step, current));
      this.noted = 'zero';
      return null;
    }
    this.noted = null;
    let direction: 'out' | 'in';
    let during = '';
    if (wanted > current) {
      direction = 'out';
      if (inScaleOutCooldown(this.cooldown, t)) {
        from = scaleOutBaseCapacity(this.cooldown, t, current);
        wanted = adjustedCapacity(this.adjustmentType, adj, from, mam);
      }
    } else if (wanted < current) {
      direction = 'in';
      if (inScaleInCooldown(this.cooldown, t)) return null;
    } else {
      // ExactCapacity at the capacity already set: a scale-out policy (an upper threshold)
      // still asks for it, as a target tracking policy at the current capacity does
      return this.upper ? this.heldRequest(current, 'the current capacity') : null;
    }
    const capacity = clampCapacity(target, wanted);
    if (direction === 'out' && !scaleOutAllowed(this.cooldown, t, capacity, current)) {
      return this.heldRequest(capacity, heldReason(this.cooldown, t, current, target.maxCapacity));
    }
    if (direction === 'in' && capacity >= current) return null;
    // the tasks it adds: to the clamped capacity (a clamp note follows when it is clamped)
    if (direction === 'out' && inScaleOutCooldown(this.cooldown, t)) during = cooldownNote(this.cooldown, from, current, capacity);
    const clamp = clampNote(target, wanted);
    return {
      policyName: this.name,
      direction,
      capacity,
      explain: () => {
        const { above, metricText, side } = this.describeBreach(metric, breach, step);
        const arithmetic = applyAdjustment(this.adjustmentType, adj, from, mam).arithmetic;
        return (
          `step scaling ${this.name}: ${alarm.describeEvaluation()}; ` +
          `${this.aggregation} ${metricText}${this.aggregatedOver(metric)} is ${side} ${formatNumber(alarm.threshold)}, ` +
          `step ${describeInterval(step, above)}: ${arithmetic}${during}${clamp}`
        );
      },
    };
  }

  /**
   * A scale out that makes no activity (at maxCapacity, not above what the scale-out cooldown
   * set, or ExactCapacity at the current capacity) but is still a request for `capacity`, as
   * a target tracking policy's (*model*): AAS scales on the policy that provides the largest
   * capacity, so while the alarm stays in ALARM it holds off another policy's scale in
   * (decide-scaling.ts).
   */
  private heldRequest(capacity: number, held: string): ScalingRequest {
    return { policyName: this.name, direction: 'out', capacity, held, explain: () => `step scaling ${this.name}: ${this.alarm.describeEvaluation()}` };
  }

  /**
   * "step scaling out: 1 datapoint > 50: 60.0; Average 60.0 is 10.0 above 50: no step
   * adjustment covers it, nothing scaled; steps (-inf, 0) +1" (ecsim explain reads it back).
   */
  private noStepNote(metric: number, breach: number): string {
    const { metricText, side } = this.describeBreach(metric, breach, undefined);
    // each step by the alarm's side (API_StepAdjustment: above the threshold lower-inclusive,
    // upper-exclusive; below it the reverse), not this breach's: as the policy's scaling
    // activities print it when the value is on the alarm's side (an activity whose value is on
    // the other side, possible with datapointsToAlarm below evaluationPeriods, prints its step
    // by that side: the rule AWS applied to the value)
    const steps = this.steps.map((s) => `${describeInterval(s, this.upper)} ${s.scalingAdjustment >= 0 ? '+' : ''}${s.scalingAdjustment}`).join(', ');
    return (
      `step scaling ${this.name}: ${this.alarm.describeEvaluation()}; ` +
      `${this.aggregation} ${metricText}${this.aggregatedOver(metric)} is ${side} ${formatNumber(this.alarm.threshold)}: no step adjustment covers it, nothing scaled; steps ${steps}`
    );
  }

  /**
   * "step scaling wake: 1 datapoint > 0: 1200; Maximum 1200 is 1200 above 0, step [0, +inf):
   * +100% of 0 tasks is 0 (...): nothing scaled" (ecsim explain reads it back).
   */
  private zeroChangeNote(metric: number, breach: number, step: StepAdjustment, current: number): string {
    const { above, metricText, side } = this.describeBreach(metric, breach, step);
    const adj = step.scalingAdjustment;
    let change: string;
    if (adj === 0) change = `a scalingAdjustment of 0 (${this.adjustmentType}) is no change`;
    else {
      const mam = this.minAdjustmentMagnitude;
      const floor = mam === undefined ? '' : `; minAdjustmentMagnitude ${mam} raises only a non-zero change`;
      change = `${adj > 0 ? '+' : ''}${formatNumber(adj)}% of ${current} tasks is 0 (a percentage of 0 is 0${floor})`;
    }
    return (
      `step scaling ${this.name}: ${this.alarm.describeEvaluation()}; ` +
      `${this.aggregation} ${metricText}${this.aggregatedOver(metric)} is ${side} ${formatNumber(this.alarm.threshold)}, step ${describeInterval(step, above)}: ${change}: nothing scaled`
    );
  }

  /**
   * "Average 60.02 is 0.02 above 60": the metric printed on its side of the threshold, both by
   * the step intervals' rule and by the alarm's comparison (a metric 3e-27 over "> 0" is not
   * printed 0, which "> 0" would not hold), and the breach printed so that it falls in the
   * step interval named after it (or in none: `step` undefined) and compares with 0 as the
   * metric with the threshold, with more digits than one decimal where that is needed
   * (formatValueKeeping); both with the same decimals, so that the printed metric minus the
   * printed threshold is the printed breach ("99.95 is 9.95 above 90", formatValueAndDifference).
   */
  private describeBreach(metric: number, breach: number, step: StepAdjustment | undefined): { above: boolean; metricText: string; side: string } {
    const upper = this.upper;
    const aboveOf = (b: number): boolean => b > 0 || (b === 0 && upper);
    const above = aboveOf(breach);
    const threshold = Number(formatNumber(this.alarm.threshold));
    const op = comparisonSymbol(this.alarm.comparisonOperator);
    const breaches = compareBySymbol(op, breach, 0);
    const sign = above ? 1 : -1;
    const { valueText: metricText, diffText: magnitude } = formatValueAndDifference(
      metric,
      threshold,
      sign * breach,
      sign,
      (p) => aboveOf(p - threshold) === above && compareBySymbol(op, p, threshold) === breaches,
      (p) => findStepAdjustment(this.steps, sign * p, upper) === step && compareBySymbol(op, sign * p, 0) === breaches,
    );
    return { above, metricText, side: `${magnitude} ${above ? 'above' : 'below'}` };
  }

  /**
   * All the alarm's evaluated real datapoints (filled-in ones have no value) combined by
   * metricAggregationType; an Average is kept to the metric's digits (metricValue). All of
   * them, the breaching and the others, as AWS's CDK reference describes the setting
   * ("Aggregation to apply to all data points over the evaluation periods",
   * BasicStepScalingPolicyProps): an M-of-N alarm (M < N) in ALARM may get a value on the
   * non-breaching side of its threshold (0, 62, 75 against > 60, 2 of 3: Average 45.67),
   * where only a step covering that side applies (docs/assumptions.md).
   */
  private aggregate(): number {
    const e = this.alarm.evaluation;
    let acc = this.aggregation === 'Minimum' ? Infinity : this.aggregation === 'Maximum' ? -Infinity : 0;
    for (let i = 0; i < e.evaluatedCount; i++) {
      const v = e.evaluated[i];
      if (this.aggregation === 'Average') acc += v;
      else if (this.aggregation === 'Minimum') acc = v < acc ? v : acc;
      else acc = v > acc ? v : acc;
    }
    return this.aggregation === 'Average' ? metricValue(acc / e.evaluatedCount) : acc;
  }

  /**
   * " of the 3 datapoints evaluated" when the aggregated value is on the non-breaching side
   * of the threshold (an ALARM made by the other datapoints: M of N below N, or missing ones
   * treated as breaching), else "": "Average 43.3 of the 3 datapoints evaluated is 16.7 below 60".
   */
  private aggregatedOver(metric: number): string {
    if (isBreaching(this.alarm.comparisonOperator, metric, this.alarm.threshold)) return '';
    const n = this.alarm.evaluation.evaluatedCount;
    return ` of the ${n} ${n === 1 ? 'datapoint' : 'datapoints'} evaluated`;
  }
}

/**
 * A scale out during the scale-out cooldown, for the activity's cause: what it was computed
 * from and how many tasks it adds beyond the desired count, the tasks added since the
 * capacity it was computed from counting as part of it (API_StepScalingPolicyConfiguration
 * Cooldown: "the previous increase of 2 is considered part of the current capacity.
 * Therefore, only 1 is added"): " (scale-out cooldown: from 10, the capacity before the scale
 * out that started it, the 5 tasks added since count: 10 more)".
 */
function cooldownNote(c: CooldownState, from: number, current: number, capacity: number): string {
  const what = c.scaleOutBaseLowered ? 'the capacity a scale in during it left' : 'the capacity before the scale out that started it';
  const added = current - from;
  const since = added > 0 ? `, the ${added} task${added === 1 ? '' : 's'} added since count` : '';
  return ` (scale-out cooldown: from ${from}, ${what}${since}: ${capacity - current} more)`;
}
