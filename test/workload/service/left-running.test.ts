// A task that left RUNNING during a metric period (scaled in, unhealthy, drained,
// interrupted) reports its CPU and memory over the part of the period it was RUNNING, as a
// task that started during the period does (partial-period.test.ts): ECS's service metric
// is over the service's tasks that ran in the minute (AmazonECS/latest/developerguide/
// service_utilization.html). The model lists those figures in the next endPeriod's
// `leftRunning`, even when the task was removed before it. Both fidelities.
import { describe, it, expect } from 'vitest';
import { build, runPeriod } from './harness.js';
import type { ServiceWorkloadConfig } from '../../../src/workload/service/index.js';

// 4 slots x fixed 40 ms = 100 rps a task; baseline 3 %; memory 350 + 0.8 x rps
const web = (fidelity: 'fluid' | 'request'): ServiceWorkloadConfig => ({
  type: 'http',
  perTask: { capacityRps: 100, concurrency: 4, serviceTime: { distribution: 'fixed', value: 40 }, cpuBaseline: 3, memoryMiB: { base: 350, perRps: 0.8 } },
  maxQueuePerTask: 200,
  fidelity,
});

describe.each(['fluid', 'request'] as const)('%s: a task that left RUNNING during the period', (fidelity) => {
  // request fidelity: Poisson arrivals, ~1200 requests over 30 s: a few % of noise
  const close = (v: number, want: number, tol = 2) => (fidelity === 'fluid' ? expect(v).toBeCloseTo(want, 9) : expect(Math.abs(v - want)).toBeLessThan(tol));

  /** a and b in rotation from 0 at 80 rps (40 each, round-robin); one period [0, 60 s) run. */
  function twoTasks() {
    const { sim, model } = build(web(fidelity), 80);
    model.setInRotation('a', true, 0);
    model.setInRotation('b', true, 0);
    runPeriod(sim, model, 0, 60_000);
    return { sim, model };
  }

  it('b leaves rotation and RUNNING at 90 s of [60, 120 s): b over its 30 s, 40 rps: CPU 3 + 97 x 0.4 = 41.8 %, memory 350 + 0.8 x 40 = 382; a over 60 s at 60 rps on average: 61.2 %', () => {
    const { sim, model } = twoTasks();
    sim.run(90_000);
    model.setInRotation('b', false, 90_000);
    model.leftRunning('b', 90_000);
    const p = runPeriod(sim, model, 60_000, 120_000);
    expect(p.leftRunning.length).toBe(1);
    const b = p.leftRunning.stats[0];
    expect(b.aliveMs).toBe(30_000);
    close(b.cpuPercent, 41.8);
    close(b.memoryMiB, 382);
    close(b.requests, 1200, 120);
    // a: 30 s at 40 rps, then 30 s at 80 rps -> 60 rps over the minute
    const a = p.perTask.get('a')!;
    close(a.cpuPercent, 3 + 97 * 0.6);
    close(a.memoryMiB, 350 + 0.8 * 60);
  });

  it('listed even when removed (STOPPED) before the period end; not listed the next period', () => {
    const { sim, model } = twoTasks();
    sim.run(90_000);
    model.setInRotation('b', false, 90_000);
    model.leftRunning('b', 90_000);
    sim.run(100_000);
    model.removeTask('b', 100_000);
    const p = runPeriod(sim, model, 60_000, 120_000);
    expect(p.leftRunning.length).toBe(1);
    expect(p.leftRunning.stats[0].aliveMs).toBe(30_000);
    close(p.leftRunning.stats[0].cpuPercent, 41.8);
    expect(runPeriod(sim, model, 120_000, 180_000).leftRunning.length).toBe(0);
  });

  it('still DEACTIVATING at the period end: listed once, over its RUNNING part only', () => {
    const { sim, model } = twoTasks();
    sim.run(105_000);
    model.setInRotation('b', false, 105_000);
    model.leftRunning('b', 105_000);
    const p = runPeriod(sim, model, 60_000, 120_000);
    expect(p.leftRunning.length).toBe(1);
    expect(p.leftRunning.stats[0].aliveMs).toBe(45_000);
    close(p.leftRunning.stats[0].cpuPercent, 41.8);
    sim.run(150_000);
    model.removeTask('b', 150_000);
    expect(runPeriod(sim, model, 120_000, 180_000).leftRunning.length).toBe(0);
  });

  it('saturated with a full queue when it leaves at 90 s (drained while DEACTIVATING): 100 % and 350 + 0.8 x 100 MiB over its 30 s, not what it served after', () => {
    const { sim, model } = build(web(fidelity), 150);
    model.setInRotation('a', true, 0);
    runPeriod(sim, model, 0, 60_000);
    sim.run(90_000);
    model.setInRotation('a', false, 90_000);
    model.leftRunning('a', 90_000);
    const p = runPeriod(sim, model, 60_000, 120_000);
    expect(p.leftRunning.length).toBe(1);
    close(p.leftRunning.stats[0].cpuPercent, 100, 0.5);
    close(p.leftRunning.stats[0].memoryMiB, 430, 0.5);
  });

  it('RUNNING at 70 s, never in rotation, stopped at 100 s: 30 s at the baseline (3 %, 350 MiB)', () => {
    const { sim, model } = twoTasks();
    sim.run(70_000);
    model.setInRotation('c', false, 70_000);
    sim.run(100_000);
    model.leftRunning('c', 100_000);
    model.removeTask('c', 100_000);
    const p = runPeriod(sim, model, 60_000, 120_000);
    expect(p.leftRunning.length).toBe(1);
    expect(p.leftRunning.stats[0]).toEqual({ cpuPercent: 3, memoryMiB: 350, requests: 0, aliveMs: 30_000 });
  });

  it('left at the instant the period started (0 ms RUNNING in it): not listed', () => {
    const { sim, model } = twoTasks();
    model.setInRotation('b', false, 60_000);
    model.leftRunning('b', 60_000);
    model.removeTask('b', 60_000);
    expect(runPeriod(sim, model, 60_000, 120_000).leftRunning.length).toBe(0);
  });
});
