// summary.json's task counts and run latency as outputs.md defines them: tasksStarted counts
// every task the service created (a tasks.csv row each, placed or not), tasksStopped those
// that reached STOPPED; latencyMs keeps its three keys, each null, when nothing was served.

import { describe, it, expect } from 'vitest';
import { loadScenarioFile } from '../../src/scenario/index.js';
import { runSimulation, type TaskRow } from '../../src/sim/index.js';

describe('summary.json: tasksStarted, tasksStopped, latencyMs', () => {
  it('counts the never-placed tasks of unplaceable-task.yaml; null latencies where nothing was served', () => {
    const s = loadScenarioFile('scenarios/unplaceable-task.yaml');
    const tasks: TaskRow[] = [];
    const r = runSimulation(s, { event() {}, timeseries() {}, capacity() {}, task: (t) => tasks.push(t) }, { seed: s.scenario.seed });
    const services = r.summary.services as Record<string, { tasksStarted: number; tasksStopped: number; latencyMs: unknown }>;
    for (const [name, svc] of Object.entries(services)) {
      const rows = tasks.filter((t) => t.service === name);
      expect(svc.tasksStarted, name).toBe(rows.length);
      expect(svc.tasksStopped, name).toBe(rows.filter((t) => t.stopped !== null).length);
    }
    // gpu-batch's memberOf wants g5 instances the fleet does not have: its 2 tasks are created and never placed
    const gpu = tasks.filter((t) => t.service === 'gpu-batch');
    expect(gpu.length).toBe(2);
    expect(gpu.every((t) => t.instanceId === null || t.instanceId === '')).toBe(true);
    expect(services['gpu-batch'].tasksStarted).toBe(2);
    expect(services['gpu-batch'].latencyMs).toEqual({ p50: null, p95: null, p99: null });
  });
});
