// The files every `ecsim run` writes into its results folder (run-to-folder.ts,
// results-writer.ts) that `ecsim report` and `ecsim explain` read. Before either reads a
// run's folder it requires all of them: a folder missing one (copied in part, a file
// deleted) would otherwise be reported with that file's figures as zeros (no events.csv: "0
// scaling activities", no tasks.csv: "0 tasks started"). scenario.json is optional
// (docs/notes/reports.md: without it, settings from summary.json only); run.json (wall time,
// the one non-deterministic file) is read by neither.

import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { ResultsFileError } from './results-file.js';

/** The files of a run's folder that report and explain require, in the order checked. */
export const RUN_FILES = ['summary.json', 'timeseries.csv', 'capacity.csv', 'events.csv', 'tasks.csv'] as const;

const LISTED = `${RUN_FILES.slice(0, -1).join(', ')} and ${RUN_FILES[RUN_FILES.length - 1]}`;

/** Whether `dir` holds any of the run's files (a run's folder, maybe with some missing). */
export function hasRunFiles(dir: string): boolean {
  return RUN_FILES.some((name) => existsSync(join(dir, name)));
}

/**
 * Throws ResultsFileError naming the first of RUN_FILES missing from `dir` (and the others
 * missing): `DIR/events.csv: expected the file a run writes (...), found no file; ...`.
 */
export function assertRunFiles(dir: string): void {
  const missing = RUN_FILES.filter((name) => !existsSync(join(dir, name)));
  if (missing.length === 0) return;
  const others = missing.length > 1 ? ` (nor ${missing.slice(1).join(', ')})` : '';
  throw new ResultsFileError(
    `${join(dir, missing[0])}: expected the file a run writes (every ecsim run writes ${LISTED}), found no file${others}; ` +
      `the folder is incomplete: re-run \`ecsim run SCENARIO --out ${dir}\``,
  );
}
