// Files ecsim reads (scenarios, experiment files, request traces, shard and results files)
// must be regular files or pipes: a character device such as /dev/zero or /dev/full never
// ends, so reading it hung for ever. A pipe or socket (`<(...)`, /dev/stdin from a pipe or
// from a parent process's socket pair) ends when the writer closes it.

import { statSync, type Stats } from 'node:fs';

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
