// Least-outstanding routing in the fluid mode as water-filling: arrivals go to the tasks
// whose expected end-of-period backlog r_i is lowest until those levels are equal. Returns
// the level x with sum_i w_i max(0, x - r_i) = arrivals. One value may carry a weight
// (the cohort of identical tasks, see fluid-model.ts); the others weigh 1.

/**
 * `values[0..n)` are sorted in place (ascending). `cohortWeight` copies of `cohortValue`
 * join them (none when the weight is 0). Returns 0 when there is no value at all.
 */
export function waterLevel(values: Float64Array, n: number, cohortValue: number, cohortWeight: number, arrivals: number): number {
  if (n > 1) values.subarray(0, n).sort();
  let cohortLeft = cohortWeight > 0;
  if (!cohortLeft && n === 0) return 0;
  // Sums are taken relative to the lowest value, so equal values give exactly that value
  // back when nothing arrives (no rounding noise turning into tiny arrivals).
  const base = cohortLeft && (n === 0 || cohortValue <= values[0]) ? cohortValue : values[0];
  let i = 0;
  let weight = 0;
  let sum = 0;
  let x = base;
  for (;;) {
    if (cohortLeft && (i >= n || cohortValue <= values[i])) {
      weight += cohortWeight;
      sum += cohortWeight * (cohortValue - base);
      cohortLeft = false;
    } else if (i < n) {
      weight += 1;
      sum += values[i++] - base;
    } else break;
    x = base + (arrivals + sum) / weight;
    const next = cohortLeft && (i >= n || cohortValue <= values[i]) ? cohortValue : i < n ? values[i] : Infinity;
    if (x <= next) break;
  }
  return x;
}
