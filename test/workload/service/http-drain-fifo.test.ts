// Fluid http: a per-task backlog that drains is served FIFO, so a request waits for the
// queue it found on arrival, not for the queue left behind it when it is served
// (backlog-path.ts; notes/service-model.md, row i). Hand-computed: a queue of B waiting at
// t0 (held at the cap: each of them queued behind a full queue accepting at mu, so waited
// (B + 1) / mu), arrivals at lambda < mu after t0: the request arriving at t0 + u waits
// (B + lambda u) / mu - u until the queue empties at u = B / (mu - lambda).
import { describe, it, expect } from 'vitest';
import { RandomStreams, Simulator } from '../../../src/engine/index.js';
import { createServiceLoadModel, type ServiceWorkloadConfig } from '../../../src/workload/service/index.js';
import { backlogSeen, newBacklogSeen } from '../../../src/workload/service/backlog-path.js';
import { runPeriod } from './harness.js';

const MIN = 60_000;

describe('fluid http: FIFO waits while a backlog drains', () => {
  it('backlogSeen: the head part (queued at the start) waits q0 + 1, the rest from q0 + 1 down to 1', () => {
    // 100 waiting, lambda 0.05/ms, rate 0.1/ms: empty after 100 / 0.05 = 2 000 ms. The 100
    // queued are served over the first 1 000 ms, each D = 101; the 100 that arrive over
    // 0-2 000 ms are served over 1 000-2 000 ms: the one arriving at u is served when the
    // departures 0.1 u' reach 100 + 0.05 u, so waited (100 + 0.05 u) / 0.1 - u = 1000 - u / 2
    // ms: D = wait x rate + 1 from 101 down to 1, uniform (mean 51, variance 100^2 / 12).
    const o = newBacklogSeen();
    backlogSeen(100, 3000, 0.1, 60_000, 100, o);
    expect(o.lineServed).toBeCloseTo(200, 9);
    expect(o.headServed).toBeCloseTo(100, 9);
    expect(o.headDepartures).toBeCloseTo(101, 9);
    expect(o.lineDepartures).toBeCloseTo(51, 9);
    expect(o.lineDeparturesVar).toBeCloseTo(10000 / 12, 9);
    expect(o.fullServed).toBe(0);
    // cut by the period end at 1 500 ms: 100 head, then 50 of the rest, the last waiting
    // 1000 - 1000 / 2 = 500 ms (D 51): D uniform over [51, 101]
    backlogSeen(100, 75, 0.1, 1500, 100, o);
    expect(o.lineServed).toBeCloseTo(150, 9);
    expect(o.headServed).toBeCloseTo(100, 9);
    expect(o.lineDepartures).toBeCloseTo(76, 9);
    expect(o.lineDeparturesVar).toBeCloseTo(2500 / 12, 9);
    // no arrivals: only the head part, all served by 1 000 ms
    backlogSeen(100, 0, 0.1, 60_000, 100, o);
    expect(o.lineServed).toBeCloseTo(100, 9);
    expect(o.headServed).toBeCloseTo(100, 9);
  });

  it('backlogSeen: the carried segments give the head its D, and the queue left its segments', () => {
    const o = newBacklogSeen();
    // a drained queue of 100 carried as one segment, D 150 down to 101; arrivals 0.2/ms over
    // 500 ms at 0.1/ms (building again): 50 of the head served, so its other 50 stay in
    // front (D from 150 - 49 x 50 / 100 = 125.5 to 101) and the 100 arrivals behind, the
    // first finding 100 ahead (D 101), the last 150 (q1 = 150: D 151)
    const head = { front: 0, frontFirst: 0, frontLast: 0, backFirst: 150, backLast: 101, full: 0 };
    backlogSeen(100, 100, 0.1, 500, 1000, o, head);
    expect(o.end.front).toBeCloseTo(50, 9);
    expect(o.end.frontFirst).toBeCloseTo(125.5, 9);
    expect(o.end.frontLast).toBeCloseTo(101, 9);
    expect(o.end.backFirst).toBeCloseTo(101, 9);
    expect(o.end.backLast).toBeCloseTo(151, 9);
    // over 2 000 ms the head is all served: the carried segments are dropped; the 300 left
    // are the last of this period's 400 arrivals: number 100 came at 500 ms and found
    // 100 + 0.1 x 500 = 150 ahead (D 151), the last found q1 = 300 (D 301)
    backlogSeen(100, 400, 0.1, 2000, 1000, o, head);
    expect(o.end.front).toBe(0);
    expect(o.end.backFirst).toBeCloseTo(151, 9);
    expect(o.end.backLast).toBeCloseTo(301, 9);
    // two segments (50 of D 300 -> 250, then 50 of D 200 -> 151), draining at 0.1/ms under
    // 0.05/ms for 200 ms: 20 served, all of the front (D 300 -> 280: mean 290, variance
    // 20^2 / 12); left: the front's 30 (280 -> 250) and behind them its back segment and the
    // 10 arrivals joined into one line from 200 keeping their mean: the back's 50 of mean
    // (200 + 151) / 2 = 175.5, the arrivals' 10 of D 101 -> q1 + 1 = 91, mean 96; together
    // (50 x 175.5 + 10 x 96) / 60 = 162.25, so the line ends at 2 x 162.25 - 200 = 124.5
    const two = { front: 50, frontFirst: 300, frontLast: 250, backFirst: 200, backLast: 151, full: 0 };
    backlogSeen(100, 10, 0.1, 200, 1000, o, two);
    expect(o.headServed).toBeCloseTo(20, 9);
    expect(o.frontServed).toBeCloseTo(20, 9);
    expect(o.frontDepartures).toBeCloseTo(290, 9);
    expect(o.frontDeparturesVar).toBeCloseTo(400 / 12, 9);
    expect(o.end.front).toBeCloseTo(30, 9);
    expect(o.end.frontFirst).toBeCloseTo(280, 9);
    expect(o.end.frontLast).toBeCloseTo(250, 9);
    expect(o.end.backFirst).toBeCloseTo(200, 9);
    expect(o.end.backLast).toBeCloseTo(124.5, 9);
    // over 800 ms: 80 served, the front's 50 (mean 275) and 30 of the back (200 -> 170.6:
    // 30 / 50 of the way to 151); left: the back's other 20 (170.6 -> 151) in front, the 40
    // arrivals behind (D 101 -> q1 + 1 = 61)
    backlogSeen(100, 40, 0.1, 800, 1000, o, two);
    expect(o.frontServed).toBeCloseTo(50, 9);
    expect(o.frontDepartures).toBeCloseTo(275, 9);
    expect(o.headServed).toBeCloseTo(80, 9);
    expect(o.headDepartures).toBeCloseTo((200 + 170.6) / 2, 9);
    expect(o.end.front).toBeCloseTo(20, 9);
    expect(o.end.frontFirst).toBeCloseTo(170.6, 9);
    expect(o.end.backFirst).toBeCloseTo(101, 9);
    expect(o.end.backLast).toBeCloseTo(61, 9);
    // a queue that ends full: 1/ms into 0.1/ms fills (cap 500) at 400 / 0.9 = 444.44 ms;
    // the 100 queued served; left the 444.44 arrivals before the fill (found 100 up to 500
    // ahead: D 101 -> 501), then 0.1 x 555.56 = 55.56 admitted behind the full queue
    backlogSeen(100, 1000, 0.1, 1000, 500, o, two);
    expect(o.headServed).toBeCloseTo(100, 9);
    expect(o.fullServed).toBeCloseTo(0, 9);
    expect(o.end.front).toBe(0);
    expect(o.end.backFirst).toBeCloseTo(101, 9);
    expect(o.end.backLast).toBeCloseTo(501, 9);
    expect(o.end.full).toBeCloseTo(500 / 9, 9);
  });

  it('backlogSeen: the back segment and new arrivals joined at a different slope keep their mean D (exact FIFO)', () => {
    // One queue, mu 0.04/ms, cap 1 000, held full (each of the 1 000 queued D 1 001); then
    // 10 s at 0.01/ms, 10 s at 0.03/ms, 60 s with no arrivals. Exact FIFO by hand:
    // period 1: 400 served (all D 1 001), q 1 000 -> 700; the 100 arrivals found 1 000 down
    // to 700 ahead: left 600 of D 1 001, then 100 of D 1 001 -> 701 (mean 851).
    // period 2: 400 served (all of the 600), q 700 -> 600; the 300 arrivals found 700 -> 600:
    // left 200 of D 1 001, then 100 of 1 001 -> 701 (mean 851), then 300 of 701 -> 601
    // (mean 651). period 3: the 600 served: (200 x 1 001 + 100 x 851 + 300 x 651) / 600 =
    // 480 600 / 600 = 801. Joining the back 400 into one line 1 001 -> 601 read mean 867.67.
    const o = newBacklogSeen();
    const full = { front: 0, frontFirst: 0, frontLast: 0, backFirst: 1001, backLast: 1001, full: 0 };
    backlogSeen(1000, 100, 0.04, 10_000, 1000, o, full);
    expect(o.end.front).toBeCloseTo(600, 9);
    expect(o.end.frontFirst).toBeCloseTo(1001, 9);
    expect(o.end.backFirst).toBeCloseTo(1001, 9);
    expect(o.end.backLast).toBeCloseTo(701, 9);
    const p1 = { ...o.end };
    backlogSeen(700, 300, 0.04, 10_000, 1000, o, p1);
    expect(o.end.front).toBeCloseTo(200, 9);
    expect(o.end.frontFirst).toBeCloseTo(1001, 9);
    // the back 400 of mean (100 x 851 + 300 x 651) / 400 = 701 from 1 001: ends at 401
    expect(o.end.backFirst).toBeCloseTo(1001, 9);
    expect(o.end.backLast).toBeCloseTo(401, 9);
    const p2 = { ...o.end };
    backlogSeen(600, 0, 0.04, 60_000, 1000, o, p2);
    expect(o.headServed).toBeCloseTo(600, 9);
    const mean = (o.frontServed * o.frontDepartures + (o.headServed - o.frontServed) * o.headDepartures) / o.headServed;
    expect(mean).toBeCloseTo(801, 9);
  });

  it('a full queue of b drained at 40/s under 20/s of arrivals: the drain minute: p50, p95, p99 and mean wait', () => {
    // One task, 4 slots, fixed 100 ms (mu = 40/s), maxQueuePerTask 1 000; 50/s for 10 min
    // (the queue held at the chain's mean b, read as full: D = b + 1) then 20/s. Minute
    // 10-11: the b queued are served over 0-b/40 s, each waited (b + 1) / 40 s; the b
    // arriving over 0-b/20 s are served over b/40-b/20 s, the one arriving at u found
    // b - 20 u ahead: D from b + 1 down to 1, waits D / 40 (uniform); the 1 200 - b after
    // b/20 s find no queue (rho 0.5, fixed service: about no wait). + 0.1 s of service each.
    const { runs } = drainRun('fixed', 50, 20, MIN, 11);
    const b = runs[9].queued;
    expect(b).toBeGreaterThan(990);
    const s = runs[10];
    expect(s.served).toBeCloseTo(b + 1200, 6);
    const n = b + 1200;
    // p50: rank n / 2, of which 1 200 - b below the drain's arrivals: (n / 2 - (1 200 - b)) / b of the way up their waits (0.025 to b / 40 s)
    const p50 = 0.025 + ((n / 2 - (1200 - b)) / b) * (b / 40) + 0.1;
    // (the slices' fitted shapes read the percentile a little above the uniform's: 22.83 s for 22.55)
    expect(s.latencyP50Ms! / 1000).toBeGreaterThan(p50);
    expect(s.latencyP50Ms! / 1000).toBeLessThan(p50 * 1.015);
    // mean wait: (b (b + 1) / 40 + b (b + 2) / 80) / n: an off-by-one in the head's D moves it b / 40 / n = 0.011 s
    const mean = ((b * (b + 1)) / 40 + (b * (b + 2)) / 80) / n;
    expect(Math.abs(s.meanWaitMs! / 1000 - mean)).toBeLessThan(0.004);
    // p95 and p99: the head's (b + 1) / 40 s, + the departures' noise (fixed service: small)
    const top = (b + 1) / 40 + 0.1;
    expect(s.latencyP95Ms! / 1000).toBeGreaterThan(top - 0.01);
    expect(s.latencyP95Ms! / 1000).toBeLessThan(top + 0.1);
    expect(s.latencyP99Ms! / 1000).toBeLessThan(top + 0.15);
  });

  it('a queue left by a draining period keeps its waits: 50/s then 30/s, the minute after the drain minute', () => {
    // As above, but 30/s from minute 10: the queue falls by 10/s, b -> b - 600 over minute
    // 10. The 2 400 served in it: the b queued, then arrivals 1 .. 2 400 - b; so the
    // q10 = b - 600 left are arrivals 2 400 - b + 1 .. 1 800, the first of which came at
    // t1 = (2 400 - b) / 30 s and found b - 10 t1 ahead, the last found q10. Minute 11: they
    // are served first (over q10 / 40 s), D from b - 10 t1 + 1 down to q10 + 1; the 30/s
    // after them, D from q10 + 1 down to 1 until the queue empties at q10 / 10 s (3 q10 of
    // them), then 1 800 - 3 q10 find no queue (rho 0.75). Taking D = q10 + 1 for the whole
    // head (as when each period's head was read as queued behind a full queue) put p95 at
    // ~10.1 s.
    const { runs } = drainRun('fixed', 50, 30, MIN, 12);
    const b = runs[9].queued;
    const q10 = runs[10].queued;
    expect(q10).toBeCloseTo(b - 600, 6);
    const t1 = (2400 - b) / 30;
    const dHead = b - 10 * t1 + 1;
    const s = runs[11];
    expect(s.served).toBeCloseTo(1800 + q10, 6);
    const n = 1800 + q10;
    const below = 1800; // the 1 800 - 3 q10 with no queue and the 3 q10 of D <= q10 + 1
    // the head's waits uniform over (q10 + 1) / 40 .. dHead / 40 s
    const q = (p: number) => ((q10 + 1) / 40 + ((p * n - below) / q10) * ((dHead - q10 - 1) / 40)) + 0.1;
    expect(q(0.95)).toBeCloseTo(12.47, 1);
    expect(q(0.99)).toBeCloseTo(13.2, 1);
    expect(s.latencyP95Ms! / 1000).toBeGreaterThan(q(0.95) * 0.99);
    expect(s.latencyP95Ms! / 1000).toBeLessThan(q(0.95) * 1.01);
    expect(s.latencyP99Ms! / 1000).toBeGreaterThan(q(0.99) * 0.99);
    expect(s.latencyP99Ms! / 1000).toBeLessThan(q(0.99) * 1.01);
    // mean wait: head q10 (dHead + q10 + 1) / 80, the 3 q10 after it (q10 + 2) / 80 each, the
    // rest a little (rho 0.75, fixed service: M/D/4's wait, well under 0.1 s)
    const mean = ((q10 * (dHead + q10 + 1)) / 80 + (3 * q10 * (q10 + 2)) / 80) / n;
    expect(mean).toBeCloseTo(4.82, 2);
    expect(s.meanWaitMs! / 1000).toBeGreaterThan(mean);
    expect(s.meanWaitMs! / 1000).toBeLessThan(mean + ((1800 - 3 * q10) / n) * 0.1);
  });

  it('the drain minute reads the same at any period length (a head carried across periods keeps its waits)', () => {
    // Row i (50/s then 20/s, exponential service): the drain minute's mean wait is the hand
    // value of the 60 s case at 30, 10, 5 and 1 s periods too (it was 16.07, 13.36, 12.39,
    // 11.54 s for 16.96 when every period's head was read as queued behind a full queue)
    const means: number[] = [];
    for (const periodMs of [60_000, 30_000, 10_000, 5_000, 1_000]) {
      const { runs } = drainRun('exponential', 50, 20, periodMs, (11 * MIN) / periodMs);
      const first = (10 * MIN) / periodMs;
      const b = runs[first - 1].queued;
      let served = 0;
      let waitSum = 0;
      for (let i = first; i < runs.length; i++) {
        served += runs[i].served;
        waitSum += runs[i].served * (runs[i].meanWaitMs ?? 0);
      }
      expect(served).toBeCloseTo(b + 1200, 6);
      // (b (b + 1) / 40 + b (b + 2) / 80) / (b + 1 200), + the 1 200 - b at rho 0.5 (M/M/4: 0.0087 s)
      const hand = ((b * (b + 1)) / 40 + (b * (b + 2)) / 80 + (1200 - b) * 0.0087) / (b + 1200);
      means.push(waitSum / served / 1000);
      expect(Math.abs(waitSum / served / 1000 - hand)).toBeLessThan(0.01);
    }
    expect(Math.max(...means) - Math.min(...means)).toBeLessThan(0.01);
  });

  it('a cohort task leaving rotation mid-drain keeps its queue FIFO (random routing, 3 tasks)', () => {
    // Three tasks of mu 40/s, fixed 100 ms, maxQueuePerTask 1 000, random routing: 150/s
    // (50/s each) for 10 min holds each queue at b (read as full: D = b + 1); then 60/s.
    // t0 leaves rotation at 10:20. Minute 10, each task FIFO, waits D / 40 s:
    // - all three: 0-20 s, 20/s each, queue b -> b - 400; the b queued served first (by
    //   b / 40 s), D = b + 1, then the 400 arrivals of 0-20 s, D b + 1 down to b - 399 (mean b - 199).
    // - t0 (no arrivals after 20 s) serves the rest of its queue and empties at
    //   20 + (b - 400) / 40 s < 60 s: b + 400 served.
    // - t1, t2 (30/s each after 20 s, draining at 10/s: empty at 20 + (b - 400) / 10 s > 60 s):
    //   2 400 served each, after the b + 400 above m = 2 000 - b of the 30/s arrivals, the one
    //   arriving at 20 + v s finding b - 400 - 10 v ahead: D from b - 399 down to
    //   b - 399 - m / 3 (mean b - 399 - m / 6).
    const cfg: ServiceWorkloadConfig = {
      type: 'http',
      perTask: { concurrency: 4, serviceTime: { distribution: 'fixed', value: 100 } },
      maxQueuePerTask: 1000,
      routing: 'random',
    };
    const sw = 10 * MIN;
    const rate = (t: number) => (t < sw ? 150 : 60);
    const integral = (t: number) => (t < sw ? 150 * t : 150 * sw + 60 * (t - sw)) / 1000;
    const trace = { rateAt: rate, meanRate: (a: number, b: number) => (b > a ? ((integral(b) - integral(a)) * 1000) / (b - a) : rate(a)) };
    const sim = new Simulator();
    const model = createServiceLoadModel(cfg, { sim, trace, streams: new RandomStreams(1), serviceName: 'svc', fargate: true });
    for (const id of ['t0', 't1', 't2']) model.setInRotation(id, true, 0);
    const runs = [];
    for (let i = 0; i < 10; i++) runs.push(runPeriod(sim, model, i * MIN, (i + 1) * MIN));
    sim.run(sw + 20_000);
    model.setInRotation('t0', false, sw + 20_000);
    const s = runPeriod(sim, model, sw, sw + MIN);
    const b = runs[9].queued / 3;
    expect(b).toBeGreaterThan(990);
    const m = 2000 - b;
    const n = b + 400 + 2 * 2400;
    expect(s.served).toBeCloseTo(n, 6);
    const dSum = 3 * (b * (b + 1) + 400 * (b - 199)) + 2 * m * (b - 399 - m / 6);
    const mean = dSum / 40 / n;
    expect(mean).toBeCloseTo(19.4, 0);
    expect(Math.abs(s.meanWaitMs! / 1000 - mean)).toBeLessThan(0.001);
  });

  it('least-outstanding: two tasks levelled to one backlog keep their own segments', () => {
    // mu 40/s each (0.04/ms), fixed 100 ms, cap 1 000, 100/s, one minute; t0 from 0, t1
    // from 20 s, t2 from 40 s (sub-intervals cut there, each task's arrivals at a constant
    // rate in each).
    // 0-20 s: t0 alone, 100/s: the queue grows 60/s and fills (1 000) at 16.67 s, and is
    // then held at the chain's mean b (about the cap). FIFO, it serves 800 of the 1 666.67
    // that arrived before the fill, the k-th having found 0.6 k ahead: D 1 -> 481. At 20 s
    // it holds the other 866.67 (D 481 -> 1 001), then 133.33 admitted behind the full
    // queue (D b + 1).
    // 20-40 s: 2 000 arrivals levelled over t0 (b - 800 if it got none) and t1 (0 - 800):
    // L = (b + 400) / 2 (700 at b = 1 000); t0 gets a0 = L - b + 800, t1 a1 = L + 800
    // (building at a1 / 20 000 - 0.04 per ms: its L left are its last arrivals, from number
    // 800, which found 800 x slope / lambda ahead, to the last, L: D from that + 1 to L + 1).
    // t0: 800 of its queue served, D 481 -> 961; left 66.67 (D 961 -> 1 001), the 133.33 of
    // D b + 1, then its a0 arrivals, D b + 1 -> L + 1.
    // 40-60 s: t0 and t1 both at L, t2 0: 2 (L' - L + 800) + (L' + 800) = 2 000, L' =
    // (2 L - 400) / 3; t0 and t1 get a = L' - L + 800 each (draining), t2 L' + 800
    // (building). 800 served each: t0 its L queued, then 800 - L of its arrivals, the k-th
    // arriving at k / lambda and finding L + slope k / lambda ahead; t1 its L queued (D as
    // left above), then the same; t2, building, D = q mu / lambda + 1, q from 0 to L'.
    // Waits D / 40 s. (Grouping t0 and t1, same backlog, under t0's segments read the
    // minute at 14.04 s.)
    const cfg: ServiceWorkloadConfig = {
      type: 'http',
      perTask: { concurrency: 4, serviceTime: { distribution: 'fixed', value: 100 } },
      maxQueuePerTask: 1000,
      routing: 'least-outstanding',
    };
    const trace = { rateAt: () => 100, meanRate: () => 100 };
    const sim = new Simulator();
    const model = createServiceLoadModel(cfg, { sim, trace, streams: new RandomStreams(1), serviceName: 'svc', fargate: true });
    model.setInRotation('t0', true, 0);
    sim.run(20_000);
    model.setInRotation('t1', true, 20_000);
    sim.run(40_000);
    model.setInRotation('t2', true, 40_000);
    // one minute, cut at 20 and 40 s (t0 not yet steady: all three tasks apart)
    const s = runPeriod(sim, model, 0, MIN);
    // the queue left, 3 L' = 2 L - 400 = b
    const b = s.queued;
    expect(b).toBeGreaterThan(995);
    const L = (b + 400) / 2;
    const mu = 0.04;
    const a0 = L - b + 800;
    const lam1 = (L + 800) / 20_000;
    const t1First = (800 * (lam1 - mu)) / lam1 + 1;
    const L2 = (2 * L - 400) / 3;
    const lam = (L2 - L + 800) / 20_000;
    const k = 800 - L;
    const arr = (k * (L + 1 + (L + ((lam - mu) * k) / lam + 1))) / 2;
    const d0 = (200 / 3) * 981 + (400 / 3) * (b + 1) + (a0 * (b + 1 + L + 1)) / 2 + arr;
    const d1 = (L * (t1First + L + 1)) / 2 + arr;
    const lam2 = (L2 + 800) / 20_000;
    const d2 = 800 * (1 + ((L2 / 2) * mu) / lam2);
    // and over 20-40 s: t0's 800 of D 481 -> 961, t1's 800 building, q from 0 to L
    const d20 = 800 * 721 + 800 * (1 + ((L / 2) * mu) / lam1);
    // and over 0-20 s: t0's 800 of D 1 -> 481 (read at the full queue's law after the
    // fill, as before 2026-11-28, the minute read 1.56 s long)
    const d0to20 = 800 * 241;
    expect(s.served).toBeCloseTo(4800, 6);
    const mean = (d0to20 + d20 + d0 + d1 + d2) / 40 / 4800;
    // (0.005 s short: the first slice of 0-20 s's build, D 1 -> 61, reads the stationary
    // queue at rho 0.98 instead, its p95 the longer (addBacklogged's floor), its mean
    // about 7 departures shorter)
    expect(Math.abs(s.meanWaitMs! / 1000 - mean)).toBeLessThan(0.006);
  });
  it('a queue building again after a partial drain serves its carried head first, at their own waits (50/s, 10/s for 10 s, then 80/s)', () => {
    // 10 s periods, fixed 100 ms on 4 slots (mu 40/s), cap 1 000. At 600 s the queue is b
    // (held full: each queued behind a full queue, D = b + 1). [600, 610 s) at 10/s: 400
    // served, all of the head, b - 400 of it left in front of the 100 arrivals. [610, 620 s)
    // at 80/s builds the queue again, and FIFO serves the next 400 of that head first: each
    // waited (b + 1) / 40 s, as the 400 before them. (Read as built at this period's rate,
    // D = q(t) mu / lambda + 1, they showed about 14.2 s where they waited about 25 s.)
    const cfg: ServiceWorkloadConfig = { type: 'http', perTask: { concurrency: 4, serviceTime: { distribution: 'fixed', value: 100 } }, maxQueuePerTask: 1000 };
    const rate = (t: number) => (t < 600_000 ? 50 : t < 610_000 ? 10 : 80);
    const integral = (t: number) => (t < 600_000 ? 50 * t : t < 610_000 ? 50 * 600_000 + 10 * (t - 600_000) : 50 * 600_000 + 10 * 10_000 + 80 * (t - 610_000)) / 1000;
    const trace = { rateAt: rate, meanRate: (a: number, b: number) => (b > a ? ((integral(b) - integral(a)) * 1000) / (b - a) : rate(a)) };
    const sim = new Simulator();
    const model = createServiceLoadModel(cfg, { sim, trace, streams: new RandomStreams(1), serviceName: 'svc', fargate: true });
    model.setInRotation('t', true, 0);
    const runs = [];
    for (let t = 0; t < 620_000; t += 10_000) runs.push(runPeriod(sim, model, t, t + 10_000));
    const b = runs[59].queued;
    expect(b).toBeGreaterThan(990);
    expect(runs[60].served).toBeCloseTo(400, 6);
    expect(runs[60].queued).toBeCloseTo(b - 300, 6);
    const s = runs[61];
    expect(s.served).toBeCloseTo(400, 6);
    const wait = (b + 1) / 40;
    expect(s.meanWaitMs! / 1000).toBeCloseTo(wait, 2);
    expect(s.latencyP50Ms! / 1000).toBeGreaterThan(wait + 0.1 - 0.05);
    expect(s.latencyP50Ms! / 1000).toBeLessThan(wait + 0.1 + 0.15);
  });
  it('a queue building from empty reads its waits as one building from a small queue does (sliced when wide, no jump at q0 = 0)', () => {
    // 10 s at r0 (40/s = mu: no queue; 40.01/s: 0.1 left), then 80/s on one task of 4 x
    // 100 ms, cap 1 000: [10, 20 s) builds 0 -> 400, serving 400, the n-th arrival having
    // found n / 2 ahead: D uniform 1 .. 201, the wait uniform 0 .. 5 s, + 0.1 s of service:
    // p99 by hand 4.95 + 0.1 = 5.05 s. One group fitted to the uniform read 7.83 s at
    // q0 = 0 while q0 = 0.1 read 5.10 s.
    const cfg: ServiceWorkloadConfig = { type: 'http', perTask: { concurrency: 4, serviceTime: { distribution: 'fixed', value: 100 } }, maxQueuePerTask: 1000 };
    for (const r0 of [40, 40.01]) {
      const rate = (t: number) => (t < 10_000 ? r0 : 80);
      const integral = (t: number) => (t < 10_000 ? r0 * t : r0 * 10_000 + 80 * (t - 10_000)) / 1000;
      const trace = { rateAt: rate, meanRate: (a: number, b: number) => (b > a ? ((integral(b) - integral(a)) * 1000) / (b - a) : rate(a)) };
      const sim = new Simulator();
      const model = createServiceLoadModel(cfg, { sim, trace, streams: new RandomStreams(1), serviceName: 'svc', fargate: true });
      model.setInRotation('t', true, 0);
      runPeriod(sim, model, 0, 10_000);
      const s = runPeriod(sim, model, 10_000, 20_000);
      expect(s.latencyP99Ms! / 1000).toBeGreaterThan(5.05 * 0.98);
      expect(s.latencyP99Ms! / 1000).toBeLessThan(5.05 * 1.02);
      expect(s.latencyP50Ms! / 1000).toBeGreaterThan(2.6 * 0.94);
      expect(s.latencyP50Ms! / 1000).toBeLessThan(2.6 * 1.08);
    }
  });
});

/** One task, 4 slots of 100 ms, maxQueuePerTask 1 000; r1/s for 10 min then r2/s; `periods` periods of periodMs. */
function drainRun(dist: 'fixed' | 'exponential', r1: number, r2: number, periodMs: number, periods: number) {
  const cfg: ServiceWorkloadConfig = {
    type: 'http',
    perTask: { concurrency: 4, serviceTime: dist === 'fixed' ? { distribution: 'fixed', value: 100 } : { distribution: 'exponential', mean: 100 } },
    maxQueuePerTask: 1000,
  };
  const sw = 10 * MIN;
  const rate = (t: number) => (t < sw ? r1 : r2);
  const integral = (t: number) => (t < sw ? r1 * t : r1 * sw + r2 * (t - sw)) / 1000;
  const trace = { rateAt: rate, meanRate: (a: number, b: number) => (b > a ? ((integral(b) - integral(a)) * 1000) / (b - a) : rate(a)) };
  const sim = new Simulator();
  const model = createServiceLoadModel(cfg, { sim, trace, streams: new RandomStreams(1), serviceName: 'svc', fargate: true });
  model.setInRotation('t', true, 0);
  const runs = [];
  for (let i = 0; i < periods; i++) runs.push(runPeriod(sim, model, i * periodMs, (i + 1) * periodMs));
  return { runs };
}
