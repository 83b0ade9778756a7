// The installed executable, dist/ecsim/bin.js: the bundle scripts/bundle.mjs makes of the
// compiled CLI (`npm test` builds it first). npx runs the bin through a symlink in
// node_modules/.bin, so run it through one too. What the bundle could break and the
// in-process tests cannot see: the shebang, finding package.json and scenarios/ from its
// folder, starting worker threads from worker.js beside it, and doing the same as the
// sources.

import { describe, it, expect } from 'vitest';
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { closeSync, cpSync, existsSync, openSync, readdirSync, readFileSync, symlinkSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { QUICKSTART, cli, quickstart, tempDir, writeScenario } from '../helpers.js';

const BIN = resolve('dist/ecsim/bin.js');
const VERSION = JSON.parse(readFileSync('package.json', 'utf8')).version;

function ecsim(...args: string[]) {
  return spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8' });
}

/** `ecsim run` of a 30-minute quick start whose `expect:` fails (exit 3), its outputs piped. */
function runFailingExpectation() {
  const s = quickstart();
  s.duration = '30m';
  s.expect = ['services.web.desiredCount.max <= 2'];
  const dir = tempDir();
  return spawn(process.execPath, [BIN, 'run', writeScenario(dir, 'fails', s), '--out', join(dir, 'out')], { stdio: ['ignore', 'pipe', 'pipe'] });
}

describe('the ecsim executable', () => {
  it('is built (npm test builds it; before `npx vitest run` alone, run `npm run build`)', () => {
    expect(existsSync(BIN)).toBe(true);
  });

  it('runs through a symlink, prints the version and exits 0', () => {
    const link = join(tempDir(), 'ecsim');
    symlinkSync(BIN, link);
    const out = execFileSync(link, ['--version'], { encoding: 'utf8' });
    expect(out.trim()).toBe(VERSION);
  });

  it('exits 2 with one line and no stack trace on a bad scenario', () => {
    const r = ecsim('validate', 'no/such/file.yaml');
    expect(r.status).toBe(2);
    expect(r.stderr.trim().split('\n')).toEqual(['no/such/file.yaml: expected a scenario file, found no file of that name']);
  });

  it('writes the same results as the sources run in-process', async () => {
    const bundled = tempDir();
    const inProcess = tempDir();
    const r = ecsim('run', QUICKSTART, '--duration', '30m', '--quiet', '--out', bundled);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect((await cli('run', QUICKSTART, '--duration', '30m', '--quiet', '--out', inProcess)).code).toBe(0);
    const files = readdirSync(inProcess).filter((f) => f !== 'run.json');
    expect(files).toContain('summary.json');
    expect(readdirSync(bundled).sort()).toEqual(readdirSync(inProcess).sort());
    for (const f of files) expect(readFileSync(join(bundled, f), 'utf8'), f).toBe(readFileSync(join(inProcess, f), 'utf8'));
  });

  it('compare starts its worker threads from the bundle', () => {
    const out = tempDir();
    const r = ecsim('compare', 'scenarios/compare-quickstart.yaml', '--replications', '2', '--jobs', '2', '--duration', '10m', '--quiet', '--out', out);
    // the only line: compare does not run the file's sweep, and says so
    expect(r.stderr).toBe("note: scenarios/compare-quickstart.yaml: this file's sweep runs with `ecsim sweep`, not compare\n");
    expect(r.status).toBe(0);
    expect(readFileSync(join(out, 'replications.csv'), 'utf8').trim().split('\n').length).toBeGreaterThan(2);
  });

  it('finds the scenario library beside the package', () => {
    const r = ecsim('init', '--list');
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^quickstart\s+\S/m);
  });

  it('copied without scenarios/ beside dist/: init says what is missing and where it looked, one line, exit 1, nothing written', () => {
    const root = tempDir();
    const bundle = join(root, 'dist', 'ecsim');
    cpSync(dirname(BIN), bundle, { recursive: true });
    const out = join(root, 'mine.yaml');
    for (const args of [['init', '--out', out], ['init', '--list']]) {
      const r = spawnSync(process.execPath, [join(bundle, 'bin.js'), ...args], { encoding: 'utf8', cwd: root });
      expect(r.status).toBe(1);
      expect(r.stdout).toBe('');
      expect(r.stderr).toBe(
        `ecsim: the scenario library that init copies from is not installed: no scenarios/quickstart.yaml in ${bundle} or a folder above it; copy the package's scenarios/ folder beside dist/ (to ${join(root, 'scenarios')})\n`,
      );
    }
    expect(existsSync(out)).toBe(false);
  });

  it('stops quietly, exit 0, when the reader of its output goes away (ecsim trace ... | head)', async () => {
    const child = spawn(process.execPath, [BIN, 'trace', QUICKSTART, '--step', '100ms'] /* 1.4 MB, far more than a pipe holds */, { stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (c) => (stderr += c));
    child.stdout.once('data', () => child.stdout.destroy());
    const code = await new Promise((done) => child.on('close', done));
    expect(stderr).toBe('');
    expect(code).toBe(0);
  });

  it('report --out /dev/stdout prints the HTML alone on stdout (its "wrote" line on stderr), also to a parent\'s socket', async () => {
    const dir = tempDir();
    expect((await cli('run', QUICKSTART, '--duration', '10m', '--quiet', '--out', dir)).code).toBe(0);
    const r = ecsim('report', dir, '--out', '/dev/stdout'); // spawnSync: stdout is a socket, which /dev/stdout cannot open (ENXIO)
    expect(r.stderr).toBe('wrote /dev/stdout\n');
    expect(r.status).toBe(0);
    expect(r.stdout.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(r.stdout.endsWith('</html>\n')).toBe(true);
  });

  it.each([
    ['report', (dir: string) => ['report', dir, '--out', '/dev/stdout', '--quiet']],
    ['trace', () => ['trace', QUICKSTART, '--out', '/dev/stdout']],
  ])('%s --out /dev/stdout stops quietly, exit 0, when the reader goes away (| head -1), as printing does', async (_, args) => {
    const dir = tempDir();
    expect((await cli('run', QUICKSTART, '--duration', '10m', '--quiet', '--out', dir)).code).toBe(0);
    const child = spawn(process.execPath, [BIN, ...args(dir)], { stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout.destroy(); // closed before the child writes: its write to /dev/stdout meets EPIPE
    let stderr = '';
    child.stderr.on('data', (c) => (stderr += c));
    const code = await new Promise((done) => child.on('close', done));
    expect(stderr).toBe('');
    expect(code).toBe(0);
  });

  it('keeps a failed expectation\'s exit code 3 when the reader is gone (ecsim run s.yaml | grep -q ...)', async () => {
    const child = runFailingExpectation();
    child.stdout.destroy();
    let stderr = '';
    child.stderr.on('data', (c) => (stderr += c));
    const code = await new Promise((done) => child.on('close', done));
    expect(stderr).toMatch(/expectations: 1 of 1 failed/);
    expect(stderr).not.toMatch(/EPIPE|internal error/);
    expect(code).toBe(3);
  });

  it('keeps exit code 3 when both its outputs are closed (ecsim run s.yaml 2>&1 | head)', async () => {
    const child = runFailingExpectation();
    child.stdout.destroy();
    child.stderr.destroy();
    const code = await new Promise((done) => child.on('close', done));
    expect(code).toBe(3);
  });

  it.skipIf(!existsSync('/dev/full'))('says so in one line and exits 2 when its output cannot be written (> /dev/full)', () => {
    const full = openSync('/dev/full', 'w');
    try {
      const r = spawnSync(process.execPath, [BIN, 'trace', QUICKSTART], { stdio: ['ignore', full, 'pipe'], encoding: 'utf8' });
      expect(r.stderr.trim().split('\n')).toEqual(['ecsim: cannot write to standard output: ENOSPC: no space left on device, write']);
      expect(r.status).toBe(2);
    } finally {
      closeSync(full);
    }
  });
});
