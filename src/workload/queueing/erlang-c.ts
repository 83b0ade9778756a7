// Erlang C: the probability that an arrival to an M/M/c queue has to wait.

/**
 * P(wait) for c servers and offered load a = lambda / mu (Erlang units), a < c.
 * Computed through the Erlang B recursion, which is stable for thousands of servers.
 * Returns 1 when a >= c (the queue is unstable: everyone waits).
 */
export function erlangC(c: number, a: number): number {
  if (!(c >= 1)) throw new Error(`erlangC: expected at least 1 server, found ${c}`);
  if (a <= 0) return 0;
  if (a >= c) return 1;
  let b = 1;
  for (let k = 1; k <= c; k++) b = (a * b) / (k + a * b);
  return b / (1 - (a / c) * (1 - b));
}
