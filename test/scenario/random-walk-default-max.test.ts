// A randomWalk whose max is left out, with modifiers whose factor can exceed 1: its max
// defaults to 1e9 (the ecsim bound on a trace) over the modifiers' largest factor, so the
// walk times the modifiers cannot pass the bound. Before, the default max 1e9 times e.g. a
// weekend factor 1.2 "may reach 1200000000" and the scenario was refused although its rate
// was 100. A max the scenario writes is kept, and a product above the bound is refused,
// naming randomWalk.max and the factor.

import { describe, it, expect } from 'vitest';
import { loadScenarioFile, ScenarioError } from '../../src/scenario/index.js';
import { traceConfigOf } from '../../src/scenario/trace-config.js';
import type { TraceSpec } from '../../src/scenario/trace-schema.js';
import { buildTrace, MAX_REQUEST_RATE, traceBounds } from '../../src/workload/trace/index.js';
import { RandomStreams } from '../../src/engine/index.js';
import { quickstart, runKeepingRows, tempDir, writeScenario } from '../helpers.js';

const dir = tempDir();
let n = 0;

function withRate(rate: unknown) {
  const s = quickstart();
  s.services.web.workload.requestRate = rate;
  s.duration = '20m';
  return s;
}

function problems(rate: unknown): string {
  try {
    loadScenarioFile(writeScenario(dir, `s${n++}`, withRate(rate)));
  } catch (e) {
    if (e instanceof ScenarioError) return e.message;
    throw e;
  }
  return 'no error';
}

const weekly = { randomWalk: { start: 100, volatility: 0.1 }, weekly: { weekendFactor: 1.2 } };
const noise = { randomWalk: { start: 100, volatility: 0.1 }, noise: { cv: 0.3 } };

describe('randomWalk max left out, with modifiers above 1', () => {
  it("the reviewer's examples validate and run", () => {
    expect(problems(weekly)).toBe('no error');
    expect(problems(noise)).toBe('no error');
    for (const rate of [weekly, noise]) {
      const r = runKeepingRows(withRate(rate), { seed: 1 });
      expect(r.timeseries.length).toBe(20);
      expect(r.timeseries.reduce((a, x) => a + x.requestsServed, 0)).toBeGreaterThan(0);
    }
  });

  it('the default max is 1e9 / the largest factor: 1e9 / 1.2, 1e9 / (1 + 4 x 0.3) = 1e9 / 2.2', () => {
    const walk = (spec: unknown) => (traceConfigOf(spec as TraceSpec, []) as { randomWalk: { max: number } }).randomWalk.max;
    expect(walk({ randomWalk: { start: 100, volatility: 0.1, min: 0, every: 60_000 }, weekly: { weekendFactor: 1.2 } })).toBeCloseTo(1e9 / 1.2, 0);
    expect(walk({ randomWalk: { start: 100, volatility: 0.1, min: 0, every: 60_000 }, noise: { type: 'gaussian', cv: 0.3, every: 60_000 } })).toBeCloseTo(1e9 / 2.2, 0);
    // no modifier, or none above 1: 1e9 as before
    expect(walk({ randomWalk: { start: 100, volatility: 0.1, min: 0, every: 60_000 } })).toBe(1e9);
    expect(walk({ randomWalk: { start: 100, volatility: 0.1, min: 0, every: 60_000 }, weekly: { weekendFactor: 0.5 } })).toBe(1e9);
    // a written max is kept
    expect(walk({ randomWalk: { start: 100, volatility: 0.1, min: 0, max: 500, every: 60_000 }, weekly: { weekendFactor: 1.2 } })).toBe(500);
  });

  it('a wild walk (volatility 5 in [1e8, max]) times a weekend factor 1.5 stays within 1e9 at every step', () => {
    const spec = { randomWalk: { start: 5e8, volatility: 5, min: 1e8, every: 60_000 }, weekly: { weekendFactor: 1.5 } } as unknown as TraceSpec;
    const config = traceConfigOf(spec, []);
    expect(traceBounds(config)[1]).toBeLessThanOrEqual(MAX_REQUEST_RATE);
    // 2026-03-02 is a Monday: weekdays for 5 days, then the factor 1.5 for 2
    const trace = buildTrace(config, { startEpochMs: Date.UTC(2026, 2, 2), streams: new RandomStreams(1), streamKey: 'web' });
    let weekday = 0;
    let weekend = 0;
    for (let k = 0; k < 7 * 1440; k++) {
      const r = trace.rateAt(k * 60_000);
      if (k < 5 * 1440) weekday = Math.max(weekday, r);
      else weekend = Math.max(weekend, r);
    }
    // the walk alone (weekdays) stays at or below its max 1e9 / 1.5 and comes close to it
    expect(weekday).toBeLessThanOrEqual(1e9 / 1.5);
    expect(weekday).toBeGreaterThan(0.9 * (1e9 / 1.5));
    expect(weekend).toBeLessThanOrEqual(MAX_REQUEST_RATE);
  });

  it('a written max whose product with the modifiers exceeds the bound is refused, naming randomWalk.max and the factor', () => {
    expect(problems({ randomWalk: { start: 100, volatility: 0.1, max: 5e8 }, noise: { cv: 0.3 } })).toMatch(
      /requestRate\.randomWalk\.max: expected a trace of at most 1000000000 requests\/s \(an ecsim bound\), found one that may reach 1100000000: randomWalk\.max 500000000 times the modifiers' largest factor 2\.2 .*lower randomWalk\.max to at most 454545454 /,
    );
    expect(problems({ randomWalk: { start: 100, volatility: 0.1, max: 454545454 }, noise: { cv: 0.3 } })).toBe('no error');
  });
});
