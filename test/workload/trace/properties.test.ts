// Property tests over random trace configs: bounds, determinism under any query order,
// meanRate of a constant, and additivity of meanRate over adjacent intervals.

import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { RandomStreams } from '../../../src/engine/index.js';
import { buildTrace, traceBounds, type TraceConfig } from '../../../src/workload/trace/index.js';
import { D, H, M, S } from './helpers.js';

const rate = (max = 5000) => fc.double({ min: 0, max, noNaN: true, noDefaultInfinity: true });
const time = fc.integer({ min: -D, max: 20 * D });
const zone = fc.constantFrom(undefined, 'UTC', 'Europe/Berlin', 'America/New_York', 'Asia/Kolkata', 'Australia/Lord_Howe');

const baseShape: fc.Arbitrary<Record<string, unknown>> = fc.oneof(
  rate().map((c) => ({ constant: c })),
  fc.record({ from: rate(), to: rate(), at: time }).map((s) => ({ step: s })),
  fc
    .record({ from: rate(), steps: fc.uniqueArray(fc.record({ at: time, to: rate() }), { minLength: 1, maxLength: 6, selector: (s) => s.at }) })
    .map(({ from, steps }) => ({ step: { from, steps: [...steps].sort((a, b) => a.at - b.at) } })),
  fc
    .record({ from: rate(), to: rate(), start: time, length: fc.integer({ min: 0, max: 3 * D }) })
    .map(({ from, to, start, length }) => ({ ramp: { from, to, start, end: start + length } })),
  fc
    .record({
      min: rate(),
      span: rate(),
      h: fc.integer({ min: 0, max: 23 }),
      m: fc.integer({ min: 0, max: 59 }),
      period: fc.integer({ min: H, max: 7 * D }),
      timezone: zone,
    })
    .map(({ min, span, h, m, period, timezone }) => ({
      diurnal: { min, max: min + span, peakAt: `${h}:${String(m).padStart(2, '0')}`, period, timezone },
    })),
  fc
    .record({ min: rate(), span: rate(), at: fc.double({ min: 0.01, max: 1, noNaN: true }), volatility: fc.double({ min: 0, max: 0.5, noNaN: true }), every: fc.integer({ min: M, max: H }) })
    .map(({ min, span, at, volatility, every }) => {
      const lo = Math.max(min, 1e-3); // start must be > 0
      const max = Math.max(min + span, lo);
      return { randomWalk: { start: Math.min(max, lo + (max - lo) * at), volatility, min, max, every } };
    }),
  fc
    .record({
      rows: fc.uniqueArray(fc.record({ t: time, value: rate() }), { minLength: 1, maxLength: 20, selector: (r) => r.t }),
      interpolate: fc.constantFrom('linear' as const, 'step' as const),
    })
    .map(({ rows, interpolate }) => ({ csv: { rows: [...rows].sort((a, b) => a.t - b.t), interpolate } })),
);

const spike = fc.record({
  at: time,
  rampUp: fc.integer({ min: 0, max: 2 * H }),
  hold: fc.integer({ min: 0, max: 6 * H }),
  rampDown: fc.option(fc.integer({ min: 0, max: 2 * H }), { nil: undefined }),
  multiplier: fc.double({ min: 0, max: 10, noNaN: true }),
});

const modifiers = fc.record(
  {
    weekly: fc.record({ weekendFactor: fc.double({ min: 0, max: 3, noNaN: true }), timezone: zone }),
    spikes: fc.array(spike, { maxLength: 4 }),
    noise: fc.record({ type: fc.constant('gaussian' as const), cv: fc.double({ min: 0, max: 0.6, noNaN: true }), every: fc.integer({ min: M, max: H }) }),
  },
  { requiredKeys: [] },
);

const traceConfig: fc.Arbitrary<TraceConfig> = fc
  .tuple(baseShape, modifiers)
  .map(([b, m]) => ({ ...b, ...m }) as unknown as TraceConfig);

const startEpoch = fc.integer({ min: Date.parse('2020-01-01T00:00:00Z'), max: Date.parse('2030-12-31T00:00:00Z') });

function make(config: TraceConfig, seed: number, startEpochMs: number) {
  return buildTrace(config, { startEpochMs, streams: new RandomStreams(seed), streamKey: 'svc' });
}

const RUNS = { numRuns: 150 };

describe('trace properties', () => {
  it('rateAt and meanRate stay within traceBounds, and rates are >= 0', () => {
    fc.assert(
      fc.property(traceConfig, startEpoch, fc.array(time, { minLength: 1, maxLength: 20 }), (config, start, times) => {
        const [lo, hi] = traceBounds(config);
        expect(lo).toBeGreaterThanOrEqual(0);
        const trace = make(config, 7, start);
        // Also probe inside every spike (its hold and both ramps), where the factor is largest.
        const probes = (config.spikes ?? []).flatMap((s) => [s.at + s.rampUp / 2, s.at + s.rampUp + s.hold / 2, s.at + s.rampUp + s.hold + 1]);
        for (const t of [...times, ...probes]) {
          const r = trace.rateAt(t);
          expect(r).toBeGreaterThanOrEqual(lo);
          expect(r).toBeLessThanOrEqual(hi);
          // meanRate is a positive-weight average of in-bounds values (rounding slack only).
          const m = trace.meanRate(t, t + 17 * M);
          expect(m).toBeGreaterThanOrEqual(lo - 1e-9 * (hi + 1));
          expect(m).toBeLessThanOrEqual(hi + 1e-9 * (hi + 1));
        }
      }),
      RUNS,
    );
  });

  it('rateAt is deterministic: same seed -> same values whatever the query order', () => {
    fc.assert(
      fc.property(traceConfig, startEpoch, fc.integer(), fc.array(time, { minLength: 2, maxLength: 30 }), (config, start, seed, times) => {
        const forward = make(config, seed, start);
        const a = times.map((t) => forward.rateAt(t));
        const backward = make(config, seed, start);
        const b = [...times].reverse().map((t) => backward.rateAt(t)).reverse();
        const sparse = make(config, seed, start); // only ever asked about the latest time first
        const latest = times.reduce((x, y) => (y > x ? y : x));
        sparse.rateAt(latest);
        const c = times.map((t) => sparse.rateAt(t));
        expect(b).toEqual(a);
        expect(c).toEqual(a);
      }),
      RUNS,
    );
  });

  it('meanRate of a constant is the constant', () => {
    fc.assert(
      fc.property(rate(1e6), time, fc.integer({ min: 0, max: 30 * D }), (c, from, length) => {
        expect(make({ constant: c }, 1, 0).meanRate(from, from + length)).toBe(c);
      }),
    );
  });

  it('meanRate over [a, c] is the time-weighted combination of [a, b] and [b, c]', () => {
    fc.assert(
      fc.property(
        traceConfig,
        startEpoch,
        time,
        fc.integer({ min: 1, max: 3 * D }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (config, start, a, length, split) => {
          const c = a + length;
          const b = a + Math.round(split * length);
          const trace = make(config, 3, start);
          const whole = trace.meanRate(a, c) * (c - a);
          const parts = trace.meanRate(a, b) * (b - a) + trace.meanRate(b, c) * (c - b);
          const [, hi] = traceBounds(config);
          expect(Math.abs(whole - parts)).toBeLessThanOrEqual(1e-8 * (hi + 1) * (c - a));
        },
      ),
      RUNS,
    );
  });

  it('meanRate of a piecewise-constant trace matches a fine Riemann sum (1 s cells)', () => {
    fc.assert(
      fc.property(
        fc.record({ from: rate(), steps: fc.uniqueArray(fc.record({ at: fc.integer({ min: 0, max: H }).map((x) => x - (x % S)), to: rate() }), { minLength: 1, maxLength: 5, selector: (s) => s.at }) }),
        fc.double({ min: 0, max: 3, noNaN: true }),
        (step, weekend) => {
          const cfg = { step: { from: step.from, steps: [...step.steps].sort((x, y) => x.at - y.at) }, weekly: { weekendFactor: weekend }, noise: { type: 'gaussian' as const, cv: 0.2, every: 10 * S } };
          const trace = make(cfg as TraceConfig, 5, Date.parse('2026-03-06T23:30:00Z')); // crosses into Saturday
          let sum = 0;
          for (let t = 0; t < H; t += S) sum += trace.rateAt(t + S / 2);
          expect(trace.meanRate(0, H)).toBeCloseTo(sum / 3600, 6);
        },
      ),
      { numRuns: 40 },
    );
  });
});
