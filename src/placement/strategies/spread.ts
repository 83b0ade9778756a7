// spread: "tasks are placed evenly based on the specified value" — on instanceId (or host)
// the candidates running the fewest tasks of the group; on attribute:NAME the candidates
// whose attribute value has the fewest tasks of the group, values with none counting 0.
// (AmazonECS/latest/developerguide/task-placement-strategies.html)
//
// Model choice (AWS does not say): per-value counts include the group's tasks on every ACTIVE
// instance with that value, also those that cannot take this task (full, or excluded by a
// constraint) — scope 'cluster', the default. Scope 'candidates' counts only the instances
// that passed the filter and the constraints. An instance without the attribute counts as
// its own value.

import type { PlacementInstance, PlacementStrategy } from '../types.js';
import { swap, type CompiledStrategy, type StrategyContext } from './strategy.js';

const MISSING = '\u0000(none)';

/** The instance's own attribute `name`, MISSING when it has none (`toString` is no attribute, though every object inherits one). */
function attributeOf(attributes: Readonly<Record<string, string>>, name: string): string {
  return Object.hasOwn(attributes, name) ? attributes[name] : MISSING;
}

export function spread(field: string): CompiledStrategy {
  const strategy: PlacementStrategy = { type: 'spread', field };
  if (field === 'instanceId' || field === 'host') return { strategy, narrow: narrowByInstance };
  const name = field.slice('attribute:'.length);
  // Per-value tallies in two parallel arrays: a cluster has few distinct values (AZs, types),
  // so a linear scan with string identity beats hashing, and nothing is allocated per instance.
  const values: string[] = [];
  const counts: number[] = [];
  const indexOf = (v: string): number => {
    for (let j = 0; j < values.length; j++) if (values[j] === v) return j;
    values.push(v);
    counts.push(0);
    return values.length - 1;
  };
  return {
    strategy,
    narrow(c, n, ctx) {
      const all = ctx.spreadCountScope === 'cluster';
      const kept = all && ctx.groupValueCounts !== null ? ctx.groupValueCounts.valueCounts(name) : undefined;
      if (kept !== undefined) return narrowByKeptCounts(c, n, name, kept);
      values.length = 0;
      counts.length = 0;
      const group = ctx.task.group;
      const list: readonly PlacementInstance[] = all ? ctx.instances : c;
      const len = all ? list.length : ctx.candidateCount;
      for (let i = 0; i < len; i++) {
        const inst = list[i];
        if (inst.status !== 'ACTIVE') continue;
        const g = inst.groupCounts.get(group);
        if (g === undefined || g === 0) continue;
        counts[indexOf(attributeOf(inst.attributes, name))] += g;
      }
      let best = Infinity;
      let k = 0;
      for (let i = 0; i < n; i++) {
        const v = counts[indexOf(attributeOf(c[i].attributes, name))];
        if (v < best) {
          best = v;
          k = 0;
        }
        if (v === best) swap(c, i, k++);
      }
      return k;
    },
  };
}

/**
 * The tasks of `group` per value of attribute `name` over the ACTIVE instances of `list`
 * (values with none absent, instances without the attribute under one value): what
 * spread(attribute:NAME) counts, for a caller whose instances to count are not the
 * placer's candidates (GroupValueCounts).
 */
export function groupCountsByValue(list: readonly PlacementInstance[], group: string, name: string): Map<string, number> {
  const out = new Map<string, number>();
  for (const inst of list) {
    if (inst.status !== 'ACTIVE') continue;
    const g = inst.groupCounts.get(group);
    if (g === undefined || g === 0) continue;
    const v = attributeOf(inst.attributes, name);
    out.set(v, (out.get(v) ?? 0) + g);
  }
  return out;
}

/** The same narrowing from counts the caller keeps (values without tasks count 0). */
function narrowByKeptCounts(c: PlacementInstance[], n: number, name: string, counts: ReadonlyMap<string, number>): number {
  let best = Infinity;
  let k = 0;
  for (let i = 0; i < n; i++) {
    const v = counts.get(attributeOf(c[i].attributes, name)) ?? 0;
    if (v < best) {
      best = v;
      k = 0;
    }
    if (v === best) swap(c, i, k++);
  }
  return k;
}

function narrowByInstance(c: PlacementInstance[], n: number, ctx: StrategyContext): number {
  const group = ctx.task.group;
  let best = Infinity;
  let k = 0;
  for (let i = 0; i < n; i++) {
    const v = c[i].groupCounts.get(group) ?? 0;
    if (v < best) {
      best = v;
      k = 0;
    }
    if (v === best) swap(c, i, k++);
  }
  return k;
}
