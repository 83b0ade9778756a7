// What every scaling policy (target tracking, step scaling) offers the service auto
// scaler: its alarms, its cooldown state, and a scaling request per evaluation.

import type { Alarm, AlarmTransition } from './alarm.js';
import type { CooldownState } from './cooldown.js';
import type { MetricStore } from './metric-store.js';
import type { ScalableTarget } from './scalable-target.js';

export type ScalingDirection = 'out' | 'in';

/**
 * An alarm with Auto Scaling actions invokes them when it enters ALARM and then once per
 * minute while it stays there (AmazonCloudWatch/latest/monitoring/AlarmThatSendsEmail.html).
 */
export const AUTO_SCALING_ACTION_INTERVAL_MS = 60_000;

/**
 * Whether an alarm in ALARM invokes its Auto Scaling action at t: on entering ALARM at this
 * evaluation (`transition` is the state change it just made, or null), however soon after the
 * last invocation (alarm actions run on the state change), else when a minute has passed
 * since the last invocation.
 */
export function actionDue(alarmState: string, t: number, lastInvokedAt: number, transition: AlarmTransition | null): boolean {
  if (alarmState !== 'ALARM') return false;
  return (transition !== null && transition.to === 'ALARM') || t - lastInvokedAt >= AUTO_SCALING_ACTION_INTERVAL_MS;
}

/** A policy's wish for the target's capacity (already clamped to [min, max]). */
export interface ScalingRequest {
  policyName: string;
  direction: ScalingDirection;
  capacity: number;
  /**
   * Set on a scale-out request that makes no activity itself: the capacity it asks for
   * (clamped) is not above the current capacity (at maxCapacity) or not above what its
   * scale-out cooldown already set. Said after the capacity in the log ("maxCapacity",
   * "scale-out cooldown"). It still counts as a request for that capacity: while one is at
   * or above the current capacity no policy scales in (decide-scaling.ts).
   */
  held?: string;
  /** Why, with the datapoints and the arithmetic; built only for the request applied, before the alarms evaluate again. */
  explain(): string;
}

export interface ScalingPolicy {
  readonly name: string;
  readonly policyType: 'TargetTrackingScaling' | 'StepScaling';
  readonly alarms: readonly Alarm[];
  readonly cooldown: CooldownState;
  /** Whether the policy can ask for a scale in (a target tracking one then has a say in every target tracking scale in). */
  readonly mayScaleIn: boolean;
  /** Scale-out cooldown, ms. */
  readonly scaleOutCooldown: number;
  /** Scale-in cooldown, ms. */
  readonly scaleInCooldown: number;
  /**
   * Evaluates the policy's alarms at t (pushing state changes into `transitions`) and, when
   * an alarm in ALARM invokes the policy (on entering ALARM, then once a minute), returns
   * the request (respecting this policy's cooldowns), or null. An invocation that does
   * nothing for a reason the events should show (a step policy finding no step for the
   * breach) pushes a sentence into `notes`.
   */
  evaluate(t: number, store: MetricStore, target: ScalableTarget, transitions: AlarmTransition[], notes: string[]): ScalingRequest | null;
}
