// summary.json's task counts and run latency as outputs.md defines them: tasksStarted counts
// every task ECS created (a tasks.csv row each; with launchType EC2 a task is created only
// when an instance takes it), tasksStopped those that reached STOPPED; latencyMs keeps its
// three keys, each null, when nothing was served.

import { describe, it, expect } from 'vitest';
import { loadScenarioFile } from '../../src/scenario/index.js';
import { runSimulation, type CapacityRow, type TaskRow } from '../../src/sim/index.js';

describe('summary.json: tasksStarted, tasksStopped, latencyMs', () => {
  it('unplaceable-task.yaml: counts match tasks.csv, launchType EC2 tasks never placed are not counted; null latencies where nothing was served', () => {
    const s = loadScenarioFile('scenarios/unplaceable-task.yaml');
    const tasks: TaskRow[] = [];
    const r = runSimulation(s, { event() {}, timeseries() {}, capacity() {}, task: (t) => tasks.push(t) }, { seed: s.scenario.seed });
    const services = r.summary.services as Record<string, { tasksStarted: number; tasksStopped: number; latencyMs: unknown }>;
    for (const [name, svc] of Object.entries(services)) {
      const rows = tasks.filter((t) => t.service === name);
      expect(svc.tasksStarted, name).toBe(rows.length);
      expect(svc.tasksStopped, name).toBe(rows.filter((t) => t.stopped !== null).length);
    }
    // gpu-batch's memberOf wants g5 instances the fleet does not have: with launchType EC2 ECS
    // never creates its 2 tasks (service event only)
    expect(tasks.filter((t) => t.service === 'gpu-batch')).toEqual([]);
    expect(services['gpu-batch'].tasksStarted).toBe(0);
    expect(services.web.tasksStarted).toBe(3);
    expect(services['gpu-batch'].latencyMs).toEqual({ p50: null, p95: null, p99: null });
  });
});

describe('summary.json: a Fargate provider has taskHours and maxTasks', () => {
  it('fargate-spot.yaml: taskHours = RUNNING to STOPPED (or the end) summed over its tasks; maxTasks = the most tasks_running at a period end', () => {
    const s = loadScenarioFile('scenarios/fargate-spot.yaml');
    const tasks: TaskRow[] = [];
    const rows: CapacityRow[] = [];
    const r = runSimulation(s, { event() {}, timeseries() {}, capacity: (c) => rows.push(c), task: (t) => tasks.push(t) }, { seed: s.scenario.seed });
    const providers = r.summary.capacityProviders as Record<string, { taskHours: number; maxTasks: number }>;
    const end = s.scenario.duration;
    for (const name of ['FARGATE', 'FARGATE_SPOT']) {
      const ms = tasks.filter((t) => t.capacityProvider === name && t.running !== null).reduce((a, t) => a + (t.stopped ?? end) - t.running!, 0);
      expect(providers[name].taskHours, name).toBeCloseTo(ms / 3_600_000, 4);
      expect(providers[name].maxTasks, name).toBe(Math.max(...rows.filter((c) => c.capacityProvider === name).map((c) => c.tasksRunning)));
      expect(Object.keys(providers[name]).sort()).toEqual(['maxTasks', 'taskHours']);
    }
    // the base of 2 on FARGATE (weight 0): at most 2 tasks there
    expect(providers.FARGATE.maxTasks).toBe(2);
  });
});
