// The service performance model's configuration and its contract with the simulation
// (the ServiceLoadModel interface the lead's task lifecycle drives).

import type { Distribution, RandomStreams, Simulator } from '../../engine/index.js';

/** `services.*.workload` plus the service-level keys the model needs. Durations in ms. */
export interface ServiceWorkloadConfig {
  type: 'http' | 'queue';
  perTask: {
    /** Requests/s a task serves at 100 % of its reserved CPU; http only (refused on queue workloads). Default concurrency / mean(serviceTime). */
    capacityRps?: number;
    /** Percent of the task's CPU used with no load. Default 0. */
    cpuBaseline?: number;
    memoryMiB?: { base: number; perRps: number };
    /** Requests (or messages) a task serves at once. Default 1. */
    concurrency?: number;
    /** Service time of one request in ms. Default exponential with mean concurrency / capacityRps. */
    serviceTime?: Distribution;
    /** Queue services: percent of task CPU per busy slot. Default (100 - cpuBaseline) / concurrency. */
    cpuPerBusySlot?: number;
  };
  /** Waiting requests a task holds beyond its busy slots; more are rejected (HTTP 503). http only. */
  maxQueuePerTask?: number;
  /**
   * Queue services: SQS's MessageRetentionPeriod (ms): a message still waiting this long
   * after it was sent is deleted (counted rejected: dropped). Default 4 days. Queue only.
   */
  messageRetentionPeriod?: number;
  slo?: { latencyP95?: number; errorRate?: number };
  /** `services.*.fidelity`. Default fluid. */
  fidelity?: 'fluid' | 'request';
  /** `services.*.loadBalancer.routing`. Default round-robin. */
  routing?: 'round-robin' | 'least-outstanding' | 'random';
}

/** The request-rate trace: requests (messages) per second; times in simulated ms. */
export interface RateTrace {
  rateAt(timeMs: number): number;
  /** Mean rate over [fromMs, toMs). */
  meanRate(fromMs: number, toMs: number): number;
}

export interface ServiceModelContext {
  sim: Simulator;
  trace: RateTrace;
  streams: RandomStreams;
  serviceName: string;
  /** Fargate caps CPUUtilization at 100 % of the reservation; EC2 may exceed it. */
  fargate: boolean;
}

export interface ServiceLoadModel {
  /** A task entered (true) or left (false) the load balancer's rotation (healthy and
   *  registered; or, for queue services, RUNNING and polling). */
  setInRotation(taskId: string, inRotation: boolean, timeMs: number): void;
  /**
   * The load balancer fails open (every registered target unhealthy) and routes to this task
   * (true) or no longer does (false), while its application has not started: the requests
   * routed to it fail at once (a 502 from the load balancer) and count as rejected. It takes
   * its share of the arrivals as a target in rotation would (setInRotation); a task is never
   * in rotation and failing at once. Only http services with a load balancer.
   */
  setFailing(taskId: string, failing: boolean, timeMs: number): void;
  /** The task stopped for good: its queued/in-flight requests are lost (count them as
   *  rejected/dropped) or — for queue services — messages return to the queue. */
  removeTask(taskId: string, timeMs: number): void;
  /**
   * The task left RUNNING at timeMs (to DEACTIVATING, STOPPING or STOPPED; the simulation
   * takes it out of rotation first). The next endPeriod lists its figures over the part of
   * that period it was RUNNING (`leftRunning`), even when removeTask came in between; none
   * when it was RUNNING 0 ms of that period.
   */
  leftRunning(taskId: string, timeMs: number): void;
  /** Close the metric period [fromMs, toMs): returns the period's figures. The returned
   *  object (and its perTask map) is reused by the next call: copy what you keep. */
  endPeriod(fromMs: number, toMs: number): PeriodStats;
  /**
   * The p-quantile of the latency of every request served in the periods closed so far:
   * the request-level distribution over the run (summary.json's latencyMs), not a quantile
   * of the per-period quantiles. null when none was served.
   */
  runLatencyQuantile(p: number): number | null;

  /**
   * Queue services, after endPeriod(_, atMs): whether the oldest visible message (waiting,
   * not in flight) has waited longer than ageMs at atMs. False with no visible message and
   * for http services.
   */
  backlogOlderThan(ageMs: number, atMs: number): boolean;
}

export interface TaskPeriodStats {
  /** % of the task's reserved CPU. */
  cpuPercent: number;
  /** base + perRps x served requests/s. */
  memoryMiB: number;
  /** Requests routed to the task in the period (served or not); queue services: messages it took. */
  requests: number;
  /**
   * The part of the period the figures above cover, ms: from when the model learnt of the
   * task (setInRotation, either value: the simulation calls it at RUNNING) or the period
   * start, to the period end. cpuPercent and memoryMiB are averages over this span.
   */
  aliveMs: number;
}

export interface PeriodStats {
  /** Requests that arrived in the period. */
  offered: number;
  /** Requests completed in the period. */
  served: number;
  /**
   * Requests rejected (503: no task in rotation or task queue full), failed at a target the
   * load balancer fails open to before its application started (502), or lost with a
   * stopped task; queue services: the messages deleted once older than the queue's
   * MessageRetentionPeriod (expired).
   */
  rejected: number;
  /**
   * Accepted but not completed at period end (waiting + in service; fluid: the fluid backlog,
   * which is all waiting: fluid completes what it serves). Conserved: offered = served +
   * rejected + the change in queued.
   */
  queued: number;
  /**
   * Waiting for a slot at period end, not in service: http, in the tasks' queues; queue
   * services, the visible messages (= backlog). Fluid: queued plus the stationary queue of the
   * requests served without a fluid backlog (Little: admitted rate x mean wait), an expected
   * count. The `requests_queued` column.
   */
  waiting: number;
  latencyP50Ms: number | null;
  latencyP95Ms: number | null;
  latencyP99Ms: number | null;
  /** Mean latency of the period's completed requests. */
  latencyMeanMs: number | null;
  /** Fraction of started requests that waited for a slot (request fidelity; fluid: model value). */
  waitedFraction: number | null;
  /** Mean wait for a slot, ms (request fidelity; fluid: model value). */
  meanWaitMs: number | null;
  perTask: Map<string, TaskPeriodStats>;
  /**
   * Fluid fidelity: when non-null, every entry of `perTask` is this very object (all tasks
   * the model knows had identical figures this period), so a caller may skip the per-task
   * lookups. `perTask`'s keys are the tasks given to setInRotation (either value) and not
   * given to removeTask, up to the period end. null when tasks differ or `perTask` is
   * empty; undefined (request fidelity) means "not computed". Reused like `perTask`.
   */
  uniformTaskStats?: TaskPeriodStats | null;
  /** Queue services: visible messages (waiting, not in flight) at period end (fluid: = waiting). */
  backlog?: number;
  /**
   * Fluid fidelity: the figures of the tasks in rotation at the period end, as groups of
   * tasks sharing one stats object (the steady cohort, then the others one by one), so a
   * caller needs no per-task lookups. undefined (request fidelity) means "not computed".
   * Reused like `perTask`.
   */
  inRotation?: RotationGroups;
  /**
   * The tasks that left RUNNING in the period (leftRunning), each with its figures over the
   * part of the period it was RUNNING (aliveMs, > 0): `stats[i]` for i < length, in the
   * order they left. Reused like `perTask`.
   */
  leftRunning: TaskStatsList;
  /**
   * Requests routed in the period to targets the load balancer fails open to whose
   * application had not started (setFailing): each failed (502), counted in `rejected` too.
   * The load balancer's RequestCountPerTarget counts them (received by the target group).
   * undefined: none (a model that never fails open).
   */
  failedAtTargets?: number;
  /**
   * Fluid fidelity: the tasks RUNNING at the period end and out of rotation that the load
   * balancer stopped failing open to in the period (routed to until then), each with its own
   * figures over the part of the period it ran (not idle: it served, then worked off what it
   * held). Not in `inRotation`. undefined (request fidelity) means "not computed". Reused
   * like `perTask`.
   */
  outOfRotation?: TaskStatsList;
}

/** A reused list of task figures: `stats[i]` for i < length. */
export interface TaskStatsList {
  length: number;
  stats: TaskPeriodStats[];
}

/** Tasks in rotation: `count[i]` tasks with the figures `stats[i]`, for i < length. */
export interface RotationGroups {
  length: number;
  stats: TaskPeriodStats[];
  count: number[];
}
