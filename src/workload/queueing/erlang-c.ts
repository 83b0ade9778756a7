// Erlang B and C: the probability that an arrival to an M/M/c/c system is blocked, and
// that an arrival to an M/M/c queue has to wait.

/**
 * 1 / ErlangB(c, a) for c servers and offered load a = lambda / mu (Erlang units), a > 0.
 * Computed by the Erlang B recursion in its reciprocal form,
 * 1/B(k) = 1 + (k / a) / B(k - 1): all terms positive (stable for thousands of servers) and
 * one multiply-add per server, no division. 1/B(c) = sum_j P(X = j) / P(X = c) for
 * X ~ Poisson(a), so the terms j < a - 10 sqrt(a) (Chernoff: P(X < a - 10 sqrt a) < e^-50,
 * under 1e-21 of the sum) are skipped — for many servers that halves the loop. May be
 * Infinity (many idle servers: B underflows to 0).
 */
export function erlangBInverse(c: number, a: number): number {
  const ia = 1 / a;
  const k0 = a > 100 && c >= a ? Math.floor(a - 10 * Math.sqrt(a)) : 0;
  let inv = 1;
  for (let k = k0 + 1; k <= c; k++) inv = 1 + k * ia * inv;
  return inv;
}

/**
 * P(wait) for c servers and offered load a = lambda / mu (Erlang units), a < c, from
 * Erlang B (erlangBInverse). Returns 1 when a >= c (everyone waits).
 */
export function erlangC(c: number, a: number): number {
  if (!(c >= 1)) throw new Error(`erlangC: expected at least 1 server, found ${c}`);
  if (a <= 0) return 0;
  if (a >= c) return 1;
  const b = 1 / erlangBInverse(c, a); // Erlang B; underflows to 0 (C = 0) for many idle servers
  return b / (1 - (a / c) * (1 - b));
}
