// Results appear whole or not at all: files are written beside their target and renamed
// into place; a comparison folder is built in a temporary folder and renamed at the end.

import { existsSync, mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';

export function writeFileAtomic(path: string, content: string): void {
  const target = resolve(path);
  mkdirSync(dirname(target), { recursive: true });
  const temp = join(dirname(target), `.${basename(target)}.tmp-${process.pid}-${Date.now()}`);
  writeFileSync(temp, content);
  renameSync(temp, target);
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
  const tempDir = join(dirname(target), `.${basename(target)}.tmp-${process.pid}-${Date.now()}`);
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
