// `sweep-plan.txt`: which sweep wrote a file or folder, by digests of its plan
// (src/experiment/sweep-plan-digest.ts). A sweep writes one beside `sweep.csv` (so does
// `ecsim merge`, from the shards' `plan` and `runs_plan`) and one into each
// `runs/<point label>/`, with the run. Shards run without runs leave an earlier sweep's
// `runs/` in place; the report draws only the runs of the table's sweep.
//
// Beside sweep.csv, one line: `ecsim sweep plan <16 hex digits> runs <16 hex digits>`: the
// whole plan's digest (the one shard files carry in their `plan` column, which merge checks)
// and the runs' (what replication 0 of each point depends on). Written before the runs'
// digest, and merged from shard files without it: `ecsim sweep plan <16 hex digits>`.
// In runs/<point label>/, one line: `ecsim sweep runs <16 hex digits>` (the runs' digest);
// written before it: `ecsim sweep plan <16 hex digits>` (the whole plan's).

import { readResultsText, ResultsFileError } from './results-file.js';

export const SWEEP_PLAN_FILE = 'sweep-plan.txt';

/** What a sweep-plan.txt names: the whole plan's digest, the runs' digest, or both (beside sweep.csv). */
export interface SweepPlanMark {
  plan?: string;
  runs?: string;
}

const HEX = '([0-9a-f]{16})';
const PLAN_LINE = new RegExp(`^ecsim sweep plan ${HEX}(?: runs ${HEX})?\\r?\\n?$`);
const RUNS_LINE = new RegExp(`^ecsim sweep runs ${HEX}\\r?\\n?$`);

/** The text beside sweep.csv: the plan digest `plan` and, when known, the runs' digest `runs`. */
export function sweepPlanText(plan: string, runs?: string): string {
  return `ecsim sweep plan ${plan}${runs === undefined ? '' : ` runs ${runs}`}\n`;
}

/** The text in runs/<point label>/: the runs' digest. */
export function sweepRunsText(runs: string): string {
  return `ecsim sweep runs ${runs}\n`;
}

/** Whether `text` is a sweep-plan.txt (an earlier one, which a sweep or merge may replace). */
export function isSweepPlanText(text: string): boolean {
  return PLAN_LINE.test(text) || RUNS_LINE.test(text);
}

/**
 * What the sweep-plan.txt at `path` names; undefined when there is none; a
 * ResultsFileError when something else is there.
 */
export function readSweepPlan(path: string): SweepPlanMark | undefined {
  const text = readResultsText(path, 'the sweep plan written by ecsim sweep or merge', true);
  if (text === null) return undefined;
  const plan = PLAN_LINE.exec(text);
  if (plan !== null) return plan[2] === undefined ? { plan: plan[1] } : { plan: plan[1], runs: plan[2] };
  const runs = RUNS_LINE.exec(text);
  if (runs !== null) return { runs: runs[1] };
  const found = JSON.stringify(text.length > 60 ? `${text.slice(0, 60)}...` : text);
  throw new ResultsFileError(
    `${path}: expected one line "ecsim sweep plan <16 hex digits> runs <16 hex digits>" or "ecsim sweep runs <16 hex digits>" (written by ecsim sweep or merge), found ${found}; run the sweep again, or remove the file`,
  );
}

/**
 * Whether the run whose sweep-plan.txt names `run` is of the sweep of the table whose
 * sweep-plan.txt names `table`: by the runs' digest (replication 0 of each point is the
 * same run when only the replications, variants or expect list differ), or, for a run
 * marked before the runs' digest, by the whole plan's.
 */
export function isRunOfSweep(run: SweepPlanMark | undefined, table: SweepPlanMark): boolean {
  if (run === undefined) return false;
  if (run.runs !== undefined) return run.runs === table.runs;
  return run.plan !== undefined && run.plan === table.plan;
}
