// Combining the requests of several policies on one scalable target
// (autoscaling/application/userguide/application-auto-scaling-target-tracking.html,
// "Multiple scaling policies"; API_PutScalingPolicy.html):
// - scale out when any policy asks;
// - target tracking scales in only when every target tracking policy with scale in enabled
//   asks to;
// - a step scaling policy acts when its alarm invokes it: its scale in is not blocked by
//   target tracking policies that are not ready to scale in, nor by other step policies
//   ("the scale-in activity will not be blocked. After the scale-in activity completes,
//   the target tracking policy could instruct the scalable target to scale out again");
// - in either direction, the request with the largest capacity wins; a scale-out request
//   that makes no activity itself (at maxCapacity, or not above what its scale-out cooldown
//   set: ScalingRequest.held) still asks for its capacity, so while one asks for the current
//   capacity or more no policy scales in ("scales based on the policy that provides the
//   largest capacity for both scale in and scale out", "always prioritize availability").

import type { ScalingPolicy, ScalingRequest } from './scaling-policy.js';

/**
 * The request to apply, or null. `requests[i]` is policy i's request this evaluation; ties
 * go to the earlier policy.
 */
export function decideScaling(
  policies: readonly ScalingPolicy[],
  requests: readonly (ScalingRequest | null)[],
  current = Infinity,
): ScalingRequest | null {
  let out: ScalingRequest | null = null;
  for (const r of requests) {
    if (r && r.direction === 'out' && !r.held && (!out || r.capacity > out.capacity)) out = r;
  }
  if (out) return out;
  if (holdingScaleOut(requests, current)) return null;
  return scaleInRequest(policies, requests);
}

/**
 * A scale in the policies ask for that a held scale-out request overrules (the largest
 * capacity wins): the scale in and the request holding it off (the one asking for the most),
 * or null when nothing is held off this evaluation.
 */
export function heldScaleIn(
  policies: readonly ScalingPolicy[],
  requests: readonly (ScalingRequest | null)[],
  current: number,
): { into: ScalingRequest; by: ScalingRequest } | null {
  for (const r of requests) if (r && r.direction === 'out' && !r.held) return null;
  const by = holdingScaleOut(requests, current);
  if (!by) return null;
  const into = scaleInRequest(policies, requests);
  return into ? { into, by } : null;
}

/** The held scale-out request asking for the most, if it asks for `current` or more. */
function holdingScaleOut(requests: readonly (ScalingRequest | null)[], current: number): ScalingRequest | null {
  let by: ScalingRequest | null = null;
  for (const r of requests) {
    if (r && r.direction === 'out' && r.held && r.capacity >= current && (!by || r.capacity > by.capacity)) by = r;
  }
  return by;
}

function scaleInRequest(policies: readonly ScalingPolicy[], requests: readonly (ScalingRequest | null)[]): ScalingRequest | null {
  const agrees = targetTrackingAgrees(policies, requests);
  let into: ScalingRequest | null = null;
  for (let i = 0; i < policies.length; i++) {
    const r = requests[i];
    if (scaleInCounts(policies[i], r, agrees) && (!into || r.capacity > into.capacity)) into = r;
  }
  return into;
}

/**
 * Which policies' scale-in requests count this evaluation: every step policy's, and the
 * target tracking policies' only when all of them with scale in enabled ask. (A scale in
 * starts the scale-in cooldown of these policies only: an overruled request made none.)
 */
export function scaleInsThatCount(policies: readonly ScalingPolicy[], requests: readonly (ScalingRequest | null)[]): boolean[] {
  const agrees = targetTrackingAgrees(policies, requests);
  return policies.map((p, i) => scaleInCounts(p, requests[i], agrees));
}

/** Every target tracking policy with scale in enabled asks to scale in. */
function targetTrackingAgrees(policies: readonly ScalingPolicy[], requests: readonly (ScalingRequest | null)[]): boolean {
  for (let i = 0; i < policies.length; i++) {
    const r = requests[i];
    if (policies[i].policyType === 'TargetTrackingScaling' && policies[i].mayScaleIn && !(r && r.direction === 'in')) return false;
  }
  return true;
}

/** Whether `r` is a scale in that counts, given whether target tracking agrees. */
function scaleInCounts(p: ScalingPolicy, r: ScalingRequest | null | undefined, trackingAgrees: boolean): r is ScalingRequest {
  return r != null && r.direction === 'in' && (p.policyType !== 'TargetTrackingScaling' || trackingAgrees);
}
