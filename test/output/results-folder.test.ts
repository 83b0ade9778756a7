// --out replaces only a results folder ecsim wrote: never a file, a device, a link or a
// folder of the user's (a mistyped `--out notes.txt` or `--out .` used to be moved aside
// and deleted, and `--out /dev/null` replaced the device with a folder).

import { describe, it, expect } from 'vitest';
import { spawnSync } from 'node:child_process';
import { existsSync, lstatSync, mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { assertReplaceable } from '../../src/output/results-folder.js';
import { QUICKSTART, cli, tempDir } from '../helpers.js';

function resultsFolder(dir: string): string {
  mkdirSync(dir, { recursive: true });
  for (const f of ['summary.json', 'run.json', 'scenario.json', 'timeseries.csv', 'capacity.csv', 'events.csv', 'tasks.csv', 'report.html', 'report.md']) writeFileSync(join(dir, f), 'x');
  return dir;
}

describe('assertReplaceable', () => {
  it('accepts nothing there, an empty folder, a run folder, and a compare folder with its runs/', () => {
    const dir = tempDir();
    expect(() => assertReplaceable(join(dir, 'missing'))).not.toThrow();
    mkdirSync(join(dir, 'empty'));
    expect(() => assertReplaceable(join(dir, 'empty'))).not.toThrow();
    expect(() => assertReplaceable(resultsFolder(join(dir, 'run')))).not.toThrow();
    const cmp = join(dir, 'cmp');
    mkdirSync(cmp);
    for (const f of ['comparison.csv', 'comparison.md', 'paired.csv', 'replications.csv', 'sweep.csv', 'sweep.shard-1-of-4.csv', '.report.html.tmp-h-1-2']) writeFileSync(join(cmp, f), 'x');
    resultsFolder(join(cmp, 'runs', 'a'));
    resultsFolder(join(cmp, 'runs', 'b'));
    writeFileSync(join(cmp, 'runs', '.DS_Store'), 'x'); // macOS Finder
    expect(() => assertReplaceable(cmp)).not.toThrow();
  });

  it('refuses a file, a link, a FIFO, and a folder holding anything ecsim does not write', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'notes.txt'), 'mine');
    expect(() => assertReplaceable(join(dir, 'notes.txt'))).toThrow(/"[^"]*notes\.txt": it is a file, not a folder; ecsim replaces only a results folder it wrote/);
    symlinkSync(resultsFolder(join(dir, 'real')), join(dir, 'link'));
    expect(() => assertReplaceable(join(dir, 'link'))).toThrow(/symbolic link/);
    spawnSync('mkfifo', [join(dir, 'fifo')]);
    if (existsSync(join(dir, 'fifo'))) expect(() => assertReplaceable(join(dir, 'fifo'))).toThrow(/not a folder \(a device, a pipe or a socket\)/);
    const mine = resultsFolder(join(dir, 'mine'));
    writeFileSync(join(mine, 'analysis.ipynb'), '{}');
    expect(() => assertReplaceable(mine)).toThrow(/: it holds "analysis.ipynb", which ecsim did not write; ecsim replaces only a results folder it wrote/);
    const cmp = resultsFolder(join(dir, 'cmp'));
    mkdirSync(join(cmp, 'runs', 'a', 'src'), { recursive: true });
    expect(() => assertReplaceable(cmp)).toThrow(/its "runs\/a" is not a results folder \(it holds "src", which ecsim did not write\)/);
  });
});

describe('ecsim run --out onto something else', () => {
  it('a file: one line, exit 2, the file untouched, nothing left beside it', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'notes.txt'), 'mine');
    const r = await cli('run', QUICKSTART, '--duration', '10m', '--quiet', '--out', join(dir, 'notes.txt'));
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/^ecsim: cannot write results to ".*notes\.txt": it is a file, not a folder/);
    expect(readFileSync(join(dir, 'notes.txt'), 'utf8')).toBe('mine');
    expect(readdirSync(dir)).toEqual(['notes.txt']);
  });

  it('a folder of the user\'s: refused and untouched; a previous results folder: replaced', async () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'work'));
    writeFileSync(join(dir, 'work', 'plan.md'), 'mine');
    const refused = await cli('run', QUICKSTART, '--duration', '10m', '--quiet', '--out', join(dir, 'work'));
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/: it holds "plan.md", which ecsim did not write;/);
    expect(readdirSync(join(dir, 'work'))).toEqual(['plan.md']);

    const out = join(dir, 'out');
    expect((await cli('run', QUICKSTART, '--duration', '10m', '--quiet', '--report', '--out', out)).code).toBe(0);
    const again = await cli('run', QUICKSTART, '--duration', '20m', '--quiet', '--out', out);
    expect(again.code).toBe(0);
    expect(readdirSync(out)).not.toContain('report.html'); // the whole folder was replaced
    expect(lstatSync(join(out, 'summary.json')).isFile()).toBe(true);
    expect(readdirSync(dir).sort()).toEqual(['out', 'work']);
  });
});

describe('ecsim sweep with a runs/<point> folder of the user\'s', () => {
  it('is refused before any run, from worker threads too: one line, exit 2, the folder untouched', async () => {
    const dir = tempDir();
    const point = join(dir, 'sw', 'runs', 'targetValue=40,scaleOutCooldown=60s');
    mkdirSync(point, { recursive: true });
    writeFileSync(join(point, 'notes.txt'), 'mine');
    const r = await cli('sweep', 'scenarios/compare-quickstart.yaml', '--duration', '10m', '--replications', '1', '--jobs', '2', '--shard', '1/4', '--runs', '--quiet', '--out', join(dir, 'sw'));
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/^ecsim: cannot write results to ".*targetValue=40,scaleOutCooldown=60s": it holds "notes.txt", which ecsim did not write;/);
    expect(readdirSync(join(dir, 'sw'))).toEqual(['runs']);
    expect(readdirSync(point)).toEqual(['notes.txt']);
  });
});
