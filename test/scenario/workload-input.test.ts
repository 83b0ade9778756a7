// Request-rate and workload input that was accepted silently though it did not do what it
// said: CSV traces outside the run, keys a queue workload ignores, a noise cv or weekend
// factor written as a percent, trace steps so fine that runs crawl.

import { describe, it, expect } from 'vitest';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadScenarioFile, ScenarioError, scenarioWarnings } from '../../src/scenario/index.js';
import { runTrace } from '../../src/cli/actions/trace.js';
import { buildServiceTrace } from '../../src/sim/traces.js';
import { RandomStreams } from '../../src/engine/index.js';
import { buildTrace, noiseMeanFactor } from '../../src/workload/trace/index.js';
import { quickstart, tempDir, writeScenario } from '../helpers.js';

const dir = tempDir();

/** The quick start (1 h from 2026-03-02T09:00:00Z, epoch second 1772442000) with a CSV trace of `rows`. */
function withCsv(name: string, csv: string, patch: (s: Record<string, any>) => void = () => {}): string {
  writeFileSync(join(dir, `${name}.csv`), csv);
  const s = quickstart();
  s.services.web.workload.requestRate = { csv: { file: `${name}.csv` } };
  patch(s);
  return writeScenario(dir, name, s);
}

function refusal(file: string): string {
  try {
    loadScenarioFile(file);
  } catch (e) {
    expect(e).toBeInstanceOf(ScenarioError);
    const message = (e as ScenarioError).message;
    expect(message.split('\n')).toHaveLength(1);
    return message;
  }
  throw new Error(`${file} was accepted`);
}

const warningsOf = (file: string, durationMs?: number) =>
  scenarioWarnings(loadScenarioFile(file, { durationMs }), { durationOverridden: durationMs !== undefined }).map((w) => `${w.at.join('.')}: ${w.message}`);

describe('a CSV trace against the run (time_s: seconds since the start)', () => {
  it('epoch seconds: no row within the run, so the run would replay one value: refused, naming the file, both spans and the start in epoch seconds', () => {
    const file = withCsv('epoch', 'time_s,rps\n1772442000,100\n1772442060,400\n1772442120,100\n');
    expect(refusal(file)).toMatch(
      /services\.web\.workload\.requestRate\.csv\.file: no row of "epoch\.csv" falls within the run: its time_s runs from 1772442000 to 1772442120, the run from 0 to 3600 \(1h\), so the whole run would replay the one value 100; these look like Unix epoch seconds: .*\(1772442000 in epoch seconds\), subtract it$/,
    );
  });

  it('every row before the start: refused too (the last value would be held throughout)', () => {
    expect(refusal(withCsv('before', 'time_s,rps\n-600,100\n-60,250\n'))).toMatch(/no row of "before\.csv" falls within the run: its time_s runs from -600 to -60, .*the one value 250;/);
  });

  it('milliseconds: one row of three within the run is a warning with the hint to divide by 1000', () => {
    const file = withCsv('ms', 'time_s,rps\n0,100\n60000,400\n120000,100\n');
    expect(warningsOf(file)).toEqual([
      'services.web.workload.requestRate.csv.file: only 1 of the 3 rows of "ms.csv" falls within the run: its time_s runs from 0 to 120000, the run from 0 to 3600 (1h); milliseconds? time_s counts seconds since the scenario\'s start: divide them by 1000',
    ]);
  });

  it('a sparse file with a row before the start and one after the end: no warning (the run interpolates between them), and no milliseconds hint', () => {
    const file = withCsv('sparse', 'time_s,rps\n-600,100\n6000,200\n');
    expect(warningsOf(file)).toEqual([]);
    const s = loadScenarioFile(file);
    const trace = buildServiceTrace('web', s.services[0].config.workload!.requestRate, s, new RandomStreams(1));
    // linear from (-600 s, 100) to (6000 s, 200): 100 + 100 x 600 / 6600 at 0, 100 + 100 x 4200 / 6600 at 3600 s
    expect(trace.rateAt(0)).toBeCloseTo(100 + (100 * 600) / 6600, 9);
    expect(trace.rateAt(3_600_000)).toBeCloseTo(100 + (100 * 4200) / 6600, 9);
    // one row inside too: still fine
    expect(warningsOf(withCsv('sparse3', 'time_s,rps\n-600,100\n1800,150\n6000,200\n'))).toEqual([]);
  });

  it('milliseconds from 0 past the end: still the hint (every row within the run once divided by 1000)', () => {
    const [w] = warningsOf(withCsv('ms2', 'time_s,rps\n0,100\n1800000,400\n3600000,100\n'));
    expect(w).toMatch(/only 1 of the 3 rows of "ms2\.csv" falls within the run: .*; milliseconds\? .*divide them by 1000$/);
  });

  it('a 90 s trace in a 1 h run: warned that its last value is held for the other 58m30s', () => {
    const file = withCsv('short', 'time_s,rps\n0,100\n90,400\n');
    const [w] = warningsOf(file);
    expect(w).toMatch(/^services\.web\.workload\.requestRate\.csv\.file: "short\.csv" ends 58m30s before the run does \(its last value, 400, is held to the end\): its time_s runs from 0 to 90, the run from 0 to 3600 \(1h\); /);
  });

  /** Rows every `every` s from 0 to `to` s, rate 100 + the row's index. */
  const rowsTo = (to: number, every = 60) => {
    let out = 'time_s,rps\n';
    for (let t = 0, i = 0; t <= to; t += every, i++) out += `${t},${100 + i}\n`;
    return out;
  };

  it('per-minute rows 0..3540 with interpolate: step (a CloudWatch export): the last row covers the run\'s last minute, no warning', () => {
    const step = (s: Record<string, any>) => (s.services.web.workload.requestRate.csv.interpolate = 'step');
    expect(warningsOf(withCsv('cw', rowsTo(3540), step))).toEqual([]);
    // rows every 15 minutes, the last at 45 min: it covers 45..60 min
    expect(warningsOf(withCsv('cw15', rowsTo(2700, 900), step))).toEqual([]);
    // two minutes short: the last row covers 3480..3540, the run's last minute is held; no minutes hint (3480 x 60 is 58 h)
    expect(warningsOf(withCsv('cw-short', rowsTo(3480), step))).toEqual([
      'services.web.workload.requestRate.csv.file: "cw-short.csv" ends 2m before the run does (its last value, 158, is held to the end): its time_s runs from 0 to 3480, the run from 0 to 3600 (1h); time_s counts seconds since the scenario\'s start: give rows up to 3600, or shorten the run',
    ]);
  });

  it('the same rows with the default linear: warned (the rate after the last point is a guess), hinting at step, not minutes', () => {
    expect(warningsOf(withCsv('cw-linear', rowsTo(3540)))).toEqual([
      'services.web.workload.requestRate.csv.file: "cw-linear.csv" ends 1m before the run does (its last value, 159, is held to the end): its time_s runs from 0 to 3540, the run from 0 to 3600 (1h); time_s counts seconds since the scenario\'s start: if each row holds the rate from its time to the next row\'s (as a CloudWatch export\'s per-period values do), set interpolate: step; else give a row at 3600, or shorten the run',
    ]);
  });

  it('the minutes hint only when the file plausibly is in minutes: its last row x 60 from 90 % of the run to twice it', () => {
    // 0..59 (minutes of a 1 h run): 59 x 60 = 3540, 98 % of 3600
    expect(warningsOf(withCsv('min59', rowsTo(59, 1)))[0]).toMatch(/"min59\.csv" ends 59m1s before the run does .*; minutes\? time_s counts seconds since the scenario's start: multiply them by 60 \(or shorten the run\)$/);
    // 0..120: 7200 = twice the run, still
    expect(warningsOf(withCsv('min120', rowsTo(120, 10)))[0]).toMatch(/; minutes\? /);
    // 0..53: 3180, 88 % of the run: no
    expect(warningsOf(withCsv('min53', rowsTo(53, 1)))[0]).toMatch(/; time_s counts seconds since the scenario's start: give rows up to 3600, or shorten the run$/);
    // 0..1800 every 10 min: 108 000 is 30 runs: no
    expect(warningsOf(withCsv('half', rowsTo(1800, 600)))[0]).toMatch(/"half\.csv" ends 30m before the run does .*; time_s counts seconds since the scenario's start: give rows up to 3600, or shorten the run$/);
  });

  it('the messages name the time column as the scenario names it (timeColumn: ts), not time_s', () => {
    const ts = (s: Record<string, any>) => Object.assign(s.services.web.workload.requestRate.csv, { timeColumn: 'ts' });
    const [w] = warningsOf(withCsv('ts-short', 'ts,rps\n0,100\n600,200\n1800,400\n', ts));
    expect(w).toBe(
      'services.web.workload.requestRate.csv.file: "ts-short.csv" ends 30m before the run does (its last value, 400, is held to the end): its ts runs from 0 to 1800, the run from 0 to 3600 (1h); ts counts seconds since the scenario\'s start: give rows up to 3600, or shorten the run',
    );
    expect(refusal(withCsv('ts-epoch', 'ts,rps\n1772442000,100\n1772442060,400\n', ts))).toMatch(/its ts runs from 1772442000 to 1772442060, .*these look like Unix epoch seconds: ts counts seconds since the scenario's start \(1772442000 in epoch seconds\), subtract it$/);
  });

  it('a trace whose first row is after 0 is warned of: its first value is held from the start (as a short one\'s last is held to the end)', () => {
    // 1 h run; first row at 300 s = 5m after the start
    expect(warningsOf(withCsv('late', 'time_s,rps\n300,100\n1800,400\n3600,100\n'))).toEqual([
      'services.web.workload.requestRate.csv.file: "late.csv" starts 5m after the run does (its first value, 100, is held from the start): its time_s runs from 300 to 3600, the run from 0 to 3600 (1h); time_s counts seconds since the scenario\'s start: give a row at 0',
    ]);
    // both ends: 300 s late, 1800 s short (3600 - 1800; rows 600 apart, so not one spacing short)
    const [both] = warningsOf(withCsv('late-short', 'time_s,rps\n300,100\n1200,300\n1800,400\n', (s) => Object.assign(s.services.web.workload.requestRate.csv, { interpolate: 'step' })));
    expect(both).toMatch(/: "late-short\.csv" starts 5m after the run does \(its first value, 100, is held from the start\), and "late-short\.csv" ends 30m before the run does \(its last value, 400, is held to the end\): its time_s runs from 300 to 1800, .*give rows up to 3600, or shorten the run$/);
    // less than a millisecond after 0 (simulated time is whole ms): not warned of
    expect(warningsOf(withCsv('late-float', 'time_s,rps\n0.0004,100\n1800,400\n3600,100\n'))).toEqual([]);
  });

  it('a step file with a gap in its rows (a CloudWatch export leaves out minutes of no requests) is warned of: the rate before the gap is held over it; not with linear', () => {
    // per-minute rows 0..3540 of 100/s, 250/s at 540, minutes 600..840 missing (540 -> 900:
    // 6m, more than 1.5 x 1m), and 1800..1860 missing (1740 -> 1920: 3m)
    const rowsWithGaps = (missing: (t: number) => boolean) => {
      let out = 'time_s,rps\n';
      for (let t = 0; t <= 3540; t += 60) if (!missing(t)) out += `${t},${t === 540 ? 250 : 100}\n`;
      return out;
    };
    const step = (s: Record<string, any>) => Object.assign(s.services.web.workload.requestRate.csv, { interpolate: 'step' });
    const gaps = rowsWithGaps((t) => (t >= 600 && t <= 840) || (t >= 1800 && t <= 1860));
    expect(warningsOf(withCsv('gaps', gaps, step))).toEqual([
      'services.web.workload.requestRate.csv.file: rows time_s 540 and 900 are 6m apart, where most rows are 1m apart (2 such gaps in the run): with interpolate: step the rate of row time_s 540, 250/s, is held over the gap; a CloudWatch export leaves out the periods with no requests (the metric is not reported), so if these are such periods, add a row of 0 for each',
    ]);
    // one gap of exactly 1.5 x the spacing (90 s in rows 60 s apart): not warned of; rows filled with 0: none
    const ninety = rowsWithGaps((t) => t === 180).replace('\n240,', '\n210,100\n240,');
    expect(warningsOf(withCsv('gap-90', ninety, step)).filter((w) => w.includes('apart, where most rows'))).toEqual([]);
    expect(warningsOf(withCsv('gaps-filled', rowsWithGaps(() => false), step))).toEqual([]);
    // a hand-written step file (each row where the rate changes, no spacing the most of them): not warned of
    expect(warningsOf(withCsv('hand-step', 'time_s,rps\n0,100\n630,200\n900,100\n3600,50\n', step)).filter((w) => w.includes('apart, where most rows'))).toEqual([]);
    // linear: the rows are points, a ramp across the gap is what they say
    expect(warningsOf(withCsv('gaps-linear', gaps)).filter((w) => w.includes('apart, where most rows'))).toEqual([]);
  });

  it('a trace covering the run says nothing, nor one cut short on purpose by --duration', () => {
    expect(warningsOf(withCsv('fits', 'time_s,rps\n0,100\n1800,400\n3600,100\n'))).toEqual([]);
    expect(warningsOf(withCsv('longer', 'time_s,rps\n-60,100\n600,300\n1800,400\n7200,100\n'))).toEqual([]);
    expect(warningsOf(withCsv('cut', 'time_s,rps\n0,100\n600,400\n'), 300_000)).toEqual([]);
    // less than a millisecond short (float noise in a generated file): simulated time is whole ms
    expect(warningsOf(withCsv('float', 'time_s,rps\n0,100\n1800,400\n3599.9999999,100\n'))).toEqual([]);
    const [w] = warningsOf(withCsv('ms-short', 'time_s,rps\n0,100\n1800,400\n3599.9985,100\n'));
    expect(w).toMatch(/"ms-short\.csv" ends 2ms before the run does/);
  });

  it('ISO date-times in time_s: refused with the seconds since the start of the first refused row (start 2026-03-02T09:00:00Z)', () => {
    const basis = "time_s counts seconds since the scenario's start";
    expect(refusal(withCsv('iso', 'time_s,rps\n2026-03-02T09:05:00Z,100\n2026-03-02T09:06:00Z,200\n'))).toMatch(
      new RegExp(`requestRate\\.csv\\.file: expected a time in seconds, found "2026-03-02T09:05:00Z" at iso\\.csv, line 2, column 1 \\("time_s"\\); 2026-03-02T09:05:00Z is 300 s after the scenario's start 2026-03-02T09:00:00Z: ${basis}, so write 300 for it \\(each row's time minus the start, in seconds\\)$`),
    );
    // an hour before, written with a space and no offset (read as UTC)
    expect(refusal(withCsv('iso-space', 'time_s,rps\n2026-03-02 08:00:00,100\n'))).toMatch(/found "2026-03-02 08:00:00" at iso-space\.csv, line 2, column 1 \("time_s"\); 2026-03-02 08:00:00 \(no offset: read as UTC\) is 3600 s before the scenario's start 2026-03-02T09:00:00Z: .*so write -3600 for it/);
    // 10:00 at +01:00 is 09:00 UTC
    expect(refusal(withCsv('iso-offset', 'time_s,rps\n2026-03-02T10:00:00+01:00,100\n'))).toMatch(/; 2026-03-02T10:00:00\+01:00 is the scenario's start 2026-03-02T09:00:00Z: .*so write 0 for it/);
    // a time that is not ISO: no hint
    expect(refusal(withCsv('not-iso', 'time_s,rps\n09:05,100\n'))).toMatch(/expected a time in seconds, found "09:05" at not-iso\.csv, line 2, column 1 \("time_s"\)$/);
  });

  it('ISO date-times with no start written: says start is the default and to set it to the first time', () => {
    const file = withCsv('iso-nostart', 'time_s,rps\n2026-03-02T06:00:00Z,100\n', (s) => delete s.start);
    expect(refusal(file)).toMatch(
      /found "2026-03-02T06:00:00Z" at iso-nostart\.csv, line 2, column 1 \("time_s"\); time_s counts seconds since the scenario's start, and start is not set \(the default is 2026-01-05T00:00:00Z\): set start to the trace's first time and write each row's time as the seconds since it \(0 for 2026-03-02T06:00:00Z\)$/,
    );
  });

  it('`ecsim trace --service` output replays as a CSV trace without options (columns time_s and rps)', () => {
    const out = runTrace({ scenario: writeScenario(dir, 'qs', quickstart()), service: 'web' });
    const file = withCsv('replay', out);
    const s = loadScenarioFile(file);
    const trace = buildServiceTrace('web', s.services[0].config.workload!.requestRate, s, new RandomStreams(1));
    // the quick start: 150 rps, 450 from 20m; rows every minute, replayed exactly at each row
    expect([0, 1_140_000, 1_200_000, 3_600_000].map((t) => trace.rateAt(t))).toEqual([150, 150, 450, 450]);
  });

  it('the output of several services repeats each time: the error says to write it with --service', () => {
    const s = quickstart();
    s.services.api = structuredClone(s.services.web);
    const out = runTrace({ scenario: writeScenario(dir, 'two', s), to: '2m' });
    expect(refusal(withCsv('two-services', out))).toMatch(/requestRate\.csv\.file: expected a time after 0 \(line 2\), found 0 at two-services\.csv, line 3, column 1 \("time_s"\); times must increase; a file from `ecsim trace` holds one service only when written with --service$/);
  });
});

describe('keys a queue workload would ignore are refused (as cpuPerBusySlot on http)', () => {
  const queue = (patch: (s: Record<string, any>) => void) => {
    const s = quickstart();
    const w = s.services.web.workload;
    w.type = 'queue';
    delete w.maxQueuePerTask;
    delete w.slo.errorRate;
    delete w.perTask.capacityRps;
    delete w.perTask.cpuBaseline;
    s.services.web.autoScaling.policies = {};
    delete s.services.web.loadBalancer.routing;
    patch(s);
    return writeScenario(dir, `queue-${Math.random().toString(36).slice(2)}`, s);
  };

  it('maxQueuePerTask (queue messages wait in one shared queue without a bound)', () => {
    expect(refusal(queue((s) => (s.services.web.workload.maxQueuePerTask = 5)))).toMatch(
      /:\d+: services\.web\.workload\.maxQueuePerTask: expected no maxQueuePerTask on a queue workload .*found number 5; remove it$/,
    );
  });

  it('slo.errorRate (a queue refuses no message: it waits in the shared queue until it expires), while latencyP95 is accepted', () => {
    expect(refusal(queue((s) => (s.services.web.workload.slo.errorRate = 1)))).toMatch(
      /:\d+: services\.web\.workload\.slo\.errorRate: expected no errorRate on a queue workload \(its messages are not refused: they wait in the shared queue, dropped only once older than messageRetentionPeriod\), found number 1; use slo\.latencyP95$/,
    );
    expect(loadScenarioFile(queue((s) => (s.services.web.workload.slo = { latencyP95: '2s' }))).services[0].config.workload!.slo).toEqual({ latencyP95: 2000 });
  });

  it('messageRetentionPeriod: SQS\'s MessageRetentionPeriod, 60 s to 1 209 600 s (14 days) in whole seconds, default 4 days; refused on http', () => {
    const retention = (v: unknown) => loadScenarioFile(queue((s) => (s.services.web.workload.messageRetentionPeriod = v))).services[0].config.workload!.messageRetentionPeriod;
    expect(retention('60s')).toBe(60_000);
    expect(retention('14d')).toBe(1_209_600_000);
    expect(retention(345_600)).toBe(345_600_000);
    expect(loadScenarioFile(queue(() => {})).services[0].config.workload!.messageRetentionPeriod).toBeUndefined();
    expect(refusal(queue((s) => (s.services.web.workload.messageRetentionPeriod = '59s')))).toMatch(
      /:\d+: services\.web\.workload\.messageRetentionPeriod: expected 60s to 1209600s \(SQS's MessageRetentionPeriod range, CreateQueue: default 345600 \(4 days\)\), found 59s$/,
    );
    expect(refusal(queue((s) => (s.services.web.workload.messageRetentionPeriod = '15d')))).toMatch(/messageRetentionPeriod: expected 60s to 1209600s .*found 15d \(1296000s\)$/);
    expect(refusal(queue((s) => (s.services.web.workload.messageRetentionPeriod = '90.5s')))).toMatch(/messageRetentionPeriod: expected a whole number of seconds/);
    const http = quickstart();
    http.services.web.workload.messageRetentionPeriod = '1d';
    expect(refusal(writeScenario(dir, `http-retention-${Math.random().toString(36).slice(2)}`, http))).toMatch(
      /:\d+: services\.web\.workload\.messageRetentionPeriod: expected no messageRetentionPeriod on an http workload \(it is an SQS queue's MessageRetentionPeriod: how long a message may wait before SQS deletes it\), found "1d"; remove it, or set type: queue$/,
    );
  });

  it('loadBalancer.routing, while its health check and deregistration delay are accepted (the health check still applies)', () => {
    expect(refusal(queue((s) => (s.services.web.loadBalancer.routing = 'random')))).toMatch(
      /:\d+: services\.web\.loadBalancer\.routing: expected no routing on a queue service .*found "random"; remove it \(healthCheck still applies\)$/,
    );
    const s = loadScenarioFile(queue((x) => (x.services.web.loadBalancer = { deregistrationDelay: '30s', healthCheck: { interval: '10s' } })));
    expect(s.services[0].config.loadBalancer).toMatchObject({ deregistrationDelay: 30_000, healthCheck: { interval: 10_000 } });
  });

  it('on http both stay accepted', () => {
    const s = quickstart();
    s.services.web.workload.maxQueuePerTask = 5;
    s.services.web.loadBalancer.routing = 'random';
    expect(loadScenarioFile(writeScenario(dir, 'http-keys', s)).services[0].config.workload!.maxQueuePerTask).toBe(5);
  });
});

describe('keys of the load on a service without a workload are refused (it has no load: they would be ignored)', () => {
  const noWorkload = (patch: (s: Record<string, any>) => void) => {
    const s = quickstart();
    delete s.services.web.workload;
    delete s.services.web.autoScaling;
    if (s.services.web.loadBalancer) delete s.services.web.loadBalancer.routing;
    patch(s);
    return writeScenario(dir, `no-workload-${Math.random().toString(36).slice(2)}`, s);
  };

  it('fidelity, either value (fluid, the default, too)', () => {
    for (const fidelity of ['request', 'fluid']) {
      expect(refusal(noWorkload((s) => (s.services.web.fidelity = fidelity)))).toMatch(
        new RegExp(`:\\d+: services\\.web\\.fidelity: expected no fidelity on a service without a workload .*found "${fidelity}"; remove it or add a workload$`),
      );
    }
  });

  it('loadBalancer.routing, while the load balancer itself (health checks, deregistration delay) is accepted', () => {
    expect(refusal(noWorkload((s) => (s.services.web.loadBalancer = { routing: 'random' })))).toMatch(
      /:\d+: services\.web\.loadBalancer\.routing: expected no routing on a service without a workload .*found "random"; remove it or add a workload \(healthCheck still applies\)$/,
    );
    const s = loadScenarioFile(noWorkload((x) => (x.services.web.loadBalancer = { deregistrationDelay: '30s', healthCheck: { interval: '10s' } })));
    expect(s.services[0].config.workload).toBeUndefined();
    expect(s.services[0].config.loadBalancer).toMatchObject({ deregistrationDelay: 30_000, healthCheck: { interval: 10_000 } });
  });

  it('with a workload both stay accepted', () => {
    const s = quickstart();
    s.services.web.fidelity = 'request';
    s.services.web.loadBalancer.routing = 'random';
    const config = loadScenarioFile(writeScenario(dir, 'with-workload-keys', s)).services[0].config;
    expect(config.fidelity).toBe('request');
    expect(config.loadBalancer!.routing).toBe('random');
  });
});

describe('noise cv and weekendFactor written as percents are warned of', () => {
  const rate = (requestRate: unknown) => {
    const s = quickstart();
    s.services.web.workload.requestRate = requestRate;
    return writeScenario(dir, `rate-${Math.random().toString(36).slice(2)}`, s);
  };

  it('a randomWalk volatility above 1 (the sd of its log-step: e^1 = 2.7 times a step) is warned of, 1 and below not', () => {
    const walk = (volatility: number) => rate({ randomWalk: { start: 200, volatility, every: '1m' } });
    const of = (file: string) => scenarioWarnings(loadScenarioFile(file), {}).filter((w) => w.at.join('.') === 'services.web.workload.requestRate.randomWalk.volatility').map((w) => w.message);
    expect(of(walk(5))).toEqual([
      "volatility is the standard deviation of the walk's log-step per every (0.05 for steps of about 5 %), found 5: about a third of its steps multiply or divide the rate by e^5 or more, so the rate leaps between its bounds rather than walking; for 5 % write 0.05",
    ]);
    expect(of(walk(1e300))).toHaveLength(1);
    expect(of(walk(1))).toEqual([]);
    expect(of(walk(0.05))).toEqual([]);
  });

  it('the mean of the clipped noise factor, hand-derived: 1 + cv (g(1/cv) - g(4)), g(b) = phi(b) - b Q(b)', () => {
    // g(4) = 1.3383e-4 - 4 x 3.1671e-5 = 7.15e-6; g(2) = 0.053991 - 2 x 0.022750 = 0.008491;
    // g(1) = 0.241971 - 0.158655 = 0.083315; g(0.5) = 0.352065 - 0.5 x 0.308538 = 0.197797
    expect(noiseMeanFactor(0.1)).toBe(1);
    expect(noiseMeanFactor(0.25)).toBe(1);
    expect(noiseMeanFactor(0.5)).toBeCloseTo(1 + 0.5 * (0.008491 - 7.15e-6), 5); // 1.00424
    expect(noiseMeanFactor(1)).toBeCloseTo(1 + (0.083315 - 7.15e-6), 5); // 1.08331
    expect(noiseMeanFactor(2)).toBeCloseTo(1 + 2 * (0.197797 - 7.15e-6), 5); // 1.39558
  });

  it('and the trace has that mean: constant 1 with noise cv 2 over 200 000 one-second steps', () => {
    const t = buildTrace({ constant: 1, noise: { type: 'gaussian', cv: 2, every: 1000 } }, { startEpochMs: 0, streams: new RandomStreams(3), streamKey: 'x' });
    // the clipped factor's sd is below 2: 4 standard errors are 4 x 2 / sqrt(200 000) = 0.018
    expect(Math.abs(t.meanRate(0, 200_000_000) - 1.39558)).toBeLessThan(0.018);
  });

  it('cv above 1 (the mean rises 153 % at cv 5), not at 1', () => {
    expect(warningsOf(rate({ constant: 100, noise: { cv: 5 } }))).toEqual([
      'services.web.workload.requestRate.noise.cv: cv is a fraction (0.1 for a 10 % spread), found 5: the factor 1 + cv x Z is clipped at 0 so often that the mean rate is 153 % above the trace\'s without noise; for 5 % write 0.05',
    ]);
    expect(warningsOf(rate({ constant: 100, noise: { cv: 1 } }))).toEqual([]);
  });

  it('weekendFactor above 10, not at 10', () => {
    expect(warningsOf(rate({ constant: 100, weekly: { weekendFactor: 60 } }))).toEqual([
      'services.web.workload.requestRate.weekly.weekendFactor: weekendFactor multiplies the weekend\'s rate, found 60 (60 times the weekday rate); for 60 % of it write 0.6',
    ]);
    expect(warningsOf(rate({ constant: 100, weekly: { weekendFactor: 10 } }))).toEqual([]);
  });

  it('floors on how finely a trace changes: diurnal.period >= 1m, noise.every and randomWalk.every >= 1s', () => {
    expect(refusal(rate({ diurnal: { min: 10, max: 50, period: '59s' } }))).toMatch(/requestRate\.diurnal\.period: expected at least 1m \(.*\), found 59s$/);
    expect(refusal(rate({ constant: 10, noise: { cv: 0.1, every: '999ms' } }))).toMatch(/requestRate\.noise\.every: expected at least 1s \(.*\), found 999ms$/);
    expect(refusal(rate({ randomWalk: { start: 10, volatility: 0.1, every: '500ms' } }))).toMatch(/requestRate\.randomWalk\.every: expected at least 1s \(.*\), found 500ms$/);
    for (const ok of [{ diurnal: { min: 10, max: 50, period: '1m' } }, { constant: 10, noise: { cv: 0.1, every: '1s' } }, { randomWalk: { start: 10, volatility: 0.1, every: '1s' } }]) {
      expect(() => loadScenarioFile(rate(ok))).not.toThrow();
    }
  });
});

describe('a CSV trace whose value column is its time column is refused (the rate would be the time)', () => {
  it('names valueColumn, what it expected, what it found and a hint', () => {
    const file = withCsv('same-column', 'time_s,rps\n0,100\n300,200\n', (s) => {
      s.services.web.workload.requestRate.csv.valueColumn = 'time_s';
    });
    expect(refusal(file)).toMatch(
      /same-column\.yaml:\d+: services\.web\.workload\.requestRate\.csv\.valueColumn: expected a column other than timeColumn \("time_s"\), found "time_s": the rate would be the time; name the column holding the requests per second$/,
    );
  });
  it('the same name given as timeColumn (the default valueColumn) is refused too', () => {
    const file = withCsv('same-column-2', 'rps,x\n0,100\n300,200\n', (s) => {
      s.services.web.workload.requestRate.csv.timeColumn = 'rps';
    });
    expect(refusal(file)).toMatch(/: services\.web\.workload\.requestRate\.csv\.valueColumn: expected a column other than timeColumn \("rps"\), found "rps"/);
  });
});
