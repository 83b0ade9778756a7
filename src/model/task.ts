// An ECS task and its lifecycle states (aws-behaviour.md §9). ECS's ACTIVATING and
// DEPROVISIONING are folded into RUNNING and STOPPED (docs/assumptions.md, Task lifecycle).

import type { Instance } from './instance.js';

export type TaskState =
  | 'PROVISIONING'
  | 'PENDING'
  | 'RUNNING'
  | 'DEACTIVATING'
  | 'STOPPING'
  | 'STOPPED';

export type StopReason =
  | 'scale-in'
  | 'spot-interruption'
  | 'instance-drained'
  | 'instance-terminated'
  /** ECS stopped it because its load balancer target group reported it unhealthy. */
  | 'failed-elb-health-checks'
  /** Its memory in a metric period passed the task's hard limit: the OOM killer killed it. */
  | 'out-of-memory'
  /** ECS stopped it in the Availability Zone with the most tasks once a task it started in the one with the fewest was healthy (AZ rebalancing). */
  | 'az-rebalancing'
  | 'simulation-end';

export interface Task {
  /** `<service>-<n>`, numbered as ECS creates tasks: a launchType EC2 task gets its id when an instance takes it ('' until then, see isCreated). */
  id: string;
  readonly service: string;
  /** Index of the service in the scenario's order (for fast per-service arrays). */
  readonly serviceIndex: number;
  capacityProvider: string;
  readonly launchType: 'EC2' | 'FARGATE';
  readonly daemon: boolean;
  readonly cpu: number;
  readonly memory: number;
  /** The instance it was placed on, null before (kept after that instance terminates; compare its lifecycle). */
  instance: Instance | null;
  availabilityZone: string;
  state: TaskState;
  /**
   * When ECS created it: when the service started it, or for a launchType EC2 task (no
   * capacity provider) when an instance took it (see isCreated).
   */
  createdAt: number;
  runningAt: number | null;
  stoppedAt: number | null;
  /** Billing start for Fargate (image pull begins: PENDING). */
  pendingAt: number | null;
  stopReason: StopReason | null;
  /** In the load balancer's rotation (receives requests). */
  inRotation: boolean;
  /** Has been in rotation at least once (the load model knows it). */
  enteredRotation: boolean;
  /** Set when the task is leaving: it no longer counts toward the service's desired count. */
  leaving: boolean;
  /**
   * The service scheduler marked it unhealthy (its load balancer target, after the grace
   * period) and replaces it: still RUNNING and checked, but it no longer counts toward the
   * desired count. Stays set if the target turns healthy again, until every other task of
   * the service is healthy or waits for capacity, or the desired count falls below what the
   * tasks need (services.ts, settleUnhealthy and reconcile); cleared when the task is stopped.
   */
  markedUnhealthy: boolean;
  /**
   * Its load balancer target is unhealthy (UnhealthyThresholdCount failed checks) and has
   * not turned healthy since; cleared when it leaves the target group (stopping). While no
   * target of the group is healthy, the load balancer fails open to these (services.ts).
   */
  targetUnhealthy: boolean;
  /** When its application answers (ms, simulated clock; set at RUNNING). */
  applicationStartsAt: number;
  /**
   * Fail-open routing: 0 none; 1 routed to while its application has not started (the
   * requests fail, 502); 2 routed to and serving (in the load model's rotation).
   */
  failOpenRoute: 0 | 1 | 2;
  /**
   * The load balancer has failed open to it while its application answered (failOpenRoute 2)
   * at least once: it accepted requests, so it may hold connections as it deregisters (while
   * its application had not started, every connection was refused: none held).
   */
  failedOpenTo: boolean;
  /**
   * A queue worker behind a load balancer pulls messages (in the load model's rotation):
   * from its application start to its stop, whatever its target's health (services.ts,
   * startPulling). Unused for other services (their rotation is inRotation).
   */
  pulling: boolean;
  /** The task's pending lifecycle event, so it can be cancelled. */
  timer: number;
  /**
   * Its pending Fargate Spot interruption notice (-1 for none): kept apart from `timer`, so
   * a task that starts leaving (scale in, deregistration delay) is still reclaimed at it.
   */
  spotTimer: number;
  /**
   * Reclaimed by a Fargate Spot notice while it was already leaving the service (draining
   * after a scale in, replaced after failing health checks): its stop reason became
   * spot-interruption, but it never counted among the reclaimed tasks still stopping that
   * wait for replacements (services.ts, spotStopping).
   */
  reclaimedWhileLeaving: boolean;
  /**
   * Its place among the tasks its service started on its capacity provider (0 for the
   * first; -1 without a provider): a Fargate Spot interruption is drawn from a stream keyed
   * by service, provider and this ordinal, so tasks started on another provider (a change
   * of base or weight) do not move it.
   */
  providerOrdinal: number;
  /** Counted in the cluster's quota of PROVISIONING tasks (an Auto Scaling group provider's created task, until it leaves PROVISIONING). */
  inQuota: boolean;
  /**
   * RUNNING at time 0 under warmStart: it has been running (and healthy) since before the
   * run, so it counts as healthy at once (services.ts, countsAsHealthy). Its runningAt stays
   * 0 (task-hours and tasks.csv count from 0).
   */
  warm: boolean;
}

/**
 * A task as a service starts it: PROVISIONING, not placed. A class, not an object
 * literal: V8 learns that a literal's objects live long and then allocates them in the
 * old generation, which cost the literal here about 2 % of a month's run (objects made
 * by `new` start young).
 */
export class NewTask implements Task {
  instance: Instance | null = null;
  availabilityZone = '';
  state: TaskState = 'PROVISIONING';
  runningAt: number | null = null;
  stoppedAt: number | null = null;
  pendingAt: number | null = null;
  stopReason: StopReason | null = null;
  inRotation = false;
  enteredRotation = false;
  leaving = false;
  markedUnhealthy = false;
  targetUnhealthy = false;
  applicationStartsAt = 0;
  failOpenRoute: 0 | 1 | 2 = 0;
  failedOpenTo = false;
  pulling = false;
  timer = -1;
  spotTimer = -1;
  reclaimedWhileLeaving = false;
  providerOrdinal = -1;
  inQuota = false;
  warm = false;

  constructor(
    public id: string,
    readonly service: string,
    readonly serviceIndex: number,
    public capacityProvider: string,
    readonly launchType: 'EC2' | 'FARGATE',
    readonly daemon: boolean,
    readonly cpu: number,
    readonly memory: number,
    public createdAt: number,
  ) {}
}

/**
 * ECS has created this task. With `launchType: EC2` (no capacity provider strategy) the
 * service scheduler creates a task only when a container instance meets its requirements;
 * otherwise it reports the service event "unable to place a task because no container
 * instance met all of its requirements" (AmazonECS developerguide
 * service-event-messages-list.html) and no task exists (RunTask likewise answers with
 * `failures`, reason RESOURCE:*, not a task: api_failures_messages.html). ecsim keeps such a task as a waiting placeholder
 * (capacityProvider '' until placed) so the retry works as before, but it is no task for
 * the outputs: no tasks.csv row, not in pending_count, tasksStarted or tasksStopped. With a
 * capacity provider ECS does create the task, in PROVISIONING (cluster-auto-scaling.html).
 */
export function isCreated(t: Task): boolean {
  return t.capacityProvider !== '';
}

/** States in which a task counts toward a service's desired count. */
export function isLive(t: Task): boolean {
  return t.state !== 'STOPPED' && !t.leaving && !t.markedUnhealthy;
}
