// Results appear whole or not at all: a file is written beside its target and renamed into
// place; a results folder is built in a temporary folder beside its target and renamed at
// the end, replacing an older one.
//
// The temporary names, `.<target name>.tmp-<host>-<pid>-<ms>`, say which process wrote
// them. A run stopped half-way (Ctrl-C, a kill) cannot remove its own, so the first write
// of a process into a folder removes those that processes of this host left and that have
// ended; it leaves alone the rest (another host's on a shared volume, a live run's, one it
// may not remove). A previous results folder caught mid-replacement (`...tmp-...old`, its
// target gone) is put back instead.

import { chmodSync, existsSync, lstatSync, mkdirSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';

export function writeFileAtomic(path: string, content: string): void {
  const target = resolve(path);
  const existing = lstatSync(target, { throwIfNoEntry: false });
  if (existing !== undefined && !existing.isFile()) {
    // a FIFO, a device (/dev/stdout) or a link: write through it, as a plain write would
    writeFileSync(target, content);
    return;
  }
  mkdirSync(dirname(target), { recursive: true });
  const temp = tempBeside(target);
  try {
    writeFileSync(temp, content);
    if (existing !== undefined) chmodSync(temp, existing.mode & 0o7777);
    renameInto(temp, target);
  } catch (e) {
    rmSync(temp, { force: true });
    throw e;
  }
}

export interface StagingFolder {
  /** Where to write; becomes the target on commit. */
  readonly tempDir: string;
  /** Moves the folder into place, replacing an older one. */
  commit(): void;
  /** Removes the temporary folder. */
  abort(): void;
}

export function stagingFolder(outDir: string): StagingFolder {
  const target = resolve(outDir);
  mkdirSync(dirname(target), { recursive: true });
  const tempDir = tempBeside(target);
  mkdirSync(tempDir);
  return {
    tempDir,
    commit() {
      if (existsSync(target)) {
        const old = `${tempDir}.old`;
        renameInto(target, old, target);
        renameInto(tempDir, target);
        rmSync(old, { recursive: true, force: true });
      } else renameInto(tempDir, target);
    },
    abort() {
      rmSync(tempDir, { recursive: true, force: true });
    },
  };
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
/** What follows `.<target name>` in a temporary name of this host. */
const OURS = new RegExp(`^\\.(.+)\\.tmp-${HOST.replace(/[^A-Za-z0-9]/g, (c) => `\\${c}`)}-(\\d+)-\\d+(\\.old)?$`);
/** Folders whose leftovers this process has cleared. */
const cleared = new Set<string>();

/** A new temporary name beside `target` (an absolute path). */
function tempBeside(target: string): string {
  removeLeftovers(dirname(target));
  return join(dirname(target), `.${basename(target)}.tmp-${HOST}-${process.pid}-${Date.now()}`);
}

/** Once per folder and process: removes (or puts back) what ended processes of this host left there. */
export function removeLeftovers(dir: string): void {
  if (cleared.has(dir)) return;
  cleared.add(dir);
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return;
  }
  for (const name of names) {
    const m = OURS.exec(name);
    if (m === null || isRunning(Number(m[2]))) continue;
    const path = join(dir, name);
    try {
      const target = join(dir, m[1]);
      if (m[3] !== undefined && !existsSync(target)) renameSync(path, target);
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
