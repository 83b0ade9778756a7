// Results appear whole or not at all: a file is written beside its target and renamed into
// place; a results folder is built in a temporary folder beside its target and renamed at
// the end, replacing an older one. The temporary names, `.<target name>.tmp-<pid>-<ms>`,
// say which process wrote them: a run stopped half-way (Ctrl-C, a kill) cannot remove its
// own, so the next one writing the same target removes those whose process has ended.

import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';

export function writeFileAtomic(path: string, content: string): void {
  const target = resolve(path);
  mkdirSync(dirname(target), { recursive: true });
  const temp = tempBeside(target);
  try {
    writeFileSync(temp, content);
    renameSync(temp, target);
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
        renameSync(target, old);
        renameSync(tempDir, target);
        rmSync(old, { recursive: true, force: true });
      } else renameSync(tempDir, target);
    },
    abort() {
      rmSync(tempDir, { recursive: true, force: true });
    },
  };
}

/** A new temporary name beside `target` (an absolute path); first removes ended runs' leftovers. */
function tempBeside(target: string): string {
  removeLeftovers(target);
  return join(dirname(target), `${leftoverPrefix(target)}${process.pid}-${Date.now()}`);
}

function leftoverPrefix(target: string): string {
  return `.${basename(target)}.tmp-`;
}

/** Removes the temporary files and folders beside `target` that ended processes left. */
export function removeLeftovers(target: string): void {
  const prefix = leftoverPrefix(target);
  let names: string[];
  try {
    names = readdirSync(dirname(target));
  } catch {
    return;
  }
  for (const name of names) {
    if (!name.startsWith(prefix)) continue;
    const pid = /^(\d+)-\d+(\.old)?$/.exec(name.slice(prefix.length))?.[1];
    if (pid !== undefined && !isRunning(Number(pid))) rmSync(join(dirname(target), name), { recursive: true, force: true });
  }
}

/** Whether a process with this id exists (one we may not signal exists too). */
function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}
