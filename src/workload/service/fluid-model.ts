// Fluid fidelity: no per-request events. Each metric period, the trace's mean rate is
// split over the tasks in rotation, each task serves up to its capacity, the excess waits
// in a fluid queue (per task for http, shared for queue services) and, beyond
// maxQueuePerTask, is rejected. A small queue also rejects by chance below capacity (and
// serves less than capacity above it): the stationary M/M/c/K loss on top of the fluid
// (buffer-loss.ts). Latency comes from queueing formulas (fluid-latency.ts).
//
// Cost: tasks that were in rotation for the whole period with the same backlog are
// indistinguishable (every routing gives them equal shares), so they form one "steady
// cohort" handled once per period and sharing one TaskPeriodStats object in `perTask`.
// Only tasks that changed (entered or left rotation, removed, different backlog) are
// handled one by one; a task joins the cohort at the end of a period in which it was in
// rotation with the cohort's backlog. In steady state a period costs O(1), not O(tasks).

import { ArrivalCurve } from './arrival-curve.js';
import { cpuPercent, memoryMiB } from './cpu.js';
import { backlogSeen, copyRange, fitServedTo, flatRange, fullRange, newBacklogSeen, newQueueRange, rangeKnown, sameRange, type QueueRange } from './backlog-path.js';
import { BufferLoss } from './buffer-loss.js';
import { LatencyGroups, smallChainBuffer } from './fluid-latency.js';
import { chainRatio } from '../queueing/index.js';
import { FluidRunLatency } from './fluid-run-latency.js';
import type { ResolvedServiceConfig } from './resolve-config.js';
import { serviceShape, type ServiceShape } from './service-shape.js';
import type { PeriodStats, RateTrace, RotationGroups, ServiceLoadModel, TaskPeriodStats } from './types.js';
import { waterLevel } from './water-level.js';

/**
 * One period's (or sub-interval's) routing settings and sums for FluidServiceModel.balance:
 * the settings and the per-interval sums are set by beginBalance, served and rejected run
 * over the whole period; q1, servedEach and keep are the last group's.
 */
interface Balance {
  lor: boolean;
  ca2: number;
  pooledServers: number;
  floorServers: number;
  pooledPlaces: number;
  pooledLoss: number;
  pooledWaiting: number;
  served: number;
  rejected: number;
  queued: number;
  waiting: number;
  poolLambda: number;
  poolFree: number;
  anyHeld: boolean;
  /** least-outstanding: the tasks in rotation were routed more than they could serve (the pool overloaded). */
  poolOver: boolean;
  q1: number;
  /** The D (departures waited for, backlog-path.ts) of q1's requests (backFirst 0 when q1 is 0). */
  range: QueueRange;
  servedEach: number;
  keep: number;
}

/**
 * Least-outstanding: the pool is overloaded (its queues held at the chain's mean, heldQueue)
 * when its arrivals exceed what its tasks in rotation serve by more than this factor: at
 * rho 1 exactly (300 rps on 2 tasks of 150) the two sums differ by rounding (the arrivals
 * through G's integral), and their last bit must not decide it.
 */
const POOL_OVER = 1 + 1e-9;

const NOT_LISTED = 0;
const LISTED_OWN = 1;
const LISTED_COHORT = 2;

/**
 * A task as the fluid model knows it. A class, not an object literal: V8 learns that a
 * literal's objects live long and then allocates them in the old generation, which cost
 * the literal here about 3 % of the month's profile (objects made by `new` start young).
 */
class FluidTask {
  inRotation = false;
  removedAt = -1; // -1 while alive
  /** When it last left rotation while staying RUNNING (fail-open ending; -1 if never): see httpPeriod. */
  outAt = -1;
  /** When it left RUNNING in this period (leftRunning); -1 if it did not. */
  leftAt = -1;
  /** http: the task's fluid queue (requests); for cohort members the cohort's holds. */
  backlog = 0;
  /**
   * http: the D (departures waited for: requests found ahead on arrival + 1) of the
   * backlog's requests, FIFO (backlog-path.ts); backFirst 0 while it is empty.
   */
  range: QueueRange = newQueueRange();
  /** Value of the rotation integral G when the task last entered rotation / was last settled. */
  entryG = 0;
  entryT: number;
  /** This period: integral of 1/n(t) over the task's time in rotation (ms) -> its equal share. */
  shareMs = 0;
  /** This period: time in rotation, ms. */
  rotationMs = 0;
  aliveFrom: number;
  /**
   * From when in this period the task could serve: aliveFrom, or its entry into rotation
   * when it had nothing to serve before (known from RUNNING, out of rotation until healthy).
   */
  serveFrom: number;
  stats: TaskPeriodStats = new OwnStats();
  /** Member of the steady cohort (then the fields above are the cohort's, not its own). */
  steady = false;
  /** Which stats object `perTask` holds for it. */
  listed = NOT_LISTED;
  /**
   * Split periods (httpSplit, queueSplit): in rotation in the current sub-interval; routed,
   * served, served before leftAt so far. A queue period (queuePeriod, queueSplit) leaves the
   * task's messages done in accDone for closeQueue.
   */
  segIn = false;
  accA = 0;
  accDone = 0;
  accLeft = 0;

  constructor(
    readonly id: string,
    timeMs: number,
  ) {
    this.entryT = timeMs;
    this.aliveFrom = timeMs;
    this.serveFrom = timeMs;
  }
}

/** A task's own period figures (see FluidTask on why a class). */
class OwnStats implements TaskPeriodStats {
  cpuPercent = 0;
  memoryMiB = 0;
  requests = 0;
  aliveMs = 0;
}

export class FluidServiceModel implements ServiceLoadModel {
  private byId = new Map<string, FluidTask>();
  /** Tasks handled one by one this period (not in the cohort). */
  private irregular: FluidTask[] = [];
  /** Tasks that joined the cohort at the last period end; their perTask entry switches next period. */
  private joiners: FluidTask[] = [];
  private cohortCount = 0;
  private cohortBacklog = 0;
  private cohortRange = newQueueRange();
  private cohortStats: TaskPeriodStats = { cpuPercent: 0, memoryMiB: 0, requests: 0, aliveMs: 0 };
  /** G, G's clock and the period end at the last endPeriod: the cohort's entry point. */
  private lastEndG = 0;
  private lastEndT: number;
  private lastEndMs: number;
  private inRotationCount = 0;
  /**
   * Targets the load balancer fails open to whose application has not started (setFailing):
   * each takes an equal share of the arrivals and fails it (counted rejected, as the share
   * of no task: G divides by the tasks in rotation plus these).
   */
  private failing = new Set<string>();
  /** G(t) = integral of 1 / (tasks in rotation + failing targets) dt while at least one task is in rotation. */
  private g = 0;
  /** This period: integral of failing / (tasks in rotation + failing) dt, the failing targets' share (ms). */
  private failShareMs = 0;
  private gTime: number;
  /** queue services: the shared queue (messages). */
  private sharedBacklog = 0;
  /** queue services: the messages arrived since the start, and their curve over the backlog's span (FIFO waits). */
  private arrived = 0;
  private arrivalCurve = new ArrivalCurve();
  /** addFifo's slices: mean wait and its variance (ms, ms^2). */
  private fifoMean = new Float64Array(FIFO_SLICES);
  private fifoSpread = new Float64Array(FIFO_SLICES);
  private groups = new LatencyGroups();
  /** The latency groups of every period closed so far (the run's percentiles). */
  private runLatency = new FluidRunLatency();
  private loss = new BufferLoss();
  private seen = newBacklogSeen();
  /** Exponential service: a small full buffer's waits are the chain's Erlang mixture (addFullBuffer). */
  private expService = false;
  /** fullRatio's last round-robin ratio (the E_n/M/c root) and its inputs. */
  private sigmaCa2 = NaN;
  private sigmaRho = NaN;
  private sigma = 1;
  private shape: ServiceShape;
  private scratch = new Float64Array(64);
  private bal: Balance = {
    lor: false, ca2: 1, pooledServers: 1, floorServers: 1, pooledPlaces: 0, pooledLoss: 0, pooledWaiting: 0,
    served: 0, rejected: 0, queued: 0, waiting: 0, poolLambda: 0, poolFree: 0, anyHeld: false, poolOver: false,
    q1: 0, range: newQueueRange(), servedEach: 0, keep: 1,
  };
  /**
   * The instants in this period where the set of targets in rotation changed (a task
   * entered or left rotation, or a target started or stopped failing open), after the
   * period start, with G and the failing targets' share (failShareMs) there: the period is
   * balanced sub-interval by sub-interval between them (httpSplit). Empty in most periods.
   */
  private cutT: number[] = [];
  private cutG: number[] = [];
  private cutF: number[] = [];
  private lastCutT: number;
  /** This period's rotation changes, in order: the task, when, and whether it entered. */
  private evTask: FluidTask[] = [];
  private evAt: number[] = [];
  private evIn: boolean[] = [];
  private stats: PeriodStats = {
    offered: 0, served: 0, rejected: 0, queued: 0, waiting: 0,
    latencyP50Ms: null, latencyP95Ms: null, latencyP99Ms: null, latencyMeanMs: null,
    waitedFraction: null, meanWaitMs: null, perTask: new Map(), uniformTaskStats: null,
    inRotation: { length: 0, stats: [], count: [] },
    leftRunning: { length: 0, stats: [] },
    failedAtTargets: 0,
    outOfRotation: { length: 0, stats: [] },
  };

  constructor(
    private cfg: ResolvedServiceConfig,
    private trace: RateTrace,
    private fargate: boolean,
    private readonly startMs: number,
  ) {
    this.gTime = startMs;
    this.lastEndT = startMs;
    this.lastEndMs = startMs;
    this.lastCutT = startMs;
    this.shape = serviceShape(cfg.serviceTime, cfg.stretch);
    // round-robin at concurrency 1 with a small buffer: exact E_n/M/1/K (fluid-latency.ts)
    const expService = cfg.serviceTime.distribution === 'exponential';
    this.expService = expService;
    this.groups.setExponentialService(expService);
    this.loss.expService = expService;
  }

  setInRotation(taskId: string, inRotation: boolean, timeMs: number): void {
    let task = this.byId.get(taskId);
    if (!task) {
      task = new FluidTask(taskId, timeMs);
      this.byId.set(taskId, task);
      this.irregular.push(task);
    } else if (task.removedAt >= 0) {
      throw new Error(`setInRotation: task ${taskId} was already removed at ${task.removedAt} ms`);
    }
    if (task.inRotation === inRotation) return;
    if (task.steady) this.detach(task);
    this.advance(timeMs);
    this.markChange();
    this.evTask.push(task);
    this.evAt.push(this.gTime);
    this.evIn.push(inRotation);
    if (inRotation) {
      task.entryG = this.g;
      task.entryT = this.gTime;
      if (task.backlog === 0 && task.shareMs === 0) task.serveFrom = this.gTime;
      this.inRotationCount++;
      task.outAt = -1;
    } else {
      this.settle(task);
      this.inRotationCount--;
      task.outAt = this.gTime;
    }
    task.inRotation = inRotation;
  }

  setFailing(taskId: string, failing: boolean, timeMs: number): void {
    if (this.failing.has(taskId) === failing) return;
    this.advance(timeMs);
    this.markChange();
    if (failing) this.failing.add(taskId);
    else this.failing.delete(taskId);
  }

  removeTask(taskId: string, timeMs: number): void {
    this.setFailing(taskId, false, timeMs);
    const task = this.byId.get(taskId);
    if (!task || task.removedAt >= 0) return;
    this.setInRotation(taskId, false, timeMs);
    task.removedAt = Math.max(timeMs, this.gTime);
  }

  leftRunning(taskId: string, timeMs: number): void {
    const task = this.byId.get(taskId);
    if (!task || task.removedAt >= 0) return;
    // handled one by one this period (a task in rotation leaves it first: not in the cohort)
    if (task.steady) this.detach(task);
    task.leftAt = Math.max(timeMs, this.gTime);
  }

  endPeriod(fromMs: number, toMs: number): PeriodStats {
    const cfg = this.cfg;
    const s = this.stats;
    s.leftRunning.length = 0;
    s.outOfRotation!.length = 0;
    for (const t of this.joiners) {
      if (t.steady) {
        s.perTask.set(t.id, this.cohortStats);
        t.listed = LISTED_COHORT;
      }
    }
    // (setting an array's length is a runtime call even when it does not change it: it is
    // skipped here and below when there is nothing to cut, as in most periods)
    if (this.joiners.length > 0) this.joiners.length = 0;
    this.advance(toMs);
    const periodMs = toMs - fromMs;
    const rate = periodMs > 0 ? this.trace.meanRate(fromMs, toMs) : 0;
    const offered = (rate * periodMs) / 1000;
    const m = this.cohortCount;
    let coveredMs = m * (this.g - this.lastEndG);
    let rotationMsSum = m * (this.gTime - this.lastEndT);
    for (const t of this.irregular) {
      if (t.inRotation) this.settle(t);
      coveredMs += t.shareMs;
      rotationMsSum += t.rotationMs;
    }
    const assigned = (rate * coveredMs) / 1000;
    const failShareMs = this.failShareMs;
    s.failedAtTargets = (rate * failShareMs) / 1000;
    this.failShareMs = 0;
    const unassigned = offered - assigned; // arrived while no task was in rotation, or routed to a failing target
    s.offered = offered;
    this.groups.reset();
    const irregularListed =
      cfg.type !== 'http'
        ? this.cutT.length > 0
          ? this.queueSplit(fromMs, toMs)
          : this.queuePeriod(fromMs, toMs, offered, rotationMsSum)
        : this.cutT.length > 0
          ? this.httpSplit(fromMs, toMs, failShareMs)
          : this.httpPeriod(fromMs, toMs, rate, assigned, unassigned, rotationMsSum, coveredMs);
    // (setting an array's length costs even when it is 0 already: most periods have none)
    if (this.cutT.length > 0) {
      this.cutT.length = 0;
      this.cutG.length = 0;
      this.cutF.length = 0;
    }
    if (this.evTask.length > 0) {
      this.evTask.length = 0;
      this.evAt.length = 0;
      this.evIn.length = 0;
    }
    s.uniformTaskStats = irregularListed === 0 && this.cohortCount > 0 ? this.cohortStats : null;
    this.listInRotation(s.inRotation!);
    const scale = cfg.meanServiceMs * 4;
    s.latencyP50Ms = this.groups.quantile(this.shape, 0.5, scale);
    s.latencyP95Ms = this.groups.quantile(this.shape, 0.95, scale);
    s.latencyP99Ms = this.groups.quantile(this.shape, 0.99, scale);
    this.runLatency.add(this.groups);
    s.meanWaitMs = this.groups.meanWait();
    s.latencyMeanMs = s.meanWaitMs === null ? null : s.meanWaitMs + cfg.meanServiceMs;
    s.waitedFraction = this.groups.waitedFraction();
    this.closeIrregular(toMs);
    this.lastEndG = this.g;
    this.lastEndT = this.gTime;
    this.lastEndMs = toMs;
    this.lastCutT = this.gTime;
    return s;
  }

  runLatencyQuantile(p: number): number | null {
    return this.runLatency.quantile(this.shape, p, this.cfg.meanServiceMs * 4);
  }

  /**
   * The shared queue is FIFO: the messages still waiting at atMs are the latest arrivals, so
   * the oldest has waited longer than ageMs when more are waiting than arrived in
   * (atMs - ageMs, atMs] (the trace's arrivals; none before the model's start).
   */
  backlogOlderThan(ageMs: number, atMs: number): boolean {
    const q = this.sharedBacklog;
    if (this.cfg.type !== 'queue' || !(q > 0)) return false;
    const from = Math.max(this.startMs, atMs - ageMs);
    const arrived = atMs > from ? (this.trace.meanRate(from, atMs) * (atMs - from)) / 1000 : 0;
    // the backlog is a sum of per-period arrivals: allow for its rounding against one integral
    return q > arrived * (1 + 1e-9) + 1e-9;
  }

  /** Lists the tasks in rotation now: the cohort as one group, irregular tasks one by one. */
  private listInRotation(out: RotationGroups): void {
    out.length = 0;
    if (this.cohortCount > 0) addGroup(out, this.cohortStats, this.cohortCount);
    for (const t of this.irregular) if (t.inRotation) addGroup(out, t.stats, 1);
  }

  /** Forgets removed tasks, resets the others for the next period, moves eligible ones into the cohort. */
  private closeIrregular(toMs: number): void {
    const s = this.stats;
    const list = this.irregular;
    let w = 0;
    for (let i = 0; i < list.length; i++) {
      const t = list[i];
      if (t.removedAt >= 0) {
        this.byId.delete(t.id);
        s.perTask.delete(t.id);
        continue;
      }
      t.shareMs = 0;
      t.rotationMs = 0;
      t.leftAt = -1;
      t.aliveFrom = toMs;
      t.serveFrom = toMs;
      if (t.inRotation && (this.cohortCount === 0 || (t.backlog === this.cohortBacklog && sameRange(t.range, this.cohortRange)))) {
        if (this.cohortCount === 0) {
          this.cohortBacklog = t.backlog;
          copyRange(this.cohortRange, t.range);
        }
        t.steady = true;
        this.cohortCount++;
        this.joiners.push(t);
        continue;
      }
      list[w++] = t;
    }
    if (w < list.length) list.length = w;
  }

  /** Returns how many alive irregular tasks were listed with their own stats. */
  private httpPeriod(
    fromMs: number,
    toMs: number,
    rate: number,
    assigned: number,
    unassigned: number,
    rotationMsSum: number,
    coveredMs: number,
  ): number {
    const cfg = this.cfg;
    const s = this.stats;
    const periodMs = toMs - fromMs;
    const lor = cfg.routing === 'least-outstanding';
    const perMsRate = cfg.taskRate / 1000;
    const maxQ = cfg.maxQueuePerTask;
    const cs2 = cfg.serviceScv;
    const m = this.cohortCount;
    const cohortRotationMs = this.gTime - this.lastEndT;
    let level = 0;
    let outShare = 0;
    if (lor) {
      // a task the load balancer stopped failing open to in the period takes its equal share
      // of the arrivals while it was routed to (the water level sees the others only)
      for (const t of this.irregular) if (outInPeriod(t, fromMs)) outShare += (rate * t.shareMs) / 1000;
      level = this.leastOutstandingLevel(assigned - outShare, perMsRate, m, cohortRotationMs, fromMs);
    }
    // rotationMsSum / coveredMs: the number of targets in rotation as the tasks' arrivals
    // saw it. coveredMs is the tasks' summed shares (the time some task was in rotation, less
    // the share of targets failing open); with n(t) tasks and f(t) failing targets the tasks
    // take n / (n + f) of the arrivals at t, so the ratio is the integral of n over that of
    // n / (n + f): the mean of n + f over the tasks' arrivals (n alone without failing
    // targets). Not averaged over the whole period: time with no task in rotation took no
    // arrivals (they were rejected), and must not read as fewer tasks taking them.
    const nSeen = coveredMs > 0 ? rotationMsSum / coveredMs : 1;
    // Round-robin splits a Poisson stream cyclically over the targets in rotation (failing
    // ones included): a task sees Erlang-n gaps, scv 1/n, n the targets in rotation when the
    // request arrives (a task entering part-way counts from then on: the mean above weighs
    // each arrival by the rotation it met).
    const ca2 = cfg.routing === 'round-robin' ? 1 / Math.max(1, Math.round(nSeen)) : 1;
    // Least-outstanding: P(wait) of one pooled queue over all slots in rotation, the wait at
    // the request's own task (queueing/routed-wait.ts). The slots over the time the tasks
    // took arrivals (nSeen above, with failing targets counted too: each task in rotation
    // then takes 1 / (tasks + failing) of the rate), paired with the pooled rate below, the
    // arrivals over coveredMs: a period with tasks in rotation for part of it is not read as
    // fewer slots taking the same rate.
    const pooledServers = coveredMs > 0 ? Math.max(1, Math.round(nSeen * cfg.concurrency)) : periodMs > 0 ? 1 : cfg.concurrency;
    // the stationary queue a small backlog does not undercut: the task's slots, or the pooled ones
    const floorServers = lor ? pooledServers : cfg.concurrency;
    // Least-outstanding sends a request to a full queue only when all are full: the pooled
    // slots and the tasks' queues together lose as one M/M/c/K (ca2 1, as the pooled latency).
    const pooledPlaces = (maxQ * pooledServers) / cfg.concurrency;
    const pooledLoss = lor ? this.loss.at(coveredMs > 0 ? assigned / coveredMs : 0, pooledServers, pooledPlaces, 1, cs2, cfg.meanServiceMs) : 0;
    const b = this.beginBalance(lor, ca2, pooledServers, floorServers, pooledPlaces, pooledLoss);
    b.served = 0;
    b.rejected = unassigned;
    if (lor) {
      // the pool's arrivals against what its tasks in rotation can serve over the period
      let cap = m > 0 ? m * perMsRate * Math.max(0, toMs - Math.max(this.lastEndMs, fromMs)) : 0;
      for (const t of this.irregular) {
        if (outInPeriod(t, fromMs) || t.rotationMs <= 0) continue;
        const end = t.removedAt >= 0 ? t.removedAt : toMs;
        cap += perMsRate * Math.max(0, end - Math.max(t.serveFrom, fromMs));
      }
      b.poolOver = assigned - outShare > cap * POOL_OVER;
    }
    if (m > 0) {
      // The cohort: m identical tasks in rotation since the last period end.
      const q0 = this.cohortBacklog;
      let a: number;
      if (lor) a = cohortRotationMs > 0 ? Math.max(0, level - (q0 - perMsRate * cohortRotationMs)) : 0;
      else a = (rate * (this.g - this.lastEndG)) / 1000;
      const aliveMs = Math.max(0, toMs - Math.max(this.lastEndMs, fromMs));
      this.balance(m, q0, this.cohortRange, a, perMsRate * aliveMs, aliveMs, cohortRotationMs, true, false);
      this.cohortBacklog = b.q1;
      copyRange(this.cohortRange, b.range);
      this.fillStats(this.cohortStats, a, b.servedEach, aliveMs);
    }
    let listed = 0;
    for (const t of this.irregular) {
      let a: number;
      const out = outInPeriod(t, fromMs);
      if (lor && !out) a = t.rotationMs > 0 ? Math.max(0, level - (t.backlog - perMsRate * t.rotationMs)) : 0;
      else a = (rate * t.shareMs) / 1000;
      const end = t.removedAt >= 0 ? t.removedAt : toMs;
      const aliveMs = Math.max(0, end - Math.max(t.aliveFrom, fromMs));
      const servingMs = Math.max(0, end - Math.max(t.serveFrom, fromMs));
      let capacity = perMsRate * servingMs;
      const q0 = t.backlog;
      const avail = q0 + a;
      if (out) {
        // out of rotation since outAt but RUNNING (the load balancer stopped failing open to
        // it): it serves its arrivals only until then, and after that what it still held
        // (its queue, at most maxQueuePerTask), not a whole period's worth
        const inRotation = perMsRate * Math.max(0, t.outAt - Math.max(t.serveFrom, fromMs));
        const held = Math.max(0, Math.min(maxQ, avail - inRotation));
        capacity = inRotation + Math.min(held, perMsRate * Math.max(0, end - t.outAt));
      }
      // a stopped task's queue is gone (its requests were rejected)
      this.balance(1, q0, t.range, a, capacity, servingMs, t.rotationMs, !out, t.removedAt >= 0);
      t.backlog = b.q1;
      copyRange(t.range, b.range);
      if (t.removedAt < 0) {
        this.fillOwn(t, a, b.servedEach, aliveMs);
        listed++;
        // RUNNING at the end after the load balancer stopped failing open to it: not idle
        if (out && t.leftAt < 0) {
          const list = s.outOfRotation!;
          list.stats[list.length++] = t.stats;
        }
      }
      if (t.leftAt >= 0) {
        // up to leaving RUNNING (and rotation, at the same instant): all it was routed,
        // and what it served of that by then at its full rate
        const leftServing = Math.max(0, t.leftAt - Math.max(t.serveFrom, fromMs));
        const leftCapacity = perMsRate * leftServing;
        this.addLeft(a, (avail < leftCapacity ? avail : leftCapacity) * b.keep, t.leftAt - Math.max(t.aliveFrom, fromMs));
      }
    }
    if (lor) this.closePool(coveredMs, this.inRotationCount);
    s.served = b.served;
    s.rejected = b.rejected;
    s.queued = b.queued;
    // what waits at the end: the larger of the fluid queue and the stationary queue (Little:
    // rate x the mean wait the latency model gives), not just the excess above capacity
    s.waiting = b.waiting;
    s.backlog = undefined;
    return listed;
  }

  /**
   * A split period's start (httpSplit, queueSplit): each irregular task's rotation before its
   * first change in the period (segIn) and its split sums zeroed. Returns the last
   * sub-interval of positive length (a change at toMs leaves an empty one).
   */
  private beginSplit(toMs: number): number {
    const list = this.irregular;
    for (let i = 0; i < list.length; i++) {
      const t = list[i];
      t.segIn = t.inRotation;
      t.accA = 0;
      t.accDone = 0;
      t.accLeft = 0;
    }
    for (let i = this.evTask.length - 1; i >= 0; i--) this.evTask[i].segIn = !this.evIn[i];
    const nCuts = this.cutT.length;
    let lastK = nCuts;
    while (lastK > 0 && Math.min(lastK < nCuts ? this.cutT[lastK] : toMs, toMs) <= this.cutT[lastK - 1]) lastK--;
    return lastK;
  }

  /** Applies the period's rotation changes at or before `atMs` from change `ev` on; returns the next one. */
  private applyChanges(ev: number, atMs: number): number {
    while (ev < this.evTask.length && this.evAt[ev] <= atMs) {
      this.evTask[ev].segIn = this.evIn[ev];
      ev++;
    }
    return ev;
  }

  /** Irregular tasks in rotation in the current sub-interval (segIn). */
  private segInCount(): number {
    const list = this.irregular;
    let n = 0;
    for (let i = 0; i < list.length; i++) if (list[i].segIn) n++;
    return n;
  }

  /**
   * httpPeriod for a period in which the set of targets in rotation changed: balanced
   * sub-interval by sub-interval between the changes (cutT), each with the trace's mean rate
   * over it, the shares of the tasks then in rotation (G's differences), least-outstanding's
   * water level over them, each task's capacity over it and its overflow rejected there, the
   * queue carried to the next; latency groups added per sub-interval (they add by weight).
   * One total per period would net the arrivals before a change against the capacity after
   * it (one overloaded task joined by a second late in the period: ~1 500 rejected by hand,
   * 808 so). The tasks' figures are the sums over the sub-intervals; what waits is the last
   * sub-interval's. Returns how many alive irregular tasks were listed with their own stats.
   */
  private httpSplit(fromMs: number, toMs: number, failShareMs: number): number {
    const cfg = this.cfg;
    const s = this.stats;
    const lor = cfg.routing === 'least-outstanding';
    const perMsRate = cfg.taskRate / 1000;
    const maxQ = cfg.maxQueuePerTask;
    const cs2 = cfg.serviceScv;
    const m = this.cohortCount;
    // (indexed loops here: this function's for-of loops were left allocating an iterator
    // result per task, several MB a simulated day of the month scenario)
    const list = this.irregular;
    const nCuts = this.cutT.length;
    const lastK = this.beginSplit(toMs);
    let ev = 0;
    let offeredSum = 0;
    let failed = 0;
    const b = this.bal;
    b.served = 0;
    b.rejected = 0;
    let queued = 0;
    let waitingSum = 0;
    let cohortA = 0;
    let cohortDone = 0;
    let first = true;
    let S = fromMs;
    let gS = this.lastEndG;
    let fS = 0;
    for (let k = 0; k <= nCuts; k++) {
      const E = Math.min(k < nCuts ? this.cutT[k] : toMs, toMs);
      const gE = k < nCuts ? this.cutG[k] : this.g;
      const fE = k < nCuts ? this.cutF[k] : failShareMs;
      ev = this.applyChanges(ev, S);
      const len = E - S;
      if (len > 0) {
        const rate = this.trace.meanRate(S, E);
        const offered = (rate * len) / 1000;
        offeredSum += offered;
        failed += (rate * (fE - fS)) / 1000;
        const dG = gE - gS;
        const n = m + this.segInCount();
        const coveredMs = n * dG;
        const assigned = (rate * coveredMs) / 1000;
        b.rejected += offered - assigned;
        // as httpPeriod, over the sub-interval (every task in rotation is so all through it)
        const nSeen = coveredMs > 0 ? (n * len) / coveredMs : 1;
        const ca2 = cfg.routing === 'round-robin' ? 1 / Math.max(1, Math.round(nSeen)) : 1;
        const pooledServers = coveredMs > 0 ? Math.max(1, Math.round(nSeen * cfg.concurrency)) : 1;
        const floorServers = lor ? pooledServers : cfg.concurrency;
        const pooledPlaces = (maxQ * pooledServers) / cfg.concurrency;
        const pooledLoss = lor ? this.loss.at(coveredMs > 0 ? assigned / coveredMs : 0, pooledServers, pooledPlaces, 1, cs2, cfg.meanServiceMs) : 0;
        this.beginBalance(lor, ca2, pooledServers, floorServers, pooledPlaces, pooledLoss);
        let level = 0;
        if (lor) {
          if (this.scratch.length < list.length) this.scratch = new Float64Array(list.length * 2);
          let r = 0;
          for (let i = 0; i < list.length; i++) {
            const t = list[i];
            if (t.segIn) this.scratch[r++] = t.backlog - perMsRate * len;
          }
          level = waterLevel(this.scratch, r, this.cohortBacklog - perMsRate * len, m, assigned);
          // the pool's arrivals against what its tasks in rotation can serve over the interval
          let cap = m * perMsRate * len;
          for (let i = 0; i < list.length; i++) {
            const t = list[i];
            if (!t.segIn) continue;
            const end = t.removedAt >= 0 && t.removedAt <= E ? t.removedAt : E;
            cap += perMsRate * Math.max(0, end - Math.max(t.serveFrom, S));
          }
          b.poolOver = assigned > cap * POOL_OVER;
        }
        if (m > 0) {
          const q0 = this.cohortBacklog;
          const a = lor ? Math.max(0, level - (q0 - perMsRate * len)) : (rate * dG) / 1000;
          this.balance(m, q0, this.cohortRange, a, perMsRate * len, len, len, true, false);
          this.cohortBacklog = b.q1;
          copyRange(this.cohortRange, b.range);
          cohortA += a;
          cohortDone += b.servedEach;
        }
        for (let i = 0; i < list.length; ) {
          const t = list[i];
          // removed at an earlier sub-interval's end: done with
          if (t.removedAt >= 0 && t.removedAt <= S && !first) {
            i++;
            continue;
          }
          const inRot = t.segIn;
          const q0 = t.backlog;
          // out of rotation with nothing queued: nothing to route, serve or reject
          if (!inRot && q0 === 0) {
            i++;
            continue;
          }
          const removedHere = t.removedAt >= 0 && t.removedAt <= E;
          const end = removedHere ? t.removedAt : E;
          const servingMs = Math.max(0, end - Math.max(t.serveFrom, S));
          // the tasks after it in the same state (joined together, say) have the same figures: once, times c
          let c = 1;
          if (!removedHere && t.leftAt < 0) {
            for (let j = i + 1; j < list.length; j++) {
              const u = list[j];
              if (u.segIn !== inRot || u.backlog !== q0 || !sameRange(u.range, t.range) || u.removedAt >= 0 || u.leftAt >= 0 || Math.max(0, E - Math.max(u.serveFrom, S)) !== servingMs) break;
              c++;
            }
          }
          const a = !inRot ? 0 : lor ? Math.max(0, level - (q0 - perMsRate * len)) : (rate * dG) / 1000;
          this.balance(c, q0, t.range, a, perMsRate * servingMs, servingMs, inRot ? len : 0, true, removedHere);
          const avail = q0 + a;
          const leftDone = t.leftAt >= 0 ? perMsRate * Math.max(0, Math.min(t.leftAt, end) - Math.max(t.serveFrom, S)) : 0;
          for (const stop = i + c; i < stop; i++) {
            const u = list[i];
            u.backlog = b.q1;
            copyRange(u.range, b.range);
            u.accA += a;
            u.accDone += b.servedEach;
          }
          if (t.leftAt >= 0) t.accLeft += (avail < leftDone ? avail : leftDone) * b.keep;
        }
        if (lor) this.closePool(coveredMs, n);
        if (k === lastK) {
          queued = b.queued;
          waitingSum = b.waiting;
        }
        first = false;
      }
      S = E;
      gS = gE;
      fS = fE;
    }
    if (m > 0) this.fillStats(this.cohortStats, cohortA, cohortDone, Math.max(0, toMs - Math.max(this.lastEndMs, fromMs)));
    let listed = 0;
    for (let i = 0; i < list.length; i++) {
      const t = list[i];
      const end = t.removedAt >= 0 ? t.removedAt : toMs;
      if (t.removedAt < 0) {
        this.fillOwn(t, t.accA, t.accDone, Math.max(0, end - Math.max(t.aliveFrom, fromMs)));
        listed++;
        if (outInPeriod(t, fromMs) && t.leftAt < 0) {
          const out = s.outOfRotation!;
          out.stats[out.length++] = t.stats;
        }
      }
      if (t.leftAt >= 0) this.addLeft(t.accA, t.accLeft, t.leftAt - Math.max(t.aliveFrom, fromMs));
    }
    s.offered = offeredSum;
    s.failedAtTargets = failed;
    s.served = b.served;
    s.rejected = b.rejected;
    s.queued = queued;
    s.waiting = waitingSum;
    s.backlog = undefined;
    return listed;
  }

  /**
   * Sets the routing of a period (or sub-interval) for balance() and zeroes its per-interval
   * sums (served and rejected run over the period: the caller sets them). Called right after
   * the pooled loss was computed: its waiting is read here.
   */
  private beginBalance(lor: boolean, ca2: number, pooledServers: number, floorServers: number, pooledPlaces: number, pooledLoss: number): Balance {
    const b = this.bal;
    b.lor = lor;
    b.ca2 = ca2;
    b.pooledServers = pooledServers;
    b.floorServers = floorServers;
    b.pooledPlaces = pooledPlaces;
    b.pooledLoss = pooledLoss;
    b.pooledWaiting = this.loss.waiting;
    b.queued = 0;
    b.waiting = 0; // per task the larger of its queue and its stationary queue (least-outstanding: closePool)
    b.poolLambda = 0;
    b.poolFree = 0; // least-outstanding: requests served without a backlog
    b.anyHeld = false; // a queue was held at the finite buffer's stationary mean (heldQueue)
    b.poolOver = false; // set by the caller (least-outstanding) before balance()
    return b;
  }

  /**
   * The fluid update of `count` identical tasks over an interval: each held q0, was routed
   * `a` and could serve `capacity` (serving for servingMs, in rotation for rotationMs); what
   * does not fit its queue is rejected, the finite buffer loses its share of what it serves,
   * and its latency group (or least-outstanding's pool) and waiting queue are added to the
   * sums in this.bal. `mayHold`: an overflow may be held at the chain's mean (heldQueue);
   * `removed`: the task stopped, its queue gone (its requests rejected). Leaves the queue
   * carried on (q1), what each served (servedEach) and the share kept (keep) in this.bal.
   */
  private balance(count: number, q0: number, range: QueueRange, a: number, capacity: number, servingMs: number, rotationMs: number, mayHold: boolean, removed: boolean): void {
    const b = this.bal;
    const cfg = this.cfg;
    const maxQ = cfg.maxQueuePerTask;
    const cs2 = cfg.serviceScv;
    const avail = q0 + a;
    const done = avail < capacity ? avail : capacity;
    const rest = avail - done;
    const lambda = rotationMs > 0 ? a / rotationMs : 0;
    const loss = b.lor ? b.pooledLoss : this.loss.at(lambda, cfg.concurrency, maxQ, b.ca2, cs2, cfg.meanServiceMs);
    // Least-outstanding holds a queue only while the pool is overloaded: a task routed more
    // than it serves while the others drain (a task joining beside held queues, levelled up
    // to them) builds a queue that drains with theirs; holding it at the pool's stationary
    // mean rejected the rest at rho 0.8 (a third task beside two held queues of 97.5: 55.5
    // of 96 requests rejected in 0.5 s), more the shorter the interval
    // (a > capacity with the same tolerance as the pool's: at rho 1 exactly the last bit of
    // the arrivals' integral must not decide whether random or round-robin holds a queue)
    const held = mayHold && a > capacity * POOL_OVER && (!b.lor || b.poolOver) ? this.heldQueue(b.lor, b.pooledServers) : Infinity;
    const q1 = removed ? 0 : rest < maxQ ? (rest < held ? rest : held) : maxQ < held ? maxQ : held;
    if (q1 === held) b.anyHeld = true;
    const keep = 1 - loss;
    const waiting = b.lor ? b.pooledWaiting : this.loss.waiting;
    // a queue already held at the chain's mean is the stationary full buffer: its requests
    // wait as at the cap (the truncated queue of a full buffer), as before it was held
    const p0 = q0 >= held && maxQ > q0 ? maxQ : q0;
    // its head's D: the range carried (backlog-path.ts; one that ended full holds p0 = the
    // cap), or read as queued behind a full queue (at the cap) or p0 + 1
    const floor = b.floorServers;
    const backlogged = this.addBacklogged(count, p0, p0 === q0 || range.full > 0 ? range : undefined, a, done, rest + (p0 - q0), servingMs, cfg.taskRate / 1000, maxQ, floor, b.ca2, floor / cfg.concurrency, keep, waiting);
    const lost = loss * done; // the finite buffer's loss
    b.rejected += count * (rest - q1);
    if (lost > 0) b.rejected += count * lost;
    b.served += count * (done - lost);
    b.queued += count * q1;
    const free = count * (done - backlogged) * keep;
    if (b.lor) {
      b.poolLambda += count * a;
      b.poolFree += free;
      b.waiting += count * q1;
    } else {
      this.groups.add(free, lambda, cfg.concurrency, b.ca2, cs2, cfg.meanServiceMs, maxQ);
      // held: the chain's mean queue is the stationary one already. Else the larger of the
      // fluid backlog and the stationary queue (at most maxQueuePerTask), not their sum: the
      // backlog is the queue, and adding the stationary queue at rho 0.98 on top of it
      // counted the queue twice (+48.02 at concurrency 1, exponential service), as for a
      // queue service's visible messages; the latency takes the longer wait the same way
      // (addBacklogged's floor)
      if (!removed) {
        let w = q1;
        if (q1 !== held) {
          const lq = this.groups.stationaryWaiting(lambda, cfg.concurrency, b.ca2, cs2, cfg.meanServiceMs, maxQ, keep);
          if (lq > w) w = lq < maxQ ? lq : maxQ;
        }
        b.waiting += count * w;
      }
    }
    b.q1 = q1;
    // the D range of what is left (backlog-path.ts): a queue held at the chain's mean or at
    // the cap keeps what its requests found when the fluid queue ended full (the requests
    // queued before the fill, then those admitted behind the full queue), else all queued
    // behind a full queue; one left on the line its segments (q1 + 1 when none: a rounding
    // remainder)
    const end = this.seen.end;
    if (!(q1 > 0)) flatRange(b.range, 0);
    else if (q1 === held || q1 === maxQ) {
      if (end.full > 0) copyRange(b.range, end);
      else fullRange(b.range, q1);
    } else if (!rangeKnown(end)) flatRange(b.range, q1 + 1);
    else copyRange(b.range, end);
    b.servedEach = done - lost;
    b.keep = keep;
  }

  /**
   * Least-outstanding: the pool's latency group of the requests served without a backlog, and
   * its stationary queue within the buffers of the `tasks` in rotation (a queue held at the
   * pool's chain mean is that stationary queue already), over the tasks' covered time: what
   * waits is the larger of it and the tasks' fluid queues.
   */
  private closePool(coveredMs: number, tasks: number): void {
    const b = this.bal;
    const cfg = this.cfg;
    const poolRate = coveredMs > 0 ? b.poolLambda / coveredMs : 0;
    const jsqTasks = b.pooledServers / cfg.concurrency;
    if (b.poolFree > 0) this.groups.add(b.poolFree, poolRate, b.pooledServers, 1, cfg.serviceScv, cfg.meanServiceMs, b.pooledPlaces, jsqTasks);
    // the larger of the tasks' fluid backlogs and the pool's stationary queue, not their sum
    // (as balance() for a task's own queue)
    if (tasks > 0 && !b.anyHeld) {
      const lq = Math.min(cfg.maxQueuePerTask * tasks, this.groups.stationaryWaiting(poolRate, b.pooledServers, 1, cfg.serviceScv, cfg.meanServiceMs, b.pooledPlaces, 1 - b.pooledLoss, jsqTasks));
      if (lq > b.waiting) b.waiting = lq;
    }
  }

  /** Marks a change of the targets in rotation at G's clock (one mark per instant, none at the period start). */
  private markChange(): void {
    if (this.gTime > this.lastCutT) {
      this.cutT.push(this.gTime);
      this.cutG.push(this.g);
      this.cutF.push(this.failShareMs);
      this.lastCutT = this.gTime;
    }
  }

  /**
   * The queue a task's finite buffer holds while its arrivals exceed what it serves: the
   * stationary M/M/c/K mean waiting (BufferLoss.meanQueued, at the inputs of the last
   * `loss.at`: the task's own, or for least-outstanding the pool's, of which a task holds
   * its share), not the cap. The fluid queue would fill to maxQueuePerTask and stay there,
   * reporting a queue that is always full and carrying it into the next period as backlog;
   * the chain's slots idle at times and its queue is below the cap (maxQueuePerTask 2,
   * concurrency 1, rho 1.2: 0.91 per task, request fidelity 0.92; docs/notes/service-model.md).
   * The fluid queue, when below this, is still building and is kept.
   */
  private heldQueue(lor: boolean, pooledServers: number): number {
    const q = this.loss.meanQueued();
    return lor ? (q * this.cfg.concurrency) / pooledServers : q;
  }

  /**
   * A queue service's period in which no worker entered or left rotation (the workers in
   * rotation are so all through it): one fluid update of the shared queue over the period.
   * Returns how many alive irregular tasks were listed with their own stats.
   */
  private queuePeriod(fromMs: number, toMs: number, offered: number, rotationMsSum: number): number {
    const cfg = this.cfg;
    const periodMs = toMs - fromMs;
    const perMsRate = cfg.taskRate / 1000;
    const capacity = perMsRate * rotationMsSum;
    const q0 = this.sharedBacklog;
    const avail = q0 + offered;
    const served = avail < capacity ? avail : capacity;
    const q1 = avail - served;
    if (this.cohortCount > 0) {
      const done = capacity > 0 ? (served * perMsRate * (this.gTime - this.lastEndT)) / capacity : 0;
      this.fillStats(this.cohortStats, done, done, Math.max(0, toMs - Math.max(this.lastEndMs, fromMs)));
    }
    // indexed, not for-of: no iterator per task on this per-period path (see httpSplit)
    const irregular = this.irregular;
    for (let k = 0; k < irregular.length; k++) irregular[k].accDone = capacity > 0 ? (served * perMsRate * irregular[k].rotationMs) / capacity : 0;
    // the cumulative arrivals, over the span the backlog covers (FIFO waits)
    const curve = this.arrivalCurve;
    const a0 = this.arrived;
    if (curve.length === 0 || periodMs > 0) curve.push(fromMs, a0);
    this.arrived = a0 + offered;
    if (periodMs > 0) curve.push(toMs, this.arrived);
    const expired = this.expired(toMs, q1);
    const left = q1 - expired;
    this.sharedBacklog = left;
    const servers = Math.max(1, Math.round((rotationMsSum / periodMs) * cfg.concurrency));
    const visible = this.queueLatency(fromMs, a0 - q0, q0, offered, served, q1, left, periodMs, capacity / periodMs, servers);
    return this.closeQueue(fromMs, toMs, served, left, visible, expired);
  }

  /**
   * queuePeriod for a period in which workers entered or left rotation (they start, stop,
   * are removed): the shared queue is updated sub-interval by sub-interval between the
   * changes (cutT), each with the trace's mean rate over it and the capacity of the workers
   * then in rotation, messages served only while some worker runs, the queue carried to the
   * next; each sub-interval's served messages are latency groups of their own (FIFO waits
   * since arrival, departures at that sub-interval's rate; the stationary group of its
   * slots), and a worker's served messages are its share of each sub-interval it ran in.
   * One total over the period served arrivals after the last worker left with the capacity
   * it had before (1 worker of 20 msg/s leaving at 10 s, 5 msg/s: 200 served, not 50), and
   * spread the departures of a worker starting late over the whole period (a backlog from
   * the period start read about half its wait). What is visible is the last sub-interval's.
   * Returns how many alive irregular tasks were listed with their own stats.
   */
  private queueSplit(fromMs: number, toMs: number): number {
    const cfg = this.cfg;
    const perMsRate = cfg.taskRate / 1000;
    const m = this.cohortCount;
    const list = this.irregular;
    const nCuts = this.cutT.length;
    const lastK = this.beginSplit(toMs);
    const curve = this.arrivalCurve;
    if (curve.length === 0 || toMs > fromMs) curve.push(fromMs, this.arrived);
    let q = this.sharedBacklog;
    let ev = 0;
    let offeredSum = 0;
    let served = 0;
    let expiredSum = 0;
    let visible = q;
    let cohortDone = 0;
    let S = fromMs;
    for (let k = 0; k <= nCuts; k++) {
      const E = Math.min(k < nCuts ? this.cutT[k] : toMs, toMs);
      ev = this.applyChanges(ev, S);
      const len = E - S;
      if (len > 0) {
        const offered = (this.trace.meanRate(S, E) * len) / 1000;
        offeredSum += offered;
        const n = m + this.segInCount();
        const capacity = perMsRate * n * len;
        const q0 = q;
        const avail = q0 + offered;
        const done = avail < capacity ? avail : capacity;
        const q1 = avail - done;
        const a0 = this.arrived;
        this.arrived = a0 + offered;
        curve.push(E, this.arrived);
        const expired = this.expired(E, q1);
        expiredSum += expired;
        q = q1 - expired;
        const v = this.queueLatency(S, a0 - q0, q0, offered, done, q1, q, len, perMsRate * n, Math.max(1, n * cfg.concurrency));
        if (k === lastK) visible = v;
        served += done;
        if (n > 0) {
          const each = done / n;
          if (m > 0) cohortDone += each;
          for (let i = 0; i < list.length; i++) if (list[i].segIn) list[i].accDone += each;
        }
      }
      S = E;
    }
    this.sharedBacklog = q;
    if (m > 0) this.fillStats(this.cohortStats, cohortDone, cohortDone, Math.max(0, toMs - Math.max(this.lastEndMs, fromMs)));
    this.stats.offered = offeredSum;
    return this.closeQueue(fromMs, toMs, served, q, visible, expiredSum);
  }

  /**
   * The latency groups of the messages a queue service served over an interval (`done` of
   * q0 waiting after s0 served or expired and `arrivals` over lenMs, q1 left, `left` of them
   * kept once the expired ones are deleted; departures at `rate` per ms while backlogged,
   * `servers` slots) and the visible messages at its end, which it returns: the larger of
   * the fluid backlog kept and the stationary queue.
   */
  private queueLatency(fromMs: number, s0: number, q0: number, arrivals: number, done: number, q1: number, left: number, lenMs: number, rate: number, servers: number): number {
    if (!(done > 0)) return left;
    const cfg = this.cfg;
    // One shared queue drained by all workers: backlogged messages wait for the pooled rate.
    const sat = this.addFifo(fromMs, s0, q0, arrivals, done, q1, lenMs, rate, servers);
    this.groups.add(done - sat, arrivals / lenMs, servers, 1, cfg.serviceScv, cfg.meanServiceMs, Infinity);
    // the visible messages: the stationary G/G/c queue of the workers' slots (Lq = lambda x
    // the mean wait the latency model gives them), which a queue below capacity still holds
    // (Little's law), or the fluid backlog when it is the larger: the backlog is the queue,
    // and adding the stationary queue at rho 0.98 on top of it counted the queue twice
    // (+48 messages at exponential service, more than sent - taken). The latency takes the
    // longer of the backlog's and the stationary wait the same way (addBacklogged's floor).
    const lq = this.groups.stationaryWaiting(arrivals / lenMs, servers, 1, cfg.serviceScv, cfg.meanServiceMs, Infinity, 1);
    return lq > left ? lq : left;
  }

  /**
   * SQS deletes a message once it has been in the queue longer than the queue's
   * MessageRetentionPeriod (R). The shared queue is FIFO, so the q messages waiting at atMs
   * are the latest arrivals, and those that arrived by atMs - R are the oldest ones: of q,
   * all but the arrivals in (atMs - R, atMs] (the arrival curve A) have expired. Returns how
   * many (0 when the curve starts after atMs - R: nothing waiting is that old). Checked at
   * each interval's end (a metric period, or a change of the workers in rotation), so a
   * message may stay in the queue up to one interval past R before it is counted expired;
   * one served meanwhile is taken as served after waiting R (addFifo caps the waits).
   */
  private expired(atMs: number, q: number): number {
    if (!(q > 0)) return 0;
    const cut = atMs - this.cfg.retentionMs;
    const curve = this.arrivalCurve;
    if (!(cut > curve.firstTime)) return 0;
    const younger = this.arrived - curve.at(cut);
    // (a rounding remainder of the sums is no message)
    return q > younger + 1e-9 * (1 + younger) ? q - younger : 0;
  }

  /**
   * A queue service's period figures once the shared queue is updated: the irregular tasks'
   * stats from the messages each served (accDone), the served, queued and visible counts.
   * Returns how many alive irregular tasks were listed with their own stats.
   */
  private closeQueue(fromMs: number, toMs: number, served: number, q1: number, visible: number, expired: number): number {
    const s = this.stats;
    let listed = 0;
    for (const t of this.irregular) {
      if (t.removedAt < 0 || t.leftAt >= 0) {
        // what it served while in rotation (which ends by leftAt)
        const done = t.accDone;
        if (t.removedAt < 0) {
          this.fillOwn(t, done, done, Math.max(0, toMs - Math.max(t.aliveFrom, fromMs)));
          listed++;
        }
        if (t.leftAt >= 0) this.addLeft(done, done, t.leftAt - Math.max(t.aliveFrom, fromMs));
      }
    }
    // the messages still waiting arrived after number arrived - q1
    this.arrivalCurve.prune(this.arrived - q1);
    s.served = served;
    // a queue refuses nothing: what it drops is what expired (messageRetentionPeriod)
    s.rejected = expired;
    s.queued = q1;
    s.waiting = visible;
    s.backlog = visible;
    return listed;
  }

  /**
   * The shared queue is FIFO: adds the messages served while its fluid backlog was positive
   * as latency groups of their waits since they arrived. The period starts with q0 waiting
   * after s0 served (s0 + q0 arrived); `arrivals` come at a constant rate over periodMs
   * and are served at `rate` per ms while backlogged. The message served at time t (from
   * the period start) is number S = s0 + rate t; it arrived when the cumulative arrivals
   * passed S (this.arrivalCurve, which holds this period's end too), so it waited
   * t - A^-1(S), however the backlog built (no workers, fewer, other arrival rates). Over
   * the backlogged part of the period the departures are uniform in t; it is cut into
   * FIFO_SLICES equal counts (16: a slice's uniform wait fitted by a shift plus an
   * exponential errs by a fraction of its width), each a group of the mean wait over its slice (Simpson's rule
   * on the piecewise linear wait) with the spread of a uniform wait between its ends, as
   * D = wait x rate + 1 departures (the +1: all slots busy, the first frees at rate), with
   * the stationary floor of addBacklogged (servers slots at the arrival rate); one group of
   * their mean and variance when the waits differ by less than the departures' own spread
   * (a steady build or drain, as cheap as before). Returns how many were served so.
   */
  private addFifo(fromMs: number, s0: number, q0: number, arrivals: number, done: number, rest: number, periodMs: number, rate: number, servers: number): number {
    const cfg = this.cfg;
    const seen = this.seen;
    backlogSeen(q0, arrivals, rate, periodMs, Infinity, seen);
    const lineRaw = seen.lineServed;
    fitServedTo(seen, done, rest);
    const n = seen.lineServed;
    if (!(n > 0) || !(lineRaw > 0)) return 0;
    const lineMs = lineRaw / rate;
    const lambda = arrivals / periodMs;
    const curve = this.arrivalCurve;
    const maxWait = cfg.retentionMs;
    const k = FIFO_SLICES;
    const step = lineMs / k;
    const mean = this.fifoMean;
    const spread = this.fifoSpread;
    let wa = fifoWait(curve, fromMs, s0, rate, 0, maxWait);
    let lo = wa;
    let hi = wa;
    let sum = 0;
    let sum2 = 0;
    for (let i = 0; i < k; i++) {
      const u = step * i;
      const wm = fifoWait(curve, fromMs, s0, rate, u + step / 2, maxWait);
      const wb = fifoWait(curve, fromMs, s0, rate, u + step, maxWait);
      const m = (wa + 4 * wm + wb) / 6;
      const v = ((wb - wa) * (wb - wa)) / 12;
      mean[i] = m;
      spread[i] = v;
      sum += m;
      sum2 += v + m * m;
      lo = Math.min(lo, wm, wb);
      hi = Math.max(hi, wm, wb);
      wa = wb;
    }
    const cs2 = cfg.serviceScv;
    const avg = sum / k;
    // waits within the departures' own spread (a steady drain or build): one group of their
    // mean and variance; else a group per slice
    if (hi - lo <= Math.sqrt(1 + avg * rate * cs2) / rate) {
      const v = sum2 / k - avg * avg;
      this.groups.addBacklogged(n, avg * rate + 1, (v > 0 ? v : 0) * rate * rate, rate, cs2, lambda, servers, 1, cfg.meanServiceMs, Infinity, 1);
    } else {
      for (let i = 0; i < k; i++) this.groups.addBacklogged(n / k, mean[i] * rate + 1, spread[i] * rate * rate, rate, cs2, lambda, servers, 1, cfg.meanServiceMs, Infinity, 1);
    }
    return n;
  }

  /**
   * Adds the requests `count` identical queues served while their fluid backlog was positive
   * (backlog q0 at the start, `arrivals` each, `done` served each, `rest` left over each,
   * serving at `rate` per ms for `aliveMs`, at most `cap` waiting; `servers` slots with
   * arrivals of scv `ca2`, `poolTasks` queues' arrivals and buffers feeding them, for the
   * stationary wait a small backlog does not undercut; least-outstanding over poolTasks > 1
   * tasks) as latency groups, weighted by `keep`
   * (what the finite buffer's loss leaves of them); of those served at the cap only the part
   * `fullWaiting` waits (a small buffer's slots are not always all busy: M/M/c/K's
   * P(an admitted request waits); 1 for a large one). Returns how many each served so
   * (before the loss).
   */
  private addBacklogged(count: number, q0: number, headRange: QueueRange | undefined, arrivals: number, done: number, rest: number, aliveMs: number, rate: number, cap: number, servers: number, ca2: number, poolTasks: number, keep: number, fullWaiting: number): number {
    const cfg = this.cfg;
    const cs2 = cfg.serviceScv;
    const seen = this.seen;
    backlogSeen(q0, arrivals, rate, aliveMs, cap, seen, headRange);
    // the fluid figures give the split; `done` is the count
    fitServedTo(seen, done, rest);
    const places = cap * poolTasks;
    const lambda = aliveMs > 0 ? (arrivals * poolTasks) / aliveMs : 0;
    const head = seen.headServed;
    const line = count * (seen.lineServed - head) * keep;
    const m = seen.lineDepartures;
    if (head > 0) {
      // FIFO (backlog-path.ts): the head part (queued at the start, D uniform over each of
      // the carried segments it serves) in groups of its own, and the rest, D uniform from
      // q0 + 1 (down while draining, up while building)
      const front = seen.frontServed;
      if (front > 0) this.addDrainPart(count * front * keep, seen.frontDepartures, seen.frontDeparturesVar, rate, lambda, servers, ca2, places, poolTasks);
      if (head > front) this.addDrainPart(count * (head - front) * keep, seen.headDepartures, seen.headDeparturesVar, rate, lambda, servers, ca2, places, poolTasks);
    }
    // the rest (all of the line when no head was queued), sliced when wide (addDrainPart)
    this.addDrainPart(line, m, seen.lineDeparturesVar, rate, lambda, servers, ca2, places, poolTasks);
    const full = count * seen.fullServed * keep;
    if (full > 0 && smallChainBuffer(this.expService, cap)) {
      // a small buffer held full, exponential service: the chain's own waits (addFullBuffer)
      this.groups.addFullBuffer(full, fullWaiting, this.fullRatio(arrivals / (aliveMs * rate), ca2, poolTasks), cap, rate);
      return seen.lineServed + seen.fullServed;
    }
    if (fullWaiting < 1) this.groups.addNoWait(full * (1 - fullWaiting));
    this.groups.addBacklogged(fullWaiting < 1 ? full * fullWaiting : full, seen.fullDepartures, seen.fullDeparturesVar, rate, cs2, NaN, servers, ca2, cfg.meanServiceMs, places, poolTasks);
    return seen.lineServed + seen.fullServed;
  }

  /**
   * A part of a drain (addBacklogged) of `weight` requests, D uniform of mean m and variance
   * v: DRAIN_SLICES groups of equal count when D spreads wider than the departures' own noise
   * (one shift plus an exponential fitted to the whole uniform put p99 far beyond its top:
   * 32.9 s for waits of at most 25 s); one otherwise.
   */
  private addDrainPart(weight: number, m: number, v: number, rate: number, lambda: number, servers: number, ca2: number, places: number, poolTasks: number): void {
    const cfg = this.cfg;
    const cs2 = cfg.serviceScv;
    const half = Math.sqrt(3 * v);
    if (2 * half > Math.sqrt(1 + m * cs2)) {
      const w = (2 * half) / DRAIN_SLICES;
      for (let i = 0; i < DRAIN_SLICES; i++) this.groups.addBacklogged(weight / DRAIN_SLICES, m - half + (i + 0.5) * w, (w * w) / 12, rate, cs2, lambda, servers, ca2, cfg.meanServiceMs, places, poolTasks);
    } else {
      this.groups.addBacklogged(weight, m, v, rate, cs2, lambda, servers, ca2, cfg.meanServiceMs, places, poolTasks);
    }
  }

  /**
   * The ratio of the geometric law of the requests ahead of an admitted arrival that waits at
   * a full small buffer (LatencyGroups.addFullBuffer), at a task's period load rho (above 1
   * when backlogSeen finds the buffer full; below it only by a rounding remainder of
   * fitServedTo): chainRatio's, as the stationary wait takes it (rho for Poisson arrivals,
   * round-robin's E_n/M/c root below or above capacity, least-outstanding's pooled rho^T
   * over its T = poolTasks tasks). Round-robin's root is kept until its inputs change.
   */
  private fullRatio(rho: number, ca2: number, poolTasks: number): number {
    if (poolTasks > 1 || !(ca2 < 1)) return chainRatio(rho, ca2, poolTasks);
    if (ca2 !== this.sigmaCa2 || rho !== this.sigmaRho) {
      this.sigmaCa2 = ca2;
      this.sigmaRho = rho;
      this.sigma = chainRatio(rho, ca2, poolTasks);
    }
    return this.sigma;
  }

  /** Lists the figures of a task that left RUNNING after aliveMs of the period (none if 0). */
  private addLeft(routed: number, done: number, aliveMs: number): void {
    if (!(aliveMs > 0)) return;
    const list = this.stats.leftRunning;
    let st = list.stats[list.length];
    if (st === undefined) list.stats[list.length] = st = new OwnStats();
    list.length++;
    this.fillStats(st, routed, done, aliveMs);
  }

  private fillOwn(t: FluidTask, routed: number, done: number, aliveMs: number): void {
    this.fillStats(t.stats, routed, done, aliveMs);
    if (t.listed !== LISTED_OWN) {
      this.stats.perTask.set(t.id, t.stats);
      t.listed = LISTED_OWN;
    }
  }

  /**
   * A task's figures over the part of the period it was alive (known to the model: from
   * RUNNING, or the period start, to its stop or the period end), as ECS reports each task's
   * utilization over the time it ran, not spread over the whole minute (aws-behaviour §5,
   * AmazonECS/latest/developerguide/service_utilization.html). `done` <= capacity x aliveMs,
   * so a task alive a few ms stays within 100 %; alive 0 ms it reads cpuBaseline and
   * memoryMiB.base.
   */
  private fillStats(st: TaskPeriodStats, routed: number, done: number, aliveMs: number): void {
    st.requests = routed;
    st.aliveMs = aliveMs;
    st.cpuPercent = cpuPercent(this.cfg, aliveMs > 0 ? (done * this.cfg.meanServiceMs) / aliveMs : 0, this.fargate);
    st.memoryMiB = memoryMiB(this.cfg, aliveMs > 0 ? (done * 1000) / aliveMs : 0);
  }

  /** The water level of least-outstanding routing over the irregular tasks and the cohort. */
  private leastOutstandingLevel(arrivals: number, perMsRate: number, m: number, cohortRotationMs: number, fromMs: number): number {
    if (this.scratch.length < this.irregular.length) this.scratch = new Float64Array(this.irregular.length * 2);
    let n = 0;
    for (const t of this.irregular) if (t.rotationMs > 0 && !outInPeriod(t, fromMs)) this.scratch[n++] = t.backlog - perMsRate * t.rotationMs;
    const cohortWeight = m > 0 && cohortRotationMs > 0 ? m : 0;
    return waterLevel(this.scratch, n, this.cohortBacklog - perMsRate * cohortRotationMs, cohortWeight, arrivals);
  }

  /** Takes a task out of the cohort, giving it the cohort's state since the last period end. */
  private detach(t: FluidTask): void {
    t.steady = false;
    this.cohortCount--;
    t.backlog = this.cohortBacklog;
    copyRange(t.range, this.cohortRange);
    t.entryG = this.lastEndG;
    t.entryT = this.lastEndT;
    t.shareMs = 0;
    t.rotationMs = 0;
    t.aliveFrom = this.lastEndMs;
    t.serveFrom = this.lastEndMs;
    this.irregular.push(t);
  }

  /** Brings the rotation integral G up to `timeMs`. */
  private advance(timeMs: number): void {
    if (timeMs <= this.gTime) return;
    if (this.inRotationCount > 0) this.g += (timeMs - this.gTime) / (this.inRotationCount + this.failing.size);
    const failing = this.failing.size;
    if (failing > 0) this.failShareMs += ((timeMs - this.gTime) * failing) / (this.inRotationCount + failing);
    this.gTime = timeMs;
  }

  /** Books an in-rotation task's share and rotation time up to the current G. */
  private settle(t: FluidTask): void {
    t.shareMs += this.g - t.entryG;
    t.rotationMs += this.gTime - t.entryT;
    t.entryG = this.g;
    t.entryT = this.gTime;
  }
}

/** Backlogged departures of a period of a queue service are cut into this many groups of equal count (addFifo). */
const FIFO_SLICES = 16;
/** A draining http backlog's part after its head, when it spreads wide, is cut into this many groups of equal count (addBacklogged). */
const DRAIN_SLICES = 8;

/** The wait of the message served u ms after fromMs, number s0 + rate u of a FIFO queue with arrivals `curve`. */
/**
 * The wait of the message served u ms into the period (FIFO: since it arrived), at most
 * maxMs: SQS deletes a message once older than the queue's retention period, so none is
 * served after waiting longer (the head follows the expiry line; expired() counts the rest).
 */
function fifoWait(curve: ArrivalCurve, fromMs: number, s0: number, rate: number, u: number, maxMs: number): number {
  const w = fromMs + u - curve.timeOf(s0 + rate * u);
  return w > 0 ? (w < maxMs ? w : maxMs) : 0;
}

/**
 * The task left rotation in the period starting at fromMs while RUNNING (the load balancer
 * stopped failing open to it; it may have left RUNNING later in the period): until then it
 * was routed to, after that it only works off its queue. (Every other task leaves rotation
 * as it leaves RUNNING.)
 */
function outInPeriod(t: FluidTask, fromMs: number): boolean {
  if (t.outAt < fromMs || t.inRotation) return false;
  // left rotation before it left RUNNING or was removed (both, for the others, at that instant)
  return (t.leftAt < 0 || t.outAt < t.leftAt) && (t.removedAt < 0 || t.outAt < t.removedAt);
}

function addGroup(out: RotationGroups, st: TaskPeriodStats, count: number): void {
  out.stats[out.length] = st;
  out.count[out.length] = count;
  out.length++;
}
