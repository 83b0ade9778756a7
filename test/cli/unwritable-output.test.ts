// A results path that cannot be written (a file in the way, a full disk) is the user's
// problem, not a bug: one line naming the path and the reason, exit 2, nothing left behind.

import { describe, it, expect } from 'vitest';
import { readdirSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { cli, tempDir } from '../helpers.js';
import { fileSystemProblem } from '../../src/cli/errors.js';

describe('results that cannot be written', () => {
  const dir = tempDir();
  const aFile = join(dir, 'a-file');
  writeFileSync(aFile, 'not a folder');

  it('run --out under a file: exit 2, one line, no stack, nothing written', async () => {
    const r = await cli('run', 'scenarios/quickstart.yaml', '--duration', '10m', '--out', join(aFile, 'results'), '--quiet');
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split('\n')).toEqual([`ecsim: cannot write "${aFile}": a file is in the way where a folder is needed (EEXIST)`]);
    expect(readdirSync(dir)).toEqual(['a-file']);
  });

  it('sweep --out under a file, runs in worker threads: the same one line', async () => {
    const r = await cli('sweep', 'scenarios/compare-quickstart.yaml', '--duration', '10m', '--jobs', '2', '--out', join(aFile, 'sweep'), '--quiet');
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split('\n')).toEqual([`ecsim: cannot write "${join(aFile, 'sweep', 'runs')}": a part of the path is a file, not a folder (ENOTDIR)`]);
  });

  it('trace --out under a file: one line, exit 2', async () => {
    const r = await cli('trace', 'scenarios/quickstart.yaml', '--out', join(aFile, 't.csv'));
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split('\n')).toEqual([`ecsim: cannot write "${aFile}": a file is in the way where a folder is needed (EEXIST)`]);
  });

  it('trace --out onto a folder', async () => {
    const r = await cli('trace', 'scenarios/quickstart.yaml', '--out', dir);
    expect(r.code).toBe(2);
    expect(r.stderr.trim()).toBe(`ecsim: cannot open "${dir}": it is a folder (EISDIR)`);
    expect(readdirSync(dirname(dir)).filter((f) => f.startsWith(`.${basename(dir)}.tmp-`))).toEqual([]);
  });

  it('names a full disk; leaves other errors to the internal-error report', () => {
    const full = Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC', syscall: 'write' });
    expect(fileSystemProblem(full)).toBe('cannot write the results: no space left on the device (ENOSPC)');
    const notWriting = Object.assign(new Error('ENOENT'), { code: 'ENOENT', syscall: 'scandir', path: '/x' });
    expect(fileSystemProblem(notWriting)).toBeNull();
    const unknownCode = Object.assign(new Error('EWHAT'), { code: 'EWHAT', syscall: 'write' });
    expect(fileSystemProblem(unknownCode)).toBeNull();
    expect(fileSystemProblem(new TypeError('x is undefined'))).toBeNull();
  });
});
