// Refusals root never meets (these tests run as root, so they are simulated): a leftover
// that cannot be removed (another user's, in a shared folder with the sticky bit) is left
// where it is and the run writes its results all the same; a refused rename names the
// user's path, not the temporary one the system names.

import { describe, it, expect, vi } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { tempDir } from '../helpers.js';

vi.mock('node:fs', async (importOriginal) => {
  const fs = await importOriginal<typeof import('node:fs')>();
  const refuse = (path: unknown) => {
    if (String(path).includes('.locked.')) throw Object.assign(new Error(`EACCES: permission denied, rmdir '${path}'`), { code: 'EACCES', syscall: 'rmdir', path });
  };
  return {
    ...fs,
    rmSync: (path: string, options?: object) => (refuse(path), fs.rmSync(path, options)),
    renameSync: (from: string, to: string) => {
      refuse(from);
      if (to.endsWith('refused')) throw Object.assign(new Error(`EPERM: operation not permitted, rename '${from}' -> '${to}'`), { code: 'EPERM', syscall: 'rename', path: from, dest: to });
      return fs.renameSync(from, to);
    },
  };
});

const { stagingFolder, writeFileAtomic } = await import('../../src/output/staging.js');
const { fileSystemProblem } = await import('../../src/cli/errors.js');

describe('a leftover this process may not remove', () => {
  it('stays, and the results are written', () => {
    const dir = tempDir();
    const dead = Number(spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' }).stdout);
    const locked = `.locked.tmp-${hostname()}-${dead}-1795664641029`;
    mkdirSync(join(dir, locked));
    mkdirSync(join(dir, `${locked}.old`));
    const staging = stagingFolder(join(dir, 'x'));
    staging.commit();
    expect(readdirSync(dir).sort()).toEqual([locked, `${locked}.old`, 'x'].sort());
  });
});

describe('a refused rename', () => {
  it('names the results folder or file the user gave, and leaves no temporary behind', () => {
    const dir = tempDir();
    const staging = stagingFolder(join(dir, 'refused'));
    let error: unknown;
    try {
      staging.commit();
    } catch (e) {
      error = e;
    }
    expect(fileSystemProblem(error)).toBe(`cannot write "${join(dir, 'refused')}": permission denied (EPERM)`);
    staging.abort();
    expect(() => writeFileAtomic(join(dir, 'file-refused'), 'x')).toThrow(expect.objectContaining({ path: join(dir, 'file-refused') }));
    expect(readdirSync(dir)).toEqual([]);
  });
});
