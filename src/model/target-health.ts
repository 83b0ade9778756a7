// A task's target in its load balancer's target group while the application starts, and
// what the ECS service scheduler does about it. Worked out arithmetically from the check
// times, once per task at RUNNING: the simulator sets a timer at the decisive moments
// only, never an event per health check.
//
// Application Load Balancer (elasticloadbalancing/latest/application/target-group-health-checks.html,
// APIReference/API_CreateTargetGroup.html): the load balancer checks a target every
// HealthCheckIntervalSeconds; a newly registered target (state `initial`) is healthy after
// ONE passing check; any target turns unhealthy after UnhealthyThresholdCount consecutive
// failed checks, and an unhealthy one healthy again after HealthyThresholdCount
// consecutive passing checks. A check passes here iff the application has started.
//
// ECS (APIReference/API_CreateService.html, healthCheckGracePeriodSeconds): the service
// scheduler ignores unhealthy Elastic Load Balancing health checks for the grace period
// after the task first started, and then marks a task its target group reports unhealthy
// and replaces it, starting the replacement first where maximumPercent allows
// (developerguide ecs_services.html; services.ts). The marked task keeps running and the
// load balancer keeps checking it: it may turn healthy again (recoveredAt). When ECS stops
// it, the stop reason reads "Task failed ELB health checks in (target-group ...)".

export interface TargetHealthCheck {
  /** HealthCheckIntervalSeconds, in ms. */
  intervalMs: number;
  /** HealthyThresholdCount: consecutive passing checks that make an unhealthy target healthy. */
  healthyThreshold: number;
  /** UnhealthyThresholdCount: consecutive failed checks that make a target unhealthy. */
  unhealthyThreshold: number;
  /** The service's healthCheckGracePeriodSeconds, in ms. */
  gracePeriodMs: number;
}

/** Times in ms after RUNNING (the target registers then; the checks come at k x interval, k = 1, 2, ...). */
export interface TargetHealthTimeline {
  /** Checks that fail before the first one that passes. */
  failedChecks: number;
  /** When the target turns unhealthy (its unhealthyThreshold-th failed check); null if it never does. */
  unhealthyAt: number | null;
  /** When ECS marks the task unhealthy (and starts replacing it); null if it does not. */
  markedAt: number | null;
  /** When the target turns healthy and enters rotation, unmarked; null when ECS marks the task first. */
  healthyAt: number | null;
  /**
   * When an unhealthy target is healthy again (its healthyThreshold-th passing check in a
   * row; the same as healthyAt when ECS does not mark the task); null if it never was unhealthy.
   */
  recoveredAt: number | null;
}

/**
 * The target's health for an application that starts `applicationStartMs` after RUNNING.
 * ECS marks a task whose target is unhealthy once the grace period is over: at the check that makes
 * it unhealthy when the period has ended by then (a check at exactly its end counts), else
 * at the end of the period if the target is still unhealthy then. A target that turns
 * healthy at the very end of the period is healthy when ECS looks.
 */
export function targetHealthTimeline(applicationStartMs: number, hc: TargetHealthCheck): TargetHealthTimeline {
  const interval = hc.intervalMs;
  // the first check at or after the application's start passes (check 1 at the earliest)
  const firstPass = Math.max(1, Math.ceil(applicationStartMs / interval));
  const failedChecks = firstPass - 1;
  if (failedChecks < hc.unhealthyThreshold) {
    // still `initial` when the first check passes: healthy at once
    return { failedChecks, unhealthyAt: null, markedAt: null, healthyAt: firstPass * interval, recoveredAt: null };
  }
  const unhealthyAt = hc.unhealthyThreshold * interval;
  const recoveredAt = (firstPass + hc.healthyThreshold - 1) * interval;
  // ECS marks it when it is unhealthy after the grace period: at once if the period is over
  // (recoveredAt is after unhealthyAt), else at its end unless healthy again by then
  const markedAt = recoveredAt > hc.gracePeriodMs ? Math.max(unhealthyAt, hc.gracePeriodMs) : null;
  return { failedChecks, unhealthyAt, markedAt, healthyAt: markedAt === null ? recoveredAt : null, recoveredAt };
}
