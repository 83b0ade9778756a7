// Ctrl-C (SIGINT) or `kill` (SIGTERM) while results are written into a temporary folder:
// the executable removes the folder (and a sweep's or compare's --out it made, still
// empty) and dies of the signal (the shell's 130 / 143); an earlier results folder stays as
// it was. Each child is signalled as soon as its temporary folder appears.

import { describe, it, expect } from 'vitest';
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { QUICKSTART, quickRun, tempDir } from '../helpers.js';

const BIN = resolve('dist/ecsim/bin.js');
const SWEEP = 'scenarios/compare-quickstart.yaml';

/** Every path under `dir` (names relative to it), sorted. */
function tree(dir: string, prefix = ''): string[] {
  return readdirSync(join(dir, prefix), { withFileTypes: true })
    .flatMap((e) => [join(prefix, e.name), ...(e.isDirectory() ? tree(dir, join(prefix, e.name)) : [])])
    .sort();
}

/** Starts ecsim, waits until a temporary folder (`.<name>.tmp-...`) appears under `dir`, sends `signal`; resolves with how the child ended and stderr. */
async function interrupt(dir: string, args: string[], signal: NodeJS.Signals): Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string }> {
  const child = spawn(process.execPath, [BIN, ...args], { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (d) => (stderr += String(d)));
  const ended = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((res) => child.on('exit', (code, sig) => res({ code, signal: sig })));
  const deadline = Date.now() + 20_000;
  let exited = false;
  void ended.then(() => (exited = true));
  while (!tree(dir).some((p) => /(^|\/)\.[^/]+\.tmp-/.test(p))) {
    if (exited || Date.now() > deadline) throw new Error(`no temporary folder appeared under ${dir}: ${stderr}`);
    await new Promise((r) => setTimeout(r, 20));
  }
  await new Promise((r) => setTimeout(r, 200)); // some files written into it
  child.kill(signal);
  return { ...(await ended), stderr };
}

/** Died of the signal (or exited with its shell status). */
function diedOf(r: { code: number | null; signal: NodeJS.Signals | null }, signal: NodeJS.Signals): void {
  expect(r.signal === signal || r.code === (signal === 'SIGINT' ? 130 : 143)).toBe(true);
}

describe('an interrupted run, compare or sweep leaves nothing behind', () => {
  it('run (a year): SIGINT removes the temporary folder and the folder made for it', async () => {
    const dir = tempDir();
    const r = await interrupt(dir, ['run', QUICKSTART, '--duration', '365d', '--quiet', '--out', join(dir, 'made', 'r')], 'SIGINT');
    diedOf(r, 'SIGINT');
    expect(r.stderr).toBe('');
    expect(tree(dir)).toEqual([]);
  }, 30_000);

  it('run into an earlier results folder: SIGTERM leaves the earlier folder as it was, and nothing else', async () => {
    const dir = tempDir();
    const out = await quickRun(join(dir, 'r'));
    const before = tree(dir);
    const summary = readFileSync(join(out, 'summary.json'), 'utf8');
    const r = await interrupt(dir, ['run', QUICKSTART, '--duration', '365d', '--quiet', '--out', out], 'SIGTERM');
    diedOf(r, 'SIGTERM');
    expect(tree(dir)).toEqual(before);
    expect(readFileSync(join(out, 'summary.json'), 'utf8')).toBe(summary);
  }, 30_000);

  it.each([['sweep', '2'], ['sweep', '1'], ['compare', '2']])('%s --jobs %s: SIGINT stops the workers and removes the --out folder it made', async (command, jobs) => {
    const dir = tempDir();
    const r = await interrupt(dir, [command, SWEEP, '--duration', '60d', '--jobs', jobs, '--quiet', '--out', join(dir, 'out')], 'SIGINT');
    diedOf(r, 'SIGINT');
    expect(r.stderr).toBe('');
    expect(tree(dir)).toEqual([]);
  }, 30_000);
});
