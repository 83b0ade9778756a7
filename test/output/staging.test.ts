// A run stopped half-way (Ctrl-C: the simulation runs synchronously, so no handler of ours
// gets to clean up) leaves its temporary folder `.<name>.tmp-<host>-<pid>-<ms>` beside the
// target. The first write of a process into that folder removes those of ended processes
// of this host, and only those; a previous results folder caught mid-replacement is put back.

import { describe, it, expect } from 'vitest';
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, lstatSync, mkdirSync, readdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { stageRemovals, stagingFolder, writeFileAtomic, writeFilesAtomic } from '../../src/output/staging.js';
import { QUICKSTART, cli, tempDir } from '../helpers.js';

/** The id of a process that has ended. */
function endedPid(): number {
  const pid = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' }).stdout;
  return Number(pid);
}

const temp = (name: string, pid: number, host = hostname()) => `.${name}.tmp-${host}-${pid}-1795664641029`;

function leftover(dir: string, name: string): string {
  mkdirSync(join(dir, name));
  writeFileSync(join(dir, name, 'events.csv'), 'half');
  return name;
}

describe('staging folders', () => {
  it('removes what ended processes of this host left in the folder, and nothing else', () => {
    const dir = tempDir();
    const dead = endedPid();
    leftover(dir, temp('x', dead));
    leftover(dir, temp('y', dead)); // another target's, same folder
    const kept = [
      `.x.tmp-${hostname()}-${process.pid}-${Date.now()}`, // this process: perhaps another thread's
      temp('x', dead, 'another-host.example'), // a shared volume: not ours to judge
      '.x.tmp-notapid',
      'x-notes.txt',
    ];
    for (const name of kept) mkdirSync(join(dir, name));
    stagingFolder(join(dir, 'x')).commit();
    expect(readdirSync(dir).sort()).toEqual([...kept, 'x'].sort());
  });

  it('puts back a previous results folder that a run stopped mid-replacement had moved aside', () => {
    const dir = tempDir();
    const dead = endedPid();
    const old = leftover(dir, `${temp('prev', dead)}.old`);
    writeFileSync(join(dir, old, 'summary.json'), '{"old":true}');
    leftover(dir, temp('prev', dead)); // the new results, never moved into place
    stagingFolder(join(dir, 'other')).abort();
    expect(readdirSync(dir)).toEqual(['prev']);
    expect(readFileSync(join(dir, 'prev', 'summary.json'), 'utf8')).toBe('{"old":true}');
  });

  it('removes, not puts back, a moved-aside folder whose replacement is gone (stopped while removing it: maybe half gone)', () => {
    const dir = tempDir();
    const dead = endedPid();
    leftover(dir, `${temp('half', dead)}.old`); // no sibling, no target
    leftover(dir, `${temp('x', dead)}.old`); // its target exists: a finished run's
    mkdirSync(join(dir, 'x'));
    stagingFolder(join(dir, 'y')).abort();
    expect(readdirSync(dir)).toEqual(['x']);
  });

  it('takes a name of its own pid made before it started for a predecessor\'s (pid 1 in a container)', () => {
    const dir = tempDir();
    const before = `.x.tmp-${hostname()}-${process.pid}-${Math.floor(Date.now() - process.uptime() * 1000 - 60_000)}`;
    mkdirSync(join(dir, before));
    stagingFolder(join(dir, 'x')).commit();
    expect(readdirSync(dir)).toEqual(['x']);
  });

  it('looks at a folder once per process', () => {
    const dir = tempDir();
    stagingFolder(join(dir, 'x')).commit();
    leftover(dir, temp('x', endedPid()));
    stagingFolder(join(dir, 'x')).commit();
    expect(readdirSync(dir).length).toBe(2);
  });

  it('a file written whole clears the folder too, and keeps the mode of the file it replaces', () => {
    const dir = tempDir();
    leftover(dir, temp('x', endedPid()));
    writeFileSync(join(dir, 'x'), 'before', { mode: 0o600 });
    writeFileAtomic(join(dir, 'x'), 'done');
    expect(readdirSync(dir)).toEqual(['x']);
    expect(readFileSync(join(dir, 'x'), 'utf8')).toBe('done');
    expect(statSync(join(dir, 'x')).mode & 0o777).toBe(0o600);
  });

  it('a FIFO or a link is written through, not replaced (trace --out /dev/stdout)', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'real'), '');
    symlinkSync(join(dir, 'real'), join(dir, 'link'));
    writeFileAtomic(join(dir, 'link'), 'via the link');
    expect(lstatSync(join(dir, 'link')).isSymbolicLink()).toBe(true);
    expect(readFileSync(join(dir, 'real'), 'utf8')).toBe('via the link');
    const fifo = join(dir, 'fifo');
    expect(spawnSync('mkfifo', [fifo]).status).toBe(0);
    const reader = spawn('cat', [fifo]);
    let read = '';
    reader.stdout.on('data', (c) => (read += c));
    writeFileAtomic(fifo, 'through the pipe'); // blocks until cat has opened it
    await new Promise((done) => reader.on('close', done));
    expect(read).toBe('through the pipe');
    expect(lstatSync(fifo).isFIFO()).toBe(true);
  });

  it('a FIFO whose reader goes away after a byte (| head -c 1) ends the write quietly, as a closed stdout does', async () => {
    const fifo = join(tempDir(), 'fifo');
    expect(spawnSync('mkfifo', [fifo]).status).toBe(0);
    const reader = spawn('head', ['-c', '1', fifo]);
    const closed = new Promise((done) => reader.on('close', done));
    // 1 MB: more than a pipe holds (64 KiB on Linux), so the write is still going when head exits
    expect(() => writeFileAtomic(fifo, 'x'.repeat(1 << 20))).not.toThrow();
    await closed;
    expect(lstatSync(fifo).isFIFO()).toBe(true);
  });

  it('ecsim run into the folder of an interrupted run leaves only the results', async () => {
    const dir = tempDir();
    leftover(dir, temp('x', endedPid()));
    const r = await cli('run', QUICKSTART, '--duration', '10m', '--quiet', '--out', join(dir, 'x'));
    expect(r.code).toBe(0);
    expect(readdirSync(dir)).toEqual(['x']);
    expect(existsSync(join(dir, 'x', 'summary.json'))).toBe(true);
  });
});

describe('files written together (sweep.csv with comparison.md, report.html with report.md)', () => {
  it('a failure while writing the second leaves the first as it was; a folder in the way is refused before anything is written', () => {
    const dir = tempDir();
    const first = join(dir, 'sweep.csv');
    writeFileSync(first, 'old');
    writeFileSync(join(dir, 'blocker'), 'a file');
    // the second's folder cannot be made: a file is in the way (ENOTDIR/EEXIST)
    expect(() => writeFilesAtomic([[first, 'new'], [join(dir, 'blocker', 'comparison.md'), 'md']])).toThrow();
    expect(readFileSync(first, 'utf8')).toBe('old');
    expect(readdirSync(dir).sort()).toEqual(['blocker', 'sweep.csv']);
    mkdirSync(join(dir, 'comparison.md'));
    expect(() => writeFilesAtomic([[first, 'new'], [join(dir, 'comparison.md'), 'md']])).toThrow(expect.objectContaining({ code: 'EISDIR', path: join(dir, 'comparison.md') }));
    expect(readFileSync(first, 'utf8')).toBe('old');
    writeFilesAtomic([[first, 'new'], [join(dir, 'other.md'), 'md']]);
    expect([readFileSync(first, 'utf8'), readFileSync(join(dir, 'other.md'), 'utf8')]).toEqual(['new', 'md']);
    expect(readdirSync(dir).sort()).toEqual(['blocker', 'comparison.md', 'other.md', 'sweep.csv']);
  });
});

describe('stageRemovals', () => {
  it('a folder (an earlier sweep\'s runs/): moved aside, then removed whole on commit or put back on abort', () => {
    const dir = tempDir();
    const runs = join(dir, 'runs');
    mkdirSync(join(runs, 'a=1'), { recursive: true });
    writeFileSync(join(runs, 'a=1', 'summary.json'), '{}\n');
    const aborted = stageRemovals([runs, join(dir, 'missing.html')]);
    expect(existsSync(runs)).toBe(false); // aside now
    aborted.abort();
    expect(readFileSync(join(runs, 'a=1', 'summary.json'), 'utf8')).toBe('{}\n');
    expect(readdirSync(dir)).toEqual(['runs']);
    stageRemovals([runs]).commit();
    expect(readdirSync(dir)).toEqual([]);
  });
});
