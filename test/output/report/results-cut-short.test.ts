// report and explain refuse a results folder whose timeseries.csv stops before the run's
// end (cut at a line boundary, or only its header), and a summary.json without the
// figures they read. ecsim run writes one timeseries row per service per metric period,
// at the period's start: a 600 s run of 60 s periods has rows at 0, 60, ..., 540 s.

import { describe, it, expect } from 'vitest';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadResults } from '../../../src/output/report/data/load-results.js';
import { readResults } from '../../../src/output/explain/read-results.js';
import { ResultsFileError } from '../../../src/output/results-file.js';
import { tempDir, writeFakeRun } from './fixtures.js';

/** The ResultsFileError message of report's and of explain's reader (null: read well). */
function both(dir: string): [string | null, string | null] {
  const message = (read: () => unknown) => {
    try {
      read();
      return null;
    } catch (e) {
      if (!(e instanceof ResultsFileError)) throw e;
      return e.message;
    }
  };
  return [message(() => loadResults(dir)), message(() => readResults(dir))];
}

function editJson(path: string, edit: (v: any) => void): void {
  const v = JSON.parse(readFileSync(path, 'utf8'));
  edit(v);
  writeFileSync(path, JSON.stringify(v));
}

describe('timeseries.csv must reach the run\'s end (summary.json durationSeconds)', () => {
  it('a whole file is read; one cut at a line boundary or holding only its header is refused by both, naming the service and times', () => {
    const dir = writeFakeRun(join(tempDir('cut'), 'run'), { services: ['web'], providers: [], periods: 10 }); // 600 s
    expect(both(dir)).toEqual([null, null]);
    const ts = join(dir, 'timeseries.csv');
    const lines = readFileSync(ts, 'utf8').trimEnd().split('\n');
    // header + rows at 0..240 s
    writeFileSync(ts, lines.slice(0, 6).join('\n') + '\n');
    const cut = `${ts}: the last row of service web is at 240 s, expected 540 s, the start of the run's last 60 s metric period, which ends at 600 s (summary.json durationSeconds); is the file cut short?`;
    expect(both(dir)).toEqual([cut, cut]);
    // only the header: the period from scenario.json (ms, as ecsim run writes it) ...
    writeFileSync(ts, lines[0] + '\n');
    writeFileSync(join(dir, 'scenario.json'), JSON.stringify({ duration: 600_000, metrics: { period: 60_000, publishDelay: 60_000 } }));
    const none = `${ts}: no row of service web, expected rows up to 540 s, the start of the run's last 60 s metric period, which ends at 600 s (summary.json durationSeconds); is the file cut short?`;
    expect(both(dir)).toEqual([none, none]);
    // ... or not known (every run ecsim writes has a period, so a row)
    rmSync(join(dir, 'scenario.json'));
    const noRow = `${ts}: no row of service web, expected a row for each metric period of the run (summary.json durationSeconds 600); is the file cut short?`;
    expect(both(dir)).toEqual([noRow, noRow]);
  });

  it('a file cut inside the last period (one service\'s row there, not the other\'s) is refused', () => {
    const dir = writeFakeRun(join(tempDir('cut'), 'run'), { services: ['web', 'api'], providers: [], periods: 5 }); // 300 s: last rows at 240 s
    const ts = join(dir, 'timeseries.csv');
    const lines = readFileSync(ts, 'utf8').trimEnd().split('\n');
    writeFileSync(ts, lines.slice(0, -1).join('\n') + '\n'); // api's row at 240 s gone
    const [report, explain] = both(dir);
    expect(report).toBe(`${ts}: the last row of service api is at 180 s, expected 240 s, the start of the run's last 60 s metric period, which ends at 300 s (summary.json durationSeconds); is the file cut short?`);
    expect(explain).toBe(report);
  });

  it('a service of summary.json without a row in timeseries.csv is refused', () => {
    const dir = writeFakeRun(join(tempDir('cut'), 'run'), { services: ['web'], providers: [], periods: 5 });
    editJson(join(dir, 'summary.json'), (s) => (s.services.api = s.services.web));
    expect(both(dir)[0]).toMatch(/timeseries\.csv: no row of service api, expected rows up to 240 s, /);
  });

  it('the period is the rows\' step (30 s: a 300 s run ends with the row at 270 s); a duration not a whole number of periods ends at the last whole one', () => {
    const dir = writeFakeRun(join(tempDir('cut'), 'run'), { services: ['web'], providers: [], periods: 10, periodS: 30 });
    expect(both(dir)).toEqual([null, null]);
    const summary = join(dir, 'summary.json');
    // 310 s: floor(310 / 30) = 10 whole periods, the last from 270 s to 300 s
    editJson(summary, (s) => (s.durationSeconds = 310));
    expect(both(dir)).toEqual([null, null]);
    // 330 s: 11 periods, the last from 300 s
    editJson(summary, (s) => (s.durationSeconds = 330));
    expect(both(dir)[0]).toBe(
      `${join(dir, 'timeseries.csv')}: the last row of service web is at 270 s, expected 300 s, the start of the run's last 30 s metric period, which ends at 330 s (summary.json durationSeconds); is the file cut short?`,
    );
    // 240 s: rows past the run's end
    editJson(summary, (s) => (s.durationSeconds = 240));
    expect(both(dir)[0]).toMatch(/: the last row of service web is at 270 s, expected 210 s, .*; is it this run's file\?$/);
  });

  it('one row a service: the period from scenario.json (ms, as ecsim run writes it); without it, a row before the end', () => {
    // a one-period run of 30 s periods: one row at 0
    const scenario = { duration: 30_000, metrics: { period: 30_000, publishDelay: 60_000 } };
    const dir = writeFakeRun(join(tempDir('cut'), 'run'), { services: ['web'], providers: [], periods: 1, periodS: 30, scenario });
    expect(both(dir)).toEqual([null, null]);
    // the same scenario.json with a 90 s summary: 3 periods, the last from 60 s
    editJson(join(dir, 'summary.json'), (s) => (s.durationSeconds = 90));
    expect(both(dir)[0]).toMatch(/: the last row of service web is at 0 s, expected 60 s, the start of the run's last 30 s metric period, which ends at 90 s /);
    // without scenario.json one row gives no period: a row before the end is enough
    rmSync(join(dir, 'scenario.json'));
    expect(both(dir)).toEqual([null, null]);
  });
});

describe('summary.json must hold the figures report and explain read', () => {
  const base = () => writeFakeRun(join(tempDir('sum'), 'run'), { services: ['web'], providers: [], periods: 5 });
  const refused = (edit: (s: any) => void): [string | null, string | null] => {
    const dir = base();
    editJson(join(dir, 'summary.json'), edit);
    return both(dir);
  };

  it.each([
    ['services: {}', (s: any) => (s.services = {}), 'services: expected the figures of each service of the run (as ecsim run writes them), found an empty object'],
    ['services.web: {}', (s: any) => (s.services.web = {}), 'services.web.taskHours: expected a number (as ecsim run writes it), found nothing'],
    ['no requests', (s: any) => delete s.services.web.requests, 'services.web.requests: expected an object of figures (as ecsim run writes it), found nothing'],
    ['no requests.dropped', (s: any) => delete s.services.web.requests.dropped, 'services.web.requests.dropped: expected a number (as ecsim run writes it), found nothing'],
    ['requests.offered null', (s: any) => (s.services.web.requests.offered = null), 'services.web.requests.offered: expected a number (as ecsim run writes it), found null'],
    ['no desiredCount', (s: any) => delete s.services.web.desiredCount, 'services.web.desiredCount: expected an object of figures (as ecsim run writes it), found nothing'],
    ['no cpuUtilization.p95', (s: any) => delete s.services.web.cpuUtilization.p95, 'services.web.cpuUtilization.p95: expected a number or null (as ecsim run writes it), found nothing'],
    ['no sloViolationMinutes', (s: any) => delete s.services.web.sloViolationMinutes, 'services.web.sloViolationMinutes: expected a number (as ecsim run writes it), found nothing'],
    ['no scalingActivities', (s: any) => delete s.services.web.scalingActivities, 'services.web.scalingActivities: expected an object of figures (as ecsim run writes it), found nothing'],
    ['durationSeconds -5', (s: any) => (s.durationSeconds = -5), 'durationSeconds: expected a number of seconds above 0 (as ecsim run writes it), found the number -5'],
    ['durationSeconds 0', (s: any) => (s.durationSeconds = 0), 'durationSeconds: expected a number of seconds above 0 (as ecsim run writes it), found the number 0'],
  ])('%s: both refuse, naming the key path', (_name, edit, message) => {
    const [report, explain] = refused(edit);
    expect(report).toMatch(/summary\.json: /);
    expect(report!.slice(report!.indexOf('summary.json: ') + 'summary.json: '.length)).toBe(message);
    expect(explain).toBe(report);
  });

  it('null where ecsim run writes null for no value (no CPU datapoint, no request served) is read', () => {
    expect(
      refused((s) => {
        s.services.web.cpuUtilization = { mean: null, p50: null, p95: null, max: null };
        s.services.web.latencyMs = { p50: null, p95: null, p99: null };
      }),
    ).toEqual([null, null]);
  });
});
