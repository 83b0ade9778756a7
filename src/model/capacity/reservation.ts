// The CapacityProviderReservation metric of an Auto Scaling group capacity provider:
// M / N x 100. AmazonECS/latest/developerguide/cluster-auto-scaling.html and
// "Deep dive on Amazon ECS cluster auto scaling" (aws.amazon.com/blogs/containers).
//
// N = instances running in the group: registered with the cluster and not terminating.
//     An instance set DRAINING (by managed draining or by hand) still runs and is still
//     in the group, so it counts in N until the group starts to terminate it
//     (`terminating: true`); it counts in M while it still runs non-daemon tasks.
//     Instances still launching (not yet registered) are not in N.
// M = instances needed. No PROVISIONING task the group's types can run (X = 0): the instances
//     that run at least one non-daemon task (`busy`; an instance running only daemon tasks
//     counts as empty). Otherwise X = the instances those tasks would need, packed first-fit
//     decreasing onto instances with the most of each resource over the group's types (AWS:
//     "the largest instance types for each parameter"), raised to minimumScalingStepSize
//     when below it, else capped at maximumScalingStepSize (AWS scale-out step 4: the metric
//     is published with respect to the step sizes; stepBoundedInstances), and
//       M = max(busy + X, ceil(N x targetCapacity / 100) + X)       (model)
//     A task in PROVISIONING found no room on any registered instance, empty ones included
//     (a memberOf constraint, another CPU architecture), so the group needs X new instances
//     on top of those it keeps: the busy ones, and at least the share of N the target keeps
//     in use. At targetCapacity 100 this is N + X, so M > N and the group scales out (the
//     deep-dive blog: CAS scales out "whenever there is not enough capacity to run tasks",
//     and with tasks in PROVISIONING M > N). Below 100 the spare instances the target keeps
//     (headroom) are not counted as needed: N + X read 4 warm instances, 2 busy, target 50
//     and one task no instance takes as M = 5, desired ceil(5 / 0.5) = 10, and the group
//     doubled every warm-up (4 -> 10 -> 22 -> 40); with ceil(4 x 0.5) + 1 = 3 it grows by
//     about X / (targetCapacity / 100) per warm-up (4 -> 6 -> 8). AWS publishes no formula for
//     this case. With busy + X alone, 1 empty instance and 2 waiting tasks it cannot take read
//     M = 0 + 1 = N: 100 %, no scale out, the tasks waited forever.
// N = 0 and M > 0 -> 200; N = 0 and M = 0 -> 100.

import { fitsCapacity, packProvisioningTasks, type InstanceCapacity, type TaskRequirement } from './pack-provisioning-tasks.js';

export interface ReservationInstance {
  /** Runs at least one task that is not from a DAEMON service. */
  hasNonDaemonTasks: boolean;
  /** The group is terminating it (scale in, Spot interruption, replacement): not counted. */
  terminating?: boolean;
}

export interface CapacityProviderReservation {
  m: number;
  n: number;
  /** Percent. */
  reservation: number;
  /** PROVISIONING tasks that fit no instance of the group (left out of M). */
  incompatibleTasks: number;
  /** X: the instances the counted waiting tasks pack onto, before the step sizes bound it. */
  waitingInstances: number;
  /** X bounded by the step sizes (stepBoundedInstances): the part of M for the waiting tasks. */
  boundedInstances: number;
}

/**
 * M / N x 100 from the raw counts, with the N = 0 cases. Computed as (M x 100) / N, one
 * rounding: exactly the target when M / N is (11 / 20 is 55, where (11 / 20) x 100 is
 * 55.00000000000001, above a targetCapacity of 55, and the group scaled out and back in
 * every 18 minutes at its steady state), and above (below) it whenever M / N is.
 */
export function reservationPercent(m: number, n: number): number {
  if (n === 0) return m > 0 ? 200 : 100;
  return (m * 100) / n;
}

/** What the estimate of M reads besides the counts. */
export interface ReservationEstimate {
  /** The most of each registered resource over the group's types (the packing's instance). */
  largest: InstanceCapacity;
  /** The least of each: a task that does not fit it is excluded from the estimate, as AWS does. Default `largest`. */
  smallest?: InstanceCapacity;
  /** The provider's managedScaling.targetCapacity (1-100). Default 100, AWS's. */
  targetCapacity?: number;
  /** managedScaling.minimumScalingStepSize: X is raised to it. Default 1, AWS's. */
  minimumScalingStepSize?: number;
  /** managedScaling.maximumScalingStepSize: X is capped at it. Default 10000, AWS's. */
  maximumScalingStepSize?: number;
}

/**
 * The instance count M is built from (managed-scaling-behavior.html, scale-out step 4: the
 * metric is published "with respect to the minimumScalingStepSize if the maximum calculated
 * instance count is less than the minimum scaling step size, or the lower value of either the
 * maximumScalingStepSize or the maximum calculated instance count"): X raised to the minimum
 * step, else capped at the maximum step. 0 stays 0 (nothing waits: no scale out to size).
 */
export function stepBoundedInstances(x: number, minimumScalingStepSize = 1, maximumScalingStepSize = 10000): number {
  if (x <= 0) return 0;
  return x < minimumScalingStepSize ? minimumScalingStepSize : Math.min(maximumScalingStepSize, x);
}

/**
 * Whether managed scaling counts a waiting task at all: it fits the least of each resource
 * over the group's types and the room a new instance leaves next to the daemons (the test
 * that makes reservationFromCounts count it in `incompatibleTasks` otherwise). A task it
 * does not count never makes the group scale out.
 */
export function managedScalingCounts(t: TaskRequirement, estimate: ReservationEstimate): boolean {
  const { largest, smallest = largest } = estimate;
  return fitsCapacity(t, smallest) && fitsCapacity(t, largest);
}

/** The metric for one capacity provider. */
export function capacityProviderReservation(
  instances: readonly ReservationInstance[],
  provisioningTasks: readonly TaskRequirement[],
  estimate: ReservationEstimate,
): CapacityProviderReservation {
  let n = 0;
  let busy = 0;
  for (const inst of instances) {
    if (inst.terminating) continue;
    n++;
    if (inst.hasNonDaemonTasks) busy++;
  }
  return reservationFromCounts(n, busy, provisioningTasks, estimate);
}

/**
 * The same metric from instances already counted: `n` = N, `busy` = those of them running
 * a non-daemon task (a caller that counts while it walks the group for other figures).
 */
export function reservationFromCounts(
  n: number,
  busy: number,
  provisioningTasks: readonly TaskRequirement[],
  estimate: ReservationEstimate,
): CapacityProviderReservation {
  const { largest, smallest = largest, targetCapacity = 100, minimumScalingStepSize = 1, maximumScalingStepSize = 10000 } = estimate;
  let compatible: readonly TaskRequirement[] = provisioningTasks;
  let incompatibleTasks = 0;
  if (smallest !== largest) {
    const kept: TaskRequirement[] = [];
    for (const t of provisioningTasks) {
      if (fitsCapacity(t, smallest)) {
        kept.push(t);
      } else incompatibleTasks++;
    }
    compatible = kept;
  }
  const packed = packProvisioningTasks(compatible, largest);
  // the instances the waiting tasks pack onto, bounded by the scaling step sizes as AWS
  // publishes the metric (stepBoundedInstances)
  const x = stepBoundedInstances(packed.instances, minimumScalingStepSize, maximumScalingStepSize);
  // tasks waiting in PROVISIONING that the group's types can run found no room on the
  // registered instances (an empty one may turn them away: a memberOf constraint, another
  // architecture): the group needs X new instances on top of the busy ones and of the part
  // of N its target keeps in use (targetCapacity is an integer: N x t / 100 is exact enough
  // for ceil), not on top of the spare ones the target keeps free
  const m = x > 0 ? Math.max(busy + x, Math.ceil((n * targetCapacity) / 100) + x) : busy;
  return {
    m,
    n,
    reservation: reservationPercent(m, n),
    incompatibleTasks: incompatibleTasks + packed.incompatible,
    waitingInstances: packed.instances,
    boundedInstances: x,
  };
}
