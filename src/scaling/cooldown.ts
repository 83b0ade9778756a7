// Per-policy cooldown state of Application Auto Scaling (cooldown periods of target
// tracking and step scaling: autoscaling/application/userguide/
// target-tracking-scaling-policy-overview.html#target-tracking-cooldown,
// step-scaling-policy-overview.html#step-scaling-cooldown).
//
// Scale out: the capacity added by the activity that INITIATED the cooldown counts as part of
// the next scale out, so during the cooldown a request is applied only when it asks for more
// than the capacity already set. Step scaling computes it from the capacity before that
// activity (AWS's example: +2, then +3 adds 1); target tracking from the tasks its newest
// datapoint was measured over, between the capacity before and the current capacity
// (trackingScaleOutBase; docs/notes/scaling.md).
// Scale in: blocked until the cooldown ends; any scale out on the target ends it. Any scale
// in on the target lowers a running scale-out cooldown's capacities to what is left
// (lowerScaleOutCooldown): the tasks its scale out added no longer count.

export interface CooldownState {
  /** End of the running scale-out cooldown (exclusive), ms; -Infinity when none ran. */
  scaleOutUntil: number;
  /** Capacity before the scale out that started the running scale-out cooldown. */
  scaleOutBase: number;
  /** Capacity set by the latest scale out during the running scale-out cooldown. */
  scaleOutSetTo: number;
  /** A scale in during the running scale-out cooldown lowered scaleOutBase (lowerScaleOutCooldown). */
  scaleOutBaseLowered: boolean;
  /** End of the running scale-in cooldown (exclusive), ms; -Infinity when none. */
  scaleInUntil: number;
}

export function newCooldownState(): CooldownState {
  return { scaleOutUntil: -Infinity, scaleOutBase: 0, scaleOutSetTo: 0, scaleOutBaseLowered: false, scaleInUntil: -Infinity };
}

export function inScaleOutCooldown(c: CooldownState, t: number): boolean {
  return t < c.scaleOutUntil;
}

export function inScaleInCooldown(c: CooldownState, t: number): boolean {
  return t < c.scaleInUntil;
}

/** The capacity a step scaling scale-out request is computed from at t. */
export function scaleOutBaseCapacity(c: CooldownState, t: number, current: number): number {
  return inScaleOutCooldown(c, t) ? c.scaleOutBase : current;
}

/**
 * The capacity a target tracking scale-out request is computed from at t: outside a scale-out
 * cooldown the current capacity; during one, `covered` (the tasks the newest datapoint was
 * measured over, so the added tasks count once they ran in its period, and a datapoint from
 * before they ran does not compound), kept within [the capacity before the scale out that
 * started the cooldown, the current capacity]; the capacity before when `covered` is NaN.
 */
export function trackingScaleOutBase(c: CooldownState, t: number, current: number, covered: number): number {
  if (!inScaleOutCooldown(c, t)) return current;
  const before = c.scaleOutBase;
  if (covered !== covered) return before;
  const b = covered < current ? covered : current;
  return b > before ? b : before;
}

/** Whether a scale out to `capacity` may happen at t (more than now, and more than the cooldown's). */
export function scaleOutAllowed(c: CooldownState, t: number, capacity: number, current: number): boolean {
  if (capacity <= current) return false;
  return !inScaleOutCooldown(c, t) || capacity > c.scaleOutSetTo;
}

/**
 * Why a scale out that scaleOutAllowed refused is held, as a held request says it
 * (decide-scaling.ts): at maxCapacity, in the scale-out cooldown, or asking for the current
 * capacity.
 */
export function heldReason(c: CooldownState, t: number, current: number, maxCapacity: number): string {
  return current >= maxCapacity ? 'maxCapacity' : inScaleOutCooldown(c, t) ? 'scale-out cooldown' : 'the current capacity';
}

/**
 * Records a scale out from `from` to `to` at t. A scale out during a running cooldown keeps
 * that cooldown (its start and base: model choice, see docs/notes/scaling.md).
 */
export function recordScaleOut(c: CooldownState, t: number, from: number, to: number, cooldown: number): void {
  if (!inScaleOutCooldown(c, t)) {
    c.scaleOutUntil = t + cooldown;
    c.scaleOutBase = from;
    c.scaleOutSetTo = to;
    c.scaleOutBaseLowered = false;
  } else if (to > c.scaleOutSetTo) {
    c.scaleOutSetTo = to;
  }
}

/**
 * A scale in lowered the capacity to `capacity`: a scaling policy's scale in (any policy's,
 * applied to every policy's cooldown) or a scheduled action's (a new maxCapacity below the
 * desired count). The running scale-out cooldown, if any, keeps running, but the capacity its scale
 * out added is gone: AWS counts that capacity "as part of the desired capacity for the next
 * scale out" (target tracking) or "as part of the current capacity" (step scaling), and it is
 * no longer part of it. So the capacity before and the capacity set are both kept at most
 * `capacity`: a later scale out is measured from what the target has, and one above it is
 * allowed ("After a scheduled action runs, the scaling policy can continue to make
 * decisions", application-auto-scaling-scheduled-scaling.html). Without this, a cap then an
 * uncap during a cooldown refused every scale out until the cooldown ended, and so did a
 * policy's scale in back below the capacity set (docs/notes/scaling.md).
 */
export function lowerScaleOutCooldown(c: CooldownState, capacity: number): void {
  if (c.scaleOutSetTo > capacity) c.scaleOutSetTo = capacity;
  if (c.scaleOutBase > capacity) {
    c.scaleOutBase = capacity;
    c.scaleOutBaseLowered = true;
  }
}

/** Records a scale in at t: scale in is blocked until t + cooldown. */
export function recordScaleIn(c: CooldownState, t: number, cooldown: number): void {
  c.scaleInUntil = t + cooldown;
}

/** A scale out on the target stops the scale-in cooldown. */
export function endScaleInCooldown(c: CooldownState): void {
  c.scaleInUntil = -Infinity;
}
