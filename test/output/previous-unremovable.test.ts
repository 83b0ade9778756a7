// The previous results folder moved aside cannot be removed (run as a user who may not
// delete a read-only file in it; simulated: these tests run as root): the new results are in
// place, so the run succeeds (exit 0), warns once naming the folder and where the previous one
// was left, and never says "cannot write".

import { describe, it, expect, vi } from 'vitest';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

let refuseOld = false;
vi.mock('node:fs', async (importOriginal) => {
  const fs = await importOriginal<typeof import('node:fs')>();
  return {
    ...fs,
    rmSync: (path: string, options?: object) => {
      // as rmSync does: some of the folder removed, then a file it may not remove
      if (refuseOld && /\.old$/.test(String(path))) {
        fs.rmSync(join(path, 'events.csv'), { force: true });
        throw Object.assign(new Error(`EACCES: permission denied, unlink '${path}/capacity.csv'`), { code: 'EACCES', syscall: 'unlink', path: `${path}/capacity.csv` });
      }
      return fs.rmSync(path, options);
    },
  };
});

const { cli, QUICKSTART, tempDir } = await import('../helpers.js');

describe('the previous results cannot be removed once the new ones are in place', () => {
  it('run: exit 0, the new results in place, one warning naming where the previous ones are left', async () => {
    const dir = tempDir();
    const out = join(dir, 'own');
    const args = ['run', QUICKSTART, '--duration', '1m', '--quiet', '--out', out];
    expect((await cli(...args)).code).toBe(0);
    const first = readFileSync(join(out, 'run.json'), 'utf8');
    refuseOld = true;
    let r;
    try {
      r = await cli(...args, '--seed', '2');
    } finally {
      refuseOld = false;
    }
    expect(r.code).toBe(0);
    expect(JSON.parse(readFileSync(join(out, 'scenario.json'), 'utf8')).seed).toBe(2); // the new results
    expect(readFileSync(join(out, 'run.json'), 'utf8')).not.toBe(first);
    const aside = readdirSync(dir).filter((n) => n !== 'own');
    expect(aside).toHaveLength(1);
    expect(aside[0]).toMatch(/^\.own\.tmp-.*\.old$/);
    expect(existsSync(join(dir, aside[0], 'summary.json'))).toBe(true);
    expect(r.stderr).toBe(`warning: could not remove the previous results "${out}": permission denied (EACCES); moved aside to "${join(dir, aside[0])}": remove it yourself\n`);
  }, 60_000);
});
