// A target tracking scaling policy at run time: its managed alarms, its cooldowns, and the
// request it invokes when one of its alarms is in ALARM (on entering it, then once a minute).

import { Alarm, type AlarmTransition } from './alarm.js';
import { MAX_API_INTEGER, MAX_TARGET_VALUE, MIN_TARGET_MAGNITUDE } from './api-limits.js';
import {
  heldReason,
  inScaleInCooldown,
  inScaleOutCooldown,
  newCooldownState,
  scaleOutAllowed,
  trackingScaleOutBase,
  type CooldownState,
} from './cooldown.js';
import { formatFormulaMetric, formatNumber } from './format.js';
import type { MetricStore } from './metric-store.js';
import { clampCapacity, clampNote, type ScalableTarget } from './scalable-target.js';
import { actionDue, type ScalingPolicy, type ScalingRequest } from './scaling-policy.js';
import {
  DEFAULT_ECS_COOLDOWN_MS,
  proportionalCapacity,
  targetTrackingAlarms,
  type TargetTrackingPolicyConfig,
} from './target-tracking.js';

export class TargetTrackingPolicy implements ScalingPolicy {
  readonly policyType = 'TargetTrackingScaling' as const;
  readonly alarms: readonly Alarm[];
  readonly high: Alarm;
  readonly low: Alarm | null;
  readonly cooldown: CooldownState = newCooldownState();
  readonly mayScaleIn: boolean;
  readonly scaleOutCooldown: number;
  readonly scaleInCooldown: number;
  readonly targetValue: number;
  private highInvokedAt = -Infinity;
  private lowInvokedAt = -Infinity;
  /**
   * Compute from the capacity the newest evaluated datapoint was measured over (its stored
   * `tasks`: for EC2 Auto Scaling's ASGAverageCPUUtilization, the instances it averaged)
   * rather than from the target's current capacity; the result is still compared with the
   * current capacity (out only above it, in only below it). No datapoint count: no action.
   */
  readonly fromCovered: boolean;

  constructor(
    readonly name: string,
    config: TargetTrackingPolicyConfig,
    subject = 'service',
    options: { fromCovered?: boolean } = {},
  ) {
    this.fromCovered = options.fromCovered ?? false;
    const where = `policies.${name}`;
    if (!(Number.isFinite(config.targetValue) && config.targetValue >= MIN_TARGET_MAGNITUDE && config.targetValue <= MAX_TARGET_VALUE)) {
      throw new Error(`${where}.targetValue: expected a number from 2^-360 to 2^360, found ${config.targetValue}`);
    }
    this.scaleOutCooldown = checkCooldown(`${where}.scaleOutCooldown`, config.scaleOutCooldown);
    this.scaleInCooldown = checkCooldown(`${where}.scaleInCooldown`, config.scaleInCooldown);
    this.targetValue = config.targetValue;
    const [high, low] = targetTrackingAlarms(subject, name, config).map((c) => new Alarm(c));
    this.high = high;
    this.low = low ?? null;
    this.alarms = low ? [high, low] : [high];
    this.mayScaleIn = low !== undefined;
  }

  evaluate(t: number, store: MetricStore, target: ScalableTarget, transitions: AlarmTransition[]): ScalingRequest | null {
    const high = this.high;
    const low = this.low;
    const ht = high.evaluate(t, store);
    if (ht) transitions.push(ht);
    const highInvoked = actionDue(high.state, t, this.highInvokedAt, ht);
    if (highInvoked) this.highInvokedAt = t;
    let lowInvoked = false;
    if (low) {
      const lt = low.evaluate(t, store);
      if (lt) transitions.push(lt);
      lowInvoked = actionDue(low.state, t, this.lowInvokedAt, lt);
      if (lowInvoked) this.lowInvokedAt = t;
    }
    const current = target.desiredCount;
    if (highInvoked) {
      // during the scale-out cooldown: from the tasks the newest datapoint was measured over
      const cooling = inScaleOutCooldown(this.cooldown, t);
      const covered = cooling || this.fromCovered ? high.newestEvaluatedTasks() : NaN;
      if (this.fromCovered && covered !== covered) return null;
      const base = this.fromCovered ? covered : trackingScaleOutBase(this.cooldown, t, current, covered);
      const metric = latest(high);
      const wanted = proportionalCapacity(base, metric, this.targetValue);
      const capacity = clampCapacity(target, wanted);
      if (!scaleOutAllowed(this.cooldown, t, capacity, current)) {
        // no activity of its own, but still a request for `capacity`: AAS scales on the policy
        // that provides the largest capacity, so it holds off another policy's scale in
        // (decide-scaling.ts)
        return {
          policyName: this.name,
          direction: 'out',
          capacity,
          held: heldReason(this.cooldown, t, current, target.maxCapacity),
          explain: () => `target tracking ${this.name}: ${high.describeEvaluation()}`,
        };
      }
      const before = this.cooldown.scaleOutBase;
      const lowered = this.cooldown.scaleOutBaseLowered;
      const clamp = clampNote(target, wanted);
      return {
        policyName: this.name,
        direction: 'out',
        capacity,
        explain: () =>
          `target tracking ${this.name}: ${high.describeEvaluation()}; ` +
          `ceil(${base} x ${formatFormulaMetric(base, metric, this.targetValue, high.printedComparison())}/${formatNumber(this.targetValue)}) = ${wanted}` +
          `${cooling ? cooldownNote(base, covered, before, lowered) : ''}${clamp}`,
      };
    }
    if (lowInvoked && low && !inScaleInCooldown(this.cooldown, t)) {
      const metric = latest(low);
      const base = this.fromCovered ? low.newestEvaluatedTasks() : current;
      if (base !== base) return null;
      const wanted = proportionalCapacity(base, metric, this.targetValue);
      const capacity = clampCapacity(target, wanted);
      if (capacity >= current) return null;
      const clamp = clampNote(target, wanted);
      return {
        policyName: this.name,
        direction: 'in',
        capacity,
        explain: () =>
          `target tracking ${this.name}: ${low.describeEvaluation()}; ` +
          `ceil(${base} x ${formatFormulaMetric(base, metric, this.targetValue, low.printedComparison())}/${formatNumber(this.targetValue)}) = ${wanted}${clamp}`,
      };
    }
    return null;
  }
}

/**
 * Where a scale out during the scale-out cooldown took its capacity from, for the activity's
 * cause; `lowered`: a scale in during the cooldown set that capacity (cooldown.ts), not the
 * scale out that started it.
 */
function cooldownNote(base: number, covered: number, before: number, lowered: boolean): string {
  const previous = lowered ? 'the capacity a scale in during the cooldown left' : 'the capacity before the previous scale out';
  if (covered !== covered) return ` (scale-out cooldown: from ${previous})`;
  const tasks = `${covered} ${covered === 1 ? 'task' : 'tasks'}`;
  if (base === covered) return ` (scale-out cooldown: from the ${tasks} the datapoint covered)`;
  if (base === before) return ` (scale-out cooldown: from ${previous}; the datapoint covered ${tasks})`;
  return ` (scale-out cooldown: from the current capacity; the datapoint covered ${tasks})`;
}

/** The newest datapoint the alarm evaluated: the metric value AAS scales on (model). */
function latest(alarm: Alarm): number {
  const e = alarm.evaluation;
  return e.evaluated[e.evaluatedCount - 1];
}

export function checkCooldown(where: string, value: number | undefined): number {
  if (value === undefined) return DEFAULT_ECS_COOLDOWN_MS;
  // AAS takes cooldowns as an API Integer of seconds: at most 2,147,483,647 s
  if (!(Number.isFinite(value) && value >= 0 && value <= MAX_API_INTEGER * 1000)) {
    throw new Error(`${where}: expected a duration from 0 to ${MAX_API_INTEGER} s (an Integer of seconds), found ${value} ms`);
  }
  return value;
}
