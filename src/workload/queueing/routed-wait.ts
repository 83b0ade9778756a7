// The stationary wait of one task's queue as the load balancer's routing shapes it: the
// Allen-Cunneen G/G/c wait (allen-cunneen.ts), with two corrections where the routing makes
// it wrong by more than a few per cent.
//
// - Round-robin: a task sees every k-th arrival of a Poisson stream,
//   Erlang-k gaps (scv 1/k). E_k/M/1 is a GI/M/1 queue, solved exactly: an arrival waits
//   with probability sigma, the root in (0, 1) of sigma = (k lambda / (k lambda + mu (1 -
//   sigma)))^k (the Laplace transform of the gap at mu (1 - sigma)), and the wait of those
//   who wait is exponential with rate mu (1 - sigma). Allen-Cunneen keeps M/M/1's P(wait)
//   = rho, which put the median 23 % high at rho 0.5 with 4 tasks. For service that is not
//   exponential the conditional wait is scaled as Allen-Cunneen scales it for the service
//   variability, by (ca2 + cs2) / (ca2 + 1) (exact for exponential service). Tasks with c
//   slots: E_k/M/c is GI/M/c, whose wait given waiting is exactly exponential with rate
//   c mu (1 - sigma) (sigma the same root, rho = lambda / (c mu)); its P(wait) needs the
//   c boundary probabilities, taken here as Erlang C x sigma / rho (exact at c = 1; a
//   heuristic otherwise: against request fidelity at c = 4, 4 tasks, the median's error
//   went from +5..+9 % with Allen-Cunneen to +2..+4 %, docs/assumptions.md).
// - Least-outstanding (join the shortest queue) over n tasks of c slots: the probability of
//   waiting is the pooled queue's (all n c slots busy, Erlang C), but a waiting request
//   waits at its own task, not for the first of n c slots. With the waiting requests
//   spread evenly over the tasks (state-space collapse, as JSQ does in heavy traffic), a
//   request finding J waiting (pooled: geometric, ratio rho) waits for floor(J / n) + 1
//   departures of its task's c slots: floor(J / n) is geometric with ratio rho^n, so the
//   wait is exponential with rate c mu (1 - rho^n) (n = 1: M/M/c; rho -> 1: 1 - rho^n =
//   (1 - rho)(n - (1 - rho) n (n - 1) / 2 + ...), so the mean is the pooled wait
//   1 / (n c mu (1 - rho)) plus (n - 1) / (2 n) of 1 / (c mu), at most half the time
//   between departures of the task's c busy slots). Scaled by Allen-Cunneen's (ca2 + cs2) / 2.
//   Its mean, by Little's law the steady queue, is high at light load, where JSQ's queue is
//   small: 4 tasks of concurrency 1, exponential service, Lq 0.371 against JSQ's 0.317 at
//   rho 0.5 (+17 %), +6 % at rho 0.8, +2.5 % at rho 0.9 (the pooled queue: -45 %, -12 % at 0.9).
//   Against request fidelity (4 tasks, concurrency 1, exponential service) p95 is +1.0 to
//   +2.2 % off at rho 0.5-0.9 (p50 +3 to +6 %) where the pooled queue was 8-15 % low at
//   p95; at concurrency 4 within +1 % (p50 +3 %); docs/assumptions.md.

import { allenCunneenWait, type WaitShape } from './allen-cunneen.js';

/** A wait shape, and the last E_k/M/1 root found for it (round-robin), a warm start for the next. */
export interface RoutedWaitShape extends WaitShape {
  sigma?: number;
}

/**
 * The wait of a task's queue: `servers` slots (per task for round-robin / random, all the
 * tasks' for least-outstanding), arrival rate `lambda`, arrivals' scv `ca2` (1 / k for
 * round-robin over k tasks), service scv `cs2`; `jsqTasks` > 1: least-outstanding over
 * that many tasks (the slots are pooled over them). rho < 1. `out.sigma`, when there, is
 * read as the previous E_k/M/1 root (a warm start: the load moves little from one period to
 * the next) and the new root is kept there.
 */
export function routedWait(
  lambda: number,
  meanService: number,
  servers: number,
  ca2: number,
  cs2: number,
  jsqTasks: number,
  out: RoutedWaitShape = { pWait: 0, theta: Infinity, sigma: 0 },
): RoutedWaitShape {
  allenCunneenWait(lambda, meanService, servers, ca2, cs2, out);
  if (!(out.pWait > 0) || !(out.theta < Infinity)) return out;
  const rho = (lambda * meanService) / servers;
  if (jsqTasks > 1) {
    const perTask = servers / jsqTasks;
    out.theta = ((perTask / meanService) * (1 - Math.pow(rho, jsqTasks))) / ((ca2 + cs2) / 2);
    return out;
  }
  if (ca2 < 1 && ca2 > 0) {
    const sigma = erlangArrivalsSigma(1 / ca2, rho, out.sigma ?? 0);
    out.sigma = sigma;
    out.pWait = servers === 1 ? sigma : (out.pWait * sigma) / rho;
    out.theta = (((servers * (1 - sigma)) / meanService) * (ca2 + 1)) / (ca2 + cs2);
  }
  return out;
}

/**
 * E_k/M/1 (GI/M/1 with Erlang-k gaps, utilization rho < 1): the root sigma in (0, 1) of
 * f(s) = s - (k rho / (k rho + 1 - s))^k, which is P(an arrival waits). f is concave with
 * f(0) < 0 and roots sigma and 1, so Newton from a point left of sigma climbs to it
 * monotonically. `guess` (the previous root, a warm start) left of sigma is used as it is;
 * right of sigma, where f still rises, one Newton step from it lands left of sigma (the
 * tangent of a concave f lies above it) and the climb goes on from there; else 0.
 */
export function erlangArrivalsSigma(k: number, rho: number, guess = 0): number {
  if (!(rho > 0)) return 0;
  const kr = k * rho;
  let s = 0;
  if (guess > 0 && guess < 1) {
    const g = Math.pow(kr / (kr + 1 - guess), k);
    const fs = guess - g;
    const d = 1 - (k * g) / (kr + 1 - guess);
    if (fs <= 0) s = guess;
    else if (d > 0) s = Math.max(0, guess - fs / d);
  }
  for (let i = 0; i < 200; i++) {
    const g = Math.pow(kr / (kr + 1 - s), k);
    const fs = s - g;
    const d = 1 - (k * g) / (kr + 1 - s); // f'(s)
    if (!(d > 0)) break;
    const step = -fs / d;
    s += step;
    if (!(step > 1e-13)) break;
  }
  return s;
}

/**
 * E_k/M/c in an overload (rho = lambda / (c mu) > 1): the root sigma > 1 of the same
 * f(s) = s - (k rho / (k rho + 1 - s))^k (sigma in (1, 1 + k rho), where f falls from
 * f'(1) = 1 - 1 / rho > 0 to minus infinity; f is concave). An arrival to a finite buffer
 * that finds all c slots busy finds j more waiting with probability proportional to sigma^j
 * (GI/M/c/K's geometric arrival-epoch law away from the boundary); k = 1 (Poisson) gives
 * rho. By bisection; rho <= 1 gives 1.
 */
export function erlangArrivalsSigmaAbove(k: number, rho: number): number {
  if (!(rho > 1)) return 1;
  if (k === 1) return rho;
  const kr = k * rho;
  // f > 0 just right of 1 (f'(1) > 0); f < 0 near 1 + k rho
  let lo = 1;
  let hi = 1 + kr;
  for (let i = 0; i < 80 && hi - lo > 1e-13 * hi; i++) {
    const s = 0.5 * (lo + hi);
    if (s - Math.pow(kr / (kr + 1 - s), k) > 0) lo = s;
    else hi = s;
  }
  return 0.5 * (lo + hi);
}

/**
 * The ratio of the geometric law of the requests ahead of an arrival that waits at a small
 * buffer's M/M/c/K-like chain (StationaryWait.atChain), by routing: least-outstanding over
 * `tasks` > 1 tasks pools them, rho^tasks (the pooled chain's n - C waiting spread over the
 * tasks); random routing (Poisson arrivals, `ca2` 1) the chain's own rho; round-robin
 * (Erlang-n arrivals at a task, `ca2` = 1 / n < 1) the E_n/M/c root: sigma in (0, 1) below
 * capacity (erlangArrivalsSigma), sigma > 1 above it (erlangArrivalsSigmaAbove), 1 at rho
 * 1. The one place the routing-to-ratio choice is made, for the full-buffer waits of the
 * fluid model (FluidServiceModel.fullRatio) and of the stationary wait (StationaryWait.at).
 */
export function chainRatio(rho: number, ca2: number, tasks: number): number {
  if (tasks > 1) return Math.pow(rho, tasks);
  if (!(ca2 < 1)) return rho;
  const n = Math.round(1 / ca2);
  return rho < 1 ? erlangArrivalsSigma(n, rho) : erlangArrivalsSigmaAbove(n, rho);
}
