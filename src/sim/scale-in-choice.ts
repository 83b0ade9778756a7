// Which instances of an Auto Scaling group a scale in by `count` terminates: those still
// launching first (nothing runs there yet), newest first; then the default termination
// policy (auto-scaling-group.ts: the AZ with the most instances that has an unprotected
// one, oldest first) over the instances that stay: not draining, not chosen before.
//
// It reads the group's members as its tally keeps them (group-tally.ts): how many stay per
// AZ, which of them are unprotected, which are launching. A large group scales in several
// times an hour and has thousands of instances, most of them protected: nothing here walks
// them all.

import type { Instance } from '../model/instance.js';
import { takeFromLargestAzs } from '../model/capacity/auto-scaling-group.js';
import type { GroupMembers } from './group-tally.js';

/**
 * `azs`: the AZs in tie order; every instance is in one of them (instances launch only
 * into the cluster's AZs), else this throws.
 */
export function chooseScaleIn(members: GroupMembers, count: number, azs: readonly string[]): Instance[] {
  const launching = [...members.launching];
  const chosen = launching.slice(-count).reverse();
  if (chosen.length === count) return chosen;
  for (const [az, n] of members.stayingByAz) {
    if (n > 0 && !azs.includes(az)) throw new Error(`internal: ${n} instances are in ${az}, which the cluster does not list (${azs.join(', ')})`);
  }
  const totals = azs.map((az) => members.stayingByAz.get(az) ?? 0);
  const unprotected: Instance[][] = azs.map(() => []);
  for (const i of members.unprotected) if (!chosen.includes(i)) unprotected[azs.indexOf(i.availabilityZone)].push(i);
  // oldest first: launch order is id order, and launch times never decrease along it
  for (const list of unprotected) list.sort((a, b) => a.launchOrder - b.launchOrder);
  // the launching ones chosen (never draining) are no longer among those that stay
  for (const i of chosen) totals[azs.indexOf(i.availabilityZone)]--;
  for (const i of takeFromLargestAzs(totals, unprotected, count - chosen.length)) chosen.push(i);
  return chosen;
}
