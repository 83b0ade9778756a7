// A workload figure so large that a metric came out Infinity (memoryMiB.perRps: 1e308 made
// memory_utilization Infinity, cpuPerBusySlot: 1e308 cpu_utilization) ran, and the run died
// mid-way on an internal error with a stack trace: refused at load instead, exit 2, the key's
// path, the bound and the value, and no results folder.

import { describe, it, expect } from 'vitest';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { cli, quickstart, tempDir, writeScenario } from '../helpers.js';

const dir = tempDir();

/** The quick start's web as a queue worker on EC2: concurrency 4, 100 ms a message. */
function queueWorker(s: Record<string, any>): void {
  const w = s.services.web.workload;
  w.type = 'queue';
  delete s.services.web.loadBalancer;
  delete w.maxQueuePerTask;
  delete w.slo.errorRate;
  w.perTask = { concurrency: 4, serviceTime: { distribution: 'fixed', value: '100ms' } };
  s.services.web.autoScaling.policies = {};
}

async function refusedRun(name: string, patch: (s: Record<string, any>) => void) {
  const s = quickstart();
  patch(s);
  const file = writeScenario(dir, name, s);
  const out = join(dir, `${name}-out`);
  const r = await cli('run', file, '--duration', '10m', '--out', out);
  expect(r.code).toBe(2);
  expect(existsSync(out)).toBe(false);
  expect(r.stderr).not.toMatch(/internal error|    at /);
  return r.stderr.trim();
}

describe('workload figures that would make a metric non-finite are refused at load', () => {
  it('memoryMiB.perRps above 1e9 MiB (1e308 made memory_utilization Infinity)', async () => {
    const err = await refusedRun('per-rps', (s) => (s.services.web.workload.perTask.memoryMiB = { base: 200, perRps: 1e308 }));
    expect(err).toMatch(/services\.web\.workload\.perTask\.memoryMiB\.perRps: expected at most 1000000000 \(an ecsim bound: .*\), found 1e\+308$/);
  });

  it('memoryMiB.base above 1e9 MiB with no hard memory limit (nothing else bounded it)', async () => {
    const err = await refusedRun('base', (s) => {
      delete s.taskDefinitions.web.memory;
      s.taskDefinitions.web.containerDefinitions.app = { cpu: 256, memoryReservation: 512, portMappings: [{ containerPort: 8080 }] };
      s.services.web.workload.perTask.memoryMiB = { base: 1e308, perRps: 0 };
    });
    expect(err).toMatch(/services\.web\.workload\.perTask\.memoryMiB\.base: expected at most 1000000000 \(an ecsim bound: .*\), found 1e\+308$/);
  });

  it('cpuPerBusySlot above 100, a percent of the task CPU per busy slot (1e308 made cpu_utilization Infinity)', async () => {
    const err = await refusedRun('per-slot', (s) => (queueWorker(s), (s.services.web.workload.perTask.cpuPerBusySlot = 1e308)));
    expect(err).toMatch(/services\.web\.workload\.perTask\.cpuPerBusySlot: expected at most 100 \(a percent of the task's CPU that one busy slot uses: at most the whole task\), found 1e\+308$/);
  });

  it('the bounds themselves are taken: perRps 1e9 (warned of, not refused) and cpuPerBusySlot 100', async () => {
    const s = quickstart();
    s.services.web.workload.perTask.memoryMiB = { base: 200, perRps: 1e9 };
    const a = await cli('validate', writeScenario(dir, 'ok-mem', s));
    expect(a.code).toBe(0);
    const q = quickstart();
    queueWorker(q);
    q.services.web.workload.perTask.cpuPerBusySlot = 100;
    const b = await cli('validate', writeScenario(dir, 'ok-cpu', q));
    expect(b.code).toBe(0);
  });
});
