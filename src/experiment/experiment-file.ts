// Reads a scenario file once (its text read once) for compare, sweep or validate: the validated base scenario
// (for its name, seed, replications, variants and sweep) and the raw object variants patch.

import { loadParsedScenario, parseScenarioText, readScenarioText, scenarioBaseDir, ScenarioError, type ResolvedScenario } from '../scenario/index.js';

export interface ExperimentFile {
  file: string;
  /** The parsed file before validation; variants and sweep points derive from it. */
  raw: Record<string, unknown>;
  /** The line of a key path of `raw` in the file (of its closest ancestor that is there). */
  lineOf: (path: readonly (string | number)[]) => number | undefined;
  /** The validated base scenario (seed and duration overrides applied). */
  base: ResolvedScenario;
  baseDir: string;
  name: string;
  /** The first seed; replication k runs with seed + k. */
  seed: number;
  /** The --duration override for every run, when given; otherwise each variant's own duration. */
  durationOverrideMs: number | undefined;
  replications: number;
}

export interface ExperimentOverrides {
  seed?: number;
  durationMs?: number;
  replications?: number;
}

/** Throws ScenarioError when the file or its base scenario is invalid. */
export function readExperimentFile(file: string, overrides: ExperimentOverrides = {}): ExperimentFile {
  const text = readScenarioText(file); // once: a pipe (/dev/stdin) gives its text only once
  const parsed = parseScenarioText(file, text); // once too: the base and the variants read it
  const base = loadParsedScenario(file, parsed, { seed: overrides.seed, durationMs: overrides.durationMs });
  const { value, lineOf } = parsed;
  const sc = base.scenario;
  const replications = overrides.replications ?? sc.replications;
  // replication k runs with seed + k: past 2^53 - 1 two of them would be the same number.
  // Compared without forming seed + replications - 1, which rounds to a safe-looking value
  // (2^53 - 1 + 1 is 2^53, and so is 2^53 - 1 + 2).
  if (replications - 1 > Number.MAX_SAFE_INTEGER - sc.seed) {
    const seedFrom = overrides.seed === undefined ? 'seed' : '--seed';
    throw new ScenarioError(file, [
      {
        path: seedFrom,
        message: `expected seed + replications - 1 <= ${Number.MAX_SAFE_INTEGER} (replication k runs with seed + k, and larger numbers are not distinct), found ${sc.seed} with ${replications} replications; use a smaller seed`,
        line: overrides.seed === undefined ? lineOf(['seed']) : undefined,
      },
    ]);
  }
  return {
    file,
    raw: value as Record<string, unknown>,
    lineOf,
    base,
    baseDir: scenarioBaseDir(file),
    name: sc.name,
    seed: sc.seed,
    durationOverrideMs: overrides.durationMs,
    replications,
  };
}
