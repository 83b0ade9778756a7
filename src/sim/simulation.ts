// One simulation run: builds the cluster, services, load models and scalers from a
// resolved scenario, drives the metric period loop, and returns the summary. Records
// stream to the sinks as they happen.

import { Cluster, type AutoScalingGroup } from './cluster.js';
import { ServiceRuntime } from './services.js';
import { scheduleRebalancingChecks } from './az-rebalancing.js';
import { World, PRIORITY } from './world.js';
import { WaitingServices } from './waiting-services.js';
import { walkFigures, walkMembers, type GroupMembers } from './group-tally.js';
import { buildServiceTrace } from './traces.js';
import { createServiceLoadModel } from '../workload/service/create.js';
import type { Trace } from '../workload/trace/index.js';
import { ManagedScaling } from '../model/capacity/managed-scaling.js';
import { ReservationDatapoints } from './reservation-datapoints.js';
import { reservationFromCounts, type ReservationEstimate } from '../model/capacity/reservation.js';
import { visibleMessages } from '../model/queue-metric.js';
import { SqsActivity } from './sqs-activity.js';
import { DEFAULT_ACTIVATION_METRICS_DELAY_MS, DEFAULT_INACTIVE_AFTER_MS } from '../workload/service/resolve-config.js';
import type { TaskRequirement } from '../model/capacity/pack-provisioning-tasks.js';
import { estimateRoom } from './daemon-reserve.js';
import type { ResolvedScenario } from '../scenario/index.js';
import { serviceMetricConstants, type ServiceMetricConstants } from './metric-constants.js';
import type { Task } from '../model/task.js';
import type { Instance } from '../model/instance.js';
import type { RunSinks, TaskRow } from './records.js';
import { ServiceSummary, round } from './summary.js';
import type { ServiceScalerPort } from './scaler-port.js';
import { createGroupScaler, createServiceScaler, type GroupTargetTracking } from './auto-scaling.js';
import { groupAverageCpu } from './group-cpu.js';
import { checkBookings } from './booking-check.js';
import type { PeriodStats } from '../workload/service/types.js';

export interface RunOptions {
  seed: number;
  /** Called now and then with the fraction of simulated time done. */
  onProgress?: (fraction: number) => void;
  /** Default true; false schedules every wake's reconcile (for the test that both runs are the same). */
  holdIdleWakes?: boolean;
  /**
   * Default false; true compares each Auto Scaling group's kept figures with a sum over its
   * instances every metric period and throws on a difference (tests: see group-tally.ts);
   * and checks each live instance's booked resources against the tasks on it, none
   * over-committed (booking-check.ts).
   */
  checkTallies?: boolean;
}

export interface RunResult {
  summary: Summary;
  eventsProcessed: number;
  simulatedMs: number;
}

export type Summary = ReturnType<Simulation['summary']>;

export function runSimulation(scenario: ResolvedScenario, sinks: RunSinks, options: RunOptions): RunResult {
  const s = simulationFor(scenario, sinks, options);
  s.run(options.onProgress);
  return s.result();
}

/**
 * runSimulation, awaiting `pause()` between the chunks it runs (the same chunks, so the same
 * run): a caller that passes a turn of the event loop lets a signal handler run during a
 * long run (Ctrl-C removing the run's temporary folder, bin.ts).
 */
export async function runSimulationPausing(scenario: ResolvedScenario, sinks: RunSinks, options: RunOptions, pause: () => Promise<void>): Promise<RunResult> {
  const s = simulationFor(scenario, sinks, options);
  s.begin();
  for (const t of s.chunkEnds()) {
    await pause();
    s.runChunk(t, options.onProgress);
  }
  s.end();
  return s.result();
}

function simulationFor(scenario: ResolvedScenario, sinks: RunSinks, options: RunOptions): Simulation {
  const s = new Simulation(scenario, sinks, options.seed, options.holdIdleWakes ?? true);
  s.checkTallies = options.checkTallies ?? false;
  return s;
}

interface ProviderStats {
  maxInstances: number;
  reservationSum: number;
  reservationCount: number;
}

export class Simulation {
  readonly world: World;
  readonly cluster: Cluster;
  readonly services: ServiceRuntime[] = [];
  readonly traces: (Trace | null)[] = [];
  readonly scalers: (ServiceScalerPort | null)[] = [];
  /** EC2 Auto Scaling target tracking on a group's own CPU, by group. */
  readonly groupScalers = new Map<string, GroupTargetTracking>();
  /** Each service's figures of the period being closed (valid until its next endPeriod). */
  private readonly lastStats: (PeriodStats | null)[] = [];
  /** Each queue service's SQS queue activity (sqs-activity.ts), null for the others. */
  private readonly sqsActivity: (SqsActivity | null)[] = [];
  readonly summaries: ServiceSummary[] = [];
  /** ECS managed scaling by group, with the CapacityProviderReservation datapoints not published yet. */
  readonly managed = new Map<string, { group: AutoScalingGroup; policy: ManagedScaling; unpublished: ReservationDatapoints; estimate: ReservationEstimate }>();
  readonly providerStats = new Map<string, ProviderStats>();
  private readonly usedFargateProviders: string[];
  private readonly periodMetrics = new PeriodMetrics();
  /** What each service's period metrics read of its configuration, looked up once (serviceMetrics runs per service per period). */
  private readonly metricConstants: ServiceMetricConstants[] = [];
  /** The tasks this period end kills for memory above their hard limit, with their memory (reused). */
  private readonly oomTasks: Task[] = [];
  private readonly oomMemory: number[] = [];
  /** See RunOptions.checkTallies. */
  checkTallies = false;
  /** The services capacity changes wake (DAEMON ones, and those with tasks waiting). */
  private readonly waiting: WaitingServices;

  constructor(scenario: ResolvedScenario, private readonly sinks: RunSinks, seed: number, holdIdleWakes = true) {
    const world = (this.world = new World(scenario, sinks, seed, holdIdleWakes));
    this.cluster = new Cluster(world, {
      instanceRegistered: () => this.onInstanceRegistered(),
      capacityFreed: () => {
        // every waiting service, in index order (the order this instant's reconciles run in);
        // a DAEMON service's reconcile runs before every replica reconcile of the instant
        // (PRIORITY.daemonReconcile), so a stopped daemon task's replacement takes its room
        // back before a waiting replica task can (model: one daemon task on each instance, its
        // room kept for it; docs/assumptions.md); a one-provider service whose provider did
        // not change does not retry (retryUnplaced)
        for (const i of this.waiting.current()) {
          const svc = this.services[i];
          if (svc.unplaced.length > 0 || (svc.daemon && svc.tasks.size < svc.desiredCount)) svc.wake();
        }
      },
      instanceDraining: (inst) => {
        // the services with tasks there, in index order (no other has anything to do)
        const indices = new Set<number>();
        for (const t of inst.tasks) indices.add(t.serviceIndex);
        for (const i of [...indices].sort((a, b) => a - b)) this.services[i].instanceDraining(inst);
      },
      drainDaemonTasks: (inst) => {
        // only DAEMON tasks are left there (checkDrained); those not yet being stopped stop
        for (const t of [...inst.tasks]) if (t.daemon && t.stopReason === null) this.services[t.serviceIndex].stopTask(t, 'instance-drained');
      },
      instanceFactChanged: (fact) => {
        // the waiting services whose memberOf reads the fact, in index order
        for (const i of this.waiting.current()) {
          const svc = this.services[i];
          if (svc.readsFacts.includes(fact) && (svc.unplaced.length > 0 || svc.daemon)) svc.wake();
        }
      },
      spotNotice: (inst) => {
        // every task still running there is interrupted (those already stopping are not)
        for (const t of inst.tasks) if (t.stopReason === null) this.services[t.serviceIndex].spotInterruptions++;
      },
      instanceTerminating: (inst, reason) => {
        for (const t of [...inst.tasks]) this.services[t.serviceIndex].kill(t, reason);
      },
    });
    this.waiting = new WaitingServices(scenario.services.length, (i) => {
      const svc = this.services[i];
      return svc.daemon || svc.unplaced.length > 0;
    });
    const taskSink = {
      startedWaiting: (i: number) => this.waiting.add(i),
      taskStopped: (t: Task) => {
        if (t.launchType === 'FARGATE' && t.runningAt !== null) this.addFargateRun(t.capacityProvider, (t.stoppedAt ?? this.world.now) - t.runningAt);
        sinks.task(taskRow(t));
      },
    };
    scenario.services.forEach((cfg, i) => {
      const svc = new ServiceRuntime(i, cfg, world, this.cluster, taskSink);
      this.services.push(svc);
      if (svc.daemon) this.waiting.add(i);
      this.summaries.push(new ServiceSummary());
      this.metricConstants.push(serviceMetricConstants(cfg, svc.requirements.memory));
      const workload = cfg.config.workload;
      const trace = workload ? buildServiceTrace(cfg.name, workload.requestRate, scenario, world.streams) : null;
      this.traces.push(trace);
      this.sqsActivity.push(
        workload?.type === 'queue'
          ? new SqsActivity(workload.inactiveAfter ?? DEFAULT_INACTIVE_AFTER_MS, workload.activationMetricsDelay ?? DEFAULT_ACTIVATION_METRICS_DELAY_MS)
          : null,
      );
      if (workload && trace) {
        svc.loadModel = createServiceLoadModel(
          {
            type: workload.type,
            perTask: workload.perTask,
            maxQueuePerTask: workload.maxQueuePerTask,
            messageRetentionPeriod: workload.messageRetentionPeriod,
            slo: workload.slo,
            fidelity: cfg.config.fidelity,
            routing: cfg.config.loadBalancer?.routing,
          },
          { sim: world.sim, trace, streams: world.streams, serviceName: cfg.name, fargate: cfg.strategy.some((s) => scenario.providers.get(s.capacityProvider)?.kind === 'fargate') },
        );
      }
      this.scalers.push(createServiceScaler(cfg, scenario));
    });
    // one periodic look for AZ rebalancing over every service that has it, in index order
    scheduleRebalancingChecks(world, this.services.filter((svc) => svc.rebalancer !== null));
    // the room a task leaving PROVISIONING frees goes to the services the quota held back
    world.provisioningQuota.serve = (i) => this.services[i].reconcile();
    const daemons = this.services.filter((svc) => svc.daemon).map((svc) => ({ requirements: svc.requirements, constraints: svc.constraints }));
    for (const group of this.cluster.groups.values()) {
      const ms = group.config.managedScaling;
      if (ms?.status === 'ENABLED') {
        const policy = new ManagedScaling({
          name: group.name,
          targetCapacity: ms.targetCapacity,
          minimumScalingStepSize: ms.minimumScalingStepSize,
          maximumScalingStepSize: ms.maximumScalingStepSize,
          instanceWarmupPeriodMs: ms.instanceWarmupPeriod,
          minSize: group.config.autoScalingGroup.minSize,
          maxSize: group.config.autoScalingGroup.maxSize,
        });
        // AWS: a scale out waits until every instance of the group has passed the warm-up
        // (managed-scaling-behavior.html), so every launch is the policy's to know of
        group.onLaunch = (tMs) => policy.noteLaunch(tMs);
        // the room a new instance leaves the waiting tasks once the DAEMON services' tasks are on it
        const room = estimateRoom(
          group.types.map((t, k) => ({ registered: group.registeredByType[k], attributes: (az: string) => group.attributesFor(t, az) })),
          scenario.scenario.cluster.availabilityZones,
          daemons,
          { largest: group.largestCapacity, smallest: group.smallestCapacity },
        );
        // M reads the target too (the part of N it keeps in use) and the step sizes (X
        // bounded by them, as AWS publishes the metric): reservation.ts
        const estimate = {
          largest: room.largest,
          smallest: room.smallest,
          targetCapacity: ms.targetCapacity,
          minimumScalingStepSize: ms.minimumScalingStepSize,
          maximumScalingStepSize: ms.maximumScalingStepSize,
        };
        this.managed.set(group.name, { group, policy, unpublished: new ReservationDatapoints(), estimate });
        group.scalingEstimate = estimate;
      }
      this.providerStats.set(group.name, { maxInstances: 0, reservationSum: 0, reservationCount: 0 });
      const gs = createGroupScaler(group.name, group.config, scenario);
      if (gs) this.groupScalers.set(group.name, gs);
    }
    this.usedFargateProviders = scenario.reportedProviders.filter((name) => scenario.providers.get(name)?.kind === 'fargate');
    for (const name of this.usedFargateProviders) this.providerStats.set(name, { maxInstances: 0, reservationSum: 0, reservationCount: 0 });
  }

  run(onProgress?: (fraction: number) => void): void {
    this.begin();
    for (const t of this.chunkEnds()) this.runChunk(t, onProgress);
    this.end();
  }

  /** Runs the events up to `t` (a chunk end) and reports the progress. */
  runChunk(t: number, onProgress?: (fraction: number) => void): void {
    this.world.sim.run(t);
    onProgress?.(t / this.world.durationMs);
  }

  /** What runSimulation returns, once the run has ended. */
  result(): RunResult {
    return { summary: this.summary(), eventsProcessed: this.world.sim.eventsProcessed, simulatedMs: this.world.durationMs };
  }

  /** What runs before the first event: groups reconciled, scalers and the metrics tick scheduled. */
  begin(): void {
    const world = this.world;
    const sim = world.sim;
    // warmStart: the initial instances register now (cluster.ts, launch)
    for (const g of this.cluster.groups.values()) g.reconcile(world.warmStart);
    this.services.forEach((svc, i) => {
      const scaler = this.scalers[i];
      if (scaler) {
        // the bounds in force at the start (the actions' firings before it, replayed: ServiceAutoScaler.firingsBeforeStart) and the
        // firings at time 0 apply before the service's first placement
        this.applyScaling(i, scaler.runInForceAtStart(svc.desiredCount));
        this.scheduleNextAction(i, 0);
      }
      svc.requestReconcile();
    });
    const period = world.periodMs;
    if (period <= world.durationMs) sim.schedule(period, onTick, this, PRIORITY.metricsTick);
  }

  /** The times the run stops at to report progress (about 100, whole metric periods, and the end). */
  chunkEnds(): number[] {
    const world = this.world;
    const period = world.periodMs;
    const chunk = Math.max(period, Math.floor(world.durationMs / 100 / period) * period);
    const ends: number[] = [];
    for (let t = 0; t < world.durationMs; ) {
      t = Math.min(world.durationMs, t + chunk);
      ends.push(t);
    }
    return ends;
  }

  /** What runs after the last event: services, groups and costs closed at the end. */
  end(): void {
    const world = this.world;
    for (const svc of this.services) svc.finish();
    for (const g of this.cluster.groups.values()) g.waiveNoticedAtEnd(world.durationMs);
    world.cost.stopAll(world.durationMs);
  }

  // ------------------------------------------------------------------ the metric period

  tick(t: number): void {
    const world = this.world;
    const from = t - world.periodMs;
    if (t + world.periodMs <= world.durationMs) world.sim.schedule(t + world.periodMs, onTick, this, PRIORITY.metricsTick);
    const services = this.services;
    for (let i = 0; i < services.length; i++) this.serviceMetrics(i, services[i], from, t);
    const visibleAt = t + world.scenario.scenario.metrics.publishDelay;
    if (this.hasScalers || this.groupScalers.size > 0) world.sim.schedule(visibleAt, onVisible, this, PRIORITY.alarms);
    // CapacityProviderReservation goes through CloudWatch like every other metric: the
    // alarms of the policy ECS puts on the group see this period's datapoint publishDelay later
    if (this.managed.size > 0) world.sim.schedule(visibleAt, onReservationVisible, this, PRIORITY.managedScaling);
    this.capacityMetrics(from, t);
    if (this.oomTasks.length > 0) this.killOutOfMemory();
  }

  /**
   * Kills the tasks whose memory over the period just closed passed their hard limit, after
   * every metric of the period has counted them (docs/assumptions.md: the mean over the
   * period stands for the peak, a simplification).
   */
  private killOutOfMemory(): void {
    const tasks = this.oomTasks;
    for (let k = 0; k < tasks.length; k++) {
      const t = tasks[k];
      this.services[t.serviceIndex].outOfMemory(t, this.oomMemory[k], this.metricConstants[t.serviceIndex].memoryLimit);
    }
    tasks.length = 0;
    this.oomMemory.length = 0;
  }

  /** Notes a task whose period memory passed its service's hard limit (killOutOfMemory kills it). */
  private overMemory(task: Task, memoryMiB: number): void {
    this.oomTasks.push(task);
    this.oomMemory.push(memoryMiB);
  }

  private serviceMetrics(i: number, svc: ServiceRuntime, from: number, to: number): void {
    const model = svc.loadModel;
    const stats = model ? model.endPeriod(from, to) : null;
    this.lastStats[i] = stats;
    const trace = this.traces[i];
    const { idleCpu: baseline, idleMemory, taskMemory, http, queue, slo, loadBalancer, memoryLimit: limit } = this.metricConstants[i];
    const m = this.periodMetrics;
    m.reset();
    // limit: tasks above it are killed at the period end (killOutOfMemory); memoryMiB.base is
    // at most the limit (checks.ts), so a task idling at the baseline never is
    const groups = stats?.inRotation;
    if (groups) {
      // the model's groups of tasks in rotation; of the other RUNNING tasks, those the load
      // balancer stopped failing open to in the period have their own figures (outOfRotation),
      // the rest have not entered rotation yet (a task leaving rotation otherwise stops being
      // RUNNING) and idle at the baseline
      let overLimit = false;
      for (let g = 0; g < groups.length; g++) {
        const st = groups.stats[g];
        const count = groups.count[g];
        m.add(st.cpuPercent, (st.memoryMiB / taskMemory) * 100, count);
        m.targets += count;
        m.targetRequests += count * st.requests;
        if (st.memoryMiB > limit) overLimit = true;
      }
      const out = stats.outOfRotation;
      const outCount = out !== undefined ? out.length : 0;
      for (let k = 0; k < outCount; k++) {
        const st = out!.stats[k];
        m.add(st.cpuPercent, (st.memoryMiB / taskMemory) * 100, 1);
        m.targetRequests += st.requests;
        if (st.memoryMiB > limit) overLimit = true;
      }
      // (less those the load balancer fails open to that serve, and the queue workers behind a
      // load balancer that pull before their target is healthy: in the model's rotation; and
      // those it stopped failing open to in the period: outOfRotation, never in rotation either)
      m.add(baseline, idleMemory, svc.runningBeforeRotation - svc.failOpenServing - svc.pullingBeforeRotation - outCount);
      if (overLimit) {
        // rare: find the tasks above the limit (in start order; one that never served idles
        // at memoryMiB.base, at most the limit)
        for (const task of svc.tasks) {
          if (task.state !== 'RUNNING') continue;
          const ts = stats.perTask.get(task.id);
          if (ts !== undefined && ts.memoryMiB > limit) this.overMemory(task, ts.memoryMiB);
        }
      }
    } else {
      const perTaskStats = stats !== null ? stats.perTask : null;
      for (const task of svc.tasks) {
        if (task.state !== 'RUNNING') continue;
        const ts = perTaskStats !== null ? perTaskStats.get(task.id) : undefined;
        if (ts) {
          m.add(ts.cpuPercent, (ts.memoryMiB / taskMemory) * 100, 1);
          if (ts.memoryMiB > limit) this.overMemory(task, ts.memoryMiB);
        } else m.add(baseline, idleMemory, 1);
        if (task.inRotation || task.failOpenRoute === 2) {
          m.targets++;
          m.targetRequests += ts?.requests ?? 0;
        } else if (ts !== undefined && ts.requests > 0) {
          // RUNNING, out of rotation, routed to in the period: the load balancer stopped
          // failing open to it (a task otherwise leaves rotation as it leaves RUNNING)
          m.targetRequests += ts.requests;
        }
      }
    }
    // the requests the load balancer failed open to targets whose application had not
    // started (502): received by the target group all the same
    const failedAtTargets = stats?.failedAtTargets ?? 0;
    if (failedAtTargets > 0) m.targetRequests += failedAtTargets;
    // the tasks that left RUNNING in the period (scaled in, unhealthy, drained, interrupted,
    // killed) count too, each once, over the part of the period it was RUNNING: ECS's service
    // metric is over the tasks that ran in the minute (service_utilization.html), and a
    // period in which all of them left still has its datapoint. The requests routed to them
    // until they left (a task leaves rotation as it leaves RUNNING; DEACTIVATING, it takes no
    // new request) were received by the target group too: RequestCountPerTarget's numerator
    // (load-balancer-cloudwatch-metrics.html: "the total number of requests received by the
    // target group"); its denominator stays the healthy targets at the period end
    const left = stats !== null ? stats.leftRunning : null;
    if (left !== null) {
      for (let k = 0; k < left.length; k++) {
        const st = left.stats[k];
        m.add(st.cpuPercent, (st.memoryMiB / taskMemory) * 100, 1);
        m.targetRequests += st.requests;
      }
    } else if (svc.leftRunningInPeriod > 0) m.add(baseline, idleMemory, svc.leftRunningInPeriod);
    svc.leftRunningInPeriod = 0;
    svc.metricPeriodFrom = to;
    const { n, cpuSum, cpuMin, cpuMax, memSum, memMin, memMax } = m;
    // only an http workload's requests go through the load balancer: a queue worker's
    // messages are pulled from the queue, never seen by it (its figures above are the
    // messages processed), so a queue service's target group receives none
    const targetRequests = http ? m.targetRequests : 0;
    // RequestCountPerTarget (elasticloadbalancing/latest/application/load-balancer-cloudwatch-
    // metrics.html): "the total number of requests received by the target group, divided by
    // the number of healthy targets in the target group. If there are no healthy targets in
    // the target group, it is divided by the total number of registered targets." With no
    // task in rotation (healthy) at the period end, requests flowed only through fail-open:
    // every RUNNING task is a registered target (initial, unhealthy, or marked unhealthy)
    // (none RUNNING at the end, every request routed to tasks that left: nothing to divide
    // by, AWS says nothing of a group with no registered target: no datapoint, *model*)
    const targets = svc.inRotationCount === 0 && targetRequests > 0 ? svc.running : m.targets;
    // A period that routed no request: 0 while the target group has a registered target at
    // the period end (a RUNNING task: healthy, or initial or unhealthy, when the definition
    // divides by the registered targets), as target tracking sees it ("When a metric emits
    // real 0 values to CloudWatch (for example, ALBRequestCountPerTarget), Application Auto
    // Scaling can scale in to 0 when there is no traffic": application-auto-scaling-target-
    // tracking.html, and EC2 Auto Scaling's as-scaling-target-tracking.html), though the ELB
    // metrics page says a metric with no requests "is not reported" (docs/assumptions.md).
    // With no registered target (none RUNNING; a draining one is deregistering): no datapoint
    // (*model*: nothing to divide by), so alarms on it see missing data. The datapoint (Sum
    // over the period, one sample), also timeseries.csv's request_count_per_target for a
    // service with a load balancer
    const perTarget = targetRequests > 0 ? (targets > 0 ? targetRequests / targets : null) : svc.running > 0 ? 0 : null;
    const pending = svc.starting;
    const running = svc.running;
    const cpu = n > 0 ? cpuSum / n : null;
    const memory = n > 0 ? memSum / n : null;
    // an inactive SQS queue sends no metrics, nor one activated less than
    // activationMetricsDelay ago (sqs-activity.ts); the tasks RUNNING in the period poll it
    const sqs = this.sqsActivity[i];
    const sqsSends = sqs === null || this.sqsPeriod(sqs, svc, from, to, (stats?.offered ?? 0) > 0 || (stats?.backlog ?? 0) > 0, Math.max(n, running));
    const scaler = this.scalers[i];
    if (scaler) {
      if (n > 0) {
        // n: the tasks averaged, RUNNING at the end or for part of the period ("Number of
        // tasks in the service" of AmazonECS service_utilization.html's formula), also what
        // target tracking needs in a cooldown
        scaler.putDatapoint(from, 'CPUUtilization', cpuSum, cpuMin, cpuMax, n, n);
        scaler.putDatapoint(from, 'MemoryUtilization', memSum, memMin, memMax, n, n);
      }
      if (perTarget !== null) scaler.putDatapoint(from, 'RequestCountPerTarget', perTarget, perTarget, perTarget, 1, targets);
      if (stats?.backlog !== undefined && sqsSends) {
        // the queue's own metric (AWS/SQS): one sample a minute of the visible messages,
        // reported for an active queue whatever its consumers (sqs-available-cloudwatch-
        // metrics.html), so alarms on it see data with 0 tasks RUNNING: the period-end
        // backlog, one sample per period, a whole number of messages (visibleMessages: the
        // fluid model's expected count rounded); no task count (NaN)
        const q = visibleMessages(stats.backlog);
        // BacklogPerTask is that metric over the RUNNING tasks, as AWS's metric math
        // computes it (ApproximateNumberOfMessagesVisible / RunningTaskCount: application-
        // auto-scaling-target-tracking-metric-math.html): the same whole count, so the two
        // agree (not the fluid model's unrounded expected count)
        if (running > 0) {
          const v = q / running;
          scaler.putDatapoint(from, 'BacklogPerTask', v, v, v, 1, running);
        }
        scaler.putDatapoint(from, 'ApproximateNumberOfMessagesVisible', q, q, q, 1, NaN);
      }
    }
    const sum = this.summaries[i];
    const seconds = (to - from) / 1000;
    const offered = stats?.offered ?? 0;
    const served = stats?.served ?? 0;
    const dropped = stats?.rejected ?? 0;
    sum.desired.push(svc.desiredCount);
    if (cpu !== null) sum.cpu.push(cpu);
    if (memory !== null) sum.memory.push(memory);
    sum.offered += offered;
    sum.served += served;
    sum.dropped += dropped;
    if (slo && stats && model) {
      const target = slo.latencyP95;
      // besides a p95 over the target: an http period that served nothing of what was offered
      // (no request met the target), and a queue whose oldest waiting message is already late
      const latencyBad =
        target !== undefined &&
        ((stats.latencyP95Ms !== null && stats.latencyP95Ms > target) ||
          (queue ? model.backlogOlderThan(target, to) : offered > 0 && served === 0));
      const errorBad = slo.errorRate !== undefined && offered > 0 && (dropped / offered) * 100 > slo.errorRate;
      if (latencyBad || errorBad) sum.sloViolationMs += to - from;
    }
    this.sinks.timeseries({
      time: from,
      service: svc.name,
      // the arrivals counted in the period over its length: with fidelity: request a period
      // with none reads 0 (so the column's mean is the run's arrivals over its duration);
      // fluid's offered is the trace's expected count, so this is the trace's mean rate
      requestRate: trace ? offered / seconds : 0,
      desiredCount: svc.desiredCount,
      runningCount: running,
      pendingCount: pending,
      cpuUtilization: cpu,
      memoryUtilization: memory,
      requestsServed: served,
      requestsDropped: dropped,
      latencyP50Ms: stats?.latencyP50Ms ?? null,
      latencyP95Ms: stats?.latencyP95Ms ?? null,
      latencyP99Ms: stats?.latencyP99Ms ?? null,
      minCapacity: svc.minCapacity,
      maxCapacity: svc.maxCapacity,
      queued: stats?.waiting ?? 0,
      backlog: stats?.backlog ?? null,
      // no load balancer: no target group, no RequestCountPerTarget metric
      requestCountPerTarget: loadBalancer ? perTarget : null,
    });
  }

  /** Closes the period of a queue's SQS activity, logging its event; whether SQS sends the period's datapoints. */
  private sqsPeriod(sqs: SqsActivity, svc: ServiceRuntime, from: number, to: number, messages: boolean, tasks: number): boolean {
    const sends = sqs.period(from, to, messages, tasks);
    if (sqs.event !== null) this.world.log(sqs.event.type, svc.name, sqs.event.message);
    return sends;
  }

  private capacityMetrics(from: number, to: number): void {
    const world = this.world;
    for (const group of this.cluster.groups.values()) {
      const stats = this.providerStats.get(group.name)!;
      const f = group.tally.figures;
      if (this.checkTallies) {
        checkTally(group);
        checkBookings(group.live, (t) => this.services[t.serviceIndex].requirements);
      }
      // n, busy: N and the busy part of M of CapacityProviderReservation (see reservation())
      const { pending: pendingInstances, running, draining, n, busy } = f;
      const { cpuRegistered: cpuReg, cpuReserved: cpuRes, memoryRegistered: memReg, memoryReserved: memRes } = f;
      const gs = this.groupScalers.get(group.name);
      if (gs) {
        // over the group's InService instances past the policy's warm-up for the whole period
        // (none: no datapoint)
        const cpu = groupAverageCpu(group.live, group.toTerminate, (inst) => gs.warmingDuring(inst, from), this.cpuUsedOn);
        if (cpu.percent === cpu.percent) gs.putDatapoint(from, cpu.percent, cpu.instances);
      }
      const provisioning = this.provisioningTasks(group.name);
      const r = group.managedScaling ? this.reservation(group, n, busy, provisioning) : null;
      // every waiting task too large for the smallest type: the metric stays at targetCapacity
      const allIncompatible = r !== null && provisioning.length > 0 && r.incompatibleTasks === provisioning.length;
      const published = r === null ? null : allIncompatible ? (group.config.managedScaling?.targetCapacity ?? 100) : r.reservation;
      const tasksRunning = world.runningByProvider.get(group.name) ?? 0;
      stats.maxInstances = Math.max(stats.maxInstances, running + draining + pendingInstances);
      if (published !== null) {
        stats.reservationSum += published;
        stats.reservationCount++;
      }
      this.sinks.capacity({
        time: from,
        capacityProvider: group.name,
        instancesPending: pendingInstances,
        instancesRunning: running,
        instancesDraining: draining,
        tasksProvisioning: provisioning.length,
        tasksRunning,
        cpuRegistered: cpuReg,
        cpuReserved: cpuRes,
        memoryRegistered: memReg,
        memoryReserved: memRes,
        capacityProviderReservation: published,
        desiredCapacity: group.desiredCapacity,
        costToDate: world.cost.costToDate(group.name, to),
      });
      // M and N as they were when the period closed; managed scaling acts on them once published
      if (r) this.managed.get(group.name)?.unpublished.push(r.m, r.n, allIncompatible, r.waitingInstances, r.boundedInstances);
    }
    for (const name of this.usedFargateProviders) {
      const provisioning = world.provisioningByProvider.get(name) ?? 0;
      const running = world.runningByProvider.get(name) ?? 0;
      const reserved = world.reservedByProvider.get(name) ?? { cpu: 0, memory: 0 };
      const cpuRes = reserved.cpu;
      const memRes = reserved.memory;
      const stats = this.providerStats.get(name)!;
      stats.maxInstances = Math.max(stats.maxInstances, running);
      this.sinks.capacity({
        time: from,
        capacityProvider: name,
        instancesPending: 0,
        instancesRunning: 0,
        instancesDraining: 0,
        tasksProvisioning: provisioning,
        tasksRunning: running,
        cpuRegistered: cpuRes,
        cpuReserved: cpuRes,
        memoryRegistered: memRes,
        memoryReserved: memRes,
        capacityProviderReservation: null,
        desiredCapacity: null,
        costToDate: world.cost.costToDate(name, to),
      });
    }
  }

  /** Reused by provisioningTasks (read before the next call). */
  private readonly provisioningScratch: TaskRequirement[] = [];

  /**
   * What the PROVISIONING tasks assigned to an Auto Scaling group provider need, one
   * entry per task in service order (each service's tasks share one object). The array
   * is reused: valid until the next call.
   */
  private provisioningTasks(provider: string): readonly TaskRequirement[] {
    const out = this.provisioningScratch;
    if (out.length > 0) out.length = 0; // (a runtime call even when already empty)
    for (const i of this.waiting.current()) {
      const svc = this.services[i];
      const need = svc.provisioningRequirement;
      for (const t of svc.unplaced) if (t.capacityProvider === provider) out.push(need);
    }
    return out;
  }

  /**
   * CapacityProviderReservation from the counts capacityMetrics takes in its pass over the
   * group: N = ACTIVE or DRAINING instances not being terminated, `busy` = those of them
   * running a non-daemon task. The waiting tasks are packed onto the room a new instance
   * leaves them next to the DAEMON services' tasks (daemon-reserve.ts); M reads the
   * provider's targetCapacity too.
   */
  private reservation(group: AutoScalingGroup, n: number, busy: number, provisioning: readonly TaskRequirement[]) {
    return reservationFromCounts(n, busy, provisioning, this.managed.get(group.name)!.estimate);
  }

  // ------------------------------------------------------------------ scaling

  /**
   * The CPU units an instance's RUNNING tasks used over the period just closed (their
   * CPUUtilization times their reservation), for ASGAverageCPUUtilization (group-cpu.ts).
   */
  private readonly cpuUsedOn = (inst: Instance): number => {
    const periodMs = this.world.periodMs;
    let used = 0;
    for (const t of inst.tasks) {
      if (t.state !== 'RUNNING') continue;
      const stats = this.lastStats[t.serviceIndex];
      const ts = !stats ? undefined : t.enteredRotation ? (stats.uniformTaskStats ?? stats.perTask.get(t.id)) : stats.perTask.get(t.id);
      // a task's figure averages over the part of the period it ran: the CPU it used in the
      // period is that share of it
      if (ts) used += (ts.cpuPercent / 100) * t.cpu * (ts.aliveMs < periodMs ? ts.aliveMs / periodMs : 1);
      else used += ((this.services[t.serviceIndex].config.config.workload?.perTask.cpuBaseline ?? 0) / 100) * t.cpu;
    }
    return used;
  };

  /** A period's datapoints became visible: every service's and group's alarms and policies run. */
  visible(): void {
    for (const [name, gs] of this.groupScalers) {
      const group = this.cluster.groups.get(name)!;
      const now = this.world.now;
      const r = gs.evaluate(now, group.desiredCapacity);
      for (const e of r.events) this.world.log(e.type, e.subject, e.message);
      if (r.desiredCapacity !== group.desiredCapacity) {
        // the instances a scale out launches are pushed onto group.live: they warm up from now
        const before = group.live.length;
        group.setDesired(r.desiredCapacity);
        if (group.live.length > before) gs.launched(group.live.slice(before), now);
      }
    }
    for (let i = 0; i < this.scalers.length; i++) {
      const scaler = this.scalers[i];
      if (!scaler) continue;
      const r = scaler.evaluate(this.world.now, this.services[i].desiredCount);
      if (r.events.length > 0 || r.desiredCount !== this.services[i].desiredCount) this.applyScaling(i, r);
    }
  }

  /**
   * The oldest unpublished CapacityProviderReservation datapoint of each managed group became
   * visible: the target tracking policy ECS put on the group acts on it now. The warm-up and
   * the scale-in delay are measured to now (the policy's launches happen now too).
   */
  reservationVisible(): void {
    const world = this.world;
    for (const { group, policy, unpublished } of this.managed.values()) {
      const m = unpublished.oldestM;
      const n = unpublished.oldestN;
      const atTarget = unpublished.oldestAtTarget;
      const x = unpublished.oldestX;
      const xBounded = unpublished.oldestXBounded;
      unpublished.shift();
      const decision = policy.onMetric(world.now, m, n, group.desiredCapacity, group.notRemovableCount(), atTarget, x, xBounded);
      if (decision && decision.desired !== group.desiredCapacity) {
        // the decision is logged before the launches and terminations it causes
        world.log('scaling-activity', group.name, decision.message);
        group.setDesired(decision.desired);
      }
    }
  }

  private get hasScalers(): boolean {
    return this.scalers.some((s) => s !== null);
  }

  private applyScaling(i: number, r: { desiredCount: number; events: import('./scaler-port.js').ScalingEvent[] }): void {
    const svc = this.services[i];
    const scaler = this.scalers[i]!;
    for (const e of r.events) {
      this.world.log(e.type, e.subject, e.message);
      if (e.type === 'scaling-activity') {
        if (e.direction === 'out') this.summaries[i].scaleOut++;
        else if (e.direction === 'in') this.summaries[i].scaleIn++;
      }
    }
    svc.minCapacity = scaler.minCapacity;
    svc.maxCapacity = scaler.maxCapacity;
    svc.setDesiredCount(r.desiredCount);
  }

  scheduleNextAction(i: number, after: number): void {
    const scaler = this.scalers[i];
    const next = scaler?.nextScheduledTime(after);
    // a firing at the end itself is not run: the run's last row, explain and the report end
    // there (the metric periods end before it), so they could not show it (as a step's `at`)
    if (next === null || next === undefined || next >= this.world.durationMs) return;
    this.world.sim.schedule(Math.max(next, this.world.now), onScheduledAction, { s: this, i, t: next }, PRIORITY.scheduledActions);
  }

  scheduledAction(i: number, t: number): void {
    const r = this.scalers[i]!.runScheduledActions(this.world.now, this.services[i].desiredCount);
    this.applyScaling(i, r);
    this.scheduleNextAction(i, t);
  }

  // ------------------------------------------------------------------ cluster events

  private onInstanceRegistered(): void {
    const waiting = this.waiting.current();
    for (const i of waiting) {
      if (this.services[i].daemon) this.services[i].requestReconcile();
    }
    // daemon tasks go first (ECS places them before service tasks); retries follow the reconcile
    for (const i of waiting) {
      const svc = this.services[i];
      if (!svc.daemon && svc.unplaced.length > 0) svc.wake();
    }
  }

  // ------------------------------------------------------------------ summary

  summary() {
    const world = this.world;
    const sc = world.scenario.scenario;
    const services: Record<string, unknown> = {};
    this.services.forEach((svc, i) => {
      const s = this.summaries[i];
      // quantiles of every request served over the run (the service model keeps their distribution)
      const lat = (q: number) => {
        const v = svc.loadModel ? svc.loadModel.runLatencyQuantile(q) : null;
        return v === null ? null : round(v, 2);
      };
      services[svc.name] = {
        taskHours: round(svc.runningMsTotal / 3_600_000),
        desiredCount: s.desired.stats(svc.desiredCount),
        cpuUtilization: s.cpu.stats(),
        memoryUtilization: s.memory.stats(),
        requests: { offered: Math.round(s.offered), served: Math.round(s.served), dropped: Math.round(s.dropped) },
        latencyMs: { p50: lat(0.5), p95: lat(0.95), p99: lat(0.99) },
        sloViolationMinutes: round(s.sloViolationMs / 60_000, 2),
        scalingActivities: { out: s.scaleOut, in: s.scaleIn },
        tasksStarted: svc.tasksStarted,
        tasksStopped: svc.tasksStopped,
        spotInterruptions: svc.spotInterruptions,
      };
    });
    const capacityProviders: Record<string, unknown> = {};
    for (const [name, stats] of this.providerStats) {
      const group = this.cluster.groups.get(name);
      capacityProviders[name] = group
        ? {
            instanceHours: round(group.instanceHours(world.durationMs)),
            maxInstances: stats.maxInstances,
            meanReservation: stats.reservationCount > 0 ? round(stats.reservationSum / stats.reservationCount, 2) : null,
          }
        : { taskHours: round(this.fargateTaskHours(name)), maxTasks: stats.maxInstances };
    }
    // total: the sum of the rounded byProvider figures (rounded again, which only removes
    // the float error of the sum), so that total = Σ byProvider holds in the file, as a
    // script checks it; the sum of the unrounded costs could round a millionth away from it
    const byProvider: Record<string, number> = {};
    let total = 0;
    for (const name of this.providerStats.keys()) {
      byProvider[name] = round(world.cost.costToDate(name, world.durationMs), 6);
      total += byProvider[name];
    }
    return {
      scenario: sc.name,
      cluster: sc.cluster.name,
      seed: world.streams.seed,
      durationSeconds: world.durationMs / 1000,
      services,
      capacityProviders,
      cost: { currency: 'USD', total: round(total, 6), byProvider },
    };
  }

  private readonly fargateRunningMs = new Map<string, number>();

  private addFargateRun(provider: string, ms: number): void {
    this.fargateRunningMs.set(provider, (this.fargateRunningMs.get(provider) ?? 0) + ms);
  }

  private fargateTaskHours(provider: string): number {
    return (this.fargateRunningMs.get(provider) ?? 0) / 3_600_000;
  }
}

/** One period's per-task figures of a service, accumulated without allocating. */
class PeriodMetrics {
  n = 0;
  cpuSum = 0;
  cpuMin = Infinity;
  cpuMax = -Infinity;
  memSum = 0;
  memMin = Infinity;
  memMax = -Infinity;
  targets = 0;
  targetRequests = 0;

  reset(): void {
    this.n = this.cpuSum = this.memSum = this.targets = this.targetRequests = 0;
    this.cpuMin = this.memMin = Infinity;
    this.cpuMax = this.memMax = -Infinity;
  }

  /** `count` tasks at these utilizations. */
  add(cpu: number, memory: number, count: number): void {
    if (count <= 0) return;
    this.n += count;
    this.cpuSum += cpu * count;
    this.memSum += memory * count;
    if (cpu < this.cpuMin) this.cpuMin = cpu;
    if (cpu > this.cpuMax) this.cpuMax = cpu;
    if (memory < this.memMin) this.memMin = memory;
    if (memory > this.memMax) this.memMax = memory;
  }
}

function taskRow(t: Task): TaskRow {
  return {
    taskId: t.id,
    service: t.service,
    capacityProvider: t.capacityProvider,
    launchType: t.launchType,
    instanceId: t.instance?.id ?? null,
    availabilityZone: t.availabilityZone,
    created: t.createdAt,
    running: t.runningAt,
    stopped: t.stoppedAt,
    stopReason: t.stopReason,
    pending: t.pendingAt,
  };
}

function onTick(s: Simulation, t: number): void {
  s.tick(t);
}
function onVisible(s: Simulation): void {
  s.visible();
}
function onReservationVisible(s: Simulation): void {
  s.reservationVisible();
}
function onScheduledAction(a: { s: Simulation; i: number; t: number }): void {
  a.s.scheduledAction(a.i, a.t);
}

/**
 * Throws when a group's kept figures, or the counts its scaling reads, differ from a walk
 * over its instances (RunOptions.checkTallies). Scale in's shortcut is checked against the
 * loop it replaced.
 */
function checkTally(group: AutoScalingGroup): void {
  const chosen = (inst: Instance) => group.toTerminate.has(inst);
  const walked = walkFigures(group.live, chosen);
  let mayScaleIn = false;
  for (const i of group.live) if (!chosen(i) && !i.protectedFromScaleIn) mayScaleIn = true;
  const expected = JSON.stringify({ ...walked, liveCount: walked.staying, removableCount: walked.removable, mayScaleIn });
  const kept = JSON.stringify({ ...group.tally.figures, liveCount: group.liveCount(), removableCount: group.removableCount(), mayScaleIn: group.mayScaleIn() });
  if (kept !== expected) throw new Error(`internal: ${group.name}'s kept figures ${kept} differ from a walk over its instances ${expected}`);
  const keptMembers = JSON.stringify(membersAsText(group.tally));
  const walkedMembers = JSON.stringify(membersAsText(walkMembers(group.live, chosen)));
  if (keptMembers !== walkedMembers) throw new Error(`internal: ${group.name}'s kept members ${keptMembers} differ from a walk over its instances ${walkedMembers}`);
}

/** Members in a form to compare: AZ counts by AZ (zeros left out), unprotected ones in launch order, launching ones as kept. */
function membersAsText(m: GroupMembers) {
  return {
    stayingByAz: [...m.stayingByAz].filter(([, n]) => n !== 0).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)),
    unprotected: [...m.unprotected].sort((a, b) => a.launchOrder - b.launchOrder).map((i) => i.id),
    launching: [...m.launching].map((i) => i.id),
  };
}
