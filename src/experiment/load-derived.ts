// The scenario of one variant or sweep point, derived from the experiment file
// (derive-scenario.ts) and validated as `ecsim run` validates a file. compare, sweep and
// validate all derive through here, so validate reports what compare and sweep would. A
// problem names the file, the line, the variant or sweep values and the key path:
//   exp.yaml:64: variant "tt-cpu-45": services.web.autoScaling...: unknown key "targetVal" ...

import { ScenarioError, SCENARIO_KEYS, isWholeNumberName, loadScenarioObject, unknownKeyMessage, type ResolvedScenario } from '../scenario/index.js';
import { deriveScenario, EXPERIMENT_KEYS } from './derive-scenario.js';
import { SetPathError } from './set-path.js';
import type { ExperimentFile } from './experiment-file.js';
import { isJsonObject } from './merge-patch.js';
import { withNewEntryNotes } from './new-entry-note.js';
import { nullsDeletingNothing } from './null-deletes.js';

type LineOf = ExperimentFile['lineOf'];

/** The raw scenario of variant `name` (its merge patch applied); throws ScenarioError when invalid. */
export function loadVariantScenario(exp: ExperimentFile, name: string, patch: unknown): Record<string, unknown> {
  const nameProblem = variantNameMessage(exp, name);
  if (nameProblem !== undefined) throw new ScenarioError(exp.file, [{ path: `variants.${name}`, message: nameProblem, line: exp.lineOf(['variants', name]) }]);
  // Replication k of every variant runs with seed + k (common random numbers): a variant's
  // own seed would be overridden, so it is refused rather than ignored; so are the keys of
  // the experiment (variants, replications, sweep), which no derived scenario carries. A
  // variant's own `expect` list is the exception: the library's tests check it on that
  // variant's runs (scenarios/README.md), as `ecsim run` checks the top-level one. No run
  // of compare checks it, but it is validated here as the top-level list is (its type,
  // syntax and summary paths, against the variant's own scenario): loadDerived.
  if (isJsonObject(patch)) {
    const issues = Object.keys(patch)
      .filter((key) => REFUSED_IN_VARIANT.includes(key))
      .map((key) => ({ path: `variants.${name}.${key}`, message: variantKeyMessage(key, patch[key]), line: exp.lineOf(['variants', name, key]) }));
    if (issues.length > 0) throw new ScenarioError(exp.file, issues);
  }
  // A `null` for a key the base lacks deletes nothing; merge patch would drop it silently
  // (a misspelt name: the variant would run as the base). null-deletes.ts
  const nulls = nullsDeletingNothing(exp.raw, patch);
  if (nulls.length > 0) {
    throw new ScenarioError(
      exp.file,
      nulls.map((n) => ({ within: `variant "${name}"`, path: n.path.join('.'), message: n.message, line: exp.lineOf(['variants', name, ...n.path]) })),
    );
  }
  // A key path of the derived scenario is on the patch's line when the patch sets it, else on the variant's.
  try {
    return loadDerived(exp, `variant "${name}"`, (path) => exp.lineOf(['variants', name, ...path]), patch, [], name).raw;
  } catch (e) {
    // an unknown top-level key of the patch: suggest and list only the keys a variant may set
    // (`Replications` got "did you mean replications?", which a variant is then refused)
    if (!(e instanceof ScenarioError) || !isJsonObject(patch)) throw e;
    throw new ScenarioError(
      exp.file,
      withNewEntryNotes(exp.raw, patch, e.issues).map((issue) =>
        issue.path in patch && !SCENARIO_KEYS.includes(issue.path) && issue.message.startsWith(`unknown key ${JSON.stringify(issue.path)}`)
          ? { ...issue, message: unknownKeyMessage(issue.path, VARIANT_KEYS) }
          : issue,
      ),
    );
  }
}

/** The characters of a variant's name (it names a folder): no ":", which other names may have. */
const VARIANT_NAME = /^[A-Za-z0-9_.-]+$/;

/**
 * Why variant `name` is refused as a name, or undefined. The first variant is the baseline
 * of the paired differences, so the order written must be the order kept: a whole-number
 * name would be read first (a JavaScript object lists such keys first, in numeric order),
 * as for scheduledActions. A name is also its results folder, `runs/<name>/`: as a sweep
 * point's label (point-label.ts), it keeps to letters, digits, `_ - .` (not the `:` other
 * names may have: Windows refuses it; one rule and message for any other character), is
 * no `.` or `..`, and differs from every earlier variant's other than in case
 * (macOS and Windows file systems ignore case by default: `Fast` and `fast` would share a folder).
 */
function variantNameMessage(exp: ExperimentFile, name: string): string | undefined {
  if (name === '.' || name === '..') return 'expected a variant name, found a folder name';
  if (isWholeNumberName(name)) {
    return `expected a variant name that is not a whole number (the first variant written is the baseline of the paired differences, and ecsim reads a map's whole-number names before the others, in numeric order), found "${name}"; rename it, e.g. "variant-${name}"`;
  }
  if (!VARIANT_NAME.test(name)) {
    const renamed = name.replace(/[^A-Za-z0-9_.-]/g, '-');
    return `expected a variant name of letters, digits, "_", "-", "." (it names the folder runs/<variant>, and Windows refuses ":" in a file name), found ${JSON.stringify(name)}${name === '' ? '' : `; rename it, e.g. "${renamed}"`}`;
  }
  const variants = isJsonObject(exp.raw.variants) ? Object.keys(exp.raw.variants) : [];
  const at = variants.indexOf(name);
  const earlier = (at < 0 ? variants : variants.slice(0, at)).find((other) => other.toLowerCase() === name.toLowerCase());
  if (earlier !== undefined) {
    return `expected a variant name that differs from variant "${earlier}" other than in case (each names its folder runs/<variant>, and macOS and Windows file systems ignore case), found "${name}"; rename one of them`;
  }
  return undefined;
}

/**
 * Keys a variant patch may not set: its seed (replication k of every variant runs with seed
 * + k, common random numbers, so it would be overridden) and the experiment's keys but
 * `expect` (no derived scenario carries them).
 */
const REFUSED_IN_VARIANT: readonly string[] = ['seed', ...EXPERIMENT_KEYS.filter((key) => key !== 'expect')];

/** The top-level keys a variant patch may set. */
const VARIANT_KEYS: readonly string[] = SCENARIO_KEYS.filter((key) => !REFUSED_IN_VARIANT.includes(key));

/** Variant `name` validated and resolved, as `ecsim run` would resolve it (for its warnings); throws ScenarioError when invalid. */
export function resolveVariantScenario(exp: ExperimentFile, name: string, patch: unknown): ResolvedScenario {
  loadVariantScenario(exp, name, patch); // its own checks (no seed, no experiment keys)
  return loadDerived(exp, `variant "${name}"`, (path) => exp.lineOf(['variants', name, ...path]), patch, []).resolved;
}

function variantKeyMessage(key: string, value: unknown): string {
  const found = `found ${JSON.stringify(value)}`;
  switch (key) {
    case 'seed':
      return `expected no seed in a variant (replication k of every variant runs with seed + k), ${found}; set the top-level seed or --seed`;
    case 'replications':
      return `expected no replications in a variant (every variant runs the same replications, with the same seeds), ${found}; set the top-level replications or --replications`;
    default:
      return `expected no ${key} in a variant (${key} belongs to the experiment file's top level, not to a scenario), ${found}; remove it`;
  }
}

/**
 * The raw scenario with each `[dotted path, value]` of `settings` set; throws ScenarioError
 * when a path does not exist or the result is invalid. `within` names the settings in
 * messages (`sweep point 3 (...)`) and `line` is where they are in the file.
 */
export function loadSweepScenario(exp: ExperimentFile, settings: readonly [string, unknown][], within: string, line: number | undefined): Record<string, unknown> {
  return loadDerived(exp, within, () => line, {}, settings).raw;
}

/** As loadSweepScenario, the scenario validated and resolved (its parsed values: durations in ms). */
export function resolveSweepScenario(exp: ExperimentFile, settings: readonly [string, unknown][], within: string, line: number | undefined): ResolvedScenario {
  return loadDerived(exp, within, () => line, {}, settings).resolved;
}

function loadDerived(
  exp: ExperimentFile,
  within: string,
  lineOf: LineOf,
  patch: unknown,
  settings: readonly [string, unknown][],
  variant?: string,
): { raw: Record<string, unknown>; resolved: ResolvedScenario } {
  // --duration sets every run's duration: a variant's or a sweep point's own would be
  // overridden (its runs, labelled by it, would all run --duration), so it is refused
  if (exp.durationOverrideMs !== undefined) {
    const own = isJsonObject(patch) && 'duration' in patch ? patch.duration : settings.find(([path]) => path === 'duration')?.[1];
    if (own !== undefined) {
      throw new ScenarioError(exp.file, [
        { within, path: 'duration', message: `expected no duration of its own with --duration (--duration sets every run's duration, so this one would be overridden), found ${JSON.stringify(own)}; drop --duration or this duration`, line: lineOf(['duration']) },
      ]);
    }
  }
  let scenario: Record<string, unknown>;
  try {
    scenario = deriveScenario(exp.raw, patch, settings);
  } catch (e) {
    // setPath: a sweep path through a key that is not there (the key said, what was expected, what was found)
    if (e instanceof SetPathError) throw new ScenarioError(exp.file, [{ within, path: e.at, message: e.problem, line: lineOf([]) }]);
    throw new ScenarioError(exp.file, [{ within, path: '', message: (e as Error).message, line: lineOf([]) }]);
  }
  // A variant's own `expect` list is validated with its scenario, as the top-level list is
  // with the base (no derived scenario carries it, so no run writes it): its problems are
  // named by their key in the file, `variants.<name>.expect[i]`.
  const ownExpect = variant !== undefined && isJsonObject(patch) && Object.hasOwn(patch, 'expect');
  const checked = ownExpect ? { ...scenario, expect: (patch as Record<string, unknown>).expect } : scenario;
  try {
    const resolved = loadScenarioObject(exp.file, checked, { baseDir: exp.baseDir, seed: exp.seed, durationMs: exp.durationOverrideMs, lineOf });
    return { raw: scenario, resolved };
  } catch (e) {
    if (!(e instanceof ScenarioError)) throw e;
    throw new ScenarioError(
      exp.file,
      e.issues.map((issue) =>
        ownExpect && (issue.path === 'expect' || issue.path.startsWith('expect[')) ? { ...issue, path: `variants.${variant}.${issue.path}`, within: undefined } : { ...issue, within },
      ),
    );
  }
}
