// Which instances of an Auto Scaling group a scale in by `count` terminates: the default
// termination policy (auto-scaling-group.ts takeFromLargestAzs) over the instances that stay
// (not chosen before), launching ones included. AZ balance comes first ("maintaining zonal
// balance takes precedence over termination policies", ec2-auto-scaling-termination-policies.html):
// each step takes from the AZs with the most instances that have an unprotected one. Among
// those, an instance still launching (unprotected: with managed termination protection it is
// protected until it registers, cluster.ts launch) goes first, newest first (*model*: AWS does not say how
// a Pending instance ranks; nothing runs there yet, while the billing-hour criterion would
// keep a just-launched one to the last), then the instance closest to its next billing
// hour, at random among exact ties. (Before 2026-11-27 launching instances went first
// whatever their AZ, before AZ balance.) A Spot instance DRAINING at its interruption notice
// (spotInstanceDraining) is a candidate like any other: EC2 Auto Scaling does not see ECS's
// DRAINING, the instance is InService until EC2 terminates it at the end of the notice, and
// the termination policies consider every unprotected InService instance. Under managed
// termination protection it is protected while a service task is still there, as any
// instance is. (Before 2026-11-27 it was never chosen.) Instances the group chose before (draining to
// terminate) are not candidates again.
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
  for (const [az, n] of members.stayingByAz) {
    if (n > 0 && !azs.includes(az)) throw new Error(`internal: ${n} instances are in ${az}, which the cluster does not list (${azs.join(', ')})`);
  }
  const totals = azs.map((az) => members.stayingByAz.get(az) ?? 0);
  const unprotected: Instance[][] = azs.map(() => []);
  for (const i of members.unprotected) unprotected[azs.indexOf(i.availabilityZone)].push(i);
  // within the AZs balance picks: launching first, newest first; then closest to the next
  // billing hour; among equals, launch order (where a draw lands)
  const launching = (i: Instance) => (i.lifecycle === 'LAUNCHING' ? 1 : 0);
  const policy = (a: Instance, b: Instance) =>
    launching(b) - launching(a) || (launching(a) === 1 ? b.launchOrder - a.launchOrder : msToNextBillingHour(a.launchedAt, nowMs) - msToNextBillingHour(b.launchedAt, nowMs));
  for (const list of unprotected) list.sort((a, b) => policy(a, b) || a.launchOrder - b.launchOrder);
  return takeFromLargestAzs(totals, unprotected, count, policy, rng);
}
