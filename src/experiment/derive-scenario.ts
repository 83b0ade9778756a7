// Builds the raw scenario object of one variant or sweep point from the experiment file.

import { mergePatch } from './merge-patch.js';
import { setPath } from './set-path.js';

/** Keys that describe the experiment, not a run; no derived scenario carries them (a variant patch or sweep path that sets one is refused: load-derived.ts, sweep-plan.ts). */
export const EXPERIMENT_KEYS = ['variants', 'replications', 'sweep', 'expect'] as const;

/**
 * A fresh copy of `raw` without the experiment keys, with `patch` applied (RFC 7386)
 * and then each `[dotted path, value]` of `settings` set. Every place of the copy is its
 * own: a map the file repeats with a YAML alias (`workload: &load` ... `workload: *load`)
 * is copied once per place, so a sweep path into one copy sets that copy only.
 */
export function deriveScenario(raw: Record<string, unknown>, patch: unknown = {}, settings: readonly [string, unknown][] = []): Record<string, unknown> {
  const base: Record<string, unknown> = { ...raw };
  for (const key of EXPERIMENT_KEYS) delete base[key];
  const patched = mergePatch(base, patch);
  const result = treeCopy(patched) as Record<string, unknown>;
  for (const key of EXPERIMENT_KEYS) delete result[key];
  for (const [path, value] of settings) setPath(result, path, treeCopy(value));
  return result;
}

/**
 * A deep copy of plain data (what a scenario file reads as: text, numbers, true/false, null,
 * lists and maps) in which no map or list is reached by two paths: where `value` holds one
 * object at two places (a YAML alias, which the yaml package reads as one shared object;
 * structuredClone would keep it shared), the copy holds two. A map or list that holds
 * itself (`a: &x [*x]`, which the yaml package reads as a cycle) stays a cycle in the copy,
 * as it was, for validation to refuse as before.
 */
export function treeCopy(value: unknown, ancestors: Map<object, unknown> = new Map()): unknown {
  if (value === null || typeof value !== 'object') return value;
  const seen = ancestors.get(value);
  if (seen !== undefined) return seen;
  if (Array.isArray(value)) {
    const copy: unknown[] = [];
    ancestors.set(value, copy);
    for (const item of value) copy.push(treeCopy(item, ancestors));
    ancestors.delete(value);
    return copy;
  }
  const copy: Record<string, unknown> = {};
  ancestors.set(value, copy);
  for (const key of Object.keys(value)) {
    const item = treeCopy((value as Record<string, unknown>)[key], ancestors);
    // a key named "__proto__" stays data (as merge-patch.ts's setOwn)
    if (key === '__proto__') Object.defineProperty(copy, key, { value: item, enumerable: true, writable: true, configurable: true });
    else copy[key] = item;
  }
  ancestors.delete(value);
  return copy;
}
