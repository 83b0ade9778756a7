// A run stopped half-way (Ctrl-C: the simulation runs synchronously, so no handler of ours
// gets to clean up) leaves its temporary folder `.<name>.tmp-<pid>-<ms>` beside the
// target. The next run writing that target removes the ones whose process has ended, and
// only those.

import { describe, it, expect } from 'vitest';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { stagingFolder, writeFileAtomic } from '../../src/output/staging.js';
import { QUICKSTART, cli, tempDir } from '../helpers.js';

/** The id of a process that has ended. */
function endedPid(): number {
  const pid = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' }).stdout;
  return Number(pid);
}

function leftovers(dir: string, pid: number): string[] {
  const names = [`.x.tmp-${pid}-1795664641029`, `.x.tmp-${pid}-1795664641029.old`];
  mkdirSync(join(dir, names[0]));
  writeFileSync(join(dir, names[0], 'events.csv'), 'half');
  mkdirSync(join(dir, names[1]));
  return names;
}

describe('staging folders', () => {
  it('removes what an ended process left beside the target, and nothing else', () => {
    const dir = tempDir();
    const dead = endedPid();
    leftovers(dir, dead);
    const alive = `.x.tmp-${process.pid}-1795664641029`; // this process: perhaps another thread's
    const others = [alive, `.y.tmp-${dead}-1795664641029`, `.x.tmp-notapid`, 'x-notes.txt'];
    for (const name of others) mkdirSync(join(dir, name));
    const staging = stagingFolder(join(dir, 'x'));
    staging.commit();
    expect(readdirSync(dir).sort()).toEqual([...others, 'x'].sort());
  });

  it('a file written whole removes an ended process\'s leftovers too', () => {
    const dir = tempDir();
    leftovers(dir, endedPid());
    writeFileAtomic(join(dir, 'x'), 'done');
    expect(readdirSync(dir)).toEqual(['x']);
  });

  it('ecsim run into the folder of an interrupted run leaves only the results', async () => {
    const dir = tempDir();
    leftovers(dir, endedPid());
    const r = await cli('run', QUICKSTART, '--duration', '10m', '--quiet', '--out', join(dir, 'x'));
    expect(r.code).toBe(0);
    expect(readdirSync(dir)).toEqual(['x']);
    expect(existsSync(join(dir, 'x', 'summary.json'))).toBe(true);
  });
});
