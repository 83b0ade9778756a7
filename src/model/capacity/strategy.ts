// Capacity provider strategies: which provider the next task of a service
// goes to (base first, then weight), and which provider a scale in takes a task from.
// AmazonECS/latest/developerguide/cluster-capacity-providers.html,
// APIReference/API_CapacityProviderStrategyItem.html
//
// Rule (AWS documents the outcome, not the algorithm; this model reproduces it):
// 1. While the provider with a `base` runs fewer than `base` tasks, the task goes there.
// 2. Otherwise tasks above base are split by weight with the Sainte-Laguë (Webster) rule:
//    the next task goes to the provider with the highest weight / (excess + 0.5), where
//    excess = its tasks minus its base; ties go to the provider listed first. Assigning
//    tasks one at a time therefore always ends at splitTasks(strategy, n), and the split
//    is the proportional one rounded to the nearest integer (base 2 on A, weight 1 on A
//    and 3 on B, 10 tasks -> A 2 + 2, B 6).
// 3. Scale in undoes rule 2: it takes a task from the provider with the lowest
//    weight / (excess - 0.5) (ties: the provider listed last), so n -> n-1 tasks lands on
//    splitTasks(strategy, n-1); base tasks go last. Tasks on providers not in the
//    strategy (or with weight 0 above their base) are taken first.

export interface CapacityProviderStrategyItem {
  capacityProvider: string;
  /** Tasks that run on this provider first (0-100000, on one provider only). Default 0. */
  base?: number;
  /** Relative share of the tasks above base (0-1000). Default 0. */
  weight?: number;
}


/** a's next-task priority beats b's: wa/(2ea+1) > wb/(2eb+1), in integers (no float ties). */
function higher(wa: number, ea: number, wb: number, eb: number): boolean {
  return wa * (2 * eb + 1) > wb * (2 * ea + 1);
}

/** The provider the next task of a service goes to, given its tasks per provider now. */
export function chooseProvider(
  strategy: readonly CapacityProviderStrategyItem[],
  currentCounts: ReadonlyMap<string, number>,
): string {
  if (strategy.length === 0) throw new Error('chooseProvider: the capacity provider strategy is empty');
  for (const item of strategy) {
    const base = item.base ?? 0;
    if (base > 0 && (currentCounts.get(item.capacityProvider) ?? 0) < base) return item.capacityProvider;
  }
  let best = -1;
  let bestW = 0;
  let bestE = 0;
  for (let i = 0; i < strategy.length; i++) {
    const w = strategy[i].weight ?? 0;
    if (w <= 0) continue;
    const e = Math.max(0, (currentCounts.get(strategy[i].capacityProvider) ?? 0) - (strategy[i].base ?? 0));
    if (best < 0 || higher(w, e, bestW, bestE)) {
      best = i;
      bestW = w;
      bestE = e;
    }
  }
  if (best >= 0) return strategy[best].capacityProvider;
  // No weight anywhere (an invalid strategy): everything beyond base stays on the base provider.
  const withBase = strategy.find((i) => (i.base ?? 0) > 0);
  return (withBase ?? strategy[0]).capacityProvider;
}

/**
 * The strategy's providers in the order the next task would prefer them: chooseProvider's
 * choice first, then the others it could give a task to, as if each before had none to
 * offer. A provider still below its base comes first; then the providers with a weight, by
 * weight / (excess + 0.5) highest first (ties: the one listed first). A provider without
 * weight at or above its base takes no task beyond its base and is not listed (unless no
 * provider has a weight: chooseProvider's fallback alone). AZ rebalancing uses it to find
 * a provider with an instance in the AZ it starts a task in.
 */
export function providerPreference(
  strategy: readonly CapacityProviderStrategyItem[],
  currentCounts: ReadonlyMap<string, number>,
): string[] {
  if (strategy.length === 0) throw new Error('providerPreference: the capacity provider strategy is empty');
  const out: string[] = [];
  for (const item of strategy) {
    const base = item.base ?? 0;
    if (base > 0 && (currentCounts.get(item.capacityProvider) ?? 0) < base) out.push(item.capacityProvider);
  }
  const weighted = strategy
    .map((item, index) => ({ name: item.capacityProvider, index, w: item.weight ?? 0, e: Math.max(0, (currentCounts.get(item.capacityProvider) ?? 0) - (item.base ?? 0)) }))
    .filter((x) => x.w > 0);
  weighted.sort((a, b) => (higher(a.w, a.e, b.w, b.e) ? -1 : higher(b.w, b.e, a.w, a.e) ? 1 : a.index - b.index));
  for (const x of weighted) if (!out.includes(x.name)) out.push(x.name);
  if (out.length === 0) out.push(chooseProvider(strategy, currentCounts));
  return out;
}

/**
 * The provider a scale in should stop a task on to keep the split as close to the strategy
 * as possible; null when the service runs no tasks.
 */
export function chooseProviderToScaleIn(
  strategy: readonly CapacityProviderStrategyItem[],
  currentCounts: ReadonlyMap<string, number>,
): string | null {
  // Tasks outside the strategy (e.g. after a strategy change) go first.
  for (const [name, count] of currentCounts) {
    if (count > 0 && !strategy.some((i) => i.capacityProvider === name)) return name;
  }
  for (const item of strategy) {
    if ((item.weight ?? 0) <= 0 && (currentCounts.get(item.capacityProvider) ?? 0) > (item.base ?? 0)) {
      return item.capacityProvider;
    }
  }
  // Lowest w/(2e-1) among providers above base; ties: the one listed last.
  let worst = -1;
  let worstW = 0;
  let worstE = 0;
  for (let i = 0; i < strategy.length; i++) {
    const w = strategy[i].weight ?? 0;
    const e = (currentCounts.get(strategy[i].capacityProvider) ?? 0) - (strategy[i].base ?? 0);
    if (w <= 0 || e <= 0) continue;
    if (worst < 0 || w * (2 * worstE - 1) <= worstW * (2 * e - 1)) {
      worst = i;
      worstW = w;
      worstE = e;
    }
  }
  if (worst >= 0) return strategy[worst].capacityProvider;
  for (const item of strategy) {
    if ((currentCounts.get(item.capacityProvider) ?? 0) > 0) return item.capacityProvider;
  }
  return null;
}

/**
 * How n tasks of a service split over the strategy's providers (every provider listed,
 * zeros included). Closed form of the rule above: base first, then the n - base highest
 * Sainte-Laguë priorities weight / (k + 0.5), k = 0, 1, ..., ties in strategy order.
 */
export function splitTasks(strategy: readonly CapacityProviderStrategyItem[], n: number): Map<string, number> {
  if (!Number.isInteger(n) || n < 0) throw new Error(`splitTasks: task count must be an integer >= 0, found ${n}`);
  const out = new Map<string, number>();
  for (const item of strategy) out.set(item.capacityProvider, 0);
  let rest = n;
  for (const item of strategy) {
    const base = Math.min(item.base ?? 0, rest);
    if (base > 0) {
      out.set(item.capacityProvider, base);
      rest -= base;
    }
  }
  const weighted = strategy.map((item, index) => ({ item, index, w: item.weight ?? 0 })).filter((x) => x.w > 0);
  if (rest === 0) return out;
  if (weighted.length === 0) {
    const sink = (strategy.find((i) => (i.base ?? 0) > 0) ?? strategy[0]).capacityProvider;
    out.set(sink, (out.get(sink) ?? 0) + rest);
    return out;
  }
  const candidates: { index: number; w: number; k: number; name: string }[] = [];
  for (const x of weighted) for (let k = 0; k < rest; k++) candidates.push({ index: x.index, w: x.w, k, name: x.item.capacityProvider });
  candidates.sort((a, b) => {
    const lhs = a.w * (2 * b.k + 1);
    const rhs = b.w * (2 * a.k + 1);
    return lhs !== rhs ? rhs - lhs : a.index - b.index;
  });
  for (let s = 0; s < rest; s++) out.set(candidates[s].name, (out.get(candidates[s].name) ?? 0) + 1);
  return out;
}
