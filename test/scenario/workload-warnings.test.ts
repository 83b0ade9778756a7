// Load-time checks of a workload against its task and its metric period: memory above the
// task's hard limit (ECS kills such a container: "OutOfMemoryError: Container killed due to
// memory usage", repost.aws/knowledge-center/ecs-resolve-outofmemory-errors), and traces
// that change faster than fluid fidelity's one mean rate per metric period.

import { describe, it, expect } from 'vitest';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { cli, quickstart, tempDir, writeScenario } from '../helpers.js';
import { loadScenarioFile, ScenarioError, scenarioWarnings } from '../../src/scenario/index.js';

const dir = tempDir();
const load = (name: string, mutate: (s: Record<string, any>) => void) => {
  const s = quickstart();
  mutate(s);
  return writeScenario(dir, name, s);
};
const warned = (file: string) => scenarioWarnings(loadScenarioFile(file)).map((w) => `${w.at.join('.')}: ${w.message}`);

describe('memoryMiB against the task hard memory limit', () => {
  it('refuses memoryMiB.base above the task-level memory (512): exit 2, one line naming the key', async () => {
    const file = load('base-over', (s) => (s.services.web.workload.perTask.memoryMiB = { base: 2000, perRps: 1 }));
    expect(() => loadScenarioFile(file)).toThrow(ScenarioError);
    const r = await cli('validate', file);
    expect(r.code).toBe(2);
    const lines = r.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/services\.web\.workload\.perTask\.memoryMiB\.base: expected at most the task's hard memory limit 512 MiB \(task definition web\), found 2000: ECS would kill its container at once \(OutOfMemoryError\); raise the task's memory or lower base$/);
  });

  it('the limit without task-level memory is the sum of the containers\' hard limits; none when a container has only memoryReservation', () => {
    const hard = load('containers-hard', (s) => {
      delete s.taskDefinitions.web.memory;
      s.taskDefinitions.web.containerDefinitions = { app: { cpu: 128, memory: 300 }, side: { cpu: 128, memory: 100 } };
      s.services.web.workload.perTask.memoryMiB = { base: 401, perRps: 0 };
    });
    expect(() => loadScenarioFile(hard)).toThrow(/limit 400 MiB/);
    const soft = load('containers-soft', (s) => {
      delete s.taskDefinitions.web.memory;
      s.taskDefinitions.web.containerDefinitions = { app: { cpu: 256, memoryReservation: 400 } };
      s.services.web.workload.perTask.memoryMiB = { base: 600, perRps: 0 };
    });
    expect(() => loadScenarioFile(soft)).not.toThrow();
  });

  it('warns when base + perRps x capacityRps passes the limit: 200 + 4 x 100 = 600 > 512, killed above (512 - 200) / 4 = 78/s', () => {
    const file = load('peak-over', (s) => (s.services.web.workload.perTask.memoryMiB = { base: 200, perRps: 4 }));
    expect(warned(file)).toEqual([
      "services.web.workload.perTask.memoryMiB: base 200 + perRps 4 x 100 requests/s (what a task serves at most) = 600 MiB, above the task's hard memory limit 512 MiB: a task serving more than 78/s over a metric period will be killed (OutOfMemoryError, stop reason out-of-memory) and replaced",
    ]);
    // 200 + 3 x 100 = 500: fits
    expect(warned(load('peak-fits', (s) => (s.services.web.workload.perTask.memoryMiB = { base: 200, perRps: 3 })))).toEqual([]);
  });

  it('an I/O-bound http task serves at most concurrency 4 / mean 40 ms = 100/s, not its capacityRps 500: 200 + 2 x 100 = 400 fits, 200 + 4 x 100 = 600 does not', () => {
    const ioBound = (name: string, perRps: number) =>
      load(name, (s) => (s.services.web.workload.perTask = { capacityRps: 500, cpuBaseline: 10, concurrency: 4, serviceTime: { distribution: 'exponential', mean: '40ms' }, memoryMiB: { base: 200, perRps } }));
    // 200 + 2 x 500 = 1200 would be warned of, but no task serves 500/s
    const memory = (file: string) => warned(file).filter((w) => w.startsWith('services.web.workload.perTask.memoryMiB:'));
    expect(memory(ioBound('io-fits', 2))).toEqual([]);
    expect(memory(ioBound('io-over', 4))).toEqual([
      "services.web.workload.perTask.memoryMiB: base 200 + perRps 4 x 100 requests/s (what a task serves at most) = 600 MiB, above the task's hard memory limit 512 MiB: a task serving more than 78/s over a metric period will be killed (OutOfMemoryError, stop reason out-of-memory) and replaced",
    ]);
  });
});

describe('fluid fidelity: trace changes shorter than metrics.period', () => {
  it('warns of a spike hold, a step interval and a noise interval under 60 s, naming the key; not at 60 s, not with fidelity request', () => {
    const file = load('short', (s) => {
      s.services.web.workload.requestRate = { step: { from: 150, steps: [{ at: '10m', to: 450 }, { at: '10m30s', to: 150 }, { at: '20m', to: 300 }] }, spikes: [{ at: '30m', hold: '20s', multiplier: 3 }, { at: '40m', hold: '60s', multiplier: 3 }], noise: { cv: 0.1, every: '10s' } };
    });
    const w = warned(file);
    expect(w.map((x) => x.split(':')[0])).toEqual(['services.web.workload.requestRate.spikes.0.hold', 'services.web.workload.requestRate.step', 'services.web.workload.requestRate.noise.every']);
    expect(w[0]).toMatch(/^services\.web\.workload\.requestRate\.spikes\.0\.hold: 20s is shorter than metrics\.period 1m: fluid fidelity uses one mean rate per metric period.*use fidelity: request or a shorter metrics\.period$/);
    expect(w[1]).toMatch(/steps at 10m and 10m30s are 30s apart, less than metrics\.period 1m/);
    const request = load('short-request', (s) => {
      s.services.web.workload.requestRate = { constant: 150, spikes: [{ at: '30m', hold: '20s', multiplier: 3 }] };
      s.services.web.fidelity = 'request';
    });
    expect(warned(request)).toEqual([]);
    const period = load('short-period', (s) => {
      s.services.web.workload.requestRate = { constant: 150, spikes: [{ at: '30m', hold: '20s', multiplier: 3 }] };
      s.metrics = { period: '20s', publishDelay: '60s' };
      s.services.web.autoScaling.policies = {};
    });
    expect(warned(period)).toEqual([]);
  });
});

describe('fluid fidelity: a jump inside a metric period', () => {
  // fluid takes the period's mean rate: a step 200 -> 480 at 5m30s reads 340/s over 5m-6m
  const advice = /fluid fidelity uses one mean rate per metric period, so the period averages the levels before and after it.*align (it|them) to a multiple of metrics\.period 1m or use fidelity: request$/;
  it('warns of a step, a spike edge and a short ramp starting off the 1 min grid, naming the key; not on the grid, not with fidelity request', () => {
    const off = load('inside', (s) => {
      s.services.web.workload.requestRate = { step: { from: 200, to: 480, at: '5m30s' }, spikes: [{ at: '7m10s', hold: '2m', multiplier: 2 }, { at: '12m', hold: '2m', multiplier: 2 }] };
    });
    const w = warned(off);
    expect(w.map((x) => x.split(': ')[0])).toEqual(['services.web.workload.requestRate.step.at', 'services.web.workload.requestRate.spikes.0']);
    expect(w[0]).toMatch(/: the step at 5m30s falls inside the metric period 5m-6m: /);
    expect(w[0]).toMatch(advice);
    expect(w[1]).toMatch(/: the spike rises at 7m10s and falls at 9m10s, inside metric periods: /);
    expect(w[1]).toMatch(advice);
    const list = load('inside-list', (s) => {
      s.services.web.workload.requestRate = { step: { from: 200, steps: [{ at: '5m', to: 480 }, { at: '8m45s', to: 300 }] } };
    });
    expect(warned(list).map((x) => x.split(': ').slice(0, 2).join(': '))).toEqual(['services.web.workload.requestRate.step.steps.1.at: the step at 8m45s falls inside the metric period 8m-9m']);
    const ramp = load('inside-ramp', (s) => {
      s.services.web.workload.requestRate = { ramp: { from: 200, to: 480, start: '5m30s', end: '5m50s' } };
    });
    expect(warned(ramp).map((x) => x.split(': ').slice(0, 2).join(': '))).toEqual(['services.web.workload.requestRate.ramp: the ramp from 5m30s to 5m50s is shorter than metrics.period 1m']);
    // on the grid, or a ramp of a period or more: nothing
    const on = load('on-grid', (s) => {
      s.services.web.workload.requestRate = { step: { from: 200, to: 480, at: '5m' }, spikes: [{ at: '7m', hold: '2m', multiplier: 2 }] };
    });
    expect(warned(on)).toEqual([]);
    const long = load('long-ramp', (s) => {
      s.services.web.workload.requestRate = { ramp: { from: 200, to: 480, start: '5m30s', end: '6m30s' } };
    });
    expect(warned(long)).toEqual([]);
    const request = load('inside-request', (s) => {
      s.services.web.workload.requestRate = { step: { from: 200, to: 480, at: '5m30s' } };
      s.services.web.fidelity = 'request';
    });
    expect(warned(request)).toEqual([]);
  });
});

describe('fluid fidelity: a CSV trace whose rows change the rate inside a metric period', () => {
  // as a `step` at 10m30s or steps 10 s apart are warned of: fluid reads the file through one
  // mean rate per 1 min period, so a jump at 630 s counts from 600 s at half its height
  const csvTrace = (name: string, rows: string, interpolate: 'step' | 'linear', fidelity = 'fluid') => {
    writeFileSync(join(dir, `${name}.csv`), `time_s,rps\n${rows}`);
    return load(name, (s) => {
      s.services.web.workload.requestRate = { csv: { file: `${name}.csv`, interpolate } };
      s.services.web.fidelity = fidelity;
    });
  };
  const at = 'services.web.workload.requestRate.csv.file: ';
  it('interpolate: step, a row at 630 s: the jump inside 10m-11m, the row said by its time_s', () => {
    expect(warned(csvTrace('csv-inside', '0,100\n630,200\n3600,50\n', 'step'))).toEqual([
      `${at}the rate changes at row time_s 630 (10m30s), inside the metric period 10m-11m: fluid fidelity uses one mean rate per metric period, so the period averages the levels before and after it (the new level counts from the period start: served requests, drops, CPU and scaling see it up to a period early or softened); align the rows to a multiple of metrics.period 1m or use fidelity: request`,
    ]);
  });
  it('interpolate: step, jumps closer than a period: one warning for the file, the first pair and how many; a lone jump off the grid besides', () => {
    // jumps at 600, 610 (10 s), 630 (20 s after 610), none at 615 (same rate), 1000.5 and 1200.1 (off the grid, far apart)
    const w = warned(csvTrace('csv-close', '0,100\n600,200\n610,300\n615,300\n630,100\n1000.5,7\n1200.1,8\n1300,8\n3600,8\n', 'step'));
    expect(w).toEqual([
      `${at}the rate changes at rows time_s 600 and 610, 10s apart, less than metrics.period 1m (2 such pairs of changes in the run): fluid fidelity uses one mean rate per metric period, so the level between them is averaged over the period (fewer drops, a lower peak than it has); use fidelity: request or a shorter metrics.period`,
      expect.stringMatching(/^services\.web\.workload\.requestRate\.csv\.file: the rate changes at row time_s 1000\.5 \(16m40s500ms\), inside the metric period 16m-17m \(and at 1 more row inside a metric period\): fluid fidelity/),
    ]);
  });
  it('interpolate: linear, a peak narrower than a period: the period around it averages it lower; one warning for the file, the first turn and how many', () => {
    // rises 600-610 (100 -> 200 -> 300), holds 300 to 615, falls to 100 at 630: the period
    // 10m-11m averages (10 x 250 + 5 x 300 + 15 x 200 + 30 x 100) / 60 = 166.667/s, 44 % below 300
    expect(warned(csvTrace('csv-linear', '0,100\n600,200\n610,300\n615,300\n630,100\n3600,100\n', 'linear'))).toEqual([
      `${at}the rate turns within less than metrics.period 1m: it peaks at 300/s at rows time_s 610 to 615, and the metric period 10m-11m averages 166.667/s, 44 % below it: fluid fidelity uses one mean rate per metric period, so a turn narrower than a period is averaged over it (a lower peak, fewer drops than it has); use fidelity: request or a shorter metrics.period`,
    ]);
    // a sawtooth 100 <-> 400 every 30 s: each period averages 250/s; peaks at 30, 90, ...,
    // troughs at 60, 120, ...: 59 turns before the last row at 1800 s (a peak at 1770 s)
    const saw = Array.from({ length: 61 }, (_, i) => `${i * 30},${i % 2 === 0 ? 100 : 400}`).join('\n');
    expect(warned(csvTrace('csv-saw', `${saw}\n3600,100\n`, 'linear'))).toEqual([
      `${at}the rate turns within less than metrics.period 1m: it peaks at 400/s at row time_s 30, and the metric period 0s-1m averages 250/s, 38 % below it (59 such turns in the run): fluid fidelity uses one mean rate per metric period, so a turn narrower than a period is averaged over it (a lower peak, fewer drops than it has); use fidelity: request or a shorter metrics.period`,
    ]);
    // a trough: 300 -> 100 at 630 s -> 300 at 660 s; 10m-11m averages 200/s, 50 % above 100
    expect(warned(csvTrace('csv-trough', '0,300\n600,300\n630,100\n660,300\n3600,300\n', 'linear'))).toEqual([
      `${at}the rate turns within less than metrics.period 1m: it bottoms out at 100/s at row time_s 630, and the metric period 10m-11m averages 200/s, 50 % above it: fluid fidelity uses one mean rate per metric period, so a turn narrower than a period is averaged over it (a higher trough than it has); use fidelity: request or a shorter metrics.period`,
    ]);
    // the tolerance, 5 % of the larger: a peak of 112 over 100 (10m-11m averages 106, 5.4 %) is warned of, of 110 (105, 4.5 %) not
    expect(warned(csvTrace('csv-112', '0,100\n600,100\n630,112\n660,100\n3600,100\n', 'linear'))).toHaveLength(1);
    expect(warned(csvTrace('csv-110', '0,100\n600,100\n630,110\n660,100\n3600,100\n', 'linear'))).toEqual([]);
  });
  it('interpolate: linear, not warned of: a ramp traced every 30 s (rows keep rising), a diurnal traced every 10 s (its smooth turns), a peak a period wide', () => {
    // 150/s to 450/s from 10m to 30m, rows every 30 s: one ramp, each period's mean on it
    const ramp = Array.from({ length: 121 }, (_, i) => `${i * 30},${Math.min(450, Math.max(150, 150 + (300 * (i * 30 - 600)) / 1200))}`).join('\n');
    expect(warned(csvTrace('csv-ramp', `${ramp}\n`, 'linear'))).toEqual([]);
    // 100-400/s over a 30 min cycle every 10 s: a 1 min period beside the peak at 1800 s
    // averages 250 + 150 x sin(x) / x, x = 2 pi x 60 / 1800: 398.9/s, 0.3 % off, far below 5 %
    const diurnal = Array.from({ length: 361 }, (_, i) => `${i * 10},${(250 + 150 * Math.cos((2 * Math.PI * i * 10) / 1800)).toFixed(4)}`).join('\n');
    expect(warned(csvTrace('csv-diurnal', `${diurnal}\n`, 'linear'))).toEqual([]);
    // a peak held from 600 s to 660 s: the period 10m-11m sees it whole
    expect(warned(csvTrace('csv-wide', '0,100\n590,100\n600,300\n660,300\n670,100\n3600,100\n', 'linear'))).toEqual([]);
    // a peak of 400 at 600 s, a period edge, after 390 from 540 s: the period before it, 9m-10m,
    // averages (59 x 390 + 395) / 60 = 390.08/s, 2.5 % below it: not warned of (the period after it averages 102.5/s)
    expect(warned(csvTrace('csv-edge', '0,100\n540,390\n599,390\n600,400\n601,100\n3600,100\n', 'linear'))).toEqual([]);
  });
  it('the rows are named by the file\'s own time column (timeColumn: t), not time_s', () => {
    const named = (name: string, rows: string, interpolate: 'step' | 'linear') => {
      writeFileSync(join(dir, `${name}.csv`), `t,rate\n${rows}`);
      return warned(
        load(name, (s) => {
          s.services.web.workload.requestRate = { csv: { file: `${name}.csv`, timeColumn: 't', valueColumn: 'rate', interpolate } };
        }),
      );
    };
    const inside = named('col-inside', '0,100\n630,200\n3600,50\n', 'step');
    expect(inside).toHaveLength(1);
    expect(inside[0]).toMatch(/^services\.web\.workload\.requestRate\.csv\.file: the rate changes at row t 630 \(10m30s\), inside the metric period 10m-11m: /);
    const close = named('col-close', '0,100\n600,200\n610,300\n3600,300\n', 'step');
    expect(close).toHaveLength(1);
    expect(close[0]).toMatch(/^services\.web\.workload\.requestRate\.csv\.file: the rate changes at rows t 600 and 610, 10s apart, /);
    const turn = named('col-turn', '0,300\n600,300\n630,100\n660,300\n3600,300\n', 'linear');
    expect(turn).toHaveLength(1);
    expect(turn[0]).toMatch(/^services\.web\.workload\.requestRate\.csv\.file: the rate turns within less than metrics\.period 1m: it bottoms out at 100\/s at row t 630, /);
  });
  it('not warned of: jumps on the period grid, linear rows a period or more apart, rows close with one rate, fidelity request, rows after the end', () => {
    expect(warned(csvTrace('csv-grid', '0,100\n600,200\n660,300\n3600,50\n', 'step'))).toEqual([]);
    expect(warned(csvTrace('csv-slow', '0,100\n630,200\n690,300\n3600,50\n', 'linear'))).toEqual([]);
    expect(warned(csvTrace('csv-flat', '0,100\n630,100\n631,100\n3600,100\n', 'step'))).toEqual([]);
    expect(warned(csvTrace('csv-request', '0,100\n630,200\n631,300\n3600,50\n', 'step', 'request'))).toEqual([]);
    // the run is 1 h: a jump at 3630 s and one 1 s later are not in it
    expect(warned(csvTrace('csv-after', '0,100\n1800,100\n3630,200\n3631,300\n', 'step'))).toEqual([]);
  });
});

describe('a CPU-bound http task: serviceTime stretched to concurrency / capacityRps (documented, not warned of)', () => {
  it('the quick start (40 ms exponential, concurrency 8, capacityRps 100) serves in 8 / 100 s = 80 ms on average, shape kept, and says nothing', async () => {
    const { resolveServiceConfig } = await import('../../src/workload/service/resolve-config.js');
    const file = load('cpu-bound', () => {});
    const s = loadScenarioFile(file);
    const w = s.services[0].config.workload!;
    const cfg = resolveServiceConfig({ type: w.type, perTask: w.perTask, maxQueuePerTask: w.maxQueuePerTask, fidelity: 'fluid' });
    expect(cfg.meanServiceMs).toBeCloseTo(80, 9);
    expect(cfg.serviceScv).toBeCloseTo(1, 9); // exponential
    // docs/scenario-format.md (perTask.serviceTime): a library scenario writes it so; a warning would be noise
    expect(warned(file)).toEqual([]);
  });
});
