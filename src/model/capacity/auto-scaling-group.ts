// EC2 Auto Scaling group mechanics the simulation needs: which Availability Zone a launch
// goes to, and which instances a scale in terminates.
// autoscaling/ec2/userguide/auto-scaling-benefits.html#AutoScalingBehavior.InstanceUsage (AZ
// rebalancing), ec2-auto-scaling-termination-policies.html (default termination policy),
// ec2-auto-scaling-instance-protection.html (scale-in protection).
//
// Launch: the AZ with the fewest instances, ties in the order the AZs are listed.
// Terminate (default termination policy): never an instance protected from scale in;
//   1) the AZ (or AZs) with the most instances that has an unprotected one: with several
//   such AZs the policy is applied across them ("If the Availability Zones are balanced,
//   it applies the termination policy across all Zones"); 2) the oldest launch template /
//   configuration version; 3) the instance closest to its next billing hour, counted from
//   its launch; 4) at random among the instances left tied (the page: "terminate one of
//   these instances at random"), a uniform draw from the group's stream made only then.

import type { RandomStream } from '../../engine/index.js';

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

/** An hour: the billing hour the default termination policy looks at. */
export const BILLING_HOUR_MS = 3_600_000;

/**
 * How long until the instance's next billing hour begins, counted in whole hours from its
 * launch: in (0, 1 h] (an instance launched now, or exactly an hour ago, has a full hour).
 */
export function msToNextBillingHour(launchMs: number, nowMs: number): number {
  return BILLING_HOUR_MS - ((nowMs - launchMs) % BILLING_HOUR_MS);
}

/**
 * The instances a scale in by `count` terminates at `nowMs`, in order; fewer when not
 * enough are unprotected. `azs` gives the order of AZs (AZs not listed come after, in the
 * order they first appear in `instances`); `rng` draws among exact ties.
 */
export function chooseInstancesToTerminate(
  instances: readonly AsgInstance[],
  count: number,
  azs: readonly string[],
  nowMs: number,
  rng: RandomStream,
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
  const key = (i: AsgInstance) => msToNextBillingHour(i.launchMs, nowMs);
  const policy = (a: AsgInstance, b: AsgInstance) => (a.launchTemplateVersion ?? 0) - (b.launchTemplateVersion ?? 0) || key(a) - key(b);
  for (const list of unprotected) list.sort((a, b) => policy(a, b) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return takeFromLargestAzs(totals, unprotected, count, policy, rng);
}

/**
 * The default termination policy's choice over counts made beforehand: `totals[k]`, the
 * instances of AZ k; `unprotected[k]`, those of them that scale in may terminate, sorted by
 * `policy` (negative: the first goes first; 0: tied) and then in a fixed order. Each step
 * takes from the AZs with the most instances that have an unprotected one the instance
 * `policy` puts first over all of them; among exact ties, the one at a uniform draw from
 * `rng` (made only when two or more are tied) in the order of the tied runs (AZ order, then
 * list order). Up to `count` instances, in order; updates `totals` and reorders ties within
 * `unprotected`. A step costs the number of AZs plus the tied run it draws from.
 */
export function takeFromLargestAzs<T>(
  totals: number[],
  unprotected: readonly T[][],
  count: number,
  policy: (a: T, b: T) => number,
  rng: RandomStream,
): T[] {
  const next = totals.map(() => 0); // per AZ, its first instance not yet chosen
  const runEnd = totals.map(() => 0); // per AZ, the end of the run tied with its first (valid while > next)
  const tiedRun = (k: number): number => {
    const list = unprotected[k];
    if (runEnd[k] <= next[k]) {
      let e = next[k] + 1;
      while (e < list.length && policy(list[next[k]], list[e]) === 0) e++;
      runEnd[k] = e;
    }
    return runEnd[k] - next[k];
  };
  const chosen: T[] = [];
  while (chosen.length < count) {
    let most = -1;
    for (let k = 0; k < totals.length; k++) if (next[k] < unprotected[k].length && totals[k] > most) most = totals[k];
    if (most < 0) break;
    // the instance the policy puts first over the AZs with the most, and how many tie with it
    let best = -1;
    let tied = 0;
    for (let k = 0; k < totals.length; k++) {
      if (totals[k] !== most || next[k] === unprotected[k].length) continue;
      const c = best < 0 ? -1 : policy(unprotected[k][next[k]], unprotected[best][next[best]]);
      if (c < 0) {
        best = k;
        tied = tiedRun(k);
      } else if (c === 0) tied += tiedRun(k);
    }
    let az = best;
    if (tied > 1) {
      // one of the tied instances at random: the draw's place among the tied runs, in AZ order
      let j = Math.floor(rng.next() * tied);
      const head = unprotected[best][next[best]];
      for (let k = 0; k < totals.length; k++) {
        if (totals[k] !== most || next[k] === unprotected[k].length || policy(unprotected[k][next[k]], head) !== 0) continue;
        const run = tiedRun(k);
        if (j < run) {
          az = k;
          // to the front of its run, the others keeping their order (the next draw's)
          const list = unprotected[k];
          const a = next[k];
          const x = list[a + j];
          for (let m = a + j; m > a; m--) list[m] = list[m - 1];
          list[a] = x;
          break;
        }
        j -= run;
      }
    }
    chosen.push(unprotected[az][next[az]++]);
    totals[az]--;
  }
  return chosen;
}
