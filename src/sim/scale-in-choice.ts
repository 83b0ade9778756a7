// Which instances of an Auto Scaling group a scale in by `count` terminates: those still
// launching first (nothing runs there yet), newest first; then the default termination
// policy (auto-scaling-group.ts: the AZs with the most instances that have an unprotected
// one, the instance closest to its next billing hour over them, at random among exact
// ties) over the instances that stay: not chosen before. A Spot instance DRAINING at its
// interruption notice stays in its AZ's count but is never chosen (it terminates at the end of
// the notice anyway).
//
// It reads the group's members as its tally keeps them (group-tally.ts): how many stay per
// AZ, which of them are unprotected, which are launching. A large group scales in several
// times an hour and has thousands of instances, most of them protected: nothing here walks
// them all.

import type { RandomStream } from '../engine/index.js';
import type { Instance } from '../model/instance.js';
import { msToNextBillingHour, takeFromLargestAzs } from '../model/capacity/auto-scaling-group.js';
import type { GroupMembers } from './group-tally.js';

/**
 * `azs`: the AZs in order; every instance is in one of them (instances launch only into
 * the cluster's AZs), else this throws. `nowMs`: the time of the scale in (billing hours
 * are counted to it). `rng`: the group's stream for exact ties (drawn only on one).
 */
export function chooseScaleIn(members: GroupMembers, count: number, azs: readonly string[], nowMs: number, rng: RandomStream): Instance[] {
  const launching = [...members.launching];
  const chosen = launching.slice(-count).reverse();
  if (chosen.length === count) return chosen;
  for (const [az, n] of members.stayingByAz) {
    if (n > 0 && !azs.includes(az)) throw new Error(`internal: ${n} instances are in ${az}, which the cluster does not list (${azs.join(', ')})`);
  }
  const totals = azs.map((az) => members.stayingByAz.get(az) ?? 0);
  const unprotected: Instance[][] = azs.map(() => []);
  for (const i of members.unprotected) if (!chosen.includes(i)) unprotected[azs.indexOf(i.availabilityZone)].push(i);
  // closest to the next billing hour first; among equals, launch order (where a draw lands)
  const policy = (a: Instance, b: Instance) => msToNextBillingHour(a.launchedAt, nowMs) - msToNextBillingHour(b.launchedAt, nowMs);
  for (const list of unprotected) list.sort((a, b) => policy(a, b) || a.launchOrder - b.launchOrder);
  // the launching ones chosen (never draining) are no longer among those that stay
  for (const i of chosen) totals[azs.indexOf(i.availabilityZone)]--;
  for (const i of takeFromLargestAzs(totals, unprotected, count - chosen.length, policy, rng)) chosen.push(i);
  return chosen;
}
