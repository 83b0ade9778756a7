// A results path that cannot be written (a file in the way, a full disk) is the user's
// problem, not a bug: one line naming the path and the reason, exit 2, nothing left behind.

import { describe, it, expect } from 'vitest';
import { accessSync, chmodSync, constants, existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { cli, tempDir } from '../helpers.js';
import { fileSystemProblem } from '../../src/cli/errors.js';
import { namingUserPath } from '../../src/output/staging.js';

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
    expect(r.stderr.trim().split('\n')).toEqual([`ecsim: cannot write "${aFile}": a file is in the way where a folder is needed (EEXIST)`]);
  });

  it('trace --out under a file: one line, exit 2', async () => {
    const r = await cli('trace', 'scenarios/quickstart.yaml', '--out', join(aFile, 't.csv'));
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split('\n')).toEqual([`ecsim: cannot write "${aFile}": a file is in the way where a folder is needed (EEXIST)`]);
  });

  it('--out under /proc: exit 2 at once (Node\'s recursive mkdir retried forever there, at 100 % CPU)', async () => {
    for (const args of [['run', 'scenarios/quickstart.yaml', '--duration', '1m', '--quiet'], ['trace', 'scenarios/quickstart.yaml']]) {
      const r = await cli(...args, '--out', '/proc/ecsim-no-such/results');
      expect(r.code).toBe(2);
      expect(r.stderr.trim().split('\n')).toEqual(['ecsim: cannot write "/proc/ecsim-no-such": no such file or folder (ENOENT)']);
    }
  }, 20_000);

  it('sweep --no-runs with --out under a file: refused before any run (the 7-day runs would take minutes)', async () => {
    const started = Date.now();
    const r = await cli('sweep', 'scenarios/compare-quickstart.yaml', '--duration', '7d', '--no-runs', '--jobs', '1', '--out', join(aFile, 's'), '--quiet');
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split('\n')).toEqual([`ecsim: cannot write "${aFile}": a file is in the way where a folder is needed (EEXIST)`]);
    expect(Date.now() - started).toBeLessThan(10_000);
  }, 30_000);

  it('sweep --no-runs into a folder it may not write: refused before any run (it failed only after every run, at the end)', async () => {
    const ro = join(tempDir(), 'read-only');
    mkdirSync(ro);
    chmodSync(ro, 0o555);
    try {
      accessSync(ro, constants.W_OK);
      return; // root may write anywhere: nothing to show
    } catch {
      /* as a user would */
    }
    const started = Date.now();
    const r = await cli('sweep', 'scenarios/compare-quickstart.yaml', '--duration', '7d', '--no-runs', '--jobs', '1', '--out', join(ro, 's'), '--quiet');
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split('\n')).toEqual([`ecsim: cannot write "${ro}": permission denied (EACCES)`]);
    expect(Date.now() - started).toBeLessThan(10_000); // the 7-day runs would take far longer
  }, 30_000);

  it('trace --out onto a folder', async () => {
    const r = await cli('trace', 'scenarios/quickstart.yaml', '--out', dir);
    expect(r.code).toBe(2);
    expect(r.stderr.trim()).toBe(`ecsim: cannot open "${dir}": it is a folder (EISDIR)`);
    expect(readdirSync(dirname(dir)).filter((f) => f.startsWith(`.${basename(dir)}.tmp-`))).toEqual([]);
  });

  it.skipIf(!existsSync('/dev/full'))('trace and report --out /dev/full name the path, as outputs.md says (it was "cannot write the results")', async () => {
    const r = await cli('trace', 'scenarios/quickstart.yaml', '--out', '/dev/full');
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('ecsim: cannot write "/dev/full": no space left on the device (ENOSPC)\n');
    const run = join(tempDir(), 'run');
    expect((await cli('run', 'scenarios/quickstart.yaml', '--duration', '10m', '--quiet', '--out', run)).code).toBe(0);
    const rep = await cli('report', run, '--out', '/dev/full');
    expect(rep.code).toBe(2);
    expect(rep.stderr).toBe('ecsim: cannot write "/dev/full": no space left on the device (ENOSPC)\n');
  });

  it('a write error inside a temporary folder or file names the path the user gave', () => {
    const temp = '/r/.out.tmp-host-1-2';
    const noPath = Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC', syscall: 'write' });
    expect(fileSystemProblem(namingUserPath(noPath, temp, '/r/out'))).toBe('cannot write "/r/out": no space left on the device (ENOSPC)');
    const inside = Object.assign(new Error('EACCES'), { code: 'EACCES', syscall: 'open', path: `${temp}/events.csv` });
    expect(fileSystemProblem(namingUserPath(inside, temp, '/r/out'))).toBe('cannot open "/r/out/events.csv": permission denied (EACCES)');
    const elsewhere = Object.assign(new Error('EACCES'), { code: 'EACCES', syscall: 'open', path: '/r/.out.tmp-host-1-2x' });
    expect((namingUserPath(elsewhere, temp, '/r/out') as NodeJS.ErrnoException).path).toBe('/r/.out.tmp-host-1-2x');
    const bug = new TypeError('x is undefined');
    expect(namingUserPath(bug, temp, '/r/out')).toBe(bug);
    expect('path' in bug).toBe(false);
  });

  it('names a full disk; leaves other errors to the internal-error report', () => {
    const full = Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC', syscall: 'write' });
    expect(fileSystemProblem(full)).toBe('cannot write the output: no space left on the device (ENOSPC)');
    const notWriting = Object.assign(new Error('ENOENT'), { code: 'ENOENT', syscall: 'scandir', path: '/x' });
    expect(fileSystemProblem(notWriting)).toBeNull();
    const unknownCode = Object.assign(new Error('EWHAT'), { code: 'EWHAT', syscall: 'write' });
    expect(fileSystemProblem(unknownCode)).toBeNull();
    expect(fileSystemProblem(new TypeError('x is undefined'))).toBeNull();
  });
});
