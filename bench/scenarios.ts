// Simulated days per wall second on the standard scenarios (results discarded, and the
// month with its results folder written), the month scenario's scaling curve, peak memory.

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { loadScenarioFile, loadScenarioObject, type ResolvedScenario } from '../src/scenario/index.js';
import { runSimulation, type RunSinks } from '../src/sim/index.js';
import { runToFolder } from '../src/output/run-to-folder.js';
import { monthScenario } from './month-scenario.js';

const discard: RunSinks = { event() {}, timeseries() {}, capacity() {}, task() {} };

/** Collects the previous benchmark's garbage first (npm run bench passes --expose-gc). */
function collectGarbage(): void {
  (globalThis as { gc?: () => void }).gc?.();
}

/**
 * Simulated days per wall second. With `heapAt` (fractions of the run), also the memory in
 * use (JS heap and array buffers) after a full garbage collection at those points, by
 * simulated day: memory that grows with simulated time shows there (the collections' own
 * time counts in the wall time).
 */
export function speed(scenario: ResolvedScenario, heapAt: readonly number[] = []) {
  collectGarbage();
  const liveAfterGc: { day: number; MiB: number }[] = [];
  const days = scenario.scenario.duration / 86_400_000;
  let next = 0;
  const onProgress = (fraction: number) => {
    if (next >= heapAt.length || fraction < heapAt[next]) return;
    next++;
    collectGarbage();
    const m = process.memoryUsage();
    liveAfterGc.push({ day: Math.round(fraction * days * 10) / 10, MiB: Math.round((m.heapUsed + m.arrayBuffers) / 2 ** 20) });
  };
  const t0 = performance.now();
  const r = runSimulation(scenario, discard, { seed: scenario.scenario.seed, onProgress });
  const seconds = (performance.now() - t0) / 1000;
  return {
    simulatedDays: r.simulatedMs / 86_400_000,
    wallSeconds: Math.round(seconds * 1000) / 1000,
    simulatedDaysPerWallSecond: Math.round((r.simulatedMs / 86_400_000 / seconds) * 1000) / 1000,
    eventsPerSecond: Math.round(r.eventsProcessed / seconds),
    peakRssMiB: Math.round(process.resourceUsage().maxRSS / 1024),
    ...(heapAt.length > 0 ? { liveAfterGc } : {}),
  };
}

export function quickstartWeek() {
  return speed(loadScenarioFile('scenarios/quickstart.yaml', { durationMs: 7 * 86_400_000 }));
}

export function month(days = 30) {
  return speed(loadScenarioFile('bench/month.yaml', { durationMs: days * 86_400_000 }), [0.25, 0.5, 1]);
}

/**
 * The month scenario as `ecsim run` does it: every CSV row formatted and written to a
 * results folder (in a temporary directory, removed after), over `days` simulated days.
 */
export function monthWithResults(days = 7) {
  const scenario = loadScenarioFile('bench/month.yaml', { durationMs: days * 86_400_000 });
  const dir = mkdtempSync(join(tmpdir(), 'ecsim-bench-'));
  try {
    collectGarbage();
    const t0 = performance.now();
    runToFolder(scenario, { outDir: join(dir, 'month'), seed: scenario.scenario.seed });
    const seconds = (performance.now() - t0) / 1000;
    return {
      simulatedDays: days,
      wallSeconds: Math.round(seconds * 1000) / 1000,
      simulatedDaysPerWallSecond: Math.round((days / seconds) * 1000) / 1000,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * The month scenario at 1x, 4x, 16x services and instances (every group size), one
 * simulated day each. The three points run in turn, twice, and the faster run of each
 * counts: a single run of a point can be slowed by the machine's drift by a third, which
 * moves the exponent by 0.1.
 */
export function scalingCurve(days = 1, rounds = 2) {
  const scales = [1, 4, 16];
  const scenarios = scales.map((scale) => loadScenarioObject(`month-x${scale}`, monthScenario(scale, days), { baseDir: 'bench' }));
  const best: ReturnType<typeof speed>[] = [];
  for (let round = 0; round < rounds; round++) {
    scenarios.forEach((s, i) => {
      const r = speed(s);
      if (best[i] === undefined || r.wallSeconds < best[i].wallSeconds) best[i] = r;
    });
  }
  // (no peak RSS per point: the process's peak so far, it would show the 16x run's on the
  // second round's smaller points; the benchmark's own peakRssMiB is the 16x run's)
  const points = scales.map((scale, i) => {
    const { peakRssMiB: _, ...point } = best[i];
    return { scale, ...point };
  });
  // time ~ scale^k: least squares on log-log
  const xs = points.map((p) => Math.log(p.scale));
  const ys = points.map((p) => Math.log(p.wallSeconds));
  const mx = xs.reduce((a, b) => a + b, 0) / xs.length;
  const my = ys.reduce((a, b) => a + b, 0) / ys.length;
  const k = xs.reduce((s, x, i) => s + (x - mx) * (ys[i] - my), 0) / xs.reduce((s, x) => s + (x - mx) ** 2, 0);
  return { points, exponent: Math.round(k * 100) / 100 };
}
