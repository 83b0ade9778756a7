// What a results folder may replace. `--out` names a folder that ecsim fills and, on the
// next run, replaces whole; it must never take the place of anything else. A mistyped
// `--out notes.txt`, `--out .` or `--out /dev/null` would otherwise be moved aside and
// deleted. So an existing target is replaced only when it is an empty folder or one that
// holds nothing but what ecsim writes into results folders (run, compare, sweep, report).

import { lstatSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

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
  // ecsim sweep, merge
  'sweep.csv',
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
  const problem = whyNotReplaceable(target, true);
  if (problem !== null) {
    throw new OutputPathError(
      `cannot write results to "${target}": ${problem}; ecsim replaces only a results folder it wrote (choose another --out, or remove it yourself)`,
    );
  }
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
      for (const run of readdirSync(runs)) {
        if (RESULT_PATTERNS.some((p) => p.test(run))) continue; // a stopped write's temporary folder, Finder's .DS_Store
        const inner = whyNotReplaceable(join(runs, run), false);
        if (inner !== null) return `its "${RUNS}/${run}" is not a results folder (${inner})`;
      }
      continue;
    }
    return `it is a folder that ecsim did not write (it holds "${name}")`;
  }
  return null;
}
