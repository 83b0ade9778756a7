// A task joining rotation inside a period (notes/service-model.md, "Where fluid departs from
// request fidelity", row a): balanced as one total, the period would hand the arrivals before
// the join to the new task (least-outstanding's water level) or net them against the old
// task's idle time after it (random): fewer drops than happen (808 random, 266
// least-outstanding). Fluid splits such a period at the change (fluid-model.ts, httpSplit);
// the request-fidelity case checks the hand figure.
import { describe, expect, it } from 'vitest';
import type { ServiceWorkloadConfig } from '../../../src/workload/service/index.js';
import { build, runPeriod } from './harness.js';

// 4 slots of exponential 40 ms: 100 requests/s a task; 150/s offered; queue of 20.
// Task a alone (its queue full from the first period) until b joins at 90 s of [60 s, 120 s):
// 30 s of 150 - 100 = 50/s over what a serves, all rejected (its queue is full): 1 500
// rejected; after the join 75/s a task, below capacity, nothing (the M/M/4/24 loss at
// rho 0.75 is about 1e-4). Served: 3 000 by a before, 4 500 after, plus the queue of 20.
const REJECTED = 1500;

function joinPeriod(fidelity: 'fluid' | 'request', routing: ServiceWorkloadConfig['routing'], seed: number) {
  const cfg: ServiceWorkloadConfig = { type: 'http', perTask: { concurrency: 4, serviceTime: { distribution: 'exponential', mean: 40 } }, maxQueuePerTask: 20, fidelity, routing };
  const { sim, model } = build(cfg, 150, seed, false);
  model.setInRotation('a', true, 0);
  runPeriod(sim, model, 0, 60_000);
  sim.run(90_000);
  model.setInRotation('b', true, 90_000);
  return runPeriod(sim, model, 60_000, 120_000);
}

describe('a task joins rotation at 90 s of the period [60 s, 120 s), one task overloaded before', () => {
  it('request fidelity rejects about 1 500 (the hand figure), random and least-outstanding', () => {
    for (const routing of ['random', 'least-outstanding'] as const) {
      let rejected = 0;
      for (const seed of [1, 2]) rejected += joinPeriod('request', routing, seed).rejected / 2;
      expect(rejected / REJECTED, routing).toBeGreaterThan(0.95);
      expect(rejected / REJECTED, routing).toBeLessThan(1.05);
    }
  });

  // one total per period rejected 808 (random) and 266 (least-outstanding)
  for (const routing of ['random', 'least-outstanding', 'round-robin'] as const) {
    it(`fluid, ${routing}: within 5 % of 1 500 rejected`, () => {
      const ratio = joinPeriod('fluid', routing, 1).rejected / REJECTED;
      expect(ratio).toBeGreaterThan(0.95);
      expect(ratio).toBeLessThan(1.05);
    });
  }
});
