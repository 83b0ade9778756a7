// The fluid backlog of one queue over a metric period, and what the requests served while
// it was positive saw ahead of them. Arrivals and service run at constant rates within a
// period, so the backlog is a straight line from its start value, clipped below at 0 (the
// queue drained) and above at the cap (the queue is full: the excess is rejected).
//
// A request served while the backlog is positive waits for D departures of its queue:
// the requests ahead of it plus one (all slots are busy). Requests are served at the
// constant rate while backlogged, so over the line part the service time t is uniform.
// The queue is FIFO at a constant departure rate, building (lambda > rate) or draining
// (lambda <= rate), so a request waits for the queue it found on arrival
// plus one, not for q(t) + 1 at its departure (that under-counted the k-th served by
// k (1 - lambda / rate): a full queue of 1000, 40/s, arrivals 50 -> 20/s read the drain
// minute's p50 9.7 s where request fidelity shows 22.3 s; notes/service-model.md, row i).
// The line then has two parts. The head part: the q0 requests queued at the period start,
// served first, over q0 / rate. Each waits for the queue it found when it arrived, in an
// earlier period, which the caller carries with the queue (a QueueRange, set from this
// function's `end` at the previous period's end): the queue as two FIFO segments, each of
// D linear in its position (a front one of `front` requests, D from frontFirst to
// frontLast, and the back one of the rest, backFirst to backLast), and behind them the last
// `full` requests, admitted behind a full queue (below). A queue held full: all such. A
// drain serves those as each queued behind a full queue: each found that queue ahead, D
// q0 + 1 (q0 the cap; a queue held at the chain's mean b below it stands for the chain,
// whose admitted requests found about b - 1 ahead: b + 1 is the nearer, cap + 1 too long by
// x / (1 - x), x = rate / lambda), a flat back segment behind the linear ones; when there
// are two of those they are joined into the front first (adjacent in FIFO order, and on one
// line when one arrival rate built them, as below). Taking q0 + 1
// for every head read a queue left by a draining period short (its requests arrived when the
// queue was longer: one task, mu 40/s, 998 queued then 30/s: minute 11's 398 left over
// waited 13.3 s down to 10 s, read 10 s), and more so the shorter the period (the drain
// minute of row i read 16.96 s at 60 s periods, 11.5 s at 1 s periods).
// The rest: the request served at t > q0 / rate is number rate t - q0 of this period's
// arrivals, which came at lambda t' = rate t - q0, so it waited t - t' = q0 / lambda - t
// (rate - lambda) / lambda: linear from q0 / rate (D = q0 + 1) down to 0 (D = 1) where the
// queue empties.
// The queue left at the end (`end`; on the line: building below the cap, or draining and
// not yet empty) is the last q1 in FIFO order. If the head was all served (rate T >= q0)
// they are this period's arrivals, one segment: the first of them, number rate T - q0,
// arrived at t' = (rate T - q0) / lambda and found q0 + slope t' ahead, the last found q1;
// what was carried is dropped. Otherwise the head's unserved part is in front and this
// period's arrivals (D from q0 + 1 to q1 + 1) behind: if the carried front segment is not
// all served, its rest stays the front and the carried back segment and the new arrivals are
// joined as the back, one line from the back's first D keeping the two parts' mean D (its
// last 2 mean - first, at least 1 and at most the largest D of the two parts, the first
// then moved instead: so the total wait of the queue is carried exactly; the
// spread is exact when they lie on one line, as when one arrival rate drains over several
// periods, the arrivals' D then linear in their order, else approximate: joined at a
// different slope, the line ends below the arrivals' last D); else the back segment's rest
// becomes the front and the arrivals the back.
// Two segments keep a queue held full and then drained at one arrival rate over periods of
// any length exact (a constant front and one line behind it). When the rate changes within
// the drain, the queue's total D over the drain (its total wait) stays exact while every
// period drains (the join keeps the mean), but how it falls to each period is approximate:
// a joined line served in part reads its part on the line, not on the two slopes (a full
// queue of 1 000 at 40/s under 1/s and 38/s alternating every 2 s: periods' mean D off by up
// to 12 %).
// A building queue is read the same way: its head first (as carried), then this period's
// arrivals, the one served at t having found q0 + slope t' ahead (t' its arrival, as
// above), D rising from q0 + 1. For this period's arrivals that is D = q(t) rate / lambda
// + 1, the rule before 2026-11-27, which read the head too as built at this lambda: a head
// left by a partial drain read short (one task, 40/s, cap 1 000, 50/s, 10/s for 10 s, then
// 80/s: the next 400 served, queued behind a full queue, waited 24.98 s and read 14.15 s).
// The queue stays FIFO once it reaches the cap: the queue the fill found (the head's rest,
// then the line's arrivals, up to D cap + 1) is served first, and only then those admitted
// at the cap, at the full queue's law below. A queue that ends full is the last cap in that
// order: what is left of the queue the fill found as segments (as on the line: three
// joined into two) and the count admitted at the cap behind them (`full`), served in a
// later period after the segments, at the full queue's law while it is still full. Before
// (2026-11-28) all served after the fill was read at the full queue's law and a queue that
// ended full carried cap + 1 for each request: one task, 40/s, cap 1 000, 80/s from empty,
// 10 s periods: 20-30 s read a mean wait of 18.1 s where its requests waited 12.5 s.
// That is the http path's (per-task queues, capped); a queue service's shared FIFO queue
// takes only the line's extent and count from here and its waits from the cumulative
// arrivals (fluid-model.ts addFifo, arrival-curve.ts), which follow any history.
// While the queue is full an accepted request found a free place: near the cap the queue
// is a birth-death chain with ratio x = rate / lambda < 1, so the free places j >= 1 an
// accepted arrival sees are geometric, P(j) ~ x^j, truncated at the cap K:
// E[j] = 1/(1-x) - K x^K / (1 - x^K), D = K + 1 - E[j]; Var(j) ~ x/(1-x)^2, at most the
// uniform K^2/12 (x -> 1); with exponential service and a small cap the fluid model takes
// that part's waits from the chain instead (fluid-latency.ts addFullBuffer). The two parts are kept apart (two latency groups): one shifted exponential fitted to
// both would be bimodal-blind. No allocation, all outputs in `out`.

export interface BacklogSeen {
  /** Requests served at a linear D: the head's segments (headServed) and this period's arrivals before any fill, also when served after the queue filled. */
  lineServed: number;
  /** Of lineServed: the requests queued at the period start (served first, FIFO). */
  headServed: number;
  /** Of headServed, those of the carried front segment; their mean departures waited for and its variance (uniform). */
  frontServed: number;
  frontDepartures: number;
  frontDeparturesVar: number;
  /** The other headServed - frontServed (the back segment's): their mean departures and its variance. */
  headDepartures: number;
  headDeparturesVar: number;
  /** The queue left at the end as segments and a count admitted at the cap (set when it ends on the line or full; else none: rangeKnown false). */
  end: QueueRange;
  /** The other lineServed - headServed: their mean departures waited for (requests ahead + 1), and its variance. */
  lineDepartures: number;
  lineDeparturesVar: number;
  /** Requests served that were admitted at the cap (this period's, and the head's `full` ones while the queue is full): at the full queue's law. */
  fullServed: number;
  fullDepartures: number;
  fullDeparturesVar: number;
}

/**
 * A FIFO queue's requests as two segments, each of D (departures waited for: requests found
 * ahead on arrival + 1) linear in its position, and a tail: the first `front` requests from
 * frontFirst to frontLast, then the rest but the last `full` from backFirst to backLast, then
 * the last `full`, admitted behind a full queue (D at the full queue's law when served while
 * it is full, q + 1 when served by a drain, q the cap or the chain's mean a held queue
 * stands at). backFirst 0 and full 0: none known (an empty
 * queue); backFirst 0 with full > 0: no back segment.
 */
export interface QueueRange {
  front: number;
  frontFirst: number;
  frontLast: number;
  backFirst: number;
  backLast: number;
  full: number;
}

export function newQueueRange(): QueueRange {
  return { front: 0, frontFirst: 0, frontLast: 0, backFirst: 0, backLast: 0, full: 0 };
}

/** Sets `r` to one segment of D `d` (0: none). */
export function flatRange(r: QueueRange, d: number): void {
  r.front = 0;
  r.frontFirst = 0;
  r.frontLast = 0;
  r.backFirst = d;
  r.backLast = d;
  r.full = 0;
}

/** Sets `r` to `q` requests all admitted behind a full queue (held full). */
export function fullRange(r: QueueRange, q: number): void {
  flatRange(r, 0);
  r.full = q;
}

/** A range that holds requests (a back segment or a tail). */
export function rangeKnown(r: QueueRange): boolean {
  return r.backFirst >= 1 || r.full > 0;
}

export function copyRange(to: QueueRange, from: QueueRange): void {
  to.front = from.front;
  to.frontFirst = from.frontFirst;
  to.frontLast = from.frontLast;
  to.backFirst = from.backFirst;
  to.backLast = from.backLast;
  to.full = from.full;
}

export function sameRange(a: QueueRange, b: QueueRange): boolean {
  return a.front === b.front && a.frontFirst === b.frontFirst && a.frontLast === b.frontLast && a.backFirst === b.backFirst && a.backLast === b.backLast && a.full === b.full;
}

export function newBacklogSeen(): BacklogSeen {
  return { lineServed: 0, headServed: 0, frontServed: 0, frontDepartures: 0, frontDeparturesVar: 0, headDepartures: 0, headDeparturesVar: 0, end: newQueueRange(), lineDepartures: 0, lineDeparturesVar: 0, fullServed: 0, fullDepartures: 0, fullDeparturesVar: 0 };
}

/**
 * `q0` requests waiting at the start (their D as `head`; when not given or empty one segment
 * of q0 + 1, or at the cap all queued behind a full queue), `arrivals` over `periodMs` at a
 * constant rate, served at `ratePerMs` while backlogged, at most `cap` waiting (Infinity: no
 * cap).
 */
export function backlogSeen(q0: number, arrivals: number, ratePerMs: number, periodMs: number, cap: number, out: BacklogSeen, head?: QueueRange): void {
  out.lineServed = 0;
  out.headServed = 0;
  out.frontServed = 0;
  out.frontDepartures = 0;
  out.frontDeparturesVar = 0;
  out.headDepartures = 0;
  out.headDeparturesVar = 0;
  out.lineDepartures = 0;
  out.lineDeparturesVar = 0;
  out.fullServed = 0;
  out.fullDepartures = 0;
  out.fullDeparturesVar = 0;
  const end = out.end;
  flatRange(end, 0);
  // the head's segments: c1 requests from f1 to l1, then c2 from f2 to l2, then the last ct
  // admitted behind a full queue (q0 = c1 + c2 + ct)
  let c1 = 0;
  let f1 = 0;
  let l1 = 0;
  let f2 = q0 + 1;
  let l2 = q0 + 1;
  let ct = 0;
  if (head !== undefined && rangeKnown(head)) {
    c1 = head.front < q0 ? head.front : q0;
    f1 = head.frontFirst;
    l1 = head.frontLast;
    if (head.backFirst >= 1) {
      f2 = head.backFirst;
      l2 = head.backLast;
      ct = head.full < q0 - c1 ? head.full : q0 - c1;
    } else {
      ct = q0 - c1;
    }
  } else if (q0 > 0 && q0 >= cap) {
    ct = q0; // at the cap, none carried: queued behind a full queue
  }
  if (!(periodMs > 0) || !(ratePerMs > 0)) {
    // nothing served: the queue kept, this interval's arrivals (if any, and it is not full)
    // joined to its back
    if (q0 > 0) {
      const c2 = q0 - c1 - ct;
      end.front = c1;
      end.frontFirst = f1;
      end.frontLast = l1;
      end.full = ct;
      if (ct > 0) {
        end.backFirst = c2 > 0 ? f2 : 0;
        end.backLast = c2 > 0 ? l2 : 0;
      } else {
        end.backFirst = c2 > 0 ? f2 : q0 + 1;
        end.backLast = arrivals > 0 ? Math.min(cap, q0 + arrivals) + 1 : l2;
      }
    }
    return;
  }
  const lambda = arrivals / periodMs;
  const slope = lambda - ratePerMs; // backlog change per ms while positive
  if (q0 <= 0 && slope <= 0) return; // never backlogged
  // Line part: from q0 to qEnd over lineMs; then full at the cap for the rest of the period.
  let lineMs = periodMs;
  if (slope < 0) lineMs = Math.min(periodMs, q0 / -slope);
  else if (slope > 0 && q0 + slope * periodMs > cap) lineMs = Math.max(0, (cap - q0) / slope);
  const fullMs = slope > 0 ? periodMs - lineMs : 0;
  if (ct > 0 && lineMs > 0) {
    // those admitted behind a full queue, served on the line (a drain): each found the full
    // queue ahead, D q0 + 1 (q0 the cap, or the chain's mean a held queue stands at: see the
    // top), kept as a flat back segment behind the linear ones; with both a front and a back
    // segment, those two (adjacent in FIFO order, on one line when one arrival rate built
    // them) are joined as the front, keeping their mean (as below), else the back segment
    // moves to the front
    const c2 = q0 - c1 - ct;
    const d = q0 + 1;
    if (c2 > 0 && c1 > 0) {
      const mean = (c1 * (f1 + l1) + c2 * (f2 + l2)) / (2 * (c1 + c2));
      const last = joinedLast(mean, f1, Math.max(f1, l1, f2, l2));
      f1 = 2 * mean - last;
      l1 = last;
      c1 += c2;
    } else if (c2 > 0) {
      c1 = c2;
      f1 = f2;
      l1 = l2;
    }
    f2 = d;
    l2 = d;
    ct = 0;
  }
  const c2 = q0 - c1 - ct;
  // FIFO: the head's linear part (queued at the start, D as carried), its part admitted
  // behind a full queue (only when the period starts full), then this period's arrivals
  // before the fill (line), D linear from q0 + 1 down (draining: to 1 once the queue
  // empties) or up (building: to cap + 1 at the fill), then those admitted at the cap
  const served = ratePerMs * (lineMs + fullMs);
  const lineArrivals = lineMs === periodMs ? arrivals : lambda * lineMs;
  const sHead = ratePerMs * Math.min(lineMs + fullMs, (q0 - ct) / ratePerMs);
  out.headServed = sHead;
  // the head's first sHead positions: n1 of the front segment, then n2 of the back one
  const n1 = sHead < c1 ? sHead : c1;
  if (n1 > 0) {
    const e = f1 + ((l1 - f1) * n1) / c1;
    out.frontServed = n1;
    out.frontDepartures = (f1 + e) / 2;
    out.frontDeparturesVar = ((e - f1) * (e - f1)) / 12;
  }
  const n2 = sHead - n1;
  if (n2 > 0) {
    const e = c2 > 0 ? f2 + ((l2 - f2) * n2) / c2 : f2;
    out.headDepartures = (f2 + e) / 2;
    out.headDeparturesVar = ((e - f2) * (e - f2)) / 12;
  }
  // this period's arrivals served: the first m of them
  const m = served - q0 > 0 ? (served - q0 < lineArrivals ? served - q0 : lineArrivals) : 0;
  const a = q0 + 1;
  let b = a;
  if (fullMs > 0) {
    if (m > 0 && lambda > 0) b = q0 + (slope * m) / lambda + 1;
    out.lineServed = sHead + m;
  } else {
    if (lineMs > q0 / ratePerMs && lambda > 0) {
      const w = q0 / lambda + (slope * lineMs) / lambda; // slope = -(rate - lambda)
      b = (w > 0 ? w : 0) * ratePerMs + 1;
    }
    out.lineServed = ratePerMs * lineMs;
  }
  if (lineMs > 0 || sHead > 0) {
    out.lineDepartures = (a + b) / 2;
    out.lineDeparturesVar = ((a - b) * (a - b)) / 12;
  }
  if (fullMs > 0) {
    // the rest: the head's part admitted behind a full queue, then this period's admitted
    // at the cap, both at the full queue's law
    out.fullServed = served - out.lineServed;
    const x = ratePerMs / lambda;
    // (1 - x) K small: the truncated geometric is nearly uniform on 1..K (and the closed
    // form would cancel catastrophically). A cap below 1 holds nobody: no wait.
    const xk = Math.pow(x, cap);
    const free = cap < 1 ? 1 : (1 - x) * cap < 1e-6 ? (cap + 1) / 2 : 1 / (1 - x) - (cap * xk) / (1 - xk);
    out.fullDepartures = cap + 1 - free;
    out.fullDeparturesVar = Math.min(x / ((1 - x) * (1 - x)), (cap * cap) / 12);
  }
  const qEnd = fullMs > 0 ? cap : q0 + slope * periodMs;
  if (fullMs > 0 || (lineMs === periodMs && qEnd > 0)) {
    // the queue left (see the top): the last qEnd in FIFO order; those admitted at the cap
    // (the head's not served, and this period's) at its back
    const tail = ct + ratePerMs * fullMs - out.fullServed;
    end.full = tail > 0 ? tail : 0;
    const lin = q0 - ct;
    if (served >= lin) {
      // the head all served: this period's arrivals not served, if any
      if (lineArrivals > m) {
        end.backFirst = q0 + (lambda > 0 ? (slope * m) / lambda : 0) + 1;
        end.backLast = qEnd + 1;
      }
    } else if (served < c1) {
      // the front segment's rest in front; the back segment and the arrivals joined behind
      end.front = c1 - served;
      end.frontFirst = f1 + ((l1 - f1) * served) / c1;
      end.frontLast = l1;
      end.backFirst = c2 > 0 ? f2 : q0 + 1;
      end.backLast = lineArrivals > 0 ? qEnd + 1 : c2 > 0 ? l2 : l1;
      if (c2 > 0 && lineArrivals > 0) {
        // the joined line keeps the back's first D and the true mean of the two parts (c2
        // of mean (f2 + l2) / 2, the arrivals of mean (q0 + qEnd) / 2 + 1): last = 2 mean -
        // first (below the arrivals' last when the back lies higher: the total is what is
        // kept, the spread approximate), kept within 1 and the largest D of the two (then
        // the first is moved instead: joinedLast)
        const n = lineArrivals;
        const mean = (c2 * (f2 + l2) + n * (q0 + qEnd + 2)) / (2 * (c2 + n));
        const last = joinedLast(mean, f2, Math.max(f2, l2, q0 + 1, qEnd + 1));
        end.backFirst = 2 * mean - last;
        end.backLast = last;
      }
    } else {
      // the back segment's rest in front, the arrivals behind
      end.front = lin - served;
      end.frontFirst = c2 > 0 ? f2 + ((l2 - f2) * (served - c1)) / c2 : f2;
      end.frontLast = l2;
      end.backFirst = lineArrivals > 0 ? q0 + 1 : l2;
      end.backLast = lineArrivals > 0 ? qEnd + 1 : l2;
    }
  }
}

/**
 * The last D of two adjacent FIFO segments joined into one line from `first` keeping their
 * `mean`: 2 mean - first, kept within [1, hi] (hi the largest D of the two: no request of
 * them found more ahead), the first then 2 mean - last.
 */
function joinedLast(mean: number, first: number, hi: number): number {
  const last = 2 * mean - first;
  return last < 1 ? 1 : last > hi ? hi : last;
}

/**
 * Makes the served parts of `seen` agree with the fluid count `done`: when a queue is left
 * over (`rest` > 0) everything served was served while backlogged, and the parts never
 * add up to more than `done` (no rounding remainder). Parts that are both 0 stay 0.
 */
export function fitServedTo(seen: BacklogSeen, done: number, rest: number): void {
  const line = seen.lineServed;
  const full = seen.fullServed;
  // nothing served backlogged (a queue left over by a rounding error): nothing to fit
  if (!(line + full > 0)) return;
  if (rest > 0 || line + full > done) {
    const k = done / (line + full);
    seen.lineServed = line * k;
    seen.headServed *= k;
    seen.frontServed *= k;
    seen.fullServed = done - line * k;
  }
}
