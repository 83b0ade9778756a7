// What `ecsim validate` checks beyond the base scenario: every variant, and the sweep,
// derived and validated through the same functions compare and sweep use (load-derived.ts),
// so that a typo in a patch or a sweep path fails here, with its line, and not hours later
// in shard 5 of 8.

import { ScenarioError, scenarioWarnings, uniqueIssues, type ScenarioIssue, type ScenarioWarning } from '../scenario/index.js';
import { joinPath } from '../scenario/errors.js';
import type { ExperimentFile } from './experiment-file.js';
import { loadSweepScenario, loadVariantScenario, resolveSweepScenario, resolveVariantScenario } from './load-derived.js';
import { isJsonObject } from './merge-patch.js';
import { variantDurationIssues } from './same-duration.js';
import { SWEEP_CHECK_LIMIT } from './sweep-check-limit.js';
import { formatParameter, sweepDuplicateIssues, sweepPlan, sweepPointScenario, sweepPathIssues } from './sweep-plan.js';

export interface ExperimentCheck {
  /** Variants derived and validated. */
  variants: number;
  /** Points of the sweep's product (0 without a sweep). */
  sweepPoints: number;
  /** Sweep values checked one at a time (each on the point with the other paths' first values). */
  sweepValues: number;
  /** Every point of the product was checked too (sweepPoints <= SWEEP_CHECK_LIMIT). */
  everyPoint: boolean;
}

/** Checks every variant and the sweep of a valid base; throws one ScenarioError listing every problem. */
export function checkExperiment(exp: ExperimentFile): ExperimentCheck {
  const issues: ScenarioIssue[] = [];
  const variants = isJsonObject(exp.raw.variants) ? Object.entries(exp.raw.variants) : [];
  const loaded: [string, Record<string, unknown>][] = [];
  for (const [name, patch] of variants) {
    issues.push(...problems(() => loaded.push([name, loadVariantScenario(exp, name, patch)])));
  }
  // every variant valid: do they run one duration? (same-duration.ts)
  if (issues.length === 0) issues.push(...variantDurationIssues(exp, loaded));

  const pathIssues = sweepPathIssues(exp);
  issues.push(...pathIssues);
  const sweep = isJsonObject(exp.raw.sweep) && pathIssues.length === 0 ? (exp.raw.sweep as Record<string, unknown[]>) : {};
  const paths = Object.keys(sweep);
  const sweepPoints = paths.length === 0 ? 0 : paths.reduce((n, path) => n * sweep[path].length, 1);
  // Each value once, on the point that takes it and the first value of every other path:
  // cheap (the sum of the list lengths, not their product), each problem on the line of its
  // value, and exact — that point is one the sweep runs, so whatever fails there fails the
  // sweep too (a value valid only beside other paths' later values is not refused). It
  // catches what a typo or a wrong type does, which is nearly every sweep mistake.
  // Each problem is said once (a path typo fails the same way for every value), and by the
  // check of the sweep path it is in: the point of all first values is checked once per path,
  // and a problem of the second path's first value must name that value and its line.
  const found = new Map<string, { issue: ScenarioIssue; own: boolean }>();
  let sweepValues = 0;
  for (const path of paths) {
    sweep[path].forEach((value, v) => {
      sweepValues += 1;
      const settings = paths.map((q): [string, unknown] => [q, q === path ? value : sweep[q][0]]);
      const within = `sweep value ${path}=${formatParameter(value)}${paths.length > 1 ? ' (other paths at their first values)' : ''}`;
      for (const issue of problems(() => loadSweepScenario(exp, settings, within, exp.lineOf(['sweep', path, v])))) {
        const key = `${issue.path}\u0000${issue.message}`;
        const own = issue.path === path || issue.path.startsWith(`${path}.`) || issue.message.includes(`"${path}"`);
        const seen = found.get(key);
        if (seen === undefined || (own && !seen.own)) found.set(key, { issue, own });
      }
    });
  }
  const sweepIssues = [...found.values()].map((f) => f.issue);
  // values equal once parsed (60s and 1m) would run the same points twice
  if (paths.length > 0) sweepIssues.push(...sweepDuplicateIssues(exp));
  // Values valid there can still clash on other points (minCapacity above maxCapacity); a
  // small product is checked point by point, a large one is left to the sweep.
  const everyPoint = sweepPoints > 0 && sweepPoints <= SWEEP_CHECK_LIMIT && sweepIssues.length === 0;
  if (everyPoint && paths.length > 1) {
    const plan = sweepPlan(sweep);
    sweepIssues.push(...uniqueIssues(plan.points.flatMap((_, i) => problems(() => sweepPointScenario(exp, plan, i)))));
  }
  issues.push(...sweepIssues);
  if (issues.length > 0) throw new ScenarioError(exp.file, issues);
  return { variants: variants.length, sweepPoints, sweepValues, everyPoint };
}

function problems(load: () => unknown): ScenarioIssue[] {
  try {
    load();
    return [];
  } catch (e) {
    if (e instanceof ScenarioError) return e.issues;
    throw e;
  }
}

/** A warning of one variant that the base scenario does not have. */
export interface VariantWarning {
  variant: string;
  warning: ScenarioWarning;
}

/**
 * The warnings of each variant (derived as compare derives it) that the base scenario does
 * not have, in variant order: a patch can make a scenario valid but likely unintended (a
 * service that cannot scale out from 0 tasks) where the base is fine. Call after
 * checkExperiment (the variants are valid). A warning only of a warm start (onlyWarm: a
 * launchDelay a warm fixed fleet never uses) is left out when the base starts cold: its
 * runs use the key.
 */
export function variantWarnings(exp: ExperimentFile, options: { durationOverridden?: boolean } = {}): VariantWarning[] {
  const key = (w: ScenarioWarning) => `${joinPath(w.at)}\u0000${w.message}`;
  const base = new Set(scenarioWarnings(exp.base, options).map(key));
  const baseCold = !exp.base.scenario.warmStart;
  const variants = isJsonObject(exp.raw.variants) ? Object.entries(exp.raw.variants) : [];
  return variants.flatMap(([variant, patch]) =>
    scenarioWarnings(resolveVariantScenario(exp, variant, patch), options)
      .filter((w) => !base.has(key(w)) && !(w.onlyWarm && baseCold))
      .map((warning) => ({ variant, warning })),
  );
}

/** A warning of one sweep value's point that the base scenario does not have. */
export interface SweepWarning {
  /** `sweep value PATH=VALUE`, as its problems are named. */
  within: string;
  warning: ScenarioWarning;
}

/**
 * The warnings of each sweep value (on the point that takes it and the first value of every
 * other path, as checkExperiment checks it) that the base scenario does not have, each said
 * once, by the first value that has it: a value can make a point valid but likely unintended
 * (a step after the end of the run). Call after checkExperiment (the sweep is valid).
 */
export function sweepWarnings(exp: ExperimentFile, options: { durationOverridden?: boolean } = {}): SweepWarning[] {
  if (!isJsonObject(exp.raw.sweep)) return [];
  const sweep = exp.raw.sweep as Record<string, unknown[]>;
  const paths = Object.keys(sweep);
  const key = (w: ScenarioWarning) => `${joinPath(w.at)}\u0000${w.message}`;
  const seen = new Set(scenarioWarnings(exp.base, options).map(key));
  // (a warning only of a warm start, of a point with warmStart true, is left out when the base starts cold: see variantWarnings)
  const baseCold = !exp.base.scenario.warmStart;
  const out: SweepWarning[] = [];
  for (const path of paths) {
    sweep[path].forEach((value, v) => {
      const settings = paths.map((q): [string, unknown] => [q, q === path ? value : sweep[q][0]]);
      const within = `sweep value ${path}=${formatParameter(value)}${paths.length > 1 ? ' (other paths at their first values)' : ''}`;
      for (const warning of scenarioWarnings(resolveSweepScenario(exp, settings, within, exp.lineOf(['sweep', path, v])), options)) {
        if (seen.has(key(warning)) || (warning.onlyWarm && baseCold)) continue;
        seen.add(key(warning));
        out.push({ within, warning });
      }
    });
  }
  return out;
}
