// Combining the requests of several policies on one scalable target: scale out when any
// policy asks (the largest capacity wins); scale in only when every policy that may scale in
// asks (again the largest capacity wins)
// (autoscaling/application/userguide/application-auto-scaling-target-tracking.html,
// "Multiple scaling policies"; API_PutScalingPolicy.html).

import type { ScalingPolicy, ScalingRequest } from './scaling-policy.js';

/**
 * The request to apply, or null. `requests[i]` is policy i's request this evaluation; ties
 * go to the earlier policy.
 */
export function decideScaling(
  policies: readonly ScalingPolicy[],
  requests: readonly (ScalingRequest | null)[],
): ScalingRequest | null {
  let out: ScalingRequest | null = null;
  for (const r of requests) {
    if (r && r.direction === 'out' && (!out || r.capacity > out.capacity)) out = r;
  }
  if (out) return out;
  let into: ScalingRequest | null = null;
  for (let i = 0; i < policies.length; i++) {
    const r = requests[i];
    if (r && r.direction === 'in') {
      if (!into || r.capacity > into.capacity) into = r;
    } else if (policies[i].mayScaleIn) {
      return null; // a policy that may scale in does not agree
    }
  }
  return into;
}
