// EC2 Auto Scaling group mechanics the simulation needs: which Availability Zone a launch
// goes to, and which instances a scale in terminates.
// autoscaling/ec2/userguide/auto-scaling-benefits.html#AutoScalingBehavior.InstanceUsage (AZ
// rebalancing), ec2-auto-scaling-termination-policies.html (default termination policy),
// ec2-auto-scaling-instance-protection.html (scale-in protection).
//
// Launch: the AZ with the fewest instances, ties in the order the AZs are listed.
// Terminate (default termination policy, simplified): never an instance protected from
//   scale in; 1) the AZ with the most instances that has an unprotected one (ties in AZ
//   order); 2) the oldest launch template / configuration version; 3) AWS's "closest to the
//   next billing hour" does nothing under per-second billing, so the model then takes the
//   oldest instance (earliest launch), 4) ties by id.

export interface AsgInstance {
  id: string;
  availabilityZone: string;
  launchMs: number;
  /** Scale-in protection (managed termination protection sets it while non-daemon tasks run). */
  protectedFromScaleIn: boolean;
  /** Lower = older launch template / configuration. Default 0. */
  launchTemplateVersion?: number;
  /** Already being terminated: ignored. */
  terminating?: boolean;
}

/** Instances per AZ (terminating ones excluded), every listed AZ present. */
export function countByAvailabilityZone(
  azs: readonly string[],
  instances: readonly { availabilityZone: string; terminating?: boolean }[],
): Map<string, number> {
  const counts = new Map<string, number>();
  for (const az of azs) counts.set(az, 0);
  for (const i of instances) {
    if (!i.terminating) counts.set(i.availabilityZone, (counts.get(i.availabilityZone) ?? 0) + 1);
  }
  return counts;
}

/** The AZ for the next launch: fewest instances, ties in AZ order. */
export function chooseLaunchAvailabilityZone(azs: readonly string[], counts: ReadonlyMap<string, number>): string {
  if (azs.length === 0) throw new Error('an Auto Scaling group needs at least one Availability Zone, found none');
  let best = azs[0];
  let bestCount = counts.get(best) ?? 0;
  for (let i = 1; i < azs.length; i++) {
    const c = counts.get(azs[i]) ?? 0;
    if (c < bestCount) {
      best = azs[i];
      bestCount = c;
    }
  }
  return best;
}

/** AZs for `count` launches in a row, each balancing against the ones before. */
export function planLaunches(azs: readonly string[], counts: ReadonlyMap<string, number>, count: number): string[] {
  const c = new Map(counts);
  const out: string[] = [];
  for (let k = 0; k < count; k++) {
    const az = chooseLaunchAvailabilityZone(azs, c);
    out.push(az);
    c.set(az, (c.get(az) ?? 0) + 1);
  }
  return out;
}

function olderFirst(a: AsgInstance, b: AsgInstance): number {
  return (
    (a.launchTemplateVersion ?? 0) - (b.launchTemplateVersion ?? 0) ||
    a.launchMs - b.launchMs ||
    (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
  );
}

/**
 * The instances a scale in by `count` terminates, in order; fewer when not enough are
 * unprotected. `azs` gives the tie order of AZs (AZs not listed come after, in the order
 * they first appear in `instances`).
 */
export function chooseInstancesToTerminate(
  instances: readonly AsgInstance[],
  count: number,
  azs: readonly string[] = [],
): AsgInstance[] {
  const live = instances.filter((i) => !i.terminating);
  const order = [...azs];
  for (const i of live) if (!order.includes(i.availabilityZone)) order.push(i.availabilityZone);
  const totals = order.map(() => 0);
  const unprotected: AsgInstance[][] = order.map(() => []);
  for (const i of live) {
    const k = order.indexOf(i.availabilityZone);
    totals[k]++;
    if (!i.protectedFromScaleIn) unprotected[k].push(i);
  }
  for (const list of unprotected) list.sort(olderFirst);
  return takeFromLargestAzs(totals, unprotected, count);
}

/**
 * The default termination policy's choice over counts made beforehand, AZ by AZ in tie
 * order: `totals[k]`, the instances of AZ k; `unprotected[k]`, those of them that scale in
 * may terminate, oldest first. Up to `count` instances, in order; updates `totals`.
 */
export function takeFromLargestAzs<T>(totals: number[], unprotected: readonly (readonly T[])[], count: number): T[] {
  const next = totals.map(() => 0); // per AZ, its first instance not yet chosen
  const chosen: T[] = [];
  while (chosen.length < count) {
    let az = -1;
    for (let k = 0; k < totals.length; k++) {
      if (next[k] === unprotected[k].length) continue;
      if (az < 0 || totals[k] > totals[az]) az = k;
    }
    if (az < 0) break;
    chosen.push(unprotected[az][next[az]++]);
    totals[az]--;
  }
  return chosen;
}
