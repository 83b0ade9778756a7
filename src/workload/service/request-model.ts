// Request fidelity: every request simulated, its arrival and departure events of the model
// (order below). Poisson arrivals (poisson-arrivals.ts), sampled service times (one per
// arrival, drawn as it arrives, rejected or not, so that the same arrival has the same
// service time in every variant), per-task concurrency slots and FIFO queues bounded by
// maxQueuePerTask (http), the load balancer's routing policy, or one shared FIFO queue
// that workers pull from (queue services).
//
// Order of events: the model keeps its own events (the next arrival, and every departure
// in a heap keyed by exact time) and runs them in exact time order (fractional ms; a
// departure before an arrival at the same instant, departures at one instant in the order
// they started). The Simulator, whose clock is whole ms, only wakes the model: one event
// at the first whole ms after the model's next event, which then runs every event of the
// model before the clock. Each call from the simulation at time t (a task entering or
// leaving rotation, stopping, a period closing) first runs the model's events before t.
// So rounding never reorders two events of the model (were departures and arrivals put on
// the Simulator one by one at rounded times, a departure up to 0.5 ms after an arrival
// could run first and free the slot early: too few requests dropped at short service
// times), and busy time is accounted in order.
//
// Speed: requests live in pooled typed arrays (no object per request); the Simulator sees
// at most one event per ms of the model.

import { sampleDuration, type RandomStream, type Simulator } from '../../engine/index.js';
import { cpuPercent, memoryMiB } from './cpu.js';
import { LatencyRecorder } from './latency-recorder.js';
import { PoissonArrivals } from './poisson-arrivals.js';
import type { ResolvedServiceConfig } from './resolve-config.js';
import type { PeriodStats, RateTrace, ServiceLoadModel, TaskPeriodStats, TaskStatsList } from './types.js';
import { growF64, growI32 } from './typed-grow.js';

const ROUND_ROBIN = 0;
const LEAST_OUTSTANDING = 1;
const RANDOM = 2;

export interface RequestModelStreams {
  arrivals: RandomStream;
  service: RandomStream;
  routing: RandomStream;
}

export class RequestServiceModel implements ServiceLoadModel {
  private readonly http: boolean;
  private readonly c: number;
  private readonly maxQueue: number;
  private readonly routingKind: number;
  /** Queue services: SQS's MessageRetentionPeriod, ms. */
  private readonly retentionMs: number;
  private readonly arrivals: PoissonArrivals;
  /** Exact time of the next arrival (or, not real, of a wake-up where the rate was zero). */
  private nextArrival = 0;
  private nextArrivalReal = false;

  // Departures: a binary heap of request ids, with their exact times and start order
  // beside them (ties in time go by start order).
  private hR = new Int32Array(256);
  private hT = new Float64Array(256);
  private hS = new Float64Array(256);
  private hLen = 0;
  private hSeq = 0;
  /** The whole ms the Simulator wakes the model at (Infinity: none pending). */
  private wakeAt = Infinity;
  private wakeHandle = 0;

  // Request pool (index = request id).
  private arrT = new Float64Array(1024);
  /** Service time (ms, stretched), drawn at arrival; a message returned to the queue keeps it. */
  private svcT = new Float64Array(1024);
  private doneT = new Float64Array(1024);
  private hPos = new Int32Array(1024); // position in the departure heap
  private link = new Int32Array(1024); // FIFO queue link, or free-list link
  private flPrev = new Int32Array(1024); // in-flight list of the task
  private flNext = new Int32Array(1024);
  private owner = new Int32Array(1024);
  private freeHead = -1;
  private poolUsed = 0;

  // Tasks (index = slot).
  private busy = new Int32Array(16);
  private qHead = new Int32Array(16);
  private qTail = new Int32Array(16);
  private qLen = new Int32Array(16);
  private flHead = new Int32Array(16);
  private rotPos = new Int32Array(16);
  private alive = new Uint8Array(16);
  private area = new Float64Array(16); // busy slot-ms this period
  private lastT = new Float64Array(16);
  private aliveFrom = new Float64Array(16); // when the model learnt of the task
  private routed = new Float64Array(16);
  private servedBy = new Float64Array(16);
  private ids: string[] = [];
  private taskStats: TaskPeriodStats[] = [];
  private slotOf = new Map<string, number>();
  private freeSlots: number[] = [];
  private slotCount = 0;

  private rotation = new Int32Array(16);
  private nRot = 0;
  /**
   * Targets the load balancer fails open to whose application has not started
   * (setFailing): routing sees them after the tasks in rotation, at positions nRot.. ; a
   * request routed there fails (rejected).
   */
  private failing = new Set<string>();
  private rr = 0;

  // Queue services: shared FIFO and a ring of (possibly stale) idle-slot task indices.
  private sHead = -1;
  private sTail = -1;
  private sLen = 0;
  private ring = new Int32Array(64);
  private ringHead = 0;
  private ringLen = 0;

  // Period figures.
  private offered = 0;
  private served = 0;
  private rejected = 0;
  /** This period: requests routed to a failing target (PeriodStats.failedAtTargets). */
  private failedAtTargets = 0;
  private inSystem = 0;
  private started = 0;
  private waited = 0;
  private waitSum = 0;
  private recorder = new LatencyRecorder();
  /** Every request served in the periods closed so far. */
  private runRecorder = new LatencyRecorder();
  private stats: PeriodStats = {
    offered: 0, served: 0, rejected: 0, queued: 0, waiting: 0,
    latencyP50Ms: null, latencyP95Ms: null, latencyP99Ms: null, latencyMeanMs: null,
    waitedFraction: null, meanWaitMs: null, perTask: new Map(), leftRunning: { length: 0, stats: [] },
  };
  /** Where the current period starts: the last endPeriod's end (the model's start before). */
  private periodFrom: number;
  /** The figures of the tasks that left RUNNING this period (leftRunning), pooled. */
  private left: TaskStatsList = { length: 0, stats: [] };

  constructor(
    private cfg: ResolvedServiceConfig,
    private sim: Simulator,
    trace: RateTrace,
    private rngs: RequestModelStreams,
    private fargate: boolean,
  ) {
    this.http = cfg.type === 'http';
    this.c = cfg.concurrency;
    this.maxQueue = cfg.maxQueuePerTask;
    this.routingKind = cfg.routing === 'round-robin' ? ROUND_ROBIN : cfg.routing === 'random' ? RANDOM : LEAST_OUTSTANDING;
    this.retentionMs = cfg.retentionMs;
    this.arrivals = new PoissonArrivals(trace, rngs.arrivals);
    this.periodFrom = sim.now;
    this.nextAfter(sim.now);
    this.wake();
  }

  // ------------------------------------------------------------------ events

  /** Runs the model's events before exact time t, in order. */
  private advance(t: number): void {
    for (;;) {
      const a = this.nextArrival;
      if (this.hLen > 0 && this.hT[0] <= a) {
        if (!(this.hT[0] < t)) return;
        this.depart(this.popDeparture());
      } else {
        if (!(a < t)) return;
        if (this.nextArrivalReal) {
          this.offered++;
          // drawn for every arrival, in arrival order, whatever becomes of it: the same
          // arrival has the same service time in every variant (common random numbers)
          const svc = sampleDuration(this.cfg.serviceTime, this.rngs.service) * this.cfg.stretch;
          if (this.http) this.arriveHttp(a, svc);
          else this.arriveQueue(a, svc);
        }
        this.nextAfter(a);
      }
    }
  }

  private nextAfter(from: number): void {
    const next = this.arrivals.next(from);
    this.nextArrivalReal = next >= 0;
    this.nextArrival = next >= 0 ? next : -next;
  }

  /** Has the Simulator wake the model at the first whole ms after its next event. */
  private wake(): void {
    const next = this.hLen > 0 && this.hT[0] < this.nextArrival ? this.hT[0] : this.nextArrival;
    const now = this.sim.now;
    const at = next < now ? now : Math.floor(next) + 1;
    if (at === this.wakeAt) return;
    if (this.wakeAt !== Infinity) this.sim.cancel(this.wakeHandle);
    this.wakeAt = at;
    this.wakeHandle = this.sim.schedule(at, this.onWake, 0);
  }

  private onWake = (_: number, now: number): void => {
    this.wakeAt = Infinity;
    this.advance(now);
    this.wake();
  };

  private depart(r: number): void {
    const s = this.owner[r];
    const d = this.doneT[r];
    this.unlinkInFlight(r, s);
    this.account(s, d);
    this.busy[s]--;
    this.recorder.record(d - this.arrT[r]);
    this.served++;
    this.servedBy[s]++;
    this.inSystem--;
    this.release(r);
    if (this.http) {
      if (this.qLen[s] > 0) {
        const q = this.qHead[s];
        this.qHead[s] = this.link[q];
        this.qLen[s]--;
        this.start(q, s, d > this.arrT[q] ? d : this.arrT[q]);
      }
    } else if (this.rotPos[s] >= 0) {
      this.expireShared(d);
      if (this.sLen > 0) {
        const q = this.popShared();
        this.routed[s]++;
        this.start(q, s, d > this.arrT[q] ? d : this.arrT[q]);
      } else {
        this.ringPush(s);
      }
    }
  }

  private arriveHttp(a: number, svc: number): void {
    if (this.nRot === 0) {
      // (only failing targets: each request goes to one of them and fails, 502)
      if (this.failing.size > 0) this.failedAtTargets++;
      this.rejected++;
      return;
    }
    const s = this.pick();
    if (s < 0) {
      // a failing target: its application refuses the connection, the load balancer answers 502
      this.failedAtTargets++;
      this.rejected++;
      return;
    }
    this.routed[s]++;
    if (this.busy[s] < this.c) {
      this.start(this.acquire(a, svc), s, a);
    } else if (this.qLen[s] < this.maxQueue) {
      const r = this.acquire(a, svc);
      this.link[r] = -1;
      if (this.qLen[s] === 0) this.qHead[s] = r;
      else this.link[this.qTail[s]] = r;
      this.qTail[s] = r;
      this.qLen[s]++;
    } else {
      this.rejected++;
    }
  }

  private arriveQueue(a: number, svc: number): void {
    const r = this.acquire(a, svc);
    const s = this.popIdle();
    if (s >= 0) {
      this.routed[s]++;
      this.start(r, s, a);
    } else {
      this.pushShared(r);
    }
  }

  /** Starts request r on task s at time t, for the service time drawn at its arrival. */
  private start(r: number, s: number, t: number): void {
    const svc = this.svcT[r];
    const wait = t - this.arrT[r];
    this.started++;
    if (wait > 0) {
      this.waited++;
      this.waitSum += wait;
    }
    this.account(s, t);
    this.busy[s]++;
    const d = t + svc;
    this.doneT[r] = d;
    this.owner[r] = s;
    // in-flight list: insert at head
    const h = this.flHead[s];
    this.flPrev[r] = -1;
    this.flNext[r] = h;
    if (h >= 0) this.flPrev[h] = r;
    this.flHead[s] = r;
    this.pushDeparture(r, d);
  }

  private pushDeparture(r: number, d: number): void {
    if (this.hLen === this.hR.length) {
      this.hR = growI32(this.hR, this.hLen * 2);
      this.hT = growF64(this.hT, this.hLen * 2);
      this.hS = growF64(this.hS, this.hLen * 2);
    }
    this.siftUp(this.hLen++, r, d, this.hSeq++);
  }

  /** Takes the earliest departure off the heap. */
  private popDeparture(): number {
    const r = this.hR[0];
    const last = --this.hLen;
    if (last > 0) this.siftDown(0, this.hR[last], this.hT[last], this.hS[last]);
    return r;
  }

  private removeDeparture(r: number): void {
    const i = this.hPos[r];
    const last = --this.hLen;
    if (i === last) return;
    const m = this.hR[last];
    const t = this.hT[last];
    const q = this.hS[last];
    if (i > 0 && before(t, q, this.hT[(i - 1) >> 1], this.hS[(i - 1) >> 1])) this.siftUp(i, m, t, q);
    else this.siftDown(i, m, t, q);
  }

  /** Puts (r, t, q) at heap position i or above it. */
  private siftUp(i: number, r: number, t: number, q: number): void {
    const hR = this.hR;
    const hT = this.hT;
    const hS = this.hS;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (!before(t, q, hT[p], hS[p])) break;
      const pr = hR[p];
      hR[i] = pr;
      hT[i] = hT[p];
      hS[i] = hS[p];
      this.hPos[pr] = i;
      i = p;
    }
    hR[i] = r;
    hT[i] = t;
    hS[i] = q;
    this.hPos[r] = i;
  }

  /** Puts (r, t, q) at heap position i or below it, among the first hLen. */
  private siftDown(i: number, r: number, t: number, q: number): void {
    const hR = this.hR;
    const hT = this.hT;
    const hS = this.hS;
    const n = this.hLen;
    for (;;) {
      let c = 2 * i + 1;
      if (c >= n) break;
      if (c + 1 < n && before(hT[c + 1], hS[c + 1], hT[c], hS[c])) c++;
      if (!before(hT[c], hS[c], t, q)) break;
      const cr = hR[c];
      hR[i] = cr;
      hT[i] = hT[c];
      hS[i] = hS[c];
      this.hPos[cr] = i;
      i = c;
    }
    hR[i] = r;
    hT[i] = t;
    hS[i] = q;
    this.hPos[r] = i;
  }

  /**
   * The task a request goes to, or -1 for a failing target (positions nRot.. of the
   * routing: round-robin and random count them as targets; least-outstanding sees none
   * outstanding at one, as its requests fail at once).
   */
  private pick(): number {
    const nRot = this.nRot;
    const n = nRot + this.failing.size;
    if (this.routingKind === ROUND_ROBIN) {
      if (this.rr >= n) this.rr = 0;
      const i = this.rr++;
      return i < nRot ? this.rotation[i] : -1;
    }
    if (this.routingKind === RANDOM) {
      const i = Math.floor(this.rngs.routing.next() * n);
      return i < nRot ? this.rotation[i] : -1;
    }
    // least outstanding (in flight + queued); ties go round-robin
    if (this.rr >= n) this.rr = 0;
    let i = this.rr++;
    if (i >= nRot) return -1;
    let best = this.rotation[i];
    let bestLoad = this.busy[best] + this.qLen[best];
    for (let k = 1; k < n && bestLoad > 0; k++) {
      if (++i === n) i = 0;
      if (i >= nRot) return -1;
      const s = this.rotation[i];
      const load = this.busy[s] + this.qLen[s];
      if (load < bestLoad) {
        best = s;
        bestLoad = load;
      }
    }
    return best;
  }

  /** Adds busy slot-time of task s up to exact time t. */
  private account(s: number, t: number): void {
    const last = this.lastT[s];
    if (t > last) {
      this.area[s] += this.busy[s] * (t - last);
      this.lastT[s] = t;
    }
  }

  // ------------------------------------------------------------------ lifecycle

  setInRotation(taskId: string, inRotation: boolean, timeMs: number): void {
    this.advance(timeMs);
    this.setRotation(taskId, inRotation, timeMs);
    this.wake();
  }

  private setRotation(taskId: string, inRotation: boolean, timeMs: number): void {
    let s = this.slotOf.get(taskId);
    if (s === undefined) s = this.newSlot(taskId, timeMs);
    const isIn = this.rotPos[s] >= 0;
    if (isIn === inRotation) return;
    if (inRotation) {
      if (this.nRot === this.rotation.length) this.rotation = growI32(this.rotation, this.nRot * 2);
      this.rotPos[s] = this.nRot;
      this.rotation[this.nRot++] = s;
      if (!this.http) {
        this.expireShared(timeMs);
        while (this.busy[s] < this.c && this.sLen > 0) {
          const q = this.popShared();
          this.routed[s]++;
          this.start(q, s, timeMs > this.arrT[q] ? timeMs : this.arrT[q]);
        }
        for (let k = this.busy[s]; k < this.c; k++) this.ringPush(s);
      }
    } else {
      const pos = this.rotPos[s];
      const lastSlot = this.rotation[--this.nRot];
      this.rotation[pos] = lastSlot;
      this.rotPos[lastSlot] = pos;
      this.rotPos[s] = -1;
    }
  }

  setFailing(taskId: string, failing: boolean, timeMs: number): void {
    if (this.failing.has(taskId) === failing) return;
    this.advance(timeMs);
    if (failing) this.failing.add(taskId);
    else this.failing.delete(taskId);
    this.wake();
  }

  removeTask(taskId: string, timeMs: number): void {
    this.setFailing(taskId, false, timeMs);
    const s = this.slotOf.get(taskId);
    if (s === undefined) return;
    this.advance(timeMs);
    this.setRotation(taskId, false, timeMs);
    // In-flight: lost (http) or back to the head of the shared queue (queue).
    for (let r = this.flHead[s]; r >= 0; ) {
      const next = this.flNext[r];
      this.removeDeparture(r);
      if (this.http) {
        this.rejected++;
        this.inSystem--;
        this.release(r);
      } else {
        this.pushSharedFront(r);
      }
      r = next;
    }
    for (let r = this.qHead[s], k = this.qLen[s]; k > 0; k--) {
      const next = this.link[r];
      this.rejected++;
      this.inSystem--;
      this.release(r);
      r = next;
    }
    this.flHead[s] = -1;
    this.qLen[s] = 0;
    this.busy[s] = 0;
    this.alive[s] = 0;
    this.slotOf.delete(taskId);
    this.stats.perTask.delete(taskId);
    this.freeSlots.push(s);
    if (!this.http) {
      // (the messages put back at the front keep their send time: expired ones go too)
      this.expireShared(timeMs);
      while (this.sLen > 0) {
        const w = this.popIdle();
        if (w < 0) break;
        const q = this.popShared();
        this.routed[w]++;
        this.start(q, w, timeMs > this.arrT[q] ? timeMs : this.arrT[q]);
      }
    }
    this.wake();
  }

  leftRunning(taskId: string, timeMs: number): void {
    const s = this.slotOf.get(taskId);
    if (s === undefined) return;
    this.advance(timeMs);
    this.wake();
    this.account(s, timeMs);
    // over the part of the period it was RUNNING, as endPeriod does for the others; its
    // figures go on (a DEACTIVATING task finishes its requests) but no longer count
    const from = this.aliveFrom[s] > this.periodFrom ? this.aliveFrom[s] : this.periodFrom;
    const aliveMs = timeMs - from;
    if (!(aliveMs > 0)) return;
    const list = this.left;
    let ts = list.stats[list.length];
    if (ts === undefined) list.stats[list.length] = ts = { cpuPercent: 0, memoryMiB: 0, requests: 0, aliveMs: 0 };
    list.length++;
    ts.requests = this.routed[s];
    ts.aliveMs = aliveMs;
    ts.cpuPercent = cpuPercent(this.cfg, this.area[s] / aliveMs, this.fargate);
    ts.memoryMiB = memoryMiB(this.cfg, Math.min((this.servedBy[s] * 1000) / aliveMs, this.cfg.taskRate));
  }

  endPeriod(fromMs: number, toMs: number): PeriodStats {
    this.advance(toMs);
    this.wake();
    const periodMs = toMs - fromMs;
    const st = this.stats;
    // the list filled since the last period end; the next period fills it anew
    st.leftRunning.length = this.left.length;
    st.leftRunning.stats = this.left.stats;
    this.left.length = 0;
    this.periodFrom = toMs;
    if (!this.http) this.expireShared(toMs);
    let waiting = this.http ? 0 : this.sLen;
    for (let s = 0; s < this.slotCount; s++) {
      if (!this.alive[s]) continue;
      if (this.http) waiting += this.qLen[s];
      this.account(s, toMs);
      const ts = this.taskStats[s];
      // over the part of the period the task was alive, as the fluid model (fillStats there)
      const from = this.aliveFrom[s];
      const aliveMs = from > fromMs ? (toMs > from ? toMs - from : 0) : periodMs;
      ts.requests = this.routed[s];
      ts.aliveMs = aliveMs;
      ts.cpuPercent = cpuPercent(this.cfg, aliveMs > 0 ? this.area[s] / aliveMs : 0, this.fargate);
      // (the served rate at most what a task completes on average: over a few ms alive one
      // completion would read hundreds a second; the fluid model is bounded so by itself)
      ts.memoryMiB = memoryMiB(this.cfg, aliveMs > 0 ? Math.min((this.servedBy[s] * 1000) / aliveMs, this.cfg.taskRate) : 0);
      st.perTask.set(this.ids[s], ts);
      this.area[s] = 0;
      this.routed[s] = 0;
      this.servedBy[s] = 0;
    }
    const rec = this.recorder;
    rec.prepare();
    st.offered = this.offered;
    st.served = this.served;
    st.rejected = this.rejected;
    st.failedAtTargets = this.failedAtTargets;
    this.failedAtTargets = 0;
    st.queued = this.inSystem;
    st.waiting = waiting;
    st.latencyP50Ms = rec.quantile(0.5);
    st.latencyP95Ms = rec.quantile(0.95);
    st.latencyP99Ms = rec.quantile(0.99);
    st.latencyMeanMs = rec.mean;
    st.waitedFraction = this.started > 0 ? this.waited / this.started : null;
    st.meanWaitMs = this.started > 0 ? this.waitSum / this.started : null;
    st.backlog = this.http ? undefined : this.sLen;
    rec.addTo(this.runRecorder);
    rec.reset();
    this.offered = this.served = this.rejected = 0;
    this.started = this.waited = this.waitSum = 0;
    return st;
  }

  runLatencyQuantile(p: number): number | null {
    const run = this.runRecorder;
    run.prepare();
    return run.quantile(p);
  }

  /** The shared queue's head is its oldest message (returned ones go back to the front). */
  backlogOlderThan(ageMs: number, atMs: number): boolean {
    return !this.http && this.sLen > 0 && atMs - this.arrT[this.sHead] > ageMs;
  }

  // ------------------------------------------------------------------ storage

  private newSlot(taskId: string, timeMs: number): number {
    let s = this.freeSlots.pop();
    if (s === undefined) {
      s = this.slotCount++;
      if (s === this.busy.length) this.growTasks(s * 2);
      this.taskStats[s] = { cpuPercent: 0, memoryMiB: 0, requests: 0, aliveMs: 0 };
    }
    this.ids[s] = taskId;
    this.slotOf.set(taskId, s);
    this.busy[s] = 0;
    this.qLen[s] = 0;
    this.flHead[s] = -1;
    this.rotPos[s] = -1;
    this.alive[s] = 1;
    this.area[s] = 0;
    this.lastT[s] = timeMs;
    this.aliveFrom[s] = timeMs;
    this.routed[s] = 0;
    this.servedBy[s] = 0;
    return s;
  }

  private growTasks(n: number): void {
    this.busy = growI32(this.busy, n);
    this.qHead = growI32(this.qHead, n);
    this.qTail = growI32(this.qTail, n);
    this.qLen = growI32(this.qLen, n);
    this.flHead = growI32(this.flHead, n);
    this.rotPos = growI32(this.rotPos, n);
    const alive = new Uint8Array(n);
    alive.set(this.alive);
    this.alive = alive;
    this.area = growF64(this.area, n);
    this.lastT = growF64(this.lastT, n);
    this.aliveFrom = growF64(this.aliveFrom, n);
    this.routed = growF64(this.routed, n);
    this.servedBy = growF64(this.servedBy, n);
  }

  /** A pooled request record arriving at exact time a, to be served for svc ms (counted in the system). */
  private acquire(a: number, svc: number): number {
    let r = this.freeHead;
    if (r >= 0) {
      this.freeHead = this.link[r];
    } else {
      r = this.poolUsed++;
      if (r === this.arrT.length) this.growPool(r * 2);
    }
    this.arrT[r] = a;
    this.svcT[r] = svc;
    this.inSystem++;
    return r;
  }

  private release(r: number): void {
    this.link[r] = this.freeHead;
    this.freeHead = r;
  }

  private growPool(n: number): void {
    this.arrT = growF64(this.arrT, n);
    this.svcT = growF64(this.svcT, n);
    this.doneT = growF64(this.doneT, n);
    this.hPos = growI32(this.hPos, n);
    this.link = growI32(this.link, n);
    this.flPrev = growI32(this.flPrev, n);
    this.flNext = growI32(this.flNext, n);
    this.owner = growI32(this.owner, n);
  }

  private unlinkInFlight(r: number, s: number): void {
    const p = this.flPrev[r];
    const n = this.flNext[r];
    if (p >= 0) this.flNext[p] = n;
    else this.flHead[s] = n;
    if (n >= 0) this.flPrev[n] = p;
  }

  private pushShared(r: number): void {
    this.link[r] = -1;
    if (this.sLen === 0) this.sHead = r;
    else this.link[this.sTail] = r;
    this.sTail = r;
    this.sLen++;
  }

  private pushSharedFront(r: number): void {
    this.link[r] = this.sLen === 0 ? -1 : this.sHead;
    if (this.sLen === 0) this.sTail = r;
    this.sHead = r;
    this.sLen++;
  }

  /**
   * SQS deletes a message once it has been in the queue longer than the queue's
   * MessageRetentionPeriod: the waiting messages sent more than that before t leave the
   * shared queue from its head, the oldest (counted rejected: dropped). Run before each look
   * at the queue (a worker pulling, the period's count), so a message is never served, nor
   * counted visible, past its retention, and is counted in the period it expired in.
   */
  private expireShared(t: number): void {
    const limit = t - this.retentionMs;
    while (this.sLen > 0 && this.arrT[this.sHead] < limit) {
      const r = this.popShared();
      this.rejected++;
      this.inSystem--;
      this.release(r);
    }
  }

  private popShared(): number {
    const r = this.sHead;
    this.sHead = this.link[r];
    this.sLen--;
    return r;
  }

  private ringPush(s: number): void {
    if (this.ringLen === this.ring.length) {
      const bigger = new Int32Array(this.ring.length * 2);
      for (let i = 0; i < this.ringLen; i++) bigger[i] = this.ring[(this.ringHead + i) % this.ring.length];
      this.ring = bigger;
      this.ringHead = 0;
    }
    this.ring[(this.ringHead + this.ringLen) % this.ring.length] = s;
    this.ringLen++;
  }

  /** The longest-idle worker with a free slot, skipping stale entries; -1 if none. */
  private popIdle(): number {
    while (this.ringLen > 0) {
      const s = this.ring[this.ringHead];
      this.ringHead = (this.ringHead + 1) % this.ring.length;
      this.ringLen--;
      if (this.alive[s] && this.rotPos[s] >= 0 && this.busy[s] < this.c) return s;
    }
    return -1;
  }
}

/** Whether a departure at (t1, started q1) comes before one at (t2, q2). */
function before(t1: number, q1: number, t2: number, q2: number): boolean {
  return t1 < t2 || (t1 === t2 && q1 < q2);
}
