// Output paths the CLI fuzz run found mishandled: names near the file system's limit, a
// mount point as --out, a sweep that fails or is stopped half-way, init --out where it
// cannot write, a scenario piped on /dev/stdin, shard files given twice, two shard index
// variables that disagree.

import { describe, it, expect } from 'vitest';
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join, resolve } from 'node:path';
import { cli, oneLine, quickRun, tempDir, twoShards } from '../helpers.js';
import { fileSystemProblem } from '../../src/cli/errors.js';
import { shardOf } from '../../src/cli/actions/sweep.js';
import { assertReplaceable, isMountPoint } from '../../src/output/results-folder.js';
import { tempName } from '../../src/output/staging.js';

const BIN = resolve('dist/src/cli/bin.js');
const SWEEP = 'scenarios/compare-quickstart.yaml';

describe('--out names near the limit of a name (255 bytes on ext4, XFS, APFS)', () => {
  it('a 240-character name is written (its temporary name appended 25+ characters: ENAMETOOLONG)', async () => {
    const dir = tempDir();
    const name = 'r'.repeat(240);
    const r = await cli('run', 'scenarios/quickstart.yaml', '--duration', '10m', '--quiet', '--out', join(dir, name));
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(readdirSync(dir)).toEqual([name]);
    const t = await cli('trace', 'scenarios/quickstart.yaml', '--out', join(dir, `${name}.csv`));
    expect(t.code).toBe(0);
    expect(readdirSync(dir).sort()).toEqual([name, `${name}.csv`]);
  });

  it('the temporary name, with `.old`, fits in 255 bytes, and keeps the name when it fits', () => {
    expect(tempName('x', 12, 1795664641029)).toBe(`.x.tmp-${hostname()}-12-1795664641029`);
    for (const name of ['r'.repeat(255), 'é'.repeat(127), `${'a'.repeat(200)}😀😀😀😀😀😀😀😀😀😀😀😀`]) {
      const t = tempName(name, 4194304, 1795664641029);
      expect(Buffer.byteLength(`${t}.old`)).toBeLessThanOrEqual(255);
      expect(t).toMatch(/^\.(.+)~[0-9a-f]{8}\.tmp-/);
      expect(t.startsWith(`.${name.slice(0, 20)}`)).toBe(true);
      expect(t).not.toContain('\uFFFD'); // no character cut in two
    }
  });

  it('a name longer than the file system takes: exit 2, one line naming it, before the run, nothing left', async () => {
    const dir = tempDir();
    const name = 'n'.repeat(300);
    const line = await oneLine('run', 'scenarios/quickstart.yaml', '--duration', '10m', '--quiet', '--out', join(dir, 'new', name));
    expect(line).toBe(`ecsim: cannot write "${join(dir, 'new', name)}": the name is longer than the file system takes (most take 255 bytes a name); give a shorter one (ENAMETOOLONG)`);
    expect(readdirSync(dir)).toEqual([]);
    expect(await oneLine('sweep', SWEEP, '--duration', '1m', '--no-runs', '--quiet', '--out', join(dir, name))).toContain('(ENAMETOOLONG)');
  });
});

describe('a mount point as --out (needs a mount to reproduce: tested on /proc and with the error rename gives)', () => {
  it('is refused before the run, naming it and saying to write into a folder inside it', () => {
    expect(isMountPoint('/proc')).toBe(true);
    expect(isMountPoint(tempDir())).toBe(false);
    expect(() => assertReplaceable('/proc')).toThrow(
      'cannot write results to "/proc": it is a mount point, which cannot be replaced; give a folder inside it (e.g. --out /proc/results)',
    );
  });

  it('EBUSY from rename (a bind mount, which has its parent\'s device) is one line too', () => {
    const e = Object.assign(new Error('EBUSY: resource busy or locked'), { code: 'EBUSY', syscall: 'rename', path: '/mnt/vol' });
    expect(fileSystemProblem(e)).toBe('cannot write "/mnt/vol": it is in use and cannot be replaced (a mount point?); give a folder inside it as --out (EBUSY)');
  });
});

describe('a sweep appears whole or not at all', () => {
  it('a folder in the way of comparison.md is refused before any run (not after the sweep, losing its runs), leaving nothing', async () => {
    const out = tempDir();
    mkdirSync(join(out, 'comparison.md'));
    // 8 points of 90 days take about 40 s; the refusal comes at once
    const t0 = Date.now();
    const line = await oneLine('sweep', SWEEP, '--duration', '90d', '--jobs', '1', '--quiet', '--out', out);
    expect(Date.now() - t0).toBeLessThan(12_000);
    expect(line).toBe(`ecsim: cannot open "${join(out, 'comparison.md')}": it is a folder (EISDIR)`);
    expect(readdirSync(out)).toEqual(['comparison.md']);
  });

  it('a sweep into an earlier one\'s folder replaces runs/ whole', async () => {
    const out = tempDir();
    expect((await cli('sweep', SWEEP, '--duration', '1m', '--quiet', '--out', out)).code).toBe(0);
    mkdirSync(join(out, 'runs', 'targetValue=99,scaleOutCooldown=1s')); // an earlier sweep's point
    expect((await cli('sweep', SWEEP, '--duration', '1m', '--quiet', '--out', out)).code).toBe(0);
    expect(readdirSync(join(out, 'runs'))).toHaveLength(8);
    expect(readdirSync(out).sort()).toEqual(['comparison.md', 'paired.csv', 'providers.csv', 'replications.csv', 'runs', 'sweep-plan.txt', 'sweep.csv']); // 2+ replications: the pairing files too
  });

  it('a sweep killed half-way (SIGKILL: no clean-up of its own, interrupt.test.ts) leaves no runs/; the next write into the folder removes its temporary folder', async () => {
    const out = tempDir();
    const child = spawn(process.execPath, [BIN, 'sweep', SWEEP, '--duration', '3d', '--jobs', '1', '--quiet', '--out', out], { stdio: 'ignore' });
    // until the first run is done (inside the temporary folder)
    const staged = () => readdirSync(out).find((n) => n.startsWith('.runs.tmp-'));
    const deadline = Date.now() + 60_000;
    while (Date.now() < deadline) {
      const t = staged();
      if (t !== undefined && readdirSync(join(out, t)).some((n) => !n.startsWith('.'))) break;
      await new Promise((r) => setTimeout(r, 50));
    }
    child.kill('SIGKILL');
    await new Promise((r) => child.on('close', r));
    expect(readdirSync(out).filter((n) => !n.startsWith('.'))).toEqual([]);
    expect(staged()).toBeDefined();
    expect((await cli('sweep', SWEEP, '--duration', '1m', '--quiet', '--out', out)).code).toBe(0);
    expect(readdirSync(out).sort()).toEqual(['comparison.md', 'paired.csv', 'providers.csv', 'replications.csv', 'runs', 'sweep-plan.txt', 'sweep.csv']);
  }, 90_000);

});

describe('--out in folders that do not exist yet: made, as run, trace and merge make them', () => {
  it('init --out new/sub/q.yaml and report --out new/sub/r.html write there', async () => {
    const dir = tempDir();
    const scenario = join(dir, 'new', 'sub', 'q.yaml');
    expect((await cli('init', '--out', scenario)).code).toBe(0);
    expect(readFileSync(scenario, 'utf8')).toMatch(/^name: q$/m);
    const res = await quickRun(join(dir, 'res'));
    const page = join(dir, 'nd2', 'sub', 'r.html');
    expect((await cli('report', res, '--quiet', '--out', page)).code).toBe(0);
    expect(readdirSync(join(dir, 'nd2', 'sub')).sort()).toEqual(['r.html', 'r.md']);
  }, 60_000);

  it('an --out ending in "/" names a folder: report, trace and merge refuse it before writing, and make no folder', async () => {
    const dir = tempDir();
    const res = await quickRun(join(dir, 'res'));
    const shards = await twoShards(join(dir, 'shards'));
    for (const [args, example] of [
      [['report', res, '--out', join(dir, 'zz', 'y') + '/'], 'report.html'],
      [['trace', 'scenarios/quickstart.yaml', '--out', join(dir, 'tt', 'x') + '/'], 'trace.csv'],
      [['merge', shards, '--out', join(dir, 'mm', 'x') + '/'], 'sweep.csv'],
    ] as const) {
      const out = args[args.length - 1];
      expect(await oneLine(...args)).toBe(`ecsim: --out: expected a file to write, found ${out}, which names a folder (it ends with "/"); give a file in it, e.g. --out ${join(out, example)}`);
    }
    // report made zz/y and then failed on it; trace wrote the file tt/x without the "/"
    expect(readdirSync(dir).sort()).toEqual(['res', 'shards']);
  }, 60_000);
});

describe('init --out where it cannot write: one line naming the file (EROFS needs a read-only mount; ENOTDIR and ENOSPC shown)', () => {
  it('under a file (a file in the way of its folder, as report and trace say it)', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'a-file'), '');
    const out = join(dir, 'a-file', 's.yaml');
    expect(await oneLine('init', '--out', out)).toBe(`ecsim: cannot write "${out}": a file is in the way where a folder is needed (EEXIST)`);
    expect(readFileSync(join(dir, 'a-file'), 'utf8')).toBe('');
  });

  it('EROFS, EACCES, ENOSPC as open(2) and write(2) give them', () => {
    const open = (code: string) => Object.assign(new Error(code), { code, syscall: 'open', path: '/ro/s.yaml' });
    expect(fileSystemProblem(open('EROFS'))).toBe('cannot open "/ro/s.yaml": the file system is read-only (EROFS)');
    expect(fileSystemProblem(open('EACCES'))).toBe('cannot open "/ro/s.yaml": permission denied (EACCES)');
  });
});

describe('a scenario piped on /dev/stdin is read once', () => {
  // through cat, as a user would: Node's own `input` is a socket, which /dev/stdin cannot be opened on (ENXIO)
  const piped = (args: string[], file: string) =>
    spawnSync('sh', ['-c', 'f=$1; shift; cat "$f" | "$@"', 'sh', file, process.execPath, BIN, ...args], { encoding: 'utf8' });

  it('validate, compare and sweep (they read it twice: the second read found it empty)', () => {
    const v = piped(['validate', '/dev/stdin'], SWEEP);
    expect(v.stderr).toBe('');
    expect(v.stdout).toBe('/dev/stdin: ok (1 service, 7200 s simulated; 3 variants and all 8 sweep points checked)\n');
    const out = tempDir();
    for (const command of ['compare', 'sweep', 'run']) {
      const r = piped([command, '/dev/stdin', '--duration', '1m', '--quiet', '--out', join(out, command)], SWEEP);
      // compare-quickstart has variants and a sweep: compare and sweep each note the other's key, run both
      const note = {
        compare: "note: /dev/stdin: this file's sweep runs with `ecsim sweep`, not compare\n",
        sweep: "note: /dev/stdin: this file's variants run with `ecsim compare`, not sweep\n",
        run: "note: /dev/stdin: run ran the base scenario; the file's 3 variants (tt-cpu-60, tt-cpu-45, tt-cpu-60-surge) run with `ecsim compare`\nnote: /dev/stdin: run ran the base scenario; the file's sweep runs with `ecsim sweep`\n",
      }[command];
      expect([command, r.stderr, r.status]).toEqual([command, note, 0]);
    }
  }, 60_000);
});

describe('shards', () => {
  it('move their runs into the shared runs/ beside each other\'s; merge names a point in two places rightly', async () => {
    const out = tempDir();
    for (const shard of ['1/2', '2/2']) expect((await cli('sweep', SWEEP, '--duration', '1m', '--quiet', '--shard', shard, '--out', out)).code).toBe(0);
    expect(readdirSync(join(out, 'runs'))).toHaveLength(8);
    expect(readdirSync(out).sort()).toEqual(['runs', 'sweep.shard-1-of-2.csv', 'sweep.shard-2-of-2.csv']);
    // merge said "point 0 is in both X and X"
    const one = join(out, 'sweep.shard-1-of-2.csv');
    expect(await oneLine('merge', one, one, join(out, 'sweep.shard-2-of-2.csv'))).toBe(`ecsim: merge: expected each shard file once, found ${one} twice`);
    expect(await oneLine('merge', out, one)).toBe(`ecsim: merge: expected each shard file once, found ${one} twice`);
    const lines = readFileSync(one, 'utf8').trimEnd().split('\n');
    const doubled = join(tempDir(), 'doubled.csv');
    writeFileSync(doubled, `${[...lines, ...lines.slice(1)].join('\n')}\n`);
    expect(await oneLine('merge', doubled, join(out, 'sweep.shard-2-of-2.csv'))).toBe(
      `ecsim: merge: ${doubled}: expected each point once, found point 0 in two rows (a shard file written twice into one?); run that shard again`,
    );
  }, 60_000);
});

describe('shard index variables', () => {
  it('both set and different: refused naming both; the same value: that shard', () => {
    expect(() => shardOf(undefined, 4, { JOB_COMPLETION_INDEX: '1', AWS_BATCH_JOB_ARRAY_INDEX: '3' })).toThrow(
      '--shards: expected one shard index, found JOB_COMPLETION_INDEX=1 and AWS_BATCH_JOB_ARRAY_INDEX=3, which differ; unset the one not meant for ecsim, or use --shard i/n',
    );
    expect(shardOf(undefined, 4, { JOB_COMPLETION_INDEX: '3', AWS_BATCH_JOB_ARRAY_INDEX: '3' })).toEqual({ index: 4, count: 4 });
    expect(shardOf(undefined, 4, { JOB_COMPLETION_INDEX: '', AWS_BATCH_JOB_ARRAY_INDEX: '2' })).toEqual({ index: 3, count: 4 });
  });
});
