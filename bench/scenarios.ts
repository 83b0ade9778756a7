// Simulated days per wall second on the shipped scenarios (results discarded).

import { performance } from 'node:perf_hooks';
import { loadScenarioFile } from '../src/scenario/index.js';
import { runSimulation, type RunSinks } from '../src/sim/index.js';

const discard: RunSinks = { event() {}, timeseries() {}, capacity() {}, task() {} };

export function scenarioSpeed(file: string, durationMs?: number) {
  const scenario = loadScenarioFile(file, { durationMs });
  const t0 = performance.now();
  const r = runSimulation(scenario, discard, { seed: scenario.scenario.seed });
  const seconds = (performance.now() - t0) / 1000;
  return {
    simulatedDays: r.simulatedMs / 86_400_000,
    wallSeconds: Math.round(seconds * 1000) / 1000,
    simulatedDaysPerWallSecond: Math.round((r.simulatedMs / 86_400_000 / seconds) * 100) / 100,
    eventsPerSecond: Math.round(r.eventsProcessed / seconds),
  };
}

export function scenarioBenchmarks() {
  return {
    quickstartWeek: scenarioSpeed('scenarios/quickstart.yaml', 7 * 86_400_000),
  };
}
