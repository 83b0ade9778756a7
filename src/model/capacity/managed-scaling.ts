// ECS managed scaling of an Auto Scaling group capacity provider: the target tracking
// policy ECS puts on the group, tracking CapacityProviderReservation at targetCapacity.
// AmazonECS/latest/developerguide/managed-scaling-behavior.html, cluster-auto-scaling.html,
// APIReference/API_ManagedScaling.html, and the "Deep dive on Amazon ECS cluster auto
// scaling" blog. Call onMetric once per metric period with that period's M and N, at the
// time the alarms see that datapoint (the simulation: one publish delay after the period
// closes); launches and the warm-up are timed by that call's time.
//
// Scale out (AWS): high alarm reservation > targetCapacity. From N = 0, ECS first scales
//   out to two instances; otherwise to ceil(M / (targetCapacity / 100)). The step is
//   raised to minimumScalingStepSize and capped at maximumScalingStepSize, the result
//   clamped to [minSize, maxSize] (so the first scale out from zero launches 1 with
//   maximumScalingStepSize 1). M already counts the waiting tasks' instances bounded by the
//   step sizes (AWS scale-out step 4, reservation.ts), so at targetCapacity 100 the clamp
//   here changes nothing; it still binds below 100, where ceil(M / t) - N exceeds that
//   count, and caps a scale out with no task waiting (model: the API reference's "maximum
//   number of instances ECS will scale out at one time"). A scale out waits until every instance launched before
//   has passed instanceWarmupPeriod: the policy's own launches, and every other launch of
//   the group reported with noteLaunch (the simulation reports each one).
// Scale in (AWS): low alarm 15 of 15 one-minute datapoints below target; no scale in
//   within 15 minutes of a scale out; a scale out request restarts the scale-in process.
//   Desired goes down to ceil(M / (targetCapacity / 100)) (never below what keeps the
//   reservation at or under target), only as far as there are removable instances
//   (registered and not protected from scale in: with managed termination protection the
//   empty ones, without it every registered one, a Spot instance DRAINING at its notice
//   included; counted when the policy acts, not with the datapoint, which
//   is a publish delay old), and by at most 50 % of the group's desired capacity per
//   step (at least 1): "reduce up to 50% ASG capacity" (the Sep 2022 "faster scale-in"
//   announcement). Model: the group's capacity is its desired capacity, launching
//   instances included, so desired goes down by at most floor(desired x 0.5) and the
//   instances the step removes are at most as many as its message says.
// AWS: when every waiting task is too large for the group's smallest instance type, "cluster
//   auto scaling stops and the CapacityProviderReservation value remains at 100%". Model:
//   ecsim publishes targetCapacity instead (onMetric's atTarget): the same at the default
//   target of 100, and at a lower target a literal 100 % would sit above it and scale out
//   for ever for tasks no instance can run.
// Model: the high alarm is 1 of 1 datapoint; N = 0 and M = 0 is treated as "at target"
//   (nothing to run, nothing to remove), so a targetCapacity < 100 does not launch an
//   instance for an empty cluster.

import { reservationPercent } from './reservation.js';
import { formatValues } from '../metric-format.js';

export interface ManagedScalingConfig {
  /** Capacity provider name (for messages). */
  name: string;
  /** Percent, 1-100. Default 100. */
  targetCapacity?: number;
  /** Default 1, 1-10000; scale out only. */
  minimumScalingStepSize?: number;
  /** Default 10000, 1-10000; scale out only. */
  maximumScalingStepSize?: number;
  /** Default 300 s (0-10000 s), in ms. */
  instanceWarmupPeriodMs?: number;
  /** Auto Scaling group bounds. */
  minSize: number;
  maxSize: number;
  /** Model: datapoints above target that raise the high alarm. Default 1. */
  highAlarmDatapoints?: number;
  /** AWS: datapoints below target before scale in. Default 15. */
  lowAlarmDatapoints?: number;
  /** AWS: instances of the first scale out from zero. Default 2; 0 = proportional like any other scale out. */
  initialScaleOutFromZero?: number;
  /** AWS: no scale in this long after a scale out. Default 15 min. */
  scaleInDelayAfterScaleOutMs?: number;
  /** AWS: a scale-in step removes at most this fraction of the group's desired capacity (at least 1). Default 0.5. */
  maxScaleInFraction?: number;
}

export interface ManagedScalingDecision {
  desired: number;
  message: string;
}

/** Problems with a managed scaling configuration (empty when valid). */
export function validateManagedScaling(c: ManagedScalingConfig): string[] {
  const p: string[] = [];
  const int = (field: string, v: number | undefined, lo: number, hi: number) => {
    if (v !== undefined && (!Number.isInteger(v) || v < lo || v > hi)) {
      p.push(`${c.name}: ${field} must be an integer from ${lo} to ${hi}, found ${v}`);
    }
  };
  int('targetCapacity', c.targetCapacity, 1, 100);
  int('minimumScalingStepSize', c.minimumScalingStepSize, 1, 10000);
  int('maximumScalingStepSize', c.maximumScalingStepSize, 1, 10000);
  if ((c.minimumScalingStepSize ?? 1) > (c.maximumScalingStepSize ?? 10000)) {
    p.push(
      `${c.name}: minimumScalingStepSize (${c.minimumScalingStepSize ?? 1}) must not exceed maximumScalingStepSize (${c.maximumScalingStepSize ?? 10000})`,
    );
  }
  const w = c.instanceWarmupPeriodMs;
  if (w !== undefined && !(w >= 0 && w <= 10_000_000)) {
    p.push(`${c.name}: instanceWarmupPeriod must be from 0 to 10000 s, found ${w / 1000} s`);
  }
  if (!Number.isInteger(c.minSize) || c.minSize < 0) p.push(`${c.name}: minSize must be an integer >= 0, found ${c.minSize}`);
  if (!Number.isInteger(c.maxSize) || c.maxSize < c.minSize) {
    p.push(`${c.name}: maxSize must be an integer >= minSize (${c.minSize}), found ${c.maxSize}`);
  }
  return p;
}

/** ceil(M / (t / 100)) in exact arithmetic: the instances that keep the reservation <= t. */
export function instancesForTarget(m: number, targetCapacity: number): number {
  return Math.ceil((m * 100) / targetCapacity - 1e-9);
}

/** A message lists at most this many of the datapoints above (below) the target, the newest. */
export const LISTED_DATAPOINTS = 15;

/**
 * "6 datapoints > 100: 125.0 150.0 175.0 175.0 140.0 240.0" (oldest first), each printed on
 * its side of the target as alarm messages print them; a longer run lists its newest
 * LISTED_DATAPOINTS: "40 datapoints > 100 (newest 15 listed): ...".
 */
function describeRun(count: number, recent: readonly number[], op: '>' | '<', target: number): string {
  const shown = recent.slice(-Math.min(count, LISTED_DATAPOINTS));
  const noun = count === 1 ? 'datapoint' : 'datapoints';
  const note = shown.length < count ? ` (newest ${shown.length} listed)` : '';
  return `${count} ${noun} ${op} ${target}${note}: ${formatValues(shown, shown.length, { op, threshold: target })}`;
}

export class ManagedScaling {
  private readonly target: number;
  private readonly minStep: number;
  private readonly maxStep: number;
  private readonly warmupMs: number;
  private readonly highN: number;
  private readonly lowN: number;
  private readonly fromZero: number;
  private readonly scaleInDelayMs: number;
  private readonly scaleInFraction: number;
  private high = 0;
  private low = 0;
  private lastLaunchMs = -Infinity;
  private lastScaleOutMs = -Infinity;
  /** The newest datapoints (at most LISTED_DATAPOINTS), oldest first, for the messages. */
  private readonly recent: number[] = [];

  constructor(readonly config: ManagedScalingConfig) {
    const problems = validateManagedScaling(config);
    if (problems.length > 0) throw new Error(problems.join('; '));
    this.target = config.targetCapacity ?? 100;
    this.minStep = config.minimumScalingStepSize ?? 1;
    this.maxStep = config.maximumScalingStepSize ?? 10000;
    this.warmupMs = config.instanceWarmupPeriodMs ?? 300_000;
    this.highN = config.highAlarmDatapoints ?? 1;
    this.lowN = config.lowAlarmDatapoints ?? 15;
    this.fromZero = config.initialScaleOutFromZero ?? 2;
    this.scaleInDelayMs = config.scaleInDelayAfterScaleOutMs ?? 15 * 60_000;
    this.scaleInFraction = config.maxScaleInFraction ?? 0.5;
  }

  /** Tell the policy an instance of the group was launched (initial capacity, a Spot replacement, ...): it blocks scale out until warm. */
  noteLaunch(tMs: number): void {
    if (tMs > this.lastLaunchMs) this.lastLaunchMs = tMs;
  }

  /** Time from which a scale out may happen again (all launched instances warm). */
  warmUntilMs(): number {
    return this.lastLaunchMs + this.warmupMs;
  }

  /**
   * One datapoint of CapacityProviderReservation (given as M and N) at tMs. `notRemovable`
   * is how many registered instances a scale in could NOT terminate now (protected from
   * scale in), counted at the decision, not with the datapoint: the datapoint
   * is one publish delay old and its N still counts the instances a scale-in step removed
   * since (N - removable-now overstated what cannot go, and every other step was skipped).
   * Default M. `atTarget`: the metric is published at targetCapacity whatever M and N (every
   * waiting task too large for the group: "cluster auto scaling stops"). `waitingInstances`:
   * the instances the waiting tasks need (X), `boundedInstances`: X bounded by the step sizes,
   * the part M counts (reservation.ts); when they differ the message says so after M and N.
   * Returns a new desired capacity with the reasoning, or null.
   */
  onMetric(
    tMs: number,
    m: number,
    n: number,
    currentDesired: number,
    notRemovable = m,
    atTarget = false,
    waitingInstances = 0,
    boundedInstances = waitingInstances,
  ): ManagedScalingDecision | null {
    const neutral = atTarget || (m === 0 && n === 0);
    const r = reservationPercent(m, n);
    this.high = !neutral && r > this.target ? this.high + 1 : 0;
    this.low = !neutral && r < this.target ? this.low + 1 : 0;
    this.recent.push(r);
    if (this.recent.length > LISTED_DATAPOINTS) this.recent.shift();
    const name = this.config.name;
    const ratio = (this.target / 100).toFixed(2);

    if (this.high >= this.highN) {
      this.low = 0; // a scale-out request restarts the scale-in process
      if (tMs < this.lastLaunchMs + this.warmupMs) return null;
      let wanted: number;
      let why: string;
      if (n === 0 && this.fromZero > 0) {
        wanted = this.fromZero;
        why = `N=0: the first scale out from zero launches ${this.fromZero}`;
      } else {
        wanted = instancesForTarget(m, this.target);
        why = `ceil(${m} / ${ratio}) = ${wanted}`;
      }
      const rawStep = wanted - n;
      const step = Math.min(this.maxStep, Math.max(this.minStep, rawStep));
      if (step !== rawStep) why += `; step ${rawStep} -> ${step} (scaling step size ${this.minStep}-${this.maxStep})`;
      const desired = this.clampToGroup(n + step);
      if (desired !== n + step) why += `; Auto Scaling group size ${this.config.minSize}-${this.config.maxSize}`;
      if (desired <= currentDesired) return null;
      this.lastLaunchMs = tMs;
      this.lastScaleOutMs = tMs;
      return {
        desired,
        message:
          `desired ${currentDesired} -> ${desired} (managed scaling ${name}: CapacityProviderReservation ` +
          `${describeRun(this.high, this.recent, '>', this.target)}; ${this.mAndN(m, n, waitingInstances, boundedInstances)}; ${why})`,
      };
    }

    if (this.low >= this.lowN && tMs >= this.lastScaleOutMs + this.scaleInDelayMs) {
      const needed = m === 0 ? 0 : instancesForTarget(m, this.target);
      const keep = Math.max(needed, this.config.minSize, notRemovable);
      if (keep >= n) return null;
      // the step is a share of the group's desired capacity (launching instances included),
      // and desired goes down by no more than it
      const maxStep = Math.max(1, Math.floor(currentDesired * this.scaleInFraction));
      const desired = Math.max(keep, currentDesired - maxStep);
      if (desired >= currentDesired) return null;
      let why = `ceil(${m} / ${ratio}) = ${needed}`;
      if (keep > needed) {
        why +=
          keep === this.config.minSize && keep > notRemovable
            ? `; minSize ${keep}`
            : `; ${notRemovable} ${notRemovable === 1 ? 'instance' : 'instances'} not removable now (removable: registered, not protected from scale in)`;
      }
      if (desired > keep) why += `; at most ${maxStep} per step (${Math.round(this.scaleInFraction * 100)} % of desired ${currentDesired})`;
      return {
        desired,
        message:
          `desired ${currentDesired} -> ${desired} (managed scaling ${name}: CapacityProviderReservation ` +
          `${describeRun(this.low, this.recent, '<', this.target)}; ${this.mAndN(m, n, waitingInstances, boundedInstances)}; ${why})`,
      };
    }
    return null;
  }

  /**
   * "M=.. N=..", and the step sizes' bound on the waiting tasks' part of M when one applies:
   * "raised to 3 (minimumScalingStepSize 3)" when the minimum lifts X, "capped at 1
   * (maximumScalingStepSize 1)" when the maximum lowers it (stepBoundedInstances).
   */
  private mAndN(m: number, n: number, x: number, bounded: number): string {
    if (bounded === x) return `M=${m} N=${n}`;
    const bound = bounded > x ? `raised to ${bounded} (minimumScalingStepSize ${this.minStep})` : `capped at ${bounded} (maximumScalingStepSize ${this.maxStep})`;
    return `M=${m} N=${n}; waiting tasks need ${x} ${x === 1 ? 'instance' : 'instances'}, ${bound}`;
  }

  private clampToGroup(x: number): number {
    return Math.min(this.config.maxSize, Math.max(this.config.minSize, x));
  }
}
