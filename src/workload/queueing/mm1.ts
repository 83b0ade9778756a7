// M/M/1 closed forms (Poisson arrivals at rate lambda, exponential service at rate mu).
// Rates in 1/time, results in the same time unit.

/** Mean time in queue: rho / (mu - lambda). */
export function mm1MeanWait(lambda: number, mu: number): number {
  if (lambda >= mu) return Infinity;
  return lambda / mu / (mu - lambda);
}

/** Mean sojourn (queue + service): 1 / (mu - lambda). */
export function mm1MeanSojourn(lambda: number, mu: number): number {
  if (lambda >= mu) return Infinity;
  return 1 / (mu - lambda);
}

/** p-quantile of the sojourn time, which is exponential with rate mu - lambda. */
export function mm1SojournQuantile(lambda: number, mu: number, p: number): number {
  if (lambda >= mu) return Infinity;
  return -Math.log(1 - p) / (mu - lambda);
}
