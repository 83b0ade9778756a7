// The points of a sweep: the Cartesian product of the `sweep` lists (dotted paths into the
// scenario), numbered in a fixed order — the first path varies slowest, the last fastest,
// as nested loops in file order — and each point's name, folder label and scenario.
// `ecsim sweep` runs them (sweep.ts); `ecsim validate` checks them (check-experiment.ts).

import { ScenarioError, canonicalJson, type ScenarioIssue } from '../scenario/index.js';
import type { ExperimentFile } from './experiment-file.js';
import { EXPERIMENT_KEYS } from './derive-scenario.js';
import { loadSweepScenario, resolveSweepScenario } from './load-derived.js';
import { isJsonObject } from './merge-patch.js';
import { pointLabels } from './point-label.js';

export interface SweepPlan {
  paths: string[];
  /** points[i][p]: the value of paths[p] at point i. */
  points: unknown[][];
}

/** The points of a sweep map (path -> list of values), in the fixed order. */
export function sweepPlan(sweep: Record<string, readonly unknown[]>): SweepPlan {
  const paths = Object.keys(sweep);
  let points: unknown[][] = [[]];
  for (const path of paths) {
    const next: unknown[][] = [];
    for (const prefix of points) for (const value of sweep[path]) next.push([...prefix, value]);
    points = next;
  }
  return { paths, points };
}

/** A sweep value as its CSV cell: strings as they are, everything else as JSON. */
export function formatParameter(value: unknown): string {
  return typeof value === 'string' ? value : JSON.stringify(value);
}

/** The plan of the file's `sweep` map; throws ScenarioError when there is none. */
export function experimentSweepPlan(exp: ExperimentFile): SweepPlan {
  const sweep = exp.raw.sweep;
  if (!isJsonObject(sweep) || Object.keys(sweep).length === 0) {
    throw new ScenarioError(exp.file, [{ path: 'sweep', message: 'expected a map of dotted paths to lists of values, found none' }]);
  }
  const pathIssues = sweepPathIssues(exp);
  if (pathIssues.length > 0) throw new ScenarioError(exp.file, pathIssues);
  const duplicates = sweepDuplicateIssues(exp);
  if (duplicates.length > 0) throw new ScenarioError(exp.file, duplicates);
  return sweepPlan(sweep as Record<string, unknown[]>);
}

/**
 * Values of one sweep path that differ as written but not once parsed (`scaleOutCooldown:
 * [60s, 1m]`, `[60, 60s]`, or two `start` times of one instant) would run the same points twice, as `[40, 40]` would (refused by
 * the schema as written): each value is parsed on the point with the other paths' first
 * values, and a value whose scenario equals an earlier value's is refused on its line. A
 * value that does not load is left to the checks that report it. Call after sweepPathIssues
 * is empty.
 */
export function sweepDuplicateIssues(exp: ExperimentFile): ScenarioIssue[] {
  const sweep = exp.raw.sweep;
  if (!isJsonObject(sweep)) return [];
  const lists = sweep as Record<string, unknown[]>;
  const paths = Object.keys(lists).filter((p) => Array.isArray(lists[p]) && lists[p].length > 0);
  const issues: ScenarioIssue[] = [];
  for (const path of paths) {
    const first = new Map<string, number>();
    lists[path].forEach((value, v) => {
      const settings = paths.map((q): [string, unknown] => [q, q === path ? value : lists[q][0]]);
      let key: string;
      try {
        const scenario = resolveSweepScenario(exp, settings, '', undefined).scenario;
        // `start` counts as its instant: 01:00+01:00 and 00:00Z run the same (only the instant is simulated)
        key = canonicalJson({ ...scenario, start: Date.parse(scenario.start) });
      } catch (e) {
        if (e instanceof ScenarioError) return;
        throw e;
      }
      const at = first.get(key);
      if (at === undefined) {
        first.set(key, v);
        return;
      }
      issues.push({
        path: `sweep.${path}[${v}]`,
        message:
          `expected distinct values (each point runs once), found ${JSON.stringify(value)}, the same as [${at}] ${JSON.stringify(lists[path][at])} once parsed; remove one`,
        line: exp.lineOf(['sweep', path, v]),
      });
    });
  }
  return issues;
}

/**
 * The problems with sweep paths that are not scenario keys, or []: `seed` (replication k of
 * every point runs with seed + k, common random numbers, so a swept seed would be
 * overridden) and the experiment's own keys (variants, replications, sweep, expect: no
 * point's scenario carries them, so every point would be the same); refused rather than ignored.
 */
export function sweepPathIssues(exp: ExperimentFile): ScenarioIssue[] {
  const sweep = exp.raw.sweep;
  if (!isJsonObject(sweep)) return [];
  const issues: ScenarioIssue[] = [];
  for (const [path, values] of Object.entries(sweep)) {
    const key = path.split(/[.[]/)[0];
    const found = `found ${JSON.stringify(values)}`;
    const line = exp.lineOf(['sweep', path]);
    if (key === 'seed') {
      issues.push({
        path: `sweep.${path}`,
        message: `expected no seed among the sweep's paths (replication k of every sweep point runs with seed + k), ${found}; set the top-level seed or --seed, and replications for more seeds`,
        line,
      });
    } else if ((EXPERIMENT_KEYS as readonly string[]).includes(key)) {
      const hint = key === 'replications' ? 'set the top-level replications or --replications' : 'remove it';
      issues.push({
        path: `sweep.${path}`,
        message: `expected a path into the scenario, not the experiment's key ${key} (no sweep point's scenario carries it, so every point would be the same), ${found}; ${hint}`,
        line,
      });
    } else if (key === 'duration' && Array.isArray(values) && values.length > 1) {
      // run totals of different durations are not comparable (same-duration.ts)
      issues.push({
        path: `sweep.${path}`,
        message: `expected one duration for every sweep point (cost, task-hours, SLO minutes and dropped requests are run totals: a shorter run looks cheaper, and the Pareto front and paired differences would rank it so), ${found}; remove duration from sweep and set the top-level duration (or pass \`ecsim sweep --duration\`), one run of the sweep per duration`,
        line,
      });
    }
  }
  return issues;
}

/** Names point i in messages: `sweep point 3 (a.b=40, a.c=60s)`. */
export function sweepPointName(plan: SweepPlan, i: number): string {
  return `sweep point ${i} (${plan.paths.map((p, j) => `${p}=${formatParameter(plan.points[i][j])}`).join(', ')})`;
}

/** The raw scenario of point i; throws ScenarioError (on the line of `sweep`) when invalid. */
export function sweepPointScenario(exp: ExperimentFile, plan: SweepPlan, i: number): Record<string, unknown> {
  const settings = plan.paths.map((p, j): [string, unknown] => [p, plan.points[i][j]]);
  return loadSweepScenario(exp, settings, sweepPointName(plan, i), exp.lineOf(['sweep']));
}

/** The label of every point of the plan (its runs/ folder name), in point order. */
export function sweepPointLabels(plan: SweepPlan): string[] {
  return pointLabels(plan.paths, plan.points.map((values) => values.map(formatParameter)));
}
