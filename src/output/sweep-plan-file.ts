// `sweep-plan.txt`: which sweep wrote a file or folder, by the digest of its plan (the one
// shard files carry in their `plan` column: src/experiment/sweep-plan-digest.ts). A sweep
// writes one beside `sweep.csv` (so does `ecsim merge`, from the shards' `plan`) and one
// into each `runs/<point label>/`, with the run. Shards run without runs leave an earlier
// sweep's `runs/` in place; the report draws only the runs whose plan is the table's.
// One line: `ecsim sweep plan <16 hex digits>`.

import { readResultsText, ResultsFileError } from './results-file.js';

export const SWEEP_PLAN_FILE = 'sweep-plan.txt';

const LINE = /^ecsim sweep plan ([0-9a-f]{16})\r?\n?$/;

/** The file's text for the plan digest `plan`. */
export function sweepPlanText(plan: string): string {
  return `ecsim sweep plan ${plan}\n`;
}

/** Whether `text` is a sweep-plan.txt (an earlier one, which a sweep or merge may replace). */
export function isSweepPlanText(text: string): boolean {
  return LINE.test(text);
}

/**
 * The plan digest in the sweep-plan.txt at `path`; undefined when there is none; a
 * ResultsFileError when something else is there.
 */
export function readSweepPlan(path: string): string | undefined {
  const text = readResultsText(path, 'the sweep plan written by ecsim sweep or merge', true);
  if (text === null) return undefined;
  const m = LINE.exec(text);
  if (m === null) {
    const found = JSON.stringify(text.length > 60 ? `${text.slice(0, 60)}...` : text);
    throw new ResultsFileError(`${path}: expected one line "ecsim sweep plan <16 hex digits>" (written by ecsim sweep or merge), found ${found}; run the sweep again, or remove the file`);
  }
  return m[1];
}
