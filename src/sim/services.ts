// The ECS service scheduler: keeps each service at its desired count by starting tasks
// (capacity provider strategy -> placement) and stopping them (scale-in choice), and
// moves every task through its lifecycle (aws-behaviour.md §9):
//   PROVISIONING -> PENDING -> RUNNING -> (DEACTIVATING) -> STOPPING -> STOPPED.
// With a load balancer it also replaces tasks whose target group reports them unhealthy
// after the health check grace period, starting the replacement first where maximumPercent
// allows (model/target-health.ts; settleUnhealthy).

import { sampleDuration as sample, type Distribution, type Place, type RandomStream } from '../engine/index.js';
import { SERVICE_EVENT_REPEAT_MS } from './service-event-repeat.js';
import type { Instance } from '../model/instance.js';
import { isCreated, isLive, NewTask, type StopReason, type Task } from '../model/task.js';
import { targetHealthTimeline, type TargetHealthCheck, type TargetHealthTimeline } from '../model/target-health.js';
import { chooseProvider, chooseProviderToScaleIn, providerPreference } from '../model/capacity/strategy.js';
import { managedScalingCounts } from '../model/capacity/reservation.js';
import { fargateHourlyRate, fargateTaskSize } from '../model/pricing/index.js';
import {
  chooseTaskIndicesToStop,
  compileConstraints,
  compileStrategies,
  daemonPlacements,
  defaultStrategies,
  describeUnplaceable,
  unableToPlaceEvent,
  placeTask,
  isCandidate,
  groupCountsByValue,
  spreadFargateTask,
  AZ_ATTRIBUTE,
  type GroupValueCounts,
  type PlacementInstance,
  type TaskRequirements,
} from '../placement/index.js';
import type { CompiledConstraint } from '../placement/constraints/constraint.js';
import type { CompiledStrategy } from '../placement/strategies/strategy.js';
import { deploymentConfigurationOf, deregistrationDelayOf, hasHttpWorkload, type ResolvedService } from '../scenario/index.js';
import type { ServiceLoadModel } from '../workload/service/types.js';
import type { Cluster, InstanceFact } from './cluster.js';
import { PRIORITY, type World } from './world.js';
import { AzRebalancer, type RebalancingPort } from './az-rebalancing.js';

export const FARGATE_SPOT_NOTICE_MS = 120_000;

/**
 * A task of a service without a load balancer (and without container health checks, which
 * ecsim does not model) counts toward minimumHealthyPercent this long after it reaches
 * RUNNING: "the service scheduler will wait for 40 seconds after a task reaches a RUNNING
 * state" (APIReference/API_DeploymentConfiguration.html). With a load balancer it counts
 * once the target group health check reports it healthy (here: once it enters rotation).
 */
export const HEALTHY_AFTER_RUNNING_MS = 40_000;

export class ServiceRuntime {
  readonly tasks = new Set<Task>();
  desiredCount: number;
  minCapacity: number | null = null;
  maxCapacity: number | null = null;
  readonly requirements: TaskRequirements;
  /** A PROVISIONING task's needs as managed scaling packs them (every task of the service alike). */
  readonly provisioningRequirement: { readonly cpu: number; readonly memory: number; readonly enis: number; readonly hostPorts: readonly number[] };
  readonly constraints: CompiledConstraint[];
  /** Has a distinctInstance constraint: its tasks being stopped are counted per instance (desiredStopped). */
  private readonly distinctInstance: boolean;
  readonly strategies: CompiledStrategy[];
  readonly daemon: boolean;
  loadModel: ServiceLoadModel | null = null;
  /** Live tasks per capacity provider (for base/weight). */
  readonly providerCounts = new Map<string, number>();
  /** Tasks waiting for an instance (PROVISIONING on EC2). */
  readonly unplaced: Task[] = [];
  private reconcileScheduled = false;
  /**
   * warmStart, until the service's first reconcile (time 0) has run: the tasks it places (and
   * its Fargate tasks) start RUNNING, healthy and in rotation at once (docs/assumptions.md).
   */
  private warmStarting: boolean;
  /** The place a wake holds for a reconcile that would do nothing, or null (see wake). */
  private held: Place | null = null;
  /**
   * Per capacity provider ('' for launchType EC2): the cluster's capacity version when a
   * placement last failed there. Until capacity changes, another task with the same
   * requirements cannot fit either.
   */
  private readonly failedAtVersion = new Map<string, number>();

  private blocked(provider: string): boolean {
    if (this.failedAtVersion.get(provider) !== this.cluster.capacityVersion) return false;
    // (a loop, not every(): this runs at each placement attempt)
    for (let i = 0; i < this.readsFacts.length; i++) {
      if (this.failedAtFacts[i].get(provider) !== this.cluster.factVersion(this.readsFacts[i])) return false;
    }
    return true;
  }
  /**
   * The instance facts this service's memberOf expressions read (runningTasksCount,
   * task:group): such a fact changing may let a waiting task fit without capacity changing
   * (an affinity such as `task:group == service:db` once a db task is placed), so failures
   * also remember each fact's version (per provider, like failedAtVersion, one map per fact
   * in the same order) and a change wakes the service.
   */
  readonly readsFacts: readonly InstanceFact[];
  private readonly failedAtFacts: Map<string, number>[];
  /**
   * Per capacity provider: that provider's own capacity version when a placement last
   * failed there. Capacity freed on another provider's instances cannot make a task fit
   * here: the placement would fail again, with the same reason. Only for services placed
   * on one provider's instances whose constraints other tasks' placements cannot satisfy
   * (a memberOf on task:group or runningTasksCount can: those always retry).
   */
  private readonly failedAtProviderVersion = new Map<string, number>();
  private readonly providerScoped: boolean;

  /** Nothing grew on `provider` since a placement failed there: the placement would fail again. */
  private unchangedSinceFailure(provider: string): boolean {
    return this.providerScoped && this.failedAtProviderVersion.get(provider) === this.cluster.providerVersion(provider);
  }
  /** Per provider, at the last failure: its release version and registration count. */
  private readonly failedAtRelease = new Map<string, { release: number; registrations: number }>();
  /**
   * Placement over a subset of the provider's instances that holds every instance where the
   * task may fit gives the same result when the strategies only compare candidates with
   * each other (binpack, random, spread on instanceId/host, spread on the AZ from kept
   * counts). The subset: the instances registered since the last failure when no task
   * released resources there since (a retry after registrations), else the instances with
   * room for one task (see room-index.ts).
   */
  private readonly subsetSafe: boolean;
  /**
   * When the strategies are binpack(field), or spread(attribute:ecs.availability-zone) then
   * binpack(field), and the subset is safe: placement over the room index takes the first
   * acceptable instance in its packing order (see packing-order.ts) instead of narrowing
   * every candidate. Null otherwise.
   */
  private readonly packing: { field: 'cpu' | 'memory'; spread: boolean } | null;
  /** The placer's filter and constraints for one instance (the packing order's test). */
  private readonly acceptsTask = (inst: Instance): boolean => isCandidate(inst, this.requirements, this.constraints);
  /** The one capacity provider every task of this service uses, or null (several, or launch type EC2). */
  private readonly onlyProvider: string | null;
  /**
   * This service's tasks on ACTIVE instances per Availability Zone, over every instance of
   * the cluster, whatever capacity provider they belong to: spread(attribute:
   * ecs.availability-zone) reads them instead of counting over every instance. AWS sorts
   * by "the fewest number of running tasks for this service in the same Availability
   * Zone" (task-placement-strategies.html): the whole service's tasks, also with a
   * capacity provider strategy where a task's candidates are its provider's instances.
   */
  private readonly activeByAz = new AzTaskCounts();
  /**
   * What spread counts, for a task whose candidates are one capacity provider's instances:
   * the service's tasks over the whole cluster (kept per AZ, counted over every instance
   * for another attribute).
   */
  private readonly serviceWideCounts: GroupValueCounts;

  private addActive(inst: Instance, delta: number): void {
    this.activeByAz.add(inst.attributes[AZ_ATTRIBUTE], delta);
  }

  /**
   * This service's random streams, looked up once (RandomStreams.stream is the same object
   * each time): one per quantity, so a change to one quantity's distribution (another
   * number of draws per sample) never shifts another's draws.
   */
  private readonly rng: Record<'placement' | 'fargateAz' | 'scaleIn' | 'unhealthy' | 'rebalancing', RandomStream | null> = {
    placement: null,
    fargateAz: null,
    scaleIn: null,
    unhealthy: null,
    rebalancing: null,
  };
  /** Tasks started per capacity provider so far (the next task's providerOrdinal). */
  private readonly providerStarts = new Map<string, number>();
  /** Fargate provisioning delays, one stream per capacity provider (FARGATE, FARGATE_SPOT). */
  private readonly provisioningRng = new Map<string, RandomStream>();

  /** The target group's health check and the grace period, with a load balancer; null without one. */
  private readonly healthCheck: TargetHealthCheck | null;
  /**
   * A queue service with a load balancer: its workers pull messages from their application
   * start to their stop, whatever their targets' health (the target group decides where the
   * load balancer sends requests, and which tasks ECS marks unhealthy; nothing ties a worker's
   * polling to it), so the load model's rotation is Task.pulling, not Task.inRotation.
   */
  private readonly pullsOnItsOwn: boolean;

  /** Availability Zone rebalancing (az-rebalancing.ts), when the service has it; null otherwise. */
  readonly rebalancer: AzRebalancer | null;
  /** The task rebalancing started and waits for (0 or 1): on top of the desired count until adopted. */
  private rebalanceExtra = 0;
  /** Bumped at every change a rebalancing look reads (task states, leaving, marked, rotation, desired count). */
  private stateVersion = 0;

  private lastUnplaceableMessage = '';
  /**
   * Registrations (of the task's provider, or all) at which the reason is taken again at
   * once: when the instances the last message counted as launching have registered.
   */
  private recheckAtRegistrations = Infinity;
  /** When the unplaceable reason was last taken, and when a task-unplaceable event was last logged. */
  private lastUnplaceableAt = -Infinity;
  private lastUnplaceableLoggedAt = -Infinity;
  private lastUnplaceableVersion = -1;
  /**
   * The timer that logs the reason again six hours after the last task-unplaceable event
   * while tasks still wait (nothing may retry on a fixed fleet); -1 when none.
   */
  private unplaceableRepeatTimer = -1;
  private taskSeq = 0;
  // statistics
  tasksStarted = 0;
  tasksStopped = 0;
  spotInterruptions = 0;
  runningMsTotal = 0;

  constructor(
    readonly index: number,
    readonly config: ResolvedService,
    private readonly world: World,
    private readonly cluster: Cluster,
    private readonly sink: {
      taskStopped(task: Task): void;
      /** A task of service `index` waits for an instance, none waited before (see WaitingServices). */
      startedWaiting(index: number): void;
    },
  ) {
    const td = config.taskDefinition;
    this.daemon = config.config.schedulingStrategy === 'DAEMON';
    this.warmStarting = world.warmStart;
    this.desiredCount = config.desiredCount;
    this.requirements = {
      group: `service:${config.name}`,
      cpu: td.cpu,
      memory: td.memory,
      hostPorts: td.hostPorts,
      needsEni: td.networkMode === 'awsvpc',
      // runtimePlatform.cpuArchitecture as written: only instances of that architecture
      ...(td.requiredArchitecture !== null ? { cpuArchitecture: td.requiredArchitecture } : {}),
    };
    this.serviceWideCounts = new ClusterValueCounts(this.activeByAz, cluster.instances, this.requirements.group);
    this.provisioningRequirement = { cpu: td.cpu, memory: td.memory, enis: td.networkMode === 'awsvpc' ? 1 : 0, hostPorts: td.hostPorts };
    // the task definition's memberOf constraints, then the service's: a task obeys both
    this.constraints = compileConstraints([...(td.config.placementConstraints ?? []), ...config.config.placementConstraints]);
    this.distinctInstance = this.constraints.some((c) => c.type === 'distinctInstance');
    this.strategies = compileStrategies(config.config.placementStrategy ?? defaultStrategies());
    this.readsFacts = factsReadBy(this.constraints);
    this.failedAtFacts = this.readsFacts.map(() => new Map<string, number>());
    for (const fact of this.readsFacts) cluster.watchFact(fact);
    // other tasks' placements cannot satisfy this service's constraints when none reads a fact of the tasks there
    this.providerScoped = config.launchType !== 'EC2' && this.readsFacts.length === 0;
    this.subsetSafe =
      this.providerScoped &&
      this.strategies.every((c) => c.strategy.type !== 'spread' || c.strategy.field === 'instanceId' || c.strategy.field === 'host' || c.strategy.field === `attribute:${AZ_ATTRIBUTE}`);
    this.packing = this.subsetSafe ? packingOf(this.strategies) : null;
    const providers = new Set(config.strategy.map((s) => s.capacityProvider));
    // (a DAEMON service's tasks run on every provider's instances whatever its strategy says)
    this.onlyProvider = config.launchType !== 'EC2' && !this.daemon && providers.size === 1 ? [...providers][0] : null;
    const lb = config.config.loadBalancer;
    this.pullsOnItsOwn = lb !== undefined && config.config.workload?.type === 'queue';
    this.healthCheck = lb
      ? {
          intervalMs: lb.healthCheck.interval,
          healthyThreshold: lb.healthCheck.healthyThreshold,
          unhealthyThreshold: lb.healthCheck.unhealthyThreshold,
          gracePeriodMs: config.config.healthCheckGracePeriodSeconds * 1000,
        }
      : null;
    const as = config.config.autoScaling;
    if (as) {
      this.minCapacity = as.minCapacity;
      this.maxCapacity = as.maxCapacity;
    }
    // (looked at every cluster.availabilityZoneRebalancingInterval: scheduleRebalancingChecks)
    this.rebalancer = config.azRebalancing && !this.daemon ? new AzRebalancer(this.rebalancingPort()) : null;
  }

  /** What the AZ rebalancer reads of and does to this service (az-rebalancing.ts). */
  private rebalancingPort(): RebalancingPort {
    const svc = this;
    const world = this.world;
    const zonesOfCluster = world.scenario.scenario.cluster.availabilityZones;
    // the providers whose instances the service's tasks may use (launch type EC2: any)
    const providers = this.config.launchType === 'EC2' ? null : new Set(this.config.strategy.map((x) => x.capacityProvider));
    const fargate = (): boolean => this.config.strategy.length > 0 && world.scenario.providers.get(chooseProvider(this.config.strategy, this.providerCounts))?.kind === 'fargate';
    return {
      name: this.name,
      get now() {
        return world.now;
      },
      version: () => this.stateVersion,
      // (Fargate providers register no instances: 0)
      zonesVersion: () => {
        if (providers === null) return this.cluster.totalRegistrations();
        let n = 0;
        for (const p of providers) n += this.cluster.registrationCount(p);
        return n;
      },
      steady: () => {
        if (this.rebalanceExtra > 0 || this.desiredCount === 0 || this.leavingCount > 0 || this.markedCount > 0 || this.starting > 0 || this.unplaced.length > 0) return false;
        if (this.tasks.size !== this.desiredCount) return false;
        // with a load balancer a task counts once it is in rotation (countsAsHealthy): fewer
        // in rotation than tasks means one is not, said without the walk below. Exact because
        // inRotationCount moves only in enterRotation and leaveRotation, so it counts every
        // task here in rotation. The tasks it catches are RUNNING ones not yet healthy in the
        // target group (grace period, health checks pending: `starting` has returned for
        // PROVISIONING and PENDING ones), the newest, which the walk meets last
        if (this.config.config.loadBalancer && this.inRotationCount < this.tasks.size) return false;
        for (const t of this.tasks) if (!this.countsAsHealthy(t)) return false;
        return true;
      },
      zones: () => {
        // Fargate: the cluster's zones; EC2: those with an ACTIVE container instance the
        // service's tasks may use ("Amazon ECS can't launch new instances in underutilized
        // Availability Zones as part of the rebalancing process", service-rebalancing.html)
        if (fargate()) return zonesOfCluster;
        const seen = new Set<string>();
        for (const inst of this.cluster.instances) {
          if (inst.status !== 'ACTIVE' || (providers !== null && !providers.has(inst.provider))) continue;
          seen.add(inst.availabilityZone);
          if (seen.size === zonesOfCluster.length) break;
        }
        return zonesOfCluster.filter((z) => seen.has(z));
      },
      tasksByZone: (zones) => {
        const counts = new Map<string, number>();
        for (const z of zones) counts.set(z, 0);
        const pending = this.rebalancer?.pending ?? null;
        for (const t of this.tasks) {
          if (t.leaving || t.markedUnhealthy || t === pending) continue;
          const n = counts.get(t.availabilityZone);
          if (n !== undefined) counts.set(t.availabilityZone, n + 1);
        }
        return counts;
      },
      roomForOneMore: () => {
        if (this.tasks.size + 1 > this.maximumPercentCap()) return false;
        return !(this.nextTaskInQuota() && !world.provisioningQuota.mayCreate(this.index));
      },
      maximumPercentNote: () => {
        const maximumPercent = deploymentConfigurationOf(this.config.config).maximumPercent;
        const cap = this.maximumPercentCap();
        if (this.tasks.size + 1 <= cap) return null;
        return `maximumPercent ${maximumPercent} allows floor(${this.desiredCount} x ${maximumPercent} / 100) = ${cap} tasks, leaving no room to start another`;
      },
      placementIn: (zone) => {
        if (fargate()) {
          return { ok: true, place: () => this.startRebalancingTask(null, zone) };
        }
        // the strategy's providers in the order the next task prefers them (launchType EC2:
        // any instance): the first with an instance in the zone that takes the task
        const providers: readonly (string | null)[] = this.config.launchType === 'EC2' ? [null] : providerPreference(this.config.strategy, this.providerCounts);
        const counts = this.config.launchType === 'EC2' ? this.activeByAz : this.serviceWideCounts;
        const rng = (this.rng.rebalancing ??= world.streams.stream('az-rebalancing', this.name));
        const tried: { provider: string | null; candidates: Instance[] }[] = [];
        for (const provider of providers) {
          const candidates = this.cluster.instancesOf(provider).filter((i) => i.availabilityZone === zone);
          tried.push({ provider, candidates });
          if (candidates.length === 0) continue;
          const result = placeTask(candidates, this.requirements, this.constraints, this.strategies, rng, { explain: false, groupValueCounts: counts });
          if (!result.ok) continue;
          const inst = this.cluster.byId.get(result.instanceId)!;
          return { ok: true, place: () => this.startRebalancingTask(inst, zone) };
        }
        const why = (): string =>
          tried
            .map(({ provider, candidates }) => {
              if (candidates.length === 0) return `${provider === null ? 'the cluster' : `capacity provider ${provider}`} has no container instance in ${zone}`;
              const reason = describeUnplaceable(candidates, this.requirements, this.constraints, provider ?? undefined).message;
              return provider === null ? `in ${zone}: ${reason}` : `capacity provider ${provider} in ${zone}: ${reason}`;
            })
            .concat(
              // the strategy's providers not tried: weight 0 and at their base
              this.config.strategy
                .filter((item) => !providers.includes(item.capacityProvider))
                .map((item) => `capacity provider ${item.capacityProvider} (weight 0) takes no task beyond its base ${item.base ?? 0}`),
            )
            .join('; ');
        return { ok: false, fargate: false, why };
      },
      stopOneIn: (zone, except) => {
        const inZone = [...this.tasks].filter((t) => t !== except && t.state === 'RUNNING' && !t.leaving && !t.markedUnhealthy && t.availabilityZone === zone);
        // the started task's capacity provider first: the strategy's split stays as it was
        let pool = inZone.filter((t) => t.capacityProvider === except.capacityProvider);
        if (pool.length === 0 && this.config.strategy.length > 0) {
          // else the provider a scale in would stop a task on, among those with one in the
          // zone (base tasks last), so that a base is not broken while a task above one could go
          const eligible = new Map<string, number>();
          for (const t of inZone) eligible.set(t.capacityProvider, this.providerCounts.get(t.capacityProvider) ?? 0);
          const provider = chooseProviderToScaleIn(this.config.strategy, eligible);
          pool = inZone.filter((t) => t.capacityProvider === provider);
        }
        if (pool.length === 0) pool = inZone;
        if (pool.length === 0) return null;
        const rng = (this.rng.rebalancing ??= world.streams.stream('az-rebalancing', this.name));
        return this.stopChosen(pool, 1, rng, undefined, 'az-rebalancing')[0] ?? null;
      },
      adopt: () => {
        if (svc.rebalanceExtra > 0) svc.rebalanceExtra--;
        svc.requestReconcile();
      },
      log: (message) => world.log('az-rebalancing', this.name, message),
    };
  }

  /** The tasks maximumPercent allows: floor(desiredCount x maximumPercent / 100). */
  private maximumPercentCap(): number {
    return Math.floor((this.desiredCount * deploymentConfigurationOf(this.config.config).maximumPercent) / 100);
  }

  /** Starts the task rebalancing moves into `zone` (on `instance`, or on Fargate): on top of the desired count until adopted. */
  private startRebalancingTask(instance: Instance | null, zone: string): Task {
    this.rebalanceExtra++;
    return this.startTask(instance, zone);
  }

  get name(): string {
    return this.config.name;
  }

  /** Tasks in state RUNNING (leaving ones included), kept up to date by setState. */
  running = 0;
  /** RUNNING tasks that have not been in the load balancer's rotation yet (health checks pending). */
  runningBeforeRotation = 0;
  /** Tasks in rotation now. */
  inRotationCount = 0;
  /**
   * Tasks that left RUNNING in the current metric period after RUNNING some of it (the
   * period's CPUUtilization counts them); the simulation reads and clears it at the period end.
   */
  leftRunningInPeriod = 0;
  /** Where the current metric period starts (the simulation sets it at each period end). */
  metricPeriodFrom = 0;
  /** Tasks in PROVISIONING or PENDING (created ones: a launchType EC2 task waiting for an instance is not, see isCreated). */
  starting = 0;
  /** Live (not leaving, not STOPPED) Fargate tasks per Availability Zone: where the next one goes. */
  private readonly fargateLiveByAz = new Map<string, number>();
  /** Tasks of `tasks` that are leaving (so live = tasks.size - leavingCount). */
  private leavingCount = 0;
  /**
   * Leaving tasks without a stop reason: still running on a draining instance, waiting
   * for a replacement (stopReplacedTasks has nothing to do while this is 0).
   */
  private awaitingReplacement = 0;
  /**
   * Fargate Spot tasks that got their interruption notice and have not STOPPED yet: they
   * count toward maximumPercent as tasks still on a draining instance do (fargateSpotNotice).
   */
  private spotStopping = 0;
  /** Tasks marked unhealthy and not stopped (markedUnhealthy): RUNNING, not counted toward the desired count. */
  private markedCount = 0;
  /** RUNNING tasks whose load balancer target is unhealthy (targetUnhealthy). */
  private unhealthyTargets = 0;
  /** The target group fails open now: no target healthy, some unhealthy (updateFailOpen). */
  private failOpen = false;
  /**
   * Tasks the load balancer fails open to whose application answers (failOpenRoute 2): in
   * the load model's rotation although not healthy, so not idle among runningBeforeRotation.
   */
  failOpenServing = 0;
  /**
   * Queue workers behind a load balancer that pull messages (Task.pulling) and have not been
   * in rotation yet: in the load model's rotation, so not idle among runningBeforeRotation.
   */
  pullingBeforeRotation = 0;

  private setState(task: Task, state: Task['state']): void {
    const w = this.world;
    this.stateVersion++;
    if (task.state === 'RUNNING') {
      this.running--;
      if (!task.enteredRotation) this.runningBeforeRotation--;
      // it ran part of this period: its figures up to now count in the period's CPU and memory
      if (w.now > this.metricPeriodFrom && w.now > task.runningAt!) this.leftRunningInPeriod++;
      this.loadModel?.leftRunning(task.id, w.now);
      w.addRunning(task.capacityProvider, -1);
      if (task.instance !== null) this.cluster.runningTasksChanged(task.instance, -1);
    }
    if (task.state === 'PROVISIONING') {
      w.addProvisioning(task.capacityProvider, -1);
      if (task.inQuota) {
        task.inQuota = false;
        w.provisioningQuota.left();
      }
    }
    if ((task.state === 'PROVISIONING' && isCreated(task)) || task.state === 'PENDING') this.starting--;
    if (state === 'PENDING') this.starting++;
    if (task.launchType === 'FARGATE') {
      if (task.state === 'PROVISIONING' && state !== 'STOPPED') w.addReserved(task.capacityProvider, task.cpu, task.memory);
      else if (task.state !== 'PROVISIONING' && state === 'STOPPED') w.addReserved(task.capacityProvider, -task.cpu, -task.memory);
    }
    task.state = state;
    if (state === 'RUNNING') {
      this.running++;
      if (!task.enteredRotation) this.runningBeforeRotation++;
      this.world.addRunning(task.capacityProvider, 1);
      if (task.instance !== null) this.cluster.runningTasksChanged(task.instance, 1);
    }
  }

  setDesiredCount(n: number): void {
    if (n === this.desiredCount) return;
    this.rebalancer?.interrupt(`the desired count changed ${this.desiredCount} -> ${n}`);
    this.stateVersion++;
    this.desiredCount = n;
    this.requestReconcile();
  }

  /**
   * Reconciles at the current instant, after the other events of this instant — or, when
   * a wake holds a place for it that the loop has not passed, at that place (see wake).
   */
  requestReconcile(): void {
    if (this.reconcileScheduled) return;
    this.reconcileScheduled = true;
    const sim = this.world.sim;
    const held = this.held;
    if (held !== null) {
      // a wake held this reconcile's place: it runs there, as the wake's event would have
      this.held = null;
      if (!sim.isPast(held)) {
        sim.scheduleAtPlace(held, onReconcile, this);
        return;
      }
    }
    sim.after(0, onReconcile, this, this.daemon ? PRIORITY.daemonReconcile : PRIORITY.reconcile);
  }

  /**
   * A wake by the cluster (capacity registered or freed) that reconciles at this instant.
   * Many wakes find nothing to do: this service waits for capacity on one provider and
   * another grew. Such a wake schedules nothing but holds its reconcile's place in the
   * instant's order (the engine's sequence number). A request before the loop reaches the
   * place (this service's desired count, tasks or capacity changed) runs the reconcile
   * there, so the run is the same event for event as if every wake were scheduled — only
   * without the events that would have done nothing. `holdIdleWakes: false` turns it off.
   */
  wake(): void {
    if (this.reconcileScheduled) return;
    const sim = this.world.sim;
    if (this.held !== null) {
      if (!sim.isPast(this.held)) {
        if (!this.idle()) this.requestReconcile();
        return;
      }
      this.held = null; // passed: that reconcile would have done nothing
    }
    if (this.world.holdIdleWakes && this.idle()) {
      this.held = sim.holdPlace(PRIORITY.reconcile);
      return;
    }
    this.requestReconcile();
  }

  /**
   * reconcile() would do nothing now: not a DAEMON service, no task awaits a replacement,
   * as many live tasks as desired, and no waiting task can be retried (none, or all on one
   * provider and retryUnplaced would not try: no capacity grew anywhere since they failed,
   * or none on that provider).
   */
  private idle(): boolean {
    if (this.daemon || this.awaitingReplacement > 0 || this.markedCount > 0 || this.tasks.size - this.leavingCount - this.rebalanceExtra !== this.desiredCount) return false;
    return this.unplaced.length === 0 || this.retryWouldFailAll();
  }

  /**
   * The waiting tasks all use one provider whose capacity has not grown since they failed
   * there (it grew on another provider, or nowhere): each would fail again.
   */
  private retryWouldFailAll(): boolean {
    const only = this.onlyProvider;
    return only !== null && (this.blocked(only) || this.unchangedSinceFailure(only));
  }

  /** The tasks that count toward the desired count: not leaving, not marked unhealthy. */
  private liveCount(): number {
    return this.tasks.size - this.leavingCount - this.markedCount - this.rebalanceExtra;
  }

  reconcile(): void {
    if (!this.warmStarting) return this.reconcileNow();
    // warmStart: the tasks this first reconcile places start RUNNING (toPending, toRunning)
    this.reconcileNow();
    this.warmStarting = false;
  }

  private reconcileNow(): void {
    this.reconcileScheduled = false;
    if (this.daemon) return this.reconcileDaemon();
    // marked tasks healthy again: they need no replacement (they count toward the desired
    // count again once every other task is healthy or cannot be placed)
    let recovered = this.markedCount > 0 ? this.settleUnhealthy() : 0;
    let live = this.liveCount();
    // tasks still running on a draining EC2 instance (scanned only when there are any), and
    // Fargate Spot tasks still stopping after their interruption notice
    // (the task AZ rebalancing started counts toward maximumPercent as these do)
    let leaving = this.spotStopping + this.rebalanceExtra;
    if (this.awaitingReplacement > 0) for (const t of this.tasks) if (t.leaving && t.stopReason === null && t.launchType === 'EC2') leaving++;
    // replacing tasks that still run (on a draining EC2 instance, stopping after a Fargate Spot
    // notice, or marked unhealthy) may not take the total above maximumPercent of the desired
    // count: at a Fargate Spot notice "the service scheduler uses the minimumHealthyPercent and
    // maximumPercent values" to decide whether to launch a replacement; without room the old
    // task stops by stopTimeout and the replacement starts then (stopped() reconciles)
    // (knowledge-center/fargate-spot-termination-notice). A Fargate task is never on a draining
    // instance; an unhealthy one counts whatever its launch type.
    const cap = Math.floor((this.desiredCount * deploymentConfigurationOf(this.config.config).maximumPercent) / 100);
    if (this.markedCount > 0 && live + this.markedCount + leaving > cap) {
      // the desired count fell while tasks are marked (replacements never take the total above
      // maximumPercent): the total returns to the desired count at once. The marked tasks
      // healthy again count toward it, the scale in stops the surplus of the others (tasks not
      // yet RUNNING first), then unhealthy marked tasks stop at random while the total is
      // above maximumPercent (their replacements start below, within it, as they would)
      if (recovered > 0) {
        this.releaseRecovered();
        recovered = 0;
        live = this.liveCount();
      }
      if (live > this.desiredCount) {
        this.scaleIn(live - this.desiredCount);
        live = this.liveCount();
      }
      while (live + this.markedCount + leaving > cap) {
        const why = `desired count ${this.desiredCount}: maximumPercent allows ${cap} tasks and the service has ${live + this.markedCount + leaving}`;
        if (!this.stopUnhealthyAtRandom(why)) break;
      }
    }
    if (live + recovered < this.desiredCount) {
      let k = live;
      // "first start a replacement task" while the total (live, marked, still on a draining
      // instance) stays within maximumPercent; with no room "stop an unhealthy task one at a
      // time at random to free up capacity, and then start a replacement task" (ecs_services.html)
      while (k + recovered < this.desiredCount) {
        // the cluster's quota of PROVISIONING tasks (provisioning-quota.ts): a task the service
        // starts is created in PROVISIONING; at the quota it stays not yet created
        if (this.nextTaskInQuota() && !this.world.provisioningQuota.mayCreate(this.index)) {
          this.heldByQuota(this.desiredCount - k - recovered);
          break;
        }
        if (this.markedCount + leaving === 0 || k + this.markedCount + leaving < cap) {
          this.startTask(null);
          k++;
        } else if (!this.stopUnhealthyAtRandom(null)) {
          break;
        }
      }
    } else if (live > this.desiredCount) {
      this.scaleIn(live - this.desiredCount);
    }
    this.retryUnplaced();
    // a replacement that still cannot be placed: an unhealthy task may stop to make room
    if (this.markedCount > 0 && this.unplaced.length > 0) this.freeRoomForReplacement();
    if (this.unplaced.length === 0 && this.lastUnplaceableMessage !== '') this.unplaceableResolved();
    this.stopReplacedTasks();
    // an AZ rebalancing in progress goes on once the service is steady again (its last move's task stopped)
    if (this.rebalancer?.inProgress) this.rebalancer.check();
  }

  // ------------------------------------------------------------------ starting tasks

  private startTask(instance: Instance | null, zone: string | null = null): Task {
    const world = this.world;
    const cfg = this.config;
    const provider = instance
      ? instance.provider
      : cfg.strategy.length > 0
        ? chooseProvider(cfg.strategy, this.providerCounts)
        : null;
    const p = provider ? world.scenario.providers.get(provider) : undefined;
    const fargate = p?.kind === 'fargate';
    const task: Task = new NewTask(
      provider ? `${this.name}-${++this.taskSeq}` : '',
      this.name,
      this.index,
      provider ?? '',
      fargate ? 'FARGATE' : 'EC2',
      this.daemon,
      this.requirements.cpu,
      this.requirements.memory,
      world.now,
    );
    this.tasks.add(task);
    world.addProvisioning(task.capacityProvider, 1);
    // a launchType EC2 task is created when an instance takes it (placeOn)
    if (isCreated(task)) {
      this.tasksStarted++;
      this.starting++;
      if (p?.kind === 'asg') {
        task.inQuota = true;
        world.provisioningQuota.entered(this.index);
      }
    }
    if (provider) {
      this.providerCounts.set(provider, (this.providerCounts.get(provider) ?? 0) + 1);
      const ordinal = this.providerStarts.get(provider) ?? 0;
      this.providerStarts.set(provider, ordinal + 1);
      task.providerOrdinal = ordinal;
    }
    if (fargate && p.kind === 'fargate') {
      const azCounts = this.fargateLiveByAz;
      task.availabilityZone = zone ?? spreadFargateTask(azCounts, world.scenario.scenario.cluster.availabilityZones, (this.rng.fargateAz ??= world.streams.stream('fargate-az', this.name)));
      azCounts.set(task.availabilityZone, (azCounts.get(task.availabilityZone) ?? 0) + 1);
      let rng = this.provisioningRng.get(task.capacityProvider);
      if (!rng) this.provisioningRng.set(task.capacityProvider, (rng = world.streams.stream('fargate-provisioning', this.name, task.capacityProvider)));
      // (drawn under warmStart too, unused: the service's later tasks draw as in a cold run)
      const delay = sample(p.config.provisioningDelay, rng);
      if (world.logging) world.log('task-placed', task.id, `${task.id} on ${provider} in ${task.availabilityZone} (${this.warmStarting ? 'warmStart: RUNNING' : 'PROVISIONING'})`);
      if (this.warmStarting) this.toPending(task);
      else task.timer = world.sim.after(delay, onPending, { svc: this, task }, PRIORITY.lifecycle);
    } else if (instance) {
      this.placeOn(task, instance);
    } else {
      // nothing has freed up since the last failure: it cannot fit either (same requirements);
      // when the last one was resolved since (every task placed, or the waiting ones dropped),
      // this failure is a new one and its reason is logged
      const blocked = this.blocked(task.capacityProvider);
      if (blocked && this.lastUnplaceableMessage === '') this.placementFailed(task, this.candidatesFor(task));
      if (blocked || !this.tryPlace(task)) {
        if (this.unplaced.length === 0) this.sink.startedWaiting(this.index);
        this.unplaced.push(task);
      }
    }
    return task;
  }

  /**
   * Whether the next task the service starts counts in the cluster's quota of PROVISIONING
   * tasks: it goes to an Auto Scaling group capacity provider by the strategy. The quota is
   * on the tasks "for which capacity providers can increase capacity"
   * (operating-at-scale-service-quotas-best-practice.html); a Fargate task is not held, nor
   * a launchType EC2 one (created only when an instance takes it).
   */
  private nextTaskInQuota(): boolean {
    const strategy = this.config.strategy;
    if (strategy.length === 0) return false;
    return this.world.scenario.providers.get(chooseProvider(strategy, this.providerCounts))?.kind === 'asg';
  }

  /** `wanted` tasks could not be created under the PROVISIONING quota: waits its turn (logged as an episode starts). */
  private heldByQuota(wanted: number): void {
    const quota = this.world.provisioningQuota;
    if (!quota.hold(this.index)) return;
    const full = quota.count >= quota.limit;
    const why = full
      ? `the cluster has ${quota.count} tasks in PROVISIONING, its quota (cluster.provisioningTaskLimit ${quota.limit}, "Tasks in the PROVISIONING state per cluster")`
      : `services held back by the quota of tasks in PROVISIONING (cluster.provisioningTaskLimit ${quota.limit}) go first`;
    this.world.log(
      'provisioning-quota',
      this.name,
      `service ${this.name} could not create ${wanted} ${wanted === 1 ? 'task' : 'tasks'}: ${why}; they are created as tasks leave PROVISIONING`,
    );
  }

  /** Places a PROVISIONING EC2 task; false when no instance fits (the task keeps waiting). */
  private tryPlace(task: Task): boolean {
    const candidates = this.candidatesFor(task);
    // nothing freed on this provider since the last failure: it fails again (no draw is
    // made on a failure), so only the failure's bookkeeping and message are due
    const inst = this.unchangedSinceFailure(task.capacityProvider) ? undefined : this.choose(task, candidates);
    if (inst === undefined) {
      this.placementFailed(task, candidates);
      return false;
    }
    this.placeOn(task, inst);
    return true;
  }

  /** The instances `task` may be placed on: its capacity provider's (any with launchType EC2). */
  private candidatesFor(task: Task): readonly Instance[] {
    return this.cluster.instancesOf(this.config.launchType === 'EC2' ? null : task.capacityProvider);
  }

  /**
   * The instance the placer chooses for `task` among `candidates`, looking only at a
   * subset that holds every instance where it may fit when that gives the same choice
   * (subsetSafe, packing); undefined when none fits.
   */
  private choose(task: Task, candidates: readonly Instance[]): Instance | undefined {
    // launchType EC2: the candidates are every instance, which spread scans for an attribute
    // other than the AZ; a provider's candidates: the counts over the cluster
    const counts = this.config.launchType === 'EC2' ? this.activeByAz : this.serviceWideCounts;
    let among: readonly Instance[] = candidates;
    const last = this.subsetSafe ? this.failedAtRelease.get(task.capacityProvider) : undefined;
    if (last !== undefined && last.release === this.cluster.releaseVersion(task.capacityProvider)) {
      among = this.cluster.registeredSince(task.capacityProvider, last.registrations);
    } else if (this.subsetSafe) {
      const room = this.cluster.roomIndex(task.capacityProvider, this.requirements.cpu, this.requirements.memory);
      if (this.packing !== null) return room.packingOrder(this.packing.field).first(this.packing.spread ? this.activeByAz.byAz : null, this.acceptsTask);
      among = room.list;
    }
    const result = placeTask(among, this.requirements, this.constraints, this.strategies, (this.rng.placement ??= this.world.streams.stream('placement', this.name)), {
      explain: false,
      groupValueCounts: counts,
    });
    return result.ok ? this.cluster.byId.get(result.instanceId)! : undefined;
  }

  /** A placement failed: remembers the capacity versions, logs the reason when it changed and now and then. */
  private placementFailed(task: Task, candidates: readonly Instance[]): void {
    const world = this.world;
    this.failedAtVersion.set(task.capacityProvider, this.cluster.capacityVersion);
    this.failedAtProviderVersion.set(task.capacityProvider, this.cluster.providerVersion(task.capacityProvider));
    this.readsFacts.forEach((fact, i) => this.failedAtFacts[i].set(task.capacityProvider, this.cluster.factVersion(fact)));
    if (this.subsetSafe) {
      const p = task.capacityProvider;
      const at = this.failedAtRelease.get(p);
      if (at) {
        at.release = this.cluster.releaseVersion(p);
        at.registrations = this.cluster.registrationCount(p);
      } else this.failedAtRelease.set(p, { release: this.cluster.releaseVersion(p), registrations: this.cluster.registrationCount(p) });
    }
    // The reason is taken at most every minute while capacity changes, and every 5 minutes
    // otherwise (each time a placement fails); a changed message is logged then, the same
    // one again only after 6 hours (ECS omits duplicate service events "until either the
    // cause is resolved or six hours passes", service-event-messages.html). But when the last one said instances were
    // not registered yet (none, or some launching) and one has registered since, the new
    // reason (RESOURCE:MEMORY, a constraint, ...) is logged at once: nothing may retry for a
    // long time after this failure, and the last message would stand for the whole wait.
    // Taking the reason scans every candidate and failed placements are frequent in a large
    // cluster, so other changes of reason wait for a failure after the minute; the full
    // message costs more still and is built only when it may be logged.
    const since = world.now - this.lastUnplaceableAt;
    const due = since >= 300_000 || (since >= 60_000 && this.cluster.capacityVersion !== this.lastUnplaceableVersion);
    if (!due) {
      // once per message: when the instances it saw launching have registered (the first
      // one, when it saw none registered)
      if (this.recheckAtRegistrations === Infinity || this.registrationsFor(task) < this.recheckAtRegistrations) return;
      this.recheckAtRegistrations = Infinity;
    }
    this.takeUnplaceableReason(task, candidates);
  }

  /** Takes the reason `task` fits none of `candidates`; logs it when it changed or six hours after the last one. */
  private takeUnplaceableReason(task: Task, candidates: readonly Instance[]): void {
    const world = this.world;
    this.lastUnplaceableVersion = this.cluster.capacityVersion;
    this.lastUnplaceableAt = world.now;
    const provider = this.config.launchType === 'EC2' ? undefined : task.capacityProvider;
    const reason = describeUnplaceable(candidates, this.requirements, this.constraints, provider);
    const message = reason.message;
    if (message !== this.lastUnplaceableMessage || world.now - this.lastUnplaceableLoggedAt >= SERVICE_EVENT_REPEAT_MS) {
      this.lastUnplaceableMessage = message;
      this.lastUnplaceableLoggedAt = world.now;
      const launching = reason.launching ?? 0;
      this.recheckAtRegistrations = launching === 0 ? Infinity : this.registrationsFor(task) + (launching === reason.instancesConsidered ? 1 : launching);
      const waiting = task.capacityProvider ? [`the task waits in PROVISIONING for ${task.capacityProvider} capacity`] : [];
      world.log('task-unplaceable', this.name, unableToPlaceEvent(this.name, reason, waiting, provider));
      this.repeatUnplaceableIn(SERVICE_EVENT_REPEAT_MS);
    }
  }

  /**
   * A task-unplaceable event was logged: if the cause is not resolved within six hours
   * "you will receive another service event message for that cause"
   * (service-event-messages.html). On a fixed fleet no placement is retried (nothing
   * changes), so a timer takes the reason again then.
   */
  private repeatUnplaceableIn(delay: number): void {
    const sim = this.world.sim;
    if (this.unplaceableRepeatTimer !== -1) sim.cancel(this.unplaceableRepeatTimer);
    this.unplaceableRepeatTimer = sim.after(delay, onUnplaceableRepeat, this, PRIORITY.unplaceableRepeat);
  }

  /** Six hours after the last task-unplaceable event, tasks still waiting: their current reason is logged again. */
  repeatUnplaceable(): void {
    this.unplaceableRepeatTimer = -1;
    if (this.lastUnplaceableMessage === '') return;
    if (this.daemon) {
      const { lacking } = daemonPlacements(this.cluster.instances, this.requirements, this.constraints);
      if (lacking.length > 0) this.daemonUnplaceable(lacking.map((l) => this.cluster.byId.get(l.instanceId)!), true);
      return;
    }
    const task = this.unplaced[0];
    if (task !== undefined) this.takeUnplaceableReason(task, this.candidatesFor(task));
  }

  /**
   * Every task of the service is placed (none waits): the cause of the last
   * task-unplaceable event is resolved. ECS omits a duplicate event "until either the cause
   * is resolved or six hours passes" (service-event-messages.html): the next failure takes
   * its reason at once and logs it, even with the same message.
   */
  private unplaceableResolved(): void {
    this.lastUnplaceableMessage = '';
    this.recheckAtRegistrations = Infinity;
    this.lastUnplaceableAt = -Infinity;
    this.lastUnplaceableVersion = -1;
    if (this.unplaceableRepeatTimer !== -1) {
      this.world.sim.cancel(this.unplaceableRepeatTimer);
      this.unplaceableRepeatTimer = -1;
    }
  }

  /** Instances registered so far where `task` may go: its capacity provider's, or all. */
  private registrationsFor(task: Task): number {
    return task.capacityProvider ? this.cluster.registrationCount(task.capacityProvider) : this.cluster.totalRegistrations();
  }

  private placeOn(task: Task, inst: Instance): void {
    const world = this.world;
    const req = this.requirements;
    inst.cpuRemaining -= req.cpu;
    inst.memoryRemaining -= req.memory;
    this.cluster.resourcesChanged(inst);
    for (const port of req.hostPorts) inst.usedHostPorts.add(port);
    if (req.needsEni) inst.enisRemaining--;
    inst.groupCounts.set(req.group, (inst.groupCounts.get(req.group) ?? 0) + 1);
    if (inst.status === 'ACTIVE') this.addActive(inst, 1);
    inst.tasks.add(task);
    if (!task.daemon) {
      inst.serviceTaskCount++;
      if (this.cluster.groups.get(inst.provider)?.config.managedTerminationProtection === 'ENABLED') inst.protectedFromScaleIn = true;
    }
    this.cluster.tasksChanged(inst);
    task.instance = inst;
    task.availabilityZone = inst.availabilityZone;
    if (!task.capacityProvider) {
      // launchType EC2: ECS creates the task now (isCreated); it belongs to the instance's group
      world.addProvisioning('', -1);
      world.addProvisioning(inst.provider, 1);
      task.id = `${this.name}-${++this.taskSeq}`;
      task.capacityProvider = inst.provider;
      task.createdAt = world.now;
      this.tasksStarted++;
      this.starting++;
      this.providerCounts.set(inst.provider, (this.providerCounts.get(inst.provider) ?? 0) + 1);
    }
    if (world.logging) world.log('task-placed', task.id, `${task.id} placed on ${inst.id} (${inst.type.name}, ${inst.availabilityZone})`);
    this.toPending(task);
  }

  /** Gives the task's resources back to `inst`, its host (hostOf). */
  private releaseInstance(task: Task, inst: Instance | undefined): void {
    if (!inst || !inst.tasks.delete(task)) return;
    const req = this.requirements;
    inst.cpuRemaining += req.cpu;
    inst.memoryRemaining += req.memory;
    this.cluster.capacityFreed(inst);
    for (const port of req.hostPorts) inst.usedHostPorts.delete(port);
    if (req.needsEni) inst.enisRemaining++;
    const g = (inst.groupCounts.get(req.group) ?? 1) - 1;
    if (g === 0) inst.groupCounts.delete(req.group);
    else inst.groupCounts.set(req.group, g);
    if (task.stopReason !== null && this.distinctInstance) {
      // counted by desiredStopped when its stop reason was set here
      const s = (inst.groupStoppingCounts.get(req.group) ?? 1) - 1;
      if (s === 0) inst.groupStoppingCounts.delete(req.group);
      else inst.groupStoppingCounts.set(req.group, s);
    }
    if (inst.status === 'ACTIVE') this.addActive(inst, -1);
    let lifted = false;
    if (!task.daemon) {
      inst.serviceTaskCount--;
      lifted = inst.serviceTaskCount === 0 && inst.protectedFromScaleIn;
      if (lifted) inst.protectedFromScaleIn = false;
    }
    this.cluster.tasksChanged(inst);
    // its last service task left: ECS turns its scale-in protection off, and a group above
    // its desired capacity terminates it (after this instant's placements: cluster.ts)
    if (lifted) this.cluster.groups.get(inst.provider)?.protectionLifted(inst);
  }

  toPending(task: Task): void {
    const world = this.world;
    this.setState(task, 'PENDING');
    task.pendingAt = world.now;
    if (task.launchType === 'FARGATE') {
      const p = world.scenario.providers.get(task.capacityProvider)!;
      const td = this.config.taskDefinition;
      const pricing = world.prices.fargate(td.cpuArchitecture);
      const rate = fargateHourlyRate(fargateTaskSize(td.cpu, td.memory), p.kind === 'fargate' && p.spot, pricing);
      // per second, 1-minute minimum; a warm task (warmStart) has been running since before
      // time 0, past its first minute: billed from 0 with no minimum (*model*)
      world.cost.start(task.id, task.capacityProvider, rate, world.now, this.warmStarting ? 0 : 60_000);
    }
    // warmStart: the task has been running (no image pull, no container start)
    if (this.warmStarting) return this.toRunning(task);
    const startup = this.config.taskDefinition.config.startup;
    const delay = this.taskDraw(startup.imagePull, task, 'task-startup', 'imagePull') + this.taskDraw(startup.containerStart, task, 'task-startup', 'containerStart');
    task.timer = world.sim.after(delay, onRunning, { svc: this, task }, PRIORITY.lifecycle);
  }

  toRunning(task: Task): void {
    const world = this.world;
    this.setState(task, 'RUNNING');
    task.runningAt = world.now;
    // warmStart: it has been running, healthy (countsAsHealthy); runningAt stays 0 (task-hours)
    if (this.warmStarting) task.warm = true;
    // the load model knows the task from RUNNING (out of rotation until healthy): its CPU and
    // memory are averaged over the time it ran in a period, at cpuBaseline before rotation
    this.loadModel?.setInRotation(task.id, false, world.now);
    if (world.logging) world.log('task-running', task.id, this.warmStarting ? `${task.id} RUNNING at time 0 (warmStart), healthy${this.config.config.loadBalancer ? ' and in rotation' : ''}` : `${task.id} RUNNING after ${((world.now - task.createdAt) / 1000).toFixed(1)} s`);
    const p = world.scenario.providers.get(task.capacityProvider);
    if (p?.kind === 'fargate' && p.spot && p.config.interruptions) {
      const delay = sample({ distribution: 'exponential', mean: p.config.interruptions.meanTimeBetween }, world.streams.fresh('spot-fargate', this.name, task.capacityProvider, String(task.providerOrdinal)));
      task.spotTimer = world.sim.after(delay, onFargateSpotNotice, { svc: this, task }, PRIORITY.lifecycle);
    }
    // without a load balancer the task AZ rebalancing started is healthy 40 s after RUNNING (countsAsHealthy)
    if (this.healthCheck === null && this.rebalancer?.pending === task) world.sim.after(HEALTHY_AFTER_RUNNING_MS, onRebalancedHealthy, { svc: this, task }, PRIORITY.lifecycle);
    if (this.warmStarting) {
      // warmStart: its application has started and its target is healthy: in rotation now,
      // no health check to pass and no grace period to wait; healthy for the deployment
      // configuration at once, with or without a load balancer (task.warm, countsAsHealthy)
      task.applicationStartsAt = world.now;
      return this.enterRotation(task);
    }
    const appStart = this.applicationStart(task);
    task.applicationStartsAt = world.now + appStart;
    const hc = this.healthCheck;
    if (hc) {
      // a queue worker pulls once its application has started, healthy or not (scheduled
      // first: a check passing at that instant finds it pulling)
      if (this.pullsOnItsOwn) {
        if (appStart === 0) this.startPulling(task);
        else world.sim.after(appStart, onPulling, { svc: this, task }, PRIORITY.lifecycle);
      }
      // registered in the target group now; the checks come every interval from here (target-health.ts)
      const health = targetHealthTimeline(appStart, hc);
      if (health.unhealthyAt === null) world.sim.after(health.healthyAt!, onHealthy, { svc: this, task }, PRIORITY.lifecycle);
      else world.sim.after(health.unhealthyAt, onUnhealthy, { svc: this, task, health, appStart }, PRIORITY.lifecycle);
    } else if (appStart === 0) {
      this.enterRotation(task);
    } else {
      // no health check to wait for: the task takes load once its application has started
      world.sim.after(appStart, onHealthy, { svc: this, task }, PRIORITY.lifecycle);
    }
  }

  /**
   * How long the task's application takes to start after RUNNING. Drawn from the task's
   * own stream for it, and only when it can differ from 0.
   */
  private applicationStart(task: Task): number {
    const d = this.config.taskDefinition.config.startup.applicationStart;
    if (d.distribution === 'fixed') return Math.max(d.value, 0);
    // whole milliseconds, as the clock keeps time: the check it passes is then exact
    return Math.round(this.taskDraw(d, task, 'task-startup', 'applicationStart'));
  }

  /**
   * A draw of `d` for one quantity of one task, from a fresh stream keyed by the service,
   * the quantity and the task's number (the N of `<service>-N`): the same task number gets
   * the same draw whatever order tasks go PENDING, RUNNING or STOPPING in, so a variant that
   * changes that order (other desired counts, provisioning delays, a scale-in choosing other
   * tasks) does not hand one task's slow start or slow shutdown to another (common random
   * numbers). A fixed distribution draws nothing and makes no stream.
   */
  private taskDraw(d: Distribution, task: Task, purpose: string, quantity: string | null): number {
    if (d.distribution === 'fixed') return d.value > 0 ? d.value : 0;
    const k = task.id.slice(this.name.length + 1);
    return sample(d, quantity === null ? this.world.streams.fresh(purpose, this.name, k) : this.world.streams.fresh(purpose, this.name, quantity, k));
  }

  /**
   * The target turned unhealthy (its unhealthyThreshold-th failed check). ECS stops the
   * task now when the grace period is over; else it looks again when the period ends,
   * unless the target is healthy again by then.
   */
  targetUnhealthy(task: Task, health: TargetHealthTimeline, appStart: number): void {
    if (task.state !== 'RUNNING' || task.leaving) return;
    const world = this.world;
    const hc = this.healthCheck!;
    // AWS's service event (service-unhealthy-event-messages.html), without its (port ...): ecsim models no ports
    const on = task.instance ? ` (instance ${task.instance.id})` : '';
    const failed =
      `(service ${this.name}) (task ${task.id})${on} is unhealthy in (target-group ${this.name}) due to (reason Health checks failed): ${hc.unhealthyThreshold} consecutive checks failed, ` +
      `the last ${seconds(health.unhealthyAt!)} after RUNNING (its application starts ${seconds(appStart)} after RUNNING)`;
    if (health.markedAt === health.unhealthyAt) {
      world.log('task-unhealthy', task.id, `${failed}; ${this.replacing(health)}`);
      this.markUnhealthy(task, health);
    } else {
      world.log('task-unhealthy', task.id, `${failed}; ignored during the health check grace period (${seconds(hc.gracePeriodMs)} after RUNNING)`);
      if (health.markedAt !== null) world.sim.after(health.markedAt - health.unhealthyAt!, onGracePeriodEnd, { svc: this, task, health }, PRIORITY.lifecycle);
      else world.sim.after(health.healthyAt! - health.unhealthyAt!, onHealthy, { svc: this, task }, PRIORITY.lifecycle);
    }
    // still registered (a DAEMON service's task was stopped: deregistered): an unhealthy target
    if (task.state !== 'RUNNING') return;
    task.targetUnhealthy = true;
    this.unhealthyTargets++;
    if (task.applicationStartsAt > world.now) world.sim.after(task.applicationStartsAt - world.now, onApplicationStarted, this, PRIORITY.lifecycle);
    this.requestFailOpenCheck();
  }

  /**
   * ALB fail-open (elasticloadbalancing/latest/application/target-group-health-checks.html):
   * "If a target group contains only unhealthy registered targets, the load balancer routes
   * requests to all those targets, regardless of their health status." Here: while no task
   * is in rotation (healthy) and some registered task's target is unhealthy, the load balancer
   * routes to every such task (targets still `initial`, before their first passing check or
   * their UnhealthyThresholdCount-th failed one, get none: AWS does not document that mix).
   * One whose application answers serves as a task in rotation would; one whose application
   * has not started fails its share (502). Run at the end of an instant in which a target's
   * health, a task's rotation or an unhealthy target's application changed
   * (requestFailOpenCheck); logs entering and leaving.
   */
  private updateFailOpen(): void {
    const on = this.inRotationCount === 0 && this.unhealthyTargets > 0;
    if (!on && !this.failOpen) return;
    const now = this.world.now;
    let serving = 0;
    let failing = 0;
    for (const t of this.tasks) {
      const want: 0 | 1 | 2 = on && t.targetUnhealthy && t.state === 'RUNNING' ? (now >= t.applicationStartsAt ? 2 : 1) : 0;
      if (want === 2) serving++;
      else if (want === 1) failing++;
      if (t.failOpenRoute !== want) this.setFailOpenRoute(t, want);
    }
    if (on === this.failOpen) return;
    this.failOpen = on;
    const group = `(target-group ${this.name})`;
    if (on) {
      const targets = serving + failing === 1 ? 'its 1 unhealthy target' : `all its ${serving + failing} unhealthy targets`;
      this.world.log(
        'target-group-fail-open',
        this.name,
        // a service without a workload has no requests: only the state is said
        this.config.config.workload === undefined
          ? `${group} has no healthy target: the load balancer fails open to ${targets} (the service has no workload: no requests)`
          : `${group} has no healthy target: the load balancer fails open and routes requests to ${targets} ` +
              `(${serving} whose application answers and serves them, ${failing} whose application has not started: their requests fail, 502)`,
      );
    } else {
      this.world.log(
        'target-group-fail-open',
        this.name,
        this.inRotationCount > 0
          ? `${group} has ${this.inRotationCount} healthy ${this.inRotationCount === 1 ? 'target' : 'targets'} again: the load balancer stops failing open and routes to the healthy targets only`
          : `${group} has no unhealthy target registered any more: the load balancer stops failing open`,
      );
    }
  }

  /** Tells the load model where the load balancer's fail-open routing sends a task's share (Task.failOpenRoute). */
  private setFailOpenRoute(t: Task, want: 0 | 1 | 2): void {
    const model = this.loadModel;
    const now = this.world.now;
    if (t.failOpenRoute === 2) {
      model?.setInRotation(t.id, false, now);
      this.failOpenServing--;
    } else if (t.failOpenRoute === 1) model?.setFailing(t.id, false, now);
    if (want === 2) {
      model?.setInRotation(t.id, true, now);
      this.failOpenServing++;
    } else if (want === 1) model?.setFailing(t.id, true, now);
    t.failOpenRoute = want;
    // only a target whose application answers accepts connections: one whose application has
    // not started refuses every one (502), so it holds none as it deregisters (mayHaveConnections)
    if (want === 2) t.failedOpenTo = true;
  }

  /** An unhealthy target's application started: during fail-open it serves from now. */
  applicationStarted(): void {
    if (this.failOpen) this.requestFailOpenCheck();
  }

  private failOpenCheckPending = false;

  /**
   * Looks at the fail-open routing at the end of this instant (after its lifecycle events
   * and reconcile, before the metrics), once: targets turning unhealthy together, or an
   * unhealthy task stopped at the instant it turns unhealthy, make one change, not several.
   * Nothing to do (nothing scheduled) while no target is unhealthy and the group is not
   * failing open.
   */
  private requestFailOpenCheck(): void {
    if (this.failOpenCheckPending || (this.unhealthyTargets === 0 && !this.failOpen)) return;
    // a queue worker pulls its messages: the load balancer routes none to it, fail-open or not
    if (this.config.config.workload?.type === 'queue') return;
    this.failOpenCheckPending = true;
    this.world.sim.after(0, onFailOpenCheck, this, PRIORITY.failOpen);
  }

  /** The fail-open check requestFailOpenCheck scheduled. */
  failOpenCheck(): void {
    this.failOpenCheckPending = false;
    this.updateFailOpen();
  }

  /** The grace period ended with the target still unhealthy: ECS marks the task and replaces it. */
  gracePeriodEnded(task: Task, health: TargetHealthTimeline): void {
    if (task.state !== 'RUNNING' || task.leaving) return;
    const hc = this.healthCheck!;
    // the checks that passed so far (from the first passing one to the period's end)
    const passed = Math.max(0, Math.floor(hc.gracePeriodMs / hc.intervalMs) - health.failedChecks);
    this.world.log(
      'task-unhealthy',
      task.id,
      `${task.id} is still unhealthy in (target-group ${this.name}) when the health check grace period ends, ${seconds(hc.gracePeriodMs)} after RUNNING ` +
        `(${passed} of the ${hc.healthyThreshold} consecutive passing checks it needs); ${this.replacing(health)}`,
    );
    this.markUnhealthy(task, health);
  }

  /** What the service does about a task marked unhealthy (the end of its task-unhealthy message). */
  private replacing(health: TargetHealthTimeline): string {
    if (this.daemon) return `the service stops it: ${stoppedReason(this.name)}`;
    return (
      `the service marks it unhealthy and replaces it, starting the replacement first where maximumPercent allows ` +
      `(it keeps running and being checked: healthy again ${seconds(health.recoveredAt!)} after RUNNING unless stopped first)`
    );
  }

  /**
   * ECS marks a task its target group reports unhealthy after the grace period
   * (developerguide ecs_services.html): it keeps running (resources, billing, runningCount;
   * the load balancer keeps checking it, so it turns healthy again at recoveredAt unless
   * stopped first) but no longer counts toward the desired count, so a replacement starts
   * first where maximumPercent allows. settleUnhealthy stops it once a replacement is
   * healthy. (Stopping it lowers no healthy count, so minimumHealthyPercent does not hold it;
   * a task stopped after RUNNING does not trigger the service throttle: developerguide
   * service-throttle-logic.html.) A DAEMON service's task is stopped at once instead, as
   * ecsim did for every service before 2026-11-26: one task per instance leaves no room for
   * a replacement first (AWS does not document this case).
   */
  private markUnhealthy(task: Task, health: TargetHealthTimeline): void {
    if (this.daemon) {
      // a DAEMON service keeps one task per instance: it is stopped, and its instance gets a new one
      this.stopTask(task, 'failed-elb-health-checks');
      return this.requestReconcile();
    }
    this.rebalancer?.interrupt(`${task.id} was marked unhealthy`);
    task.markedUnhealthy = true;
    this.stateVersion++;
    this.markedCount++;
    this.countLive(task, -1);
    this.world.sim.after(health.recoveredAt! - (this.world.now - task.runningAt!), onHealthy, { svc: this, task }, PRIORITY.lifecycle);
    this.requestReconcile();
  }

  /** A task joins (+1) or leaves (-1) the live counts: per capacity provider (base/weight) and per AZ (Fargate spread). */
  private countLive(task: Task, delta: 1 | -1): void {
    if (task.launchType === 'FARGATE') this.fargateLiveByAz.set(task.availabilityZone, (this.fargateLiveByAz.get(task.availabilityZone) ?? (delta < 0 ? 1 : 0)) + delta);
    if (task.capacityProvider) this.providerCounts.set(task.capacityProvider, (this.providerCounts.get(task.capacityProvider) ?? (delta < 0 ? 1 : 0)) + delta);
  }

  /**
   * The service scheduler's replacement of unhealthy tasks (developerguide ecs_services.html):
   * "If the replacement task has a health status of HEALTHY, the service scheduler stops the
   * unhealthy task. If the replacement task has a health status of UNHEALTHY, the scheduler
   * will stop either the unhealthy replacement task or the existing unhealthy task to get
   * the total task count to equal desiredCount." Counted here: while the healthy tasks (in
   * rotation, a marked one that recovered included) and the marked tasks still unhealthy
   * are more than the desired count, an unhealthy one stops, chosen at random (stream
   * unhealthy-replacement). A replacement turning healthy makes one more healthy task, and
   * one turning unhealthy one more unhealthy task: either way one unhealthy task stops.
   * Then "once all unhealthy tasks have been replaced and only healthy tasks are running,
   * if the total task count exceeds the desiredCount, healthy tasks are stopped": when no
   * marked task is unhealthy and every other live task is healthy (or waits for capacity:
   * a replacement that cannot be placed is not waited for), the marked tasks (all
   * recovered) count toward the desired count again and reconcile scales the surplus in,
   * tasks not yet RUNNING first. (When the desired count falls below what the tasks need,
   * reconcile releases them at once.)
   * Returns the marked tasks healthy again that stay marked (0 when they were released): a
   * recovered task is no longer unhealthy and needs no replacement.
   */
  private settleUnhealthy(): number {
    let healthy = 0;
    let allHealthy = true;
    const unhealthy: Task[] = [];
    const waiting = this.unplaced.length > 0 ? new Set(this.unplaced) : null;
    for (const t of this.tasks) {
      if (t.leaving || t.state === 'STOPPED') continue;
      if (t.markedUnhealthy) {
        if (t.inRotation) healthy++;
        else unhealthy.push(t);
      } else if (t.state === 'RUNNING' && t.inRotation) {
        healthy++;
      } else if (waiting === null || !waiting.has(t)) {
        // starting, or RUNNING and not yet healthy (a task waiting for an instance that fits
        // is not waited for: it may never be placed)
        allHealthy = false;
      }
    }
    const rng = this.unhealthyStream();
    while (unhealthy.length > 0 && healthy + unhealthy.length > this.desiredCount) {
      const [t] = unhealthy.splice(Math.floor(rng.next() * unhealthy.length), 1);
      this.world.log(
        'task-unhealthy',
        t.id,
        `the service stops ${t.id} (${healthy} healthy and ${unhealthy.length + 1} unhealthy tasks, desired count ${this.desiredCount}): ${stoppedReason(this.name)}`,
      );
      this.stopTask(t, 'failed-elb-health-checks');
    }
    if (unhealthy.length === 0 && allHealthy) {
      this.releaseRecovered();
      return 0;
    }
    return this.markedCount - unhealthy.length;
  }

  /** The marked tasks healthy again (in rotation) count toward the desired count again: ordinary tasks. */
  private releaseRecovered(): void {
    for (const t of this.tasks) {
      if (!t.markedUnhealthy || t.leaving || !t.inRotation) continue;
      t.markedUnhealthy = false;
      this.markedCount--;
      this.countLive(t, 1);
    }
  }

  /** The draws choosing which unhealthy task stops (stream unhealthy-replacement, made at first use). */
  private unhealthyStream(): RandomStream {
    return (this.rng.unhealthy ??= this.world.streams.stream('unhealthy-replacement', this.name));
  }

  /**
   * maximumPercent leaves no room for a replacement: "the scheduler will stop an unhealthy
   * task one at a time at random to free up capacity, and then start a replacement task"
   * (ecs_services.html). Stops one marked task that is still unhealthy (stream
   * unhealthy-replacement); false when there is none.
   */
  private stopUnhealthyAtRandom(over: string | null): boolean {
    const unhealthy: Task[] = [];
    for (const t of this.tasks) if (t.markedUnhealthy && !t.leaving && !t.inRotation) unhealthy.push(t);
    if (unhealthy.length === 0) return false;
    const rng = this.unhealthyStream();
    const t = unhealthy[Math.floor(rng.next() * unhealthy.length)];
    const max = deploymentConfigurationOf(this.config.config).maximumPercent;
    const why = over === null ? `first (maximumPercent ${max} leaves no room to start its replacement first)` : `(${over})`;
    this.world.log('task-unhealthy', t.id, `the service stops ${t.id} ${why}: ${stoppedReason(this.name)}`);
    this.stopTask(t, 'failed-elb-health-checks');
    return true;
  }

  /**
   * Replacements start first "as long as cluster resources for starting replacement tasks
   * are available" (API_DeploymentConfiguration maximumPercent); when they are not, "the
   * scheduler stops the unhealthy tasks one-by-one — using the minimumHealthyPercent as a
   * constraint — to clear up capacity to launch replacement tasks" (minimumHealthyPercent).
   * A task of the service waits for an instance (the oldest, all alike) and marked tasks
   * are still unhealthy: one of those on an instance where the waiting task would fit once
   * it stopped (resources, ports, ENIs, constraints as they would be without it) stops,
   * chosen at random (stream unhealthy-replacement), and the waiting task is placed when
   * its resources free (STOPPED: retryUnplaced). Nothing stops while an unhealthy task of
   * the service stopped for failed health checks (here, for maximumPercent or by
   * settleUnhealthy) has not reached STOPPED (one by one).
   * A constraint stopping would not satisfy, a DRAINING instance or another provider's stops nothing. An
   * unhealthy task does not count toward minimumHealthyPercent (countsAsHealthy), so the
   * constraint never holds one. While managed scaling may still add an instance to the
   * waiting task's capacity provider (ENABLED, the task one managed scaling counts, and an
   * instance launching or the group below maxSize: capacityMayGrow) nothing stops: the replacement starts first on the new instance
   * (docs/assumptions.md).
   */
  private freeRoomForReplacement(): void {
    // one by one: an unhealthy task already stopping (by this, by maximumPercent or by
    // settleUnhealthy, in this reconcile or before) has not freed its room yet
    for (const t of this.tasks) if (t.stopReason === 'failed-elb-health-checks' && t.state !== 'STOPPED') return;
    const waiting = this.unplaced[0];
    if (this.capacityMayGrow(waiting)) return;
    const anyProvider = this.config.launchType === 'EC2';
    const among: { task: Task; inst: Instance }[] = [];
    for (const t of this.tasks) {
      if (!t.markedUnhealthy || t.leaving || t.inRotation) continue;
      const inst = hostOf(t);
      if (inst === undefined || (!anyProvider && inst.provider !== waiting.capacityProvider)) continue;
      if (this.fitsWithout(inst)) among.push({ task: t, inst });
    }
    if (among.length === 0) return;
    const { task: t, inst } = among[Math.floor(this.unhealthyStream().next() * among.length)];
    const min = deploymentConfigurationOf(this.config.config).minimumHealthyPercent;
    this.world.log(
      'task-unhealthy',
      t.id,
      `the service stops ${t.id} first (a replacement cannot be placed for lack of room and fits on ${inst.id} once ${t.id} stops; ` +
        `an unhealthy task does not count toward minimumHealthyPercent ${min}): ${stoppedReason(this.name)}`,
    );
    this.stopTask(t, 'failed-elb-health-checks');
  }

  /** Whether a task of this service would fit on `inst` were one of its tasks there gone. */
  private fitsWithout(inst: Instance): boolean {
    const req = this.requirements;
    const group = req.group;
    const ports = new Set(inst.usedHostPorts);
    for (const port of req.hostPorts) ports.delete(port);
    const groupCounts = new Map(inst.groupCounts);
    const g = (groupCounts.get(group) ?? 1) - 1;
    if (g === 0) groupCounts.delete(group);
    else groupCounts.set(group, g);
    const freed: PlacementInstance = {
      id: inst.id,
      status: inst.status,
      attributes: inst.attributes,
      cpuRemaining: inst.cpuRemaining + req.cpu,
      memoryRemaining: inst.memoryRemaining + req.memory,
      usedHostPorts: ports,
      enisRemaining: inst.enisRemaining + (req.needsEni ? 1 : 0),
      runningTasksCount: inst.runningTasksCount - 1,
      groupCounts,
      groupStoppingCounts: inst.groupStoppingCounts,
    };
    return isCandidate(freed, req, this.constraints);
  }

  /**
   * Managed scaling may still add an instance for `task`: its capacity provider's group
   * scales by managed scaling, counts the task (it fits the group's smallest type and the
   * room a new instance leaves next to the daemons: a larger one runs only on instances the
   * group already has) and has fewer than maxSize instances or one launching.
   */
  private capacityMayGrow(task: Task): boolean {
    const group = task.capacityProvider ? this.cluster.groups.get(task.capacityProvider) : undefined;
    if (group === undefined || !group.managedScaling) return false;
    const estimate = group.scalingEstimate;
    if (estimate === null || !managedScalingCounts(this.provisioningRequirement, estimate)) return false;
    if (group.liveCount() < group.config.autoScalingGroup.maxSize) return true;
    for (const inst of group.live) if (inst.lifecycle === 'LAUNCHING') return true;
    return false;
  }

  /**
   * The task's memory over a metric period passed its hard limit: the kernel's OOM killer
   * kills the container and ECS stops the task with "OutOfMemoryError: Container killed due
   * to memory usage" (repost.aws/knowledge-center/ecs-resolve-outofmemory-errors). The
   * container is already dead, so the task is STOPPED at once (no deregistration delay, no
   * SIGTERM; its http requests are lost, a queue worker's messages go back to the queue)
   * and, as for an unhealthy target, no longer counts
   * toward the desired count: the service starts a replacement.
   */
  outOfMemory(task: Task, memoryMiB: number, limitMiB: number): void {
    if (task.state !== 'RUNNING' || task.stopReason !== null) return;
    this.world.log(
      'task-out-of-memory',
      task.id,
      `${task.id} used ${Number(memoryMiB.toFixed(1))} MiB (mean over the metric period), above the task's hard memory limit ${limitMiB} MiB: ` +
        `OutOfMemoryError: Container killed due to memory usage; the service starts a replacement`,
    );
    this.kill(task, 'out-of-memory');
  }

  enterRotation(task: Task): void {
    // healthy again: it leaves the fail-open routing (and enters rotation below)
    this.clearUnhealthyTarget(task);
    if (task.state !== 'RUNNING' || task.leaving || task.inRotation) return this.requestFailOpenCheck();
    task.inRotation = true;
    this.stateVersion++;
    this.inRotationCount++;
    if (!task.enteredRotation) {
      task.enteredRotation = true;
      this.runningBeforeRotation--;
      if (task.pulling) this.pullingBeforeRotation--;
    }
    // a queue worker already pulls (its application has started); a warm one starts now
    if (this.pullsOnItsOwn) this.startPulling(task);
    else this.loadModel?.setInRotation(task.id, true, this.world.now);
    this.requestFailOpenCheck();
    // with a load balancer the task AZ rebalancing started is healthy once in rotation
    if (this.healthCheck !== null && this.rebalancer?.pending === task) this.rebalancer.healthy(task);
    if (task.markedUnhealthy) {
      const hc = this.healthCheck!;
      this.world.log(
        'task-healthy',
        task.id,
        `${task.id} is healthy again in (target-group ${this.name}) after ${hc.healthyThreshold} consecutive passing checks, ${seconds(this.world.now - task.runningAt!)} after RUNNING; ` +
          `${this.pullsOnItsOwn ? 'it pulls on (as since its application started)' : 'it takes traffic'}, and counts toward the desired count again (a task over it is stopped) once no task is unhealthy and every other task is healthy or waits for capacity, or at once if the desired count falls below the tasks maximumPercent allows`,
      );
    }
    // a replacement or a marked task turned healthy: settleUnhealthy looks again
    if (this.markedCount > 0) this.requestReconcile();
    // healthy now with a load balancer; without one, stopReplacedTasks waits 40 s more
    this.stopReplacedTasks();
  }

  /**
   * A queue worker behind a load balancer starts pulling messages: its application has
   * started (healthy or not, marked unhealthy or not). Until it is stopped (leaveRotation).
   */
  startPulling(task: Task): void {
    if (task.pulling || task.state !== 'RUNNING' || task.leaving) return;
    task.pulling = true;
    if (!task.enteredRotation) this.pullingBeforeRotation++;
    this.loadModel?.setInRotation(task.id, true, this.world.now);
  }

  /** The task's target is no longer an unhealthy one (healthy again, or deregistered): out of the fail-open routing. */
  private clearUnhealthyTarget(task: Task): void {
    if (!task.targetUnhealthy) return;
    task.targetUnhealthy = false;
    this.unhealthyTargets--;
    if (task.failOpenRoute !== 0) this.setFailOpenRoute(task, 0);
  }

  /** The task leaves the target group (stopping): out of rotation and of the fail-open routing. */
  private leaveRotation(task: Task): void {
    this.clearUnhealthyTarget(task);
    if (task.inRotation) {
      this.stateVersion++;
      task.inRotation = false;
      this.inRotationCount--;
      if (!this.pullsOnItsOwn) this.loadModel?.setInRotation(task.id, false, this.world.now);
    }
    if (task.pulling) {
      // a queue worker stops pulling as it is stopped (SIGTERM), as without a load balancer
      task.pulling = false;
      if (!task.enteredRotation) this.pullingBeforeRotation--;
      this.loadModel?.setInRotation(task.id, false, this.world.now);
    }
    this.requestFailOpenCheck();
  }

  // ------------------------------------------------------------------ stopping tasks

  private scaleIn(count: number): void {
    // the live tasks in start order, in one pass before any stops: those not yet RUNNING
    // (PROVISIONING or PENDING), the RUNNING ones whose target is unhealthy (failing checks
    // within the health check grace period: a marked task is not live) and the other RUNNING ones
    const early: Task[] = [];
    const unhealthy: Task[] = [];
    const running: Task[] = [];
    for (const t of this.tasks) {
      if (!isLive(t)) continue;
      if (t.state !== 'RUNNING') early.push(t);
      else if (t.targetUnhealthy) unhealthy.push(t);
      else running.push(t);
    }
    // tasks not yet running go first: the newest PROVISIONING, then PENDING
    if (early.length > 1) {
      const order = (s: Task['state']) => (s === 'PROVISIONING' ? 0 : s === 'PENDING' ? 1 : 2);
      early.sort((a, b) => order(a.state) - order(b.state) || b.createdAt - a.createdAt);
    }
    for (const t of early.slice(0, count)) this.stopTask(t, 'scale-in');
    let remaining = count - Math.min(count, early.length);
    if (remaining === 0) return;
    const rng = (this.rng.scaleIn ??= this.world.streams.stream('scale-in', this.name));
    // "unhealthy tasks in the grace period might be stopped to reach the desired count"
    // (APIReference API_CreateService healthCheckGracePeriodSeconds): the RUNNING tasks whose
    // target is unhealthy go before the others, the strategies choosing within each group
    const all = unhealthy.length === 0 ? running : [...unhealthy, ...running];
    const counts = new Map<string, number>();
    for (const t of all) counts.set(t.capacityProvider, (counts.get(t.capacityProvider) ?? 0) + 1);
    for (const group of unhealthy.length === 0 ? [running] : [unhealthy, running]) {
      const k = Math.min(remaining, group.length);
      if (k === 0) continue;
      remaining -= k;
      this.stopFromGroup(group, all, k, counts, rng);
    }
  }

  /**
   * Stops k of `group` (RUNNING tasks of the service, a subset of `all`): the capacity
   * provider strategy says which provider gives up each task (counts: the service's running
   * tasks per provider, updated), the placement strategies which of its tasks, the AZs
   * balanced over the service's other running tasks not stopping (`all` outside the pool).
   */
  private stopFromGroup(group: Task[], all: Task[], k: number, counts: Map<string, number>, rng: RandomStream): void {
    const strategy = this.config.strategy;
    const othersOf = (pool: Task[]): Map<string, number> | undefined => {
      if (pool.length === all.length) return undefined;
      const inPool = new Set(pool);
      const byAz = new Map<string, number>();
      for (const t of all) if (!inPool.has(t) && !t.leaving) byAz.set(t.availabilityZone, (byAz.get(t.availabilityZone) ?? 0) + 1);
      return byAz;
    };
    // launchType EC2 (no capacity provider strategy): one pool of every running task, whatever
    // group's instances they run on (the placement strategies keep the AZs balanced over all)
    if (strategy.length === 0) {
      this.stopChosen(group, k, rng, othersOf(group));
      return;
    }
    // how many each capacity provider gives up (the strategy's split, undone one by one,
    // among the providers with a task left in the group) ...
    const left = new Map<string, number>();
    for (const t of group) left.set(t.capacityProvider, (left.get(t.capacityProvider) ?? 0) + 1);
    const take = new Map<string, number>();
    for (; k > 0; k--) {
      let eligible: Map<string, number> = counts;
      if (group.length !== all.length) {
        eligible = new Map();
        for (const [p, n] of left) if (n > 0) eligible.set(p, counts.get(p) ?? 0);
      }
      const provider = chooseProviderToScaleIn(strategy, eligible) ?? group[0].capacityProvider;
      counts.set(provider, (counts.get(provider) ?? 1) - 1);
      left.set(provider, (left.get(provider) ?? 1) - 1);
      take.set(provider, (take.get(provider) ?? 0) + 1);
    }
    // ... then which of its tasks, the AZs balanced over the whole service's tasks (the
    // other running tasks not stopped by this scale-in), as placement spreads them
    for (const [provider, n] of take) {
      const pool = group.filter((t) => t.capacityProvider === provider);
      this.stopChosen(pool, n, rng, othersOf(pool));
    }
  }

  /** Stops k tasks of `pool` that the placement strategies choose together (each choice sees the ones before). */
  private stopChosen(pool: Task[], k: number, rng: RandomStream, othersByAz?: ReadonlyMap<string, number>, reason: 'scale-in' | 'az-rebalancing' = 'scale-in'): Task[] {
    const refs = pool.map((t) => ({ taskId: t.id, instanceId: t.instance?.id, availabilityZone: t.availabilityZone, cpu: t.cpu, memory: t.memory }));
    // only the instances these tasks run on need indexing (registered ones: the placer's view)
    const hosts: Instance[] = [];
    const seen = new Set<Instance>();
    for (const t of pool) {
      const inst = hostOf(t);
      if (inst !== undefined && !seen.has(inst)) {
        seen.add(inst);
        hosts.push(inst);
      }
    }
    const stopped: Task[] = [];
    for (const i of chooseTaskIndicesToStop(refs, k, this.strategies, hosts, rng, othersByAz)) {
      this.stopTask(pool[i], reason);
      stopped.push(pool[i]);
    }
    return stopped;
  }

  /**
   * The task stops counting toward the desired count. Without a reason it only awaits a
   * replacement (its instance is draining); with one it is being stopped. Idempotent.
   */
  private markLeaving(task: Task, reason: StopReason | null): void {
    this.stateVersion++;
    if (reason !== 'az-rebalancing' && !task.leaving) this.rebalancer?.interrupt(`${task.id} ${reason === null ? 'is on a draining instance' : `is stopping (${reason})`}`);
    if (!task.leaving) {
      task.leaving = true;
      this.leavingCount++;
      if (task.markedUnhealthy) {
        // out of the live counts since it was marked
        task.markedUnhealthy = false;
        this.markedCount--;
      } else {
        if (task.launchType === 'FARGATE') this.fargateLiveByAz.set(task.availabilityZone, (this.fargateLiveByAz.get(task.availabilityZone) ?? 1) - 1);
        this.decrementProvider(task);
      }
      if (reason === null) this.awaitingReplacement++;
    } else if (task.stopReason === null && reason !== null) {
      this.awaitingReplacement--;
    }
    if (task.stopReason === null && reason !== null && this.distinctInstance) this.desiredStopped(task);
    if (task.stopReason === null) task.stopReason = reason;
  }

  /**
   * A task of a distinctInstance service got desired status STOPPED: on its instance it no
   * longer keeps another task of the service away, so waiting tasks may retry there. (Only
   * distinctInstance reads these counts, and only for its own service's group.)
   */
  private desiredStopped(task: Task): void {
    const inst = hostOf(task);
    if (inst === undefined) return;
    const g = this.requirements.group;
    inst.groupStoppingCounts.set(g, (inst.groupStoppingCounts.get(g) ?? 0) + 1);
    this.cluster.capacityFreed(inst);
  }

  /**
   * Starts stopping a task: out of rotation, deregistration delay, SIGTERM, STOPPED. (Tasks
   * of a terminated instance are killed instead, and a Fargate Spot notice is its own SIGTERM:
   * neither comes here. A task drained at an EC2 Spot notice is killed when the instance
   * terminates 2 minutes later, whatever its deregistration delay or stopTimeout: kill.)
   */
  stopTask(task: Task, reason: 'scale-in' | 'instance-drained' | 'failed-elb-health-checks' | 'az-rebalancing'): void {
    if (task.state === 'STOPPED' || task.stopReason !== null) return;
    const world = this.world;
    this.markLeaving(task, reason);
    world.sim.cancel(task.timer);
    if (task.state === 'PROVISIONING') {
      const k = this.unplaced.indexOf(task);
      if (k >= 0) this.unplaced.splice(k, 1);
      return this.stopped(task);
    }
    if (task.state === 'PENDING') return this.beginStopping(task);
    const lb = this.config.config.loadBalancer;
    this.leaveRotation(task);
    const delay = lb ? deregistrationDelayOf(lb) : 0;
    if (lb && task.state === 'RUNNING' && delay > 0 && this.mayHaveConnections(task)) {
      this.setState(task, 'DEACTIVATING');
      task.timer = world.sim.after(delay, onDeregistered, { svc: this, task }, PRIORITY.lifecycle);
    } else {
      this.beginStopping(task);
    }
  }

  /**
   * Whether the load balancer may hold connections to the task's target as it deregisters:
   * "If a deregistering target has no in-flight requests and no active connections, Elastic
   * Load Balancing immediately completes the deregistration process, without waiting for the
   * deregistration delay to elapse" (elasticloadbalancing/latest/application/
   * edit-target-group-attributes.html#deregistration-delay). A target never sent a request
   * has none: the service has no HTTP workload (none, or a queue its workers pull), or the
   * target was never in rotation (never healthy) nor failed open to while its application
   * answered (failed open to before, every connection was refused: 502). *(model)* A target that
   * was in rotation with an HTTP workload keeps the whole delay: the load balancer keeps
   * connections to its targets, and ecsim does not follow them.
   */
  private mayHaveConnections(task: Task): boolean {
    return hasHttpWorkload(this.config.config) && (task.enteredRotation || task.failedOpenTo);
  }

  /**
   * SIGTERM: the containers exit after their shutdown time, or are killed at stopTimeout
   * (or at `deadline` after now, when the task is reclaimed then: a Fargate Spot notice).
   */
  beginStopping(task: Task, deadline = Infinity): void {
    this.setState(task, 'STOPPING');
    const td = this.config.taskDefinition.config;
    const exit = this.taskDraw(td.shutdown, task, 'task-shutdown', null);
    task.timer = this.world.sim.after(Math.min(exit, td.stopTimeout, deadline), onStopped, { svc: this, task }, PRIORITY.lifecycle);
  }

  /**
   * Immediately stops a task whose instance is gone. A task still DEACTIVATING or STOPPING
   * when its EC2 Spot instance terminates (its drain or stop cut short 2 minutes after the
   * notice) stops for `spot-interruption`, whatever it was being stopped for: that is what
   * ended it. (The counts do not change: it was already being stopped.)
   */
  kill(task: Task, reason: StopReason): void {
    if (task.state === 'STOPPED') return;
    this.markLeaving(task, reason);
    if (reason === 'spot-interruption' && (task.state === 'DEACTIVATING' || task.state === 'STOPPING')) task.stopReason = reason;
    this.world.sim.cancel(task.timer);
    this.leaveRotation(task);
    const k = this.unplaced.indexOf(task);
    if (k >= 0) this.unplaced.splice(k, 1);
    this.stopped(task);
  }

  stopped(task: Task): void {
    const world = this.world;
    this.setState(task, 'STOPPED');
    task.stoppedAt = world.now;
    if (task.runningAt !== null) this.runningMsTotal += world.now - task.runningAt;
    this.loadModel?.removeTask(task.id, world.now);
    if (task.launchType === 'FARGATE' && task.pendingAt !== null) world.cost.stop(task.id, world.now);
    // out of the service's counts before its resources are released: the release wakes the
    // waiting services (capacityFreed), and a DAEMON service is woken only while it has fewer
    // tasks than its desired count, which the stopped task must no longer fill
    if (this.tasks.delete(task) && task.leaving) {
      this.leavingCount--;
      if (task.stopReason === null) this.awaitingReplacement--;
      else if (task.stopReason === 'spot-interruption' && task.launchType === 'FARGATE' && !task.reclaimedWhileLeaving) this.spotStopping--;
    }
    if (task.spotTimer !== -1) {
      world.sim.cancel(task.spotTimer);
      task.spotTimer = -1;
    }
    const inst = hostOf(task);
    this.releaseInstance(task, inst);
    if (isCreated(task)) {
      this.tasksStopped++;
      if (world.logging) world.log('task-stopped', task.id, `${task.id} STOPPED (${task.stopReason})`);
      this.sink.taskStopped(task);
    }
    if (inst) this.cluster.groups.get(inst.provider)?.checkDrained(inst);
    this.requestReconcile();
  }

  private decrementProvider(task: Task): void {
    if (!task.capacityProvider) return;
    this.providerCounts.set(task.capacityProvider, (this.providerCounts.get(task.capacityProvider) ?? 1) - 1);
  }

  /** Instance draining: its tasks leave the count, so replacements start elsewhere. */
  instanceDraining(inst: Instance): void {
    // its tasks no longer count for spread (only ACTIVE instances do)
    const g = inst.groupCounts.get(this.requirements.group);
    if (g !== undefined && g > 0) this.addActive(inst, -g);
    let any = false;
    for (const t of inst.tasks) {
      // (a DAEMON task stops later, once no replica task is left there: checkDrained)
      if (t.service !== this.name || t.daemon || t.leaving) continue;
      this.markLeaving(t, null);
      any = true;
      if (t.state !== 'RUNNING') this.stopTask(t, 'instance-drained');
    }
    if (any) {
      this.requestReconcile();
      this.stopReplacedTasks();
    }
  }

  /**
   * Whether a RUNNING task counts toward minimumHealthyPercent: with a load balancer once
   * the target group reports it healthy (it is in rotation), without one 40 s after RUNNING
   * (APIReference/API_DeploymentConfiguration.html). A warm task (RUNNING at time 0 under
   * warmStart) has been running for longer than that: it counts from 0 (*model*).
   */
  private countsAsHealthy(task: Task): boolean {
    if (task.state !== 'RUNNING') return false;
    if (this.config.config.loadBalancer) return task.inRotation;
    return task.warm || this.world.now - task.runningAt! >= HEALTHY_AFTER_RUNNING_MS;
  }

  /** When stopReplacedTasks looks again (a task turns healthy then, without a load balancer); Infinity: not scheduled. */
  private healthyCheckAt = Infinity;
  private healthyCheckTimer = -1;

  /**
   * Stops tasks on draining instances as far as minimumHealthyPercent allows: with the
   * default 100 %, one for each replacement that counts as healthy (countsAsHealthy). A
   * draining task that does not count itself stops at once: stopping it lowers nothing.
   */
  stopReplacedTasks(): void {
    if (this.awaitingReplacement === 0) return;
    const draining: Task[] = [];
    let healthy = 0;
    // without a load balancer: the first time a task not counted yet will count
    let nextHealthyAt = Infinity;
    const lb = this.config.config.loadBalancer !== undefined;
    for (const t of this.tasks) {
      if (t.state !== 'RUNNING') continue;
      if (t.leaving && t.stopReason === null) draining.push(t);
      if (this.countsAsHealthy(t)) healthy++;
      else if (!lb && !t.leaving) nextHealthyAt = Math.min(nextHealthyAt, t.runningAt! + HEALTHY_AFTER_RUNNING_MS);
    }
    const minHealthy = Math.ceil((this.desiredCount * deploymentConfigurationOf(this.config.config).minimumHealthyPercent) / 100);
    let held = false;
    for (const t of draining) {
      if (!this.countsAsHealthy(t)) {
        this.stopTask(t, 'instance-drained');
      } else if (healthy - 1 >= minHealthy) {
        this.stopTask(t, 'instance-drained');
        healthy--;
      } else {
        held = true;
      }
    }
    if (held && nextHealthyAt < this.healthyCheckAt) {
      this.world.sim.cancel(this.healthyCheckTimer);
      this.healthyCheckAt = nextHealthyAt;
      this.healthyCheckTimer = this.world.sim.after(nextHealthyAt - this.world.now, onHealthyCheck, this, PRIORITY.lifecycle);
    }
  }

  /** The task AZ rebalancing started is healthy without a load balancer (40 s after RUNNING), if still waited for. */
  rebalancedHealthy(task: Task): void {
    if (this.rebalancer?.pending === task && task.state === 'RUNNING' && !task.leaving) this.rebalancer.healthy(task);
  }

  /** A task turned healthy without a load balancer (the 40 s timer): draining tasks may stop. */
  healthyCheck(): void {
    this.healthyCheckAt = Infinity;
    this.healthyCheckTimer = -1;
    this.stopReplacedTasks();
  }

  fargateSpotNotice(task: Task): void {
    const world = this.world;
    this.spotInterruptions++;
    // the replacement starts now if it keeps the total (this task included while it stops)
    // within maximumPercent, else when a task stops (reconcile)
    const maximumPercent = deploymentConfigurationOf(this.config.config).maximumPercent;
    const room = this.liveCount() + this.markedCount + this.spotStopping < Math.floor((this.desiredCount * maximumPercent) / 100);
    const then = room ? 'the service starts a replacement' : `the service starts a replacement when a task of the service stops (maximumPercent ${maximumPercent} %)`;
    world.log('spot-interruption', task.id, `FARGATE_SPOT reclaims ${task.id}: SIGTERM now, stopped when its containers exit (by stopTimeout, within 2 minutes); ${then}`);
    this.markLeaving(task, 'spot-interruption');
    this.spotStopping++;
    this.leaveRotation(task);
    // the notice is the SIGTERM (knowledge-center/fargate-spot-termination-notice): the task
    // stops as any task does after SIGTERM, and is reclaimed at the end of the notice at the latest
    this.beginStopping(task, FARGATE_SPOT_NOTICE_MS);
    this.requestReconcile();
  }

  /**
   * A Fargate Spot notice reaches a task already leaving the service (deregistering after a
   * scale in, or after failing its health checks): the notice is its SIGTERM all the same,
   * and AWS reclaims the capacity at the end of the 2 minutes whatever the task was doing
   * (fargate-capacity-providers.html), so its deregistration delay is cut short. It already
   * no longer counts toward the desired count, so no replacement is started for it: the
   * service's own decision (the scale in, the replacement already started) stands.
   */
  fargateSpotNoticeWhileLeaving(task: Task): void {
    const world = this.world;
    this.spotInterruptions++;
    const was = task.state === 'DEACTIVATING' ? `while it deregisters (${task.stopReason})` : `while it leaves (${task.stopReason})`;
    world.log('spot-interruption', task.id, `FARGATE_SPOT reclaims ${task.id} ${was}: SIGTERM now, stopped when its containers exit (by stopTimeout, within 2 minutes); no replacement (it was already leaving the service)`);
    this.stateVersion++;
    // (a task on a draining instance awaits a replacement without a reason: it awaits none now;
    // Fargate tasks are never on one, so this only keeps the count right should that change)
    if (task.stopReason === null) this.awaitingReplacement--;
    task.stopReason = 'spot-interruption';
    task.reclaimedWhileLeaving = true;
    world.sim.cancel(task.timer);
    this.leaveRotation(task);
    this.beginStopping(task, FARGATE_SPOT_NOTICE_MS);
  }

  /** Capacity changed: PROVISIONING tasks try again, oldest first. */
  retryUnplaced(): void {
    const list = this.unplaced;
    // every task would fail again: they wait as they are
    if (list.length === 0 || this.retryWouldFailAll()) return;
    const only = this.onlyProvider;
    // in place: the tasks still waiting keep their order. Once one fails on a provider,
    // the rest of that provider's cannot fit either (nothing in this loop frees capacity).
    let blockedProvider: string | null = null;
    let w = 0;
    for (let i = 0; i < list.length; i++) {
      const task = list[i];
      const p = task.capacityProvider;
      if (p === blockedProvider) {
        list[w++] = task;
      } else if (this.blocked(p) || !this.tryPlace(task)) {
        blockedProvider = p;
        list[w++] = task;
        // one provider and none placed so far: the whole list waits as it is
        if (only !== null && w === i + 1) {
          w = list.length;
          break;
        }
      }
    }
    if (w < list.length) list.length = w; // (a runtime call even when unchanged)
  }

  // ------------------------------------------------------------------ DAEMON services

  /** One task on every ACTIVE instance that meets the constraints; the desired count is that number (as ECS reports it). */
  private reconcileDaemon(): void {
    const { place, lacking } = daemonPlacements(this.cluster.instances, this.requirements, this.constraints);
    for (const id of place) this.startTask(this.cluster.byId.get(id)!);
    let live = 0;
    for (const t of this.tasks) if (isLive(t)) live++;
    this.desiredCount = live + lacking.length;
    if (lacking.length > 0) this.daemonUnplaceable(lacking.map((l) => this.cluster.byId.get(l.instanceId)!));
    else if (this.lastUnplaceableMessage !== '') this.unplaceableResolved();
  }

  /**
   * The daemon task fits none of `lacking` (ACTIVE instances meeting its constraints, without
   * its task, short of a resource): ECS keeps the task pending there and says why in a
   * service event, as for a replica task (RESOURCE:MEMORY, the closest instance). Taken at
   * most once a minute while it lasts; a changed message is logged then, the same one again
   * after 6 hours (service-event-messages.html), and again once it was resolved in between.
   */
  private daemonUnplaceable(lacking: readonly Instance[], repeat = false): void {
    const world = this.world;
    if (!repeat && this.lastUnplaceableMessage !== '' && world.now - this.lastUnplaceableAt < 60_000) return;
    this.lastUnplaceableAt = world.now;
    const reason = describeUnplaceable(lacking, this.requirements, this.constraints);
    const message = reason.message;
    if (message === this.lastUnplaceableMessage && world.now - this.lastUnplaceableLoggedAt < SERVICE_EVENT_REPEAT_MS) return;
    this.lastUnplaceableMessage = message;
    this.lastUnplaceableLoggedAt = world.now;
    const n = lacking.length;
    world.log('task-unplaceable', this.name, unableToPlaceEvent(this.name, reason, [`DAEMON task pending on ${n} ${n === 1 ? 'instance' : 'instances'}`]));
    this.repeatUnplaceableIn(SERVICE_EVENT_REPEAT_MS);
  }

  // ------------------------------------------------------------------ end of run

  finish(): void {
    const world = this.world;
    for (const t of this.tasks) {
      if (t.runningAt !== null) this.runningMsTotal += world.now - t.runningAt;
      t.stopReason = t.stopReason ?? 'simulation-end';
      if (isCreated(t)) this.sink.taskStopped(t);
    }
  }
}

/** Tasks per Availability Zone (the spread(attribute:ecs.availability-zone) counts). */
class AzTaskCounts implements GroupValueCounts {
  readonly byAz = new Map<string, number>();

  add(az: string, delta: number): void {
    this.byAz.set(az, (this.byAz.get(az) ?? 0) + delta);
  }

  valueCounts(attribute: string): ReadonlyMap<string, number> | undefined {
    return attribute === AZ_ATTRIBUTE ? this.byAz : undefined;
  }
}

/**
 * A service's tasks per value of an attribute over every ACTIVE instance of the cluster: the
 * kept AZ counts, or a count over the instances for another attribute.
 */
class ClusterValueCounts implements GroupValueCounts {
  constructor(
    private readonly byAz: AzTaskCounts,
    private readonly instances: readonly Instance[],
    private readonly group: string,
  ) {}

  valueCounts(attribute: string): ReadonlyMap<string, number> {
    return attribute === AZ_ATTRIBUTE ? this.byAz.byAz : groupCountsByValue(this.instances, this.group, attribute);
  }
}

/** The packing order's use for these strategies (see ServiceRuntime.packing), or null. */
function packingOf(strategies: readonly CompiledStrategy[]): { field: 'cpu' | 'memory'; spread: boolean } | null {
  const types = strategies.map((c) => c.strategy);
  const last = types[types.length - 1];
  if (last === undefined || last.type !== 'binpack') return null;
  if (types.length === 1) return { field: last.field, spread: false };
  if (types.length === 2 && types[0].type === 'spread' && types[0].field === `attribute:${AZ_ATTRIBUTE}`) return { field: last.field, spread: true };
  return null;
}

/**
 * The instance a task is on, while that instance is registered: held on the task rather
 * than looked up in the cluster's byId. The TERMINATED test is defensive, as byId's lookup
 * was: a terminating instance's tasks are all stopped before it is marked TERMINATED.
 */
function hostOf(task: Task): Instance | undefined {
  const inst = task.instance;
  return inst !== null && inst.lifecycle !== 'TERMINATED' ? inst : undefined;
}

function onRebalancedHealthy(a: { svc: ServiceRuntime; task: Task }): void {
  a.svc.rebalancedHealthy(a.task);
}
function onUnplaceableRepeat(svc: ServiceRuntime): void {
  svc.repeatUnplaceable();
}
function onReconcile(svc: ServiceRuntime): void {
  svc.reconcile();
}
function onPending(a: { svc: ServiceRuntime; task: Task }): void {
  a.svc.toPending(a.task);
}
function onRunning(a: { svc: ServiceRuntime; task: Task }): void {
  a.svc.toRunning(a.task);
}
function onHealthy(a: { svc: ServiceRuntime; task: Task }): void {
  a.svc.enterRotation(a.task);
}
function onUnhealthy(a: { svc: ServiceRuntime; task: Task; health: TargetHealthTimeline; appStart: number }): void {
  a.svc.targetUnhealthy(a.task, a.health, a.appStart);
}
function onFailOpenCheck(svc: ServiceRuntime): void {
  svc.failOpenCheck();
}
function onPulling(a: { svc: ServiceRuntime; task: Task }): void {
  a.svc.startPulling(a.task);
}
function onApplicationStarted(svc: ServiceRuntime): void {
  svc.applicationStarted();
}
function onGracePeriodEnd(a: { svc: ServiceRuntime; task: Task; health: TargetHealthTimeline }): void {
  a.svc.gracePeriodEnded(a.task, a.health);
}
function onHealthyCheck(svc: ServiceRuntime): void {
  svc.healthyCheck();
}
function onDeregistered(a: { svc: ServiceRuntime; task: Task }): void {
  a.svc.beginStopping(a.task);
}
function onStopped(a: { svc: ServiceRuntime; task: Task }): void {
  a.svc.stopped(a.task);
}
function onFargateSpotNotice(a: { svc: ServiceRuntime; task: Task }): void {
  a.task.spotTimer = -1;
  if (a.task.state === 'RUNNING' && !a.task.leaving) a.svc.fargateSpotNotice(a.task);
  else if (a.task.state === 'RUNNING' || a.task.state === 'DEACTIVATING') a.svc.fargateSpotNoticeWhileLeaving(a.task);
  // STOPPING: its SIGTERM came before the notice, and it stops within its stopTimeout (at
  // most 120 s on Fargate), before the 2 minutes end: the notice changes nothing
}

/** 60000 -> "60 s", 125761 -> "125.8 s". */
function seconds(ms: number): string {
  return `${Number((ms / 1000).toFixed(1))} s`;
}

/** ECS's stopped reason for a task its target group reported unhealthy (the target group named after the service). */
function stoppedReason(service: string): string {
  return `Task failed ELB health checks in (target-group ${service})`;
}

/** The instance facts some memberOf expression reads (see InstanceFact), each once. */
function factsReadBy(constraints: readonly CompiledConstraint[]): InstanceFact[] {
  const reads = (pattern: RegExp) => constraints.some((c) => c.type === 'memberOf' && pattern.test(c.expression ?? ''));
  const facts: InstanceFact[] = [];
  if (reads(/runningTasksCount/i)) facts.push('runningTasksCount');
  if (reads(/task:group/i)) facts.push('task:group');
  return facts;
}
