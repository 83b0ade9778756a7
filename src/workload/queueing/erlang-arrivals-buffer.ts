// E_n/M/1/K: one server, room for K in the system (K - 1 waiting), exponential service of
// rate mu, Erlang-n interarrival gaps of mean 1 / lambda (round-robin over n tasks of a
// Poisson stream: each task sees every n-th arrival). Solved exactly on the chain embedded
// at arrival instants: X = the number in the system an arrival finds (0..K; one that finds K
// is rejected). After an arrival that found i there are m = min(i + 1, K); while the server
// is busy it completes services at rate mu, so the completions during one Erlang-n gap,
// capped by the m present, are negative binomial:
//   a_k = C(n + k - 1, k) p^n (1 - p)^k,  p = n lambda / (n lambda + mu)
// (each of the gap's n exponential phases of rate n lambda ends before the next service with
// probability p), and P(i -> j) = a_(m - j) for 1 <= j <= m, the rest to 0.
//
// The transition matrix is lower Hessenberg (one step up at most), so the balance equation
// of state j, pi_j = sum_(i >= j - 1) pi_i P(i -> j), gives pi_(j-1) from the states above:
//   pi_(j-1) = (pi_j - sum_(i >= j) pi_i a_(min(i + 1, K) - j)) / a_0,   j = K..1,
// from pi_K = 1, then normalised: O(K^2). The recursion runs downwards, where the wanted
// solution grows like sigma^-j (sigma the E_n/M/1 root, in (0, 1) below capacity): the
// other roots of z = (n rho / (n rho + 1 - z))^n are 1 and n - 1 of modulus above 1, whose
// parts shrink relative to it going down, so it is stable (against a dense solve: 1e-15).
//
// Blocking is pi_K; an admitted arrival that found j waits for j services, Erlang(j, mu)
// (memoryless service: the one in service has an Exp(mu) residual). n = 1 is M/M/1/K.

export interface ErlangArrivalsBuffer {
  /** P(an arrival finds K in the system) = P(rejected). */
  pFull: number;
  /** P(an admitted arrival waits) = 1 - pi_0 / (1 - pi_K). */
  pWait: number;
  /**
   * ahead[j], j = 1..K-1: P(an admitted arrival finds j in the system | it waits), its wait
   * Erlang(j, mu). Entries from K on are stale.
   */
  ahead: Float64Array;
  /** Mean services an admitted arrival waits for (those that do not wait count 0). */
  meanAhead: number;
}

export function newErlangArrivalsBuffer(): ErlangArrivalsBuffer {
  return { pFull: 0, pWait: 0, ahead: new Float64Array(8), meanAhead: 0 };
}

let piScratch = new Float64Array(8);
let aScratch = new Float64Array(8);

/**
 * The E_n/M/1/K figures: `n` >= 1 tasks in round-robin (an integer), utilisation
 * rho = lambda / mu > 0 (any: the finite chain is stationary above 1 too), `k` >= 1 places
 * in the system (1 + maxQueuePerTask).
 */
export function erlangArrivalsBuffer(n: number, rho: number, k: number, out: ErlangArrivalsBuffer = newErlangArrivalsBuffer()): ErlangArrivalsBuffer {
  if (!(n >= 1) || n !== Math.floor(n)) throw new Error(`erlangArrivalsBuffer: expected an integer n >= 1, found ${n}`);
  if (!(k >= 1) || k !== Math.floor(k)) throw new Error(`erlangArrivalsBuffer: expected an integer K >= 1, found ${k}`);
  if (!(rho > 0)) {
    out.pFull = 0;
    out.pWait = 0;
    out.meanAhead = 0;
    return out;
  }
  if (piScratch.length < k + 1) {
    piScratch = new Float64Array(2 * (k + 1));
    aScratch = new Float64Array(2 * (k + 1));
  }
  if (out.ahead.length < k) out.ahead = new Float64Array(2 * k);
  const pi = piScratch;
  const a = aScratch;
  const p = (n * rho) / (n * rho + 1);
  // a_0 = p^n, a_k = a_(k-1) (n + k - 1) / k (1 - p)
  a[0] = Math.exp(n * Math.log(p));
  for (let j = 1; j <= k; j++) a[j] = (a[j - 1] * (n + j - 1) * (1 - p)) / j;
  pi[k] = 1;
  for (let j = k; j >= 1; j--) {
    let s = pi[j];
    for (let i = j; i <= k; i++) s -= pi[i] * a[(i + 1 < k ? i + 1 : k) - j];
    pi[j - 1] = s / a[0];
  }
  let total = 0;
  for (let j = 0; j <= k; j++) total += pi[j];
  const pFull = pi[k] / total;
  const admitted = 1 - pFull;
  let waitSum = 0;
  let meanSum = 0;
  for (let j = 1; j < k; j++) {
    const q = pi[j] / total;
    waitSum += q;
    meanSum += j * q;
  }
  out.pFull = pFull;
  out.pWait = admitted > 0 ? waitSum / admitted : 0;
  out.meanAhead = admitted > 0 ? meanSum / admitted : 0;
  for (let j = 1; j < k; j++) out.ahead[j] = waitSum > 0 ? pi[j] / total / waitSum : 0;
  return out;
}

/** P(Erlang(j, mu) > x), x >= 0. */
export function erlangTail(j: number, mu: number, x: number): number {
  const y = mu * x;
  let term = 1;
  let s = 1;
  for (let i = 1; i < j; i++) {
    term *= y / i;
    s += term;
  }
  return Math.exp(-y) * s;
}
