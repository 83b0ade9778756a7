// The files every `ecsim run` writes into its results folder (run-to-folder.ts,
// results-writer.ts) that `ecsim report` and `ecsim explain` read. Before either reads a
// run's folder it requires all of them: a folder missing one (copied in part, a file
// deleted) would otherwise be reported with that file's figures as zeros (no events.csv: "0
// scaling activities", no tasks.csv: "0 tasks started"). scenario.json is optional
// (docs/notes/reports.md: without it, settings from summary.json only); run.json (wall time,
// the one non-deterministic file) is read by neither.

import { existsSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { ResultsFileError } from './results-file.js';
import { shellWord } from './shell-word.js';

/** The files of a run's folder that report and explain require, in the order checked. */
export const RUN_FILES = ['summary.json', 'timeseries.csv', 'capacity.csv', 'events.csv', 'tasks.csv'] as const;

/** RUN_FILES as a sentence lists them: "summary.json, ..., events.csv and tasks.csv". */
export const RUN_FILES_LISTED = `${RUN_FILES.slice(0, -1).join(', ')} and ${RUN_FILES[RUN_FILES.length - 1]}`;

/** Whether `dir` holds any of the run's files (a run's folder, maybe with some missing). */
export function hasRunFiles(dir: string): boolean {
  return RUN_FILES.some((name) => existsSync(join(dir, name)));
}

/**
 * What report and explain say of a folder holding none of RUN_FILES (one of a run's other
 * files only, run.json or scenario.json; another folder): `DIR: expected a results folder
 * (summary.json, ..., tasks.csv, as written by ecsim run), found none of them`.
 */
export function noRunFilesMessage(dir: string): string {
  return `${dir}: expected a results folder (${RUN_FILES.join(', ')}, as written by ecsim run), found none of them`;
}

/** The RUN_FILES missing from `dir`, in RUN_FILES' order (none: the folder is whole). */
export function missingRunFiles(dir: string): string[] {
  return RUN_FILES.filter((name) => !existsSync(join(dir, name)));
}

/**
 * Throws ResultsFileError naming the first of RUN_FILES missing from `dir` (and the others
 * missing): `DIR/events.csv: expected the file a run writes (...), found no file; ...`. The
 * advice is to re-run `ecsim run` into the folder, or, for a run's folder under the runs/
 * of a compare or sweep folder (whose scenario is the compare's variant or the sweep's
 * point, not one the reader has), to run that compare or sweep again.
 */
export function assertRunFiles(dir: string): void {
  const missing = missingRunFiles(dir);
  if (missing.length === 0) return;
  const others = missing.length > 1 ? ` (nor ${missing.slice(1).join(', ')})` : '';
  const kind = experimentOf(dir);
  const advice =
    kind === null
      ? `re-run \`ecsim run SCENARIO --out ${shellWord(dir)}\``
      : `it is a run of the ${kind} in ${dirname(dirname(dir))}: run the ${kind} again (its runs/ folders are written by ecsim ${kind}, not ecsim run)`;
  throw new ResultsFileError(
    `${join(dir, missing[0])}: expected the file a run writes (every ecsim run writes ${RUN_FILES_LISTED}), found no file${others}; ` +
      `the folder is incomplete: ${advice}`,
  );
}

/** 'compare' or 'sweep' when `dir` is runs/<name>/ of a compare or sweep folder, else null. */
function experimentOf(dir: string): 'compare' | 'sweep' | null {
  const parent = dirname(dir);
  if (basename(parent) !== 'runs') return null;
  return experimentFolderKind(dirname(parent));
}

/**
 * 'compare' or 'sweep' when `dir` is a compare folder (comparison.csv) or a sweep folder
 * (sweep.csv), which hold their runs' results folders under runs/; else null. Explain and
 * trace, given one, say so.
 */
export function experimentFolderKind(dir: string): 'compare' | 'sweep' | null {
  return existsSync(join(dir, 'comparison.csv')) ? 'compare' : existsSync(join(dir, 'sweep.csv')) ? 'sweep' : null;
}

/**
 * Where a compare or sweep folder's runs are, for a message pointing there: `one of its runs
 * (DIR/runs/<name>)`, or, when it has no runs/ (a sweep of more points than it writes runs
 * for, or run with --no-runs), that it has none and how to get them.
 */
export function experimentRunsPointer(dir: string, kind: 'compare' | 'sweep'): string {
  if (existsSync(join(dir, 'runs'))) return `one of its runs (${join(dir, 'runs', '<name>')})`;
  return `one of its runs, but it has none (no runs/: ${kind === 'sweep' ? 'run the sweep again with --runs' : 'run the compare again'})`;
}
