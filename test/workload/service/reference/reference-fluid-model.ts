// REFERENCE ONLY (tests): the fluid model before the performance work (issue 8), kept to
// check that the fast model gives the same figures. Do not use in src.
// Fluid fidelity: no per-request events. Each metric period, the trace's mean rate is
// split over the tasks in rotation, each task serves up to its capacity, the excess waits
// in a fluid queue (per task for http, shared for queue services) and, beyond
// maxQueuePerTask, is rejected. Latency comes from queueing formulas (fluid-latency.ts).
// Cost: O(tasks) per period (O(tasks log tasks) with least-outstanding routing).

import { cpuPercent, memoryMiB } from '../../../../src/workload/service/cpu.js';
import { finiteBuffer } from '../../../../src/workload/queueing/finite-buffer.js';
import { LatencyGroups } from './reference-fluid-latency.js';
import { backlogSeen, fitServedTo, newBacklogSeen, newQueueRange, type QueueRange } from '../../../../src/workload/service/backlog-path.js';
import type { ResolvedServiceConfig } from '../../../../src/workload/service/resolve-config.js';
import { serviceShape, type ServiceShape } from './reference-service-shape.js';
import type { PeriodStats, RateTrace, ServiceLoadModel, TaskPeriodStats } from '../../../../src/workload/service/types.js';

interface FluidTask {
  id: string;
  inRotation: boolean;
  removedAt: number; // -1 while alive
  /** When it last left rotation (-1 while in rotation or never). */
  outAt: number;
  /** http: the task's fluid queue (requests). */
  backlog: number;
  /** The departures waited for (found ahead on arrival + 1) of the backlog's requests, as two FIFO segments (backFirst 0: empty). */
  range: QueueRange;
  /** Value of the rotation integral G when the task last entered rotation / was last settled. */
  entryG: number;
  entryT: number;
  /** This period: integral of 1/n(t) over the task's time in rotation (ms) -> its equal share. */
  shareMs: number;
  /** This period: time in rotation, ms. */
  rotationMs: number;
  aliveFrom: number;
  serveFrom: number;
  stats: TaskPeriodStats;
  /** Whether `stats` is already in the perTask map. */
  listed: boolean;
}

export class ReferenceFluidServiceModel implements ServiceLoadModel {
  private tasks: FluidTask[] = [];
  private byId = new Map<string, FluidTask>();
  private inRotationCount = 0;
  /** G(t) = integral of 1 / (tasks in rotation) dt while at least one is in rotation. */
  private g = 0;
  private gTime: number;
  private uncoveredMs = 0;
  /** queue services: the shared queue (messages). */
  private sharedBacklog = 0;
  /** queue services: every period end's (time, cumulative arrivals) since the start (FIFO waits). */
  private arrT: number[] = [];
  private arrC: number[] = [];
  private groups = new LatencyGroups();
  private shape: ServiceShape;
  private scratch = new Float64Array(64);
  /** This period's changes of the tasks in rotation after its start (G there), and the toggles. */
  private cuts: { t: number; g: number }[] = [];
  private events: { task: FluidTask; at: number; entered: boolean }[] = [];
  private periodStartG = 0;
  private periodStartT: number;
  private stats: PeriodStats = {
    offered: 0, served: 0, rejected: 0, queued: 0, waiting: 0,
    latencyP50Ms: null, latencyP95Ms: null, latencyP99Ms: null, latencyMeanMs: null,
    waitedFraction: null, meanWaitMs: null, perTask: new Map(), leftRunning: { length: 0, stats: [] },
  };

  constructor(
    private cfg: ResolvedServiceConfig,
    private trace: RateTrace,
    private fargate: boolean,
    private readonly startMs: number,
  ) {
    this.gTime = startMs;
    this.periodStartT = startMs;
    this.shape = serviceShape(cfg.serviceTime, cfg.stretch);
  }

  /** As the fast model's (added with the SLO rule for queues; not part of the comparison). */
  backlogOlderThan(ageMs: number, atMs: number): boolean {
    const q = this.sharedBacklog;
    if (this.cfg.type !== 'queue' || !(q > 0)) return false;
    const from = Math.max(this.startMs, atMs - ageMs);
    const arrived = atMs > from ? (this.trace.meanRate(from, atMs) * (atMs - from)) / 1000 : 0;
    return q > arrived * (1 + 1e-9) + 1e-9;
  }

  /** Not part of the comparison: the reference lists no task that left RUNNING. */
  leftRunning(): void {}

  setInRotation(taskId: string, inRotation: boolean, timeMs: number): void {
    let task = this.byId.get(taskId);
    if (!task) {
      task = {
        id: taskId, inRotation: false, removedAt: -1, outAt: -1, backlog: 0, range: newQueueRange(), entryG: 0, entryT: timeMs,
        shareMs: 0, rotationMs: 0, aliveFrom: timeMs, serveFrom: timeMs, stats: { cpuPercent: 0, memoryMiB: 0, requests: 0, aliveMs: 0 }, listed: false,
      };
      this.byId.set(taskId, task);
      this.tasks.push(task);
    } else if (task.removedAt >= 0) {
      throw new Error(`setInRotation: task ${taskId} was already removed at ${task.removedAt} ms`);
    }
    if (task.inRotation === inRotation) return;
    this.advance(timeMs);
    const lastCut = this.cuts.length > 0 ? this.cuts[this.cuts.length - 1].t : this.periodStartT;
    if (this.gTime > lastCut) this.cuts.push({ t: this.gTime, g: this.g });
    this.events.push({ task, at: this.gTime, entered: inRotation });
    if (inRotation) {
      task.entryG = this.g;
      task.entryT = this.gTime;
      // nothing to serve before it entered: it serves from its entry on
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

  setFailing(): void {
    throw new Error('the reference fluid model does not model fail-open');
  }

  removeTask(taskId: string, timeMs: number): void {
    const task = this.byId.get(taskId);
    if (!task || task.removedAt >= 0) return;
    this.setInRotation(taskId, false, timeMs);
    task.removedAt = Math.max(timeMs, this.gTime);
  }

  /** Not compared with the fast model (the run's mixture is fluid-run-latency.ts, fed the same groups). */
  runLatencyQuantile(): number | null {
    return null;
  }

  endPeriod(fromMs: number, toMs: number): PeriodStats {
    const cfg = this.cfg;
    this.advance(toMs);
    const periodMs = toMs - fromMs;
    const rate = periodMs > 0 ? this.trace.meanRate(fromMs, toMs) : 0;
    const offered = (rate * periodMs) / 1000;
    let assigned: number;
    let rotationMsSum = 0;
    let coveredMs = 0;
    for (const t of this.tasks) {
      if (t.inRotation) this.settle(t);
      coveredMs += t.shareMs;
      rotationMsSum += t.rotationMs;
    }
    assigned = (rate * coveredMs) / 1000;
    const unassigned = offered - assigned; // arrived while no task was in rotation
    this.uncoveredMs = 0;
    const s = this.stats;
    s.offered = offered;
    this.groups.reset();
    if (cfg.type !== 'http') {
      if (this.cuts.length > 0) this.queueSplit(fromMs, toMs);
      else this.queuePeriod(fromMs, toMs, offered, rotationMsSum);
    }
    else if (this.cuts.length > 0) this.httpSplit(fromMs, toMs);
    else this.httpPeriod(fromMs, toMs, rate, assigned, unassigned, rotationMsSum, coveredMs);
    this.cuts.length = 0;
    this.events.length = 0;
    this.periodStartG = this.g;
    this.periodStartT = this.gTime;
    const scale = cfg.meanServiceMs * 4;
    s.latencyP50Ms = this.groups.quantile(this.shape, 0.5, scale);
    s.latencyP95Ms = this.groups.quantile(this.shape, 0.95, scale);
    s.latencyP99Ms = this.groups.quantile(this.shape, 0.99, scale);
    s.meanWaitMs = this.groups.meanWait();
    s.latencyMeanMs = s.meanWaitMs === null ? null : s.meanWaitMs + cfg.meanServiceMs;
    s.waitedFraction = this.groups.waitedFraction();
    // Forget removed tasks; next period starts now.
    let w = 0;
    for (const t of this.tasks) {
      t.shareMs = 0;
      t.rotationMs = 0;
      if (t.removedAt >= 0) {
        this.byId.delete(t.id);
        s.perTask.delete(t.id);
      } else {
        t.aliveFrom = toMs;
        t.serveFrom = toMs;
        this.tasks[w++] = t;
      }
    }
    this.tasks.length = w;
    return s;
  }

  private httpPeriod(
    fromMs: number,
    toMs: number,
    rate: number,
    assigned: number,
    unassigned: number,
    rotationMsSum: number,
    coveredMs: number,
  ): void {
    const cfg = this.cfg;
    const s = this.stats;
    const periodMs = toMs - fromMs;
    const lor = cfg.routing === 'least-outstanding';
    const perMsRate = cfg.taskRate / 1000;
    let level = 0;
    // out of rotation in the period while alive (fail-open ending): its equal share while in
    // rotation, then it works off its queue; the water level spreads the rest over the others
    const isOut = (t: FluidTask) => t.outAt >= fromMs && !t.inRotation && (t.removedAt < 0 || t.outAt < t.removedAt);
    let outShare = 0;
    for (const t of this.tasks) if (isOut(t)) outShare += (rate * t.shareMs) / 1000;
    if (lor) level = this.waterLevel(assigned - outShare, perMsRate, isOut);
    // Round-robin splits a Poisson stream cyclically: a task sees Erlang-n gaps, scv 1/n,
    // n the targets in rotation as the tasks' arrivals saw them: over coveredMs (the time
    // they took arrivals), not the whole period
    const nAvg = coveredMs > 0 ? Math.max(1, Math.round(rotationMsSum / coveredMs)) : 1;
    const ca2 = cfg.routing === 'round-robin' ? 1 / nAvg : 1;
    // the stationary queue a small backlog does not undercut: the task's slots, or with
    // least-outstanding routing the pooled slots (as the pooled group below)
    // (pooled: the mean slots in rotation over the time the tasks took arrivals, coveredMs,
    // the time the pooled rate assigned / coveredMs is over)
    const lorServers = coveredMs > 0 ? Math.max(1, Math.round((rotationMsSum / coveredMs) * cfg.concurrency)) : periodMs > 0 ? 1 : cfg.concurrency;
    const floorServers = lor ? lorServers : cfg.concurrency;
    const maxQ = cfg.maxQueuePerTask;
    const cs2 = cfg.serviceScv;
    // finite buffer: the M/M/c/K loss on top of the fluid (least-outstanding: pooled)
    const pooledServers = lorServers;
    const pooledPlaces = (maxQ * pooledServers) / cfg.concurrency;
    // [loss, P(an admitted request waits)]
    const lossAt = (lambdaPerMs: number, servers: number, places: number, ca2x: number): [number, number] => {
      const k = (ca2x + cs2) / 2;
      const a = lambdaPerMs * cfg.meanServiceMs;
      const n = places > 0 ? places / k : 0;
      if (!(a > 0) || !(n < Infinity) || n * Math.abs(Math.log(a / servers)) > 23) return [0, 1];
      const fb = finiteBuffer(servers, a, n);
      return [fb.loss, fb.pWait];
    };
    // the mean waiting of the stationary M/M/c/K chain (scaled buffer, times k): the queue a
    // finite buffer holds in an overload, per task (least-outstanding: a share of the pool's)
    const heldAt = (lambdaPerMs: number, servers: number, places: number, ca2x: number, share: number): number => {
      const k = (ca2x + cs2) / 2;
      const a = lambdaPerMs * cfg.meanServiceMs;
      const n = places > 0 ? places / k : 0;
      if (!(a > 0) || !(n > 0)) return 0;
      const fb = finiteBuffer(servers, a, n);
      return k * ((1 - fb.pFull) * fb.pWait * fb.aheadMean + fb.pFull * n) * share;
    };
    const pooled = lor ? lossAt(coveredMs > 0 ? assigned / coveredMs : 0, pooledServers, pooledPlaces, 1) : [0, 1];
    let served = 0;
    let rejected = unassigned;
    let queued = 0;
    let waitingSum = 0;
    let poolLambda = 0;
    let poolFree = 0;
    let anyHeld = false;
    // least-outstanding holds a queue only while the pool is overloaded: its arrivals above
    // what its tasks in rotation can serve over the period
    let poolCap = 0;
    for (const t of this.tasks) {
      if (isOut(t) || t.rotationMs <= 0) continue;
      const end = t.removedAt >= 0 ? t.removedAt : toMs;
      poolCap += perMsRate * Math.max(0, end - Math.max(t.serveFrom, fromMs));
    }
    // (above 1 + 1e-9 times: at rho 1 exactly the sums differ by rounding)
    const poolOver = assigned - outShare > poolCap * (1 + 1e-9);
    for (const t of this.tasks) {
      let a: number;
      const out = isOut(t);
      if (lor && !out) a = t.rotationMs > 0 ? Math.max(0, level - (t.backlog - perMsRate * t.rotationMs)) : 0;
      else a = (rate * t.shareMs) / 1000;
      const end = t.removedAt >= 0 ? t.removedAt : toMs;
      const aliveMs = Math.max(0, end - Math.max(t.aliveFrom, fromMs));
      const servingMs = Math.max(0, end - Math.max(t.serveFrom, fromMs));
      const q0 = t.backlog;
      const avail = q0 + a;
      let capacity = perMsRate * servingMs;
      if (out) {
        const inRotation = perMsRate * Math.max(0, t.outAt - Math.max(t.serveFrom, fromMs));
        capacity = inRotation + Math.min(Math.max(0, Math.min(maxQ, avail - inRotation)), perMsRate * Math.max(0, end - t.outAt));
      }
      const done = avail < capacity ? avail : capacity;
      const rest = avail - done;
      const lambda = t.rotationMs > 0 ? a / t.rotationMs : 0;
      const [loss, waiting] = lor ? pooled : lossAt(lambda, cfg.concurrency, maxQ, ca2);
      // overloaded: the queue is held at the chain's mean, not the cap
      const held = !out && a > capacity * (1 + 1e-9) && (!lor || poolOver) ? (lor ? heldAt(coveredMs > 0 ? assigned / coveredMs : 0, pooledServers, pooledPlaces, 1, cfg.concurrency / pooledServers) : heldAt(lambda, cfg.concurrency, maxQ, ca2, 1)) : Infinity;
      const q1 = t.removedAt >= 0 ? 0 : Math.min(rest, maxQ, held);
      if (q1 === held) anyHeld = true;
      // a queue held already waits as a full buffer's
      const p0 = q0 >= held && maxQ > q0 ? maxQ : q0;
      const { line, full, end: endRange } = this.backlogged(p0, p0 === q0 || t.range.full > 0 ? t.range : undefined, a, done, rest + p0 - q0, servingMs, perMsRate, maxQ, floorServers, ca2, floorServers / cfg.concurrency, 1 - loss, waiting);
      const lost = loss * done;
      rejected += rest - q1 + lost;
      served += done - lost;
      queued += q1;
      t.backlog = q1;
      setRange(t, q1, held, maxQ, endRange);
      if (lor) {
        poolLambda += a;
        poolFree += (done - line - full) * (1 - loss);
        waitingSum += q1;
      } else {
        this.groups.add((done - line - full) * (1 - loss), lambda, cfg.concurrency, ca2, cs2, cfg.meanServiceMs, maxQ);
        // the larger of the fluid backlog and the stationary queue, not their sum (2026-11-27)
        if (t.removedAt < 0) waitingSum += q1 === held ? q1 : Math.max(q1, Math.min(maxQ, this.groups.stationaryWaiting(lambda, cfg.concurrency, ca2, cs2, cfg.meanServiceMs, maxQ, 1 - loss)));
      }
      if (t.removedAt < 0) this.fillTaskStats(t, a, done - lost, aliveMs);
    }
    if (lor) {
      // Least-outstanding behaves close to one pooled queue over all slots in rotation.
      const servers = lorServers;
      const poolRate = coveredMs > 0 ? poolLambda / coveredMs : 0;
      const jsqTasks = servers / cfg.concurrency;
      if (poolFree > 0) this.groups.add(poolFree, poolRate, servers, 1, cfg.serviceScv, cfg.meanServiceMs, pooledPlaces, jsqTasks);
      const inRotation = this.tasks.filter((t) => t.inRotation).length;
      if (inRotation > 0 && !anyHeld) waitingSum = Math.max(waitingSum, Math.min(maxQ * inRotation, this.groups.stationaryWaiting(poolRate, servers, 1, cfg.serviceScv, cfg.meanServiceMs, pooledPlaces, 1 - pooled[0], jsqTasks)));
    }
    s.served = served;
    s.rejected = rejected;
    s.queued = queued;
    s.waiting = waitingSum;
    s.backlog = undefined;
  }

  /**
   * httpPeriod for a period in which the tasks in rotation changed: balanced sub-interval by
   * sub-interval between the changes (as the fast model's httpSplit).
   */
  private httpSplit(fromMs: number, toMs: number): void {
    const cfg = this.cfg;
    const s = this.stats;
    const lor = cfg.routing === 'least-outstanding';
    const perMsRate = cfg.taskRate / 1000;
    const maxQ = cfg.maxQueuePerTask;
    const cs2 = cfg.serviceScv;
    const segIn = new Map<FluidTask, boolean>();
    const accA = new Map<FluidTask, number>();
    const accDone = new Map<FluidTask, number>();
    for (const t of this.tasks) {
      segIn.set(t, t.inRotation);
      accA.set(t, 0);
      accDone.set(t, 0);
    }
    for (let i = this.events.length - 1; i >= 0; i--) segIn.set(this.events[i].task, !this.events[i].entered);
    // sub-interval bounds: the period start, the changes, the period end
    const bounds: { t: number; g: number }[] = [{ t: fromMs, g: this.periodStartG }];
    for (const c of this.cuts) if (c.t < toMs) bounds.push(c);
    bounds.push({ t: toMs, g: this.g });
    let ev = 0;
    let offeredSum = 0;
    let served = 0;
    let rejected = 0;
    for (let k = 0; k + 1 < bounds.length; k++) {
      const S = bounds[k].t;
      const E = bounds[k + 1].t;
      const dG = bounds[k + 1].g - bounds[k].g;
      while (ev < this.events.length && this.events[ev].at <= S) {
        segIn.set(this.events[ev].task, this.events[ev].entered);
        ev++;
      }
      const len = E - S;
      const last = k + 2 === bounds.length;
      const rate = this.trace.meanRate(S, E);
      const offered = (rate * len) / 1000;
      offeredSum += offered;
      const inRot = this.tasks.filter((t) => segIn.get(t));
      const n = inRot.length;
      const coveredMs = n * dG;
      const assigned = (rate * coveredMs) / 1000;
      rejected += offered - assigned;
      const nAvg = coveredMs > 0 ? Math.max(1, Math.round((n * len) / coveredMs)) : 1;
      const ca2 = cfg.routing === 'round-robin' ? 1 / nAvg : 1;
      const pooledServers = coveredMs > 0 ? Math.max(1, Math.round(((n * len) / coveredMs) * cfg.concurrency)) : 1;
      const floorServers = lor ? pooledServers : cfg.concurrency;
      const pooledPlaces = (maxQ * pooledServers) / cfg.concurrency;
      const lossAt = (lambdaPerMs: number, servers: number, places: number, ca2x: number): [number, number] => {
        const kk = (ca2x + cs2) / 2;
        const a = lambdaPerMs * cfg.meanServiceMs;
        const np = places > 0 ? places / kk : 0;
        if (!(a > 0) || !(np < Infinity) || np * Math.abs(Math.log(a / servers)) > 23) return [0, 1];
        const fb = finiteBuffer(servers, a, np);
        return [fb.loss, fb.pWait];
      };
      const heldAt = (lambdaPerMs: number, servers: number, places: number, ca2x: number, share: number): number => {
        const kk = (ca2x + cs2) / 2;
        const a = lambdaPerMs * cfg.meanServiceMs;
        const np = places > 0 ? places / kk : 0;
        if (!(a > 0) || !(np > 0)) return 0;
        const fb = finiteBuffer(servers, a, np);
        return kk * ((1 - fb.pFull) * fb.pWait * fb.aheadMean + fb.pFull * np) * share;
      };
      const pooled = lor ? lossAt(coveredMs > 0 ? assigned / coveredMs : 0, pooledServers, pooledPlaces, 1) : [0, 1];
      let level = 0;
      if (lor && n > 0) {
        const r = inRot.map((t) => t.backlog - perMsRate * len).sort((x, y) => x - y);
        let sum = 0;
        for (let i = 0; i < n; i++) {
          sum += r[i];
          level = (assigned + sum) / (i + 1);
          if (i === n - 1 || level <= r[i + 1]) break;
        }
      }
      // least-outstanding holds a queue only while the pool is overloaded: its arrivals above
      // what its tasks in rotation can serve over the sub-interval
      let poolCap = 0;
      for (const t of inRot) {
        const end = t.removedAt >= 0 && t.removedAt <= E ? t.removedAt : E;
        poolCap += perMsRate * Math.max(0, end - Math.max(t.serveFrom, S));
      }
      const poolOver = assigned > poolCap * (1 + 1e-9);
      let queued = 0;
      let waitingSum = 0;
      let poolLambda = 0;
      let poolFree = 0;
      let anyHeld = false;
      for (const t of this.tasks) {
        if (t.removedAt >= 0 && t.removedAt <= S && k > 0) continue;
        const isIn = segIn.get(t)!;
        const a = !isIn ? 0 : lor ? Math.max(0, level - (t.backlog - perMsRate * len)) : (rate * dG) / 1000;
        const removedHere = t.removedAt >= 0 && t.removedAt <= E;
        const end = removedHere ? t.removedAt : E;
        const servingMs = Math.max(0, end - Math.max(t.serveFrom, S));
        const capacity = perMsRate * servingMs;
        const q0 = t.backlog;
        const avail = q0 + a;
        const done = Math.min(avail, capacity);
        const rest = avail - done;
        const lambda = isIn ? a / len : 0;
        const [loss, waiting] = lor ? pooled : lossAt(lambda, cfg.concurrency, maxQ, ca2);
        const held = a > capacity * (1 + 1e-9) && (!lor || poolOver) ? (lor ? heldAt(coveredMs > 0 ? assigned / coveredMs : 0, pooledServers, pooledPlaces, 1, cfg.concurrency / pooledServers) : heldAt(lambda, cfg.concurrency, maxQ, ca2, 1)) : Infinity;
        const q1 = removedHere ? 0 : Math.min(rest, maxQ, held);
        if (q1 === held) anyHeld = true;
        const p0 = q0 >= held && maxQ > q0 ? maxQ : q0;
        const { line, full, end: endRange } = this.backlogged(p0, p0 === q0 || t.range.full > 0 ? t.range : undefined, a, done, rest + p0 - q0, servingMs, perMsRate, maxQ, floorServers, ca2, floorServers / cfg.concurrency, 1 - loss, waiting);
        const lost = loss * done;
        rejected += rest - q1 + lost;
        served += done - lost;
        queued += q1;
        t.backlog = q1;
        setRange(t, q1, held, maxQ, endRange);
        if (lor) {
          poolLambda += a;
          poolFree += (done - line - full) * (1 - loss);
          waitingSum += q1;
        } else {
          this.groups.add((done - line - full) * (1 - loss), lambda, cfg.concurrency, ca2, cs2, cfg.meanServiceMs, maxQ);
          // the larger of the fluid backlog and the stationary queue, not their sum (2026-11-27)
          if (!removedHere) waitingSum += q1 === held ? q1 : Math.max(q1, Math.min(maxQ, this.groups.stationaryWaiting(lambda, cfg.concurrency, ca2, cs2, cfg.meanServiceMs, maxQ, 1 - loss)));
        }
        accA.set(t, accA.get(t)! + a);
        accDone.set(t, accDone.get(t)! + done - lost);
      }
      if (lor) {
        const poolRate = coveredMs > 0 ? poolLambda / coveredMs : 0;
        const jsqTasks = pooledServers / cfg.concurrency;
        if (poolFree > 0) this.groups.add(poolFree, poolRate, pooledServers, 1, cs2, cfg.meanServiceMs, pooledPlaces, jsqTasks);
        if (n > 0 && !anyHeld) waitingSum = Math.max(waitingSum, Math.min(maxQ * n, this.groups.stationaryWaiting(poolRate, pooledServers, 1, cs2, cfg.meanServiceMs, pooledPlaces, 1 - pooled[0], jsqTasks)));
      }
      if (last) {
        s.queued = queued;
        s.waiting = waitingSum;
      }
    }
    for (const t of this.tasks) {
      if (t.removedAt < 0) this.fillTaskStats(t, accA.get(t)!, accDone.get(t)!, Math.max(0, toMs - Math.max(t.aliveFrom, fromMs)));
    }
    s.offered = offeredSum;
    s.served = served;
    s.rejected = rejected;
    s.backlog = undefined;
  }

  private queuePeriod(fromMs: number, toMs: number, offered: number, rotationMsSum: number): void {
    const cfg = this.cfg;
    const s = this.stats;
    const periodMs = toMs - fromMs;
    const perMsRate = cfg.taskRate / 1000;
    const capacity = perMsRate * rotationMsSum;
    const q0 = this.sharedBacklog;
    const avail = q0 + offered;
    const served = avail < capacity ? avail : capacity;
    const q1 = avail - served;
    this.sharedBacklog = q1;
    for (const t of this.tasks) {
      const done = capacity > 0 ? (served * perMsRate * t.rotationMs) / capacity : 0;
      if (t.removedAt < 0) this.fillTaskStats(t, done, done, Math.max(0, toMs - Math.max(t.aliveFrom, fromMs)));
    }
    const a0 = this.arrC.length > 0 ? this.arrC[this.arrC.length - 1] : 0;
    if (this.arrT.length === 0 || fromMs > this.arrT[this.arrT.length - 1]) {
      this.arrT.push(fromMs);
      this.arrC.push(a0);
    }
    if (periodMs > 0) {
      this.arrT.push(toMs);
      this.arrC.push(a0 + offered);
    }
    let visible = q1;
    if (served > 0) {
      const servers = Math.max(1, Math.round((rotationMsSum / periodMs) * cfg.concurrency));
      const sat = this.fifoBacklogged(fromMs, a0 - q0, q0, offered, served, q1, periodMs, capacity / periodMs, servers);
      this.groups.add(served - sat, offered / periodMs, servers, 1, cfg.serviceScv, cfg.meanServiceMs, Infinity);
      // the larger of the fluid backlog and the stationary queue (not their sum: 2026-11-27)
      visible = Math.max(q1, this.groups.stationaryWaiting(offered / periodMs, servers, 1, cfg.serviceScv, cfg.meanServiceMs, Infinity, 1));
    }
    s.served = served;
    s.rejected = 0;
    s.queued = q1;
    s.waiting = visible;
    s.backlog = visible;
  }

  /**
   * queuePeriod for a period in which workers entered or left rotation: the shared queue
   * updated sub-interval by sub-interval between the changes (as the fast model's
   * queueSplit), each at the trace's mean rate over it and the workers then in rotation.
   */
  private queueSplit(fromMs: number, toMs: number): void {
    const cfg = this.cfg;
    const s = this.stats;
    const perMsRate = cfg.taskRate / 1000;
    const segIn = new Map<FluidTask, boolean>();
    const accDone = new Map<FluidTask, number>();
    for (const t of this.tasks) {
      segIn.set(t, t.inRotation);
      accDone.set(t, 0);
    }
    for (let i = this.events.length - 1; i >= 0; i--) segIn.set(this.events[i].task, !this.events[i].entered);
    const bounds: number[] = [fromMs];
    for (const c of this.cuts) if (c.t < toMs) bounds.push(c.t);
    bounds.push(toMs);
    if (this.arrT.length === 0 || fromMs > this.arrT[this.arrT.length - 1]) {
      this.arrT.push(fromMs);
      this.arrC.push(this.arrC.length > 0 ? this.arrC[this.arrC.length - 1] : 0);
    }
    let ev = 0;
    let offeredSum = 0;
    let served = 0;
    let q = this.sharedBacklog;
    let visible = q;
    for (let k = 0; k + 1 < bounds.length; k++) {
      const S = bounds[k];
      const E = bounds[k + 1];
      while (ev < this.events.length && this.events[ev].at <= S) {
        segIn.set(this.events[ev].task, this.events[ev].entered);
        ev++;
      }
      const len = E - S;
      const offered = (this.trace.meanRate(S, E) * len) / 1000;
      offeredSum += offered;
      const inRot = this.tasks.filter((t) => segIn.get(t));
      const n = inRot.length;
      const capacity = perMsRate * n * len;
      const q0 = q;
      const done = Math.min(q0 + offered, capacity);
      q = q0 + offered - done;
      const a0 = this.arrC[this.arrC.length - 1];
      this.arrT.push(E);
      this.arrC.push(a0 + offered);
      visible = q;
      if (done > 0) {
        const servers = Math.max(1, n * cfg.concurrency);
        const sat = this.fifoBacklogged(S, a0 - q0, q0, offered, done, q, len, perMsRate * n, servers);
        this.groups.add(done - sat, offered / len, servers, 1, cfg.serviceScv, cfg.meanServiceMs, Infinity);
        visible = Math.max(q, this.groups.stationaryWaiting(offered / len, servers, 1, cfg.serviceScv, cfg.meanServiceMs, Infinity, 1));
      }
      served += done;
      for (const t of inRot) accDone.set(t, accDone.get(t)! + done / n);
    }
    this.sharedBacklog = q;
    for (const t of this.tasks) {
      if (t.removedAt < 0) this.fillTaskStats(t, accDone.get(t)!, accDone.get(t)!, Math.max(0, toMs - Math.max(t.aliveFrom, fromMs)));
    }
    s.offered = offeredSum;
    s.served = served;
    s.rejected = 0;
    s.queued = q;
    s.waiting = visible;
    s.backlog = visible;
  }

  /** When the cumulative arrivals passed x (linear search over every period end; a stretch with none is skipped). */
  private arrivalTime(x: number): number {
    const t = this.arrT;
    const c = this.arrC;
    if (x < c[0]) return t[0];
    for (let i = 1; i < c.length; i++) if (c[i] > x) return t[i - 1] + ((x - c[i - 1]) / (c[i] - c[i - 1])) * (t[i] - t[i - 1]);
    return t[t.length - 1];
  }

  /**
   * A queue service's messages served while its backlog was positive, FIFO: the one served u
   * ms into the period is number s0 + rate u and waited since the arrivals reached it; 16
   * slices of equal count (Simpson's mean, a uniform's variance), or one group when the waits
   * differ by less than the departures' own spread. Returns how many.
   */
  private fifoBacklogged(fromMs: number, s0: number, q0: number, arrivals: number, done: number, rest: number, periodMs: number, rate: number, servers: number): number {
    const cfg = this.cfg;
    const seen = newBacklogSeen();
    backlogSeen(q0, arrivals, rate, periodMs, Infinity, seen);
    const raw = seen.lineServed;
    fitServedTo(seen, done, rest);
    const n = seen.lineServed;
    if (!(n > 0) || !(raw > 0)) return 0;
    const k = 16;
    const step = raw / rate / k;
    const wait = (u: number) => Math.max(0, fromMs + u - this.arrivalTime(s0 + rate * u));
    const means: number[] = [];
    const vars: number[] = [];
    const points: number[] = [];
    for (let i = 0; i <= 2 * k; i++) points.push(wait((step * i) / 2));
    for (let i = 0; i < k; i++) {
      const a = points[2 * i];
      const b = points[2 * i + 2];
      means.push((a + 4 * points[2 * i + 1] + b) / 6);
      vars.push(((b - a) * (b - a)) / 12);
    }
    const avg = means.reduce((x, y) => x + y, 0) / k;
    const spread = Math.max(...points) - Math.min(...points);
    const cs2 = cfg.serviceScv;
    const lambda = arrivals / periodMs;
    if (spread <= Math.sqrt(1 + avg * rate * cs2) / rate) {
      const v = means.reduce((x, m, i) => x + vars[i] + m * m, 0) / k - avg * avg;
      this.groups.addBacklogged(n, avg * rate + 1, Math.max(0, v) * rate * rate, rate, cs2, lambda, servers, 1, cfg.meanServiceMs, Infinity, 1);
    } else {
      for (let i = 0; i < k; i++) this.groups.addBacklogged(n / k, means[i] * rate + 1, vars[i] * rate * rate, rate, cs2, lambda, servers, 1, cfg.meanServiceMs, Infinity, 1);
    }
    return n;
  }

  /**
   * Adds the requests served while backlogged (line and full parts, weighted by keepFull; of
   * the full part only `fullWaiting` waits, the rest found a slot free); returns how many.
   */
  private backlogged(q0: number, head: QueueRange | undefined, arrivals: number, done: number, rest: number, aliveMs: number, rate: number, cap: number, servers: number, ca2: number, poolTasks: number, keepFull: number, fullWaiting: number): { line: number; full: number; end: QueueRange } {
    const seen = newBacklogSeen();
    // the head's D: the segments carried with the queue, q0 + 1 when none (read as full)
    backlogSeen(q0, arrivals, rate, aliveMs, cap, seen, head);
    fitServedTo(seen, done, rest);
    const line = seen.lineServed;
    const full = seen.fullServed;
    const lambda = aliveMs > 0 ? (arrivals * poolTasks) / aliveMs : 0;
    // FIFO: the head part (the requests queued at the start: D uniform over each carried
    // segment it serves), then the rest (D uniform between the ends); each 8 slices of equal
    // count when wider than the departures' own noise (sd sqrt(1 + D cs2))
    const uniform = (w: number, mean: number, v: number, sliced: boolean) => {
      const a = mean - Math.sqrt(3 * v);
      const b = mean + Math.sqrt(3 * v);
      if (sliced && b - a > Math.sqrt(1 + mean * this.cfg.serviceScv)) {
        for (let i = 0; i < 8; i++) {
          const lo = a + ((b - a) * i) / 8;
          const hi = a + ((b - a) * (i + 1)) / 8;
          this.groups.addBacklogged(w / 8, (lo + hi) / 2, ((hi - lo) * (hi - lo)) / 12, rate, this.cfg.serviceScv, lambda, servers, ca2, this.cfg.meanServiceMs, cap * poolTasks, poolTasks);
        }
      } else {
        this.groups.addBacklogged(w, mean, v, rate, this.cfg.serviceScv, lambda, servers, ca2, this.cfg.meanServiceMs, cap * poolTasks, poolTasks);
      }
    };
    if (seen.frontServed > 0) uniform(seen.frontServed * keepFull, seen.frontDepartures, seen.frontDeparturesVar, true);
    if (seen.headServed > seen.frontServed) uniform((seen.headServed - seen.frontServed) * keepFull, seen.headDepartures, seen.headDeparturesVar, true);
    uniform((line - seen.headServed) * keepFull, seen.lineDepartures, seen.lineDeparturesVar, true);
    this.groups.addNoWait(full * keepFull * (1 - fullWaiting));
    this.groups.addBacklogged(full * keepFull * fullWaiting, seen.fullDepartures, seen.fullDeparturesVar, rate, this.cfg.serviceScv, NaN, servers, ca2, this.cfg.meanServiceMs, cap * poolTasks, poolTasks);
    return { line, full, end: seen.end };
  }

  /** Over the part of the period the task was alive (aliveMs), not the whole period. */
  private fillTaskStats(t: FluidTask, routed: number, done: number, aliveMs: number): void {
    const st = t.stats;
    st.requests = routed;
    st.aliveMs = aliveMs;
    st.cpuPercent = cpuPercent(this.cfg, aliveMs > 0 ? (done * this.cfg.meanServiceMs) / aliveMs : 0, this.fargate);
    st.memoryMiB = memoryMiB(this.cfg, aliveMs > 0 ? (done * 1000) / aliveMs : 0);
    if (!t.listed) {
      this.stats.perTask.set(t.id, st);
      t.listed = true;
    }
  }

  /**
   * Least-outstanding as water-filling: arrivals go to the tasks whose expected backlog at
   * period end (backlog - capacity while in rotation) is lowest, until the levels are equal.
   * Returns the level x with sum(max(0, x - r_i)) = arrivals.
   */
  private waterLevel(arrivals: number, perMsRate: number, isOut: (t: FluidTask) => boolean): number {
    let m = 0;
    if (this.scratch.length < this.tasks.length) this.scratch = new Float64Array(this.tasks.length * 2);
    for (const t of this.tasks) if (t.rotationMs > 0 && !isOut(t)) this.scratch[m++] = t.backlog - perMsRate * t.rotationMs;
    if (m === 0) return 0;
    const r = this.scratch.subarray(0, m).sort();
    let sum = 0;
    let x = r[0];
    for (let k = 0; k < m; k++) {
      sum += r[k];
      x = (arrivals + sum) / (k + 1);
      if (k === m - 1 || x <= r[k + 1]) break;
    }
    return x;
  }

  /** Brings the rotation integral G up to `timeMs`. */
  private advance(timeMs: number): void {
    if (timeMs <= this.gTime) return;
    if (this.inRotationCount > 0) this.g += (timeMs - this.gTime) / this.inRotationCount;
    else this.uncoveredMs += timeMs - this.gTime;
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

/**
 * The D segments carried with a task's queue q1 (backlog-path.ts): none when empty; held at
 * the chain's mean or at the cap: the fluid queue's own when it ended full (the part queued
 * before the fill, then those admitted behind the full queue), else all admitted behind a
 * full queue; else the line's, one of q1 + 1 when the fluid line left nothing (a rounding
 * remainder).
 */
function setRange(t: FluidTask, q1: number, held: number, maxQ: number, end: QueueRange): void {
  const r = t.range;
  const none = { front: 0, frontFirst: 0, frontLast: 0, backFirst: 0, backLast: 0, full: 0 };
  if (!(q1 > 0)) Object.assign(r, none);
  else if (q1 === held || q1 === maxQ) Object.assign(r, end.full > 0 ? { ...end } : { ...none, full: q1 });
  else if (!(end.backFirst >= 1 || end.full > 0)) Object.assign(r, { ...none, backFirst: q1 + 1, backLast: q1 + 1 });
  else Object.assign(r, { ...end });
}
