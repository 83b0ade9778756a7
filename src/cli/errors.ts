// Exit codes (outputs.md): 0 success, 1 internal error (or an incomplete installation), 2 bad input (or results that cannot
// be written), 3 expectation failed.

import { ScenarioError } from '../scenario/errors.js';
import { OutputPathError } from '../output/results-folder.js';
import type { LeftAside } from '../output/left-aside.js';

export class UsageError extends Error {
  override name = 'UsageError';
}

/** The run finished, but a scenario `expect:` assertion failed (exit 3). */
export class ExpectationFailed extends Error {
  override name = 'ExpectationFailed';
}

/**
 * ecsim is installed without a file it needs (the bundle copied without scenarios/ beside
 * dist/): not the user's input, so exit 1 as an internal error does, but one line saying what
 * is missing and where it looked, without a stack.
 */
export class InstallationError extends Error {
  override name = 'InstallationError';
}

export const EXIT = { ok: 0, internal: 1, badInput: 2, expectationFailed: 3 } as const;

/** Prints an error the way a person wants to read it and returns the exit code. */
export function reportError(e: unknown): number {
  if (e instanceof ScenarioError) {
    process.stderr.write(`${e.message}\n`);
    return EXIT.badInput;
  }
  if (e instanceof ExpectationFailed) {
    process.stderr.write(`${e.message}\n`);
    return EXIT.expectationFailed;
  }
  if (e instanceof UsageError || e instanceof OutputPathError) {
    process.stderr.write(`ecsim: ${e.message}\n`);
    return EXIT.badInput;
  }
  if (e instanceof InstallationError) {
    process.stderr.write(`ecsim: ${e.message}\n`);
    return EXIT.internal;
  }
  const fs = fileSystemProblem(e);
  if (fs !== null) {
    process.stderr.write(`ecsim: ${fs}\n`);
    return EXIT.badInput;
  }
  const err = e as Error;
  process.stderr.write(`ecsim: internal error (a bug; please report it with the scenario): ${err?.stack ?? String(e)}\n`);
  return EXIT.internal;
}

/** What the system said, in words, for the errors a path given by the user can cause. */
const REASONS: Record<string, string> = {
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  EEXIST: 'a file is in the way where a folder is needed',
  ENOTDIR: 'a part of the path is a file, not a folder',
  EISDIR: 'it is a folder',
  ENOENT: 'no such file or folder',
  EROFS: 'the file system is read-only',
  ENOSPC: 'no space left on the device',
  EDQUOT: 'disk quota exceeded',
  ENAMETOOLONG: 'the name is longer than the file system takes (most take 255 bytes a name); give a shorter one',
  EBUSY: 'it is in use and cannot be replaced (a mount point?); give a folder inside it as --out',
  EMFILE: 'too many open files',
};

/** System calls that create, open or write files: their failures are about the user's paths. */
const WRITING = new Set(['mkdir', 'open', 'write', 'rename', 'rmdir', 'unlink', 'copyfile', 'close']);

/**
 * A one-line message when a path cannot be created, opened or written (an --out path under
 * a file or onto a folder, a folder without permission, a full disk), or null for any other
 * error: those stay internal errors with their stack. (Scenario, trace and results files
 * that ecsim reads are checked where they are read, with messages of their own.)
 */
export function fileSystemProblem(e: unknown): string | null {
  if (!(e instanceof Error)) return null;
  const { code, syscall, path } = e as NodeJS.ErrnoException;
  if (typeof code !== 'string' || typeof syscall !== 'string' || !WRITING.has(syscall)) return null;
  const reason = REASONS[code];
  if (reason === undefined) return null;
  // the writers name the path they were asked for (namingUserPath); an error from elsewhere may not
  const what = path !== undefined ? `"${path}"` : 'the output';
  return `cannot ${syscall === 'open' ? 'open' : 'write'} ${what}: ${reason} (${code})`;
}

/** `could not remove the previous results "X": permission denied (EACCES); moved aside to "Y": remove it yourself`. */
export function leftAsideMessage(left: LeftAside): string {
  return `could not remove the previous results "${left.target}": ${REASONS[left.code] ?? 'the system refused'} (${left.code}); moved aside to "${left.aside}": remove it yourself`;
}
