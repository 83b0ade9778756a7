// Fluid mode, a small maxQueuePerTask (at most 16) and exponential service: the wait of an
// admitted request is its chain's, at the true load, also in an overload (a buffer held
// full). Before, an overload's wait was a shifted exponential fitted to the mean and spread
// of the places ahead, and the reviewer measured (4 tasks x concurrency 4, maxQueuePerTask
// 10, rho 1.2; p50/p95/p99 ms): random request 249/516/678 (exact M/M/4/14: 248/516/679),
// fluid 234/538/725; least-outstanding request 299/558/720, fluid 241/544/732; round-robin
// request 267/531/692, fluid 239/542/730.
//
// Every expectation here is written out from the chains (not from src):
// - M/M/c/K, arrivals lambda, slots c of rate mu, room for N waiting: p_n = a^n / n! up to
//   c, then x rho per place (a = lambda / mu, rho = a / c). An admitted arrival finds n < c + N
//   with probability p_n / (1 - p_(c+N)); finding n >= c it waits for n - c + 1 departures
//   of the busy slots, Erlang(n - c + 1, c mu); then its service, Exp(mu).
// - Least-outstanding over T tasks: the pooled M/M/(cT)/(cT + NT); an arrival finding n >= cT
//   joins a shortest queue, which holds floor((n - cT) / T) waiting: it waits for
//   floor((n - cT) / T) + 1 departures of its task's c slots.
// - Round-robin over T tasks, each task's arrivals Erlang-T (scv 1 / T): an arrival that
//   waits finds j - 1 = 0..N - 1 ahead with probability proportional to sigma^(j - 1),
//   sigma the root of sigma = (T rho / (T rho + 1 - sigma))^T (GI/M/c's arrival-epoch law;
//   above capacity the root above 1).
// P(W + S > t) = (1 - P(wait)) e^(-mu t) + P(wait) (P(W > t | wait) +
// integral_0^t f_W(x | wait) e^(-mu (t - x)) dx) (Simpson, 600 steps); quantiles by bisection.
import { describe, expect, it } from 'vitest';
import { normalTail, type Distribution } from '../../../src/engine/index.js';
import type { PeriodStats, ServiceWorkloadConfig } from '../../../src/workload/service/index.js';
import { erlangServiceTail } from '../../../src/workload/service/fluid-latency.js';
import { chainRatio } from '../../../src/workload/queueing/index.js';
import { build, runPeriod } from './harness.js';

const EXP100: Distribution = { distribution: 'exponential', mean: 100 };

/**
 * Sojourn quantiles (ms): P(wait) `pWait`, ahead[j - 1] = P(j departures | wait), Erlang(j,
 * nu) wait, Exp(mu) service (per ms), or service of survival `serviceTail` when given.
 */
function sojournQuantiles(pWait: number, ahead: number[], nu: number, mu: number, serviceTail: (t: number) => number = (t) => Math.exp(-mu * t)): number[] {
  const wait = (x: number): [number, number] => {
    // [P(W > x | wait), f_W(x | wait)]
    let term = Math.exp(-nu * x); // (nu x)^i / i! e^(-nu x)
    let cum = 0;
    let tail = 0;
    let dens = 0;
    for (let j = 1; j <= ahead.length; j++) {
      if (j > 1) term *= (nu * x) / (j - 1);
      cum += term;
      tail += ahead[j - 1] * cum;
      dens += ahead[j - 1] * nu * term;
    }
    return [tail, dens];
  };
  const tail = (t: number): number => {
    const steps = 600;
    const h = t / steps;
    let integral = 0;
    for (let i = 0; i <= steps; i++) integral += (i === 0 || i === steps ? 1 : i % 2 ? 4 : 2) * wait(i * h)[1] * serviceTail(t - i * h);
    return (1 - pWait) * serviceTail(t) + pWait * (wait(t)[0] + (integral * h) / 3);
  };
  return [0.5, 0.95, 0.99].map((p) => {
    let lo = 0;
    let hi = 100;
    while (tail(hi) > 1 - p) hi *= 2;
    for (let i = 0; i < 50; i++) {
      const mid = (lo + hi) / 2;
      if (tail(mid) > 1 - p) lo = mid;
      else hi = mid;
    }
    return (lo + hi) / 2;
  });
}

/** M/M/c/K state probabilities p_0..p_(c+N), normalised. */
function chain(a: number, c: number, places: number): number[] {
  const p = [1];
  for (let n = 1; n <= c + places; n++) p.push((p[n - 1] * a) / Math.min(n, c));
  const s = p.reduce((x, y) => x + y, 0);
  return p.map((x) => x / s);
}

/** The root sigma != 1 of sigma = (k rho / (k rho + 1 - sigma))^k, by bisection (rho > 1: in (1, 1 + k rho); rho < 1: in (0, 1)). */
function sigmaRoot(k: number, rho: number): number {
  const f = (s: number) => s - (k * rho / (k * rho + 1 - s)) ** k;
  let lo = rho > 1 ? 1 + 1e-12 : 0;
  let hi = rho > 1 ? 1 + k * rho - 1e-12 : 1 - 1e-12;
  // rho > 1: f > 0 left of the root; rho < 1: f < 0 left of it
  const leftSign = rho > 1 ? 1 : -1;
  for (let i = 0; i < 200; i++) {
    const m = (lo + hi) / 2;
    if (Math.sign(f(m)) === leftSign) lo = m;
    else hi = m;
  }
  return (lo + hi) / 2;
}

/** The x in [lo, hi] where the decreasing f crosses 0. */
function bisect(f: (x: number) => number, lo: number, hi: number): number {
  for (let i = 0; i < 100; i++) {
    const m = (lo + hi) / 2;
    if (f(m) > 0) lo = m;
    else hi = m;
  }
  return (lo + hi) / 2;
}

function geometric(ratio: number, places: number): number[] {
  const w = Array.from({ length: places }, (_, i) => ratio ** i);
  const s = w.reduce((x, y) => x + y, 0);
  return w.map((x) => x / s);
}

function cfg(routing: ServiceWorkloadConfig['routing'], concurrency: number, maxQueuePerTask: number, serviceTime: Distribution = EXP100): ServiceWorkloadConfig {
  return { type: 'http', perTask: { concurrency, serviceTime }, maxQueuePerTask, fidelity: 'fluid', routing };
}

/** The second of two 60 s periods (the first fills the buffer and holds it). */
function steady(config: ServiceWorkloadConfig, rate: number, tasks: number): PeriodStats {
  const { sim, model } = build(config, rate, 5, false);
  for (let i = 0; i < tasks; i++) model.setInRotation(`t${i}`, true, 0);
  runPeriod(sim, model, 0, 60_000);
  return runPeriod(sim, model, 60_000, 120_000);
}

function expectQuantiles(s: PeriodStats, exact: number[], tol: number, at: string): void {
  const got = [s.latencyP50Ms!, s.latencyP95Ms!, s.latencyP99Ms!];
  for (let i = 0; i < 3; i++) expect(Math.abs(got[i] / exact[i] - 1), `${at} p${[50, 95, 99][i]} exact ${exact[i]} fluid ${got[i]}`).toBeLessThan(tol);
}

describe('fluid, a small buffer in an overload: the chain\'s wait at the true load', () => {
  it('random, M/M/2/12 at lambda 24/s, mu 10/s (2 tasks x concurrency 2, maxQueuePerTask 10, 48 rps): P_block 0.186, p50/p95/p99 419/814/1010 ms', () => {
    const p = chain(2.4, 2, 10);
    const pBlock = p[12];
    const admitted = 1 - pBlock;
    const pWait = p.slice(2, 12).reduce((x, y) => x + y, 0) / admitted;
    const ahead = p.slice(2, 12).map((x) => x / admitted / pWait); // j = n - 1, n = 2..11
    const exact = sojournQuantiles(pWait, ahead, 0.02, 0.01);
    // the hand figures (mmck.py of the review: 419.4/813.9/1009.4, P_block 0.1858)
    expect(pBlock).toBeCloseTo(0.1858, 4);
    expect(exact[0]).toBeCloseTo(419.4, 0);
    expect(exact[1]).toBeCloseTo(813.9, 0);
    expect(exact[2]).toBeCloseTo(1009.4, 0);
    const s = steady(cfg('random', 2, 10), 48, 2);
    expect(s.rejected / s.offered).toBeCloseTo(pBlock, 6);
    expectQuantiles(s, exact, 2e-3, 'M/M/2/12');
    // was (reviewer, 4 h run) 383/865/1181: p99 +17 %
  });

  it('random, M/M/4/14 at rho 1.2 (4 tasks x 4, 192 rps): 248.2/516.3/678.4 ms, as request fidelity (249/516/678)', () => {
    const p = chain(4.8, 4, 10);
    const admitted = 1 - p[14];
    const pWait = p.slice(4, 14).reduce((x, y) => x + y, 0) / admitted;
    const exact = sojournQuantiles(pWait, p.slice(4, 14).map((x) => x / admitted / pWait), 0.04, 0.01);
    expect(exact[0]).toBeCloseTo(248.2, 0);
    expectQuantiles(steady(cfg('random', 4, 10), 192, 4), exact, 2e-3, 'M/M/4/14');
  });

  it('least-outstanding: the pooled M/M/16/56 (4 tasks x 4, maxQueuePerTask 10, rho 1.2), each arrival waiting in a shortest queue: 307.6/565.6/727.3 ms (request 299/558/720)', () => {
    const p = chain(19.2, 16, 40);
    const admitted = 1 - p[56];
    let pWait = 0;
    const ahead = new Array(10).fill(0);
    for (let n = 16; n < 56; n++) {
      pWait += p[n] / admitted;
      ahead[Math.floor((n - 16) / 4)] += p[n] / admitted;
    }
    const exact = sojournQuantiles(pWait, ahead.map((x) => x / pWait), 0.04, 0.01);
    expect(exact[0]).toBeCloseTo(307.6, 0);
    expect(exact[2]).toBeCloseTo(727.3, 0);
    const s = steady(cfg('least-outstanding', 4, 10), 192, 4);
    expect(s.waitedFraction!).toBeCloseTo(pWait, 9);
    expectQuantiles(s, exact, 2e-3, 'least-outstanding pooled');
  });

  it('round-robin: Erlang-4 arrivals, j - 1 ahead geometric in the E_4/M/4 root sigma = 1.33187 (4 tasks x 4, maxQueuePerTask 10, rho 1.2): 270/534/696 ms (request 267/531/692)', () => {
    const sigma = sigmaRoot(4, 1.2);
    expect(sigma).toBeCloseTo(1.33187, 5);
    // P(wait): the M/M/4/K with the buffer scaled as Allen-Cunneen scales the wait, by
    // (ca2 + cs2) / 2 = (1/4 + 1) / 2: 10 / 0.625 = 16 places
    const p = chain(4.8, 4, 16);
    const pWait = p.slice(4, 20).reduce((x, y) => x + y, 0) / (1 - p[20]);
    const exact = sojournQuantiles(pWait, geometric(sigma, 10), 0.04, 0.01);
    expect(exact[0]).toBeCloseTo(270.4, 0);
    const s = steady(cfg('round-robin', 4, 10), 192, 4);
    expect(s.waitedFraction!).toBeCloseTo(pWait, 9);
    expectQuantiles(s, exact, 2e-3, 'round-robin');
  });

  it('round-robin below capacity (4 tasks x 4, maxQueuePerTask 5, rho 0.9): the waits of those who wait are the mixture at the root sigma in (0, 1)', () => {
    const sigma = sigmaRoot(4, 0.9);
    const s = steady(cfg('round-robin', 4, 5), 144, 4);
    // P(wait) is the scaled chain's with routed-wait's correction; given it, the shape is the root's
    const exact = sojournQuantiles(s.waitedFraction!, geometric(sigma, 5), 0.04, 0.01);
    expectQuantiles(s, exact, 2e-3, 'round-robin rho 0.9');
  });

  it('a large buffer (maxQueuePerTask 17) or non-exponential service keeps the fitted shape; rho 0.7 with a default queue is unchanged', () => {
    // 17 > 16 places: not the mixture (its p50 differs from the mixture's)
    const p = chain(4.8, 4, 17);
    const admitted = 1 - p[21];
    const pWait = p.slice(4, 21).reduce((x, y) => x + y, 0) / admitted;
    const mix = sojournQuantiles(pWait, p.slice(4, 21).map((x) => x / admitted / pWait), 0.04, 0.01);
    const s = steady(cfg('random', 4, 17), 192, 4);
    expect(Math.abs(s.latencyP50Ms! / mix[0] - 1)).toBeGreaterThan(0.01);

    // lognormal service of scv 1 (sigma^2 = ln 2, mean 100 ms: median 100 / sqrt 2), room for
    // 10: the mixture is exponential service's alone, so not it. Its wait (the M/M/4/14
    // chain's, as the second case above) plus the lognormal service would give p99 698.1 ms
    const sigma = Math.sqrt(Math.LN2);
    const median = 100 / Math.SQRT2;
    const logn: Distribution = { distribution: 'lognormal', median, p95: median * Math.exp(1.6448536269514722 * sigma) };
    const q = chain(4.8, 4, 10);
    const adm = 1 - q[14];
    const pw = q.slice(4, 14).reduce((x, y) => x + y, 0) / adm;
    const survival = (t: number) => (t <= 0 ? 1 : normalTail(Math.log(t / median) / sigma));
    const mixLogn = sojournQuantiles(pw, q.slice(4, 14).map((x) => x / adm / pw), 0.04, 0.01, survival);
    expect(mixLogn[2]).toBeCloseTo(698.1, 0);
    const ln = steady(cfg('random', 4, 10, logn), 192, 4);
    // the fitted shape: near those (within 10 %, as it was for exponential service:
    // 234/538/725 against the chain's 248/516/679) but not them (p99 more than 2 % above)
    const got = [ln.latencyP50Ms!, ln.latencyP95Ms!, ln.latencyP99Ms!];
    for (let i = 0; i < 3; i++) expect(Math.abs(got[i] / mixLogn[i] - 1), `lognormal p${[50, 95, 99][i]}`).toBeLessThan(0.1);
    expect(got[2] / mixLogn[2] - 1).toBeGreaterThan(0.02);

    // rho 0.7, the default queue (maxQueuePerTask 100: rho^100 ~ 3e-16, no buffer to speak
    // of): M/M/4 at a = 2.8 (4 tasks x 4, 112 rps). Erlang C = (a^4 / 4! / (1 - rho)) /
    // (sum_(k<4) a^k / k! + a^4 / 4! / (1 - rho)) = 8.536889 / (11.378667 + 8.536889) = 0.428654;
    // the wait of one that waits Exp(c mu - lambda) = Exp(12/s), then Exp(10/s) service:
    // P(T > t) = (1 - C) e^(-10 t) + C (12 e^(-10 t) - 10 e^(-12 t)) / 2 (t in s)
    const top = 2.8 ** 4 / 24 / 0.3;
    const erlangC = top / (1 + 2.8 + 2.8 ** 2 / 2 + 2.8 ** 3 / 6 + top);
    expect(erlangC).toBeCloseTo(0.428654, 6);
    const mmc = (t: number) => (1 - erlangC) * Math.exp(-0.01 * t) + (erlangC * (12 * Math.exp(-0.01 * t) - 10 * Math.exp(-0.012 * t))) / 2;
    const exact = [0.5, 0.95, 0.99].map((pr) => bisect((t) => mmc(t) - (1 - pr), 0, 5000));
    expect(exact[0]).toBeCloseTo(102.85, 1);
    const d = steady(cfg('random', 4, 100), 112, 4);
    expect(d.waitedFraction!).toBeCloseTo(erlangC, 4);
    expectQuantiles(d, exact, 1e-5, 'M/M/4 rho 0.7');
  });
});

describe('one routing-to-ratio choice for a small buffer\'s waits (chainRatio)', () => {
  it('round-robin\'s E_n/M/c root below capacity too: a buffer held full in a period of average rho 0.9 (4 targets) gets sigma 0.84334, not 1 (the uniform shape)', () => {
    const below = sigmaRoot(4, 0.9);
    // the root of sigma = (3.6 / (4.6 - sigma))^4 in (0, 1): 0.84334
    expect(below).toBeCloseTo(0.84334, 5);
    expect(below - (3.6 / (4.6 - below)) ** 4).toBeCloseTo(0, 12);
    expect(chainRatio(0.9, 1 / 4, 1)).toBeCloseTo(below, 9);
    expect(chainRatio(1.2, 1 / 4, 1)).toBeCloseTo(1.33187, 5);
    expect(chainRatio(1, 1 / 4, 1)).toBe(1);
    // random: the chain's rho; least-outstanding over 4 tasks: the pooled rho^4
    expect(chainRatio(0.9, 1, 1)).toBe(0.9);
    expect(chainRatio(1.2, 1, 4)).toBeCloseTo(1.2 ** 4, 12);
    // the fluid model's full buffer takes the same ratio as the stationary wait (it took 1 below capacity)
    const { model } = build(cfg('round-robin', 4, 10), 144, 5, false);
    const fullRatio = (model as unknown as { fullRatio(rho: number, ca2: number, poolTasks: number): number }).fullRatio.bind(model);
    expect(fullRatio(0.9, 1 / 4, 1)).toBeCloseTo(below, 9);
    expect(fullRatio(1.2, 1 / 4, 1)).toBeCloseTo(1.33187, 5);
    expect(fullRatio(0.9, 1, 4)).toBeCloseTo(0.9 ** 4, 12);
  });
});

describe('erlangServiceTail: P(Erlang(j, nu) + Exp(mu) > x) and its density', () => {
  it('matches the convolution for c = 1, 2, 4, 64 (nu = c mu), j 1..16, both of its forms', () => {
    const mu = 0.01;
    const out = { density: 0 };
    for (const c of [1, 2, 4, 64]) {
      const nu = c * mu;
      for (const j of [1, 2, 5, 16]) {
        for (const x of [1, 30, 100, 400, 1500, 4000]) {
          // Simpson on P(W + S > x) = P(W > x) + integral_0^x f_W(w) e^(-mu (x - w)) dw
          const fW = (w: number) => {
            let t = Math.exp(-nu * w) * nu;
            for (let i = 1; i < j; i++) t *= (nu * w) / i;
            return t;
          };
          let tailW = 0;
          let term = Math.exp(-nu * x);
          for (let i = 0; i < j; i++) {
            if (i > 0) term *= (nu * x) / i;
            tailW += term;
          }
          const steps = 2 * Math.max(2000, Math.ceil(10 * nu * x));
          const h = x / steps;
          let integral = 0;
          let dens = 0;
          for (let i = 0; i <= steps; i++) {
            const k = i === 0 || i === steps ? 1 : i % 2 ? 4 : 2;
            integral += k * fW(i * h) * Math.exp(-mu * (x - i * h));
            dens += k * fW(i * h) * mu * Math.exp(-mu * (x - i * h));
          }
          const want = tailW + (integral * h) / 3;
          const got = erlangServiceTail(j, nu, mu, x, out);
          const at = `c ${c} j ${j} x ${x}`;
          expect(Math.abs(got - want), at).toBeLessThan(1e-12 + 1e-6 * want);
          expect(Math.abs(out.density - (dens * h) / 3), at).toBeLessThan(1e-12 + 1e-6 * out.density);
        }
      }
    }
  });
});
