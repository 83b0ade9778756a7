// Property: the fast fluid model (steady cohort, Newton percentiles, memo, atom prefix sums;
// docs/notes/performance-libs.md) gives the same period figures as the model before the
// performance work (reference/), on random configurations, traces and task churn.
// Tolerances: counts, CPU, memory exact up to float rounding (1e-9 relative); percentiles
// within 2e-5 relative (the reference bisection stops at 1e-5 relative bracket width).
// The reference shares backlogSeen and fitServedTo (backlog-path.ts) with src: the FIFO
// arithmetic inside them is held by the hand tests (http-drain-fifo, full-queue-fifo,
// backlog-path), not by this property, which sees a change there on both sides.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Distribution } from '../../../src/engine/index.js';
import { FluidServiceModel, resolveServiceConfig, type PeriodStats, type ServiceWorkloadConfig } from '../../../src/workload/service/index.js';
import { EXACT_ERLANG_MAX_PLACES } from '../../../src/workload/service/fluid-latency.js';
import { ReferenceFluidServiceModel } from './reference/reference-fluid-model.js';

const dist: fc.Arbitrary<Distribution> = fc.oneof(
  fc.record({ distribution: fc.constant('exponential' as const), mean: fc.double({ min: 5, max: 500, noNaN: true }) }),
  fc
    .record({ median: fc.double({ min: 5, max: 200, noNaN: true }), f: fc.double({ min: 1.2, max: 6, noNaN: true }) })
    .map(({ median, f }) => ({ distribution: 'lognormal' as const, median, p95: median * f })),
  fc.record({ distribution: fc.constant('fixed' as const), value: fc.double({ min: 5, max: 300, noNaN: true }) }),
  fc
    .record({ min: fc.double({ min: 1, max: 100, noNaN: true }), w: fc.double({ min: 1, max: 200, noNaN: true }) })
    .map(({ min, w }) => ({ distribution: 'uniform' as const, min, max: min + w })),
  fc
    .record({ mean: fc.double({ min: 20, max: 200, noNaN: true }), cv: fc.double({ min: 0.05, max: 0.5, noNaN: true }) })
    .map(({ mean, cv }) => ({ distribution: 'normal' as const, mean, sd: mean * cv })),
);

// An http service with exponential service and maxQueuePerTask <= 16 may take the exact
// small-buffer paths (fluid-latency.ts: round-robin at concurrency 1's E_n/M/1/K,
// exactErlangBuffer; every routing's M/M/c/K chain wait, atChain and the held-full mixture),
// which the reference model (from before them) does not have: those configurations are left
// out here and tested against independent figures in erlang-buffer.test.ts,
// fluid-small-buffer-chain.test.ts and test/sim/round-robin-small-queue.test.ts. (With
// least-outstanding at maxQueuePerTask 1 the two differed by 1e-9 ms in a mean wait of 1e-4 ms.)
const takesExactErlangPath = (c: ServiceWorkloadConfig): boolean =>
  c.type === 'http' && c.perTask.serviceTime?.distribution === 'exponential' && (c.maxQueuePerTask ?? 100) <= EXACT_ERLANG_MAX_PLACES;

const config: fc.Arbitrary<ServiceWorkloadConfig> = fc.record({
  type: fc.constantFrom('http' as const, 'http' as const, 'queue' as const),
  routing: fc.constantFrom('round-robin' as const, 'random' as const, 'least-outstanding' as const),
  maxQueuePerTask: fc.integer({ min: 0, max: 300 }),
  perTask: fc.record({
    concurrency: fc.integer({ min: 1, max: 8 }),
    serviceTime: dist,
    cpuBaseline: fc.double({ min: 0, max: 10, noNaN: true }),
    memoryMiB: fc.constant({ base: 300, perRps: 1.5 }),
  }),
}).filter((c) => !takesExactErlangPath(c));

const op = fc.record({
  kind: fc.constantFrom('in', 'in', 'out', 'remove', 'period', 'period', 'period'),
  task: fc.integer({ min: 0, max: 9 }),
  dt: fc.integer({ min: 0, max: 90_000 }),
});

function close(a: number | null | undefined, b: number | null | undefined, rel: number): boolean {
  if (a === null || a === undefined || b === null || b === undefined) return a === b || (a == null && b == null);
  if (!Number.isFinite(a) || !Number.isFinite(b)) return a === b;
  return Math.abs(a - b) <= rel * Math.max(1, Math.abs(a), Math.abs(b));
}

/** The reference model's P(latency > t) for the period just closed. */
type TailOf = (t: number) => number;

function compare(fast: PeriodStats, ref: PeriodStats, refTail: TailOf): void {
  for (const k of ['offered', 'served', 'rejected', 'queued', 'waiting', 'backlog', 'meanWaitMs', 'latencyMeanMs', 'waitedFraction'] as const) {
    if (!close(fast[k], ref[k], 1e-9)) expect.fail(`${k}: fast ${fast[k]} vs reference ${ref[k]}`);
  }
  for (const k of ['latencyP50Ms', 'latencyP95Ms', 'latencyP99Ms'] as const) {
    // Where the mixture tail is flat (groups far apart) the quantile is ill-conditioned:
    // then the fast answer must solve the reference tail equation instead.
    const p = k === 'latencyP50Ms' ? 0.5 : k === 'latencyP95Ms' ? 0.95 : 0.99;
    const f = fast[k];
    const solves = f !== null && Math.abs(refTail(f) - (1 - p)) <= 1e-7;
    if (!close(f, ref[k], 2e-5) && !solves) expect.fail(`${k}: fast ${f} vs reference ${ref[k]}`);
  }
  expect([...fast.perTask.keys()].sort()).toEqual([...ref.perTask.keys()].sort());
  for (const [id, r] of ref.perTask) {
    const f = fast.perTask.get(id)!;
    for (const k of ['requests', 'cpuPercent', 'memoryMiB'] as const) {
      if (!close(f[k], r[k], 1e-9)) expect.fail(`perTask ${id} ${k}: fast ${f[k]} vs reference ${r[k]}`);
    }
  }
  // uniformTaskStats: when set, it is every perTask entry (the caller may skip the lookups).
  if (fast.uniformTaskStats) {
    expect(fast.perTask.size).toBeGreaterThan(0);
    for (const v of fast.perTask.values()) expect(v).toBe(fast.uniformTaskStats);
  }
}

describe('fast fluid model = reference fluid model', () => {
  it('property: same period figures under random configs, rate changes and task churn', () => {
    fc.assert(
      fc.property(
        config,
        fc.array(fc.oneof(fc.constant(0), fc.double({ min: 1e-3, max: 2000, noNaN: true })), { minLength: 1, maxLength: 6 }),
        fc.array(op, { minLength: 1, maxLength: 60 }),
        fc.boolean(),
        (cfgIn, rates, ops, fargate) => {
          const cfg = resolveServiceConfig(cfgIn);
          // Piecewise-constant trace: rate k on [k x 100 s, (k+1) x 100 s), cycling.
          const rateAt = (t: number) => rates[Math.floor(t / 100_000) % rates.length];
          const trace = { rateAt, meanRate: (from: number) => rateAt(from) };
          const fast = new FluidServiceModel(cfg, trace, fargate, 0);
          const ref = new ReferenceFluidServiceModel(cfg, trace, fargate, 0);
          const refInternals = ref as unknown as { groups: { tail(shape: unknown, t: number): number }; shape: unknown };
          const gen = new Array<number>(10).fill(0);
          let t = 0;
          let from = 0;
          const period = () => {
            if (t === from) return;
            const r = ref.endPeriod(from, t);
            compare(fast.endPeriod(from, t), r, (x) => refInternals.groups.tail(refInternals.shape, x));
            from = t;
          };
          for (const o of ops) {
            t += o.dt;
            const id = `t${o.task}-${gen[o.task]}`;
            if (o.kind === 'in' || o.kind === 'out') {
              fast.setInRotation(id, o.kind === 'in', t);
              ref.setInRotation(id, o.kind === 'in', t);
            } else if (o.kind === 'remove') {
              fast.removeTask(id, t);
              ref.removeTask(id, t);
              gen[o.task]++;
            } else period();
          }
          // A few quiet periods: the cohort forms and the memo / warm starts are used.
          for (let k = 0; k < 4; k++) {
            t += 60_000;
            period();
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});
