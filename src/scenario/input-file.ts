// Files ecsim reads (scenarios, experiment files, request traces, shard and results files)
// must be regular files or pipes: a character device such as /dev/zero or /dev/full never
// ends, so reading it hung for ever. A pipe or socket (`<(...)`, /dev/stdin from a pipe or
// from a parent process's socket pair) ends when the writer closes it.

import { statSync, type Stats } from 'node:fs';
import { dirname, resolve } from 'node:path';

/** What the path is, in words, when it is no file ecsim can read to its end; undefined when it is one (or is missing: the read says so). */
export function notAFileToRead(path: string): string | undefined {
  let st: Stats;
  try {
    st = statSync(path);
  } catch {
    return undefined;
  }
  if (st.isCharacterDevice()) return 'expected a regular file, found a character device';
  if (st.isBlockDevice()) return 'expected a regular file, found a block device';
  return undefined;
}

/**
 * The folder a scenario's relative paths (a csv request trace's `file`) are read from: the
 * scenario file's own; for a scenario read from a stream (`cat s.yaml | ecsim run
 * /dev/stdin`, `<(...)`, a FIFO: anything not a regular file, or a path under /dev or /proc
 * such as /dev/stdin, /dev/fd/0), the current working directory, as for the shell that
 * piped it: /dev is not where the user keeps the trace.
 */
export function scenarioBaseDir(file: string): string {
  const path = resolve(file);
  if (/^\/(dev|proc)\//.test(path)) return process.cwd();
  try {
    if (!statSync(path).isFile()) return process.cwd();
  } catch {
    /* not there (or not ours to look at): the read says why */
  }
  return dirname(path);
}
