// What a results folder may replace. `--out` names a folder that ecsim fills and, on the
// next run, replaces whole; it must never take the place of anything else. A mistyped
// `--out notes.txt`, `--out .` or `--out /dev/null` would otherwise be moved aside and
// deleted. So an existing target is replaced only when it is an empty folder or one that
// holds nothing but what ecsim writes into results folders (run, compare, sweep, report).

import { existsSync, lstatSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { shellWord } from './shell-word.js';

/** Files ecsim writes at the top of a results folder. */
const RESULT_FILES = new Set([
  // ecsim run (outputs.md)
  'summary.json',
  'run.json',
  'scenario.json',
  'timeseries.csv',
  'capacity.csv',
  'events.csv',
  'tasks.csv',
  // --report, ecsim report
  'report.html',
  'report.md',
  // ecsim compare
  'comparison.csv',
  'comparison.md',
  'paired.csv',
  'replications.csv',
  'providers.csv',
  // ecsim sweep, merge; sweep-plan.txt also in each runs/<point label>/ (sweep-plan-file.ts)
  'sweep.csv',
  'sweep-plan.txt',
]);
/** Files and folders whose names follow a pattern: sweep shards, and the temporary names of a write that was stopped. */
const RESULT_PATTERNS = [/^sweep\.shard-\d+-of-\d+\.csv$/, /^\..+\.tmp-/, /^\.DS_Store$/];
/** The folder of per-variant or per-point results folders (compare, sweep). */
const RUNS = 'runs';

/** What is at `path`; undefined when nothing, or when we may not look (creating the folder then says why). */
function lstatOrNothing(path: string) {
  try {
    return lstatSync(path, { throwIfNoEntry: false });
  } catch {
    return undefined; // ENOTDIR (a file on the way), EACCES
  }
}

/** A target that a results folder may not replace. */
export class OutputPathError extends Error {
  override name = 'OutputPathError';
}

/**
 * Throws OutputPathError unless `target` is missing, an empty folder, or a folder of
 * ecsim results (whose `runs/` holds only results folders).
 */
export function assertReplaceable(target: string): void {
  // a folder is replaced by renaming; a mount point cannot be renamed (EBUSY, after all the work)
  if (isMountPoint(target)) {
    throw new OutputPathError(`cannot write results to "${target}": it is a mount point, which cannot be replaced; give a folder inside it (e.g. --out ${shellWord(join(target, 'results'))})`);
  }
  const problem = whyNotReplaceable(target, true);
  if (problem !== null) {
    throw new OutputPathError(
      `cannot write results to "${target}": ${problem}; ecsim replaces only a results folder it wrote (choose another --out, or remove it yourself)`,
    );
  }
}

/** Whether `path` is a folder on another file system than its parent's (a bind mount of the same one is not seen). */
export function isMountPoint(path: string): boolean {
  const st = lstatOrNothing(path);
  if (st === undefined || !st.isDirectory() || dirname(path) === path) return false;
  const parent = lstatOrNothing(dirname(path));
  return parent !== undefined && parent.dev !== st.dev;
}

/**
 * Throws OutputPathError unless `target` is missing or a `runs/` folder of results folders
 * (a sweep's, replaced whole when the sweep is done).
 */
export function assertReplaceableRuns(target: string): void {
  if (isMountPoint(target)) {
    throw new OutputPathError(`cannot write runs to "${target}": it is a mount point, which cannot be replaced; give an --out folder inside it`);
  }
  const st = lstatOrNothing(target);
  const problem =
    st === undefined ? null : st.isSymbolicLink() || !st.isDirectory() ? whyNotReplaceable(target, false) : whyNotReplaceableRuns(target);
  if (problem !== null) {
    throw new OutputPathError(
      `cannot write runs to "${target}": ${st?.isDirectory() && !st.isSymbolicLink() ? `its "${problem}` : problem}; ecsim replaces only a runs folder it wrote (choose another --out, or remove it yourself)`,
    );
  }
}

/** Why a runs folder may not be replaced (`<run>" is not a results folder (...)`), or null. */
function whyNotReplaceableRuns(runs: string): string | null {
  for (const run of readdirSync(runs)) {
    if (RESULT_PATTERNS.some((p) => p.test(run))) continue; // a stopped write's temporary folder, Finder's .DS_Store
    const inner = whyNotReplaceable(join(runs, run), false);
    if (inner !== null) return `${run}" is not a results folder (${inner})`;
  }
  return null;
}

function whyNotReplaceable(path: string, top: boolean): string | null {
  const st = lstatOrNothing(path);
  if (st === undefined) return null;
  if (st.isSymbolicLink()) return 'it is a symbolic link (give the folder it points to)';
  if (!st.isDirectory()) return st.isFile() ? 'it is a file, not a folder' : 'it is not a folder (a device, a pipe or a socket)';
  for (const name of readdirSync(path)) {
    if (RESULT_FILES.has(name) || RESULT_PATTERNS.some((p) => p.test(name))) continue;
    if (top && name === RUNS) {
      const runs = join(path, RUNS);
      if (!lstatSync(runs).isDirectory()) return `it holds "${RUNS}", which is not a folder`;
      const inner = whyNotReplaceableRuns(runs);
      if (inner !== null) return `its "${RUNS}/${inner}`;
      continue;
    }
    // not "a folder that ecsim did not write": an earlier results folder with a file of the user's added is one it did write
    return `it holds "${name}", which ecsim did not write`;
  }
  return null;
}

/** The commands that write a results folder of their own. */
export type ResultsCommand = 'run' | 'compare' | 'sweep';

/** What says a folder is each command's, in the order looked for. */
const COMMAND_MARKS: readonly [ResultsCommand, string, RegExp][] = [
  ['sweep', "a sweep's folder", /^sweep\.csv$|^sweep\.shard-\d+-of-\d+\.csv$/],
  ['compare', "a compare's folder", /^comparison\.csv$/],
  ['run', "a run's folder", /^summary\.json$/],
];

/**
 * What in `dir` says it is another command's results folder than `command`'s (`sweep.csv (a
 * sweep's folder)`), or null: a sweep's sweep.csv or shard files, a compare's comparison.csv,
 * a run's summary.json. Each command refuses the others' folders (a run would replace a
 * sweep's shard files and runs/ whole; a sweep's files would mix with a compare's).
 */
export function otherCommandsFolder(dir: string, command: ResultsCommand): string | null {
  let names: string[];
  try {
    names = lstatSync(dir, { throwIfNoEntry: false })?.isDirectory() ? readdirSync(dir).sort() : [];
  } catch {
    return null; // we may not look: creating the folder then says why
  }
  for (const [other, what, mark] of COMMAND_MARKS) {
    if (other === command) continue;
    const name = names.find((n) => mark.test(n));
    if (name !== undefined && existsSync(join(dir, name))) return `${name} (${what})`;
  }
  return null;
}

/**
 * Throws OutputPathError when `dir` is another command's results folder (otherCommandsFolder),
 * which `command`'s results would replace whole: before any run.
 */
export function assertOwnResultsFolder(dir: string, command: 'run' | 'compare'): void {
  const other = otherCommandsFolder(dir, command);
  if (other !== null) {
    const what = command === 'run' ? 'the run' : 'the comparison';
    throw new OutputPathError(`cannot write ${what} to "${dir}": it holds ${other}, which ${what}'s results would replace whole; choose another --out`);
  }
}
