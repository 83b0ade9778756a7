// The fluid backlog of one queue over a metric period, and what the requests served while
// it was positive saw ahead of them. Arrivals and service run at constant rates within a
// period, so the backlog is a straight line from its start value, clipped below at 0 (the
// queue drained) and above at the cap (the queue is full: the excess is rejected).
//
// A request served while the backlog is positive waits for D departures of its queue:
// the requests ahead of it plus one (all slots are busy). Requests are served at the
// constant rate while backlogged, so over the line part the service time t is uniform.
// When a request enters service the backlog q(t) behind it arrived during its wait, at
// rate lambda: its wait is q(t) / lambda, i.e. D = q(t) rate / lambda + 1. That holds
// while the backlog builds (lambda > rate). While it drains (lambda <= rate) the queue is
// FIFO at a constant departure rate, so a request waits for the queue it found on arrival
// plus one, not for q(t) + 1 at its departure (that under-counted the k-th served by
// k (1 - lambda / rate): a full queue of 1000, 40/s, arrivals 50 -> 20/s read the drain
// minute's p50 9.7 s where request fidelity shows 22.3 s; notes/service-model.md, row i).
// The line then has two parts. The head part: the q0 requests queued at the period start,
// served first, over q0 / rate. The model keeps no history of a per-task queue, so they are
// taken as having queued behind a full queue accepting at `rate` (the usual way an http
// backlog outlives its period: held at the cap): each waited D = q0 + 1. The rest: the
// request served at t > q0 / rate is number rate t - q0 of this period's arrivals, which
// came at lambda t' = rate t - q0, so it waited t - t' = q0 / lambda - t (rate - lambda) /
// lambda: linear from q0 / rate (D = q0 + 1) down to 0 (D = 1) where the queue empties.
// A backlog built below the cap in an earlier period (from empty at lambda' > rate: its
// head waited q0 / lambda') so reads its head part up to lambda' / rate too long.
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
  /** Requests served while the backlog was on its line part (building or draining), headServed included. */
  lineServed: number;
  /**
   * Of lineServed, while draining: the requests queued at the period start (served first),
   * and the departures each waited for (q0 + 1; no spread). 0 while building.
   */
  headServed: number;
  headDepartures: number;
  /** The other lineServed - headServed: their mean departures waited for (requests ahead + 1), and its variance. */
  lineDepartures: number;
  lineDeparturesVar: number;
  /** Requests served while the queue was full. */
  fullServed: number;
  fullDepartures: number;
  fullDeparturesVar: number;
}

export function newBacklogSeen(): BacklogSeen {
  return { lineServed: 0, headServed: 0, headDepartures: 0, lineDepartures: 0, lineDeparturesVar: 0, fullServed: 0, fullDepartures: 0, fullDeparturesVar: 0 };
}

/**
 * `q0` requests waiting at the start, `arrivals` over `periodMs` at a constant rate,
 * served at `ratePerMs` while backlogged, at most `cap` waiting (Infinity: no cap).
 */
export function backlogSeen(q0: number, arrivals: number, ratePerMs: number, periodMs: number, cap: number, out: BacklogSeen): void {
  out.lineServed = 0;
  out.headServed = 0;
  out.headDepartures = 0;
  out.lineDepartures = 0;
  out.lineDeparturesVar = 0;
  out.fullServed = 0;
  out.fullDepartures = 0;
  out.fullDeparturesVar = 0;
  if (!(periodMs > 0) || !(ratePerMs > 0)) return;
  const lambda = arrivals / periodMs;
  const slope = lambda - ratePerMs; // backlog change per ms while positive
  if (q0 <= 0 && slope <= 0) return; // never backlogged
  // Line part: from q0 to qEnd over lineMs; then full at the cap for the rest of the period.
  let lineMs = periodMs;
  if (slope < 0) lineMs = Math.min(periodMs, q0 / -slope);
  else if (slope > 0 && q0 + slope * periodMs > cap) lineMs = Math.max(0, (cap - q0) / slope);
  const fullMs = slope > 0 ? periodMs - lineMs : 0;
  if (lineMs > 0 && slope <= 0) {
    // FIFO drain: the head part (queued at the start, D = q0 + 1), then this period's
    // arrivals, D linear from q0 + 1 down to (q0 / lambda - t (rate - lambda) / lambda) rate + 1
    // at the line's end (1 once the queue empties)
    const headMs = Math.min(lineMs, q0 / ratePerMs);
    out.lineServed = ratePerMs * lineMs;
    out.headServed = ratePerMs * headMs;
    out.headDepartures = q0 + 1;
    const a = q0 + 1;
    let b = a;
    if (lineMs > headMs && lambda > 0) {
      const w = q0 / lambda + (slope * lineMs) / lambda; // slope = -(rate - lambda)
      b = (w > 0 ? w : 0) * ratePerMs + 1;
    }
    out.lineDepartures = (a + b) / 2;
    out.lineDeparturesVar = ((a - b) * (a - b)) / 12;
  } else if (lineMs > 0) {
    // building: D = q scale + 1 with q uniform between q0 and qEnd.
    const scale = ratePerMs / lambda;
    const a = q0 * scale + 1;
    const b = (q0 + slope * lineMs) * scale + 1;
    const d = (a + b) / 2;
    out.lineServed = ratePerMs * lineMs;
    out.lineDepartures = d;
    out.lineDeparturesVar = ((b - a) * (b - a)) / 12;
  }
  if (fullMs > 0) {
    const x = ratePerMs / lambda;
    // (1 - x) K small: the truncated geometric is nearly uniform on 1..K (and the closed
    // form would cancel catastrophically). A cap below 1 holds nobody: no wait.
    const xk = Math.pow(x, cap);
    const free = cap < 1 ? 1 : (1 - x) * cap < 1e-6 ? (cap + 1) / 2 : 1 / (1 - x) - (cap * xk) / (1 - xk);
    out.fullServed = ratePerMs * fullMs;
    out.fullDepartures = cap + 1 - free;
    out.fullDeparturesVar = Math.min(x / ((1 - x) * (1 - x)), (cap * cap) / 12);
  }
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
    seen.fullServed = done - line * k;
  }
}
