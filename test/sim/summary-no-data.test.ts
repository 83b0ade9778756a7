// summary.json's cpuUtilization and memoryUtilization are over the periods with a datapoint
// (ECS publishes CPUUtilization/MemoryUtilization only while the service has RUNNING tasks:
// service_utilization.html's formula divides by their number). A service that never had
// one reports null for mean/p50/p95/max, as latencyMs does when nothing was served — not
// 0, which is a real reading. Consumers skip it: compare/sweep's cpuMean averages only the
// services with data. Expectations worked out by hand.

import { describe, it, expect, vi } from 'vitest';
import { loadScenarioFile } from '../../src/scenario/index.js';
import { runSimulation, type TimeseriesRow } from '../../src/sim/index.js';
import { Distribution } from '../../src/sim/summary.js';
import { headlineMetrics, METRICS } from '../../src/experiment/metrics.js';
import { printRunSummary } from '../../src/cli/print-summary.js';

const NO_DATA = { mean: null, p50: null, p95: null, max: null };

describe('cpuUtilization / memoryUtilization without a datapoint', () => {
  it('a Distribution with no value gives null figures; one value v gives v for all four', () => {
    expect(new Distribution().stats()).toEqual(NO_DATA);
    const d = new Distribution();
    d.push(37.5);
    expect(d.stats()).toEqual({ mean: 37.5, p50: 37.5, p95: 37.5, max: 37.5 });
  });

  it('unplaceable-task.yaml: reports and gpu-batch never ran (every cpu_utilization empty): null, web has numbers', () => {
    const s = loadScenarioFile('scenarios/unplaceable-task.yaml');
    const rows: TimeseriesRow[] = [];
    const r = runSimulation(s, { event() {}, timeseries: (t) => rows.push(t), capacity() {}, task() {} }, { seed: s.scenario.seed });
    const services = r.summary.services as Record<string, { cpuUtilization: unknown; memoryUtilization: unknown }>;
    for (const name of ['reports', 'gpu-batch']) {
      expect(rows.filter((x) => x.service === name).every((x) => x.cpuUtilization === null), name).toBe(true);
      expect(services[name].cpuUtilization, name).toEqual(NO_DATA);
      expect(services[name].memoryUtilization, name).toEqual(NO_DATA);
    }
    expect(typeof (services.web.cpuUtilization as { mean: unknown }).mean).toBe('number');
  });

  it('compare/sweep cpuMean averages the services with data only: (40 + 20) / 2 = 30 with a third service without data', () => {
    const svc = (cpu: number | null) => ({
      taskHours: 1,
      cpuUtilization: { mean: cpu, p50: cpu, p95: cpu, max: cpu },
      requests: { dropped: 0 },
      latencyMs: { p95: null },
      sloViolationMinutes: 0,
      scalingActivities: { out: 0, in: 0 },
    });
    const summary = { cost: { total: 1 }, services: { a: svc(40), b: svc(20), c: svc(null) } } as never;
    expect(headlineMetrics(summary)[METRICS.indexOf('cpuMean')]).toBe(30);
    const none = { cost: { total: 1 }, services: { c: svc(null) } } as never;
    expect(headlineMetrics(none)[METRICS.indexOf('cpuMean')]).toBeNaN();
  });

  it('ecsim run\'s printed table shows "-" for CPU without data, as for p95 latency', () => {
    const s = loadScenarioFile('scenarios/unplaceable-task.yaml');
    const r = runSimulation(s, { event() {}, timeseries() {}, capacity() {}, task() {} }, { seed: s.scenario.seed });
    let out = '';
    const spy = vi.spyOn(process.stdout, 'write').mockImplementation((chunk: unknown) => ((out += String(chunk)), true));
    try {
      printRunSummary({ summary: r.summary, wallSeconds: 1, eventsPerSecond: 1 } as never, '/tmp/x');
    } finally {
      spy.mockRestore();
    }
    const line = out.split('\n').find((l) => /^\s*gpu-batch\s/.test(l))!;
    // service, desired, task-h, cpu, p95 ms, dropped %, SLO-min, scale out/in
    expect(line.trim().split(/\s{2,}/)).toEqual(['gpu-batch', '2..2 (2)', '0.0', '-', '-', '-', '0', '0/0']);
    // the lowest and highest desired count the run reached (not minCapacity..maxCapacity)
    expect(out.split('\n').find((l) => l.startsWith('service'))!.split(/\s{2,}/)).toEqual(['service', 'desired lowest..highest (final)', 'task-h', 'cpu% mean/p95', 'p95 ms', 'dropped %', 'SLO-min', 'scale out/in']);
  });
});
