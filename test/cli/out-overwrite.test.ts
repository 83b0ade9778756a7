// What the file and folder outputs may replace (CLI fuzz review): `sweep --out` overwrote
// any folder's sweep.csv and comparison.md (a compare's, a run's, the user's), `trace --out`
// and `merge --out` any existing file (the scenario being read), and `report --out
// /dev/stdout > file` wrote /dev/stdout.md or was refused. Each refusal: exit 2, one line,
// nothing written.

import { isSweepReplicationsCsv } from '../../src/experiment/sweep-paired.js';
import { describe, it, expect } from 'vitest';
import { spawnSync } from 'node:child_process';
import { closeSync, copyFileSync, existsSync, mkdirSync, openSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { QUICKSTART, cli, oneLine, quickRun, quickstart, tempDir, twoShards, writeScenario } from '../helpers.js';
import { isStreamPath } from '../../src/output/staging.js';
import { markdownPathOf } from '../../src/output/report/index.js';
import { isSweepCsv } from '../../src/experiment/index.js';
import { isTraceCsv } from '../../src/output/explain/index.js';

const BIN = resolve('dist/ecsim/bin.js');
const SWEEP = 'scenarios/compare-quickstart.yaml';
const sweepArgs = (out: string) => ['sweep', SWEEP, '--duration', '1m', '--replications', '1', '--jobs', '1', '--no-runs', '--quiet', '--out', out];

describe('sweep --out replaces only an earlier sweep\'s files', () => {
  it.each([
    ['sweep.csv', 'my,own\n1,2\n', 'expected a new sweep.csv or an earlier sweep\'s there, found another file at'],
    ['comparison.md', '# My notes\n', 'expected a new comparison.md or an earlier sweep\'s there, found another file at'],
    ['comparison.csv', 'variant\n', "it holds comparison.csv (a compare's folder)"],
    ['summary.json', '{}\n', "it holds summary.json (a run's folder)"],
  ])('a folder holding a foreign %s is refused before any run, nothing written', async (name, text, message) => {
    const dir = tempDir();
    writeFileSync(join(dir, name), text);
    const line = await oneLine(...sweepArgs(dir));
    expect(line).toContain(`ecsim: cannot write the sweep to "${dir}": ${message}`);
    expect(readdirSync(dir)).toEqual([name]);
    expect(readFileSync(join(dir, name), 'utf8')).toBe(text);
  });

  it("a shard refuses a compare's folder too", async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'comparison.csv'), 'variant\n');
    expect(await oneLine(...sweepArgs(dir), '--shard', '1/2')).toContain("it holds comparison.csv (a compare's folder)");
    expect(readdirSync(dir)).toEqual(['comparison.csv']);
  });

  it('an earlier sweep\'s sweep.csv and comparison.md are replaced', async () => {
    const dir = tempDir();
    expect((await cli(...sweepArgs(dir))).code).toBe(0);
    const first = readFileSync(join(dir, 'sweep.csv'), 'utf8');
    expect(isSweepCsv(first)).toBe(true);
    expect((await cli(...sweepArgs(dir))).code).toBe(0);
    expect(readFileSync(join(dir, 'sweep.csv'), 'utf8')).toBe(first);
  });

  it('isSweepCsv knows a sweep.csv by its header (parameters, metric mean/ci95 pairs, pareto), not a shard file', () => {
    const metrics = ['cost', 'sloViolationMinutes', 'latencyP95Ms', 'cpuMean', 'taskHours', 'scalingActivities', 'droppedRequests'];
    const pairs = metrics.flatMap((m) => [`${m}_mean`, `${m}_ci95`]).join(',');
    expect(isSweepCsv(`a.b,${pairs},pareto\n1,2\n`)).toBe(true);
    expect(isSweepCsv(`"a,b",${pairs},pareto,cost_n\n`)).toBe(true);
    expect(isSweepCsv(`${pairs},pareto\n`)).toBe(false); // no parameter column
    expect(isSweepCsv(`a.b,${pairs}\n`)).toBe(false); // no pareto: a shard file's tail
    expect(isSweepCsv(`point,points,replications,scenario,seed,plan,a.b,${pairs},cost_n\n`)).toBe(false);
    expect(isSweepCsv('name: web\n')).toBe(false);
    // since 2026-11-27 two more metrics before pareto; the seven-metric header above is an earlier sweep's, still known
    const now = [...metrics, 'latencyP99Ms', 'spotInterruptions'].flatMap((m) => [`${m}_mean`, `${m}_ci95`]).join(',');
    expect(isSweepCsv(`a.b,${now},pareto,cost_n\n`)).toBe(true);
    expect(isSweepCsv(`a.b,${pairs},latencyP99Ms_mean,pareto\n`)).toBe(false);
    // replications.csv too: a sweep replaces an earlier sweep's, with the seven metrics or the nine
    expect(isSweepReplicationsCsv(`point,replication,seed,${metrics.join(',')}\n`)).toBe(true);
    expect(isSweepReplicationsCsv(`point,replication,seed,${metrics.join(',')},latencyP99Ms,spotInterruptions\n`)).toBe(true);
    expect(isSweepReplicationsCsv(`point,replication,seed,cost\n`)).toBe(false);
  });
});

describe("run --out and compare --out refuse another command's folder, as sweep --out does", () => {
  const runArgs = (out: string) => ['run', QUICKSTART, '--duration', '1m', '--quiet', '--out', out];
  const compareArgs = (out: string) => ['compare', SWEEP, '--duration', '1m', '--replications', '1', '--jobs', '1', '--quiet', '--out', out];
  it.each([
    ['run', 'sweep.csv', "it holds sweep.csv (a sweep's folder)"],
    ['run', 'sweep.shard-2-of-8.csv', "it holds sweep.shard-2-of-8.csv (a sweep's folder)"],
    ['run', 'comparison.csv', "it holds comparison.csv (a compare's folder)"],
    ['compare', 'sweep.csv', "it holds sweep.csv (a sweep's folder)"],
    ['compare', 'sweep.shard-1-of-3.csv', "it holds sweep.shard-1-of-3.csv (a sweep's folder)"],
    ['compare', 'summary.json', "it holds summary.json (a run's folder)"],
  ])('%s refuses a folder holding %s before any run, everything left as it was', async (command, name, message) => {
    const dir = tempDir();
    writeFileSync(join(dir, name), 'hours of work\n');
    mkdirSync(join(dir, 'runs'));
    const what = command === 'run' ? 'the run' : 'the comparison';
    const line = await oneLine(...(command === 'run' ? runArgs(dir) : compareArgs(dir)));
    expect(line).toBe(`ecsim: cannot write ${what} to "${dir}": ${message}, which ${what}'s results would replace whole; choose another --out`);
    expect(readdirSync(dir).sort()).toEqual([name, 'runs'].sort());
    expect(readFileSync(join(dir, name), 'utf8')).toBe('hours of work\n');
  });

  it("each replaces its own earlier folder: a run's, a compare's", async () => {
    const run = tempDir();
    expect((await cli(...runArgs(run))).code).toBe(0);
    expect((await cli(...runArgs(run))).code).toBe(0);
    expect(existsSync(join(run, 'summary.json'))).toBe(true);
    const cmp = tempDir();
    expect((await cli(...compareArgs(cmp))).code).toBe(0);
    expect((await cli(...compareArgs(cmp))).code).toBe(0);
    expect(existsSync(join(cmp, 'comparison.csv'))).toBe(true);
  }, 60_000);
});

describe('trace --out replaces only an earlier trace CSV, never the scenario', () => {
  it('the scenario itself, also through a link, is refused and left as it was', async () => {
    const dir = tempDir();
    const scenario = join(dir, 's.yaml');
    copyFileSync(QUICKSTART, scenario);
    const before = readFileSync(scenario, 'utf8');
    expect(await oneLine('trace', scenario, '--out', scenario)).toBe(`ecsim: --out: expected a file other than the scenario being read, found ${scenario}; give another name (e.g. trace.csv)`);
    symlinkSync(scenario, join(dir, 'link.yaml'));
    expect(await oneLine('trace', join(dir, 'link.yaml'), '--out', scenario)).toContain('expected a file other than the scenario being read');
    expect(await oneLine('trace', scenario, '--out', join(dir, 'link.yaml'))).toContain(`(a link to ${scenario})`);
    expect(readFileSync(scenario, 'utf8')).toBe(before);
  });

  it('another existing file is refused; a new file, then an earlier trace, is written', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'notes.txt'), 'notes\n');
    expect(await oneLine('trace', QUICKSTART, '--out', join(dir, 'notes.txt'))).toBe(
      `ecsim: --out: expected a new file or an earlier trace CSV (header time_s,timestamp,service,rps) to replace, found the existing file ${join(dir, 'notes.txt')}; give another name (e.g. trace.csv)`,
    );
    expect(readFileSync(join(dir, 'notes.txt'), 'utf8')).toBe('notes\n');
    const out = join(dir, 't.csv');
    expect((await cli('trace', QUICKSTART, '--out', out)).code).toBe(0);
    expect((await cli('trace', QUICKSTART, '--out', out, '--step', '5m')).code).toBe(0);
    expect(readFileSync(out, 'utf8').split('\n')[2]).toMatch(/^300,/);
  });

  it('a request trace the scenario reads (an earlier trace, replayed) is refused too', async () => {
    const dir = tempDir();
    const load = join(dir, 'load.csv');
    expect((await cli('trace', QUICKSTART, '--out', load)).code).toBe(0);
    const before = readFileSync(load, 'utf8');
    const s = quickstart();
    s.duration = '30m';
    s.services.web.workload.requestRate = { csv: { file: 'load.csv' } };
    const scenario = writeScenario(dir, 'replay', s);
    expect(await oneLine('trace', scenario, '--out', load)).toBe(`ecsim: --out: expected a file other than the request trace file being read, found ${load}; give another name (e.g. trace.csv)`);
    expect(readFileSync(load, 'utf8')).toBe(before);
    expect((await cli('trace', scenario, '--out', join(dir, 'again.csv'))).code).toBe(0);
  });

  it('isTraceCsv knows the header', () => {
    expect(isTraceCsv('time_s,timestamp,service,rps\n0,x,web,1\n')).toBe(true);
    expect(isTraceCsv('time_s,timestamp,service,rps\r\n')).toBe(true);
    expect(isTraceCsv('time_s,rps\n0,1\n')).toBe(false);
    expect(isTraceCsv('time_s,timestamp,service,rps,x\n')).toBe(false);
  });
});

describe('merge --out replaces only an earlier sweep.csv', () => {
  it('a scenario is refused and left as it was; nothing written beside it', async () => {
    const dir = await twoShards(tempDir());
    const other = tempDir();
    const scenario = join(other, 'v3.yaml');
    copyFileSync(QUICKSTART, scenario);
    expect(await oneLine('merge', dir, '--out', scenario)).toBe(
      `ecsim: --out: expected a new file or an earlier sweep's sweep.csv (its header) to replace, found the existing file ${scenario}; give another name (e.g. sweep.csv)`,
    );
    expect(readFileSync(scenario, 'utf8')).toBe(readFileSync(QUICKSTART, 'utf8'));
    expect(readdirSync(other)).toEqual(['v3.yaml']);
  });

  it("an earlier merge's sweep.csv is replaced; a run's folder is refused", async () => {
    const dir = await twoShards(tempDir());
    expect((await cli('merge', dir, '--quiet')).code).toBe(0);
    expect((await cli('merge', dir, '--quiet')).code).toBe(0);
    const run = await quickRun(join(tempDir(), 'run'));
    expect(await oneLine('merge', dir, '--out', join(run, 'sweep.csv'))).toContain(`--out: ${run} holds summary.json (a run's folder)`);
    expect(existsSync(join(run, 'sweep.csv'))).toBe(false);
  });
});

describe('a link under /dev or /proc is a stream, wherever it leads', () => {
  it('isStreamPath: /dev/stdout, /dev/fd/1, /proc/self/fd/1, /dev/null; not a regular file nor a new name', () => {
    for (const p of ['/dev/stdout', '/dev/fd/1', '/proc/self/fd/1', '/dev/null']) expect(isStreamPath(p)).toBe(true);
    const dir = tempDir();
    writeFileSync(join(dir, 'f.html'), '');
    expect(isStreamPath(join(dir, 'f.html'))).toBe(false);
    expect(isStreamPath(join(dir, 'new.html'))).toBe(false);
    expect(markdownPathOf('/dev/stdout')).toBe(null);
    expect(markdownPathOf(join(dir, 'f.html'))).toBe(join(dir, 'f.md'));
  });

  // standard output redirected to a regular file: /dev/stdout leads to it, which the rules
  // for a regular file refused (not .html) or gave an .md beside (/dev/stdout.md, as root)
  it.each([
    ['report', '/dev/stdout', (run: string) => ['report', run], '<!DOCTYPE html>', 'out.txt'],
    ['report', '/proc/self/fd/1', (run: string) => ['report', run], '<!DOCTYPE html>', 'r.html'],
    ['trace', '/dev/stdout', () => ['trace', QUICKSTART], 'time_s,timestamp,service,rps', 'out.txt'],
  ])('%s --out %s > a file writes it there, and nothing beside', async (_, out, args, start, name) => {
    const run = await quickRun(join(tempDir(), 'run'));
    const dir = tempDir();
    const file = join(dir, name);
    writeFileSync(file, 'older\n'); // as `>` leaves it: truncated, then written
    const fd = openSync(file, 'w');
    try {
      const r = spawnSync(process.execPath, [BIN, ...args(run), '--out', out], { stdio: ['ignore', fd, 'pipe'], encoding: 'utf8' });
      expect(r.stderr).not.toContain('ecsim:');
      expect(r.status).toBe(0);
    } finally {
      closeSync(fd);
    }
    expect(readFileSync(file, 'utf8').startsWith(start)).toBe(true);
    expect(readdirSync(dir)).toEqual([name]);
    expect(existsSync('/dev/stdout.md')).toBe(false);
    expect(readdirSync(run).filter((n) => n.endsWith('.md'))).toEqual([]);
  });

  it('merge --out /dev/stdout > a file: the CSV there, no comparison.md in /dev', () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'o'));
    const file = join(dir, 'o', 'm.csv');
    return twoShards(dir).then(() => {
      const fd = openSync(file, 'w');
      try {
        const r = spawnSync(process.execPath, [BIN, 'merge', dir, '--out', '/dev/stdout'], { stdio: ['ignore', fd, 'pipe'], encoding: 'utf8' });
        expect(r.status).toBe(0);
      } finally {
        closeSync(fd);
      }
      expect(isSweepCsv(readFileSync(file, 'utf8'))).toBe(true);
      expect(existsSync('/dev/comparison.md')).toBe(false);
      expect(readdirSync(join(dir, 'o'))).toEqual(['m.csv']);
    });
  });
});
