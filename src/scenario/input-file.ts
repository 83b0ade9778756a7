// Files ecsim reads (scenarios, experiment files, request traces, shard and results files)
// must be regular files or pipes: a character device such as /dev/zero or /dev/full never
// ends, so reading it hung for ever. A pipe or socket (`<(...)`, /dev/stdin from a pipe or
// from a parent process's socket pair) ends when the writer closes it.

import { lstatSync, readdirSync, readlinkSync, statSync, type Stats } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { likelyMeantName, meantHint } from './did-you-mean.js';

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

/**
 * The largest scenario file read (10 MiB; the largest example is a few KiB). A 200 MB YAML
 * parsed for minutes and then ran out of memory; a trace that large belongs in a CSV file.
 */
export const MAX_SCENARIO_BYTES = 10 * 1024 * 1024;

/**
 * The largest CSV trace file read (100 MiB, about 7 million rows): reading and checking one
 * takes about 4 times its size in memory (a 100 MiB file of 6.3 million rows: about 400 MB;
 * as row objects, parsed three times, it was about 20 times), and the run sees no finer
 * than a metric period's mean, so a longer trace is better resampled.
 */
export const MAX_TRACE_BYTES = 100 * 1024 * 1024;

/** "expected ... of at most N MiB, found M MiB" when `bytes` is above `max`, else undefined. */
export function tooLargeMessage(bytes: number, max: number, what: string, hint: string, where?: string): string | undefined {
  if (bytes <= max) return undefined;
  // rounded up to a tenth: a byte over 10 MiB is "10.1", not "10"
  const mib = (n: number) => `${String(Math.ceil(n / 1024 / 1024 * 10) / 10)} MiB`;
  return `expected ${what} of at most ${mib(max)}, found ${mib(bytes)}${where === undefined ? '' : ` at ${where}`}; ${hint}`;
}

/** The size of a regular file (0 for anything else, or when it cannot be looked at: the read says why). */
export function regularFileSize(path: string): number {
  try {
    const st = statSync(path);
    return st.isFile() ? st.size : 0;
  } catch {
    return 0;
  }
}

/**
 * The text of a file's bytes as UTF-8 (a leading byte order mark dropped); undefined when
 * they are not UTF-8 (decoding would replace the bytes by U+FFFD and go on with text that
 * is not the file's). `invalidUtf8Message` says where.
 */
export function decodeUtf8(bytes: Uint8Array): string | undefined {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return undefined;
  }
}

/**
 * Where the bytes stop being UTF-8: its line, and "expected UTF-8 text, found bytes that are
 * not UTF-8 (from 0xE9, byte 12 of the file); ..."; with `where` (the file's name), "... of
 * the file) at rate.csv, line 3; ...".
 */
export function invalidUtf8Message(bytes: Uint8Array, where?: string): { line: number; message: string } {
  const at = Math.min(firstInvalidUtf8(bytes), bytes.length - 1);
  let line = 1;
  for (let i = 0; i < at; i++) if (bytes[i] === 0x0a) line++;
  const byte = `0x${bytes[at].toString(16).toUpperCase().padStart(2, '0')}`;
  const place = where === undefined ? '' : ` at ${where}, line ${line}`;
  return { line, message: `expected UTF-8 text, found bytes that are not UTF-8 (from ${byte}, byte ${at + 1} of the file)${place}; save the file as UTF-8 (Latin-1 or UTF-16 text is not read)` };
}

/** The offset of the first byte that does not begin a valid UTF-8 sequence (bytes.length when all do). */
function firstInvalidUtf8(b: Uint8Array): number {
  let i = 0;
  while (i < b.length) {
    const c = b[i];
    let n: number;
    let min: number;
    if (c < 0x80) {
      i++;
      continue;
    } else if (c >= 0xc2 && c <= 0xdf) [n, min] = [1, 0x80];
    else if (c >= 0xe0 && c <= 0xef) [n, min] = [2, 0x800];
    else if (c >= 0xf0 && c <= 0xf4) [n, min] = [3, 0x10000];
    else return i;
    let cp = c & (0x3f >> n);
    for (let k = 1; k <= n; k++) {
      if (i + k >= b.length) return i;
      if ((b[i + k] & 0xc0) !== 0x80) return i;
      cp = (cp << 6) | (b[i + k] & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return i;
    i += n + 1;
  }
  return b.length;
}

/**
 * What stands at a path a read failed on with ENOENT, ENOTDIR or ELOOP, in words for
 * "found ...": `no file of that name`, `no file of that name (q.yaml is a file, not a
 * folder)` (a file where the path needs a folder), `a link to a missing file (it points to
 * x.yaml)`, `a link loop`; with `at` given, `no file at <at>`, `a link loop at <at>`...;
 * undefined for any other code. `missing` is true when nothing of that name is there at
 * all (a sibling may then be meant).
 */
export function missingFileFound(path: string, code: string | undefined, at?: string): { found: string; missing: boolean } | undefined {
  const where = (what: string, plain: string) => (at === undefined ? plain : `${what} at ${at}`);
  if (code === 'ELOOP') return { found: where('a link loop', 'a link loop'), missing: false };
  if (code === 'ENOTDIR') {
    const file = fileOnTheWay(path);
    return { found: `${where('no file', 'no file of that name')}${file === undefined ? '' : ` (${file} is a file, not a folder)`}`, missing: false };
  }
  if (code !== 'ENOENT') return undefined;
  try {
    if (lstatSync(path).isSymbolicLink()) return { found: `${where('a link to a missing file', 'a link to a missing file')} (it points to ${readlinkSync(path)})`, missing: false };
  } catch {
    // nothing there, not even a link
  }
  return { found: where('no file', 'no file of that name'), missing: true };
}

/**
 * What stands at a path a read failed on, in words for "found ...": missingFileFound's, else
 * `a folder`, `a file ecsim may not read (permission denied)` or `a file that cannot be read
 * (CODE)`, with `at` given ` at <at>` after the noun. `missing` as missingFileFound's.
 */
export function readFailureFound(path: string, code: string | undefined, at?: string): { found: string; missing: boolean } {
  const missing = missingFileFound(path, code, at);
  if (missing !== undefined) return missing;
  const where = at === undefined ? '' : ` at ${at}`;
  if (code === 'EISDIR') return { found: `a folder${where}`, missing: false };
  if (code === 'EACCES' || code === 'EPERM') return { found: `a file ecsim may not read${where} (permission denied)`, missing: false };
  return { found: `a file that cannot be read${where} (${code})`, missing: false };
}

/**
 * ` (did you mean "traces/rate.csv"?)` for a missing file (`path`, absolute) close to the
 * name of a file in its folder (or a link to one), written as the user wrote `written`; else
 * ''. The name with one of `extensions` added, when there, is the one meant
 * (`scenarios/quickstart`: quickstart.yaml, not compare-quickstart.yaml).
 */
export function siblingNameHint(written: string, path: string, extensions: readonly string[] = []): string {
  let names: string[];
  try {
    names = filesIn(dirname(path));
  } catch {
    return '';
  }
  const withExtension = extensions.map((ext) => `${basename(path)}${ext}`).filter((n) => names.includes(n));
  const meant = withExtension.length > 0 ? withExtension : likelyMeantName(basename(path), names);
  const folder = dirname(written);
  return meantHint(meant.map((m) => (folder === '.' && !written.startsWith('./') ? m : `${folder}/${m}`)));
}

/** The first part of `path` (as written) that is a file where a folder is needed, if any. */
function fileOnTheWay(path: string): string | undefined {
  const parts = path.split('/');
  for (let n = 1; n < parts.length; n++) {
    const prefix = parts.slice(0, n).join('/');
    if (prefix === '' || prefix === '.' || prefix === '..') continue;
    try {
      if (!statSync(prefix).isDirectory()) return prefix;
    } catch {
      return undefined;
    }
  }
  return undefined;
}

/** The names of the files in `folder`, a link to a file counted as one (as reading it would); throws when the folder cannot be read. */
export function filesIn(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true })
    .filter((d) => {
      if (d.isFile()) return true;
      if (!d.isSymbolicLink()) return false;
      try {
        return statSync(join(folder, d.name)).isFile();
      } catch {
        return false;
      }
    })
    .map((d) => d.name);
}
