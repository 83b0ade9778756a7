// Fluid mode rules on small hand-computed cases.
import { describe, it, expect } from 'vitest';
import { build, runPeriod } from './harness.js';

const web = (maxQueuePerTask: number) => ({
  type: 'http' as const,
  perTask: { capacityRps: 100, concurrency: 4, serviceTime: { distribution: 'exponential' as const, mean: 40 }, cpuBaseline: 3, memoryMiB: { base: 350, perRps: 0.8 } },
  maxQueuePerTask,
});

describe('fluid http', () => {
  it('overload: serves capacityRps x T, holds the full buffer\'s mean queue, rejects the rest (503)', () => {
    const { sim, model } = build(web(200), 150);
    model.setInRotation('a', true, 0);
    const s = runPeriod(sim, model, 0, 60_000);
    expect(s.offered).toBeCloseTo(9000, 9);
    expect(s.served).toBeCloseTo(6000, 9); // 100 rps x 60 s
    // M/M/4/204 at rho 1.5: the waiting count is 200 - i with weight (1/1.5)^i, mean
    // 200 - r / (1 - r) = 198 (r = 2/3; the rest of the chain weighs about 1.5^-200), not the cap
    expect(s.queued).toBeCloseTo(198, 9);
    expect(s.rejected).toBeCloseTo(2802, 9);
    const a = s.perTask.get('a')!;
    expect(a.cpuPercent).toBeCloseTo(100, 9); // 3 + (100 - 3) x 100/100: capacityRps is 100 % CPU
    expect(a.memoryMiB).toBeCloseTo(350 + 0.8 * 100, 9);
  });

  it('EC2: a task serving capacityRps reads 100 %, not baseline + 100 (the baseline is part of the 100 %: design scenario.yaml)', () => {
    const { sim, model } = build(web(200), 150, 1, false);
    model.setInRotation('a', true, 0);
    expect(runPeriod(sim, model, 0, 60_000).perTask.get('a')!.cpuPercent).toBeCloseTo(100, 9);
  });

  it('half of capacityRps reads the baseline plus half of the rest: 3 + 97 x 50/100 = 51.5 %', () => {
    const { sim, model } = build(web(200), 50, 1, false);
    model.setInRotation('a', true, 0);
    expect(runPeriod(sim, model, 0, 60_000).perTask.get('a')!.cpuPercent).toBeCloseTo(51.5, 9);
  });

  it('no task in rotation: everything offered is rejected', () => {
    const { sim, model } = build(web(200), 50);
    const s = runPeriod(sim, model, 0, 60_000);
    expect(s.rejected).toBeCloseTo(3000, 9);
    expect(s.served).toBe(0);
    expect(s.latencyP95Ms).toBeNull();
  });

  it('a task joining at mid-period takes arrivals only from then on (equal shares while in rotation)', () => {
    const { sim, model } = build(web(200), 50);
    model.setInRotation('a', true, 0);
    model.setInRotation('b', true, 30_000);
    const s = runPeriod(sim, model, 0, 60_000);
    // a: 50 rps x 30 s + 25 rps x 30 s = 2250; b: 25 x 30 = 750
    expect(s.perTask.get('a')!.requests).toBeCloseTo(2250, 9);
    expect(s.perTask.get('b')!.requests).toBeCloseTo(750, 9);
    // http CPU = baseline + (100 - baseline) x served rps / capacityRps
    expect(s.perTask.get('a')!.cpuPercent).toBeCloseTo(3 + (97 * 2250) / 60 / 100, 9);
    // b over its 30 s: 750 / 30 = 25 rps (not spread over the whole minute: 12.5 rps)
    expect(s.perTask.get('b')!.cpuPercent).toBeCloseTo(3 + (97 * 25) / 100, 9);
  });

  it('removed task: its fluid queue counts as rejected', () => {
    const { sim, model } = build(web(200), 150);
    model.setInRotation('a', true, 0);
    runPeriod(sim, model, 0, 60_000); // queue 198 (M/M/4/204 at rho 1.5, above)
    model.removeTask('a', 60_000);
    const s = runPeriod(sim, model, 60_000, 120_000);
    expect(s.rejected).toBeCloseTo(198 + 9000, 9);
    expect(s.queued).toBe(0);
    expect(s.perTask.size).toBe(0);
  });

  it('low load latency is about the service time: M/M/4 at rho 0.1, p50 = 40 ln 2 ms nearly', () => {
    const { sim, model } = build({ ...web(200), perTask: { ...web(200).perTask, capacityRps: 100 } }, 10);
    model.setInRotation('a', true, 0);
    const s = runPeriod(sim, model, 0, 60_000);
    expect(s.latencyP50Ms!).toBeGreaterThan(40 * Math.log(2));
    expect(s.latencyP50Ms!).toBeLessThan(40 * Math.log(2) * 1.02);
  });
});

describe('fluid queue service', () => {
  const worker = { type: 'queue' as const, perTask: { concurrency: 4, serviceTime: { distribution: 'fixed' as const, value: 200 }, cpuPerBusySlot: 25 } };
  it('no worker: messages accumulate in the backlog, none rejected', () => {
    const { sim, model } = build(worker, 40);
    const s = runPeriod(sim, model, 0, 60_000);
    expect(s.backlog).toBeCloseTo(2400, 9);
    expect(s.rejected).toBe(0);
  });
  it('workers drain the backlog at concurrency / mean(serviceTime); CPU = cpuPerBusySlot x busy slots', () => {
    const { sim, model } = build(worker, 10);
    runPeriod(sim, model, 0, 60_000); // backlog 600
    model.setInRotation('w', true, 60_000);
    const s = runPeriod(sim, model, 60_000, 120_000);
    // capacity 4 / 0.2 s = 20 msg/s x 60 = 1200 >= 600 + 600
    expect(s.served).toBeCloseTo(1200, 9);
    // the fluid excess is drained; what stays visible is the stationary queue of 4 slots at
    // 10 msg/s x 0.2 s = 2 Erlangs, fixed service (Allen-Cunneen k = (1 + 0) / 2):
    // Erlang C(4, 2) = (16/24 x 4/2) / (1 + 2 + 2 + 8/6 + 16/24 x 4/2) = 4/23, and
    // Lq = C x rho / (1 - rho) x k = 4/23 x 1 x 0.5 = 2/23
    expect(s.backlog).toBeCloseTo(2 / 23, 9);
    expect(s.perTask.get('w')!.cpuPercent).toBeCloseTo(100, 9); // 4 busy slots x 25
  });
  it('default cpuPerBusySlot = (100 - cpuBaseline) / concurrency: all 4 slots busy read 100 %, 2 of 4 read 20 + 2 x 20 = 60 %', () => {
    const { cpuPerBusySlot, ...rest } = worker.perTask;
    void cpuPerBusySlot;
    const w = { ...worker, perTask: { ...rest, cpuBaseline: 20 } };
    const full = build(w, 40); // 40 msg/s > 20 msg/s the 4 slots serve: all busy
    full.model.setInRotation('w', true, 0);
    expect(runPeriod(full.sim, full.model, 0, 60_000).perTask.get('w')!.cpuPercent).toBeCloseTo(100, 9);
    const half = build(w, 10); // 10 msg/s x 0.2 s = 2 busy slots
    half.model.setInRotation('w', true, 0);
    expect(runPeriod(half.sim, half.model, 0, 60_000).perTask.get('w')!.cpuPercent).toBeCloseTo(60, 9);
  });
});
