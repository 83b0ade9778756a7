// What an `--out FILE` of trace, merge and report may name: a new file, a stream (a pipe,
// a device, /dev/stdout: isStreamPath), written through, or an earlier file of the command's
// own kind, recognised by its start (a CSV's header, a report page's head). Any other
// existing file (a scenario, a CSV of another kind, notes, a page of the user's own) was
// replaced without a word; an input of the command (the scenario being read) is refused
// whatever it holds. Checked before anything is written.

import { realpathSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { isStreamPath, readHead } from '../output/staging.js';
import { shellWord } from '../output/shell-word.js';
import { UsageError } from './errors.js';

export interface OutFileRule {
  /** Whether a file's start (readHead) is an earlier output of the command. */
  earlier: (head: string) => boolean;
  /** What may be replaced, for the message: "an earlier trace CSV (header time_s,timestamp,service,rps)". */
  earlierKind: string;
  /** A name to suggest: "trace.csv". */
  example: string;
  /** Files the command reads, never replaced (also by another path or a link): [what, path]. */
  inputs?: readonly (readonly [what: string, path: string])[];
}

/** Throws UsageError when `--out` names an existing file the command must not replace. */
export function refuseToReplaceFile(out: string, rule: OutFileRule): void {
  if (isStreamPath(out)) return; // written through
  refuseFolderName(out, rule.example);
  let stat;
  try {
    stat = statSync(out, { throwIfNoEntry: false });
  } catch {
    return; // not ours to look at: the write says why
  }
  if (stat === undefined) return; // a new file
  if (!stat.isFile()) return; // a folder: the write says so (EISDIR)
  const real = realpathSync(out);
  const which = real === resolve(out) ? '' : ` (a link to ${real})`;
  for (const [what, input] of rule.inputs ?? []) {
    if (realPathOrUndefined(input) === real) throw new UsageError(`--out: expected a file other than the ${what} being read, found ${out}${which}; give another name (e.g. ${rule.example})`);
  }
  let head: string;
  try {
    head = readHead(out);
  } catch {
    head = ''; // unreadable: not known to be an earlier output
  }
  if (rule.earlier(head)) return;
  throw new UsageError(`--out: expected a new file or ${rule.earlierKind} to replace, found the existing file ${out}${which}; give another name (e.g. ${rule.example})`);
}

function realPathOrUndefined(path: string): string | undefined {
  try {
    return realpathSync(path);
  } catch {
    return undefined;
  }
}

/**
 * Throws UsageError when `--out` ends in "/": it names a folder whether it exists or not
 * (trace wrote the file without the "/", report made the folder and then failed, init said
 * only EISDIR). `what` says what --out should name.
 */
export function refuseFolderName(out: string, example: string, what = 'a file to write'): void {
  if (!/[\\/]$/.test(out)) return;
  throw new UsageError(`--out: expected ${what}, found ${out}, which names a folder (it ends with "${out.slice(-1)}"); give a file in it, e.g. --out ${shellWord(join(out, example))}`);
}
