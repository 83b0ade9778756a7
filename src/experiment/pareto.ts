// The cost / SLO Pareto front: the variants or sweep points no other one beats on both.

export interface CostAndSlo {
  cost: number;
  sloViolationMinutes: number;
}

/**
 * For each point, whether it is non-dominated when both cost and SLO violation minutes
 * are minimised: no other point is at least as good on both and strictly better on one.
 * Equal points are all on the front; a point with a missing (non-finite) figure is not
 * on it and dominates nothing.
 */
export function paretoFront(points: readonly CostAndSlo[]): boolean[] {
  return points.map((p, i) => {
    if (!Number.isFinite(p.cost) || !Number.isFinite(p.sloViolationMinutes)) return false;
    for (let j = 0; j < points.length; j++) {
      if (j === i) continue;
      const q = points[j];
      if (!Number.isFinite(q.cost) || !Number.isFinite(q.sloViolationMinutes)) continue;
      const noWorse = q.cost <= p.cost && q.sloViolationMinutes <= p.sloViolationMinutes;
      const better = q.cost < p.cost || q.sloViolationMinutes < p.sloViolationMinutes;
      if (noWorse && better) return false;
    }
    return true;
  });
}
