// `ecsim trace` and `ecsim explain` on the quick start. Expectations come from the
// scenario (step 150 -> 450 rps at 20m) and the AWS target tracking rules (AlarmHigh: 3
// one-minute datapoints > 60, each visible one minute after its period; 3 tasks of capacityRps
// 100 at 450 rps read 5 + 95 x 100/100 = 100 %, so ceil(3 x 100/60) = 5).

import { describe, it, expect, beforeAll, vi } from 'vitest';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadScenarioFile } from '../../src/scenario/index.js';
import { runToFolder } from '../../src/output/run-to-folder.js';
import { UsageError } from '../../src/cli/errors.js';
import { traceCommand } from '../../src/cli/commands/trace.js';
import { explainCommand } from '../../src/cli/commands/explain.js';
import { checkTraceRows, runTrace } from '../../src/cli/actions/trace.js';
import { runExplain } from '../../src/cli/actions/explain.js';
import { jumpOffRows, parseCsv, replayHint, traceChanges } from '../../src/output/explain/index.js';
import { build, D, H, M, S } from '../workload/trace/helpers.js';
import { parse as loadYaml } from 'yaml';
import { QUICKSTART, quickstart, tempDir, writeScenario } from '../helpers.js';

describe('ecsim trace', () => {
  it('quick start: one row a minute, 150 rps before 20m and 450 from 20m (step is right-continuous)', () => {
    const rows = parseCsv(runTrace({ scenario: QUICKSTART }));
    expect(rows).toHaveLength(61); // 0, 60, ..., 3600 s inclusive
    expect(Object.keys(rows[0])).toEqual(['time_s', 'timestamp', 'service', 'rps']);
    expect(rows[0]).toEqual({ time_s: '0', timestamp: '2026-03-02T09:00:00.000Z', service: 'web', rps: '150' });
    expect(rows[19]).toMatchObject({ time_s: '1140', rps: '150' });
    expect(rows[20]).toMatchObject({ time_s: '1200', timestamp: '2026-03-02T09:20:00.000Z', rps: '450' });
    expect(rows[60]).toMatchObject({ time_s: '3600', rps: '450' });
  });

  it('--from/--to as durations or hh:mm, --step', () => {
    const a = parseCsv(runTrace({ scenario: QUICKSTART, from: '19m', to: '21m', step: '30s' }));
    expect(a.map((r) => [r.time_s, r.rps])).toEqual([['1140', '150'], ['1170', '150'], ['1200', '450'], ['1230', '450'], ['1260', '450']]);
    const b = parseCsv(runTrace({ scenario: QUICKSTART, from: '09:19', to: '09:21' }));
    expect(b.map((r) => r.time_s)).toEqual(['1140', '1200', '1260']);
  });

  it('long format: one row per time and service, filtered by --service', () => {
    const s = quickstart();
    s.services.api = structuredClone(s.services.web);
    s.services.api.workload.requestRate = { constant: 7 };
    const file = writeScenario(tempDir(), 'two', s);
    const all = parseCsv(runTrace({ scenario: file, to: '2m' }));
    expect(all.map((r) => [r.time_s, r.service, r.rps])).toEqual([
      ['0', 'web', '150'], ['0', 'api', '7'], ['60', 'web', '150'], ['60', 'api', '7'], ['120', 'web', '150'], ['120', 'api', '7'],
    ]);
    const api = parseCsv(runTrace({ scenario: file, service: 'api', to: '2m' }));
    expect(api.map((r) => r.service)).toEqual(['api', 'api', 'api']);
  });

  it('noise matches the run for the same seed (stream trace/<service>/noise), and --seed changes it', () => {
    const s = quickstart();
    s.services.web.workload.requestRate = { constant: 200, noise: { cv: 0.1 } };
    const dir = tempDir();
    const file = writeScenario(dir, 'noisy', s);
    const a = parseCsv(runTrace({ scenario: file, seed: 5 }));
    const b = parseCsv(runTrace({ scenario: file, seed: 5 }));
    const c = parseCsv(runTrace({ scenario: file, seed: 6 }));
    expect(a).toEqual(b);
    expect(a.map((r) => r.rps)).not.toEqual(c.map((r) => r.rps));
    // the run's timeseries request_rate is the period mean of the same trace: the noise is
    // constant over each minute, so it equals the sampled rate at the period start
    runToFolder(loadScenarioFile(file, { seed: 5 }), { outDir: join(dir, 'out'), seed: 5 });
    const ts = parseCsv(readFileSync(join(dir, 'out', 'timeseries.csv'), 'utf8'));
    for (let i = 0; i < 10; i++) expect(Number(ts[i].request_rate)).toBeCloseTo(Number(a[i].rps), 3);
  });

  it('unknown service: UsageError in the expected/found form, with a did-you-mean hint', () => {
    expect(() => runTrace({ scenario: QUICKSTART, service: 'wbe' })).toThrow(UsageError);
    expect(() => runTrace({ scenario: QUICKSTART, service: 'wbe' })).toThrow(new UsageError('--service: expected a service of the scenario with a request rate (web), found "wbe" (did you mean "web"?)'));
    expect(() => runTrace({ scenario: QUICKSTART, service: 'nope' })).toThrow(new UsageError('--service: expected a service of the scenario with a request rate (web), found "nope"'));
    // a DAEMON log router has no workload: named as such; a misspelling of it is hinted,
    // saying it has none (trace would refuse it too); one of web among web's
    const daemon = 'scenarios/daemon-service.yaml';
    expect(() => runTrace({ scenario: daemon, service: 'log-router' })).toThrow(
      new UsageError('--service: expected a service of the scenario with a request rate (web), found "log-router" (a service of the scenario with no workload.requestRate)'),
    );
    expect(() => runTrace({ scenario: daemon, service: 'log-ruoter' })).toThrow(
      new UsageError('--service: expected a service of the scenario with a request rate (web), found "log-ruoter" (did you mean "log-router"? it has no workload.requestRate)'),
    );
    expect(() => runTrace({ scenario: daemon, service: 'wbe' })).toThrow(new UsageError('--service: expected a service of the scenario with a request rate (web), found "wbe" (did you mean "web"?)'));
  });

  it('a folder for the scenario: said as a results folder (pointing to explain), or as a folder', () => {
    const dir = tempDir();
    const results = join(dir, 'qs');
    runToFolder(loadScenarioFile(QUICKSTART, { durationMs: 600_000 }), { outDir: results, seed: 1 });
    const expected = 'expected a scenario file (YAML or JSON: trace prints the request rate its workloads offer, without running it)';
    // before --service is looked at: the folder is the first problem
    expect(() => runTrace({ scenario: results, service: 'nope' })).toThrow(
      `${results}: ${expected}, found a results folder (scenario "quickstart"); give the scenario file that run read, or run \`ecsim explain ${results}\` for what happened in the run`,
    );
    expect(() => runTrace({ scenario: dir })).toThrow(`${dir}: ${expected}, found a folder`);
    // a path with a space or a quote is one shell word in the suggested command
    const odd = join(dir, "it's a run");
    runToFolder(loadScenarioFile(QUICKSTART, { durationMs: 600_000 }), { outDir: odd, seed: 1 });
    expect(() => runTrace({ scenario: odd })).toThrow(`or run \`ecsim explain '${dir}/it'\\''s a run'\` for what happened in the run`);
  });

  it('a compare or sweep folder for the scenario: named as one, pointing to explain on one of its runs', () => {
    const expected = 'expected a scenario file (YAML or JSON: trace prints the request rate its workloads offer, without running it)';
    for (const [kind, file] of [['compare', 'comparison.csv'], ['sweep', 'sweep.csv']] as const) {
      const dir = tempDir();
      writeFileSync(join(dir, file), 'x\n');
      mkdirSync(join(dir, 'runs'));
      expect(() => runTrace({ scenario: dir })).toThrow(
        `${dir}: ${expected}, found a ${kind} folder; give a scenario file, or run \`ecsim explain\` on one of its runs (${dir}/runs/<name>)`,
      );
      // explain says the same kind, from the same look
      expect(() => runExplain({ results: dir })).toThrow(`: it is a ${kind} folder; explain one of its runs (${dir}/runs/<name>)`);
    }
  });

  it('a sweep folder without runs/ (--no-runs, or more points than it writes runs for): says it has none and how to get them', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'sweep.csv'), 'x\n');
    const none = 'one of its runs, but it has none (no runs/: run the sweep again with --runs)';
    expect(() => runTrace({ scenario: dir })).toThrow(`found a sweep folder; give a scenario file, or run \`ecsim explain\` on ${none}`);
    expect(() => runExplain({ results: dir })).toThrow(`: it is a sweep folder; explain ${none}`);
  });

  it('bad --step / --from / --to are UsageErrors naming the flag', () => {
    expect(() => runTrace({ scenario: QUICKSTART, step: 'often' })).toThrow(/^--step: expected a duration/);
    expect(() => runTrace({ scenario: QUICKSTART, step: '0s' })).toThrow(/--step: expected a duration greater than zero/);
    expect(() => runTrace({ scenario: QUICKSTART, from: 'noon' })).toThrow(/^--from: expected a duration since the start/);
    expect(() => runTrace({ scenario: QUICKSTART, from: '30m', to: '10m' })).toThrow(/^--to: expected a time at or after --from/);
  });

  it('a trace of more than 2000000 rows is refused up front (a 3000-day scenario at --step 1ms failed with "Invalid array length")', () => {
    const dir = tempDir();
    const twoServices = quickstart();
    twoServices.services.api = structuredClone(twoServices.services.web);
    const file = writeScenario(dir, 'two.yaml', twoServices);
    // quick start: 1 h; --step 1ms is 3 600 001 times, x 2 services
    expect(() => runTrace({ scenario: file, step: '1ms' })).toThrow(UsageError);
    expect(() => runTrace({ scenario: file, step: '1ms' })).toThrow(
      '--step: the trace would have 7200002 rows (3600001 times x 2 services), more than the 2000000 ecsim trace writes; use a larger --step, a narrower --from/--to or --service',
    );
    // the edge, without building 2 000 000 rows: 1 000 000 times x 2 services is written, one more time is not
    expect(() => checkTraceRows(2, 0, 999_999, 1)).not.toThrow();
    expect(() => checkTraceRows(2, 0, 1_000_000, 1)).toThrow(/would have 2000002 rows \(1000001 times x 2 services\)/);
    expect(() => checkTraceRows(1, 0, 1_999_999, 1)).not.toThrow();
    expect(() => checkTraceRows(1, 0, 2_000_000, 1)).toThrow(/would have 2000001 rows \(2000001 times x 1 service\)/);
    // a 3000-day scenario at 1 s: 259 200 001 times
    expect(() => checkTraceRows(1, 0, 3000 * 86_400_000, 1000)).toThrow(/would have 259200001 rows/);
  });

  it('--service output replays as the same load with interpolate: step (quick start: identical timeseries); the default linear ramps across the jump', async () => {
    const dir = tempDir();
    const traceFile = join(dir, 'web.csv');
    const said: string[] = [];
    const spy = vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => (said.push(String(chunk)), true));
    try {
      await traceCommand.handler({ scenario: QUICKSTART, service: 'web', out: traceFile, _: [], $0: 'ecsim' });
    } finally {
      spy.mockRestore();
    }
    expect(said).toEqual([`note: to replay web's trace as this load, use requestRate: {csv: {file: ${traceFile}, interpolate: step}}: each row's rate is held to the next row, as the trace's own jumps (step) are; the default interpolate: linear ramps between rows (a jump becomes a ramp over --step)\n`]);
    const timeseries = (name: string, requestRate?: Record<string, unknown>) => {
      const s = quickstart();
      if (requestRate) s.services.web.workload.requestRate = requestRate;
      const out = join(dir, name);
      runToFolder(loadScenarioFile(writeScenario(dir, name, s)), { outDir: out, seed: 1 });
      return readFileSync(join(out, 'timeseries.csv'), 'utf8');
    };
    const original = timeseries('original');
    expect(timeseries('step', { csv: { file: 'web.csv', interpolate: 'step' } })).toBe(original);
    // linear: 150 at 1140 s ramps to 450 at 1200 s, so the minute before the step averages 300, not 150
    const linear = parseCsv(timeseries('linear', { csv: { file: 'web.csv' } }));
    expect(Number(linear.find((r) => r.time_s === '1140')!.request_rate)).toBeCloseTo(300, 9);
  });

  it('--service on a trace of ramps says to replay with the default linear, which replays it as the same load (flash crowd: a step would make the ramps staircases)', async () => {
    const dir = tempDir();
    const scenario = writeScenario(dir, 'fc', readFileSync('scenarios/flash-crowd.yaml', 'utf8'));
    const said: string[] = [];
    const spy = vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => (said.push(String(chunk)), true));
    try {
      // the file as the scenario's csv.file names it: relative to the scenario's folder
      await traceCommand.handler({ scenario, service: 'web', out: join(dir, 'sub', 'web.csv'), _: [], $0: 'ecsim' });
    } finally {
      spy.mockRestore();
    }
    expect(said).toEqual([
      "note: to replay web's trace as this load, use requestRate: {csv: {file: sub/web.csv}}: the default interpolate: linear draws a line from row to row, as the trace's spikes' ramps change (exact for a ramp that starts and ends on a row, a curve to within --step); interpolate: step would hold each row's rate, a staircase\n",
    ]);
    const timeseries = (name: string, requestRate?: Record<string, unknown>) => {
      const s = loadYaml(readFileSync('scenarios/flash-crowd.yaml', 'utf8'));
      delete s.variants;
      delete s.expect;
      if (requestRate) s.services.web.workload.requestRate = requestRate;
      const out = join(dir, name);
      runToFolder(loadScenarioFile(writeScenario(dir, name, s)), { outDir: out, seed: 1 });
      return readFileSync(join(out, 'timeseries.csv'), 'utf8');
    };
    expect(timeseries('linear', { csv: { file: 'sub/web.csv' } })).toBe(timeseries('original'));
  });

  it('the replay hint of a trace with jumps and curves says neither interpolation replays it', () => {
    expect(traceChanges({ diurnal: {}, noise: { cv: 0.1 }, weekly: { weekendFactor: 1 } })).toEqual({ jumps: ['noise'], curves: ['diurnal'] });
    expect(traceChanges({ csv: { interpolate: 'step' }, spikes: [{ rampUp: 0, hold: 1, multiplier: 2 } as never] })).toEqual({ jumps: ['csv (interpolate: step)', 'spikes'], curves: [] });
    expect(replayHint('api', 't.csv', { diurnal: {}, noise: { cv: 0.1 } })).toBe(
      "note: api's trace both jumps (noise) and ramps or curves (diurnal): replayed from t.csv, interpolate: step keeps the jumps and makes the ramps staircases, the default linear keeps the ramps and ramps each jump over --step; neither is the same load (a smaller --step brings either closer)",
    );
  });

  it('an exact replay is promised only when every jump falls on a row (a whole number of --step after --from)', async () => {
    // a step at 90 s: off the rows of --step 1m (0, 60, 120 s), on those of 30 s, and on
    // those of 1m from --from 30 s (30, 90, 150 s)
    const st = build({ step: { from: 10, to: 100, at: 90 * S } });
    expect(jumpOffRows(st, 0, 10 * M, M)).toBe(90 * S);
    expect(jumpOffRows(st, 0, 10 * M, 30 * S)).toBeUndefined();
    expect(jumpOffRows(st, 30 * S, 10 * M, M)).toBeUndefined();
    // a jump after --to is outside the window
    expect(jumpOffRows(st, 0, 80 * S, M)).toBeUndefined();
    // noise every 1m: its first piece boundary (60 s) is between rows an hour apart
    const noise = build({ constant: 100, noise: { type: 'gaussian', cv: 0.2, every: M } });
    expect(jumpOffRows(noise, 0, D, H)).toBe(M);
    expect(jumpOffRows(noise, 0, D, M)).toBeUndefined();
    // weekly on Berlin's calendar from Monday 2026-03-23 00:00 local (23:00 UTC the day
    // before): Saturday 00:00 is 5 days on, Monday 00:00 after the switch to summer time
    // (2026-03-29 01:00 UTC) 7 days less 1 h on, off the rows of --step 1d. The switch itself
    // changes no factor (Sunday stays Sunday): not a jump, though it is a break before it.
    const start = Date.parse('2026-03-22T23:00:00Z');
    const weekly = build({ constant: 100, weekly: { weekendFactor: 0.5, timezone: 'Europe/Berlin' } }, 42, start);
    expect(jumpOffRows(weekly, 0, 8 * D, D)).toBe(7 * D - H);
    expect(jumpOffRows(weekly, 0, 8 * D, H)).toBeUndefined();
    expect(replayHint('web', 't.csv', { step: {} }, 90 * S)).toBe(
      "note: web's trace jumps (step) between the rows (the first at 90 s, not a whole number of --step after --from): replayed from t.csv, interpolate: step holds each row's rate to the next row, so such a jump moves to a row, and the default interpolate: linear ramps it over --step; neither is the same load (a smaller --step brings it closer; exact with interpolate: step when every jump falls on a row)",
    );
    // the CLI: the reviewer's step at 90 s traced at the default --step 1m
    const dir = tempDir();
    const s = quickstart();
    s.services.web.workload.requestRate = { step: { from: 10, to: 100, at: '90s' } };
    const scenario = writeScenario(dir, 'st90', s);
    const said: string[] = [];
    const spy = vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => (said.push(String(chunk)), true));
    try {
      await traceCommand.handler({ scenario, service: 'web', out: join(dir, 'web.csv'), _: [], $0: 'ecsim' });
      await traceCommand.handler({ scenario, service: 'web', step: '30s', out: join(dir, 'web.csv'), _: [], $0: 'ecsim' });
    } finally {
      spy.mockRestore();
    }
    expect(said[0]).toMatch(/^note: web's trace jumps \(step\) between the rows \(the first at 90 s,/);
    expect(said[1]).toMatch(/^note: to replay web's trace as this load, use requestRate: \{csv: \{file: web.csv, interpolate: step\}\}/);
  });

  it('--out writes the file instead of stdout', async () => {
    const out = join(tempDir(), 'trace.csv');
    await traceCommand.handler({ scenario: QUICKSTART, out, to: '1m', _: [], $0: 'ecsim' });
    expect(readFileSync(out, 'utf8')).toBe('time_s,timestamp,service,rps\n0,2026-03-02T09:00:00.000Z,web,150\n60,2026-03-02T09:01:00.000Z,web,150\n');
  });
});

describe('ecsim explain (quick start, seed 1)', () => {
  let dir: string;
  let text: string;
  beforeAll(() => {
    dir = join(tempDir(), 'qs');
    runToFolder(loadScenarioFile(QUICKSTART), { outDir: dir, seed: 1 });
    text = runExplain({ results: dir });
  });

  it('tells the load step at 09:20 (20m after the 09:00 start)', () => {
    expect(text).toContain('09:20  load steps from 150 to 450 rps (web)');
  });

  it('tells the 09:24 scale out 3 -> 5 with its reason: 3 datapoints above 60, ceil(3 x 100/60) = 5', () => {
    // CPU 100 % in the minutes 09:20, 09:21, 09:22 (3 tasks x 100 rps capacity vs 450 rps);
    // the third is visible at 09:24 (period end 09:23 + publish delay 1 min)
    expect(text).toMatch(/^09:24 {2}web: CPU above 60 % for 3 datapoints \(100\.0, 100\.0, 100\.0\) -> target tracking cpu set desired 3 -> 5 \(ceil\(3 x 100\.0\/60\) = 5\)$/m);
  });

  it('tells when the new tasks ran and took traffic (start-up 10 s + 2 s; one health check after 30 s)', () => {
    expect(text).toContain('09:24  web: the 2 new tasks of the 09:24 decision (web-4, web-5): RUNNING by 09:24:12 (12 s after the decision); web-4 healthy in the load balancer at 09:24:42');
  });

  it('tells the quiet start: 50 rps per task read 5 + 95 x 0.5 = 52.5 %, below 54 for 15 datapoints, but 3 is minCapacity', () => {
    expect(text).toMatch(/^09:17 {2}web: alarm TargetTracking-web-cpu-AlarmLow in ALARM: CPU below 54 % .*newest 52\.5\); no scale in: already at minCapacity 3$/m);
  });

  it('tells the first tasks waited for the instances to register (launchDelay 60 s): launchType EC2, so ECS created them then', () => {
    expect(text).toMatch(/^09:01 {2}web: no instance could take a task for 60 s \(no instance registered\); ECS created 3 tasks when i-0+1, i-0+2, i-0+3 registered$/m);
  });

  it('says why it did not scale in: CPU never fell below 54 % (90 % of 60)', () => {
    // the last scale out (7 -> 8) at 09:27; 8 tasks at 56.25 rps read 5 + 95 x 0.5625 = 58.4 %
    expect(text).toMatch(/^10:00 {2}web: no scale in since 09:27: CPU stayed at or above 54 % \(90 % of the target 60\), lowest 58\.4 %/m);
  });

  it('--from/--to keep the window; --service filters', () => {
    const w = runExplain({ results: dir, from: '09:15', to: '25m' });
    expect(w).toContain('09:24  web: CPU above 60 %');
    expect(w).not.toContain('09:30');
    expect(w).not.toContain('09:01');
    expect(runExplain({ results: dir, service: 'web' })).toContain('09:24  web: CPU above 60 %');
  });

  it('unknown service and missing folder are UsageErrors', () => {
    expect(() => runExplain({ results: dir, service: 'wbe' })).toThrow(new UsageError('--service: expected a service of this run (web), found "wbe" (did you mean "web"?)'));
    expect(() => runExplain({ results: dir, service: 'nope' })).toThrow(new UsageError('--service: expected a service of this run (web), found "nope"'));
    // the found values, as trace says them; --to past the run's end (1 h) refused as trace refuses it
    expect(() => runExplain({ results: dir, from: '30m', to: '10m' })).toThrow(/^--to: expected a time at or after --from \(1800 s\), found 600 s$/);
    expect(() => runExplain({ results: dir, to: '2h' })).toThrow(/^--to: expected a time at or before the run's end \(3600 s after the start\), found 7200 s$/);
    expect(runExplain({ results: dir, to: '1h' })).toContain('web');
    expect(() => runExplain({ results: join(dir, 'nope') })).toThrow(UsageError);
    // the words and files report uses (run-files.ts), not events.csv alone
    const empty = tempDir();
    expect(() => runExplain({ results: empty })).toThrow(
      new UsageError(`${empty}: expected a results folder (summary.json, timeseries.csv, capacity.csv, events.csv, tasks.csv, as written by ecsim run), found none of them`),
    );
  });

  it('the command prints the explanation', async () => {
    let out = '';
    const write = process.stdout.write.bind(process.stdout);
    process.stdout.write = ((c: string) => ((out += c), true)) as typeof process.stdout.write;
    try {
      await explainCommand.handler({ results: dir, _: [], $0: 'ecsim' });
    } finally {
      process.stdout.write = write;
    }
    expect(out.split('\n')[0]).toBe('quickstart (seed 1): 1 h from 2026-03-02 09:00 UTC; times are UTC');
  });
});

describe('ecsim explain of a service without a workload', () => {
  it('says the DAEMON log router has no workload (it said "load starts at 0 rps (log-router)")', () => {
    const dir = join(tempDir(), 'daemon');
    runToFolder(loadScenarioFile('scenarios/daemon-service.yaml', { durationMs: 1_800_000 }), { outDir: dir, seed: 10 });
    const text = runExplain({ results: dir, service: 'log-router' });
    expect(text).toMatch(/^08:00 {2}log-router has no workload: no load is offered to it$/m);
    expect(text).not.toMatch(/load starts at .*\(log-router\)/);
    // a service with a workload still has its load told
    expect(runExplain({ results: dir })).toMatch(/^08:00 {2}load starts at \d+ rps \(web\)$/m);
  });
});
