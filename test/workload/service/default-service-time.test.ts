// An http workload given capacityRps and no serviceTime serves in exponential time with mean
// concurrency / capacityRps (docs/scenario-format.md, perTask.serviceTime; notes/service-model.md):
// concurrency 8 at 100 requests/s is 8 / 100 s = 80 ms, scv 1, and the task serves its 100/s.

import { describe, expect, it } from 'vitest';
import { resolveServiceConfig } from '../../../src/workload/service/resolve-config.js';

describe('the default serviceTime of an http task', () => {
  it('concurrency 8, capacityRps 100: exponential, mean 80 ms', () => {
    const cfg = resolveServiceConfig({ type: 'http', perTask: { concurrency: 8, capacityRps: 100 } } as Parameters<typeof resolveServiceConfig>[0]);
    expect(cfg.serviceTime).toEqual({ distribution: 'exponential', mean: 80 });
    expect(cfg.meanServiceMs).toBeCloseTo(80, 9);
    expect(cfg.serviceScv).toBeCloseTo(1, 9);
    expect(cfg.stretch).toBe(1);
    expect(cfg.taskRate).toBeCloseTo(100, 9);
  });

  it('concurrency 1 (the default), capacityRps 40: mean 25 ms', () => {
    const cfg = resolveServiceConfig({ type: 'http', perTask: { capacityRps: 40 } } as Parameters<typeof resolveServiceConfig>[0]);
    expect(cfg.serviceTime).toEqual({ distribution: 'exponential', mean: 25 });
  });
});
