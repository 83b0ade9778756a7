// A task alive for part of a metric period reports its CPU and memory over that part, as
// ECS's CPUUtilization is CPU used over CPU reserved while the task runs (aws-behaviour §5,
// AmazonECS/latest/developerguide/service_utilization.html): a task saturated for every
// second it runs reads 100 %, not 100 % x its share of the minute. Both fidelities.
import { describe, it, expect } from 'vitest';
import { build, runPeriod } from './harness.js';
import type { ServiceWorkloadConfig } from '../../../src/workload/service/index.js';

// capacity 4 / 40 ms = 100 rps = capacityRps; baseline 3 %; memory 350 + 0.8 x rps
const web = (fidelity: 'fluid' | 'request'): ServiceWorkloadConfig => ({
  type: 'http',
  perTask: { capacityRps: 100, concurrency: 4, serviceTime: { distribution: 'fixed', value: 40 }, cpuBaseline: 3, memoryMiB: { base: 350, perRps: 0.8 } },
  maxQueuePerTask: 200,
  fidelity,
});

describe.each(['fluid', 'request'] as const)('%s: figures over the part of the period the task ran', (fidelity) => {
  // request fidelity: fixed service times, a queue that never empties -> all 4 slots busy
  // from the first arrival (a few ms after entry at 150 rps) to the period end
  const close = (v: number, want: number) => (fidelity === 'fluid' ? expect(v).toBeCloseTo(want, 9) : expect(Math.abs(v - want)).toBeLessThan(0.5));

  it('one saturated task entering rotation at 30 s of [0, 60 s): 100 % CPU (not 3 + 97 x 30/60 = 51.5), memory 350 + 0.8 x 100', () => {
    const { sim, model } = build(web(fidelity), 150);
    sim.run(30_000);
    model.setInRotation('a', true, 30_000);
    const a = runPeriod(sim, model, 0, 60_000).perTask.get('a')!;
    close(a.cpuPercent, 100);
    close(a.memoryMiB, 430);
    expect(a.aliveMs).toBe(30_000);
  });

  it('RUNNING at 20 s, in rotation at 30 s: 10 s at the baseline and 30 s saturated -> 3 + 97 x 30/40 = 75.75 %, memory 350 + 0.8 x 75', () => {
    const { sim, model } = build(web(fidelity), 150);
    sim.run(20_000);
    model.setInRotation('a', false, 20_000);
    sim.run(30_000);
    model.setInRotation('a', true, 30_000);
    const a = runPeriod(sim, model, 0, 60_000).perTask.get('a')!;
    close(a.cpuPercent, 75.75);
    close(a.memoryMiB, 410);
    expect(a.aliveMs).toBe(40_000);
  });

  it('a task known only at the period end (alive 0 ms) reads cpuBaseline and memoryMiB.base, no division by 0', () => {
    const { sim, model } = build(web(fidelity), 150);
    sim.run(60_000);
    model.setInRotation('a', false, 60_000);
    const a = runPeriod(sim, model, 0, 60_000).perTask.get('a')!;
    expect(a.cpuPercent).toBe(3);
    expect(a.memoryMiB).toBe(350);
    expect(a.aliveMs).toBe(0);
  });

  it('a task alive 2 ms stays within [cpuBaseline, 100] %', () => {
    const { sim, model } = build(web(fidelity), 150);
    sim.run(59_998);
    model.setInRotation('a', true, 59_998);
    const a = runPeriod(sim, model, 0, 60_000).perTask.get('a')!;
    expect(a.cpuPercent).toBeGreaterThanOrEqual(3);
    expect(a.cpuPercent).toBeLessThanOrEqual(100);
    expect(Number.isFinite(a.memoryMiB)).toBe(true);
  });

  it('the next period, alive throughout, is over the whole period again', () => {
    const { sim, model } = build(web(fidelity), 150);
    sim.run(30_000);
    model.setInRotation('a', true, 30_000);
    runPeriod(sim, model, 0, 60_000);
    const a = runPeriod(sim, model, 60_000, 120_000).perTask.get('a')!;
    expect(a.aliveMs).toBe(60_000);
    close(a.cpuPercent, 100);
  });
});

describe('request fidelity: a task alive a few ms', () => {
  it('reads its memory from at most the rate a task completes on average (one completion in 5 ms is not 200 rps)', () => {
    // exponential 100 ms, 4 slots: taskRate 40 rps; memory at most 350 + 0.8 x 40 = 382
    const cfg: ServiceWorkloadConfig = { ...web('request'), perTask: { ...web('request').perTask, capacityRps: 40, serviceTime: { distribution: 'exponential', mean: 100 } } };
    let completedEarly = 0;
    for (let seed = 1; seed <= 40; seed++) {
      const { sim, model } = build(cfg, 400, seed);
      sim.run(59_995);
      model.setInRotation('a', true, 59_995);
      const a = runPeriod(sim, model, 0, 60_000).perTask.get('a')!;
      if (a.memoryMiB > 350) completedEarly++;
      expect(a.memoryMiB).toBeLessThanOrEqual(382 + 1e-9);
    }
    expect(completedEarly).toBeGreaterThan(0); // some seed finished a request in those 5 ms
  });
});

describe('fluid queue service: a worker joining mid-period', () => {
  it('saturated from 30 s: 4 busy slots x 25 = 100 % (not 50 %)', () => {
    const { sim, model } = build({ type: 'queue', perTask: { concurrency: 4, serviceTime: { distribution: 'fixed', value: 200 }, cpuPerBusySlot: 25 } }, 40);
    model.setInRotation('w', true, 30_000);
    const w = runPeriod(sim, model, 0, 60_000).perTask.get('w')!;
    // 40 msg/s > 20 msg/s it serves: 600 messages in 30 s, 0.2 s each = 4 slots busy
    expect(w.cpuPercent).toBeCloseTo(100, 9);
    expect(w.requests).toBeCloseTo(600, 9);
  });
});
