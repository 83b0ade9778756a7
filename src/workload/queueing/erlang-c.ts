// Erlang C: the probability that an arrival to an M/M/c queue has to wait.

/**
 * P(wait) for c servers and offered load a = lambda / mu (Erlang units), a < c.
 * Computed through the Erlang B recursion in its reciprocal form,
 * 1/B(k) = 1 + (k / a) / B(k - 1): all terms positive (stable for thousands of servers) and
 * one multiply-add per server, no division. 1/B(c) = sum_j P(X = j) / P(X = c) for
 * X ~ Poisson(a), so the terms j < a - 10 sqrt(a) (Chernoff: P(X < a - 10 sqrt a) < e^-50,
 * under 1e-21 of the sum) are skipped — for many servers that halves the loop.
 * Returns 1 when a >= c (everyone waits).
 */
export function erlangC(c: number, a: number): number {
  if (!(c >= 1)) throw new Error(`erlangC: expected at least 1 server, found ${c}`);
  if (a <= 0) return 0;
  if (a >= c) return 1;
  const ia = 1 / a;
  const k0 = a > 100 ? Math.floor(a - 10 * Math.sqrt(a)) : 0;
  let inv = 1;
  for (let k = k0 + 1; k <= c; k++) inv = 1 + k * ia * inv;
  const b = 1 / inv; // Erlang B; underflows to 0 (C = 0) for many idle servers
  return b / (1 - (a / c) * (1 - b));
}
