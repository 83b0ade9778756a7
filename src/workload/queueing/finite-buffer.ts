// M/M/c/K: c servers, room for N requests waiting (K = c + N in the system), Poisson
// arrivals, offered load a = lambda / mu Erlangs, rho = a / c. Stationary probabilities
// (birth-death chain): p(n) ~ a^n / n! up to n = c, then p(c) rho^j for n = c + j,
// j = 0..N. An arrival that finds K in the system is rejected; arrivals see the
// stationary distribution (PASTA), so the blocking probability is p(K).
//
// In units of p(c): the states below c weigh R = 1/B - 1 (B = Erlang B(c, a), by the
// stable recursion of erlang-c.ts), the waiting states j = 0..N-1 weigh
// W = (1 - rho^N) / (1 - rho), the full state rho^N. So
//   P_K = rho^N / (R + W + rho^N),  P(an admitted request waits) = W / (R + W),
// and a waiting admitted request has J requests ahead of it in the queue, J truncated
// geometric on 0..N-1 with ratio rho: it waits for J + 1 departures of c busy servers.
// N = 0 gives Erlang B; N -> infinity (rho < 1) gives Erlang C, J geometric.
//
// N may be fractional (G/G/c callers scale the buffer, see fluid-latency.ts): W, the
// moments of J and rho^N are the same closed forms, smooth in N. Everything uses expm1 so
// that rho near 1 does not cancel, and rho^N is never formed above 1 (rho > 1 divides
// through by rho^N), so no overflow for any N.

import { erlangBInverse } from './erlang-c.js';

export interface FiniteBufferShape {
  /** P(an arrival finds the buffer full) = P_K: rejected. */
  pFull: number;
  /**
   * Throughput lost against a fluid queue that serves min(lambda, c mu):
   * 1 - lambda (1 - P_K) / min(lambda, c mu). Equals P_K when rho <= 1; above 1 the
   * fluid already rejects the excess 1 - 1/rho, and this is what idle servers lose on top.
   */
  loss: number;
  /** P(an admitted arrival waits). */
  pWait: number;
  /** Mean and variance of the requests ahead of an admitted arrival that waits. */
  aheadMean: number;
  aheadVar: number;
}

export function newFiniteBufferShape(): FiniteBufferShape {
  return { pFull: 0, loss: 0, pWait: 0, aheadMean: 0, aheadVar: 0 };
}

/**
 * rho^N (rho < 1) or rho^-N (rho > 1) below e^-23 = 1e-10: the buffer's finiteness changes
 * the blocking by less than that and the waiting-time moments by less than N times that,
 * relative: callers use the infinite-buffer formulas (and skip this computation).
 */
export const NEGLIGIBLE_EXPONENT = 23;

/** Whether a buffer of `places` changes M/M/c at load `a` by more than e^-NEGLIGIBLE_EXPONENT. */
export function bufferMatters(c: number, a: number, places: number): boolean {
  if (!(a > 0) || !(places < Infinity)) return false;
  return places * Math.abs(Math.log(a / c)) <= NEGLIGIBLE_EXPONENT;
}

/** The M/M/c/(c + places) stationary figures for offered load a > 0 (Erlangs), into `out`. */
export function finiteBuffer(c: number, a: number, places: number, out: FiniteBufferShape = newFiniteBufferShape()): FiniteBufferShape {
  if (!(c >= 1)) throw new Error(`finiteBuffer: expected at least 1 server, found ${c}`);
  if (!(places >= 0)) throw new Error(`finiteBuffer: expected places >= 0, found ${places}`);
  if (!(a > 0)) {
    out.pFull = 0;
    out.loss = 0;
    out.pWait = 0;
    out.aheadMean = 0;
    out.aheadVar = 0;
    return out;
  }
  const n = places;
  const rho = a / c;
  const l = Math.log(rho);
  const r = erlangBInverse(c, a) - 1; // the states below c, in units of p(c); may be Infinity
  if (l <= 0) {
    // W = (1 - rho^N) / (1 - rho) = expm1(N l) / expm1(l); N at rho = 1
    const w = l === 0 ? n : Math.expm1(n * l) / Math.expm1(l);
    const rn = Math.exp(n * l);
    const z = r + w + rn;
    out.pFull = rn / z;
    out.loss = out.pFull;
    out.pWait = w > 0 ? w / (r + w) : 0;
  } else {
    // divided through by rho^N: s = rho^-N, W s = (1 - rho^-N) / (rho - 1)
    const s = Math.exp(-n * l);
    const ws = -Math.expm1(-n * l) / Math.expm1(l);
    const zs = r * s + ws + 1;
    out.pFull = 1 / zs;
    // 1 - rho (1 - P_K) = (1 + (1 - rho) R) / Z (see the note in the doc comment)
    out.loss = ((1 + (1 - rho) * r) * s) / zs;
    out.pWait = ws > 0 ? ws / (r * s + ws) : 0;
  }
  aheadMoments(n, l, out);
  return out;
}

/**
 * Mean and variance of J on 0..N-1 with P(j) ~ rho^j = e^(l j): the derivatives of
 * ln((e^(N l) - 1) / (e^l - 1)). N <= 1 leaves no place ahead (J = 0; the closed forms are
 * 0 at N = 1 and would go negative below). Near l = 0 the closed forms cancel: there the
 * series (N-1)/2 + (N^2-1) l / 12 - (N^4-1) l^3 / 720 and (N^2-1)/12 - (N^4-1) l^2 / 240
 * (next terms (N l)^4 smaller).
 */
function aheadMoments(n: number, l: number, out: FiniteBufferShape): void {
  if (n <= 1) {
    out.aheadMean = 0;
    out.aheadVar = 0;
    return;
  }
  const nl = n * l;
  if (Math.abs(nl) < 1e-2) {
    const n2 = n * n - 1;
    const n4 = n * n * n * n - 1;
    out.aheadMean = (n - 1) / 2 + (n2 * l) / 12 - (n4 * l * l * l) / 720;
    out.aheadVar = n2 / 12 - (n4 * l * l) / 240;
    return;
  }
  // E J = 1/expm1(-l) - N/expm1(-N l); Var J = e^-l/expm1(-l)^2 - N^2 e^(-N l)/expm1(-N l)^2
  const e1 = Math.expm1(-l);
  let mean = 1 / e1;
  let v = (1 + e1) / (e1 * e1);
  if (nl > -700) {
    // beyond, rho^N underflows: the untruncated geometric
    const en = Math.expm1(-nl);
    mean -= n / en;
    v -= ((n * n) * (1 + en)) / (en * en);
  }
  out.aheadMean = mean;
  out.aheadVar = v > 0 ? v : 0;
}
