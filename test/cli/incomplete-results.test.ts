// `ecsim report` / `ecsim explain` of a results folder missing a file every run writes: one
// line, exit 2, nothing written (they printed zeros with exit 0); a compare folder missing a
// variant's runs/<variant>/, or with one lacking a run's file, is reported with a warning on stderr.

import { describe, it, expect } from 'vitest';
import { readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { cli, oneLine } from '../helpers.js';
import { tempDir, writeFakeRun } from '../output/report/fixtures.js';
import { COMPARISON_METRICS } from '../../src/output/report/data/load-comparison.js';

const RUN = { services: ['web'], providers: ['asg'], periods: 10 };

describe('report and explain of an incomplete results folder', () => {
  it('no events.csv: exit 2, one line naming the file, nothing written', async () => {
    const dir = writeFakeRun(join(tempDir('cli-partial'), 'run'), RUN);
    rmSync(join(dir, 'events.csv'));
    const expected = `ecsim: ${join(dir, 'events.csv')}: expected the file a run writes (every ecsim run writes summary.json, timeseries.csv, capacity.csv, events.csv and tasks.csv), found no file; the folder is incomplete: re-run \`ecsim run SCENARIO --out ${dir}\``;
    expect(await oneLine('report', dir)).toBe(expected);
    expect(await oneLine('explain', dir)).toBe(expected);
    expect(readdirSync(dir).sort()).toEqual(['capacity.csv', 'summary.json', 'tasks.csv', 'timeseries.csv']);
  });

  it('no tasks.csv nor capacity.csv: exit 2 naming capacity.csv and tasks.csv', async () => {
    const dir = writeFakeRun(join(tempDir('cli-partial'), 'run'), RUN);
    rmSync(join(dir, 'tasks.csv'));
    rmSync(join(dir, 'capacity.csv'));
    expect(await oneLine('explain', dir)).toContain(`${join(dir, 'capacity.csv')}: expected the file a run writes (`);
    expect(await oneLine('report', dir)).toContain('found no file (nor tasks.csv); ');
  });

  it('a compare folder without runs/b/: the page, exit 0, and a warning on stderr', async () => {
    const dir = tempDir('cli-cmp');
    const header = ['variant', ...COMPARISON_METRICS.flatMap((m) => [`${m}_mean`, `${m}_ci95`]), 'pareto'].join(',');
    const row = COMPARISON_METRICS.map((_, i) => `${i + 1},0`).join(',');
    writeFileSync(join(dir, 'comparison.csv'), `${header}\na,${row},true\nb,${row},true\n`);
    writeFakeRun(join(dir, 'runs', 'a'), RUN);
    const r = await cli('report', dir, '--quiet');
    expect(r.code).toBe(0);
    expect(r.stderr).toBe(
      `warning: ${dir}: 1 of 2 variants have no results folder (runs/b/), which ecsim compare writes for every variant: left out of the time series (the table's figures are comparison.csv's). Run the compare again to draw it.\n`,
    );
  });

  it('a compare folder whose runs/a/ lacks events.csv: exit 0, the others drawn, a warning naming the file and advising to run the compare again', async () => {
    const dir = tempDir('cli-cmp');
    const header = ['variant', ...COMPARISON_METRICS.flatMap((m) => [`${m}_mean`, `${m}_ci95`]), 'pareto'].join(',');
    const row = COMPARISON_METRICS.map((_, i) => `${i + 1},0`).join(',');
    writeFileSync(join(dir, 'comparison.csv'), `${header}\na,${row},true\nb,${row},true\n`);
    writeFakeRun(join(dir, 'runs', 'a'), RUN);
    writeFakeRun(join(dir, 'runs', 'b'), RUN);
    rmSync(join(dir, 'runs', 'a', 'events.csv'));
    const r = await cli('report', dir, '--quiet');
    expect(r.code).toBe(0);
    expect(r.stderr).toBe(
      `warning: ${dir}: 1 results folder is incomplete (runs/a/ lacks events.csv), which ecsim compare writes whole for every variant (summary.json, timeseries.csv, capacity.csv, events.csv and tasks.csv): left out of the time series (the table's figures are comparison.csv's). Run the compare again to draw it.\n`,
    );
  });
});
