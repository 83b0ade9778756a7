// Builds the raw scenario object of one variant or sweep point from the experiment file.

import { mergePatch } from './merge-patch.js';
import { setPath } from './set-path.js';

/** Keys that describe the experiment, not a run; no derived scenario carries them (a variant patch or sweep path that sets one is refused: load-derived.ts, sweep-plan.ts). */
export const EXPERIMENT_KEYS = ['variants', 'replications', 'sweep', 'expect'] as const;

/**
 * A fresh copy of `raw` without the experiment keys, with `patch` applied (RFC 7386)
 * and then each `[dotted path, value]` of `settings` set.
 */
export function deriveScenario(raw: Record<string, unknown>, patch: unknown = {}, settings: readonly [string, unknown][] = []): Record<string, unknown> {
  const base: Record<string, unknown> = { ...raw };
  for (const key of EXPERIMENT_KEYS) delete base[key];
  const patched = mergePatch(base, patch);
  const result = structuredClone(patched) as Record<string, unknown>;
  for (const key of EXPERIMENT_KEYS) delete result[key];
  for (const [path, value] of settings) setPath(result, path, structuredClone(value));
  return result;
}
