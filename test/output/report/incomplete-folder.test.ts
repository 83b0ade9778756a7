// `ecsim report` and `ecsim explain` refuse a run's folder missing a file every run writes
// (it read as zeros: "0 scaling activities", "0 tasks started"), writing nothing; a compare
// folder missing a variant's runs/<variant>/, or holding one missing such a file (a compare's
// or sweep's run), says so on the page and on stderr and draws the others.

import { describe, it, expect } from 'vitest';
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runReport } from '../../../src/cli/actions/report.js';
import { runExplain } from '../../../src/cli/actions/explain.js';
import { UsageError } from '../../../src/cli/errors.js';
import { writeReports } from '../../../src/output/report/index.js';
import { COMPARISON_METRICS, loadComparison } from '../../../src/output/report/data/load-comparison.js';
import { pointLabels } from '../../../src/experiment/point-label.js';
import { tempDir, writeFakeRun } from './fixtures.js';

const RUN = { services: ['web'], providers: ['asg'], periods: 20, events: ['60,scaling,web,scaled out'] };
const EVERY = 'every ecsim run writes summary.json, timeseries.csv, capacity.csv, events.csv and tasks.csv';

function runWithout(...names: string[]): string {
  const dir = writeFakeRun(join(tempDir('partial'), 'run'), RUN);
  for (const n of names) rmSync(join(dir, n));
  return dir;
}

describe('a run folder missing a file a run writes', () => {
  it.each(['summary.json', 'timeseries.csv', 'capacity.csv', 'events.csv', 'tasks.csv'])('without %s: report and explain refuse it (exit 2), naming the file; nothing written', (name) => {
    const dir = runWithout(name);
    const before = readdirSync(dir).sort();
    const message = `${join(dir, name)}: expected the file a run writes (${EVERY}), found no file; the folder is incomplete: re-run \`ecsim run SCENARIO --out ${dir}\``;
    expect(() => runReport({ resultsDir: dir })).toThrow(new UsageError(message));
    expect(() => runExplain({ results: dir })).toThrow(new UsageError(message));
    expect(readdirSync(dir).sort()).toEqual(before);
  });

  it('a folder whose path needs quoting in a shell: the re-run command quotes it', () => {
    const dir = writeFakeRun(join(tempDir('partial'), "it's a run"), RUN);
    rmSync(join(dir, 'tasks.csv'));
    const quoted = `'${dir.replace(/'/g, `'\\''`)}'`;
    expect(() => runReport({ resultsDir: dir })).toThrow(`re-run \`ecsim run SCENARIO --out ${quoted}\``);
  });

  it('names the first missing file and the others', () => {
    const dir = runWithout('tasks.csv', 'capacity.csv');
    expect(() => runReport({ resultsDir: dir })).toThrow(`${join(dir, 'capacity.csv')}: expected the file a run writes (${EVERY}), found no file (nor tasks.csv); `);
    expect(existsSync(join(dir, 'report.html')) || existsSync(join(dir, 'report.md'))).toBe(false);
  });

  it('a folder with run.json only: explain names the files report names (every file a run writes), not events.csv alone', () => {
    const dir = tempDir('run-json-only');
    writeFileSync(join(dir, 'run.json'), '{}\n');
    const files = 'summary.json, timeseries.csv, capacity.csv, events.csv, tasks.csv';
    expect(() => runExplain({ results: dir })).toThrow(new UsageError(`${dir}: expected a results folder (${files}, as written by ecsim run), found none of them`));
    expect(() => runReport({ resultsDir: dir })).toThrow(`${dir} is not a results folder: expected ${files} (ecsim run) or comparison.csv / sweep.csv (ecsim compare / sweep)`);
  });

  it('without scenario.json (optional, docs/notes/reports.md) and run.json (read by neither): both still work', () => {
    const dir = runWithout(); // writeFakeRun writes no scenario.json and no run.json
    expect(existsSync(join(dir, 'scenario.json')) || existsSync(join(dir, 'run.json'))).toBe(false);
    expect(runReport({ resultsDir: dir }).kind).toBe('run');
    expect(runExplain({ results: dir })).toContain('web');
  });
});

const HEADER = ['variant', ...COMPARISON_METRICS.flatMap((m) => [`${m}_mean`, `${m}_ci95`]), 'pareto'].join(',');
const ROW = COMPARISON_METRICS.map((_, i) => `${i + 1},0`).join(',');

function compareFolder(variants: string[], withRuns: string[]): string {
  const dir = tempDir('cmp-runs');
  writeFileSync(join(dir, 'comparison.csv'), [HEADER, ...variants.map((v) => `${v},${ROW},true`)].join('\n') + '\n');
  for (const v of withRuns) writeFakeRun(join(dir, 'runs', v), RUN);
  return dir;
}

describe('a compare folder missing a variant\'s runs/<variant>/', () => {
  it('says which on the page and as a warning (stderr)', () => {
    const dir = compareFolder(['a', 'b', 'c'], ['a', 'c']);
    const written = writeReports(dir);
    const note = '1 of 3 variants have no results folder (runs/b/), which ecsim compare writes for every variant: left out of the time series (the table\'s figures are comparison.csv\'s). Run the compare again to draw it.';
    expect(written.warnings).toEqual([`${dir}: ${note}`]);
    const html = readFileSafe(join(dir, 'report.html'));
    expect(html).toContain(note.replace(/'/g, '&#39;'));
    expect(html).toContain('Time series by variant');
  });

  it('every variant\'s missing: the page says there is nothing to overlay, and which', () => {
    const dir = compareFolder(['a', 'b'], []);
    const written = writeReports(dir);
    expect(written.warnings).toEqual([`${dir}: 2 of 2 variants have no results folder (runs/a/; runs/b/), which ecsim compare writes for every variant: left out of the time series (the table's figures are comparison.csv's). Run the compare again to draw them.`]);
    expect(readFileSafe(join(dir, 'report.html'))).toContain('No runs/&lt;variant&gt;/ results folders here: no time series to overlay. 2 of 2 variants');
  });

  it('all there: no warning', () => {
    expect(writeReports(compareFolder(['a', 'b'], ['a', 'b'])).warnings).toEqual([]);
  });

  it('a variant\'s runs/<variant>/ missing a file: left out as a missing one is, the page and stderr name the file and say to run the compare again', () => {
    const dir = compareFolder(['a', 'b', 'c'], ['a', 'b', 'c']);
    rmSync(join(dir, 'runs', 'b', 'events.csv'));
    const written = writeReports(dir);
    const note =
      '1 results folder is incomplete (runs/b/ lacks events.csv), which ecsim compare writes whole for every variant (summary.json, timeseries.csv, capacity.csv, events.csv and tasks.csv): ' +
      'left out of the time series (the table\'s figures are comparison.csv\'s). Run the compare again to draw it.';
    expect(written.warnings).toEqual([`${dir}: ${note}`]);
    const html = readFileSafe(join(dir, 'report.html'));
    expect(html).toContain(note.replace(/'/g, '&#39;'));
    // a and c drawn, b not
    expect(html).toContain('Time series by variant');
    expect(loadComparison(dir).runs.has('b')).toBe(false);
    expect([...loadComparison(dir).runs.keys()]).toEqual(['a', 'c']);
  });

  it('every variant\'s folder incomplete or missing: nothing to overlay, both notes; each folder\'s missing files named', () => {
    const dir = compareFolder(['a', 'b', 'c'], ['a', 'b']);
    rmSync(join(dir, 'runs', 'a', 'tasks.csv'));
    rmSync(join(dir, 'runs', 'a', 'capacity.csv'));
    rmSync(join(dir, 'runs', 'b', 'summary.json'));
    const written = writeReports(dir);
    expect(written.warnings).toEqual([
      `${dir}: 1 of 3 variants have no results folder (runs/c/), which ecsim compare writes for every variant: left out of the time series (the table's figures are comparison.csv's). Run the compare again to draw it.`,
      `${dir}: 2 results folders are incomplete (runs/a/ lacks capacity.csv and tasks.csv; runs/b/ lacks summary.json), which ecsim compare writes whole for every variant (summary.json, timeseries.csv, capacity.csv, events.csv and tasks.csv): left out of the time series (the table's figures are comparison.csv's). Run the compare again to draw them.`,
    ]);
    const html = readFileSafe(join(dir, 'report.html'));
    expect(html).toContain('No runs/&lt;variant&gt;/ results folders here: no time series to overlay. 1 of 3 variants have no results folder');
    expect(html).toContain('Run the compare again to draw it. 2 results folders are incomplete (runs/a/ lacks capacity.csv and tasks.csv; runs/b/ lacks summary.json)');
  });

  it('a sweep point\'s runs/<point label>/ missing a file: left out, said on the page and stderr, advising to run the sweep again', () => {
    const dir = tempDir('sweep-runs');
    const param = 'services.web.autoScaling.policies.cpu.targetValue';
    writeFileSync(join(dir, 'sweep.csv'), [HEADER.replace('variant', param), `40,${ROW},true`, `60,${ROW},true`].join('\n') + '\n');
    const [l40, l60] = pointLabels([param], [['40'], ['60']]);
    writeFakeRun(join(dir, 'runs', l40), RUN);
    writeFakeRun(join(dir, 'runs', l60), RUN);
    rmSync(join(dir, 'runs', l60, 'timeseries.csv'));
    const written = writeReports(dir);
    const note =
      `1 results folder is incomplete (runs/${l60}/ lacks timeseries.csv), which ecsim sweep writes whole for each point it keeps runs of (summary.json, timeseries.csv, capacity.csv, events.csv and tasks.csv): ` +
      'left out of the time series (the table\'s figures are sweep.csv\'s). Run the sweep again to draw it.';
    expect(written.warnings).toEqual([`${dir}: ${note}`]);
    const html = readFileSafe(join(dir, 'report.html'));
    expect(html).toContain(note.replace(/'/g, '&#39;'));
    expect(html).toContain('1 of 2 points have a runs/ folder');
  });

  it('a sweep of list values: its runs/ folders under the + labels; one written before them (the list percent-encoded) is still drawn', () => {
    const dir = tempDir('sweep-list-labels');
    const param = 'services.web.placementStrategy';
    writeFileSync(join(dir, 'sweep.csv'), [HEADER.replace('variant', param), `"[""spread"",""binpack""]",${ROW},true`, `"[""binpack""]",${ROW},true`].join('\n') + '\n');
    // the first point's run as sweeps write it now, the second's as a sweep of before 2026-11-27 did
    writeFakeRun(join(dir, 'runs', 'placementStrategy=spread+binpack'), RUN);
    writeFakeRun(join(dir, 'runs', 'placementStrategy=%5B%22binpack%22%5D'), RUN);
    const c = loadComparison(dir);
    expect(c.rows.map((r) => r.label)).toEqual(['placementStrategy=spread+binpack', 'placementStrategy=%5B%22binpack%22%5D']);
    expect([...c.runs.keys()]).toEqual(['placementStrategy=spread+binpack', 'placementStrategy=%5B%22binpack%22%5D']);
  });

  it('explain of an incomplete runs/<variant>/ refuses it (exit 2), advising to run the compare again, not ecsim run', () => {
    const dir = compareFolder(['a'], ['a']);
    const run = join(dir, 'runs', 'a');
    rmSync(join(run, 'events.csv'));
    expect(() => runExplain({ results: run })).toThrow(
      new UsageError(
        `${join(run, 'events.csv')}: expected the file a run writes (${EVERY}), found no file; the folder is incomplete: it is a run of the compare in ${dir}: run the compare again (its runs/ folders are written by ecsim compare, not ecsim run)`,
      ),
    );
  });
});

function readFileSafe(path: string): string {
  return existsSync(path) ? readFileSync(path, 'utf8') : '';
}
