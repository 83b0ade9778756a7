// Fluid queue services: a minute in which workers start or stop is updated piece by piece
// between the changes, messages served only while some worker runs (as the http path's
// httpSplit). Hand-computed: one worker of 4 slots x exponential 200 ms serves 20 msg/s;
// its CPU is 25 % per busy slot (cpuBaseline 0), busy slots = served x 0.2 s / time alive.
import { describe, it, expect } from 'vitest';
import { RandomStreams, Simulator } from '../../../src/engine/index.js';
import { build, runPeriod } from './harness.js';
import { createServiceLoadModel, type ServiceWorkloadConfig } from '../../../src/workload/service/index.js';

const worker: ServiceWorkloadConfig = { type: 'queue', perTask: { concurrency: 4, serviceTime: { distribution: 'exponential', mean: 200 } } };
const MIN = 60_000;

/** Stops worker `id` at `atMs` as the simulation does: out of rotation, out of RUNNING, removed 1 s later. */
function stop(model: ReturnType<typeof build>['model'], id: string, atMs: number): void {
  model.setInRotation(id, false, atMs);
  model.leftRunning(id, atMs);
  model.removeTask(id, atMs + 1000);
}

describe('fluid queue service: a minute in which workers stop', () => {
  it('the only worker stops 10 s into the minute at 5 msg/s: 50 served, 250 visible, its CPU 25 %', () => {
    // 0-10 s: 50 arrive, served at once (capacity 200); 10-60 s: 250 arrive, no worker.
    // The worker: 50 x 0.2 s / 10 s = 1 busy slot = 25 %. (One total over the minute served
    // min(300, 200) = 200 and read 100 %, backlog 100.)
    const { sim, model } = build(worker, 5);
    model.setInRotation('w', true, 0);
    runPeriod(sim, model, 0, MIN);
    sim.run(MIN + 10_000);
    stop(model, 'w', MIN + 10_000);
    const p = runPeriod(sim, model, MIN, 2 * MIN);
    expect(p.served).toBeCloseTo(50, 9);
    expect(p.queued).toBeCloseTo(250, 9);
    expect(p.backlog).toBeCloseTo(250, 9);
    expect(p.leftRunning.length).toBe(1);
    expect(p.leftRunning.stats[0].aliveMs).toBe(10_000);
    expect(p.leftRunning.stats[0].cpuPercent).toBeCloseTo(25, 9);
    expect(p.leftRunning.stats[0].requests).toBeCloseTo(50, 9);
    // the next minute: nobody serves, 300 more
    const n = runPeriod(sim, model, 2 * MIN, 3 * MIN);
    expect(n.served).toBe(0);
    expect(n.backlog).toBeCloseTo(550, 9);
  });

  it('2 workers -> 1 at 30 msg/s, 10 s into the minute: 300 + 50 x 20 = 1 300 served, 500 left; CPU 75 % and 95.8 %', () => {
    // 0-10 s: 300 arrive, 2 workers (40/s) serve them: 150 each. 10-60 s: 1 500 arrive, one
    // worker serves 20/s: 1 000, 500 left. The leaver: 150 x 0.2 / 10 = 3 busy slots = 75 %;
    // the stayer: 1 150 x 0.2 / 60 = 3.833 = 95.83 %; the service's mean (75 + 95.83) / 2 =
    // 85.4 %. (One total: min(1 800, 40 x 10 + 20 x 60 = 1 600) = 1 400... capped at the
    // capacity 1 400 of 70 worker-s x 20: 1 400 served, 400 left, 100 % each.)
    const { sim, model } = build(worker, 30);
    model.setInRotation('a', true, 0);
    model.setInRotation('b', true, 0);
    runPeriod(sim, model, 0, MIN);
    sim.run(MIN + 10_000);
    stop(model, 'b', MIN + 10_000);
    const p = runPeriod(sim, model, MIN, 2 * MIN);
    expect(p.served).toBeCloseTo(1300, 9);
    expect(p.queued).toBeCloseTo(500, 9);
    // one worker at 30 msg/s: its stationary queue (rho held at 0.98) is far below 500
    expect(p.backlog).toBeCloseTo(500, 9);
    expect(p.leftRunning.length).toBe(1);
    expect(p.leftRunning.stats[0].cpuPercent).toBeCloseTo(75, 9);
    expect(p.leftRunning.stats[0].requests).toBeCloseTo(150, 9);
    const a = p.perTask.get('a')!;
    expect(a.cpuPercent).toBeCloseTo((1150 * 0.2 * 25) / 60, 9);
    expect(a.requests).toBeCloseTo(1150, 9);
  });
});

describe('fluid queue service: a minute in which a worker starts late', () => {
  it('at capacity (20 msg/s) from 35.652 s with the backlog from 0: every message waited 35.652 s', () => {
    // S(t) = 20 (t - 35.652) served by t; message S arrived at S / 20 = t - 35.652: each
    // waited 35.652 s (+ 1 / 20 s: the model's D = wait x rate + 1 departures). 486.96
    // served, 713.04 left. (Departures spread over the whole minute read p50 18.3 s.)
    const { sim, model } = build(worker, 20);
    sim.run(35_652);
    model.setInRotation('w', true, 35_652);
    const p = runPeriod(sim, model, 0, MIN);
    expect(p.served).toBeCloseTo(486.96, 9);
    expect(p.backlog).toBeCloseTo(713.04, 9);
    expect(p.meanWaitMs! / 1000).toBeCloseTo(35.652 + 0.05, 2);
    // the time for 714 departures: sd sqrt(714) / 20 = 1.34 s around it, + service
    expect(p.latencyP50Ms! / 1000).toBeGreaterThan(35.652 - 1.34);
    expect(p.latencyP50Ms! / 1000).toBeLessThan(35.652 + 1.34);
    expect(p.latencyP95Ms! / 1000).toBeGreaterThan(35.652);
    expect(p.latencyP95Ms! / 1000).toBeLessThan(35.652 + 4 * 1.34);
  });

  it('below capacity (15 msg/s) from 35 s: waits fall from 35 s to 26.67 s, mean 30.83 s; 500 served, 400 left', () => {
    // S(t) = 20 (t - 35), arrived at S / 15 = (4/3)(t - 35): waited 46.67 - t / 3, from 35 s
    // at t = 35 to 26.67 s at t = 60 (525 waiting at 35 s, 375 more, 500 served: 400 left).
    const { sim, model } = build(worker, 15);
    sim.run(35_000);
    model.setInRotation('w', true, 35_000);
    const p = runPeriod(sim, model, 0, MIN);
    expect(p.served).toBeCloseTo(500, 9);
    expect(p.backlog).toBeCloseTo(400, 9);
    expect(p.meanWaitMs! / 1000).toBeCloseTo((35 + 80 / 3) / 2 + 0.05, 1);
    expect(p.latencyP50Ms! / 1000).toBeGreaterThan(30.83 - 1.3);
    expect(p.latencyP50Ms! / 1000).toBeLessThan(30.83 + 1.3);
    const w = p.perTask.get('w')!;
    // 500 x 0.2 s over the 25 s it ran: 4 busy slots
    expect(w.cpuPercent).toBeCloseTo(100, 9);
  });

  it('a worker joining two in a minute: the cohort serves 2 workers\' share before, 3 after', () => {
    // 50 msg/s; a and b (40/s) from 0: 600 left after minute 0. Minute 1: 60-90 s, 2 workers:
    // 1 500 arrive, 1 200 served (600 each), 900 left; 90-120 s, 3 workers (60/s): 1 500
    // arrive, 1 800 served (600 each), 600 left. The newcomer: 600 in 30 s = 100 %.
    // Waits: 2 400 served in minute 0, message S arrived at S / 50. 60-90 s: S = 2 400 +
    // 40 (t - 60), arrived at 0.8 t: waited 0.2 t, 12 -> 18 s; 90-120 s: S = 3 600 +
    // 60 (t - 90), arrived at 72 + 1.2 (t - 90): waited 36 - 0.2 t, 18 -> 12 s. Mean 15 s
    // (+ 1 / 40 s and 1 / 60 s, weighted 1 200 : 1 800: + 0.02 s). One total over the
    // minute (3 000 served at 50/s) read 12 s for all.
    const { sim, model } = build(worker, 50);
    model.setInRotation('a', true, 0);
    model.setInRotation('b', true, 0);
    runPeriod(sim, model, 0, MIN);
    sim.run(90_000);
    model.setInRotation('c', true, 90_000);
    const p = runPeriod(sim, model, MIN, 2 * MIN);
    expect(p.served).toBeCloseTo(3000, 9);
    expect(p.backlog).toBeCloseTo(600, 9);
    expect(p.perTask.get('a')!.requests).toBeCloseTo(1200, 9);
    expect(p.perTask.get('c')!.requests).toBeCloseTo(600, 9);
    expect(p.perTask.get('c')!.cpuPercent).toBeCloseTo(100, 9);
    expect(p.meanWaitMs! / 1000).toBeCloseTo(15.02, 1);
    // uniform on [12, 18] s: p95 at 17.7 s, plus the spread of the departures and service
    expect(p.latencyP95Ms! / 1000).toBeGreaterThan(17.2);
    expect(p.latencyP95Ms! / 1000).toBeLessThan(19);
  });
});

describe('fluid queue service: each piece at the trace\'s own mean rate over it', () => {
  it('no messages until 30 s, then 40 msg/s; the only worker stops at 30 s: nothing served, 1 200 visible', () => {
    // (the minute's mean rate, 20/s, over its first half would have the worker serve 600)
    const rateAt = (t: number) => (t < 30_000 ? 0 : 40);
    const integral = (t: number) => (t < 30_000 ? 0 : (40 * (t - 30_000)) / 1000);
    const trace = { rateAt, meanRate: (a: number, b: number) => (b > a ? ((integral(b) - integral(a)) * 1000) / (b - a) : rateAt(a)) };
    const sim = new Simulator();
    const model = createServiceLoadModel(worker, { sim, trace, streams: new RandomStreams(1), serviceName: 'svc', fargate: true });
    model.setInRotation('w', true, 0);
    sim.run(30_000);
    stop(model, 'w', 30_000);
    const p = runPeriod(sim, model, 0, MIN);
    expect(p.offered).toBeCloseTo(1200, 9);
    expect(p.served).toBe(0);
    expect(p.backlog).toBeCloseTo(1200, 9);
    expect(p.leftRunning.stats[0].cpuPercent).toBe(0);
  });
});
