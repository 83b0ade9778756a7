import { describe, it, expect } from 'vitest';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { reportCommand } from '../../../src/cli/commands/report.js';
import { runReport } from '../../../src/cli/actions/report.js';
import { UsageError } from '../../../src/cli/errors.js';
import { writeReports } from '../../../src/output/report/index.js';
import { COMPARISON_METRICS } from '../../../src/output/report/data/load-comparison.js';
import { tempDir, writeFakeRun } from './fixtures.js';

describe('ecsim report <results-dir>', () => {
  it('is a yargs command module: report <results-dir>', () => {
    expect(reportCommand.command).toBe('report <results-dir>');
    expect(typeof reportCommand.handler).toBe('function');
  });

  it('writes report.html and report.md into a results folder', () => {
    const dir = writeFakeRun(join(tempDir('cli'), 'run'), { services: ['web'], providers: ['asg'], periods: 20 });
    const written = runReport({ resultsDir: dir });
    expect(written.kind).toBe('run');
    expect(readFileSync(join(dir, 'report.html'), 'utf8').startsWith('<!DOCTYPE html>')).toBe(true);
    expect(readFileSync(join(dir, 'report.md'), 'utf8').startsWith('# fake')).toBe(true);
  });

  it('writes to --out (report.md beside it)', () => {
    const dir = writeFakeRun(join(tempDir('cli'), 'run'), { services: ['web'], providers: ['asg'], periods: 20 });
    const out = join(tempDir('out'), 'page.html');
    runReport({ resultsDir: dir, out });
    expect(existsSync(out) && existsSync(out.replace(/html$/, 'md'))).toBe(true);
    expect(existsSync(join(dir, 'report.html'))).toBe(false);
  });

  it('builds the comparison page when comparison.csv is there', () => {
    const dir = tempDir('cmp');
    // every headline metric's two columns, as ecsim compare writes them (a file without them is refused)
    const header = ['variant', ...COMPARISON_METRICS.flatMap((m) => [`${m}_mean`, `${m}_ci95`]), 'pareto'];
    writeFileSync(join(dir, 'comparison.csv'), `${header.join(',')}\na,${COMPARISON_METRICS.map((_, i) => `${i + 1},0`).join(',')},true\n`);
    expect(writeReports(dir).kind).toBe('compare');
    expect(readFileSync(join(dir, 'report.html'), 'utf8').includes('Comparison:')).toBe(true);
  });

  it('rejects a missing folder and a folder that is not a results folder with a UsageError (exit 2)', () => {
    expect(() => runReport({ resultsDir: '/nonexistent/ecsim-results' })).toThrow(UsageError);
    const empty = tempDir('empty');
    mkdirSync(join(empty, 'x'));
    expect(() => runReport({ resultsDir: empty })).toThrow(/not a results folder: expected summary.json, timeseries.csv, capacity.csv, events.csv, tasks.csv \(ecsim run\)/);
    expect(() => runReport({ resultsDir: empty })).toThrow(UsageError);
  });

  it('a folder of sweep shard files only: says to merge them first', () => {
    const dir = tempDir('shards');
    writeFileSync(join(dir, 'sweep.shard-1-of-2.csv'), 'point\n');
    expect(() => runReport({ resultsDir: dir })).toThrow(`${dir} holds the shard files of a sweep, not its sweep.csv: join them first (ecsim merge ${dir}), then report on the folder`);
  });

  it('reports a malformed file as a UsageError naming it', () => {
    const dir = writeFakeRun(join(tempDir('bad'), 'run'), { services: ['web'], providers: ['asg'], periods: 5 });
    writeFileSync(join(dir, 'summary.json'), '{ not json');
    expect(() => runReport({ resultsDir: dir })).toThrow(/summary\.json/);
  });
});
