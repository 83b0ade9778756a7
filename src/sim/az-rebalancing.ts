// Availability Zone rebalancing of one service (developerguide/service-rebalancing.html,
// track-service-rebalancing.html, service-rebalancing-event-messages-list.html).
//
// AWS: ECS "starts monitoring a service after it reaches the steady state, and looks at the
// number of tasks running in each Availability Zone". On an imbalance it "Sends a service
// event indicating that Availability Zone rebalancing is starting", "Starts tasks in
// Availability Zones with the fewest number of running tasks", "Stops the tasks in
// Availability Zones with the largest number of running tasks", and "The scheduler waits for
// the newly started tasks to be HEALTHY and RUNNING before stopping the tasks in the
// over-scaled Availability Zone"; then it "Sends a service event with the Availability Zone
// rebalancing outcome". Balanced: the desired count divided over the AZs, the remainder
// spread one each, every AZ at least one task (so no AZ has two more than another).
//
// ecsim (docs/assumptions.md, what AWS does not publish): the service is looked at every
// cluster.availabilityZoneRebalancingInterval (60 s by default) and, while an operation is in
// progress, again as soon as it is steady after each move; a move starts only in steady
// state (every task RUNNING and healthy, as many as desired, none starting, stopping or
// waiting for an instance) and moves one task: one started in the AZ with the fewest
// tasks (within maximumPercent: the service has one task more meanwhile), then, once it is
// healthy, one stopped in the AZ with the most. The started task goes to the first of the
// service's capacity providers, in the order its next task would prefer them, that has an
// instance in that AZ able to take it (AWS does not say which provider). A task that cannot
// be placed in the AZ with the fewest tasks is a SERVICE_TASK_PLACEMENT_FAILURE "as part of
// the Availability Zone rebalancing operation": the operation is announced (STARTED) first,
// and the failure ends it; ecsim adds why, provider by provider. With no room under
// maximumPercent nothing starts, and an ecsim event says so (AWS lists none). The events
// name the service without the guide's placeholder parentheses (as task-unplaceable does;
// docs/notes/placement.md). A desired count change or a task leaving or
// marked unhealthy for another reason stops the operation (SERVICE_REBALANCING_STOPPED): the
// started task becomes one of the service's tasks, and the scheduler reconciles as usual.

import type { Task } from '../model/task.js';
import { PRIORITY, type World } from './world.js';
import { SERVICE_EVENT_REPEAT_MS } from './service-event-repeat.js';

/** What the rebalancer needs of its service (services.ts implements it). */
export interface RebalancingPort {
  readonly name: string;
  /** Every task RUNNING and healthy, as many as desired, none starting, stopping or waiting, no rebalancing task. */
  steady(): boolean;
  /** The AZs the service's tasks can run in, in the cluster's order. */
  zones(): readonly string[];
  /** The service's tasks per zone (every zone of `zones` present). */
  tasksByZone(zones: readonly string[]): Map<string, number>;
  /** One task more stays within maximumPercent and the cluster's PROVISIONING quota. */
  roomForOneMore(): boolean;
  /** When one task more would exceed maximumPercent, why, in figures ("maximumPercent 110 allows ..."); null otherwise. */
  maximumPercentNote(): string | null;
  /**
   * Where a task would be placed in `zone`, or the failure (no container instance fits) with
   * `why` it fails on each provider tried (ecsim's note); nothing happens yet.
   */
  placementIn(zone: string): { ok: true; place: () => Task } | { ok: false; fargate: boolean; why?: () => string };
  /** Stops one RUNNING task in `zone` (not `except`), chosen by the placement strategies; returns it (null: none there). */
  stopOneIn(zone: string, except: Task): Task | null;
  /** The rebalancing task counts as one of the service's tasks from now (it no longer comes on top of the desired count). */
  adopt(task: Task): void;
  log(message: string): void;
  readonly now: number;
  /** Grows whenever the service's side of a look may have changed (task states, rotation, desired count). */
  version(): number;
  /**
   * Grows whenever `zones()` may have gained a zone (instances of the service's providers
   * registered). A zone going away cannot unbalance a balanced service: it takes its count
   * out of the comparison, and its tasks stopping bump `version`.
   */
  zonesVersion(): number;
}


/** Balanced: no zone has two tasks more than another (the desired count spread evenly, the remainder one per zone). */
export function isAzBalanced(counts: ReadonlyMap<string, number>): boolean {
  let min = Infinity;
  let max = -Infinity;
  for (const n of counts.values()) {
    if (n < min) min = n;
    if (n > max) max = n;
  }
  return counts.size === 0 || max - min <= 1;
}

/** The zone with the fewest tasks (`fewest`) or the most, the first in the zones' order on a tie. */
export function pickZone(counts: ReadonlyMap<string, number>, fewest: boolean): string {
  let best = '';
  let bestN = fewest ? Infinity : -Infinity;
  for (const [z, n] of counts) {
    if (fewest ? n < bestN : n > bestN) {
      best = z;
      bestN = n;
    }
  }
  return best;
}

function sameZones(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/**
 * The event messages' list of counts: "N tasks in A, N tasks in B, and N tasks in C" (the
 * COMPLETED event), or with `tasksOnce` "N tasks in A, N in B, and N in C" (the STARTED
 * event writes "tasks" after the first count only; service-rebalancing-event-messages-list.html).
 */
export function zoneList(counts: ReadonlyMap<string, number>, tasksOnce = false): string {
  const parts = [...counts].map(([z, n], i) => (tasksOnce && i > 0 ? `${n} in ${z}` : `${n} tasks in ${z}`));
  if (parts.length <= 1) return parts.join('');
  if (parts.length === 2) return `${parts[0]} and ${parts[1]}`;
  return `${parts.slice(0, -1).join(', ')}, and ${parts[parts.length - 1]}`;
}

export class AzRebalancer {
  /** An operation is in progress (SERVICE_REBALANCING_STARTED logged, not yet COMPLETED or STOPPED). */
  private active = false;
  /** The task started in the zone with the fewest tasks, not yet healthy; null when none. */
  pending: Task | null = null;
  private lastFailure = '';
  private lastFailureAt = -Infinity;
  /** Moves so far (statistics). */
  moves = 0;
  /** The port's version when a look last found the service steady and balanced: nothing to do until it changes. */
  private balancedAt = -1;
  /** The zones of that look, and the port's zonesVersion when they were last found the same. */
  private balancedZones: readonly string[] = [];
  private balancedZonesAt = -1;

  constructor(private readonly port: RebalancingPort) {}

  /** Whether an operation is in progress. */
  get inProgress(): boolean {
    return this.active;
  }

  /** Looks at the service: completes the operation when balanced, else starts one move. */
  check(): void {
    const port = this.port;
    if (this.pending !== null) return;
    const version = port.version();
    const zonesVersion = port.zonesVersion();
    let zones: readonly string[] | null = null;
    if (version === this.balancedAt && !this.active) {
      if (zonesVersion === this.balancedZonesAt) return;
      zones = port.zones();
      if (sameZones(zones, this.balancedZones)) {
        this.balancedZonesAt = zonesVersion;
        return;
      }
    }
    if (!port.steady()) return;
    zones ??= port.zones();
    if (zones.length < 2) {
      // nothing to balance over: an operation in progress ends, COMPLETED over its one zone
      // (left in progress, it went on silently: the next imbalance's move had no STARTED
      // event); with no zone at all it cannot go on (STOPPED)
      this.balanced(version, zones, zonesVersion);
      if (this.active) {
        if (zones.length === 1) {
          this.active = false;
          port.log(`service ${port.name} is AZ balanced with ${zoneList(port.tasksByZone(zones))}.`);
        } else this.stop('no Availability Zone has a container instance the service can use');
      }
      this.lastFailure = '';
      return;
    }
    const counts = port.tasksByZone(zones);
    if (isAzBalanced(counts)) {
      this.balanced(version, zones, zonesVersion);
      if (this.active) {
        this.active = false;
        port.log(`service ${port.name} is AZ balanced with ${zoneList(counts)}.`);
      }
      this.lastFailure = '';
      return;
    }
    if (!port.roomForOneMore()) {
      // ECS starts a task before it stops one: with no room under maximumPercent nothing
      // moves. AWS lists no event for it; ecsim says so once, then again after 6 hours as
      // the failures (the PROVISIONING quota's hold is logged by the quota itself).
      const note = port.maximumPercentNote();
      if (note !== null) this.report(`service ${port.name} is not AZ balanced with ${zoneList(counts, true)}. ecsim: no task can start to AZ Rebalance: ${note}.`, null);
      return;
    }
    const target = pickZone(counts, true);
    const placement = port.placementIn(target);
    const started = `service ${port.name} is not AZ balanced with ${zoneList(counts, true)}. AZ Rebalancing in progress.`;
    if (!placement.ok) {
      // The failure is one "as part of the Availability Zone rebalancing operation"
      // (track-service-rebalancing.html): it follows the STARTED event and ends the
      // operation. A repeat of the same failure within 6 hours is omitted, and with it the
      // operation's STARTED event; the next look tries again. ecsim's note (why, on each
      // capacity provider tried) is not part of the comparison: it is taken when logged.
      const message = placement.fargate
        ? `service ${port.name} is unable to place a task in ${target}.`
        : `service ${port.name} is unable to place a task in ${target} because no container instance met all of its requirements.`;
      const why = placement.why;
      this.report(message, this.active ? null : started, why && (() => `${message} ecsim: ${why()}.`));
      this.active = false;
      return;
    }
    this.lastFailure = '';
    if (!this.active) {
      this.active = true;
      port.log(started);
    }
    const task = placement.place();
    this.pending = task;
    port.log(`${port.name} has started 1 tasks in ${target} to AZ Rebalance: ${task.id}.`);
  }

  /**
   * Logs `message` (after `before` when given), or `full()` in its place, unless the same
   * message was logged less than 6 hours ago: ECS omits a repeated service event "until
   * either the cause is resolved or six hours passes" (service-event-messages.html).
   */
  private report(message: string, before: string | null, full?: () => string): void {
    const port = this.port;
    if (message === this.lastFailure && port.now - this.lastFailureAt < SERVICE_EVENT_REPEAT_MS) return;
    this.lastFailure = message;
    this.lastFailureAt = port.now;
    if (before !== null) port.log(before);
    port.log(full ? full() : message);
  }

  private balanced(version: number, zones: readonly string[], zonesVersion: number): void {
    this.balancedAt = version;
    this.balancedZones = zones;
    this.balancedZonesAt = zonesVersion;
  }

  /** The started task is RUNNING and healthy: one task stops in the zone with the most tasks. */
  healthy(task: Task): void {
    if (task !== this.pending) return;
    const port = this.port;
    this.pending = null;
    port.adopt(task);
    const counts = port.tasksByZone(port.zones());
    const source = pickZone(counts, false);
    const stopped = port.stopOneIn(source, task);
    if (stopped === null) return this.stop(`no running task to stop in ${source}`);
    this.moves++;
    port.log(`${port.name} has stopped 1 running tasks in ${source} due to AZ rebalancing: ${stopped.id}.`);
  }

  /**
   * Something else changed the service (its desired count, a task leaving or marked
   * unhealthy): the operation stops; a started task becomes one of the service's tasks.
   */
  interrupt(why: string): void {
    if (!this.active) return;
    if (this.pending !== null) {
      this.port.adopt(this.pending);
      this.pending = null;
    }
    this.stop(why);
  }

  private stop(why: string): void {
    this.active = false;
    this.port.log(`service ${this.port.name} stopped AZ Rebalancing. (${why})`);
  }
}

/**
 * ECS's periodic look at every service with AZ rebalancing: one event every
 * cluster.availabilityZoneRebalancingInterval within the run (after the instant's
 * reconciles), the services in index order.
 */
export function scheduleRebalancingChecks(world: World, services: readonly { readonly rebalancer: AzRebalancer | null }[]): void {
  if (services.length === 0) return;
  const every = world.scenario.scenario.cluster.availabilityZoneRebalancingInterval;
  const tick = (): void => {
    for (const svc of services) svc.rebalancer?.check();
    if (world.now + every <= world.durationMs) world.sim.after(every, tick, undefined, PRIORITY.azRebalancing);
  };
  if (every <= world.durationMs) world.sim.schedule(every, tick, undefined, PRIORITY.azRebalancing);
}
