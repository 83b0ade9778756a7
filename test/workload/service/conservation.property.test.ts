// Property: no request is lost or invented. For every period,
// served + rejected + queued(end) - queued(start) = offered, in both fidelities, under
// random task churn (rotation in/out, removal) and random period lengths.
import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { build } from './harness.js';

const op = fc.record({
  kind: fc.constantFrom('in', 'out', 'remove', 'period'),
  task: fc.integer({ min: 0, max: 3 }),
  dt: fc.integer({ min: 1, max: 8000 }),
});

function check(fidelity: 'fluid' | 'request', type: 'http' | 'queue', routing: 'round-robin' | 'least-outstanding' | 'random', rate: number, ops: { kind: string; task: number; dt: number }[]) {
  const { sim, model } = build(
    { type, perTask: { concurrency: 2, serviceTime: { distribution: 'exponential', mean: 40 }, ...(type === 'http' ? { capacityRps: 50 } : {}) }, maxQueuePerTask: 5, fidelity, routing },
    rate,
    3,
  );
  const gen = [0, 0, 0, 0]; // task generation: removed ids are never reused
  let t = 0;
  let from = 0;
  let queued = 0;
  const close = () => {
    sim.run(t);
    const s = model.endPeriod(from, t);
    const lhs = s.served + s.rejected + s.queued - queued;
    if (fidelity === 'request') expect(lhs).toBe(s.offered);
    else expect(Math.abs(lhs - s.offered)).toBeLessThan(1e-6 * Math.max(1, s.offered));
    if (type === 'queue') expect(s.rejected).toBe(0);
    queued = s.queued;
    from = t;
  };
  for (const o of ops) {
    t += o.dt;
    sim.run(t);
    const id = `t${o.task}-${gen[o.task]}`;
    if (o.kind === 'in') model.setInRotation(id, true, t);
    else if (o.kind === 'out') model.setInRotation(id, false, t);
    else if (o.kind === 'remove') {
      model.removeTask(id, t);
      gen[o.task]++;
    } else close();
  }
  t += 1000;
  close();
}

describe('conservation: served + rejected + queued(end) - queued(start) = offered', () => {
  for (const fidelity of ['fluid', 'request'] as const) {
    for (const type of ['http', 'queue'] as const) {
      it(`${fidelity} ${type}`, () => {
        fc.assert(
          fc.property(
            fc.constantFrom('round-robin', 'least-outstanding', 'random'),
            fc.double({ min: 0, max: 300, noNaN: true }),
            fc.array(op, { minLength: 1, maxLength: 40 }),
            (routing, rate, ops) => check(fidelity, type, routing, rate, ops),
          ),
          { numRuns: 60 },
        );
      });
    }
  }
});
