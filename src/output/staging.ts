// Results appear whole or not at all: a file is written beside its target and renamed into
// place; a results folder is built in a temporary folder beside its target and renamed at
// the end, replacing an older one (only one: see results-folder.ts).
//
// The temporary names, `.<target name>.tmp-<host>-<pid>-<ms>`, say which process wrote
// them. A name that would pass the file system's limit on a name (255 bytes) is shortened
// to `.<start of the name>~<hash>.tmp-...`: any name the file system takes for the target
// can be written. A staging folder is registered for removal if the process is stopped by
// SIGINT or SIGTERM (Ctrl-C, `kill`: interrupt.ts, bin.ts). A process killed outright (SIGKILL,
// a crash of the machine) cannot remove its own, so the first write of a process into a
// folder removes those that processes of this host left and that have ended; it leaves
// alone the rest (another host's on a shared volume, a live run's, one it may not remove).
// A previous results folder caught mid-replacement is put back instead.

import { accessSync, chmodSync, closeSync, constants, existsSync, fstatSync, lstatSync, mkdirSync, openSync, readdirSync, readFileSync, readSync, renameSync, rmdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { hostname } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import { assertReplaceable, assertReplaceableRuns } from './results-folder.js';
import { readerWentAway } from './closed-reader.js';
import { removeOnInterrupt } from './interrupt.js';
import { leftAside } from './left-aside.js';

export function writeFileAtomic(path: string, content: string): void {
  writeFilesAtomic([[path, content]]);
}

/**
 * Files written whole and together (sweep.csv with its comparison.md, report.html with its
 * report.md): each is written beside its target first (stageFile) and all are renamed into
 * place only then, so a failure while writing (a full disk, no permission, a folder in the
 * way) leaves every target as it was. One that is a FIFO, a device or a link is written
 * through, as a plain write would, in its turn.
 */
export function writeFilesAtomic(files: readonly (readonly [path: string, content: string])[]): void {
  stageFiles(files).commit();
}

/**
 * stageFile for each of `files`, as one: if one cannot be written the others' temporary files
 * are removed; commit() moves them into place in order, and if one cannot be moved removes
 * the temporary files of the rest (no file is left half-way; those moved stay).
 */
export function stageFiles(files: readonly (readonly [path: string, content: string])[]): StagedFile {
  const staged: StagedFile[] = [];
  const abortFrom = (i: number) => {
    for (const s of staged.slice(i)) s.abort();
  };
  try {
    for (const [path, content] of files) staged.push(stageFile(path, content));
  } catch (e) {
    abortFrom(0);
    throw e;
  }
  return {
    commit() {
      for (let i = 0; i < staged.length; i++) {
        try {
          staged[i].commit();
        } catch (e) {
          abortFrom(i + 1);
          throw e;
        }
      }
    },
    abort: () => abortFrom(0),
  };
}

/**
 * Files to be removed with a write (an earlier sweep's report.html, which the new sweep.csv
 * would make stale, or its runs/ folder), as one with it: each is moved aside now, beside itself, under a
 * temporary name; commit() removes them, abort() puts them back. So a write that fails
 * leaves them where they were, and one that succeeds never leaves them beside its files.
 * Missing files are skipped.
 */
export function stageRemovals(paths: readonly string[]): StagedFile {
  const moved: [path: string, temp: string][] = [];
  const putBack = () => {
    for (const [path, temp] of moved.splice(0).reverse()) {
      try {
        renameSync(temp, path);
      } catch {
        /* the first error says what went wrong */
      }
    }
  };
  try {
    for (const path of paths) {
      const target = resolve(path);
      if (lstatOrNothing(target) === undefined) continue;
      const temp = tempBeside(target);
      renameInto(target, temp, target);
      moved.push([target, temp]);
    }
  } catch (e) {
    putBack();
    throw e;
  }
  return {
    commit() {
      for (const [path, temp] of moved.splice(0)) removeAside(temp, path); // a file, or a folder (an earlier sweep's runs/)
    },
    abort: putBack,
  };
}

/** Whether `path` is there and neither a file nor a folder (through links): /dev/stdout, a FIFO. */
export function isPipeOrDevice(path: string): boolean {
  try {
    const stat = statSync(path);
    return !stat.isFile() && !stat.isDirectory();
  } catch {
    return false; // not there (or not ours to look at: the write says why)
  }
}

/**
 * Whether `path` names a stream rather than a file to replace: a pipe or a device (through
 * links), or a link under /dev or /proc (/dev/stdout, /dev/fd/1, /proc/self/fd/1), which
 * names a descriptor of this process whatever it leads to: a regular file when standard
 * output is redirected (`report --out /dev/stdout > r.html`). Such a path is written
 * through, never replaced, and nothing is written beside it (no report.md, no
 * comparison.md). A regular file under /dev (/dev/shm/x) is a file like any other.
 */
export function isStreamPath(path: string): boolean {
  if (isPipeOrDevice(path)) return true;
  const abs = resolve(path);
  if (!/^\/(dev|proc)\//.test(abs)) return false;
  return lstatOrNothing(abs)?.isSymbolicLink() === true;
}

/** The first `bytes` bytes of the file at `path`, as text (a recogniser reads a header or a heading). */
export function readHead(path: string, bytes = 65_536): string {
  const fd = openSync(path, 'r');
  try {
    const buffer = Buffer.alloc(bytes);
    const n = readSync(fd, buffer, 0, bytes, 0);
    return buffer.subarray(0, n).toString('utf8');
  } finally {
    closeSync(fd);
  }
}

/**
 * Whether a file a command writes beside the one it was named to write (a run's report.md,
 * a merge's comparison.md) may be written at `path`: null when nothing is there or it is
 * an earlier one of its kind (a regular file, through links, whose text `earlier`
 * recognises); otherwise what is there instead, for "found ...". With `head`, `earlier` is
 * given only the file's start (readHead), whatever its size: for a CSV known by its header.
 */
export function besideFileInTheWay(path: string, earlier: (text: string) => boolean, options: { head?: boolean } = {}): string | null {
  let stat;
  try {
    stat = statSync(path, { throwIfNoEntry: false });
  } catch {
    return null; // nothing we may look at: the write says why
  }
  if (stat === undefined) return null;
  if (stat.isDirectory()) return 'a folder';
  if (!stat.isFile()) return 'a device or pipe';
  // an earlier one is small; a large file is someone else's
  if (options.head !== true && stat.size > 4_000_000) return 'another file';
  try {
    return earlier(options.head === true ? readHead(path) : readFileSync(path, 'utf8')) ? null : 'another file';
  } catch {
    return 'a file it may not read';
  }
}

/** Whether `path` leads to what this process's standard output is (the same file, pipe, socket or terminal). */
export function isStandardOutput(path: string): boolean {
  try {
    const [target, stdout] = [statSync(path), fstatSync(1)];
    return target.dev === stdout.dev && target.ino === stdout.ino && target.rdev === stdout.rdev;
  } catch {
    return false; // no standard output (closed), or a path we may not look at: written through
  }
}

/** A file written beside its target, to be renamed into place (commit) or removed (abort). */
export interface StagedFile {
  commit(): void;
  abort(): void;
}

/**
 * Writes `content` beside `path` now (a full disk fails here), for commit() to rename into
 * place: a command that writes several outputs writes them all before it moves any.
 */
export function stageFile(path: string, content: string): StagedFile {
  const target = resolve(path);
  const existing = assertFileTarget(target);
  if (existing !== undefined && !existing.isFile()) {
    // this process's standard output named as a file (/dev/stdout, /dev/fd/1): printed, as
    // trace prints, so that a reader that went away stops it the same way (bin.ts), and a
    // socket (a Node parent's pipe) serves too: opening /dev/stdout on one fails with ENXIO
    if (isStandardOutput(target)) return { commit: () => void process.stdout.write(content), abort() {} };
    // a FIFO, a device or a link: written through, as a plain write would, when committed
    return {
      commit() {
        try {
          writeFileSync(target, content);
        } catch (e) {
          if (readerWentAway(e)) return; // `--out /dev/stdout | head`: a normal stop, as for printing (closed-reader.ts)
          throw namingUserPath(e, target, target); // /dev/full's ENOSPC comes without a path
        }
      },
      abort() {},
    };
  }
  // folders made for it are removed again (where still empty) when the file is not written
  const made = makeFolders(dirname(target));
  const temp = tempBeside(target);
  try {
    writeFileSync(temp, content);
    if (existing !== undefined) keepMode(temp, existing.mode);
  } catch (e) {
    rmSync(temp, { force: true, recursive: true });
    removeEmptyFolders(made);
    throw namingUserPath(e, temp, target);
  }
  return {
    commit() {
      try {
        renameInto(temp, target);
      } catch (e) {
        rmSync(temp, { force: true, recursive: true });
        removeEmptyFolders(made);
        throw namingUserPath(e, temp, target);
      }
    },
    abort() {
      rmSync(temp, { force: true, recursive: true });
      removeEmptyFolders(made);
    },
  };
}

/**
 * Throws what writing a file at `path` would throw for its name (too long) or a folder in
 * its way (EISDIR), without writing: stageFile's checks, for work that writes its files only
 * at its end (a sweep's sweep.csv and comparison.md). Returns what is there, if anything.
 */
export function assertFileTarget(path: string): ReturnType<typeof lstatOrNothing> {
  const target = resolve(path);
  assertNamesFit(target);
  const existing = lstatOrNothing(target);
  if (existing?.isDirectory()) openSync(target, 'w'); // EISDIR, as the write would say it
  return existing;
}

/**
 * A file system error as the user should read it: a path under the temporary `temp` named
 * as under `target`, and a write(2) failure, which comes without a path (a full disk's
 * ENOSPC), named `target`. Other errors are returned as they are.
 */
export function namingUserPath(e: unknown, temp: string, target: string): unknown {
  const err = e as NodeJS.ErrnoException;
  if (!(e instanceof Error) || typeof err.code !== 'string') return e;
  if (err.path === undefined) err.path = target;
  else if (err.path === temp || err.path.startsWith(`${temp}/`)) err.path = target + err.path.slice(temp.length);
  return e;
}

/**
 * mkdir -p, one level at a time. Node's recursive mkdirSync never returns on procfs (/proc/x/y:
 * the parent exists, yet making the child fails with ENOENT, and it retries forever); here
 * that ENOENT is thrown, and the caller reports it.
 */
export function makeFolders(path: string): string[] {
  const { existing, missing } = nearestExisting(path);
  const made: string[] = [];
  if (missing.length === 0) {
    if (!isFolder(existing)) mkdirSync(existing); // a file in the way: EEXIST, as mkdir -p says
    return made;
  }
  for (let i = missing.length - 1; i >= 0; i--) {
    try {
      mkdirSync(missing[i]);
      made.push(missing[i]);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    }
  }
  return made;
}

/** Removes the folders makeFolders made (deepest first) where they are still empty. */
export function removeEmptyFolders(made: readonly string[]): void {
  for (let i = made.length - 1; i >= 0; i--) {
    try {
      rmdirSync(made[i]);
    } catch {
      return; // not empty (another writer), or gone: leave it and those above it
    }
  }
}

/**
 * Throws what writing under `path` later would (EACCES, ENOTDIR, EROFS...), without writing:
 * for work that writes only at its end (a sweep without runs/), so that hours of it are not
 * lost to an --out that could never be written.
 */
export function assertWritableFolder(path: string): void {
  assertNamesFit(path);
  const { existing } = nearestExisting(path);
  if (!isFolder(existing)) {
    mkdirSync(existing); // EEXIST: a file is in the way
    return;
  }
  try {
    accessSync(existing, constants.W_OK | constants.X_OK);
  } catch (e) {
    // said as the write it stands for would say it (EROFS, EACCES: one line naming the folder)
    (e as NodeJS.ErrnoException).syscall = 'mkdir';
    throw e;
  }
}

/**
 * Throws ENAMETOOLONG, naming the path up to the name at fault, when a name in `path` that
 * does not exist yet is longer than the file system takes (or the whole path than the system
 * takes): before any work, rather than when the results are moved into place.
 */
export function assertNamesFit(path: string): void {
  const { existing, missing } = nearestExisting(path);
  for (const p of missing) {
    try {
      lstatSync(join(existing, basename(p))); // the name, asked of the file system it will be made on
      lstatSync(p);
    } catch (e) {
      const err = e as NodeJS.ErrnoException;
      if (err.code !== 'ENAMETOOLONG') continue; // ENOENT: as expected
      err.syscall = 'mkdir';
      err.path = p;
      throw err;
    }
  }
}

/** The deepest part of `path` that exists (or the root), and the parts below it that do not, deepest first. */
function nearestExisting(path: string): { existing: string; missing: string[] } {
  const missing: string[] = [];
  let p = resolve(path);
  while (lstatOrNothing(p) === undefined && dirname(p) !== p) {
    missing.push(p);
    p = dirname(p);
  }
  return { existing: p, missing };
}

function isFolder(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

/** What is at `path`, or undefined when nothing (or nothing we may look at: mkdir says why). */
function lstatOrNothing(path: string) {
  try {
    return lstatSync(path, { throwIfNoEntry: false });
  } catch {
    return undefined;
  }
}

/** The replaced file's permissions, where the file system keeps them (not on every mount). */
function keepMode(path: string, mode: number): void {
  try {
    chmodSync(path, mode & 0o7777);
  } catch {
    /* a FAT or CIFS mount: the write matters more than the mode */
  }
}

export interface StagingFolder {
  /** Where to write; becomes the target on commit. */
  readonly tempDir: string;
  /** Moves the folder into place, replacing an older one. */
  commit(): void;
  /** Removes the temporary folder. */
  abort(): void;
  /** A file system error met while writing into the folder, naming the target's path (namingUserPath). */
  namingUserPath(e: unknown): unknown;
}

export function stagingFolder(outDir: string, kind: StagingKind = 'results'): StagingFolder {
  const target = resolve(outDir);
  // before any work: a run must not end by failing to replace what is there, or to name it
  const check = kind === 'results' ? assertReplaceable : assertReplaceableRuns;
  check(target);
  assertNamesFit(target);
  // folders made for it go again if the work is refused (a compare without variants left an empty results/)
  const made = makeFolders(dirname(target));
  let tempDir = '';
  try {
    tempDir = tempBeside(target);
    mkdirSync(tempDir);
  } catch (e) {
    removeEmptyFolders(made);
    (e as NodeJS.ErrnoException).path = target; // the user's path, not the temporary name
    throw e;
  }
  // an interrupted process (Ctrl-C) removes it, and the folders made for it (interrupt.ts)
  const remove = () => {
    rmSync(tempDir, { recursive: true, force: true, maxRetries: 3 });
    removeEmptyFolders(made);
  };
  const unregister = removeOnInterrupt(remove);
  return {
    tempDir,
    commit() {
      commitStaging();
      unregister();
    },
    abort() {
      unregister();
      remove();
    },
    namingUserPath(e: unknown) {
      return namingUserPath(e, tempDir, target);
    },
  };

  function commitStaging(): void {
    if (kind === 'runs of a shard') {
      // shards share runs/: each of this shard's runs replaces its own folder there
      makeFolders(target);
      for (const name of readdirSync(tempDir)) {
        const run = join(target, name);
        assertReplaceable(run); // (again: another shard's may have appeared there meanwhile)
        replaceWith(join(tempDir, name), run, join(tempDir, `${name}.old`));
      }
      rmSync(tempDir, { recursive: true, force: true });
      return;
    }
    check(target); // (again: something may have appeared there meanwhile)
    replaceWith(tempDir, target, `${tempDir}${OLD}`);
  }
}

/**
 * What a staging folder becomes: a results folder (run, compare), a sweep's `runs/`
 * replaced whole, or a shard's runs, each moved into the shared `runs/` replacing the
 * folder of the same point.
 */
export type StagingKind = 'results' | 'runs' | 'runs of a shard';

/** Moves the folder `from` to `target`, replacing what is there (moved aside to `old` first, put back on failure). */
function replaceWith(from: string, target: string, old: string): void {
  if (!existsSync(target)) {
    renameInto(from, target);
    return;
  }
  renameInto(target, old, target);
  try {
    renameInto(from, target);
  } catch (e) {
    try {
      renameSync(old, target); // the older results stay where they were
    } catch {
      /* the first error says what went wrong */
    }
    throw e;
  }
  removeAside(old, target);
}

/**
 * Removes `aside`, what was at `target` before the new output took its place. The write is
 * done: a failure (a read-only file in it, as another user) leaves it, said by takeLeftAside.
 */
function removeAside(aside: string, target: string): void {
  try {
    rmSync(aside, { recursive: true, force: true });
  } catch (e) {
    leftAside({ target, aside, code: String((e as NodeJS.ErrnoException).code ?? 'error') });
  }
}

/** renameSync; a failure names `shown` (the user's path), not a temporary name. */
function renameInto(from: string, to: string, shown = to): void {
  try {
    renameSync(from, to);
  } catch (e) {
    (e as NodeJS.ErrnoException).path = shown;
    throw e;
  }
}

const HOST = hostname();
/** What follows `.<target name>` in a temporary name of this host: pid, ms, and `.old`. */
const OURS = new RegExp(`^\\.(.+)\\.tmp-${HOST.replace(/[^A-Za-z0-9]/g, (c) => `\\${c}`)}-(\\d+)-(\\d+)(\\.old)?$`);
/** When this process started (a name of our pid made before it is a predecessor's: pid 1 in a container). */
const STARTED_MS = Date.now() - process.uptime() * 1000;
/** Folders whose leftovers this process has cleared. */
const cleared = new Set<string>();

/** A new temporary name beside `target` (an absolute path). */
function tempBeside(target: string): string {
  removeLeftovers(dirname(target));
  return join(dirname(target), tempName(basename(target), process.pid, Date.now()));
}

/** The longest name most file systems take (ext4, XFS, APFS, NTFS: 255 bytes or UTF-16 units). */
const NAME_MAX = 255;
const OLD = '.old';
/** What ends a shortened target name in a temporary name: `~` and 8 hex digits of its hash. */
const SHORTENED = /~[0-9a-f]{8}$/;

/**
 * `.<name>.tmp-<host>-<pid>-<ms>`, with room for `.old`; when that would be longer than
 * NAME_MAX bytes, the name is cut and a hash of it added: `.<start>~<hash>.tmp-...`.
 */
export function tempName(name: string, pid: number, ms: number): string {
  const suffix = `.tmp-${HOST}-${pid}-${ms}`;
  const whole = `.${name}${suffix}`;
  if (Buffer.byteLength(whole) + OLD.length <= NAME_MAX) return whole;
  const hash = createHash('sha256').update(name).digest('hex').slice(0, 8);
  const room = NAME_MAX - OLD.length - Buffer.byteLength(suffix) - Buffer.byteLength(`.~${hash}`);
  const chars = Array.from(name); // whole characters: a cut must not split one
  while (Buffer.byteLength(chars.join('')) > room) chars.pop();
  return `.${chars.join('')}~${hash}${suffix}`;
}

/** Whether a temporary name's target part was shortened (tempName), so that the target's name is not known. */
function isShortened(tempNameWithoutOld: string, targetName: string): boolean {
  return SHORTENED.test(targetName) && Buffer.byteLength(tempNameWithoutOld) + OLD.length > NAME_MAX - 4; // cut at most 3 bytes short of the limit
}

/**
 * Once per folder and process: removes what ended processes of this host left there. A
 * results folder moved aside (`.old`) is put back when its target is missing and the new
 * folder that was to replace it is still there: the run stopped between its two renames.
 * (Without that sibling, the run stopped while removing the old folder, which may be half
 * gone.)
 */
export function removeLeftovers(dir: string): void {
  if (cleared.has(dir)) return;
  cleared.add(dir);
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return;
  }
  const listed = new Set(names);
  const ended = names.flatMap((name) => {
    const m = OURS.exec(name);
    if (m === null) return [];
    const pid = Number(m[2]);
    return (pid === process.pid ? Number(m[3]) < STARTED_MS : !isRunning(pid)) ? [m] : [];
  });
  // `.old` first: whether to put one back depends on its sibling, removed below
  ended.sort((a, b) => Number(b[4] !== undefined) - Number(a[4] !== undefined));
  for (const [name, targetName, , , old] of ended) {
    const path = join(dir, name);
    try {
      const target = join(dir, targetName);
      // a shortened name does not say what to put back as: the older results stay where they are
      if (old !== undefined && isShortened(name.slice(0, -old.length), targetName)) continue;
      if (old !== undefined && listed.has(name.slice(0, -old.length)) && !existsSync(target)) renameSync(path, target);
      else rmSync(path, { recursive: true, force: true });
    } catch {
      /* not ours to remove (another user's, in a shared folder): leave it */
    }
  }
}

/** Whether a process with this id runs on this host (one we may not signal runs too). */
function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}
