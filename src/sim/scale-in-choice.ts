// Which instances of an Auto Scaling group a scale in by `count` terminates: those still
// launching first (nothing runs there yet), newest first; then the default termination
// policy (auto-scaling-group.ts: the AZ with the most instances that has an unprotected
// one, oldest first) over the instances that stay: not draining, not chosen before.
//
// One walk over the group that allocates nothing per instance: a large group scales in
// several times an hour and has thousands of instances, most of them protected.

import type { Instance } from '../model/instance.js';
import { takeFromLargestAzs } from '../model/capacity/auto-scaling-group.js';

/**
 * `live`: the group's instances not terminated, in launch order (oldest first: launch
 * order is id order, and launch times never decrease along it). `chosenBefore`: instances
 * already chosen for termination (draining). `azs`: the AZs in tie order; every instance
 * is in one of them (instances launch only into the cluster's AZs), else this throws.
 */
export function chooseScaleIn(live: readonly Instance[], chosenBefore: ReadonlySet<Instance>, count: number, azs: readonly string[]): Instance[] {
  const totals = azs.map(() => 0);
  const unprotected: Instance[][] = azs.map(() => []);
  const launching: Instance[] = [];
  for (const i of live) {
    if (chosenBefore.has(i)) continue;
    if (i.lifecycle === 'LAUNCHING') launching.push(i);
    if (i.drainingSince !== null) continue;
    const k = azs.indexOf(i.availabilityZone);
    if (k < 0) throw new Error(`internal: ${i.id} is in ${i.availabilityZone}, which the cluster does not list (${azs.join(', ')})`);
    totals[k]++;
    if (!i.protectedFromScaleIn) unprotected[k].push(i);
  }
  const chosen = launching.slice(-count).reverse();
  if (chosen.length === count) return chosen;
  // the launching ones chosen are no longer among those that stay
  for (const i of chosen) {
    if (i.drainingSince !== null) continue;
    const k = azs.indexOf(i.availabilityZone);
    totals[k]--;
    const at = unprotected[k].indexOf(i);
    if (at >= 0) unprotected[k].splice(at, 1);
  }
  for (const i of takeFromLargestAzs(totals, unprotected, count - chosen.length)) chosen.push(i);
  return chosen;
}
